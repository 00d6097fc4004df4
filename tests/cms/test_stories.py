"""Stories under /stories/: newest first, tags, pages, RSS; linked both ways to products and cooperatives."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from cms import selectors
from marketplace.partner import services as partner_services
from tests.factories import CooperativeFactory, make_product
from tests.helpers.cms import add_story


@pytest.mark.django_db
def test_story_index_lists_stories_newest_first_with_tag_filter(client, story_index):
    add_story(story_index, title="Mật ong Cúc Phương", day=date(2026, 9, 1), tags=["Mật ong"])
    add_story(story_index, title="Cơm cháy Gia Sinh", day=date(2026, 10, 1), tags=["Cơm cháy"])
    add_story(story_index, title="Bản nháp chưa đăng", day=date(2026, 11, 1), publish=False)

    page = client.get("/stories/").content.decode()
    assert page.index("Cơm cháy Gia Sinh") < page.index("Mật ong Cúc Phương")
    assert "Bản nháp chưa đăng" not in page

    filtered = client.get("/stories/", {"tag": "Mật ong"}).content.decode()
    assert "Mật ong Cúc Phương" in filtered and "Cơm cháy Gia Sinh" not in filtered


@pytest.mark.django_db
def test_story_index_paginates(client, story_index):
    for day in range(1, 12):
        add_story(story_index, title=f"Câu chuyện số {day:02d}", day=date(2026, 10, day))
    first = client.get("/stories/").content.decode()
    second = client.get("/stories/", {"page": 2}).content.decode()
    assert "Câu chuyện số 11" in first and "Câu chuyện số 01" not in first
    assert "Câu chuyện số 01" in second and "Trang 2/2" in second


@pytest.mark.django_db
def test_rss_feed_lists_published_stories(client, story_index):
    add_story(story_index, title="Bánh đa nem Kiện Khê", day=date(2026, 9, 15), tags=["Làng nghề"])
    response = client.get("/stories/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(response.content).findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["Bánh đa nem Kiện Khê"]
    assert items[0].findtext("link").endswith("/stories/banh-da-nem-kien-khe/")
    assert items[0].findtext("category") == "Làng nghề"


@pytest.mark.django_db
def test_product_page_shows_stories_about_the_product_without_linking_from_the_product(client, story_index):
    product = make_product(title="Cơm cháy chà bông 200 g")
    add_story(story_index, title="Cơm cháy Gia Sinh lên 4 sao", products=[product])
    add_story(story_index, title="Chuyện khác", publish=True)

    page = client.get(product.get_absolute_url()).content.decode()
    assert "Câu chuyện về sản phẩm này" in page
    assert "Cơm cháy Gia Sinh lên 4 sao" in page
    assert "Chuyện khác" not in page


@pytest.mark.django_db
def test_cooperative_gets_stories_about_it_and_about_the_products_it_sells(story_index):
    cooperative = CooperativeFactory(name="Hợp tác xã Cói Kim Sơn")
    other = CooperativeFactory(name="Hợp tác xã khác")
    basket = make_product(cooperative, title="Giỏ cói Kim Sơn")
    about_coop = add_story(
        story_index, title="Nghề cói giữ làng", cooperatives=[cooperative], day=date(2026, 9, 1)
    )
    about_product = add_story(story_index, title="Chiếc giỏ cói", products=[basket], day=date(2026, 10, 1))
    add_story(story_index, title="Chuyện của hợp tác xã khác", cooperatives=[other])

    assert selectors.stories_about(cooperative=cooperative) == [about_product, about_coop]
    assert selectors.stories_about(product=basket) == [about_product]


@pytest.mark.django_db
def test_storefront_shows_the_cooperatives_stories(client, story_index):
    cooperative = CooperativeFactory(name="Hợp tác xã Mật ong Cúc Phương")
    add_story(story_index, title="Người nuôi ong ven rừng", cooperatives=[cooperative])
    response = client.get(f"/cooperatives/{cooperative.code}/")
    if response.status_code == 404:
        pytest.skip("storefronts are not routed here")
    assert "Người nuôi ong ven rừng" in response.content.decode()


@pytest.mark.django_db
def test_story_page_shows_its_products_while_on_sale(client, story_index):
    cooperative = CooperativeFactory(name="Hợp tác xã Nem chua Yên Mạc")
    nem = make_product(cooperative, title="Nem chua Yên Mạc gói 10 chiếc")
    story = add_story(story_index, title="Nem chua Yên Mạc", products=[nem], cooperatives=[cooperative])

    page = client.get(story.url).content.decode()
    assert "Sản phẩm trong câu chuyện" in page and f'data-product="{nem.pk}"' in page

    partner_services.cooperative_upsert(name=cooperative.name, status="suspended")
    page = client.get(story.url).content.decode()
    assert "Sản phẩm trong câu chuyện" not in page and f'data-product="{nem.pk}"' not in page
