"""System checks: card payments cannot be switched on without the webhook's signing secret (the
webhook is the only way an order becomes paid, refunded or flagged)."""

from typing import Any

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def stripe_webhook_secret_check(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    if settings.STRIPE_SECRET_KEY and not settings.STRIPE_WEBHOOK_SECRET:
        return [
            checks.Error(
                "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: Stripe's events could not "
                "be verified, so no card payment would ever be marked paid, refunded or flagged.",
                hint="Set STRIPE_WEBHOOK_SECRET to the signing secret of /payments/stripe/webhook/.",
                id="payments.E001",
            )
        ]
    return []
