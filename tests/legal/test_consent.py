"""Accepting the version in force: at sign-up, at checkout, on applying to sell; asked again, with a
clear message and nothing lost, when a new version of the regulations comes into force."""

import pytest
from django.contrib.auth import get_user_model

from marketplace.legal.models import Consent, Version
from marketplace.legal.services import consent_record
from marketplace.order.models import Order
from tests.helpers.checkout import checkout_until_preview, place_order
from tests.helpers.seller import apply
from tests.legal.conftest import new_version

User = get_user_model()
SIGN_UP = {
    "registration-email": "lan.moi@example.vn",
    "registration-password1": "Com-chay-2026!",
    "registration-password2": "Com-chay-2026!",
    "registration_submit": "1",
}


@pytest.mark.django_db
def test_sign_up_asks_for_both_documents_unticked_and_records_the_versions(client, regulations, privacy):
    html = client.get("/accounts/login/").content.decode()
    assert "Tôi đã đọc và đồng ý với" in html and "(phiên bản 1, có hiệu lực từ" in html
    assert 'href="/quy-che/phien-ban/1/"' in html and 'href="/bao-mat/phien-ban/1/"' in html
    box = html[
        html.index('name="registration-accept_terms"') - 120 : html.index('name="registration-accept_terms"')
        + 80
    ]
    assert "checked" not in box

    refused = client.post("/accounts/login/", SIGN_UP).content.decode()
    assert "Hãy đọc và đồng ý với Quy chế hoạt động để tiếp tục." in refused
    assert "Hãy đồng ý với Chính sách bảo mật để tiếp tục." in refused
    assert not User.objects.filter(email="lan.moi@example.vn").exists()

    response = client.post(
        "/accounts/login/",
        {**SIGN_UP, "registration-accept_terms": "on", "registration-accept_privacy": "on"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 302
    user = User.objects.get(email="lan.moi@example.vn")
    consents = Consent.objects.filter(user=user).order_by("version__kind")
    assert [(c.version.kind, c.version.number, c.context, c.ip) for c in consents] == [
        ("privacy", 1, "signup", "203.0.113.7"),
        ("regulations", 1, "signup", "203.0.113.7"),
    ]


@pytest.mark.django_db
def test_a_guest_accepts_the_version_in_force_with_the_order(
    client, regulations, two_cooperatives, country_vn
):
    page = checkout_until_preview(
        client, [(two_cooperatives[0], 1)], email="khach@example.vn"
    ).content.decode()
    assert "Quy chế hoạt động</a> của sàn Chợ HTX (phiên bản 1" in page
    placed = place_order(client)
    assert placed.status_code == 200
    order = Order.objects.get()
    consent = Consent.objects.get()
    assert (consent.version.number, consent.context, consent.user, consent.email, consent.order_number) == (
        1,
        "checkout",
        None,
        "khach@example.vn",
        order.number,
    )
    assert consent.ip == "127.0.0.1"


@pytest.mark.django_db
def test_a_buyer_who_accepted_the_version_in_force_is_not_asked_again(
    client, regulations, customer, two_cooperatives, country_vn
):
    consent_record(versions=[Version.objects.get()], context="signup", user=customer)
    client.force_login(customer)
    page = checkout_until_preview(client, [(two_cooperatives[0], 1)]).content.decode()
    assert 'name="accept_terms"' not in page
    assert "Bạn đã đồng ý Quy chế hoạt động phiên bản 1 ngày" in page
    client.post("/checkout/preview/", {"action": "place_order"}, follow=True)
    assert Order.objects.count() == 1
    assert Consent.objects.filter(user=customer).count() == 1  # nothing new to record


@pytest.mark.django_db
def test_a_new_version_in_force_is_asked_at_the_next_checkout_and_the_basket_stays(
    client, regulations, customer, two_cooperatives, today, country_vn
):
    consent_record(versions=[Version.objects.get()], context="signup", user=customer)
    new_version(
        regulations, "<p>Điều 1. Bản mới.</p>", today, changes="Khiếu nại trả lời trong 3 ngày làm việc."
    )
    client.force_login(customer)
    page = checkout_until_preview(client, [(two_cooperatives[0], 2)]).content.decode()
    assert "Quy chế hoạt động đã có phiên bản mới" in page
    assert "Bạn đã đồng ý phiên bản 1." in page and "Khiếu nại trả lời trong 3 ngày làm việc." in page
    assert "Giỏ hàng và thông tin giao hàng của bạn vẫn được giữ nguyên." in page
    assert "(phiên bản 2, có hiệu lực từ" in page

    refused = client.post("/checkout/preview/", {"action": "place_order"})
    assert "Hãy đọc và đồng ý với Quy chế hoạt động trước khi đặt hàng." in refused.content.decode()
    assert Order.objects.count() == 0
    assert "Cơm cháy chà bông 200 g" in client.get("/basket/").content.decode()  # the basket stays

    place_order(client)
    order = Order.objects.get()
    newest = Consent.objects.filter(user=customer).order_by("-accepted_at").first()
    assert (newest.version.number, newest.context, newest.order_number) == (2, "checkout", order.number)


@pytest.mark.django_db
def test_applying_to_sell_records_the_regulations_and_privacy_versions_with_the_cooperative(
    client, regulations, privacy, django_capture_on_commit_callbacks
):
    html = client.get("/seller/apply/").content.decode()
    assert "(phiên bản 1, có hiệu lực từ" in html
    refused = apply(client)
    assert refused.status_code == 400
    assert "Hãy đọc và đồng ý với Quy chế hoạt động để nộp hồ sơ." in refused.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        assert apply(client, accept_terms="on").status_code == 302
    consents = Consent.objects.order_by("version__kind")
    assert [(c.version.kind, c.context, c.user.email, c.partner.name) for c in consents] == [
        ("privacy", "seller_apply", "hung@example.vn", "Hợp tác xã Nông nghiệp Yên Mạc"),
        ("regulations", "seller_apply", "hung@example.vn", "Hợp tác xã Nông nghiệp Yên Mạc"),
    ]


@pytest.mark.django_db
def test_a_new_version_in_force_is_asked_in_the_seller_centre_before_anything_else(
    client, regulations, coop, today
):
    consent_record(
        versions=[Version.objects.get()], context="seller_apply", user=coop.user, partner=coop.partner
    )
    client.force_login(coop.user)
    assert client.get("/seller/products/").status_code == 200  # version 1 accepted: working as usual

    new_version(regulations, "<p>Điều 1. Bản mới.</p>", today, changes="Định danh người bán qua VNeID.")
    response = client.get("/seller/products/")
    assert response.status_code == 302
    assert response["Location"] == "/legal/accept/?next=%2Fseller%2Fproducts%2F&for=seller"
    posted = client.post(f"/seller/products/{coop.product.pk}/visibility/")
    assert posted.status_code == 302 and posted["Location"].startswith("/legal/accept/")
    coop.product.refresh_from_db()
    assert coop.product.is_public  # the action waits for the acceptance

    page = client.get(response["Location"]).content.decode()
    assert "Quy chế hoạt động đã có phiên bản mới" in page
    assert "Bạn đã đồng ý phiên bản 1 ngày" in page and "Định danh người bán qua VNeID." in page
    assert 'href="/quy-che/phien-ban/2/"' in page

    refused = client.post("/legal/accept/", {"next": "/seller/products/", "for": "seller"})
    assert (
        refused.status_code == 400
        and "Hãy đọc và đồng ý với Quy chế hoạt động để tiếp tục." in refused.content.decode()
    )

    accepted = client.post(
        "/legal/accept/", {"next": "/seller/products/", "for": "seller", "accept_terms": "on"}
    )
    assert accepted.status_code == 302 and accepted["Location"] == "/seller/products/"
    consent = Consent.objects.filter(user=coop.user).order_by("-accepted_at").first()
    assert (consent.version.number, consent.context, consent.partner) == (2, "seller_centre", coop.partner)
    assert client.get("/seller/products/").status_code == 200


@pytest.mark.django_db
def test_the_acceptance_page_only_sends_back_to_this_site(client, regulations, customer):
    client.force_login(customer)
    response = client.post("/legal/accept/", {"next": "https://evil.example/", "accept_terms": "on"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert Consent.objects.get(user=customer).context == "account"


@pytest.mark.django_db
def test_consents_are_never_changed_or_deleted(regulations, customer):
    consent = consent_record(versions=[Version.objects.get()], context="signup", user=customer)[0]
    with pytest.raises(ValueError):
        consent.save()
    with pytest.raises(ValueError):
        consent.delete()
