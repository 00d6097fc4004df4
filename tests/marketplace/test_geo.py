"""Two-level addresses: the 34 provinces and their communes with official codes,
the JSON list behind the commune select, and the forms that check a commune belongs to its province."""

import importlib

import pytest
from django.apps import apps as django_apps

from marketplace.demo import data as demo_data
from marketplace.demo import onboarding
from marketplace.geo import (
    commune_by_code,
    commune_named,
    communes_of,
    find_province,
    ninh_binh,
    province_named,
    provinces,
)
from marketplace.partner.models import Partner, Status
from marketplace.seller.forms import ProfileForm
from tests.factories import CooperativeFactory
from tests.helpers.checkout import ADDRESS, add_to_basket, start_guest_checkout
from tests.helpers.uploads import pdf_upload

NOT_IN_NINH_BINH = "Xã/phường này không thuộc tỉnh Ninh Bình."


# --- The data -----------------------------------------------------------------------------
def test_34_provinces_with_two_digit_codes_and_ninh_binh_is_37():
    assert len(provinces()) == 34
    assert all(len(p.code) == 2 and p.code.isdigit() for p in provinces())
    assert sum(len(p.communes) for p in provinces()) == 3321
    nb = ninh_binh()
    assert (nb.name, nb.kind, nb.code, nb.label) == ("Ninh Bình", "tỉnh", "37", "Tỉnh Ninh Bình")
    hanoi = find_province("01")
    assert (hanoi.name, hanoi.kind, hanoi.label) == ("Hà Nội", "thành phố", "Thành phố Hà Nội")


def test_the_new_ninh_binh_has_129_units_97_communes_and_32_wards():
    communes = communes_of("Ninh Bình")
    kinds = [c.kind for c in communes]
    assert (len(communes), kinds.count("xã"), kinds.count("phường")) == (129, 97, 32)
    codes = [c.code for c in communes]
    assert len(set(codes)) == 129 and all(len(code) == 5 and code.isdigit() for code in codes)
    assert commune_by_code("14464").name == "Xã Gia Viễn"
    assert commune_by_code("14329").name == "Phường Hoa Lư"
    # the source's stray double spaces are gone: "Xã  Xuân Giang"
    assert "Xã Xuân Giang" in {c.name for c in communes}


@pytest.mark.parametrize(
    "text", ["gia vien", "Xã Gia Viễn", "Gia Viễn", "  XÃ  GIA VIỄN ", "x. gia vien", "14464"]
)
def test_a_commune_is_found_by_its_name_typed_any_way_or_its_code(text):
    assert commune_named(ninh_binh(), text).code == "14464"


def test_commune_lookup_stays_within_the_province_and_refuses_guesses():
    assert commune_named("Hà Nội", "Gia Viễn") is None
    assert commune_named("Ninh Bình", "00070") is None  # Phường Hoàn Kiếm, Hà Nội
    assert commune_named("Ninh Bình", "Hoàn Kiếm") is None
    assert commune_named("Ninh Bình", "Giao Thủy").name == "Xã Giao Thuỷ"  # both spellings of the tone
    # Thái Nguyên has Xã Văn Lang and Xã Văn Lăng: without accents it cannot tell which.
    assert commune_named("Thái Nguyên", "van lang") is None
    assert commune_named("Thái Nguyên", "Văn Lăng").name == "Xã Văn Lăng"


def test_provinces_by_name_code_and_old_names():
    assert province_named("tỉnh Ninh Bình").code == "37"
    assert province_named("TP. Hồ Chí Minh") == province_named("Sài Gòn") == find_province("79")
    assert province_named("Thừa Thiên Huế").name == "Huế"
    assert province_named("Hà Tây") is None and find_province("99") is None


# --- The JSON list behind the commune select ----------------------------------------------
@pytest.mark.django_db
def test_communes_endpoint_lists_a_province_in_vietnamese_order_and_is_cacheable(client):
    response = client.get("/geo/communes/?province=37")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert "max-age=86400" in response["Cache-Control"] and "public" in response["Cache-Control"]
    communes = response.json()
    assert len(communes) == 129
    assert {"code": "14464", "name": "Xã Gia Viễn"} in communes
    names = [c["name"] for c in communes]
    assert names[:3] == ["Xã Bắc Lý", "Xã Bình An", "Xã Bình Giang"]  # "Xã"/"Phường" do not count
    assert names.index("Phường Đông A") < names.index("Xã Gia Viễn") < names.index("Phường Hoa Lư")
    assert client.get("/geo/communes/?province=Ninh%20B%C3%ACnh").json() == communes


@pytest.mark.django_db
def test_communes_endpoint_refuses_an_unknown_province(client):
    response = client.get("/geo/communes/?province=99")
    assert response.status_code == 404
    assert response.json() == {"error": "Không tìm thấy tỉnh/thành phố này."}
    assert "max-age" not in response.get("Cache-Control", "")


# --- Cooperative profile and application --------------------------------------------------
def profile_data(**changes):
    return {"legal_representative": "Trần Thị Mai", "phone": "0912345678", "province": "37", **changes}


def test_profile_form_stores_province_commune_and_code():
    form = ProfileForm(profile_data(commune="14464"))
    assert form.is_valid(), form.errors
    data = form.cleaned_data
    assert (data["province"], data["commune"], data["commune_code"]) == ("Ninh Bình", "Xã Gia Viễn", "14464")


def test_profile_form_rejects_a_commune_of_another_province():
    form = ProfileForm(profile_data(commune="00070"))  # Phường Hoàn Kiếm is in Hà Nội
    assert not form.is_valid()
    assert form.errors["commune"] == [
        NOT_IN_NINH_BINH + " Hãy chọn xã/phường trong danh sách của tỉnh Ninh Bình."
    ]


def test_profile_form_shows_the_communes_of_the_stored_province():
    form = ProfileForm(initial={"province": "Ninh Bình", "commune": "Xã Gia Viễn"})
    html = str(form["commune"])
    assert '<option value="14464" selected>Xã Gia Viễn</option>' in html
    assert html.count("<option") == 130  # the placeholder and 129 units
    assert 'data-geo-communes="/geo/communes/"' in html and "chohtx/geo.js" in html
    assert f'data-geo-province-field="{form["province"].auto_id}"' in html
    assert '<option value="37" selected>Ninh Bình</option>' in str(form["province"])


APPLICATION = {
    "name": "Hợp tác xã Nông nghiệp Gia Viễn",
    "kind": "htx",
    "registration_number": "09.07.000777",
    "tax_code": "2700987777",
    "legal_representative": "Đinh Văn Hùng",
    "phone": "0912 345 678",
    "area": "ninh_binh",
    "province": "37",
    "street": "Thôn Tập Ninh",
    "consent": "on",
    "account-account_email": "hung.gv@example.vn",
    "account-account_name": "Đinh Văn Hùng",
    "account-password1": "Nem-chua-2026!",
    "account-password2": "Nem-chua-2026!",
}


@pytest.mark.django_db
def test_apply_form_stores_the_official_commune_name_and_code(client):
    response = client.post("/seller/apply/", {**APPLICATION, "commune": "14464", "document": pdf_upload()})
    assert response.status_code == 302
    partner = Partner.objects.get(name=APPLICATION["name"])
    assert (partner.province, partner.commune, partner.commune_code) == ("Ninh Bình", "Xã Gia Viễn", "14464")


@pytest.mark.django_db
def test_apply_form_without_javascript_refuses_a_commune_of_another_province_and_lists_the_right_ones(
    client,
):
    # The applicant switched the province to Hà Nội, but (no JavaScript) kept a Ninh Bình commune.
    data = {**APPLICATION, "province": "01", "commune": "14464", "document": pdf_upload()}
    response = client.post("/seller/apply/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Xã/phường này không thuộc thành phố Hà Nội." in html
    assert '<option value="00070">Phường Hoàn Kiếm</option>' in html  # Hà Nội's list now
    assert "Xã Gia Viễn</option>" not in html
    assert not Partner.objects.filter(name=APPLICATION["name"]).exists()


# --- Checkout -------------------------------------------------------------------------------
@pytest.mark.django_db
def test_checkout_refuses_a_commune_not_in_the_province(client, country_vn, two_cooperatives):
    add_to_basket(client, two_cooperatives[0])
    start_guest_checkout(client)
    response = client.post("/checkout/shipping-address/", {**ADDRESS, "state": "01", "line4": "14464"})
    html = response.content.decode()
    assert response.status_code == 200  # the form again, not the next step
    assert "Xã/phường này không thuộc thành phố Hà Nội." in html
    assert '<option value="00070">Phường Hoàn Kiếm</option>' in html


@pytest.mark.django_db
def test_checkout_shows_the_chosen_commune_when_coming_back_to_the_address(
    client, country_vn, two_cooperatives
):
    add_to_basket(client, two_cooperatives[0])
    start_guest_checkout(client)
    client.post("/checkout/shipping-address/", {**ADDRESS, "state": "37", "line4": "hoa lu"})
    html = client.get("/checkout/shipping-address/").content.decode()
    assert '<option value="37" selected>Ninh Bình</option>' in html
    assert '<option value="14329" selected>Phường Hoa Lư</option>' in html


# --- Stored cooperatives, demo data, storefront filter, alliance review -------------------
@pytest.mark.django_db
def test_data_migration_fills_codes_of_communes_that_match_exactly_one_unit():
    migration = importlib.import_module("marketplace.partner.migrations.0011_fill_partner_commune_codes")
    clear = CooperativeFactory(name="HTX A", commune="gia vien")
    other_province = CooperativeFactory(name="HTX B", province="Hà Nội", commune="Xã Gia Viễn")
    unknown = CooperativeFactory(name="HTX C", commune="Xã Gia Sinh")  # merged away in 2025
    Partner.objects.update(commune_code="")
    migration.fill_codes(django_apps, None)
    for partner in (clear, other_province, unknown):
        partner.refresh_from_db()
    assert (clear.commune, clear.commune_code) == ("Xã Gia Viễn", "14464")
    assert (other_province.commune, other_province.commune_code) == ("Xã Gia Viễn", "")
    assert (unknown.commune, unknown.commune_code) == ("Xã Gia Sinh", "")


FORMER_AREA_CODES = {  # statistics-office code ranges of the three merged provinces
    "ha_nam": range(13285, 13650),
    "nam_dinh": range(13650, 14320),
    "ninh_binh": range(14320, 14760),
}


@pytest.mark.parametrize(
    "cooperative",
    [*demo_data.COOPERATIVES, *onboarding.PENDING, onboarding.SUSPENDED],
    ids=lambda c: c["name"],
)
def test_every_demo_cooperative_has_a_real_commune_of_ninh_binh_in_its_former_area(cooperative):
    commune = commune_by_code(cooperative["commune_code"])
    assert commune is not None and commune.province_code == "37"
    assert commune.name == cooperative["commune"]
    assert int(commune.code) in FORMER_AREA_CODES[cooperative["area"]]


@pytest.mark.django_db
def test_storefront_commune_filter_uses_codes_and_shows_names(client):
    CooperativeFactory(name="HTX Cói Kim Sơn", commune="Xã Kim Sơn")
    CooperativeFactory(name="HTX Dê Tam Điệp", commune="Phường Tam Điệp")
    html = client.get("/cooperatives/").content.decode()
    assert '<option value="14638">Xã Kim Sơn</option>' in html
    assert '<option value="14362">Phường Tam Điệp</option>' in html
    filtered = client.get("/cooperatives/?commune=14638").content.decode()
    assert "HTX Cói Kim Sơn" in filtered and "HTX Dê Tam Điệp" not in filtered


@pytest.mark.django_db
def test_alliance_review_shows_the_commune_with_its_code_but_the_storefront_does_not(client, staff_user):
    partner = CooperativeFactory(name="HTX Gia Viễn", commune="Xã Gia Viễn", status=Status.APPLIED)
    client.force_login(staff_user)
    assert "Xã Gia Viễn (14464)" in client.get(f"/dashboard/applications/{partner.pk}/").content.decode()
    partner.status = Status.APPROVED
    partner.save()
    client.logout()
    storefront = client.get(f"/cooperatives/{partner.code}/").content.decode()
    assert "Xã Gia Viễn" in storefront and "14464" not in storefront


def test_a_cooperative_address_names_a_city_as_a_city():
    from marketplace.partner.models import Partner

    assert Partner(street="12 Tràng An", commune="Phường Hoa Lư", province="Ninh Bình").address_line == (
        "12 Tràng An, Phường Hoa Lư, tỉnh Ninh Bình"
    )
    assert Partner(commune="Phường Hoàn Kiếm", province="Hà Nội").address_line == (
        "Phường Hoàn Kiếm, thành phố Hà Nội"
    )
