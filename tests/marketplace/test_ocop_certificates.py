"""OCOP certificates: 3/4/5 stars only, expiry computed, the badge only while verified and unexpired,
and the daily reminders 30 days before and on expiry (with a frozen clock)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.db import IntegrityError

from marketplace.ocop import tasks
from marketplace.ocop.models import Certificate, Verification
from tests.factories import CooperativeFactory, make_product

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: date, hour=7):
    """A moment in Vietnam (the badge and the reminders follow the local date)."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=HANOI)


@pytest.fixture
def certified(db):
    partner = CooperativeFactory(name="HTX Mật ong Cúc Phương", email="matong@example.vn")
    product = make_product(partner, title="Mật ong rừng Cúc Phương")
    certificate = Certificate.objects.create(
        partner=partner,
        stars=4,
        group_code="I.2b",
        decision_number="215/QĐ-UBND",
        signed_on=date(2023, 3, 15),
        issuer="UBND tỉnh Ninh Bình",
        status=Verification.VERIFIED,
    )
    certificate.products.add(product)
    return certificate, product


def badge_shown(client, product) -> bool:
    return "OCOP 4★" in client.get(product.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_expiry_is_36_months_after_signing_and_not_typed(certified):
    certificate, __ = certified
    assert certificate.expires_on == date(2026, 3, 15)
    certificate.expires_on = date(2030, 1, 1)
    certificate.save()
    certificate.refresh_from_db()
    assert certificate.expires_on == date(2026, 3, 15)
    assert (certificate.group, certificate.subgroup) == ("I", "I.2b")


@pytest.mark.django_db
@pytest.mark.parametrize("stars", [1, 2, 6])
def test_only_three_four_or_five_stars_can_be_stored(certified, stars):
    certificate, __ = certified
    certificate.pk = None
    certificate.stars = stars
    with pytest.raises(IntegrityError):
        certificate.save()


@pytest.mark.django_db
def test_badge_disappears_the_day_after_expiry_without_anyone_touching_it(client, certified):
    certificate, product = certified
    with time_machine.travel(at(date(2026, 3, 15), hour=23), tick=False):
        assert badge_shown(client, product)  # the last valid day
        assert "OCOP 4★" in client.get("/catalogue/").content.decode()
    with time_machine.travel(at(date(2026, 3, 16), hour=0), tick=False):
        assert not badge_shown(client, product)
        assert "OCOP 4★" not in client.get("/catalogue/").content.decode()
        assert "OCOP 4★" not in client.get(f"/cooperatives/{certificate.partner.code}/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Verification.PENDING, Verification.REJECTED])
def test_badge_shows_only_once_verified(client, certified, status):
    certificate, product = certified
    certificate.status = status
    certificate.save()
    with time_machine.travel(at(date(2025, 6, 1)), tick=False):
        assert not badge_shown(client, product)


@pytest.mark.django_db
def test_daily_task_emails_30_days_before_and_on_expiry_once_each(certified, mailoutbox):
    certificate, __ = certified
    sent = []

    def run(day):
        with time_machine.travel(at(day), tick=False):
            tasks.certificate_expiry_notify.delay().get()
            tasks.certificate_expiry_notify.delay().get()  # beat may fire twice; one email each
        sent.extend((day, m.subject, tuple(m.to)) for m in mailoutbox)
        mailoutbox.clear()

    for day in [
        date(2026, 2, 12),
        date(2026, 2, 13),
        date(2026, 2, 14),
        date(2026, 3, 14),
        date(2026, 3, 15),
        date(2026, 3, 16),
    ]:
        run(day)
    assert sent == [
        (date(2026, 2, 13), "Chứng nhận OCOP 215/QĐ-UBND sẽ hết hạn ngày 15/03/2026", ("matong@example.vn",)),
        (date(2026, 3, 15), "Chứng nhận OCOP 215/QĐ-UBND đã hết hạn", ("matong@example.vn",)),
    ]


@pytest.mark.django_db
def test_a_missed_day_is_caught_up_and_unverified_certificates_are_ignored(certified, mailoutbox):
    certificate, __ = certified
    other = Certificate.objects.create(
        partner=certificate.partner,
        stars=3,
        decision_number="9/QĐ",
        signed_on=date(2023, 3, 20),
        issuer="UBND",
    )
    assert other.status == Verification.PENDING
    with time_machine.travel(at(date(2026, 3, 1)), tick=False):  # beat was down on 13 Feb
        tasks.certificate_expiry_notify.delay().get()
    assert [m.subject for m in mailoutbox] == ["Chứng nhận OCOP 215/QĐ-UBND sẽ hết hạn ngày 15/03/2026"]
    assert "Sau ngày này, huy hiệu OCOP sẽ không còn hiển thị" in mailoutbox[0].body


def test_the_expiry_task_is_on_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["ocop-certificate-expiry"]
    assert entry["task"] == "marketplace.ocop.tasks.certificate_expiry_notify"
    assert tasks.certificate_expiry_notify.name == entry["task"]
