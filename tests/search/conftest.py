"""A small floor for search tests: two OCOP groups, four cooperatives (one suspended), products
whose names exercise Vietnamese folding and ranking. Indexed the way a rebuild does it."""

from datetime import date

import pytest

from marketplace.catalogue.services import category_ensure
from marketplace.ocop.models import Certificate, Verification
from marketplace.partner.models import Status
from search import services
from tests.factories import CooperativeFactory, make_product


def certify(product, stars):
    partner = product.stockrecords.first().partner
    certificate = Certificate.objects.create(
        partner=partner,
        stars=stars,
        decision_number=f"QD-{product.pk}",
        signed_on=date.today().replace(day=1),
        issuer="UBND tỉnh Ninh Bình",
        status=Verification.VERIFIED,
    )
    certificate.products.add(product)
    return certificate


@pytest.fixture
def floor(db):
    food = category_ensure(code="I", name="Thực phẩm")
    processed = category_ensure(code="I.3", name="Thực phẩm chế biến", parent=food)
    condiments = category_ensure(code="I.4", name="Gia vị", parent=food)
    crafts = category_ensure(code="IV", name="Hàng thủ công mỹ nghệ")
    decor = category_ensure(code="IV.1", name="Đồ gia dụng, trang trí", parent=crafts)
    gia_sinh = CooperativeFactory(
        name="Hợp tác xã Nông nghiệp Gia Sinh", area="ninh_binh", commune="Xã Gia Sinh"
    )
    hai_hau = CooperativeFactory(name="Hợp tác xã Hải Hậu", area="nam_dinh", commune="Xã Hải Hậu")
    kim_son = CooperativeFactory(name="Hợp tác xã cói Kim Sơn", area="ninh_binh", commune="Xã Kim Sơn")
    ngoc_lu = CooperativeFactory(
        name="Hợp tác xã Ngọc Lũ", area="ha_nam", commune="Xã Bình Lục", status=Status.SUSPENDED
    )
    products = {
        "com_chay": make_product(
            gia_sinh, title="Cơm cháy chà bông", price=45_000, stock=20, category=processed
        ),
        "nuoc_mam": make_product(
            hai_hau, title="Nước mắm cốt Hải Hậu", price=120_000, stock=0, category=condiments
        ),
        "trong_dong": make_product(kim_son, title="Trống đồng mini", price=350_000, stock=3, category=decor),
        "duong_pheu": make_product(hai_hau, title="Đường phèn", price=30_000, stock=5, category=condiments),
        "duong_toc": make_product(
            kim_son, title="Dầu dưỡng tóc bồ kết", price=95_000, stock=5, category=decor
        ),
        "duong_lieu": make_product(
            gia_sinh, title="Chè Dương Liễu", price=60_000, stock=5, category=processed
        ),
        "hidden": make_product(ngoc_lu, title="Cơm cháy Ngọc Lũ", price=40_000, stock=9, category=processed),
    }
    certify(products["com_chay"], 4)
    certify(products["nuoc_mam"], 3)
    services.index_rebuild()
    categories = {"food": food, "processed": processed, "condiments": condiments, "crafts": crafts}
    coops = {"gia_sinh": gia_sinh, "hai_hau": hai_hau, "kim_son": kim_son, "ngoc_lu": ngoc_lu}
    return {"products": products, "categories": categories, "coops": coops}
