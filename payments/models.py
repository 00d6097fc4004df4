"""What payments need to remember: Stripe PaymentIntents per order, and each Stripe event id once.
(A cooperative's bank account for VietQR is on its Partner record: bank_bin, bank_account_number.)"""

from django.db import models


class StripePayment(models.Model):
    order = models.OneToOneField("order.Order", on_delete=models.CASCADE, related_name="stripe_payment")
    intent_id = models.CharField(max_length=255, unique=True)
    client_secret = models.CharField(max_length=255, blank=True)
    amount = models.PositiveBigIntegerField()
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=32, default="requires_payment_method")
    refund_id = models.CharField(max_length=255, blank=True)
    last_event_created = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.intent_id


class StripeEvent(models.Model):
    """Each webhook event id, stored once: a duplicate delivery does nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=64)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.event_id
