"""The shop's page frame and listings as a buyer meets them: header (search, cart, account, language,
categories), landmarks, no Bootstrap or jQuery, products before filters, the filter count and chips."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from marketplace.catalogue.services import category_ensure
from search import services
from tests.factories import CooperativeFactory, make_product

SHOP_PAGES = ["/", "/catalogue/", "/search/?q=com", "/cooperatives/", "/basket/"]
THEME = Path(settings.BASE_DIR) / "themes" / "static" / "chohtx"


@pytest.fixture
def shop(db):
    food = category_ensure(code="I", name="Thực phẩm")
    crafts = category_ensure(code="IV", name="Hàng thủ công mỹ nghệ")
    gia_sinh = CooperativeFactory(name="Hợp tác xã Gia Sinh", area="ninh_binh", commune="Xã Gia Sinh")
    kim_son = CooperativeFactory(name="Hợp tác xã cói Kim Sơn", area="ninh_binh", commune="Xã Kim Sơn")
    hai_hau = CooperativeFactory(name="Hợp tác xã Hải Hậu", area="nam_dinh", commune="Xã Hải Hậu")
    products = [
        make_product(gia_sinh, title="Cơm cháy chà bông", price=45_000, category=food),
        make_product(gia_sinh, title="Cơm cháy mỡ hành", price=42_000, category=food),
        make_product(hai_hau, title="Nước mắm cốt Hải Hậu", price=120_000, category=food),
        make_product(kim_son, title="Giỏ cói Kim Sơn", price=180_000, category=crafts),
    ]
    services.index_rebuild()
    return {"food": food, "crafts": crafts, "products": products, "kim_son": kim_son}


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def header_of(html):
    return html[html.index('<header class="site-header"') : html.index("</header>")]


@pytest.mark.parametrize("url", SHOP_PAGES)
def test_every_shop_page_has_the_search_box_cart_account_and_language_in_its_header(client, shop, url):
    header = header_of(html_of(client, url))
    assert re.search(r'<form class="search[^"]*" method="get" action="/search/" role="search">', header)
    assert 'name="q" id="id_q"' in header and '<label for="id_q"' in header
    assert 'data-suggest-url="/search/suggest/"' in header
    assert 'href="/basket/"' in header and 'id="account_menu"' in header
    assert 'id="language_selector"' in header  # in the header's row, not a row of its own
    assert 'id="category_menu"' in header and "Hàng thủ công mỹ nghệ" in header


@pytest.mark.parametrize("url", SHOP_PAGES)
def test_landmarks_and_a_skip_link_to_the_one_main(client, shop, url):
    html = html_of(client, url)
    body = html[html.index("<body") :]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert 'class="skip-link"' in first_link and 'href="#main"' in first_link
    assert body.count("<main") == 1 and '<main id="main"' in body
    for landmark in ['<header class="site-header"', "<nav ", '<footer class="site-footer']:
        assert landmark in body, landmark
    assert body.index("<header") < body.index("<main") < body.index('<footer class="site-footer')


@pytest.mark.parametrize("url", SHOP_PAGES)
def test_shop_pages_load_no_bootstrap_no_jquery_and_no_inline_script(client, shop, url):
    html = html_of(client, url)
    assert "bootstrap" not in html.lower() and "jquery" not in html.lower()
    assert "oscar/css/styles.css" not in html
    inline = [
        s for s in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html) if "application/ld+json" not in s
    ]
    assert inline == []
    assert not re.search(
        r"\son[a-z]+=", html
    )  # no onclick=/onchange= (a Content-Security-Policy forbids them)
    assert "Toggle Dropdown" not in html and 'href="/offers/"' not in html and 'href=""' not in html


def test_oscars_dashboard_keeps_its_own_look_and_scripts(client, staff_user):
    client.force_login(staff_user)
    html = html_of(client, "/dashboard/")
    assert "oscar/css/dashboard.css" in html and "jquery" in html
    assert "chohtx/chohtx.css" not in html
    inline = [a for a in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html) if "ld+json" not in a]
    assert inline and all('nonce="' in attrs for attrs in inline)  # Oscar's on-load hook, allowed by the CSP


def test_cart_icon_counts_the_items_in_the_basket_from_a_cookie_not_the_page(client, shop):
    """The page is the same for every visitor (it can be cached); the number travels in the
    basket_items cookie, which frame.js writes into the icon (tests/browser check it on screen)."""
    empty = header_of(html_of(client, "/catalogue/"))
    assert re.search(r'id="cart_count"[^>]*hidden', empty)
    product = shop["products"][0]
    added = client.post(f"/basket/add/{product.pk}/", {"quantity": 3})
    assert added.cookies["basket_items"].value == "3"
    assert not added.cookies["basket_items"]["httponly"]  # frame.js reads it
    header = header_of(html_of(client, "/catalogue/"))
    assert header == empty  # nothing of this visitor's basket in the page
    assert 'data-many="2 sản phẩm"' in header  # the words a screen reader gets, filled in by frame.js


def test_language_switcher_is_one_button_to_the_other_language(client, shop):
    header = header_of(html_of(client, "/catalogue/"))
    assert re.findall(r'name="language" value="(\w+)"', header) == ["en"]
    client.post("/i18n/setlang/", {"language": "en", "next": "/catalogue/"})
    header = header_of(html_of(client, "/catalogue/"))
    assert re.findall(r'name="language" value="(\w+)"', header) == ["vi"]
    assert "Search crispy rice" in header and "My account" not in header  # signed out: no account links
    assert "Tìm cơm cháy" not in header and "Đăng nhập / Đăng ký" not in header


def test_account_menu_offers_sign_in_then_the_buyers_pages(client, shop, customer):
    header = header_of(html_of(client, "/"))
    assert 'id="login_link"' in header and 'href="/orders/lookup/"' in header
    client.force_login(customer)
    header = header_of(html_of(client, "/"))
    assert (
        'id="logout_link"' in header
        and 'href="/orders/"' in header
        and "Sản phẩm yêu thích" in header
        and 'href="/accounts/wishlists/"' in header
    )


def test_listing_puts_products_before_filters(client, shop):
    for url in ["/catalogue/", "/search/?q=com", shop["food"].get_absolute_url()]:
        html = html_of(client, url)
        assert 'class="product_pod' in html, url
        assert html.index('class="grid-products') < html.index('id="filters"'), url
        assert html.index('class="product_pod') < html.index('class="chohtx-facet'), url


def test_filter_button_counts_active_filters_and_each_has_a_chip_that_removes_it(client, shop):
    html = html_of(client, "/catalogue/?area=ninh_binh&group=" + str(shop["food"].pk))
    toggle = re.search(r'<a class="btn[^"]*filter-toggle".*?</a>', html, re.S).group(0)
    assert re.sub(r"<[^>]+>|\s+", "", toggle) == "Lọc(2)"
    chips = re.search(r'<ul class="chips chips--active".*?</ul>', html, re.S).group(0)
    chip = r'<a class="chip chip--removable" rel="nofollow" href="([^"]+)">(.*?)</a>'
    removes = {
        re.sub(r"<[^>]+>|\s+", " ", label).replace("Bỏ lọc:", "").strip(): href.replace("&amp;", "&")
        for href, label in re.findall(chip, chips)
    }
    assert set(removes) == {"Ninh Bình (cũ)", "Thực phẩm"}
    assert "area=" not in removes["Ninh Bình (cũ)"] and "group=" in removes["Ninh Bình (cũ)"]
    assert "group=" not in removes["Thực phẩm"] and "area=ninh_binh" in removes["Thực phẩm"]
    plain = html_of(client, "/catalogue/")
    assert "chips--active" not in plain
    toggle = re.search(r'<a class="btn[^"]*filter-toggle".*?</a>', plain, re.S).group(0)
    assert re.sub(r"<[^>]+>|\s+", "", toggle) == "Lọc"


def test_sorting_is_one_tap_and_keeps_the_filters(client, shop):
    html = html_of(client, "/catalogue/?area=ninh_binh&sort_by=price-asc&page=1")
    sort = re.search(r'<nav class="sort".*?</nav>', html, re.S).group(0)
    found = re.findall(r'href="([^"]+)"[^>]*>([^<]+)</a>', sort)
    links = {label: href.replace("&amp;", "&") for href, label in found}
    assert list(links) == ["Phù hợp nhất", "Mới nhất", "Giá tăng dần", "Giá giảm dần", "Đánh giá cao"]
    assert links["Giá giảm dần"] == "?area=ninh_binh&sort_by=price-desc"
    assert re.search(r'chip--active"[^>]*href="[^"]*price-asc"[^>]*aria-current="true"', sort)
    assert re.findall(r"<h3 class=\"chohtx-card-title\"><a [^>]*>([^<]+)", html) == [
        "Cơm cháy mỡ hành",
        "Cơm cháy chà bông",
        "Giỏ cói Kim Sơn",
    ]


def test_empty_results_say_what_to_do_in_vietnamese(client, shop):
    html = html_of(client, "/search/?q=xe+may")
    assert "Chưa tìm thấy sản phẩm nào cho “xe may”" in html and 'class="empty-state' in html
    html = html_of(client, "/catalogue/?area=ha_nam")  # no product from Hà Nam
    assert "Không có sản phẩm nào khớp với bộ lọc" in html
    chips = re.search(r'<ul class="chips chips--active".*?</ul>', html, re.S).group(0)
    assert "Hà Nam (cũ)" in chips  # the filter that emptied the page can be removed in one tap


def test_cooperative_directory_lists_first_and_filters_with_count_and_chips(client, shop):
    html = html_of(client, "/cooperatives/?area=ninh_binh&group=IV")
    assert html.index('id="cooperatives"') < html.index('id="filters"')
    toggle = re.search(r'<a class="btn[^"]*filter-toggle".*?</a>', html, re.S).group(0)
    assert re.sub(r"<[^>]+>|\s+", "", toggle) == "Lọc(2)"
    chips = re.search(r'<ul class="chips chips--active".*?</ul>', html, re.S).group(0)
    assert "Ninh Bình (cũ)" in chips and "Hàng thủ công mỹ nghệ" in chips
    assert 'href="?group=IV"' in chips and 'href="?area=ninh_binh"' in chips
    assert "Hợp tác xã cói Kim Sơn" in html and "Hợp tác xã Gia Sinh" not in html


def test_storefront_shows_products_before_the_story(client, shop):
    kim_son = shop["kim_son"]
    kim_son.story = "<p>Làng cói ven biển.</p>"
    kim_son.save()
    html = html_of(client, f"/cooperatives/{kim_son.code}/")
    assert html.index('id="all-products"') < html.index("Làng cói ven biển.") < html.index('id="seller-info"')
    assert "Giỏ cói Kim Sơn" in html


def test_the_stylesheet_starts_with_the_design_tokens():
    """chohtx.css, the one stylesheet pages link, opens with the tokens: the only place colours are chosen."""
    css = (THEME / "chohtx.css").read_text()
    tokens_end = css.index("}", css.index(":root")) + 1
    assert "--c-brand:" in css[:tokens_end] and "--c-accent:" in css[:tokens_end]
    assert not re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(", css[tokens_end:])  # no raw colours elsewhere


def test_a_long_list_of_cooperatives_folds_after_six_and_opens_on_a_chosen_one(client, shop):
    food = shop["food"]
    extra = [CooperativeFactory(name=f"Hợp tác xã số {n}", area="ha_nam") for n in range(5)]
    for cooperative in extra:
        make_product(cooperative, title=f"Bánh đa {cooperative.name}", category=food)
    services.index_rebuild()
    html = html_of(client, "/catalogue/")
    coops = re.search(r'data-facet="coop".*?</section>', html, re.S).group(0)
    shown, folded = coops.split('<details class="facet-more"')
    assert shown.count("chohtx-facet-count") == 6 and folded.count("chohtx-facet-count") == 2
    assert "Xem thêm 2" in folded and not folded.startswith(" open")
    last = re.findall(r'data-value="(\d+)"', folded)[-1]
    coops = re.search(r'data-facet="coop".*?</section>', html_of(client, f"/catalogue/?coop={last}"), re.S)
    assert '<details class="facet-more" open>' in coops.group(0)
