"""VND money formatting for Python code (emails, exports): the same formatter as
Oscar's `currency` template filter, configured by settings.OSCAR_CURRENCY_FORMAT."""

from oscar.templatetags.currency_filters import currency


def format_vnd(value: object) -> str:
    """125000 -> '125.000 ₫'."""
    return currency(value, "VND")
