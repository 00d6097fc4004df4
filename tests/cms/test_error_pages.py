"""The error pages speak the visitor's language in the shop's own frame, with a way back."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation


@pytest.mark.django_db
def test_a_missing_page_says_so_in_vietnamese_with_a_way_back(client):
    response = client.get("/khong-co-trang-nay/")
    html = response.content.decode()
    assert response.status_code == 404
    main = html[html.index('id="main"') : html.index("</main>")]
    assert "<h1>Không tìm thấy trang</h1>" in main
    assert 'href="/catalogue/"' in main and 'href="/"' in main  # all products or home, one tap away
    assert "Not Found" not in html and "Oops" not in html


@pytest.mark.django_db
def test_a_missing_page_speaks_english_to_an_english_visitor(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/khong-co-trang-nay/").content.decode()
    assert "<h1>Page not found</h1>" in html and "Không tìm thấy trang" not in html


def test_the_server_error_page_stands_alone_and_blames_no_one_but_us():
    """Django renders 500.html without a request or a database: the template needs neither."""
    with translation.override("vi"):
        html = render_to_string("500.html")
    assert "Có lỗi ở phía Chợ HTX" in html and "không phải do bạn" in html
    assert "Server error" not in html and "<script" not in html
    with translation.override("en"):
        assert "Something went wrong at Chợ HTX" in render_to_string("500.html")
