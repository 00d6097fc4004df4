"""Builds the demo floor for the new Ninh Bình from marketplace.demo.data (idempotent).

It uses the same services as the rest of the code, so the demo is what a real
cooperative would get.
"""

from collections.abc import Callable
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.sites.models import Site as DjangoSite
from django.core.files.base import ContentFile
from django.db import transaction
from oscar.core.loading import get_model
from wagtail.models import Site as WagtailSite

from marketplace.catalogue import services as catalogue_services
from marketplace.ocop.models import Certificate, Verification
from marketplace.partner import services as partner_services
from marketplace.partner.models import Role
from search import services as search_services

from . import data, pictures

Country = get_model("address", "Country")
User = get_user_model()

PASSWORD = "ChoHTX@2026"
ACCOUNTS = {
    "admin": "admin@chohtx.vn",
    "editor": "bientap@chohtx.vn",
    "customer": "khachhang@chohtx.vn",
}
EDITORS_GROUP = "Biên tập viên Liên minh"  # Alliance editors


def _leaves(groups, parent_path=()):
    for group in groups:
        path = (*parent_path, group)
        children = group.get("children") or []
        if children:
            yield from _leaves(children, path)
        else:
            yield path


def load_sites(domain: str) -> None:
    host, __, port = domain.partition(":")
    DjangoSite.objects.update_or_create(pk=1, defaults={"domain": domain, "name": "Chợ HTX"})
    WagtailSite.objects.filter(is_default_site=True).update(
        hostname=host, port=int(port or 80), site_name="Chợ HTX"
    )


def load_countries() -> None:
    Country.objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "printable_name": "Việt Nam",
            "name": "Cộng hòa Xã hội Chủ nghĩa Việt Nam",
            "display_order": 1,
            "is_shipping_country": True,
        },
    )


def load_categories() -> dict:
    by_code = {}

    def walk(nodes, parent=None):
        for node in nodes:
            category = catalogue_services.category_ensure(code=node["code"], name=node["name"], parent=parent)
            by_code[node["code"]] = category
            walk(node.get("children") or [], category)

    walk(data.OCOP_GROUPS)
    return by_code


def _product_kinds(coop_key: str) -> list[str]:
    return [pictures.picture_kind(p["title"], p["category"]) for p in data.PRODUCTS if p["coop"] == coop_key]


def load_cooperative_pictures(partner, coop_key: str) -> None:
    """A drawn logo (initials) and cover (the cooperative's kinds of product), unless it has its own."""
    if not partner.logo:
        partner.logo.save(
            f"{partner.code}-logo.png", ContentFile(pictures.draw_logo(partner.name)), save=False
        )
    if not partner.cover:
        cover = pictures.draw_cover(_product_kinds(coop_key), seed=partner.code)
        partner.cover.save(f"{partner.code}-cover.jpg", ContentFile(cover), save=False)
    partner.save(update_fields=["logo", "cover"])


def load_cooperatives() -> dict:
    cooperatives = {}
    for coop in data.COOPERATIVES:
        fields = {k: v for k, v in coop.items() if k not in {"key", "name"}}
        partner = partner_services.cooperative_upsert(name=coop["name"], **fields)
        load_cooperative_pictures(partner, coop["key"])
        cooperatives[coop["key"]] = partner
    return cooperatives


def load_products(cooperatives, categories, progress: Callable[[int, int], None]) -> list:
    products = []
    total = len(data.PRODUCTS)
    for done, item in enumerate(data.PRODUCTS, start=1):
        product = catalogue_services.product_upsert(
            partner=cooperatives[item["coop"]],
            sku=item["sku"],
            title=item["title"],
            price=item["price"],
            stock=item["stock"],
            category=categories[item["category"]],
            description=item["description"],
            weight_grams=item["weight_grams"],
            local_only=item["local_only"],
            image=pictures.draw_product_picture(
                pictures.picture_kind(item["title"], item["category"]), seed=item["sku"]
            ),
        )
        products.append((product, item))
        progress(done, total)
    return products


def load_certificates(products) -> int:
    count = 0
    for index, (product, item) in enumerate(products):
        if not item.get("ocop_stars"):
            continue
        partner = product.stockrecords.first().partner
        certificate, __ = Certificate.objects.update_or_create(
            decision_number=f"{1000 + index}/QĐ-UBND",
            defaults={
                "partner": partner,
                "stars": item["ocop_stars"],
                "group_code": item["category"],
                "signed_on": date(2024, 1 + index % 12, 1 + index % 28),
                "issuer": "Bộ Nông nghiệp và Môi trường"
                if item["ocop_stars"] == 5
                else "UBND tỉnh Ninh Bình",
                "status": Verification.VERIFIED,
            },
        )
        certificate.products.set([product])
        count += 1
    return count


def _user(email: str, **fields):
    user, created = User.objects.get_or_create(email=email, defaults=fields)
    if created:
        user.set_password(PASSWORD)
        user.save()
    return user


def load_accounts(cooperatives) -> list[str]:
    _user(ACCOUNTS["admin"], first_name="Quản trị", is_staff=True, is_superuser=True)
    editors, __ = Group.objects.get_or_create(name=EDITORS_GROUP)
    editors.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    editor = _user(ACCOUNTS["editor"], first_name="Biên tập")
    editor.groups.add(editors)
    _user(ACCOUNTS["customer"], first_name="Nguyễn Thị", last_name="Lan")
    staff_emails = []
    for key in list(cooperatives)[:2]:
        email = f"{key}@chohtx.vn"
        owner = _user(email, first_name="Cán bộ HTX")
        partner_services.partner_staff_set(partner=cooperatives[key], user=owner, role=Role.OWNER)
        staff_emails.append(email)
    return staff_emails


@transaction.atomic
def load_demo(*, domain: str, progress: Callable[[int, int], None], say: Callable[[str], None]) -> dict:
    load_sites(domain)
    load_countries()
    categories = load_categories()
    say(f"{len(categories)} OCOP groups and subgroups")
    cooperatives = load_cooperatives()
    say(f"{len(cooperatives)} cooperatives")
    products = load_products(cooperatives, categories, progress)
    certificates = load_certificates(products)
    from .shipping import load_shipping

    say(f"{load_shipping(cooperatives)} cooperatives with their own shipping settings")
    staff = load_accounts(cooperatives)
    from .onboarding import load_onboarding  # applications, a suspension, certificate states

    onboarding = load_onboarding(
        cooperatives=cooperatives, categories=categories, password=PASSWORD, admin_email=ACCOUNTS["admin"]
    )
    say(f"{onboarding['applications']} applications, 1 suspended cooperative, certificates in every state")
    from .ledger import load_commission_rules, load_ledger  # commission, past months of money

    household = cooperatives.get("nem-yen-mac")
    load_commission_rules(
        cooperatives=[cooperatives[key] for key in list(cooperatives)[:2]], household=household
    )
    from .traceability import load_recall, load_traceability  # batches before orders: packing records them

    say(f"{load_traceability()} batches with their steps, certificates and labels")
    from .orders import load_orders  # something on every order screen

    orders = load_orders(
        cooperatives=[cooperatives[key] for key in list(cooperatives)[:2]],
        customer=User.objects.get(email=ACCOUNTS["customer"]),
    )
    say(f"{orders} orders from the demo customer, in every step of the life cycle")
    if load_recall():
        say("1 recalled batch")
    money = load_ledger(
        cooperatives=[cooperatives[key] for key in list(cooperatives)[:2]],
        household=household,
        staff=User.objects.get(email=ACCOUNTS["admin"]),
    )
    say(f"{money['orders']} past orders, {money['statements']} statements, {money['payouts']} payouts")
    from .preorders import load_preorders  # the Tết pre-order campaign and the new-season rice

    preorders = load_preorders(
        cooperatives=cooperatives, customer=User.objects.get(email=ACCOUNTS["customer"])
    )
    say(f"{preorders} pre-order offers for Tết and the new harvest")
    from .assisted import load_assisted  # the first cooperative's history of help from the alliance

    load_assisted(
        cooperative=cooperatives[next(iter(cooperatives))], staff=User.objects.get(email=ACCOUNTS["admin"])
    )
    from .wholesale import load_wholesale  # price tiers, a product sold by the carton, a quote

    wholesale = load_wholesale(customer_email=ACCOUNTS["customer"])
    say(f"price tiers on {wholesale['tiers']} products, quote {wholesale['quote']} answered")
    from .pages import load_pages  # the pages link to the products and accounts made above

    pages = load_pages(password=PASSWORD)
    say(f"{pages['stories']} stories, {pages['legal']} legal pages, a campaign, a poll, the home page")
    from marketplace.reports.services import summaries_rebuild  # the analytics read summaries

    say(f"sales summaries for {len(summaries_rebuild())} months")
    indexed = search_services.index_rebuild()
    return {
        "categories": len(categories),
        "cooperatives": len(cooperatives),
        "products": len(products),
        "certificates": certificates,
        "indexed": indexed,
        "staff": staff,
    }
