"""What is searchable about a product, as one place for every backend."""

from marketplace.core.text import fold


def product_text(product) -> str:
    parts = [product.title, product.description or "", product.upc or ""]
    for record in product.stockrecords.all():
        partner = record.partner
        parts += [partner.name, partner.short_name, partner.commune, partner.get_area_display()]
    for category in product.get_categories().all():
        parts += [c.name for c in category.get_ancestors_and_self()]
    return fold(" ".join(parts))
