"""The emails of an email change (sent once each, from a Celery task)."""

from __future__ import annotations

from django.urls import reverse

from marketplace.notifications.services import PLATFORM_LANGUAGE, email_send_once, site_url

from .email_change import email_change_token
from .models import User


def email_change_emails(*, user_id: int, new_email: str, key_suffix: str, sent_by: str = "") -> int:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return 0
    token = email_change_token(user=user, new_email=new_email)
    link = site_url(reverse("users:email-confirm", kwargs={"token": token}))
    context = {"user": user, "new_email": new_email, "link": link}
    return sum(
        email_send_once(
            key=f"email-change:{user.pk}:{key_suffix}:{template}",
            to=recipient,
            template=f"users/emails/email_change_{template}",
            context=context,
            language=PLATFORM_LANGUAGE,
            sent_by=sent_by,
        )
        for recipient, template in ((new_email, "confirm"), (user.email, "notice"))
    )
