"""Campaign pages: a product grid picked by hand or by a rule."""

from datetime import date

import pytest
from oscar.core.loading import get_model

from cms import selectors
from cms.models import CampaignPage, Selection
from marketplace.ocop.models import Certificate, Verification
from tests.factories import CooperativeFactory, make_product
from tests.helpers.cms import add_page

Category = get_model("catalogue", "Category")


def certify(product, stars, *, signed_on=date(2025, 6, 1), status=Verification.VERIFIED):
    certificate = Certificate.objects.create(
        partner=product.stockrecords.first().partner,
        stars=stars,
        decision_number=f"QĐ-{product.pk}-{stars}",
        signed_on=signed_on,
        issuer="UBND tỉnh Ninh Bình",
        status=status,
    )
    certificate.products.add(product)


@pytest.fixture
def floor(db):
    gia_sinh = CooperativeFactory(name="Hợp tác xã Gia Sinh")
    kim_son = CooperativeFactory(name="Hợp tác xã Cói Kim Sơn")
    products = {
        "com_chay": make_product(gia_sinh, title="Cơm cháy 4 sao", price=45000),
        "gao": make_product(gia_sinh, title="Gạo nếp 4 sao", price=150000),
        "mam": make_product(gia_sinh, title="Mắm tép 3 sao", price=180000),
        "gio": make_product(kim_son, title="Giỏ cói 5 sao", price=250000),
        "tham": make_product(kim_son, title="Thảm cói không sao", price=320000),
        "het_han": make_product(kim_son, title="Hộp cói hết hạn OCOP", price=200000),
    }
    certify(products["com_chay"], 4)
    certify(products["gao"], 4)
    certify(products["mam"], 3)
    certify(products["gio"], 5)
    certify(products["het_han"], 5, signed_on=date(2020, 1, 1))
    return {"gia_sinh": gia_sinh, "kim_son": kim_son, **products}


def titles(products):
    return [p.get_title() for p in products]


@pytest.mark.django_db
def test_rule_grid_takes_ocop_stars_and_price_range(home, floor):
    campaign = add_page(
        home,
        CampaignPage(
            title="Giỏ quà Tết OCOP",
            slug="qua-tet",
            selection=Selection.RULE,
            rule_min_stars=4,
            rule_min_price=100000,
            rule_max_price=300000,
        ),
    )
    assert titles(selectors.campaign_products(campaign)) == ["Gạo nếp 4 sao", "Giỏ cói 5 sao"]


@pytest.mark.django_db
def test_rule_grid_by_cooperative_and_by_category(home, floor):
    crafts = Category.add_root(name="Thủ công mỹ nghệ", slug="thu-cong")
    floor["gio"].categories.add(crafts)
    by_coop = add_page(
        home,
        CampaignPage(
            title="Hàng Kim Sơn", slug="kim-son", selection=Selection.RULE, rule_cooperative=floor["kim_son"]
        ),
    )
    by_category = add_page(
        home, CampaignPage(title="Thủ công", slug="thu-cong", selection=Selection.RULE, rule_category=crafts)
    )
    assert titles(selectors.campaign_products(by_coop)) == [
        "Hộp cói hết hạn OCOP",
        "Giỏ cói 5 sao",
        "Thảm cói không sao",
    ]
    assert titles(selectors.campaign_products(by_category)) == ["Giỏ cói 5 sao"]


@pytest.mark.django_db
def test_hand_picked_grid_keeps_the_editors_order_and_skips_items_off_sale(client, home, floor):
    floor["tham"].is_public = False
    floor["tham"].save()
    campaign = CampaignPage(title="Chọn tay", slug="chon-tay", selection=Selection.HAND)
    home.add_child(instance=campaign)
    campaign.products.set([floor["gio"], floor["tham"], floor["com_chay"]])
    campaign.save_revision().publish()

    page = client.get("/chon-tay/").content.decode()
    assert page.index("Giỏ cói 5 sao") < page.index("Cơm cháy 4 sao")
    assert "Thảm cói không sao" not in page


@pytest.mark.django_db
def test_a_price_range_the_wrong_way_round_is_refused(home):
    from django.core.exceptions import ValidationError

    campaign = CampaignPage(title="Sai giá", slug="sai-gia", rule_min_price=500000, rule_max_price=100000)
    with pytest.raises(ValidationError) as error:
        campaign.clean()
    assert "Giá đến phải lớn hơn hoặc bằng giá từ." in str(error.value)
