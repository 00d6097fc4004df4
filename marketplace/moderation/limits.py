"""The time limits of the floor's duties as an intermediary platform, in one place (no settings:
they follow the law, not the deployment). Where the legal texts set other limits, change them here.

- A complaint is acknowledged within 24 hours and answered within 3 working days.
- A report of a violation is looked at within 24 hours.
- A cooperative's appeal against a takedown is decided within 3 working days.

Working days are Monday to Friday (public holidays are not known here and count as working days)."""

from datetime import datetime, timedelta

COMPLAINT_ACKNOWLEDGE = timedelta(hours=24)
COMPLAINT_ANSWER_WORKING_DAYS = 3
REPORT_REVIEW = timedelta(hours=24)
APPEAL_DECIDE_WORKING_DAYS = 3


def add_working_days(start: datetime, days: int) -> datetime:
    """`start` plus `days` working days (Saturdays and Sundays skipped), same time of day."""
    moment = start
    left = days
    while left > 0:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            left -= 1
    return moment
