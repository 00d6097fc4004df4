"""The cooperative profile: a sanitised story, status changes with who/when/why, private details."""

import pytest
from django.core.exceptions import ValidationError

from marketplace.partner import services
from marketplace.partner.models import Kind, Status, StatusChange
from marketplace.partner.richtext import story_clean
from tests.factories import CooperativeFactory


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>Cơm cháy<script>alert('x')</script></p>", "<p>Cơm cháy</p>"),
        ('<p onclick="steal()">Làng nghề</p>', "<p>Làng nghề</p>"),
        ('<img src="x" onerror="steal()"><p>Ảnh</p>', "<p>Ảnh</p>"),
        (
            '<a href="javascript:alert(1)">bấm</a>',
            '<a rel="nofollow noopener noreferrer">bấm</a>',
        ),
        (
            '<a href="JaVaScRiPt:alert(1)" onmouseover="x()">bấm</a>',
            '<a rel="nofollow noopener noreferrer">bấm</a>',
        ),
        (
            '<a href="https://ninhbinh.gov.vn">Tỉnh</a>',
            '<a href="https://ninhbinh.gov.vn" rel="nofollow noopener noreferrer">Tỉnh</a>',
        ),
        ("<style>body{display:none}</style><h3>Nguồn gốc</h3>", "<h3>Nguồn gốc</h3>"),
        (
            "<p><strong>Đậm</strong> <em>nghiêng</em></p><ul><li>một</li></ul>",
            "<p><strong>Đậm</strong> <em>nghiêng</em></p><ul><li>một</li></ul>",
        ),
        ("Dòng một\n\nGiá < 50.000 & ngon", "<p>Dòng một</p>\n\n<p>Giá &lt; 50.000 &amp; ngon</p>"),
    ],
)
def test_story_keeps_formatting_and_drops_anything_active(dirty, clean):
    assert story_clean(dirty) == clean


@pytest.mark.django_db
def test_story_is_sanitised_whenever_a_cooperative_is_saved(client):
    partner = CooperativeFactory(
        story='<p>Hợp tác xã<script>alert(1)</script></p><a href="javascript:x()">xem</a>'
    )
    partner.refresh_from_db()
    assert "script" not in partner.story and "javascript" not in partner.story
    html = client.get(f"/cooperatives/{partner.code}/").content.decode()
    assert "<p>Hợp tác xã</p>" in html and "alert(1)" not in html


@pytest.mark.django_db
def test_status_changes_follow_the_rules_and_are_recorded(staff_user):
    partner = CooperativeFactory(status=Status.APPLIED)
    services.cooperative_status_change(partner=partner, to_status=Status.APPROVED, by=staff_user)
    services.cooperative_status_change(
        partner=partner, to_status=Status.SUSPENDED, by=staff_user, reason="Hàng giả"
    )
    services.cooperative_status_change(
        partner=partner, to_status=Status.APPROVED, by=staff_user, reason="Đã khắc phục"
    )
    history = list(StatusChange.objects.filter(partner=partner).order_by("pk"))
    assert [(c.from_status, c.to_status, c.reason) for c in history] == [
        ("applied", "approved", ""),
        ("approved", "suspended", "Hàng giả"),
        ("suspended", "approved", "Đã khắc phục"),
    ]
    assert all(c.changed_by == staff_user and c.changed_at for c in history)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "target", "reason", "message"),
    [
        (Status.APPLIED, Status.REJECTED, "", "Vui lòng ghi rõ lý do."),
        (Status.APPROVED, Status.SUSPENDED, " ", "Vui lòng ghi rõ lý do."),
        (Status.SUSPENDED, Status.APPROVED, "", "Vui lòng ghi rõ lý do."),
        (Status.REJECTED, Status.APPROVED, "x", "Không thể chuyển từ “Bị từ chối” sang “Đã duyệt”."),
        (Status.APPLIED, Status.SUSPENDED, "x", "Không thể chuyển từ “Đang chờ duyệt” sang “Tạm ngừng”."),
    ],
)
def test_wrong_status_changes_are_refused_with_a_clear_message(staff_user, start, target, reason, message):
    partner = CooperativeFactory(status=start)
    with pytest.raises(ValidationError) as error:
        services.cooperative_status_change(partner=partner, to_status=target, by=staff_user, reason=reason)
    assert error.value.messages == [message]
    partner.refresh_from_db()
    assert partner.status == start and not StatusChange.objects.filter(partner=partner).exists()


@pytest.mark.django_db
def test_bank_details_and_representative_stay_off_public_pages(client):
    partner = CooperativeFactory(
        bank_bin="970405",
        bank_account_number="1900123456789",
        bank_account_holder="HTX NONG NGHIEP",
        legal_representative="Phạm Văn Đại Diện",
    )
    for url in [f"/cooperatives/{partner.code}/", "/cooperatives/"]:
        html = client.get(url).content.decode()
        assert (
            "1900123456789" not in html and "Phạm Văn Đại Diện" not in html and "HTX NONG NGHIEP" not in html
        )


@pytest.mark.django_db
def test_a_household_business_tax_code_is_personal_and_not_shown(client):
    organisation = CooperativeFactory(tax_code="2700111222")
    household = CooperativeFactory(kind=Kind.HOUSEHOLD, tax_code="037090001234")

    def seller_info(partner):
        html = client.get(f"/cooperatives/{partner.code}/").content.decode()
        return html[html.index('id="seller-info"') :]

    assert "2700111222" in seller_info(organisation)
    assert "037090001234" not in seller_info(household)
    # nowhere on the page either, structured data (JSON-LD) included
    assert "037090001234" not in client.get(f"/cooperatives/{household.code}/").content.decode()


@pytest.mark.django_db
def test_story_is_cleaned_again_on_display_whatever_wrote_it(client):
    partner = CooperativeFactory()
    type(partner).objects.filter(pk=partner.pk).update(
        story='<p onmouseover="x()">Làng</p><script>alert(2)</script>'
    )
    html = client.get(f"/cooperatives/{partner.code}/").content.decode()
    assert "<p>Làng</p>" in html and "alert(2)" not in html and "onmouseover" not in html
