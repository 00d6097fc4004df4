"""Saved products ("Yêu thích"): the heart on cards and product pages, and the list under the account."""

import pytest
from oscar.core.loading import get_model

from tests.factories import make_product

Line = get_model("wishlists", "Line")


@pytest.fixture
def rice(db):
    return make_product(title="Gạo tám xoan Hải Hậu 5 kg", price=150000)


@pytest.fixture
def shopper(client, customer):
    client.force_login(customer)
    return customer


@pytest.mark.django_db
def test_saving_from_the_product_page_fills_the_heart_and_lists_the_product(client, shopper, rice):
    url = rice.get_absolute_url()
    response = client.post(f"/accounts/wishlists/add/{rice.pk}/", {"next": url})
    assert response.status_code == 302 and response["Location"] == url
    page = client.get(url).content.decode()
    assert "Đã lưu “Gạo tám xoan Hải Hậu 5 kg” vào Yêu thích." in page
    assert 'aria-pressed="true"' in page and "Đã lưu vào Yêu thích" in page
    listing = client.get("/accounts/wishlists/").content.decode()
    assert "Sản phẩm yêu thích" in listing and "Gạo tám xoan Hải Hậu 5 kg" in listing
    assert "150.000\xa0₫" in listing


@pytest.mark.django_db
def test_saving_twice_keeps_one_line(client, shopper, rice):
    for __ in range(2):
        client.post(f"/accounts/wishlists/add/{rice.pk}/")
    assert Line.objects.filter(wishlist__owner=shopper, product=rice).count() == 1


@pytest.mark.django_db
def test_removing_takes_the_product_off_the_list(client, shopper, rice):
    client.post(f"/accounts/wishlists/add/{rice.pk}/")
    response = client.post(f"/accounts/wishlists/remove/{rice.pk}/", {"next": "/accounts/wishlists/"})
    assert response["Location"] == "/accounts/wishlists/"
    listing = client.get("/accounts/wishlists/").content.decode()
    assert "Đã bỏ sản phẩm khỏi Yêu thích." in listing
    assert 'id="saved-products"' not in listing and "Bạn chưa lưu sản phẩm nào" in listing
    assert f'data-product="{rice.pk}"' not in listing


@pytest.mark.django_db
def test_a_signed_out_visitor_is_asked_to_sign_in_and_the_product_is_saved_when_they_do(
    client, customer, rice
):
    url = rice.get_absolute_url()
    response = client.post(f"/accounts/wishlists/add/{rice.pk}/", {"next": url})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/") and "next=" in response["Location"]
    assert not Line.objects.exists()
    signed_in = client.post(
        "/accounts/login/",
        {
            "login-username": customer.email,
            "login-password": "pw-customer-123",
            "login_submit": "1",
            "login-redirect_url": url,
        },
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == url
    assert Line.objects.filter(wishlist__owner=customer, product=rice).exists()
    assert "Đã lưu “Gạo tám xoan Hải Hậu 5 kg” vào Yêu thích." in client.get(url).content.decode()


@pytest.mark.django_db
def test_the_list_and_the_buttons_need_the_right_method_and_a_signed_in_user(client, rice):
    assert client.get("/accounts/wishlists/")["Location"].startswith("/accounts/login/")
    assert client.get(f"/accounts/wishlists/add/{rice.pk}/").status_code == 405
    assert client.post("/accounts/wishlists/add/999999/").status_code == 404


@pytest.mark.django_db
def test_next_never_sends_the_shopper_to_another_site(client, shopper, rice):
    response = client.post(f"/accounts/wishlists/add/{rice.pk}/", {"next": "https://evil.example/"})
    assert response["Location"] == rice.get_absolute_url()


@pytest.mark.django_db
def test_one_shoppers_list_is_not_anothers(client, shopper, rice, django_user_model):
    other = django_user_model.objects.create_user(email="an@example.vn", password="pw-an-12345")
    client.post(f"/accounts/wishlists/add/{rice.pk}/")
    client.force_login(other)
    listing = client.get("/accounts/wishlists/").content.decode()
    assert f'data-product="{rice.pk}"' not in listing and "Bạn chưa lưu sản phẩm nào" in listing
    assert 'aria-pressed="true"' not in client.get(rice.get_absolute_url()).content.decode()
