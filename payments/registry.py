"""Which payment methods this installation offers (settings.PAYMENT_METHODS)."""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import PaymentMethod


def available_methods() -> list[PaymentMethod]:
    methods = [import_string(path)() for path in settings.PAYMENT_METHODS]
    return [method for method in methods if method.is_configured()]


def get_method(code: str | None) -> PaymentMethod | None:
    return next((method for method in available_methods() if method.code == code), None)
