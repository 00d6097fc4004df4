"""Fixtures of the commerce-domain tests."""

import pytest
from django.core import mail
from oscar.core.loading import get_model

from tests.helpers.checkout import checkout_until_preview, place_order

Order = get_model("order", "Order")


@pytest.fixture
def order(client, customer, country_vn, two_cooperatives):
    """A signed-in customer's order from two cooperatives (2 × the first product, 1 × the second),
    placed through the checkout; its emails already cleared."""
    client.force_login(customer)
    checkout_until_preview(client, [(two_cooperatives[0], 2), (two_cooperatives[1], 1)])
    place_order(client)
    mail.outbox.clear()
    return Order.objects.get()
