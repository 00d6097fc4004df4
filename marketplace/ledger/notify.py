"""The email a cooperative gets when a payout is made (once per payout, from a Celery task)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from marketplace.notifications.services import notification_send_once
from marketplace.partner.notify import cooperative_recipients

from .models import Payout


def payout_email(*, payout_id: int, sent_by: str = "") -> bool:
    payout = Payout.objects.select_related("partner", "batch").filter(pk=payout_id).first()
    if payout is None or payout.batch.paid_at is None:
        return False
    recipients = cooperative_recipients(payout.partner)
    if not recipients:
        return False

    def send():
        with translation.override("vi"):
            context = {
                "payout": payout,
                "partner": payout.partner,
                "site_url": settings.WAGTAILADMIN_BASE_URL,
            }
            subject = render_to_string("ledger/emails/payout_subject.txt", context).strip()
            body = render_to_string("ledger/emails/payout_body.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)

    return notification_send_once(
        key=f"payout:{payout.pk}", recipient=", ".join(recipients)[:254], send=send, sent_by=sent_by
    )
