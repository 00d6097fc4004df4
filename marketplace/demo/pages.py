"""Demo pages: the composed home page, stories, a campaign, the poll, the legal pages, English versions.

Called by `manage.py load_demo` after the shop's demo data. Idempotent: pages that exist (found by slug)
are left as editors made them; only missing ones are created."""

from __future__ import annotations

import io
import zlib
from datetime import date, datetime, time
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from cms import services
from cms.models import (
    CampaignPage,
    ComplaintField,
    ComplaintsPage,
    HomePage,
    LegalPage,
    OperatorSettings,
    PollChoice,
    PollPage,
    Selection,
    StoryIndexPage,
    StoryPage,
)
from marketplace.catalogue.models import Product
from marketplace.legal.models import Consent, Context, Kind, Version
from marketplace.partner.models import Partner, StockRecord

from . import data, legal_texts, pictures
from . import page_content as content

Image: Any = get_image_model()
PageType = TypeVar("PageType", bound=Page)
User = get_user_model()
MODERATOR_EMAIL = "kiemduyet@chohtx.vn"


def _image(title: str, group: str) -> Any:
    image = Image.objects.filter(title=title).first()
    if image is None:
        data = pictures.draw_product_picture(
            pictures.picture_kind(title, group), seed=title, size=(1200, 630)
        )
        name = f"story-{zlib.crc32(title.encode()):08x}.png"
        image = Image.objects.create(title=title, file=ImageFile(io.BytesIO(data), name=name))
    return image


def _child(parent: Page, model: type[PageType], slug: str, **fields: Any) -> PageType:
    """The parent's child with this slug, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        found: PageType = existing.specific
        return found
    page: PageType = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _products(skus: list[str]) -> list[Product]:
    records = StockRecord.objects.filter(partner_sku__in=skus).select_related("product")
    by_sku = {r.partner_sku: r.product for r in records}
    return [by_sku[s] for s in skus if s in by_sku]


def _cooperatives(keys: list[str]) -> list[Partner]:
    names = {c["key"]: c["name"] for c in data.COOPERATIVES}
    found = {p.name: p for p in Partner.objects.filter(name__in=[names[k] for k in keys if k in names])}
    return [found[names[k]] for k in keys if names.get(k) in found]


def load_stories(home: HomePage) -> tuple[StoryIndexPage, list[StoryPage]]:
    index = _child(
        home,
        StoryIndexPage,
        "stories",
        title="Câu chuyện OCOP",
        intro="Chuyện về những người làm ra sản phẩm OCOP của Ninh Bình.",
        search_description="Câu chuyện về hợp tác xã và sản phẩm OCOP của tỉnh Ninh Bình.",
    )
    stories = []
    for item in content.STORIES:
        products = _products(item["products"])
        body = [("paragraph", RichText(f"<p>{text}</p>")) for text in item["paragraphs"]]
        body.insert(1, ("quote", {"text": item["quote"][0], "author": item["quote"][1]}))
        if products:
            body.append(("product", products[0]))
        story = index.get_children().filter(slug=item["slug"]).first()
        if story is None:
            story = StoryPage(
                slug=item["slug"],
                title=item["title"],
                date=date(*item["date"]),
                lead=item["lead"],
                cover_image=_image(item["title"], item["group"]),
                body=body,
                search_description=item["lead"][:155],
            )
            index.add_child(instance=story)
            story.products.set(products)
            story.cooperatives.set(_cooperatives(item["cooperatives"]))
            story.tags.set(item["tags"])
            story.save_revision().publish()
        stories.append(story.specific)
    return index, stories


def load_campaign(home: HomePage) -> CampaignPage:
    return _child(
        home,
        CampaignPage,
        "qua-tet-ocop",
        title="Giỏ quà Tết OCOP 2027",
        intro=RichText(
            "<p>Quà Tết từ các hợp tác xã Ninh Bình: sản phẩm OCOP từ 4 sao, "
            "giá từ 100.000 ₫ đến 500.000 ₫.</p>"
        ),
        selection=Selection.RULE,
        rule_min_stars=4,
        rule_min_price=100000,
        rule_max_price=500000,
        limit=12,
        search_description="Giỏ quà Tết OCOP từ các hợp tác xã Ninh Bình.",
    )


def load_poll(home: HomePage) -> PollPage:
    poll = home.get_children().filter(slug=content.POLL["slug"]).first()
    if poll is not None:
        found: PollPage = poll.specific
        return found
    poll = PollPage(
        slug=content.POLL["slug"],
        title=content.POLL["title"],
        intro=RichText(content.POLL["intro"]),
        thank_you_text=RichText("<p>Cảm ơn bạn đã góp ý cho chương trình OCOP!</p>"),
        show_results_publicly=True,
    )
    poll.form_fields = [
        PollChoice(
            label=content.POLL["label"],
            field_type="radio",
            required=True,
            choices="\n".join(content.POLL["choices"]),
        )
    ]
    home.add_child(instance=poll)
    poll.save_revision().publish()
    return poll


def _legal_page(home: HomePage, item: dict[str, Any]) -> LegalPage:
    """The page, created with its first version; each later version published over it in turn (each
    publication freezes one version, cms/legal_versions.py). An existing page is left as it is."""
    existing = home.get_children().filter(slug=item["slug"]).first()
    if existing is not None:
        found: LegalPage = existing.specific
        return found
    (first_day, first_body, __), *later = item["versions"]
    page = LegalPage(
        slug=item["slug"],
        title=item["title"],
        kind=item["kind"],
        body=first_body,
        effective_from=date(*first_day),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    for day, body, changes in later:
        page.body, page.effective_from, page.changes = body, date(*day), changes
        page.save_revision().publish()
    return page


def load_legal(home: HomePage, operator_email: str) -> list[Page]:
    pages: list[Page] = [_legal_page(home, item) for item in content.LEGAL_PAGES]
    complaints = home.get_children().filter(slug="khieu-nai").first()
    if complaints is None:
        complaints = ComplaintsPage(
            slug="khieu-nai",
            title="Khiếu nại và phản ánh",
            intro=RichText(legal_texts.COMPLAINTS_INTRO),
            thank_you_text=RichText(
                "<p>Chúng tôi đã nhận được khiếu nại của bạn và sẽ xác nhận trong vòng "
                f"{legal_texts.ACKNOWLEDGE_HOURS} giờ.</p>"
            ),
            to_address=operator_email,
            from_address="no-reply@chohtx.example.vn",
            subject="Khiếu nại mới trên Chợ HTX",
        )
        complaints.form_fields = [
            ComplaintField(label="Họ và tên", field_type="singleline", required=True),
            ComplaintField(label="Số điện thoại", field_type="singleline", required=True),
            ComplaintField(label="Email", field_type="email", required=False),
            ComplaintField(label="Mã đơn hàng", field_type="singleline", required=False),
            ComplaintField(label="Nội dung khiếu nại", field_type="multiline", required=True),
        ]
        home.add_child(instance=complaints)
        complaints.save_revision().publish()
    return [*pages, complaints.specific]


# Who accepted what, and when: the customer and the second cooperative accepted the first version of
# the regulations only, so the checkout and the seller centre ask them for the second.
DEMO_CONSENTS = {
    "khachhang@chohtx.vn": (1, Context.SIGNUP),
    "gia-sinh@chohtx.vn": (2, Context.SELLER_CENTRE),
    "coi-kim-son@chohtx.vn": (1, Context.SELLER_APPLY),
}


def load_consents() -> int:
    made = 0
    for email, (number, context) in DEMO_CONSENTS.items():
        user = User.objects.filter(email=email).first()
        regulations = Version.objects.filter(kind=Kind.REGULATIONS, number=number).first()
        privacy = Version.objects.filter(kind=Kind.PRIVACY).order_by("number").first()
        if user is None or regulations is None or Consent.objects.filter(user=user).exists():
            continue
        accepted_at = timezone.make_aware(datetime.combine(regulations.effective_from, time(9, 30)))
        for version in [regulations, privacy] if privacy else [regulations]:
            Consent.objects.create(
                version=version, user=user, email=email, context=context, accepted_at=accepted_at
            )
            made += 1
    return made


def compose_home(
    home: HomePage, *, stories: list[StoryPage], campaign: CampaignPage, cooperatives: list[Partner]
) -> None:
    if home.body:
        return
    featured = [p for story in stories for p in story.products.all()][:8]
    home.body = [
        (
            "hero",
            {
                "title": "Chợ HTX – sàn giao dịch của các hợp tác xã",
                "text": "Sản phẩm OCOP và đặc sản từ các hợp tác xã Ninh Bình, Hà Nam, Nam Định.",
                "image": None,
                "cta_label": "Xem sản phẩm",
                "cta_url": "/catalogue/",
            },
        ),
        (
            "campaign_banner",
            {"campaign": campaign, "text": "Quà Tết OCOP từ 4 sao, giao tận nhà.", "image": campaign.banner},
        ),
        ("featured_products", {"heading": "Sản phẩm nổi bật", "products": featured}),
        ("featured_cooperatives", {"heading": "Hợp tác xã tiêu biểu", "cooperatives": cooperatives[:6]}),
        ("latest_stories", {"heading": "Câu chuyện OCOP", "count": 3}),
        ("ocop_explainer", content.OCOP_EXPLAINER),
    ]
    home.search_description = "Mua sản phẩm OCOP và đặc sản Ninh Bình trực tiếp từ các hợp tác xã."
    home.save_revision().publish()


def load_translations(pages: list[Page]) -> int:
    """English versions of the home page, the legal pages and the first story."""
    english, __ = Locale.objects.get_or_create(language_code="en")
    titles = {item["slug"]: item["en_title"] for item in content.LEGAL_PAGES}
    made = 0
    for page in pages:
        if page.get_translations().filter(locale=english).exists():
            continue
        copy = page.copy_for_translation(english, copy_parents=True)
        copy = copy.specific
        if isinstance(copy, HomePage):
            copy.title = "Chợ HTX – cooperatives' marketplace"
            for block in copy.body:
                for name, value in content.HOME_EN.get(block.block_type, {}).items():
                    block.value[name] = value
        elif isinstance(copy, StoryIndexPage):
            copy.title, copy.intro = (
                "OCOP stories",
                "Stories of the people who make Ninh Bình's OCOP products.",
            )
        elif isinstance(copy, StoryPage):
            story = next(item for item in content.STORIES if item["slug"] == page.slug)
            copy.title, copy.lead = story.get("en_title", copy.title), story.get("en_lead", copy.lead)
        elif page.slug in titles:
            copy.title = titles[page.slug]
        copy.save_revision().publish()
        made += 1
    return made


def load_operator() -> None:
    site = Site.objects.get(is_default_site=True)
    settings_row = OperatorSettings.for_site(site)
    if settings_row.legal_name:
        return
    operator = legal_texts.OPERATOR  # the same details the regulations name
    for field in (
        "legal_name",
        "address",
        "phone",
        "email",
        "registration_number",
        "registration_place",
        "tax_code",
    ):
        setattr(settings_row, field, operator[field])
    settings_row.registration_date = datetime.strptime(operator["registration_date"], "%d/%m/%Y").date()
    settings_row.moit_record_url = "http://online.gov.vn/"
    settings_row.save()


def load_editorial(password: str) -> dict[str, Any]:
    groups = services.editorial_setup_ensure()
    moderator, created = User.objects.get_or_create(
        email=MODERATOR_EMAIL, defaults={"first_name": "Kiểm duyệt"}
    )
    if created:
        moderator.set_password(password)
        moderator.save()
    moderator.groups.add(groups["moderators"])
    return groups


@transaction.atomic
def load_pages(*, password: str) -> dict[str, int]:
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    load_operator()
    index, stories = load_stories(home)
    campaign = load_campaign(home)
    poll = load_poll(home)
    legal = load_legal(home, OperatorSettings.for_site(site).email)
    cooperatives = [c for story in stories for c in story.cooperatives.all()]
    compose_home(home, stories=stories, campaign=campaign, cooperatives=cooperatives)
    translated = load_translations([home, *legal[:-1], index, stories[0]])
    load_consents()
    load_editorial(password)
    return {"stories": len(stories), "legal": len(legal), "poll": poll.pk, "translated": translated}
