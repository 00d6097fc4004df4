"""Pictures: the demo's drawn art (one illustration per kind, no names in it), covers and logos, and
the {% picture %} tag that serves every image at the size it is shown."""

import inspect
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template import Context, Template
from PIL import Image, ImageChops, ImageStat

from marketplace.demo import data, pictures


def image(data_: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data_)).convert("RGB")


def difference(a: bytes, b: bytes) -> float:
    """Mean absolute difference of two pictures, 0 (same) to 255."""
    return sum(ImageStat.Stat(ImageChops.difference(image(a), image(b))).mean) / 3


@pytest.mark.parametrize(
    ("title", "category", "kind"),
    [
        ("Gạo tám xoan Hải Hậu 5 kg", "I.2a", "rice"),
        ("Mật ong hoa rừng Cúc Phương 500 ml", "I.2b", "honey"),
        ("Trà hoa vàng sấy lạnh 50 g", "I.5b", "tea"),
        ("Giỏ cói quai tròn Kim Sơn cỡ vừa", "IV.1", "sedge"),
        ("Khay sơn mài chữ nhật 30 × 40 cm", "IV.1", "lacquer"),
        ("Tranh thêu tay hoa sen 40 × 60 cm", "IV.1", "embroidery"),
        ("Nước mắm cốt cá cơm Giao Thủy 500 ml", "I.4a", "fish_sauce"),
        ("Mắm tép Gia Viễn hũ 500 g", "I.4a", "fish_sauce"),
        ("Thịt dê núi tươi 1 kg", "I.1b", "goat"),
        ("Cơm cháy chà bông Gia Sinh 200 g", "I.3b", "com_chay"),
        ("Rượu Kim Sơn chai 500 ml", "II.1a", "spirit"),
        ("Nem chua Yên Mạc gói 10 chiếc", "I.3d", "nem"),
        ("Bánh đa nem Kiện Khê 500 g", "I.3b", "rice_paper"),
        ("Đèn đá sân vườn cao 40 cm", "IV.1", "stone"),
        ("Dép cói đi trong nhà (đôi)", "IV.1", "sedge"),
        ("Tour 1 ngày làng quê Quèn Thờ (1 người)", "VI", "tour"),
        ("Sản phẩm mới chưa rõ loại", "III.1", "herbal"),
        ("Sản phẩm mới chưa rõ loại", "", "food"),
    ],
)
def test_a_product_gets_the_picture_of_its_kind(title, category, kind):
    assert pictures.picture_kind(title, category) == kind


def test_every_demo_product_has_a_drawn_kind_and_the_floor_shows_many_kinds():
    kinds = {pictures.picture_kind(p["title"], p["category"]) for p in data.PRODUCTS}
    assert kinds <= set(pictures.KINDS)
    assert len(kinds) >= 25


def test_the_generator_takes_a_kind_never_a_name():
    parameters = list(inspect.signature(pictures.draw_product_picture).parameters)
    assert parameters == ["kind", "seed", "size"]
    with pytest.raises(ValueError):
        pictures.draw_product_picture("Mật ong hoa rừng Cúc Phương 500 ml")


def test_two_products_of_different_kinds_get_different_pictures():
    size = (240, 240)
    honey = pictures.draw_product_picture("honey", seed="CP-MATONG-500", size=size)
    tea = pictures.draw_product_picture("tea", seed="CP-MATONG-500", size=size)
    assert difference(honey, tea) > 10
    assert pictures.draw_product_picture("honey", seed="CP-MATONG-500", size=size) == honey  # deterministic
    assert pictures.draw_product_picture("honey", seed="CP-MATONG-1000", size=size) != honey  # told apart


def test_every_kind_draws_a_distinct_square_jpeg():
    drawn = {kind: pictures.draw_product_picture(kind, size=(120, 120)) for kind in pictures.KINDS}
    for kind, picture in drawn.items():
        assert picture[:3] == b"\xff\xd8\xff" and image(picture).size == (120, 120), kind
    assert len(set(drawn.values())) == len(drawn)


def test_a_storefront_cover_is_a_wide_picture_of_its_kinds_and_the_logo_a_round_mark():
    cover = pictures.draw_cover(["com_chay", "fish_sauce"], seed="gia-sinh")
    assert image(cover).size == (1500, 500)
    assert difference(cover, pictures.draw_cover(["sedge", "embroidery"], seed="gia-sinh")) > 1
    logo = Image.open(io.BytesIO(pictures.draw_logo("Hợp tác xã Cói Kim Sơn")))
    assert logo.format == "PNG" and logo.getpixel((0, 0))[3] == 0  # transparent corner


def render_picture(source, **options) -> str:
    args = " ".join(
        f'{key}="{value}"' if isinstance(value, str) else f"{key}={value}" for key, value in options.items()
    )
    return Template("{% load pictures %}{% picture source " + args + " %}").render(
        Context({"source": source})
    )


@pytest.fixture
def stored_picture(settings):
    buffer = io.BytesIO()
    Image.new("RGB", (900, 900), (200, 140, 60)).save(buffer, "JPEG")
    name = default_storage.save("tests/square.jpg", ContentFile(buffer.getvalue()))
    yield default_storage.open(name)
    default_storage.delete(name)


@pytest.mark.django_db
def test_the_picture_tag_serves_widths_webp_dimensions_and_lazy_loading(stored_picture):
    html = render_picture(stored_picture, alt="Mật ong", widths="200,400,600", sizes="50vw")
    source = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="50vw">', html).group(1)
    assert [entry.split()[1] for entry in source.split(", ")] == ["200w", "400w", "600w"]
    assert all(entry.split()[0].endswith(".webp") for entry in source.split(", "))
    img = re.search(r"<img [^>]+>", html).group(0)
    assert 'width="400" height="400"' in img and 'alt="Mật ong"' in img
    assert re.search(r'srcset="[^"]+\.jpg 200w, [^"]+\.jpg 400w, [^"]+\.jpg 600w"', img)
    assert 'loading="lazy"' in img and "fetchpriority" not in img


@pytest.mark.django_db
def test_the_first_pictures_load_at_once_and_never_wider_than_the_original(stored_picture):
    html = render_picture(stored_picture, widths="600,1200,1800", ratio="3:1", eager=True)
    img = re.search(r"<img [^>]+>", html).group(0)
    assert 'fetchpriority="high"' in img and "loading=" not in img
    assert 'width="900" height="300"' in img  # 3:1 crop, the original is 900 wide
    assert "1200w" not in html and "1800w" not in html


@pytest.mark.django_db
def test_cards_and_product_pages_use_the_picture_tag(client):
    from tests.factories import make_product

    products = [make_product(title=f"Cơm cháy {n}", image=True) for n in range(6)]
    listing = client.get("/catalogue/").content.decode()
    cards = re.findall(r'<article class="product_pod.*?</article>', listing, flags=re.S)
    assert len(cards) == 6 and all('<source type="image/webp"' in card for card in cards)
    eager = ['fetchpriority="high"' in card for card in cards]
    assert eager == [True] * 4 + [False] * 2  # the first row(s) at once, the rest lazily
    page = client.get(products[0].get_absolute_url()).content.decode()
    main_picture = re.search(r'<li class="gallery__slide".*?</li>', page, flags=re.S).group(0)
    assert (
        'fetchpriority="high"' in main_picture and 'sizes="(min-width: 768px) 520px, 100vw"' in main_picture
    )


@pytest.mark.django_db
def test_a_grid_below_the_first_screen_loads_every_picture_lazily(rf):
    from django.contrib.auth.models import AnonymousUser

    from marketplace.catalogue.selectors import on_sale_products
    from tests.factories import make_product

    for n in range(3):
        make_product(title=f"Nem chua {n}", image=True)
    request = rf.get("/")
    request.user = AnonymousUser()
    grid = Template(
        '{% for product in products %}{% include "oscar/catalogue/partials/product.html" '
        "with cards_below_fold=True %}{% endfor %}"
    ).render(Context({"products": list(on_sale_products()), "request": request}))
    assert grid.count('loading="lazy"') == 3 and "fetchpriority" not in grid
