"""Which payment methods this installation offers (settings.PAYMENT_METHODS)."""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import PaymentMethod


def _installed() -> list[PaymentMethod]:
    return [import_string(path)() for path in settings.PAYMENT_METHODS]


def available_methods(partner_ids: list[int] | None = None) -> list[PaymentMethod]:
    methods = [method for method in _installed() if method.is_configured()]
    if partner_ids is not None:
        methods = [method for method in methods if method.is_available_for(partner_ids)]
    return methods


def get_method(code: str | None, partner_ids: list[int] | None = None) -> PaymentMethod | None:
    return next((method for method in available_methods(partner_ids) if method.code == code), None)


def method_for(code: str) -> PaymentMethod:
    """The method an order was placed with, configured now or not (an order placed by card keeps
    its refunds when the card keys are removed); an unknown code gets the plain interface, which
    asks nothing of the buyer and does nothing."""
    return next((method for method in _installed() if method.code == code), PaymentMethod())


def unavailable_methods(partner_ids: list[int]) -> list[tuple[PaymentMethod, str]]:
    """Configured methods that cannot pay every cooperative in the basket, each with the reason."""
    result = []
    for method in _installed():
        if method.is_configured() and not method.is_available_for(partner_ids):
            reason = method.unavailable_reason(partner_ids)
            if reason:
                result.append((method, reason))
    return result
