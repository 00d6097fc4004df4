"""Helpers shared by the checkout tests: the whole journey through the real views."""

from tests.marketplace.test_checkout_cod import ADDRESS, PLACE_ORDER, add_to_basket, start_guest_checkout


def checkout_until_preview(client, products, *, method="cod", address=None, email="an@example.vn"):
    """Basket → guest → address → (shipping choices) → payment method. Returns the last response."""
    for product, quantity in products:
        add_to_basket(client, product, quantity)
    if "_auth_user_id" not in client.session:
        start_guest_checkout(client, email=email)
    response = client.post("/checkout/shipping-address/", address or ADDRESS, follow=True)
    assert response.redirect_chain, response.content.decode()[:3000]
    if response.redirect_chain[-1][0] == "/checkout/shipping-method/":
        client.post("/checkout/shipping-method/", {})  # each cooperative's first option
    return client.post("/checkout/payment-method/", {"payment_method": method}, follow=True)


def place_order(client, **extra):
    return client.post("/checkout/preview/", {**PLACE_ORDER, **extra}, follow=True)


def test_helpers_are_importable():
    assert callable(checkout_until_preview) and callable(place_order)
