"""Pages in Vietnamese (no prefix) and English (/en/); the shop's URLs are never prefixed."""

import pytest

from cms.models import LegalPage
from tests.helpers.cms import add_page, add_story, translate


@pytest.mark.django_db
def test_english_versions_live_under_en(client, home, story_index):
    story = add_story(story_index, title="Cơm cháy Gia Sinh")
    english_home = translate(home, title="Chợ HTX – cooperatives' marketplace")
    english_story = translate(
        story, title="Gia Sinh burnt-rice crackers", lead="From a farm kitchen to OCOP 4 stars."
    )

    assert english_home.url == "/en/"
    assert english_story.url == "/en/stories/com-chay-gia-sinh/"
    response = client.get("/en/stories/com-chay-gia-sinh/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gia Sinh burnt-rice crackers" in html and '<html lang="en"' in html
    assert response["Content-Language"] == "en"
    assert "Cơm cháy Gia Sinh" in client.get("/stories/com-chay-gia-sinh/").content.decode()


@pytest.mark.django_db
def test_visitor_who_chose_english_is_sent_to_the_english_page_when_there_is_one(client, home):
    rules = add_page(
        home, LegalPage(title="Quy chế hoạt động", slug="quy-che", kind="regulations", body="<p>x</p>")
    )
    privacy = add_page(
        home, LegalPage(title="Chính sách bảo mật", slug="bao-mat", kind="privacy", body="<p>x</p>")
    )
    translate(rules, title="Operating regulations")

    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/quy-che/"})
    assert switched["Location"] == "/en/quy-che/"
    response = client.get("/quy-che/")
    assert response.status_code == 302 and response["Location"] == "/en/quy-che/"
    assert client.get(privacy.url).status_code == 200  # no English version: the Vietnamese page
    assert client.get("/catalogue/").status_code == 200  # the shop is never prefixed

    back = client.post("/i18n/setlang/", {"language": "vi", "next": "/en/quy-che/"})
    assert back["Location"] == "/quy-che/"
    assert client.get("/quy-che/").status_code == 200


@pytest.mark.django_db
def test_an_english_address_without_an_english_page_falls_back_to_vietnamese(client, home):
    add_page(home, LegalPage(title="Chính sách bảo mật", slug="bao-mat", kind="privacy", body="<p>x</p>"))
    response = client.get("/en/bao-mat/")
    assert response.status_code == 302 and response["Location"] == "/bao-mat/"
    assert client.get("/en/khong-co-trang-nay/").status_code == 404


@pytest.mark.django_db
def test_footer_and_product_stories_follow_the_language(client, home, story_index):
    from tests.factories import make_product

    rules = add_page(
        home, LegalPage(title="Quy chế hoạt động", slug="quy-che", kind="regulations", body="<p>x</p>")
    )
    translate(rules, title="Operating regulations")
    product = make_product(title="Cơm cháy chà bông 200 g")
    story = add_story(story_index, title="Cơm cháy Gia Sinh", products=[product])
    translate(story, title="Gia Sinh burnt-rice crackers")

    client.cookies["django_language"] = "en"
    page = client.get(product.get_absolute_url()).content.decode()
    assert "Gia Sinh burnt-rice crackers" in page and 'href="/en/stories/com-chay-gia-sinh/"' in page
    assert 'href="/en/quy-che/"' in page and "Operating regulations" in page
