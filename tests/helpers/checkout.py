"""Checkout steps through the real views, shared by every test that places an order as a buyer would."""

ADDRESS = {
    "first_name": "Nguyễn Văn An",
    "line1": "Thôn Tập Ninh",
    # As the province and commune selects post them: codes of Ninh Bình and of its Xã Gia Viễn.
    "line4": "14464",
    "state": "37",
    "phone_number": "0912 345 678",
    "notes": "Gọi trước khi giao",
}


# Placing an order needs the operating regulations accepted (an explicit, unticked box).
PLACE_ORDER = {"action": "place_order", "accept_terms": "on"}


def add_to_basket(client, product, quantity=1):
    response = client.post(f"/basket/add/{product.pk}/", {"quantity": quantity})
    assert response.status_code == 302


def start_guest_checkout(client, email="an@example.vn"):
    response = client.post("/checkout/", {"username": email, "options": "anonymous"})
    assert response.status_code == 302, response.content.decode()[:2000]


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
