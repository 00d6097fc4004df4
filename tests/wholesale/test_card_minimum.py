"""The round basket button on a product card adds what the product page starts at: one item, or the
minimum of a product sold only in quantity, and the card says that minimum."""

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import make_product

Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db


def card_of(html: str, product) -> str:
    match = re.search(
        rf'<article class="product_pod product-card" data-product="{product.pk}">(.*?)</article>', html, re.S
    )
    assert match, f"no card for {product.title}"
    return match.group(1)


def post_card_form(client, card: str) -> None:
    action = re.search(r'<form action="([^"]+)" method="post" class="product-card__add">', card).group(1)
    quantity = re.search(r'name="quantity" value="(\d+)"', card).group(1)
    response = client.post(action, {"quantity": quantity})
    assert response.status_code == 302


def basket_quantities(client) -> dict[str, int]:
    basket = Basket.objects.get()  # the visitor's one basket
    return {line.product.title: line.quantity for line in basket.all_lines()}


def test_a_wholesale_only_card_adds_its_minimum_and_says_so(client, wholesale_only, tiered):
    html = client.get(reverse("catalogue:index")).content.decode()
    card = card_of(html, wholesale_only)
    assert "Bán sỉ, từ 20 sản phẩm" in card
    assert 'title="Thêm 20 sản phẩm vào giỏ"' in card and ">Thêm 20 sản phẩm vào giỏ<" in card
    post_card_form(client, card)
    assert basket_quantities(client) == {"Gạo Hải Hậu bao 25 kg": 20}

    tiered_card = card_of(html, tiered)  # tiers without a minimum: one box, as before
    assert "Bán sỉ" not in tiered_card and ">Thêm vào giỏ<" in tiered_card
    post_card_form(client, tiered_card)
    assert basket_quantities(client)["Cơm cháy chà bông hộp 200 g"] == 1


def test_a_card_shows_no_basket_button_when_fewer_than_the_minimum_are_left(client, coop):
    from marketplace.wholesale import services

    product = make_product(coop, title="Nước mắm thùng 12 chai", price=600000, stock=5)
    services.wholesale_terms_save(product=product, base_price=600000, min_order_quantity=12, tiers=[])
    card = card_of(client.get(reverse("catalogue:index")).content.decode(), product)
    assert "Bán sỉ, từ 12 sản phẩm" in card and "product-card__add" not in card
