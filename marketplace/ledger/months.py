"""Calendar months in Asia/Ho_Chi_Minh, the time zone statements close in."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def month_start(month: date) -> datetime:
    """The first instant of `month` (any day in it) in Vietnam."""
    return datetime(month.year, month.month, 1, tzinfo=VIETNAM)


def month_next(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def month_previous(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)


def month_bounds(month: date) -> tuple[datetime, datetime]:
    return month_start(month), month_start(month_next(month))


def month_of(moment: datetime | None = None) -> date:
    local = (moment or timezone.now()).astimezone(VIETNAM)
    return date(local.year, local.month, 1)


def last_closed_month(now: datetime | None = None) -> date:
    """The month that closed most recently (the previous month)."""
    return month_previous(month_of(now))
