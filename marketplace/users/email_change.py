"""Changing a user's email: the current password, then a link sent to the new address. The email
changes only when that link is followed (and its page's button pressed).

The link carries a signed, time-limited token (user, new address, a keyed hash of the address it
replaces): no table is needed, and a link stops working once the address has changed."""

from dataclasses import dataclass

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from marketplace.outbox.services import outbox_add

from .models import User

SALT = "marketplace.users.email-change"
MAX_AGE = 60 * 60 * 48  # the link works for two days


class EmailChangeError(Exception):
    """The link is invalid, expired, used, or the address has been taken meanwhile."""


@dataclass(frozen=True)
class EmailChange:
    user: User
    new_email: str


def _fingerprint(email: str) -> str:
    """The address a link replaces, as a keyed hash: the link does not carry the old address."""
    return salted_hmac(SALT, email.lower()).hexdigest()[:32]


def email_change_token(*, user, new_email: str) -> str:
    return signing.dumps(
        {"u": user.pk, "e": new_email, "o": _fingerprint(user.email)}, salt=SALT, compress=True
    )


def email_change_read(token: str) -> EmailChange:
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        raise EmailChangeError from None
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or _fingerprint(user.email) != data.get("o"):
        raise EmailChangeError
    return EmailChange(user=user, new_email=data["e"])


@transaction.atomic
def user_email_change_request(*, user, new_email: str) -> None:
    """Send the confirmation link to the new address, and a notice to the current one."""
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    outbox_add(
        key=f"email-change:{user.pk}:{stamp}",
        task="marketplace.users.tasks.email_change_emails",
        user_id=user.pk,
        new_email=new_email,
        key_suffix=stamp,
    )


@transaction.atomic
def user_email_change_confirm(*, token: str):
    """Apply the change a link asks for. Raises EmailChangeError if it no longer can."""
    change = email_change_read(token)
    user = User.objects.select_for_update().get(pk=change.user.pk)
    if user.email != change.user.email:
        raise EmailChangeError
    if User.objects.filter(email__iexact=change.new_email).exclude(pk=user.pk).exists():
        raise EmailChangeError
    user.email = change.new_email
    user.save(update_fields=["email"])
    return user
