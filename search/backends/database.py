"""Search on the database: PostgreSQL full-text search (unaccent, prefix terms, ts_rank) or,
on SQLite, word-prefix matching on accent-folded text. Filters and facets read the live tables.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery as PgQuery
from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Substr
from oscar.core.loading import get_model

from marketplace.core.text import fold
from marketplace.partner.models import Area, Status

from ..models import SearchTerm
from ..query import FACETS, PRICE_BANDS, FacetCount, SearchQuery, SearchResults
from ..text import corrections, words

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")


@dataclass(frozen=True)
class Term:
    exact: str  # as typed, NFC lower-case
    folded: tuple[str, ...]  # its folded form, then one-edit corrections if it is unknown


def terms_for(text: str) -> list[Term]:
    terms = []
    for word in words(text)[:8]:
        folded = fold(word)
        alternatives = [folded]
        if len(folded) >= 5 and not SearchTerm.objects.filter(word__startswith=folded).exists():
            band = SearchTerm.objects.filter(length__range=(len(folded) - 1, len(folded) + 1))
            alternatives += corrections(folded, band.values_list("word", flat=True))
        terms.append(Term(exact=word, folded=tuple(alternatives)))
    return terms


def _postgresql() -> bool:
    return connection.vendor == "postgresql"


def _tsquery(terms: list[Term]) -> PgQuery:
    """`(dương:* | duongg:*) & ...`, folded by unaccent() inside PostgreSQL."""
    groups = ["(" + " | ".join(f"{alt}:*" for alt in (t.exact, *t.folded[1:])) + ")" for t in terms]
    raw = Func(Value(" & ".join(groups)), function="unaccent", output_field=TextField())
    return PgQuery(raw, search_type="raw", config="simple")


def _approved_records():
    return StockRecord.objects.filter(product=OuterRef("pk"), partner__status=Status.APPROVED)


def visible_products() -> QuerySet:
    """Public, browsable products with a stock record of an approved cooperative (no duplicates)."""
    return Product.objects.browsable().filter(Exists(_approved_records()))


def _match(products: QuerySet, terms: list[Term]) -> QuerySet:
    if not terms:
        return products
    if _postgresql():
        return products.filter(search_index__vector=_tsquery(terms))
    for term in terms:
        condition = Q()
        for alternative in term.folded:
            condition |= Q(search_index__text__contains=f" {alternative}")
        products = products.filter(condition)
    return products


def _category_condition(ids) -> Q:
    paths = Category.objects.filter(pk__in=ids).values_list("path", flat=True)
    condition = Q()
    for path in paths:
        condition |= Q(category__path__startswith=path)
    if not condition:
        return Q(pk__in=[])
    return Q(Exists(ProductCategory.objects.filter(condition, product=OuterRef("pk"))))


def _price_condition(key: str) -> Q:
    low, high = PRICE_BANDS[key]
    records = _approved_records()
    if low is not None:
        records = records.filter(price__gte=low)
    if high is not None:
        records = records.filter(price__lt=high)
    return Q(Exists(records))


def _in_stock_condition() -> Q:
    return Q(Exists(_approved_records().filter(num_in_stock__gt=Coalesce("num_allocated", 0))))


def _stars_condition(values) -> Q:
    from marketplace.ocop.models import Certificate

    return Q(Exists(Certificate.objects.valid().filter(products=OuterRef("pk"), stars__in=values)))


def _filter(products: QuerySet, filters: dict) -> QuerySet:
    for name, values in filters.items():
        if not values:
            continue
        if name in ("group", "subgroup"):
            products = products.filter(_category_condition(values))
        elif name == "area":
            products = products.filter(Exists(_approved_records().filter(partner__area__in=values)))
        elif name == "coop":
            products = products.filter(Exists(_approved_records().filter(partner_id__in=values)))
        elif name == "stars":
            products = products.filter(_stars_condition(values))
        elif name == "price":
            condition = Q()
            for key in values:
                condition |= _price_condition(key)
            products = products.filter(condition)
        elif name == "stock":
            products = products.filter(_in_stock_condition())
    return products


def _score(terms: list[Term]):
    """Exact accents in the title first, then folded title words, the folded phrase, the rest."""
    parts = []
    for term in terms:
        parts.append(Case(When(search_index__title_exact__contains=f" {term.exact}", then=8), default=0))
        parts.append(Case(When(search_index__text_exact__contains=f" {term.exact}", then=2), default=0))
        parts.append(Case(When(search_index__title__contains=f" {term.folded[0]}", then=4), default=0))
    if len(terms) > 1:
        phrase = " ".join(term.folded[0] for term in terms)
        parts.append(Case(When(search_index__title__contains=f" {phrase}", then=6), default=0))
    score = parts[0]
    for part in parts[1:]:
        score = score + part
    if _postgresql():
        return Coalesce(score, 0, output_field=FloatField()) + SearchRank(
            F("search_index__vector"), _tsquery(terms)
        )
    return Coalesce(score, 0, output_field=IntegerField())


def _min_price():
    return Min("stockrecords__price", filter=Q(stockrecords__partner__status=Status.APPROVED))


def _order(products: QuerySet, sort: str, terms: list[Term]) -> QuerySet:
    if sort == "relevance" and terms:
        return products.annotate(score=_score(terms)).order_by("-score", "-date_created", "-pk")
    if sort in ("price-asc", "price-desc"):
        products = products.annotate(sort_price=_min_price())
        if sort == "price-asc":
            return products.order_by(F("sort_price").asc(nulls_last=True), "pk")
        return products.order_by(F("sort_price").desc(nulls_last=True), "-pk")
    if sort == "rating":
        return products.order_by(F("rating").desc(nulls_last=True), "-date_created", "-pk")
    return products.order_by("-date_created", "-pk")


def search(query: SearchQuery) -> SearchResults:
    terms = terms_for(query.text)
    matched = _match(visible_products(), terms)
    if query.category_id:
        matched = matched.filter(_category_condition([query.category_id]))
    filtered = _filter(matched, query.filters)
    window = _order(filtered, query.sort, terms)[query.offset : query.offset + query.limit]
    results = SearchResults(ids=list(window.values_list("pk", flat=True)), total=filtered.count())
    if query.facets:
        results.facets = facet_counts(matched, query)
    return results


# --- Facets ---------------------------------------------------------------------------


def facet_counts(matched: QuerySet, query: SearchQuery) -> dict[str, list[FacetCount]]:
    counts = {}
    for name in FACETS:
        products = _filter(matched, query.without(name)).values("pk")
        counts[name] = _COUNTERS[name](products)
    _label_categories(counts)
    return counts


def _category_level(products, level: int) -> list[FacetCount]:
    steplen = Category.steplen
    links = ProductCategory.objects.filter(product__in=products, category__depth__gte=level)
    rows = (
        links.annotate(prefix=Substr("category__path", 1, steplen * level))
        .values("prefix")
        .annotate(n=Count("product", distinct=True))
        .order_by("prefix")
    )
    return [FacetCount(value=row["prefix"], count=row["n"]) for row in rows]


def _label_categories(counts) -> None:
    """Turn path prefixes into category ids and names (one query for both levels)."""
    prefixes = [f.value for name in ("group", "subgroup") for f in counts.get(name, [])]
    categories = {c.path: c for c in Category.objects.filter(path__in=prefixes)}
    for name in ("group", "subgroup"):
        facets = []
        for facet in counts.get(name, []):
            category = categories.get(facet.value)
            if category is not None:
                facets.append(FacetCount(value=str(category.pk), count=facet.count, label=category.name))
        counts[name] = facets


def _partner_rows(products, *fields):
    records = StockRecord.objects.filter(product__in=products, partner__status=Status.APPROVED)
    return records.values(*fields).annotate(n=Count("product", distinct=True))


def _area_counts(products) -> list[FacetCount]:
    labels = dict(Area.choices)
    rows = _partner_rows(products, "partner__area").order_by("partner__area")
    return [
        FacetCount(value=row["partner__area"], count=row["n"], label=str(labels[row["partner__area"]]))
        for row in rows
        if row["partner__area"] in labels
    ]


def _coop_counts(products) -> list[FacetCount]:
    rows = _partner_rows(products, "partner_id", "partner__name").order_by("-n", "partner__name")[:30]
    return [
        FacetCount(value=str(row["partner_id"]), count=row["n"], label=row["partner__name"]) for row in rows
    ]


def _stars_counts(products) -> list[FacetCount]:
    from marketplace.ocop.models import Certificate

    rows = (
        Certificate.objects.valid()
        .filter(products__in=products)
        .order_by()
        .values("stars")
        .annotate(n=Count("products", distinct=True))
        .order_by("-stars")
    )
    return [FacetCount(value=str(row["stars"]), count=row["n"], label=f"{row['stars']}★") for row in rows]


def _price_counts(products) -> list[FacetCount]:
    """One pass over the stock records: each record falls in one band (a product in every band
    one of its approved records falls in)."""
    bands = []
    for key, (low, high) in PRICE_BANDS.items():
        condition = Q()
        if low is not None:
            condition &= Q(price__gte=low)
        if high is not None:
            condition &= Q(price__lt=high)
        bands.append(When(condition, then=Value(key)))
    rows = (
        StockRecord.objects.filter(product__in=products, partner__status=Status.APPROVED, price__isnull=False)
        .annotate(band=Case(*bands, output_field=TextField()))
        .values("band")
        .annotate(n=Count("product", distinct=True))
    )
    counts = {row["band"]: row["n"] for row in rows}
    return [FacetCount(value=key, count=counts[key]) for key in PRICE_BANDS if counts.get(key)]


def _stock_counts(products) -> list[FacetCount]:
    records = StockRecord.objects.filter(
        product__in=products, partner__status=Status.APPROVED, num_in_stock__gt=Coalesce("num_allocated", 0)
    )
    total = records.aggregate(n=Count("product", distinct=True))["n"]
    return [FacetCount(value="1", count=total)] if total else []


_COUNTERS = {
    "group": lambda products: _category_level(products, 1),
    "subgroup": lambda products: _category_level(products, 2),
    "area": _area_counts,
    "coop": _coop_counts,
    "stars": _stars_counts,
    "price": _price_counts,
    "stock": _stock_counts,
}


# --- Suggestions ------------------------------------------------------------------------


def suggest_product_ids(text: str, *, limit: int) -> list[int]:
    """Products whose title has words starting with every typed word (accents ignored)."""
    folded = [fold(word) for word in words(text)[:6]]
    if not folded:
        return []
    products = visible_products()
    for word in folded:
        products = products.filter(search_index__title__contains=f" {word}")
    exact = words(text)
    score = Case(When(search_index__title_exact__contains=f" {' '.join(exact)}", then=1), default=0)
    ranked = products.annotate(score=score).order_by("-score", "search_index__title", "pk")
    return list(ranked.values_list("pk", flat=True)[:limit])
