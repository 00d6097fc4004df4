"""The invitation email (sent once, from a Celery task)."""

from __future__ import annotations

from django.urls import reverse

from marketplace.notifications.services import PLATFORM_LANGUAGE, email_send_once, site_url

from .models import StaffInvitation


def staff_invitation_email(*, invitation_id: int, sent_by: str = "") -> bool:
    invitation = (
        StaffInvitation.objects.select_related("partner", "invited_by").filter(pk=invitation_id).first()
    )
    if invitation is None or invitation.accepted_at:
        return False
    link = site_url(reverse("seller:invitation-accept", kwargs={"token": invitation.token}))
    return email_send_once(
        key=f"staff-invitation:{invitation.pk}",
        to=invitation.email,
        template="seller/emails/invitation",
        context={"invitation": invitation, "partner": invitation.partner, "link": link},
        language=PLATFORM_LANGUAGE,
        sent_by=sent_by,
    )
