"""Search, catalogue and category pages as a shopper sees them; suggestions as JSON."""

import re

import pytest

from tests.factories import make_product


def card_titles(response):
    html = response.content.decode()
    return re.findall(r'<h3 class="chohtx-card-title"><a [^>]*>([^<]+)</a>', html)


def test_search_page_finds_without_accents_and_groups_cooperatives(client, floor):
    response = client.get("/search/?q=hai+hau")
    html = response.content.decode()
    # the title mentions Hải Hậu, so it ranks above the product that only its cooperative names
    assert card_titles(response) == ["Nước mắm cốt Hải Hậu", "Đường phèn"]
    assert 'id="kind-coops"' in html
    assert "Hợp tác xã Hải Hậu" in html
    assert "Kết quả cho “hai hau”" in html


def test_exact_accents_first_on_the_page(client, floor):
    assert card_titles(client.get("/search/?q=dương"))[0] == "Chè Dương Liễu"


def test_empty_query_browses_with_facets(client, floor):
    html = client.get("/search/?q=").content.decode()
    assert "6 sản phẩm" in html
    assert re.search(r"Nhóm OCOP.*Thực phẩm</span>\s*<span class=\"chohtx-facet-count\">\(4\)", html, re.S)
    assert re.search(r"Ninh Bình \(cũ\)</span>\s*<span class=\"chohtx-facet-count\">\(4\)", html)
    assert "Hợp tác xã Ngọc Lũ" not in html  # suspended


def test_catalogue_facets_combine_and_survive_paging(client, floor, settings):
    settings.OSCAR_PRODUCTS_PER_PAGE = 2
    response = client.get("/catalogue/?area=ninh_binh&sort_by=price-asc")
    assert card_titles(response) == ["Cơm cháy chà bông", "Chè Dương Liễu"]
    html = response.content.decode()
    assert "4 sản phẩm" in html
    next_link = re.search(r'rel="next" href="\?([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "area=ninh_binh" in next_link and "sort_by=price-asc" in next_link and next_link.endswith("page=2")
    second = client.get("/catalogue/?" + next_link)
    assert card_titles(second) == ["Dầu dưỡng tóc bồ kết", "Trống đồng mini"]
    assert 'aria-current="true" data-value="ninh_binh"' in second.content.decode()


def test_facet_link_adds_and_removes_a_value(client, floor):
    html = client.get("/catalogue/?stars=4").content.decode()
    assert card_titles(client.get("/catalogue/?stars=4")) == ["Cơm cháy chà bông"]
    remove = re.search(r'<a href="\?([^"]*)" rel="nofollow" class="chohtx-facet is-selected"', html).group(1)
    assert "stars=4" not in remove


def test_category_page_lists_its_subcategories_products_with_facets(client, floor):
    food = floor["categories"]["food"]
    response = client.get(food.get_absolute_url())
    assert sorted(card_titles(response)) == [
        "Chè Dương Liễu",
        "Cơm cháy chà bông",
        "Nước mắm cốt Hải Hậu",
        "Đường phèn",
    ]
    assert 'data-facet="subgroup"' in response.content.decode()


def test_category_page_describes_itself_and_keeps_heading_levels(client, floor):
    import re

    food = floor["categories"]["food"]
    food.description = ""
    food.save()
    html = client.get(food.get_absolute_url()).content.decode()

    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert food.name in description and "hợp tác xã" in description
    # Card titles are h3: an h2 comes before the first of them, so no level is skipped.
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html)]
    first_card = levels.index(3)
    assert 2 in levels[:first_card]


def test_bad_page_is_not_found(client, floor):
    assert client.get("/catalogue/?page=99").status_code == 404
    assert client.get("/catalogue/?page=abc").status_code == 404


def test_unknown_facet_values_are_ignored(client, floor):
    response = client.get("/catalogue/?area=atlantis&stars=9&price=free&coop=x")
    assert response.status_code == 200
    assert len(card_titles(response)) == 6


def test_suggest_returns_products_cooperatives_and_categories(client, floor):
    data = client.get("/search/suggest/?q=hai").json()
    assert data["q"] == "hai"
    assert [p["title"] for p in data["products"]] == ["Nước mắm cốt Hải Hậu"]
    assert [c["name"] for c in data["cooperatives"]] == ["Hợp tác xã Hải Hậu"]
    data = client.get("/search/suggest/?q=nuoc+m").json()
    assert data["products"] == [
        {
            "title": "Nước mắm cốt Hải Hậu",
            "url": floor["products"]["nuoc_mam"].get_absolute_url(),
            "price": "120.000\xa0₫",
        }
    ]
    assert [c["name"] for c in client.get("/search/suggest/?q=gia+vi").json()["categories"]] == ["Gia vị"]
    assert client.get("/search/suggest/?q=").json() == {
        "q": "",
        "products": [],
        "cooperatives": [],
        "categories": [],
    }


def test_header_search_box_offers_suggestions(client, floor):
    html = client.get("/catalogue/").content.decode()
    assert 'data-suggest-url="/search/suggest/"' in html
    assert "chohtx/search.js" in html


@pytest.mark.django_db
def test_new_product_is_searchable_after_commit(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_product(title="Nem chua Yên Mạc", price=50_000)
    assert card_titles(client.get("/search/?q=nem+chua+yen+mac")) == ["Nem chua Yên Mạc"]


def test_a_query_that_finds_nothing_offers_a_spelling_that_does(client, floor):
    html = client.get("/search/?q=nuocx+mma").content.decode()  # "mma": too short to be forgiven
    assert card_titles(client.get("/search/?q=nuocx+mma")) == []
    assert "Có phải bạn muốn tìm:" in html
    assert re.search(r'<a href="/search/\?q=nuoc%20mam">nuoc mam</a>', html)
    assert card_titles(client.get("/search/?q=nuoc+mam")) == ["Nước mắm cốt Hải Hậu"]


def test_no_suggestion_when_nothing_close_is_sold(client, floor):
    html = client.get("/search/?q=xyzqw").content.decode()
    assert "Có phải bạn muốn tìm:" not in html
