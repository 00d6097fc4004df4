"""The request as the shop's views see it, for the type checker."""

from typing import Any

from django.http import HttpRequest


class ShopRequest(HttpRequest):
    """A request after Oscar's basket middleware: the basket and the pricing strategy are on it."""

    basket: Any
    strategy: Any
