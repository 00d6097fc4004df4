"""Whole pages cached for visitors who are not signed in: served again, stale at once after the saves
that change them, answered with 304 when the browser's copy is current, and never showing one
visitor's basket, name, messages, language or token to another (marketplace/core/pagecache.py)."""

import re

import pytest
from django.test import Client

from marketplace.catalogue import services as catalogue_services
from tests.factories import CooperativeFactory, make_product

CACHE = "X-Page-Cache"


def token_in(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return found.group(1) if found else ""


def nonce_in(response) -> str:
    return re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)


def same_page(response) -> str:
    return re.sub(r'(nonce|value)="[\w+/=]{24,64}"', "", response.content.decode())


@pytest.fixture
def nem(db):
    cooperative = CooperativeFactory(name="HTX Nem chua Yên Mạc")
    return make_product(
        cooperative, title="Nem chua Yên Mạc gói 10 chiếc", price=50000, stock=30, sku="NEM-1"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/catalogue/", "/search/?q=nem", "/cooperatives/", "product", "storefront"]
)
def test_a_shop_page_is_rendered_once_then_served_from_the_cache(client, home, nem, url):
    if url == "product":
        url = nem.get_absolute_url()
    elif url == "storefront":
        directory = Client().get("/cooperatives/").content.decode()
        url = re.search(r'href="(/cooperatives/[^"/?#]+/)"', directory).group(1)
    first = client.get(url)
    assert first.status_code == 200 and first[CACHE] == "miss"
    second = Client().get(url)
    assert second[CACHE] == "hit"
    assert "private" in second["Cache-Control"] and "no-cache" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]  # what a page is depends on the session, language and CSRF cookies
    # The same page, with each visitor's own CSRF token and each response's own nonce.
    assert token_in(second.content.decode()) != token_in(first.content.decode()) or "csrfmiddle" not in str(
        first.content
    )
    assert nonce_in(second) != nonce_in(first)
    assert same_page(second) == same_page(first)


@pytest.mark.django_db
def test_a_new_price_shows_at_once_on_the_product_list_and_search_pages(client, home, nem):
    pages = [nem.get_absolute_url(), "/catalogue/", "/search/?q=nem", "/"]
    for url in pages:
        client.get(url)
    assert client.get("/catalogue/")[CACHE] == "hit"

    catalogue_services.product_upsert(
        partner=nem.stockrecords.get().partner, sku="NEM-1", title=nem.title, price=55000, stock=30
    )
    for url in pages[:3]:
        response = client.get(url)
        assert response[CACHE] == "miss", url
        assert "55.000" in response.content.decode(), url


@pytest.mark.django_db
def test_a_product_taken_off_sale_leaves_the_cached_listing_at_once(client, nem):
    assert nem.title in client.get("/catalogue/").content.decode()
    nem.is_public = False
    nem.save()
    assert nem.title not in client.get("/catalogue/").content.decode()


@pytest.mark.django_db
def test_a_cooperative_suspended_leaves_the_cached_directory_at_once(client):
    cooperative = CooperativeFactory(name="HTX Cói Kim Sơn")
    assert "HTX Cói Kim Sơn" in client.get("/cooperatives/").content.decode()
    cooperative.status = "suspended"
    cooperative.save()
    assert "HTX Cói Kim Sơn" not in client.get("/cooperatives/").content.decode()


@pytest.mark.django_db
def test_a_current_copy_is_answered_with_304_and_a_stale_one_with_the_page(client, nem):
    url = nem.get_absolute_url()
    first = client.get(url)
    etag = first["ETag"]
    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""

    catalogue_services.product_upsert(
        partner=nem.stockrecords.get().partner, sku="NEM-1", title=nem.title, price=52000, stock=30
    )
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200 and "52.000" in changed.content.decode()


@pytest.mark.django_db
def test_a_copy_holding_another_csrf_token_is_not_revalidated(client, nem):
    url = nem.get_absolute_url()
    etag = client.get(url)["ETag"]
    other = Client()
    response = other.get(url, headers={"if-none-match": etag})
    assert response.status_code == 200  # its page must carry its own token


@pytest.mark.django_db
def test_a_page_without_forms_also_answers_if_modified_since(client, home):
    CooperativeFactory(name="HTX Cói Kim Sơn")
    first = client.get("/cooperatives/")
    assert "csrfmiddlewaretoken" not in first.content.decode()
    again = client.get("/cooperatives/", headers={"if-modified-since": first["Last-Modified"]})
    assert again.status_code == 304


@pytest.mark.django_db
def test_every_visitor_gets_their_own_working_csrf_token_in_a_cached_page(nem):
    url = nem.get_absolute_url()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(url)
    second_page = second.get(url)
    assert second_page[CACHE] == "hit"
    mine, theirs = token_in(first_page.content.decode()), token_in(second_page.content.decode())
    assert mine != theirs
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    # The form of the cached page works for the visitor it was served to.
    added = second.post(f"/basket/add/{nem.pk}/", {"quantity": 1, "csrfmiddlewaretoken": theirs})
    assert added.status_code == 302
    assert second.cookies["basket_items"].value == "1"
    # And another visitor's token does not.
    refused = second.post(f"/basket/add/{nem.pk}/", {"quantity": 1, "csrfmiddlewaretoken": mine})
    assert refused.status_code == 403


@pytest.mark.django_db
def test_signed_in_visitors_are_never_served_nor_stored(client, customer, nem):
    url = nem.get_absolute_url()
    Client().get(url)  # cached for visitors
    client.force_login(customer)
    response = client.get(url)
    assert CACHE not in response and "private" in response["Cache-Control"]
    assert "Đăng xuất" in response.content.decode()
    stranger = Client().get(url)
    assert stranger[CACHE] == "hit" and "Đăng xuất" not in stranger.content.decode()


@pytest.mark.django_db
def test_a_visitor_with_a_basket_gets_the_shared_page_and_nobody_gets_their_basket(client, nem):
    client.post(f"/basket/add/{nem.pk}/", {"quantity": 3})
    client.get("/basket/")  # the message is shown here
    page = client.get("/catalogue/")
    assert client.cookies["basket_items"].value == "3"
    stranger = Client()
    assert stranger.get("/catalogue/")[CACHE] == "hit"
    assert "basket_items" not in stranger.cookies
    assert re.search(r'id="cart_count"[^>]*hidden', page.content.decode())
    assert "Nem chua" not in stranger.get("/basket/").content.decode()


@pytest.mark.django_db
def test_a_flash_message_is_shown_to_its_visitor_and_never_kept(client, nem):
    url = nem.get_absolute_url()
    assert Client().get(url)[CACHE] == "miss"  # the page is cached, without any message
    added = client.post(f"/basket/add/{nem.pk}/", {"quantity": 1}, headers={"referer": url}, follow=True)
    assert added.redirect_chain[-1][0] == url
    assert CACHE not in added  # a message was waiting: rendered for this visitor, not from the cache
    page = added.content.decode()
    assert "đã được thêm vào giỏ hàng" in page
    assert client.get(url)[CACHE] == "hit"  # shown once; the next visit is the shared page again
    stranger = Client().get(url)
    assert stranger[CACHE] == "hit" and "đã được thêm vào giỏ hàng" not in stranger.content.decode()


@pytest.mark.django_db
def test_the_language_switch_gets_each_language_its_own_copy(client, nem):
    url = nem.get_absolute_url()
    vietnamese = client.get(url).content.decode()
    assert 'lang="vi"' in vietnamese
    english = Client()
    english.cookies["django_language"] = "en"
    page = english.get(url)
    assert page[CACHE] == "miss" and 'lang="en"' in page.content.decode()
    assert english.get(url)[CACHE] == "hit"
    assert 'lang="vi"' in Client().get(url).content.decode()


@pytest.mark.django_db
def test_a_staff_preview_of_a_hidden_product_is_not_kept_for_visitors(client, staff_user, nem):
    nem.is_public = False
    nem.save()
    client.force_login(staff_user)
    assert client.get(nem.get_absolute_url()).status_code == 200  # staff see it
    assert Client().get(nem.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_posts_and_private_paths_never_touch_the_cache(client, nem):
    assert CACHE not in client.post(f"/basket/add/{nem.pk}/", {"quantity": 1})
    for url in ["/basket/", "/accounts/login/", "/checkout/"]:
        assert CACHE not in client.get(url), url


@pytest.mark.django_db
def test_a_page_that_reads_the_visitors_own_cookie_is_never_kept(client, poll):
    """The poll tells a visitor who voted (known by their cookie) that they did: found while the
    page renders, so it is answered but kept for nobody."""
    from tests.helpers.cms_fixtures import CHOICES, FIELD

    url = poll.get_url()
    client.post(url, {FIELD: CHOICES[0]})
    voted = client.get(url)
    assert voted[CACHE].startswith("miss, not kept")
    assert "Bạn đã bình chọn cho câu hỏi này rồi" in voted.content.decode()
    newcomer = Client().get(url)
    assert newcomer[CACHE] != "hit" and "Bạn đã bình chọn" not in newcomer.content.decode()
