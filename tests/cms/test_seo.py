"""Sitemap, robots.txt, JSON-LD, canonical and hreflang — parsed, with their values checked."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from oscar.core.loading import get_model

from cms.models import LegalPage
from marketplace.partner.models import Status
from tests.factories import CooperativeFactory, make_product
from tests.helpers.cms import add_page, add_story, translate

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
Product = get_model("catalogue", "Product")


def jsonld(html: str) -> list[dict]:
    return [
        json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def by_type(documents, kind):
    return next(d for d in documents if d["@type"] == kind)


def sitemap(client) -> dict:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


@pytest.mark.django_db
def test_sitemap_lists_pages_with_hreflang_products_on_sale_and_storefronts(client, home, story_index):
    cooperative = CooperativeFactory(name="Hợp tác xã Gia Sinh")
    CooperativeFactory(name="Hợp tác xã chờ duyệt", status=Status.APPLIED)
    on_sale = make_product(cooperative, title="Cơm cháy chà bông 200 g")
    hidden = make_product(cooperative, title="Sản phẩm ẩn")
    hidden.is_public = False
    hidden.save()
    story = add_story(story_index, title="Cơm cháy Gia Sinh")
    rules = add_page(
        home, LegalPage(title="Quy chế hoạt động", slug="quy-che", kind="regulations", body="<p>x</p>")
    )
    translate(rules, title="Operating regulations")

    urls = sitemap(client)
    paths = {re.sub(r"^https?://[^/]+", "", loc): alternates for loc, alternates in urls.items()}
    assert {"/", "/stories/", story.url, "/quy-che/", "/en/quy-che/", on_sale.get_absolute_url()} <= set(
        paths
    )
    assert hidden.get_absolute_url() not in paths
    assert {k: re.sub(r"^https?://[^/]+", "", v) for k, v in paths["/quy-che/"].items()} == {
        "vi": "/quy-che/",
        "en": "/en/quy-che/",
        "x-default": "/quy-che/",
    }
    storefronts = [p for p in paths if p.startswith("/cooperatives/")]
    try:
        from django.urls import reverse

        expected = reverse("cooperatives:detail", kwargs={"slug": cooperative.code})
    except Exception:
        assert storefronts == []
    else:
        assert storefronts == [expected]


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_pages(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert {
        "Disallow: /basket/",
        "Disallow: /checkout/",
        "Disallow: /dashboard/",
        "Disallow: /cms-admin/",
    } <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.django_db
def test_product_page_has_product_offer_rating_and_breadcrumb_json_ld(client, django_user_model):
    cooperative = CooperativeFactory(name="Hợp tác xã Gia Sinh")
    product = make_product(
        cooperative, title="Cơm cháy chà bông 200 g", price=45000, stock=7, sku="GS-COMCHAY-200"
    )
    Vote = get_model("reviews", "ProductReview")
    for score, email in [(5, "a@example.vn"), (4, "b@example.vn")]:
        Vote.objects.create(
            product=product,
            score=score,
            title="Ngon",
            body="Giòn",
            user=django_user_model.objects.create_user(email=email, password="pw-123456789"),
            status=Vote.APPROVED,
        )
    product.refresh_from_db()

    html = client.get(product.get_absolute_url()).content.decode()
    documents = jsonld(html)
    data = by_type(documents, "Product")
    assert data["name"] == "Cơm cháy chà bông 200 g"
    assert data["sku"] == "GS-COMCHAY-200"
    assert data["offers"] == {
        "@type": "Offer",
        "price": "45000",
        "priceCurrency": "VND",
        "availability": "https://schema.org/InStock",
        "url": data["url"],
        "seller": {"@type": "Organization", "name": "Hợp tác xã Gia Sinh"},
    }
    assert data["aggregateRating"]["ratingValue"] == 4.5
    assert data["aggregateRating"]["reviewCount"] == 2
    crumbs = by_type(documents, "BreadcrumbList")["itemListElement"]
    assert crumbs[-1]["name"] == "Cơm cháy chà bông 200 g" and crumbs[-1]["position"] == len(crumbs)
    assert f'<link rel="canonical" href="{data["url"]}">' in html
    assert data["url"].endswith(product.get_absolute_url())


@pytest.mark.django_db
def test_sold_out_product_is_out_of_stock_in_json_ld(client):
    product = make_product(title="Chả dê núi 500 g", stock=0)
    data = by_type(jsonld(client.get(product.get_absolute_url()).content.decode()), "Product")
    assert data["offers"]["availability"] == "https://schema.org/OutOfStock"
    assert "aggregateRating" not in data


@pytest.mark.django_db
def test_story_has_article_json_ld_meta_description_and_canonical(client, story_index):
    product = make_product(title="Mật ong hoa rừng 500 ml")
    story = add_story(
        story_index,
        title="Người nuôi ong ven rừng",
        products=[product],
        day=date(2026, 9, 28),
        search_description="Mật ong Cúc Phương.",
    )
    html = client.get(story.url).content.decode()
    article = by_type(jsonld(html), "Article")
    assert article["headline"] == "Người nuôi ong ven rừng"
    assert article["datePublished"] == "2026-09-28"
    assert article["inLanguage"] == "vi"
    assert article["about"] == [{"@type": "Product", "name": "Mật ong hoa rừng 500 ml"}]
    assert article["publisher"]["name"] == "Liên minh Hợp tác xã tỉnh Ninh Bình"
    crumbs = by_type(jsonld(html), "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Chợ HTX", "Câu chuyện OCOP", "Người nuôi ong ven rừng"]
    assert '<meta name="description" content="Mật ong Cúc Phương.">' in html
    assert f'<link rel="canonical" href="{story.full_url}">' in html
    assert '<meta property="og:type" content="article">' in html


@pytest.mark.django_db
def test_translated_pages_link_each_other_with_hreflang(client, home):
    rules = add_page(
        home, LegalPage(title="Quy chế hoạt động", slug="quy-che", kind="regulations", body="<p>x</p>")
    )
    english = translate(rules, title="Operating regulations")
    for url in ("/quy-che/", "/en/quy-che/"):
        html = client.get(url).content.decode()
        assert f'<link rel="alternate" hreflang="vi" href="{rules.full_url}">' in html
        assert f'<link rel="alternate" hreflang="en" href="{english.full_url}">' in html
        assert f'<link rel="alternate" hreflang="x-default" href="{rules.full_url}">' in html


@pytest.mark.django_db
def test_cooperative_organization_json_ld(client):
    from django.template import Context, Template

    cooperative = CooperativeFactory(
        name="Hợp tác xã Cói Kim Sơn",
        short_name="HTX Cói Kim Sơn",
        phone="+84912345678",
        tax_code="2700000001",
    )
    html = Template("{% load cms_tags %}{% cooperative_jsonld cooperative %}").render(
        Context({"cooperative": cooperative})
    )
    data = jsonld(html)[0]
    assert data["@type"] == "Organization"
    assert data["name"] == "Hợp tác xã Cói Kim Sơn"
    assert data["telephone"] == "+84912345678" and data["taxID"] == "2700000001"
    assert data["address"]["addressCountry"] == "VN"


def test_json_ld_cannot_break_out_of_its_script_tag():
    from cms.templatetags.cms_tags import _script

    html = _script({"name": "</script><script>alert(1)</script>"})
    assert html.count("</script>") == 1
