"""Anything not on sale (hidden by its cooperative, or its cooperative not approved) cannot be
bought: refused at `POST /basket/add/<id>/`, flagged in the basket (no checkout), refused when the
order is placed. Each time with a Vietnamese message."""

import pytest
from oscar.core.loading import get_model

from marketplace.partner.models import Status
from tests.factories import CooperativeFactory, make_product
from tests.helpers.checkout import checkout_until_preview, place_order

Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


@pytest.fixture
def nem(db):
    return make_product(CooperativeFactory(), title="Nem chua Yên Mạc", price=50000, stock=10)


def take_off_sale(product, how):
    if how == "hidden":
        Product.objects.filter(pk=product.pk).update(is_public=False)
    else:
        Partner.objects.filter(stockrecords__product=product).update(status=Status.SUSPENDED)


@pytest.mark.django_db
@pytest.mark.parametrize("how", ["hidden", "suspended"])
def test_adding_a_product_not_on_sale_is_refused(client, nem, how):
    take_off_sale(nem, how)
    response = client.post(f"/basket/add/{nem.pk}/", {"quantity": 1}, follow=True)
    assert "“Nem chua Yên Mạc” hiện không còn được bán trên Chợ HTX." in response.content.decode()
    basket = client.get("/basket/").content.decode()
    assert 'name="form-0-quantity"' not in basket  # no line


@pytest.mark.django_db
@pytest.mark.parametrize("how", ["hidden", "suspended"])
def test_a_line_taken_off_sale_is_flagged_in_the_basket_and_cannot_be_checked_out(client, nem, how):
    client.post(f"/basket/add/{nem.pk}/", {"quantity": 1})
    take_off_sale(nem, how)
    basket = client.get("/basket/").content.decode()
    assert 'role="alert">“Nem chua Yên Mạc” hiện không còn được bán trên Chợ HTX.' in basket
    response = client.get("/checkout/", follow=True)
    assert response.redirect_chain[-1][0] == "/basket/"
    assert "không còn được bán. Hãy bỏ sản phẩm này khỏi giỏ hàng" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("how", ["hidden", "suspended"])
def test_an_order_is_not_placed_for_a_product_taken_off_sale_after_the_preview(
    client, country_vn, nem, how, django_capture_on_commit_callbacks
):
    response = checkout_until_preview(client, [(nem, 2)])
    assert response.redirect_chain[-1][0] == "/checkout/preview/"
    take_off_sale(nem, how)
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    assert Order.objects.count() == 0
    assert (
        "Nem chua Yên Mạc" in response.content.decode() and "không còn được bán" in response.content.decode()
    )


@pytest.mark.django_db
def test_the_in_transaction_check_refuses_what_the_preconditions_missed(
    client, country_vn, nem, monkeypatch, django_capture_on_commit_callbacks
):
    """The product is hidden between the checkout's checks and the placing transaction."""
    from marketplace.checkout.views import PaymentDetailsView

    checkout_until_preview(client, [(nem, 1)])
    monkeypatch.setattr(PaymentDetailsView, "check_basket_is_valid", lambda self, request: None)
    take_off_sale(nem, "hidden")
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    assert Order.objects.count() == 0
    assert "“Nem chua Yên Mạc” hiện không còn được bán trên Chợ HTX." in response.content.decode()
