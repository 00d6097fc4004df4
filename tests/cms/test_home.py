"""The composed home page renders live shop data and skips what is no longer on sale."""

import pytest

from cms.models import CampaignPage
from marketplace.partner.models import Status
from tests.factories import CooperativeFactory, make_product
from tests.helpers.cms import add_page, add_story


def compose(home, body):
    home.body = body
    home.save_revision().publish()


@pytest.mark.django_db
def test_home_blocks_show_live_prices_and_skip_products_no_longer_on_sale(client, home, story_index):
    rice = make_product(title="Gạo tám xoan Hải Hậu 5 kg", price=150000)
    hidden = make_product(title="Sản phẩm đã ẩn")
    hidden.is_public = False
    hidden.save()
    suspended = CooperativeFactory(name="Hợp tác xã bị tạm ngừng", status=Status.SUSPENDED)
    off_sale = make_product(suspended, title="Hàng của HTX tạm ngừng")
    approved = CooperativeFactory(name="Hợp tác xã Gạo Hải Hậu")
    campaign = add_page(home, CampaignPage(title="Giỏ quà Tết OCOP", slug="qua-tet"))
    add_story(story_index, title="Gạo ruộng rươi")
    compose(
        home,
        [
            (
                "hero",
                {
                    "title": "Chợ của các hợp tác xã",
                    "text": "",
                    "image": None,
                    "cta_label": "Mua ngay",
                    "cta_url": "/catalogue/",
                },
            ),
            ("featured_products", {"heading": "Sản phẩm nổi bật", "products": [rice, hidden, off_sale]}),
            (
                "featured_cooperatives",
                {"heading": "Hợp tác xã tiêu biểu", "cooperatives": [approved, suspended]},
            ),
            ("latest_stories", {"heading": "Câu chuyện mới", "count": 3}),
            (
                "ocop_explainer",
                {
                    "heading": "OCOP là gì?",
                    "intro": "",
                    "three_stars": "50–69 điểm",
                    "four_stars": "70–89 điểm",
                    "five_stars": "90–100 điểm",
                },
            ),
            ("campaign_banner", {"campaign": campaign, "text": "Quà Tết", "image": None}),
        ],
    )

    page = client.get("/").content.decode()
    assert "Chợ của các hợp tác xã" in page and 'href="/catalogue/"' in page
    assert "Gạo tám xoan Hải Hậu 5 kg" in page and "150.000" in page
    assert "Sản phẩm đã ẩn" not in page and "Hàng của HTX tạm ngừng" not in page
    assert "Hợp tác xã Gạo Hải Hậu" in page and "Hợp tác xã bị tạm ngừng" not in page
    assert "Gạo ruộng rươi" in page
    assert "70–89 điểm" in page
    assert "Giỏ quà Tết OCOP" in page and 'href="/qua-tet/"' in page


@pytest.mark.django_db
def test_featured_product_disappears_when_its_cooperative_is_suspended(client, home):
    cooperative = CooperativeFactory(name="Hợp tác xã Dê núi Tam Điệp")
    goat = make_product(cooperative, title="Dê núi sấy sả ớt 300 g")
    compose(home, [("featured_products", {"heading": "Nổi bật", "products": [goat]})])
    assert "Dê núi sấy sả ớt 300 g" in client.get("/").content.decode()

    cooperative.status = Status.SUSPENDED
    cooperative.save()
    assert "Dê núi sấy sả ớt 300 g" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_home_without_blocks_still_shows_the_hero_and_new_products(client, home):
    make_product(title="Bánh gai Ninh Giang")
    page = client.get("/").content.decode()
    assert "Chợ HTX – sàn giao dịch của các hợp tác xã" in page
    assert "Bánh gai Ninh Giang" in page
