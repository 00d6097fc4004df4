"""Isolation: staff of cooperative A can never read or change cooperative B's data in the seller centre.

Every URL of the seller centre must be listed in exactly one table below, or
`test_every_seller_url_is_covered` fails:

- OBJECT_URLS name one of B's objects in the URL: as A, GET and POST must answer 404 or 403, and
  B must be unchanged afterwards.
- OWN_URLS show or change "my cooperative" (no object in the URL): as A they may answer, but must not
  show any of B's private data, and posting B's object ids in their forms must be refused and leave
  B unchanged.
- PUBLIC_URLS need no cooperative (applying to join).
"""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from marketplace.messaging.models import Conversation, Message
from marketplace.moderation.models import Takedown
from marketplace.preorders.models import DateChange, DepositReceipt, PreorderOffer
from marketplace.seller import urls as seller_urls
from marketplace.wholesale.models import PriceTier, Quote, WholesaleTerms
from payments.models import Refund
from tests.factories import make_product

OBJECT_URLS = {
    "product-edit": lambda b: {"pk": b.product.pk},
    "product-visibility": lambda b: {"pk": b.product.pk},
    "certificate-detail": lambda b: {"pk": b.certificate.pk},
    "certificate-scan": lambda b: {"pk": b.certificate.pk},
    "staff-remove": lambda b: {"pk": b.helper.pk},
    "invitation-cancel": lambda b: {"pk": b.invitation.pk},
    "invitation-accept": lambda b: {"token": b.invitation.token},
    "product-import-detail": lambda b: {"pk": b.product_import.pk},
    "product-import-start": lambda b: {"pk": b.product_import.pk},
    "product-import-status": lambda b: {"pk": b.product_import.pk},
    # B's sub-order, and every step of its life cycle.
    "order-detail": lambda b: {"number": b.suborder.number},
    "order-confirm": lambda b: {"number": b.suborder.number},
    "order-pack": lambda b: {"number": b.suborder.number},
    "order-ship": lambda b: {"number": b.suborder.number},
    "order-deliver": lambda b: {"number": b.suborder.number},
    "order-complete": lambda b: {"number": b.suborder.number},
    "order-paid": lambda b: {"number": b.suborder.number},
    "order-cancel": lambda b: {"number": b.suborder.number},
    # B's conversation with a buyer about B's sub-order (and opening one).
    "order-message": lambda b: {"number": b.suborder.number},
    "message-thread": lambda b: {"pk": b.conversation.pk},
    "message-photo": lambda b: {"pk": b.conversation.pk, "message": b.message.pk},
    # B's return request, and every step of it.
    "return-detail": lambda b: {"pk": b.ret.pk},
    "return-accept": lambda b: {"pk": b.ret.pk},
    "return-refuse": lambda b: {"pk": b.ret.pk},
    "return-refund-only": lambda b: {"pk": b.ret.pk},
    "return-receive": lambda b: {"pk": b.ret.pk},
    "return-transfer": lambda b: {"pk": b.ret.pk},
    "return-photo": lambda b: {"pk": b.ret.pk, "photo": b.photo.pk},
    # B's pre-order offer, its date move, and the deposits of B's sub-order.
    "preorder-edit": lambda b: {"pk": b.preorder.pk},
    "preorder-move": lambda b: {"pk": b.preorder.pk},
    "preorder-deposit-received": lambda b: {"number": b.suborder.number},
    "preorder-deposit-refunded": lambda b: {"number": b.suborder.number},
    # What alliance staff took down of B's, and B's appeal.
    "takedown": lambda b: {"pk": b.takedown.pk},
    # B's product's wholesale prices, and a quote a buyer asked B for.
    "product-wholesale": lambda b: {"pk": b.product.pk},
    "quote-detail": lambda b: {"pk": quote_of(b).pk},
    # B's batch: its page, steps, certificates, recall and labels.
    "batch-detail": lambda b: {"pk": b.batch.pk},
    "batch-step-add": lambda b: {"pk": b.batch.pk},
    "batch-step-remove": lambda b: {"pk": b.batch.pk, "step": b.step.pk},
    "batch-certificate-add": lambda b: {"pk": b.batch.pk},
    "batch-certificate-remove": lambda b: {"pk": b.batch.pk, "certificate": b.batch_certificate.pk},
    "batch-recall": lambda b: {"pk": b.batch.pk},
    "batch-labels": lambda b: {"pk": b.batch.pk},
    "batch-label-png": lambda b: {"pk": b.batch.pk},
}


# What A might post on its own pages to reach B's objects.
OWN_URLS = {
    "overview": lambda b: {},
    "products": lambda b: {},
    "orders": lambda b: {},
    "certificates": lambda b: {},
    "sales": lambda b: {},
    "product-create": lambda b: {
        "title": "Lấy trộm",
        "price": "50000",
        "stock": "1",
        "certificate": b.certificate.pk,
    },
    "certificate-create": lambda b: {
        "stars": "4",
        "group_code": "I.3b",
        "decision_number": "9/QĐ",
        "signed_on": "2025-01-01",
        "issuer": "UBND",
        "products": [b.product.pk],
    },
    "profile": lambda b: {
        "legal_representative": "X",
        "phone": "0912345678",
        "province": "37",
        "commune": "14464",
        "pk": b.partner.pk,
    },
    "bank": lambda b: {
        "bank_bin": "970405",
        "bank_account_number": "99999999",
        "bank_account_holder": "X",
        "pk": b.partner.pk,
    },
    "staff": lambda b: {"email": b.user.email, "partner": b.partner.pk},
    "shipping": lambda b: {
        "delivers": "on",
        "flat_fee": "0",
        "coverage": "all",
        "local_products": [b.product.pk],
        "partner": b.partner.pk,
    },
    "product-import": lambda b: {"partner": b.partner.pk},
    "product-template": lambda b: {},
    "product-export": lambda b: {},
    "shipping-preview": lambda b: {"delivers": "on", "flat_fee": "1000", "partner": b.partner.pk},
    "messages": lambda b: {"conversation": b.conversation.pk, "body": "x"},
    "returns": lambda b: {"pk": b.ret.pk, "status": "refunded"},
    "history": lambda b: {"partner": b.partner.pk},
    "storefront-qr": lambda b: {"partner": b.partner.pk},
    "preorders": lambda b: {"pk": b.preorder.pk},
    "preorder-create": lambda b: {
        "product": b.product.pk,
        "order_from": "2026-12-01",
        "order_until": "2026-12-20",
        "deliver_from": "2027-01-15",
        "cap": "1",
        "deposit_kind": "none",
    },
    "takedowns": lambda b: {"pk": b.takedown.pk, "message": "x"},
    "quotes": lambda b: {
        "pk": quote_of(b).pk,
        "action": "answer",
        "unit_price": "1",
        "valid_until": "2099-01-01",
    },
    "batches": lambda b: {"pk": b.batch.pk},
    "batch-create": lambda b: {
        "product": b.product.pk,
        "code": "LAY-TROM",
        "produced_on": "2026-01-01",
        "quantity": "1",
    },
}
PUBLIC_URLS = {"apply", "assist-leave"}
REFUSED = {403, 404}
_ONE = SimpleNamespace(pk=1, token="t")
FAKE = SimpleNamespace(
    product_import=_ONE,
    product=_ONE,
    certificate=_ONE,
    helper=_ONE,
    invitation=_ONE,
    suborder=SimpleNamespace(number="1-1"),
    conversation=_ONE,
    message=_ONE,
    ret=_ONE,
    photo=_ONE,
    preorder=_ONE,
    takedown=_ONE,
    quote=_ONE,
    batch=_ONE,
    step=_ONE,
    batch_certificate=_ONE,
)


@pytest.fixture
def preorders_of_both(coop_a, coop_b):
    """Each cooperative offers a product for pre-order (B's is what A must never reach)."""
    from datetime import date

    from marketplace.preorders.services import offer_save

    for coop in (coop_a, coop_b):
        second = make_product(coop.partner, title=f"Hộp quà Tết của {coop.partner.name}", stock=0)
        coop.preorder = offer_save(
            partner=coop.partner,
            product=second,
            order_from=date(2026, 11, 1),
            order_until=date(2030, 12, 20),
            deliver_from=date(2031, 1, 15),
            deliver_until=date(2031, 1, 20),
            cap=50,
        )
        coop.preorder_title = second.title


def quote_of(coop):
    """A buyer's request for a quote from this cooperative (made once)."""
    if not hasattr(coop, "quote"):
        from django.contrib.auth import get_user_model

        from marketplace.wholesale.models import Quote

        buyer = get_user_model().objects.create_user(
            email=f"mua-si-{coop.partner.pk}@example.vn", password="x"
        )
        coop.quote = Quote.objects.create(
            product=coop.product, partner=coop.partner, buyer=buyer, quantity=50, company="Bí mật sỉ"
        )
    return coop.quote


def seller_url_names() -> set[str]:
    return {pattern.name for pattern in seller_urls.urlpatterns}


def test_every_seller_url_is_covered():
    names = seller_url_names()
    tables = [set(OBJECT_URLS), set(OWN_URLS), PUBLIC_URLS]
    assert set().union(*tables) == names, "a seller-centre URL is missing from the isolation walk"
    assert sum(len(t) for t in tables) == len(names), "a URL is listed twice"
    for name in names:  # and every one is served under /seller/
        kwargs = OBJECT_URLS[name](FAKE) if name in OBJECT_URLS else {}
        assert reverse(f"seller:{name}", kwargs=kwargs).startswith("/seller/")


def snapshot(coop):
    """Everything of B's that A might try to read or change."""
    quote_of(coop)
    partner = type(coop.partner).objects.get(pk=coop.partner.pk)
    product = type(coop.product).objects.get(pk=coop.product.pk)
    record = product.stockrecords.get()
    certificate = type(coop.certificate).objects.get(pk=coop.certificate.pk)
    suborder = type(coop.suborder).objects.get(pk=coop.suborder.pk)
    return (
        product.title,
        product.is_public,
        record.price,
        record.num_in_stock,
        record.num_allocated,
        product.images.count(),
        certificate.status,
        sorted(certificate.products.values_list("pk", flat=True)),
        sorted(partner.users.values_list("pk", flat=True)),
        sorted(partner.staff_invitations.values_list("pk", flat=True)),
        partner.legal_representative,
        partner.bank_account_number,
        partner.phone,
        partner.commune,
        (suborder.status, suborder.payment_status, suborder.carrier, suborder.tracking_code),
        (suborder.cancel_reason, suborder.events.count()),
        product.local_only,
        _shipping(partner),
        partner.product_imports.values_list("status", flat=True).first(),
        [
            (r.status, r.events.count(), r.lines.filter(resellable=True).count())
            for r in suborder.returns.all()
        ],
        sorted(Message.objects.filter(conversation__partner=coop.partner).values_list("pk", "body")),
        sorted(Conversation.objects.filter(partner=coop.partner).values_list("pk", "cooperative_read_at")),
        list(Refund.objects.filter(suborder=suborder).values_list("pk", flat=True)),
        list(PreorderOffer.objects.filter(partner=partner).values_list("deliver_from", "cap", "order_until")),
        DateChange.objects.filter(offer__partner=partner).count(),
        DepositReceipt.objects.filter(suborder=suborder).count(),
        sorted(Takedown.objects.filter(partner=coop.partner).values_list("pk", "status", "appeal")),
        sorted(Quote.objects.filter(partner=coop.partner).values_list("pk", "status", "unit_price")),
        sorted(PriceTier.objects.filter(product=product).values_list("min_quantity", "unit_price")),
        list(WholesaleTerms.objects.filter(product=product).values_list("min_order_quantity", flat=True)),
        _batch(coop.batch),
    )


def _batch(batch):
    from marketplace.traceability.models import Batch

    batch = Batch.objects.get(pk=batch.pk)
    return (
        batch.code,
        batch.quantity,
        batch.remaining,
        batch.recalled_at,
        batch.product_id,
        sorted(batch.steps.values_list("pk", "place")),
        sorted(batch.certificates.values_list("pk", "kind")),
        sorted(batch.lines.values_list("line_id", "quantity")),
    )


def _shipping(partner):
    from marketplace.delivery.models import ShippingSettings

    row = ShippingSettings.objects.filter(partner=partner).values().first()
    return row and {key: value for key, value in row.items() if key != "updated_at"}


def _xlsx_text(content: bytes) -> str:
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return "\n".join(
        str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row
    )


def private_strings(coop):
    return [
        coop.product.title,
        coop.certificate.decision_number,
        coop.partner.bank_account_number,
        coop.partner.bank_account_holder,
        coop.partner.legal_representative,
        coop.helper.email,
        coop.invitation.email,
        coop.suborder.number,
        coop.product_import.file_name,
        coop.batch.code,
        coop.step.place,
        getattr(coop, "secret_message", coop.suborder.number),
        getattr(coop, "preorder_title", coop.suborder.number),
        getattr(coop, "secret_takedown", coop.suborder.number),
        quote_of(coop).company,
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
def test_cooperative_a_gets_404_or_403_on_every_object_of_b(
    client, coop_a, coop_b, mixed_order, after_sale_of_b, preorders_of_both, name
):
    url = reverse(f"seller:{name}", kwargs=OBJECT_URLS[name](coop_b))
    before = snapshot(coop_b)
    client.force_login(coop_a.user)
    assert client.get(url).status_code in REFUSED, f"GET {url}"
    posted = {"visible": "0", "title": "x", "price": "1000", "stock": "0", "email": "x@y.vn"}
    posted.update(
        carrier="GHN",
        tracking_code="X1",
        reason="Lấy trộm",
        instructions="x",
        reference="x",
        body="x",
        message="x",
    )
    posted.update({"move-deliver_from": "2030-01-01", "cap": "1", "deposit_kind": "none"})
    assert client.post(url, posted).status_code in REFUSED, f"POST {url}"
    assert snapshot(coop_b) == before


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OWN_URLS))
def test_own_pages_of_a_show_nothing_of_b_and_refuse_b_ids(
    client, coop_a, coop_b, mixed_order, after_sale_of_b, preorders_of_both, name
):
    url = reverse(f"seller:{name}")
    before = snapshot(coop_b)
    client.force_login(coop_a.user)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode(errors="replace")
    if page["Content-Type"].startswith("application/vnd.openxmlformats"):
        html = _xlsx_text(page.content)
    for secret in private_strings(coop_b):
        assert secret not in html, f"{url} shows {secret!r} of B"
    response = client.post(url, OWN_URLS[name](coop_b))
    assert response.status_code in {400, 405, 302} | REFUSED
    if name in {"product-create", "certificate-create", "shipping", "preorder-create", "batch-create"}:
        assert response.status_code == 400  # B's certificate / product is not a valid choice
    assert snapshot(coop_b) == before


@pytest.mark.django_db
def test_orders_pages_show_only_the_cooperatives_own_sub_order(client, coop_a, coop_b, mixed_order):
    client.force_login(coop_a.user)
    for url in (
        reverse("seller:orders"),
        reverse("seller:orders") + "?status=new",
        reverse("seller:overview"),
    ):
        html = client.get(url).content.decode()
        assert coop_a.suborder.number in html, url
        assert coop_b.suborder.number not in html, url
    detail = client.get(reverse("seller:order-detail", kwargs={"number": coop_a.suborder.number}))
    assert coop_a.product.title in detail.content.decode()
    assert coop_b.product.title not in detail.content.decode()  # the other cooperative's line of the order


@pytest.mark.django_db
def test_apply_page_sends_cooperative_staff_to_their_own_centre(client, coop_a, coop_b):
    client.force_login(coop_a.user)
    response = client.get(reverse("seller:apply"))
    assert response.status_code == 302 and response["Location"] == reverse("seller:overview")


@pytest.mark.django_db
def test_signed_out_visitors_and_customers_never_see_seller_data(
    client, coop_b, mixed_order, after_sale_of_b, customer, preorders_of_both
):
    for name, kwargs in OBJECT_URLS.items():
        url = reverse(f"seller:{name}", kwargs=kwargs(coop_b))
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    client.force_login(customer)
    for name in OBJECT_URLS:
        if name == "invitation-accept":
            continue
        url = reverse(f"seller:{name}", kwargs=OBJECT_URLS[name](coop_b))
        assert client.get(url)["Location"] == reverse("seller:apply"), url
    assert (
        client.get(reverse("seller:invitation-accept", kwargs={"token": coop_b.invitation.token})).status_code
        == 404
    )
