"""The demo's Tết pre-order campaign: glutinous rice for bánh chưng and a gift box of wafer rolls
delivered the week before Tết, and Hải Hậu's new-season rice after the harvest; the demo customer
has pre-ordered from the first demo cooperative (whose seller centre shows them by delivery date)
and from Hải Hậu. Dates follow the day the demo is loaded; a second load changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from marketplace.catalogue.models import Product
from marketplace.outbox.models import OutboxMessage, OutboxStatus
from marketplace.partner.models import Partner
from marketplace.preorders import selectors, services
from marketplace.preorders.models import PreorderLine, PreorderOffer
from marketplace.users.models import User

from .orders import EMAIL_TASKS, _place

# Mùng 1 Tết (the first day of the lunar new year) in the coming years.
TET = [date(2027, 2, 6), date(2028, 1, 26), date(2029, 2, 13), date(2030, 2, 3), date(2031, 1, 23)]
HAI_HAU_ACCOUNT = ("970418", "4270100088886", "HTX NONG NGHIEP HAI HAU")

# (cooperative key, SKU, cap, deposit kind, deposit value, harvest?)
CAMPAIGN = (
    ("gia-sinh", "GS-GAONEP-2KG", 200, "percent", 30, False),
    ("tieu-dong", "TD-HOPQUA-3VI", 120, "none", 0, False),
    ("hai-hau-gao", "HH-TAMXOAN-5KG", 300, "percent", 30, True),
)


def next_tet(today: date) -> date:
    """The first Tết at least three weeks away (time to order and deliver before it)."""
    return next((day for day in TET if day - today >= timedelta(days=21)), TET[-1])


def _dates(today: date, *, harvest: bool) -> dict[str, date]:
    if harvest:  # the new season's rice: ordered now, delivered once milled, six weeks on
        return {
            "order_from": today - timedelta(days=3),
            "order_until": today + timedelta(days=30),
            "deliver_from": today + timedelta(days=42),
            "deliver_until": today + timedelta(days=49),
        }
    tet = next_tet(today)
    return {
        "order_from": today - timedelta(days=3),
        "order_until": max(tet - timedelta(days=12), today + timedelta(days=7)),
        "deliver_from": tet - timedelta(days=10),
        "deliver_until": tet - timedelta(days=5),
    }


@transaction.atomic
def load_preorders(*, cooperatives: dict[str, Partner], customer: User) -> int:
    """The campaign's offers (once) and the customer's two pre-orders. Returns how many offers."""
    today = timezone.localdate()
    hai_hau = cooperatives.get("hai-hau-gao")
    if hai_hau is not None and not hai_hau.bank_account_number:  # deposits are paid to it by VietQR
        hai_hau.bank_bin, hai_hau.bank_account_number, hai_hau.bank_account_holder = HAI_HAU_ACCOUNT
        hai_hau.save()
    offers = []
    for key, sku, cap, kind, value, harvest in CAMPAIGN:
        partner = cooperatives.get(key)
        product = Product.objects.filter(stockrecords__partner=partner, stockrecords__partner_sku=sku).first()
        if partner is None or product is None:
            continue
        offer = PreorderOffer.objects.filter(product=product).first()
        if offer is None:
            offer = services.offer_save(
                partner=partner,
                product=product,
                cap=cap,
                deposit_kind=kind,
                deposit_value=value,
                **_dates(today, harvest=harvest),
            )
        offers.append(offer)
    if offers and not PreorderLine.objects.exists():
        first_outbox = OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        placed = [_place(customer, [[offer.product]], "cod") for offer in (offers[0], offers[-1])]
        # The first one's deposit has arrived (its timers will find nothing to do); the other still
        # awaits it, so its order page shows the deposit's QR and the deadline of its cancel timer.
        for suborder in placed[0]:
            if selectors.deposits_owed([suborder]).get(suborder.pk):
                services.deposit_receive(suborder=suborder)
        # Not a real mailbox: as with the other demo orders, their emails are recorded as not sent.
        OutboxMessage.objects.filter(
            pk__gt=first_outbox, dispatched_at__isnull=True, task__in=EMAIL_TASKS
        ).update(status=OutboxStatus.DISCARDED, last_error="demo data: not sent", handled_at=timezone.now())
    return len(offers)
