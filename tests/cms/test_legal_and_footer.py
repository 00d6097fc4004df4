"""The legal pages, the complaints form that reaches alliance staff, and the footer's operator details."""

from datetime import date

import pytest
from wagtail.models import Site

from cms.models import OperatorSettings


@pytest.mark.django_db
def test_footer_links_the_legal_pages_in_order_on_every_page(client, legal_pages):
    page = client.get("/catalogue/").content.decode()
    footer = page[page.index("chohtx-footer") :]
    assert (
        footer.index('href="/quy-che/"')
        < footer.index('href="/bao-mat/"')
        < footer.index('href="/khieu-nai/"')
    )


@pytest.mark.django_db
def test_footer_shows_operator_details_from_site_settings_and_the_ministry_badge(client, home):
    footer = client.get("/catalogue/").content.decode()
    assert "Liên minh Hợp tác xã tỉnh Ninh Bình" in footer  # the environment's defaults
    assert "chohtx-moit-badge" not in footer

    operator = OperatorSettings.for_site(Site.objects.get(is_default_site=True))
    operator.legal_name = "Liên minh HTX tỉnh Ninh Bình (thử)"
    operator.registration_number = "123/QĐ-UBND"
    operator.registration_date = date(2025, 7, 1)
    operator.registration_place = "UBND tỉnh Ninh Bình"
    operator.tax_code = "2700123456"
    operator.moit_record_url = "http://online.gov.vn/Home/WebDetails/12345"
    operator.save()

    footer = client.get("/catalogue/").content.decode()
    assert "Liên minh HTX tỉnh Ninh Bình (thử)" in footer
    assert "123/QĐ-UBND ngày 01/07/2025, nơi cấp: UBND tỉnh Ninh Bình" in footer
    assert "Mã số thuế: 2700123456" in footer
    assert 'href="http://online.gov.vn/Home/WebDetails/12345"' in footer
    assert "Đã đăng ký với Bộ Công Thương" in footer


@pytest.mark.django_db
def test_a_complaint_is_emailed_to_alliance_staff(client, legal_pages, mailoutbox):
    response = client.post(
        "/khieu-nai/", {"ho_va_ten": "Nguyễn Văn An", "noi_dung_khieu_nai": "Hàng giao bị vỡ."}
    )
    assert response.status_code == 200
    assert "Chúng tôi đã nhận được khiếu nại của bạn" in response.content.decode()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["khieunai@lienminh.example.vn"]
    assert "Hàng giao bị vỡ." in mailoutbox[0].body and "Nguyễn Văn An" in mailoutbox[0].body


@pytest.mark.django_db
def test_an_empty_complaint_is_refused_and_sends_nothing(client, legal_pages, mailoutbox):
    page = client.post("/khieu-nai/", {"ho_va_ten": ""}).content.decode()
    assert "Trường này là bắt buộc." in page
    assert mailoutbox == []
