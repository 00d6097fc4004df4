"""The invitation email (sent once, from a Celery task)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from marketplace.notifications.services import notification_send_once

from .models import StaffInvitation


def staff_invitation_email(*, invitation_id: int, sent_by: str = "") -> bool:
    invitation = (
        StaffInvitation.objects.select_related("partner", "invited_by").filter(pk=invitation_id).first()
    )
    if invitation is None or invitation.accepted_at:
        return False

    def send():
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "seller:invitation-accept", kwargs={"token": invitation.token}
        )
        with translation.override("vi"):
            context = {"invitation": invitation, "partner": invitation.partner, "link": link}
            subject = render_to_string("seller/emails/invitation_subject.txt", context).strip()
            body = render_to_string("seller/emails/invitation_body.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])

    return notification_send_once(
        key=f"staff-invitation:{invitation.pk}", recipient=invitation.email, send=send, sent_by=sent_by
    )
