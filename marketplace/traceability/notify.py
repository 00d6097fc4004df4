"""A recall is emailed to every buyer of the batch, once each, in the language of their order."""

from __future__ import annotations

from oscar.core.loading import get_model

from marketplace.notifications.services import email_send_once, recipient_language, site_url

from .models import Batch
from .selectors import batch_path

Order = get_model("order", "Order")


def batch_recall_notify(*, batch_id: int, sent_by: str = "") -> int:
    """Email the recall to each order that received units of the batch; how many were sent now."""
    batch = Batch.objects.select_related("product", "partner").filter(pk=batch_id).first()
    if batch is None or not batch.is_recalled:
        return 0
    orders = (
        Order.objects.filter(lines__batch_lines__batch=batch).distinct().select_related("user").order_by("pk")
    )
    page = site_url(batch_path(batch))
    sent = 0
    for order in orders:
        if not order.email:
            continue
        sent += email_send_once(
            key=f"batch-recall:{batch.pk}:{order.pk}",
            to=order.email,
            template="traceability/emails/recall",
            context={"batch": batch, "order": order, "page_url": page},
            language=recipient_language(order),
            sent_by=sent_by,
        )
    return sent
