"""Demo selling in quantity: price tiers on a few products, one product sold only by the dozen, and
one quote the demo customer asked for and HTX Gia Sinh answered."""

from datetime import timedelta

from django.utils import timezone

from marketplace.catalogue.models import Product
from marketplace.outbox.models import OutboxMessage, OutboxStatus
from marketplace.wholesale import services
from marketplace.wholesale.models import Quote

# SKU: (minimum per order, [(from quantity, unit price)])
TIERS = {
    "GS-COMCHAY-200": (1, [(10, 40000), (50, 36000)]),
    "GS-COMCHAY-MH-200": (1, [(10, 38000)]),
    "HH-TAMXOAN-5KG": (1, [(10, 140000), (40, 130000)]),
    # Sold to homestays and hotels by the carton: twenty pairs at least.
    "KS-DEPCOI-DOI": (20, [(50, 55000), (100, 50000)]),
}
QUOTE_SKU = "GS-COMCHAY-200"


def load_wholesale(*, customer_email: str) -> dict:
    for sku, (minimum, tiers) in TIERS.items():
        product = Product.objects.get(upc=sku)
        record = product.stockrecords.get()
        services.wholesale_terms_save(
            product=product, base_price=int(record.price), min_order_quantity=minimum, tiers=tiers
        )
    product = Product.objects.get(upc=QUOTE_SKU)
    record = product.stockrecords.select_related("partner").get()
    from django.contrib.auth import get_user_model

    customer = get_user_model().objects.get(email=customer_email)
    quote = Quote.objects.filter(buyer=customer, product=product).first()
    if quote is None:
        first_outbox = OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        quote = services.quote_request(
            product=product,
            partner=record.partner,
            buyer=customer,
            quantity=100,
            company="Công ty TNHH Quà Quê Hà Nội",
            note="Cần 100 hộp làm quà Tết cho nhân viên, giao trước ngày 20 tháng Chạp.",
        )
        staff = record.partner.users.order_by("pk").first()
        services.quote_answer(
            quote_id=quote.pk,
            unit_price=34000,
            valid_until=timezone.localdate() + timedelta(days=14),
            note="Đóng thùng 20 hộp, xuất hoá đơn cho công ty.",
            author=staff,
        )
        # The demo customer is not a real mailbox: the "unread message" reminders are not sent.
        OutboxMessage.objects.filter(
            pk__gt=first_outbox,
            dispatched_at__isnull=True,
            task="marketplace.messaging.tasks.message_unread_remind",
        ).update(status=OutboxStatus.DISCARDED, last_error="demo data: not sent", handled_at=timezone.now())
    return {"tiers": len(TIERS), "quote": quote.number}
