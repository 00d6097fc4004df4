"""The time limits of the floor's duties as an intermediary platform, in one place (no settings:
they follow the law, not the deployment). Where the legal texts set other limits, change them here.

- A complaint is acknowledged within 24 hours and answered within 3 working days.
- A report of a violation is looked at within 24 hours.
- A cooperative's appeal against a takedown is decided within 3 working days.

Working days are Monday to Friday, except Vietnam's public holidays (Tết, Hùng Kings' day, 30/4,
1/5, National Day and the days the government moves), as the `holidays` package lists them."""

from datetime import date, datetime, timedelta
from functools import cache

import holidays
from django.utils import timezone

COMPLAINT_ACKNOWLEDGE = timedelta(hours=24)
COMPLAINT_ANSWER_WORKING_DAYS = 3
REPORT_REVIEW = timedelta(hours=24)
APPEAL_DECIDE_WORKING_DAYS = 3


@cache
def public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("VN", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(start: datetime, days: int) -> datetime:
    """`start` plus `days` working days (weekends and public holidays in Vietnam skipped), same time
    of day."""
    moment = start
    left = days
    while left > 0:
        moment += timedelta(days=1)
        local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
        if is_working_day(local.date()):
            left -= 1
    return moment
