"""Calendar months, weeks and days in the shop's time zone (Asia/Ho_Chi_Minh)."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """Every month from `first`'s to `last`'s, both included."""
    months, month = [], month_start(first)
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())  # Monday


def local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """[start, end) of a month as aware datetimes."""
    return local_midnight(month), local_midnight(add_months(month, 1))
