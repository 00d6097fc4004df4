"""Reads: the version of a document in force on a day, its history, and what a person still has to accept."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from .models import Consent, Kind, Version

# The documents a person accepts: buyers at sign-up and checkout, sellers on applying and in the
# seller centre. A new version of one of them in force asks again (docs/legal.md).
ACCEPTED_AT_SIGNUP = (Kind.REGULATIONS, Kind.PRIVACY)
ASKED_AGAIN = (Kind.REGULATIONS,)


def _today() -> datetime.date:
    return timezone.localdate()


def version_in_force(kind: str, *, on: datetime.date | None = None) -> Version | None:
    return (
        Version.objects.filter(kind=kind, effective_from__lte=on or _today())
        .order_by("-effective_from", "-number")
        .first()
    )


def version_upcoming(kind: str) -> Version | None:
    """The next version already published but not in force yet (announced ahead)."""
    return Version.objects.filter(kind=kind, effective_from__gt=_today()).order_by("effective_from").first()


def version_numbered(kind: str, number: int) -> Version | None:
    return Version.objects.filter(kind=kind, number=number).first()


def version_latest(kind: str) -> Version | None:
    return Version.objects.filter(kind=kind).order_by("-number").first()


@dataclass(frozen=True)
class Period:
    version: Version
    until: datetime.date | None  # the last day it was in force; None while it is (or will be)
    state: str  # "in_force", "past", "upcoming"


def history(kind: str) -> list[Period]:
    """Every version, newest first, with the days it was in force."""
    versions = list(Version.objects.filter(kind=kind).order_by("-effective_from", "-number"))
    current = version_in_force(kind)
    periods = []
    following: Version | None = None
    for version in versions:
        if version.effective_from > _today():
            state = "upcoming"
        elif current is not None and version.pk == current.pk:
            state = "in_force"
        else:
            state = "past"
        until = (
            following.effective_from - datetime.timedelta(days=1)
            if following is not None and state == "past"
            else None
        )
        periods.append(Period(version=version, until=until, state=state))
        if version.effective_from <= _today():
            following = version
    return periods


def period_of(kind: str, number: int) -> Period | None:
    return next((p for p in history(kind) if p.version.number == number), None)


def versions_in_force(kinds: tuple[str, ...]) -> list[Version]:
    return [v for v in (version_in_force(kind) for kind in kinds) if v is not None]


def pending_versions(
    user, kinds: tuple[str, ...] = ASKED_AGAIN, *, in_force: list[Version] | None = None
) -> list[Version]:
    """The versions in force of these documents that this person has not accepted yet
    (everything, for a visitor who is not signed in). `in_force`: those versions, when known."""
    in_force = versions_in_force(kinds) if in_force is None else in_force
    if not getattr(user, "is_authenticated", False) or not in_force:
        return in_force
    accepted = set(
        Consent.objects.filter(user=user, version__in=in_force).values_list("version_id", flat=True)
    )
    return [v for v in in_force if v.pk not in accepted]


def accepted_before(user, kind: str) -> Consent | None:
    """This person's latest acceptance of any version of the document (to say what changed since)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Consent.objects.filter(user=user, version__kind=kind)
        .select_related("version")
        .order_by("-version__number", "-accepted_at")
        .first()
    )


def consents_of(user) -> QuerySet[Consent]:
    return Consent.objects.filter(user=user).select_related("version").order_by("-accepted_at")
