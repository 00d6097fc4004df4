"""Who may review a product: a buyer who received it. Receiving is the order domain's knowledge, and
the order app sits above the catalogue, so it registers its check here when it is ready
(`marketplace/order/apps.py`); the catalogue never imports the order app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ReceivedCheck = Callable[..., bool]
_checks: list[ReceivedCheck] = []


def received_check_register(check: ReceivedCheck) -> None:
    if check not in _checks:
        _checks.append(check)


def buyer_received(*, user: Any, product: Any) -> bool:
    return any(check(user=user, product=product) for check in _checks)
