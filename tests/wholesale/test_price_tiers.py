"""Price tiers and minimum quantities, through the real basket and checkout: what the basket shows
is what the order lines, the sub-order and the ledger record."""

import pytest
from oscar.core.loading import get_model

from marketplace.ledger import selectors as ledger_selectors
from marketplace.order import services as order_services
from marketplace.order.models import SubOrder
from marketplace.wholesale import services
from marketplace.wholesale.exceptions import WholesaleRefused
from tests.helpers.checkout import add_to_basket, checkout_until_preview, place_order

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db


def basket_line(client):
    return Basket.objects.get().lines.get()


def test_the_basket_prices_each_line_by_the_tier_its_quantity_reaches(client, tiered):
    add_to_basket(client, tiered, 9)
    page = client.get("/basket/").content.decode()
    assert "Đơn giá 48.000\xa0₫" in page and "432.000\xa0₫" in page  # 9 × 48.000

    line = basket_line(client)
    response = client.post(
        "/basket/",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": line.pk,
            "form-0-quantity": "10",
        },
    )
    assert response.status_code == 302
    page = client.get("/basket/").content.decode()
    assert "Đơn giá 40.000\xa0₫" in page and "400.000\xa0₫" in page  # 10 × 40.000
    assert "Giá sỉ theo số lượng." in page
    assert "has increased" not in page and "has decreased" not in page and "đã tăng" not in page


def test_tier_prices_reach_the_order_lines_the_sub_order_and_the_ledger(
    client, customer, country_vn, tiered, django_capture_on_commit_callbacks
):
    from marketplace.ledger.models import CommissionRule, RuleScope

    CommissionRule.objects.create(scope=RuleScope.DEFAULT, rate_bp=500)
    client.force_login(customer)
    preview = checkout_until_preview(client, [(tiered, 50)])
    assert "1.800.000\xa0₫" in preview.content.decode()  # 50 × 36.000
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    order = Order.objects.get()
    line = order.lines.get()
    assert (line.quantity, line.unit_price_incl_tax, line.line_price_incl_tax) == (50, 36000, 1800000)
    suborder = SubOrder.objects.get(order=order)
    assert suborder.lines_total == 1800000
    assert order.total_incl_tax == 1800000 + suborder.shipping_charge

    order_services.suborder_confirm(suborder_id=suborder.pk)
    order_services.suborder_ship(suborder_id=suborder.pk, carrier="Viettel Post", tracking_code="VTP1")
    order_services.suborder_deliver(suborder_id=suborder.pk)
    assert ledger_selectors.totals_by_kind(suborder.partner)["sale"] == 1800000


def test_a_wholesale_only_product_refuses_fewer_than_its_minimum(client, wholesale_only):
    response = client.post(f"/basket/add/{wholesale_only.pk}/", {"quantity": 5}, follow=True)
    page = response.content.decode()
    assert "chỉ bán sỉ: mỗi đơn mua ít nhất 20 sản phẩm (bạn đang chọn 5)" in page
    assert not Basket.objects.filter(lines__isnull=False).exists()

    add_to_basket(client, wholesale_only, 20)
    line = basket_line(client)
    response = client.post(
        "/basket/",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": line.pk,
            "form-0-quantity": "19",
        },
    )
    assert "mỗi đơn mua ít nhất 20 sản phẩm" in response.content.decode()
    line.refresh_from_db()
    assert line.quantity == 20


def test_the_product_page_shows_the_tiers_and_starts_the_quantity_at_the_minimum(
    client, tiered, wholesale_only
):
    page = client.get(tiered.get_absolute_url()).content.decode()
    assert "Mua nhiều, giá tốt hơn" in page
    assert "1–9" in page and "từ 50" in page and "36.000\xa0₫" in page and "−17%" in page
    page = client.get(wholesale_only.get_absolute_url()).content.decode()
    assert "Chỉ bán sỉ: mỗi đơn từ 20 sản phẩm." in page
    assert 'min="20"' in page and 'value="20"' in page


@pytest.mark.parametrize(
    ("tiers", "message"),
    [
        ([(10, 50000)], "phải thấp hơn 48.000 ₫"),
        ([(10, 40000), (20, 41000)], "phải thấp hơn 40.000 ₫"),
        ([(1, 40000)], "từ 2 sản phẩm"),
    ],
)
def test_tiers_must_lower_the_price_as_the_quantity_grows(tiered, tiers, message):
    with pytest.raises(WholesaleRefused, match=message):
        services.wholesale_terms_save(product=tiered, base_price=48000, min_order_quantity=1, tiers=tiers)
