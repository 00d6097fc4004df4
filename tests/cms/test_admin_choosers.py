"""Editors pick products and cooperatives by typing, as buyers search: accents ignored, only what is
on sale and approved, each product with its picture, price and cooperative. Home and legal pages
preview at phone width."""

import re

import pytest

from cms.models import HomePage, LegalPage, StoryPage
from cms.models.previews import PHONE_WIDTH
from marketplace.partner.models import Status
from tests.factories import CooperativeFactory, make_product
from tests.helpers.cms import add_story


@pytest.fixture
def catalogue(db):
    gia_sinh = CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")
    applying = CooperativeFactory(name="Hợp tác xã Yên Mạc", status=Status.APPLIED)
    return {
        "com_chay": make_product(gia_sinh, title="Cơm cháy chà bông 200 g", price=45000, image=True),
        "hidden": make_product(gia_sinh, title="Cơm cháy lá sen (ngừng bán)", price=50000, is_public=False),
        "applying": make_product(applying, title="Nem chua Yên Mạc", price=60000),
        "gia_sinh": gia_sinh,
        "applying_coop": applying,
    }


def _modal(client, url):
    response = client.get(url)
    assert response.status_code == 200
    if "json" in response["Content-Type"]:  # the modal; its search results come as plain HTML
        return response.json()["html"]
    return response.content.decode()


def _rows(html):
    return re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.S)


@pytest.mark.django_db
def test_typing_without_accents_finds_the_product_with_picture_price_and_cooperative(
    client, editor, catalogue
):
    client.force_login(editor)
    html = _modal(client, "/cms-admin/product_chooser/results/?q=com+chay")
    row = next(row for row in _rows(html) if "Cơm cháy chà bông 200 g" in row)
    assert "45.000" in row and "₫" in row
    assert "Hợp tác xã Cơm cháy Gia Sinh" in row
    assert re.search(r'<img src="[^"]+\.jpg"', row)
    assert "ngừng bán" not in html


@pytest.mark.django_db
def test_hidden_products_and_those_of_an_applying_cooperative_are_not_offered(client, editor, catalogue):
    client.force_login(editor)
    everything = _modal(client, "/cms-admin/product_chooser/")
    assert "Cơm cháy chà bông 200 g" in everything
    assert "ngừng bán" not in everything and "Nem chua Yên Mạc" not in everything
    assert "Nem chua" not in _modal(client, "/cms-admin/product_chooser/results/?q=nem+chua")
    # nor can they be chosen by address
    for product in (catalogue["hidden"], catalogue["applying"]):
        assert client.get(f"/cms-admin/product_chooser/chosen/{product.pk}/").status_code == 404
    chosen = client.get(f"/cms-admin/product_chooser/chosen/{catalogue['com_chay'].pk}/")
    assert chosen.json()["result"]["title"] == "Cơm cháy chà bông 200 g"


@pytest.mark.django_db
def test_cooperatives_are_found_by_typing_and_only_approved_ones(client, editor, catalogue):
    client.force_login(editor)
    html = _modal(client, "/cms-admin/cooperative_chooser/results/?q=gia+sinh")
    assert "Hợp tác xã Cơm cháy Gia Sinh" in html
    assert "Yên Mạc" not in _modal(client, "/cms-admin/cooperative_chooser/results/?q=yen+mac")
    assert "Yên Mạc" not in _modal(client, "/cms-admin/cooperative_chooser/")
    applying = catalogue["applying_coop"]
    assert client.get(f"/cms-admin/cooperative_chooser/chosen/{applying.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_search_that_finds_nothing_says_so_in_vietnamese(client, editor, catalogue):
    client.force_login(editor)
    html = _modal(client, "/cms-admin/product_chooser/results/?q=xyzzy")
    assert "Cơm cháy" not in html
    assert "Rất tiếc" in html or "Không có" in html


@pytest.mark.django_db
def test_several_products_are_ticked_at_once(client, editor, catalogue):
    other = make_product(catalogue["gia_sinh"], title="Cơm cháy mắm hành 150 g", price=40000)
    client.force_login(editor)
    html = _modal(client, "/cms-admin/product_chooser/?multiple=1")
    assert 'type="checkbox"' in html
    ids = (catalogue["com_chay"].pk, other.pk, catalogue["hidden"].pk)
    response = client.get("/cms-admin/product_chooser/chosen-multiple/", {"id": ids})
    titles = sorted(item["title"] for item in response.json()["result"])
    assert titles == ["Cơm cháy chà bông 200 g", "Cơm cháy mắm hành 150 g"]


@pytest.mark.django_db
def test_the_story_editor_lists_chosen_products_and_saves_what_is_posted(
    client, editor, story_index, catalogue
):
    first = catalogue["com_chay"]
    second = make_product(catalogue["gia_sinh"], title="Cơm cháy mắm hành 150 g", price=40000)
    story = add_story(story_index, title="Cơm cháy Gia Sinh", products=[first], publish=False)
    client.force_login(editor)
    page = client.get(f"/cms-admin/pages/{story.pk}/edit/").content.decode()
    assert "<select" not in page.split('name="products"')[0][-400:]  # no Ctrl-click list any more
    assert f'<input type="hidden" name="products" value="{first.pk}">' in page
    assert "Thêm sản phẩm" in page and "Thêm hợp tác xã" in page
    response = client.post(
        f"/cms-admin/pages/{story.pk}/edit/",
        {
            "title": "Cơm cháy Gia Sinh",
            "slug": story.slug,
            "date": "2026-10-01",
            "lead": "Sa pô",
            "body-count": "0",
            "products": [second.pk],
            "cooperatives": [catalogue["gia_sinh"].pk],
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    assert [p.pk for p in saved.products.all()] == [second.pk]
    assert [c.pk for c in saved.cooperatives.all()] == [catalogue["gia_sinh"].pk]


@pytest.mark.django_db
def test_the_campaign_picks_its_cooperative_with_the_chooser(client, editor, home):
    client.force_login(editor)
    page = client.get(f"/cms-admin/pages/add/cms/campaignpage/{home.pk}/").content.decode()
    assert 'data-chohtx-multiple-chooser data-name="products"' in page
    assert "Chọn hợp tác xã" in page


@pytest.mark.django_db
def test_home_and_legal_pages_preview_at_phone_width_first(client, editor, home, legal_pages):
    rules = legal_pages[0]
    for page in (HomePage.objects.get(pk=home.pk), LegalPage.objects.get(pk=rules.pk)):
        assert page.default_preview_size == "phone"
        assert page.preview_sizes[0]["device_width"] == PHONE_WIDTH == 360
    client.force_login(editor)
    for page in (home, rules):
        html = client.get(f"/cms-admin/pages/{page.pk}/edit/").content.decode()
        phone = re.search(r'<input[^>]*value="phone"[^>]*>', html)
        assert phone and "checked" in phone.group(0)
        assert 'data-device-width="360"' in phone.group(0)
    story_sizes = StoryPage().preview_sizes
    assert story_sizes[0]["name"] == "mobile"  # other pages keep Wagtail's sizes
