"""`manage.py load_demo` builds the demo floor, and running it again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from oscar.core.loading import get_model

from marketplace.demo import data

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


def counts():
    return (
        Partner.objects.count(),
        Product.objects.count(),
        Category.objects.count(),
        get_user_model().objects.count(),
    )


@pytest.mark.django_db
def test_load_demo_builds_a_believable_floor_and_is_idempotent(client):
    call_command("load_demo", verbosity=0)
    first = counts()
    demo_cooperatives = Partner.objects.filter(name__in=[c["name"] for c in data.COOPERATIVES]).order_by("pk")
    drawn = list(demo_cooperatives.values_list("logo", "cover"))
    call_command("load_demo", verbosity=0)
    assert counts() == first
    # every demo storefront has a drawn logo and cover, drawn once
    assert len(drawn) == len(data.COOPERATIVES) and all(logo and cover for logo, cover in drawn)
    assert list(demo_cooperatives.values_list("logo", "cover")) == drawn

    assert first[0] >= 12 and first[1] >= 60
    areas = set(Partner.objects.values_list("area", flat=True))
    assert areas == {"ninh_binh", "ha_nam", "nam_dinh"}
    groups = {c.name for c in Category.get_root_nodes()}
    assert groups == {g["name"] for g in data.OCOP_GROUPS} and len(groups) == 6
    assert not Product.objects.filter(images__isnull=True).exists()
    assert not Product.objects.filter(stockrecords__price__isnull=True).exists()

    assert client.login(email="admin@chohtx.vn", password="ChoHTX@2026")
    assert client.get("/dashboard/").status_code == 200
    assert client.login(email="khachhang@chohtx.vn", password="ChoHTX@2026")
    search = client.get("/search/?q=com chay").content.decode()
    assert "Cơm cháy" in search

    # A dozen products have a batch with its steps; one batch is recalled, its emails not sent.
    from marketplace.outbox.models import OutboxMessage
    from marketplace.traceability.models import Batch

    assert Batch.objects.count() == 14 and not Batch.objects.filter(steps__isnull=True).exists()
    (recalled,) = Batch.objects.filter(recalled_at__isnull=False)
    assert OutboxMessage.objects.get(key=f"batch-recall:{recalled.pk}").status == "discarded"
    page = client.get(f"/truy-xuat/{recalled.code}/").content.decode()
    assert "Lô hàng này đã bị thu hồi" in page and recalled.product.title in page


@pytest.mark.django_db
def test_demo_orders_fill_every_order_screen_once(client):
    """The demo cooperatives' staff find orders in every step of the life cycle, the demo customer
    sees their timelines, and a second load places no more orders."""
    from django.core import mail

    from marketplace.order.models import SubOrder

    call_command("load_demo", verbosity=0)
    customers = get_model("order", "Order").objects.filter(user__email="khachhang@chohtx.vn")
    orders = get_model("order", "Order").objects.count()
    call_command("load_demo", verbosity=0)
    # Seven orders through the life cycle, and two harvest pre-orders.
    assert get_model("order", "Order").objects.count() == orders and customers.count() == 9
    statuses = sorted(SubOrder.objects.filter(order__in=customers).values_list("status", flat=True))
    assert set(statuses) == {
        "new",
        "confirmed",
        "packed",
        "shipped",
        "completed",
        "cancelled",
    }
    assert not mail.outbox  # the demo customer is not a real mailbox

    assert client.login(email="gia-sinh@chohtx.vn", password="ChoHTX@2026")
    page = client.get("/seller/orders/").content.decode()
    assert "Viettel Post" not in page and "Nguyễn Thị Lan" in page
    shipped = SubOrder.objects.filter(status="shipped", partner__users__email="gia-sinh@chohtx.vn").get()
    detail = client.get(f"/seller/orders/{shipped.number}/").content.decode()
    assert "Viettel Post" in detail and "Phường Hoa Lư" in detail

    assert client.login(email="khachhang@chohtx.vn", password="ChoHTX@2026")
    history = client.get("/orders/").content.decode()
    assert "Hết hàng tươi trong ngày" in history and history.count('class="card co-order"') == 9
