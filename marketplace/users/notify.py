"""The emails of an email change (sent once each, from a Celery task)."""

from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from marketplace.notifications.services import notification_send_once

from .email_change import email_change_token

User = get_user_model()


def email_change_emails(*, user_id: int, new_email: str, key_suffix: str, sent_by: str = "") -> int:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return 0
    token = email_change_token(user=user, new_email=new_email)
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "users:email-confirm", kwargs={"token": token}
    )
    sent = 0
    for recipient, template in ((new_email, "confirm"), (user.email, "notice")):
        with translation.override("vi"):
            context = {"user": user, "new_email": new_email, "link": link}
            subject = render_to_string(f"users/emails/email_change_{template}_subject.txt", context).strip()
            body = render_to_string(f"users/emails/email_change_{template}_body.txt", context)
        sent += notification_send_once(
            key=f"email-change:{user.pk}:{key_suffix}:{template}",
            recipient=recipient,
            send=partial(send_mail, subject, body, settings.DEFAULT_FROM_EMAIL, [recipient]),
            sent_by=sent_by,
        )
    return sent
