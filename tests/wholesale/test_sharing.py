"""Sharing: Open Graph and Twitter card tags read by an HTML parser, share links to Zalo and
Facebook, and no script of another site on the page."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlparse

import pytest

from tests.factories import make_product

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    """The meta tags, links and scripts of a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[str] = []
        self.scripts: list[dict] = []
        self.buttons: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content", "")
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "script":
            self.scripts.append(attrs)
        elif tag == "button":
            self.buttons.append(attrs)


def shared_url(page: Page, host: str, key: str) -> str:
    (link,) = [href for href in page.links if urlparse(href).netloc == host]
    return parse_qs(urlparse(link).query)[key][0]


def assert_share_bar(page: Page, url: str) -> None:
    assert shared_url(page, "zalo.me", "url") == url
    assert shared_url(page, "www.facebook.com", "u") == url
    assert any(b.get("data-share-copy") == url for b in page.buttons)
    for script in page.scripts:  # only our own files (and JSON-LD data), none from another site
        src = script.get("src", "")
        assert not urlparse(src).netloc, src
        assert src or script.get("type") == "application/ld+json", script


def test_a_product_page_has_open_graph_product_tags_and_the_share_bar(client, tiered):
    tiered_with_picture = make_product(
        tiered.stockrecords.get().partner, title="Cơm cháy lá sen", price=65000, image=True
    )
    page = Page(client.get(tiered_with_picture.get_absolute_url()).content.decode())
    url = "http://localhost" + tiered_with_picture.get_absolute_url()
    meta = page.meta
    assert meta["og:type"] == "product"
    assert meta["og:title"] == meta["twitter:title"] == "Cơm cháy lá sen"
    assert meta["og:url"] == url
    assert (meta["og:price:amount"], meta["og:price:currency"]) == ("65000", "VND")
    assert (meta["product:price:amount"], meta["product:price:currency"]) == ("65000", "VND")
    assert meta["product:brand"] == "Hợp tác xã Cơm cháy Gia Sinh"
    assert (
        meta["og:image"].startswith("http://localhost/media/")
        and meta["twitter:card"] == "summary_large_image"
    )
    assert meta["og:locale"] == "vi_VN"
    assert_share_bar(page, url)


def test_a_storefront_has_open_graph_tags_and_the_share_bar(client, coop, tiered):
    page = Page(client.get(f"/cooperatives/{coop.code}/").content.decode())
    url = f"http://localhost/cooperatives/{coop.code}/"
    assert page.meta["og:title"] == "Hợp tác xã Cơm cháy Gia Sinh"
    assert page.meta["og:url"] == url and page.meta["og:type"] == "website"
    assert_share_bar(page, url)


def test_a_story_page_has_the_share_bar(client, story_index):
    from tests.helpers.cms import add_story

    story = add_story(story_index, title="Mùa cơm cháy ở Gia Sinh")
    page = Page(client.get(story.url).content.decode())
    assert page.meta["og:type"] == "article" and page.meta["og:title"] == "Mùa cơm cháy ở Gia Sinh"
    assert_share_bar(page, story.full_url)
