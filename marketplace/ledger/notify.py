"""The email a cooperative gets when a payout is made (once per payout, from a Celery task)."""

from marketplace.notifications.services import PLATFORM_LANGUAGE, email_send_once, site_url
from marketplace.partner.notify import cooperative_recipients

from .models import Payout


def payout_email(*, payout_id: int, sent_by: str = "") -> bool:
    payout = Payout.objects.select_related("partner", "batch").filter(pk=payout_id).first()
    if payout is None or payout.batch.paid_at is None:
        return False
    recipients = cooperative_recipients(payout.partner)
    if not recipients:
        return False
    return email_send_once(
        key=f"payout:{payout.pk}",
        to=recipients,
        template="ledger/emails/payout",
        context={"payout": payout, "partner": payout.partner, "site_url": site_url()},
        language=PLATFORM_LANGUAGE,
        sent_by=sent_by,
    )
