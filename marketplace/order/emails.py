"""Buyer and cooperative emails for sub-orders (templates under themes/templates/order/emails/)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from payments.base import Attachment, SubOrderPayment

from .models import Order, SubOrder
from .selectors import suborder_payments


def suborders_with_payment(order: Order, *, only: SubOrder | None = None) -> list[SubOrderPayment]:
    return suborder_payments(order, only=only)


def qr_attachments(payments: list[SubOrderPayment]) -> list[Attachment]:
    return [attachment for payment in payments for attachment in payment.email_attachments()]


def send(name: str, to: str, context: dict) -> None:
    subject = " ".join(render_to_string(f"order/emails/{name}_subject.txt", context).split())
    body = render_to_string(f"order/emails/{name}_body.txt", context)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    message.send()
