"""Write the ledger of sub-orders paid or refunded before the ledger existed (safe to run again:
every event is written once per key). Their commission rate is the one in force today."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from marketplace.ledger import services
from marketplace.ledger.models import Transaction
from marketplace.order.models import SubOrder, SubOrderStatus


class Command(BaseCommand):
    help = "Write ledger entries for sub-orders delivered, paid or refunded before the ledger existed."

    def handle(self, *args, **options):
        from payments.models import Refund

        missing = (
            SubOrder.objects.filter(
                Q(status__in=(SubOrderStatus.DELIVERED, SubOrderStatus.COMPLETED))
                | Q(payment_status__in=("paid", "refunded"))
            )
            .exclude(Exists(Transaction.objects.filter(suborder_id=OuterRef("pk"), kind="sale")))
            .select_related("partner")
            .order_by("pk")
        )
        written = 0
        for suborder in missing.iterator():
            with transaction.atomic():
                services.suborder_placed(suborder)
                services.suborder_paid(suborder, occurred_at=suborder.paid_at or suborder.updated_at)
                if suborder.status == SubOrderStatus.CANCELLED:
                    services.suborder_cancelled(suborder)
                for refund in Refund.objects.filter(suborder=suborder, status__in=("pending", "succeeded")):
                    services.refund_accepted(refund)
            written += 1
        self.stdout.write(f"{written} sub-orders written into the ledger")
