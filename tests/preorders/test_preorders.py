"""Pre-orders as a buyer and a cooperative meet them: the window, the cap (not stock), the dates in
the basket, on the thank-you page and in the confirmation email, the deposit and what is left in
cash, a moved date told once, the buyer's cancel with the deposit owed back."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from oscar.core.loading import get_model

from marketplace.order.models import SubOrder, SubOrderStatus
from marketplace.order.services import suborder_confirm, suborder_deliver, suborder_ship
from marketplace.outbox.models import OutboxMessage
from marketplace.preorders import services
from marketplace.preorders.models import PreorderLine
from marketplace.preorders.notify import date_moved_notify
from payments.models import Refund
from tests.helpers.checkout import add_to_basket, checkout_until_preview, place_order

StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")

WORDS = "Đặt trước — giao từ 15/01/{year} đến 20/01/{year}, đặt cọc 30%"


def words(today):
    return WORDS.format(year=today.year + 1)


def change(offer, **fields):
    """The offer changed behind the pages' backs (a minute's cache is dropped, as the services do)."""
    for name, value in fields.items():
        setattr(offer, name, value)
    offer.save()
    cache.clear()


def buy(client, product, quantity, django_capture_on_commit_callbacks, email="an@example.vn"):
    response = checkout_until_preview(client, [(product, quantity)], email=email)
    assert response.redirect_chain[-1][0] == "/checkout/preview/", response.content.decode()[-2000:]
    with django_capture_on_commit_callbacks(execute=True):
        return place_order(client)


@pytest.mark.django_db
def test_the_dates_show_on_the_card_page_basket_thank_you_and_email(
    client, country_vn, rice, rice_offer, today, django_capture_on_commit_callbacks
):
    page = client.get(rice.get_absolute_url()).content.decode()
    assert words(today) in page
    assert "Còn 10 suất đặt trước" in page and "Đặt trước</button>" in page

    listing = client.get("/catalogue/").content.decode()
    assert f"Đặt trước — giao từ 15/01/{today.year + 1} đến 20/01/{today.year + 1}" in listing

    add_to_basket(client, rice, 3)
    assert words(today) in client.get("/basket/").content.decode()

    response = buy(client, rice, 0, django_capture_on_commit_callbacks)
    thanks = response.content.decode()
    assert response.redirect_chain[-1][0] == "/checkout/thank-you/"
    assert words(today) in thanks
    # 3 × 150.000 = 450.000; deposit 30% = 135.000; the rest in cash.
    assert "135.000\xa0₫" in thanks and "315.000\xa0₫" in thanks
    assert "CHOHTX" in thanks and "COC" in thanks

    confirmation = next(m for m in mail.outbox if m.to == ["an@example.vn"])
    assert words(today) in confirmation.body
    assert "Tiền cọc chuyển khoản cho hợp tác xã: 135.000\xa0₫" in confirmation.body
    assert "Phần còn lại trả tiền mặt khi nhận hàng: 315.000\xa0₫" in confirmation.body


@pytest.mark.django_db
def test_a_pre_order_leaves_stock_untouched_through_shipping_and_delivery(
    client, country_vn, rice, rice_offer, django_capture_on_commit_callbacks
):
    response = buy(client, rice, 5, django_capture_on_commit_callbacks)  # more than the 2 in stock
    assert response.redirect_chain[-1][0] == "/checkout/thank-you/"
    record = StockRecord.objects.get(product=rice)
    assert (record.num_in_stock, record.num_allocated or 0) == (2, 0)

    suborder = SubOrder.objects.get()
    held = PreorderLine.objects.get()
    assert (held.quantity, held.deposit) == (5, 225000)  # 30% of 750.000
    suborder_confirm(suborder_id=suborder.pk)
    suborder_ship(suborder_id=suborder.pk, carrier="Viettel Post", tracking_code="VTP1")
    suborder_deliver(suborder_id=suborder.pk)
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated or 0) == (2, 0)


@pytest.mark.django_db
def test_a_closed_or_not_yet_open_window_refuses_the_buyer(client, country_vn, rice, rice_offer, today):
    change(rice_offer, order_from=today + timedelta(days=2), order_until=today + timedelta(days=5))
    response = client.post(f"/basket/add/{rice.pk}/", {"quantity": 1}, follow=True)
    page = response.content.decode()
    assert f"Mở đặt trước từ ngày {(today + timedelta(days=2)):%d/%m/%Y}" in page
    assert client.get("/basket/").context["basket"].num_items == 0

    change(rice_offer, order_from=today - timedelta(days=9), order_until=today - timedelta(days=1))
    page = client.get(rice.get_absolute_url()).content.decode()
    assert "Đã hết hạn đặt trước" in page and "Đặt trước</button>" not in page


@pytest.mark.django_db
def test_the_window_closing_between_basket_and_order_refuses_the_order(
    client, country_vn, rice, rice_offer, today, django_capture_on_commit_callbacks
):
    checkout_until_preview(client, [(rice, 1)])
    change(rice_offer, order_from=today - timedelta(days=3), order_until=today - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    assert Order.objects.count() == 0
    assert (
        "hết hạn đặt trước" in response.content.decode()
        or "không nhận đặt trước" in response.content.decode()
    )


@pytest.mark.django_db
def test_the_cap_refuses_more_than_is_left_and_a_cancel_frees_it(
    client, country_vn, rice, rice_offer, django_capture_on_commit_callbacks
):
    change(rice_offer, cap=4)
    buy(client, rice, 3, django_capture_on_commit_callbacks)
    other = type(client)()
    response = other.post(f"/basket/add/{rice.pk}/", {"quantity": 2}, follow=True)
    assert "Chỉ còn 1 suất đặt trước." in response.content.decode()

    suborder = SubOrder.objects.get()
    from marketplace.order.services import suborder_cancel

    suborder_cancel(suborder_id=suborder.pk, reason="Mất mùa")
    response = other.post(f"/basket/add/{rice.pk}/", {"quantity": 2}, follow=True)
    assert "suất đặt trước" not in response.content.decode().split("Chỉ còn")[0][-5:]
    assert other.get("/basket/").context["basket"].num_items == 2


@pytest.mark.django_db
def test_moving_the_date_emails_each_buyer_once_and_lets_them_cancel_with_the_deposit_back(
    client, country_vn, rice, rice_offer, today, django_capture_on_commit_callbacks
):
    buy(client, rice, 2, django_capture_on_commit_callbacks)
    suborder = SubOrder.objects.get()
    detail = client.get(f"/orders/{suborder.order.number}/").content.decode()
    assert "Huỷ đơn đặt trước" not in detail  # nothing moved yet
    services.deposit_receive(suborder=suborder)
    mail.outbox.clear()

    new_from = rice_offer.deliver_from + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        change = services.offer_dates_move(
            offer_id=rice_offer.pk, deliver_from=new_from, deliver_until=new_from
        )
    assert OutboxMessage.objects.filter(key__startswith="preorder-date-moved:").count() == 1
    moved = [m for m in mail.outbox if m.to == ["an@example.vn"]]
    assert len(moved) == 1
    assert f"giao ngày {new_from:%d/%m/%Y}" in moved[0].body and "huỷ" in moved[0].body
    assert (
        date_moved_notify(change_id=change.pk, suborder_id=suborder.pk) is False
    )  # a second run sends nothing
    assert len([m for m in mail.outbox if m.to == ["an@example.vn"]]) == 1

    detail = client.get(f"/orders/{suborder.order.number}/").content.decode()
    assert "Hợp tác xã đã đổi ngày giao" in detail and f"giao ngày {new_from:%d/%m/%Y}" in detail
    response = client.post(f"/orders/{suborder.order.number}/preorder/{suborder.pk}/cancel/", follow=True)
    assert "Đã huỷ đơn đặt trước" in response.content.decode()
    suborder.refresh_from_db()
    assert suborder.status == SubOrderStatus.CANCELLED
    refund = Refund.objects.get()
    assert (refund.amount, refund.status, refund.key) == (
        90000,
        "requested",
        f"chohtx-deposit-{suborder.number}",
    )
    assert "90.000\xa0₫" in client.get(f"/orders/{suborder.order.number}/").content.decode()

    services.deposit_refund_sent(suborder=suborder)
    assert list(Refund.objects.values_list("status", flat=True)) == ["requested", "pending"]


@pytest.mark.django_db
def test_a_buyer_cannot_cancel_a_pre_order_whose_date_did_not_move(
    client, country_vn, rice, rice_offer, django_capture_on_commit_callbacks
):
    buy(client, rice, 1, django_capture_on_commit_callbacks)
    suborder = SubOrder.objects.get()
    suborder_confirm(suborder_id=suborder.pk)
    response = client.post(f"/orders/{suborder.order.number}/preorder/{suborder.pk}/cancel/", follow=True)
    assert "không thể huỷ ở đây" in response.content.decode()
    suborder.refresh_from_db()
    assert suborder.status == SubOrderStatus.CONFIRMED
    stranger = type(client)()
    response = stranger.post(f"/orders/{suborder.order.number}/preorder/{suborder.pk}/cancel/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_a_delivered_pre_order_enters_the_ledger_and_the_invariants_hold(
    client, country_vn, rice, rice_offer, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    from marketplace.ledger import selectors as ledger
    from marketplace.ledger.models import CommissionRule, RuleScope

    CommissionRule.objects.create(scope=RuleScope.DEFAULT, rate_bp=500)
    buy(client, rice, 2, django_capture_on_commit_callbacks)
    suborder = SubOrder.objects.get()
    services.deposit_receive(suborder=suborder)
    suborder_confirm(suborder_id=suborder.pk)
    suborder_ship(suborder_id=suborder.pk, carrier="GHN", tracking_code="GHN1")
    suborder_deliver(suborder_id=suborder.pk)
    # Deposit (VietQR) and the rest (cash) both reached the cooperative: it owes the commission only.
    assert ledger.balance(suborder.partner) == -15000  # 5% of 300.000
    totals = ledger.totals_by_kind(suborder.partner)
    assert sum(totals.values()) == -15000 and max(totals.values()) == 300000  # the whole sale, once
    call_command("check_invariants", "--only", "ledger", "--only", "stock", "--only", "totals")


@pytest.mark.django_db
def test_a_cooperative_sees_only_its_own_pre_orders_by_delivery_date(
    client, country_vn, rice, rice_offer, today, django_user_model, django_capture_on_commit_callbacks
):
    from tests.factories import CooperativeFactory, make_product

    other = CooperativeFactory(name="Hợp tác xã Bánh quế Tiêu Động")
    box = make_product(other, title="Hộp quà bánh quế Tết", price=180000, stock=0)
    services.offer_save(
        partner=other,
        product=box,
        order_from=today - timedelta(days=1),
        order_until=today + timedelta(days=5),
        deliver_from=today + timedelta(days=20),
        deliver_until=today + timedelta(days=20),
        cap=30,
    )
    buy(client, rice, 2, django_capture_on_commit_callbacks)
    buy(type(client)(), box, 1, django_capture_on_commit_callbacks, email="binh@example.vn")
    rice_number = SubOrder.objects.get(partner=rice_offer.partner).number
    box_number = SubOrder.objects.get(partner=other).number

    staff = django_user_model.objects.create_user(email="haihau@example.vn", password="pw-seller-123")
    rice_offer.partner.users.add(staff)
    seller = type(client)()
    seller.force_login(staff)
    page = seller.get("/seller/preorders/").content.decode()
    assert f"Giao từ 15/01/{today.year + 1} đến 20/01/{today.year + 1}" in page
    assert "Gạo Hải Hậu vụ mùa 5 kg" in page and rice_number in page and "đã đặt 2/10 suất" in page
    assert "Hộp quà bánh quế Tết" not in page and box_number not in page
    other_offer = box.preorder
    assert seller.get(f"/seller/preorders/{other_offer.pk}/").status_code == 404
    assert seller.post(f"/seller/preorders/deposits/{box_number}/received/").status_code == 404


@pytest.mark.django_db
def test_a_cooperative_opens_an_offer_from_its_phone_form_and_bad_input_is_explained(
    client, rice_coop, rice, django_user_model
):
    staff = django_user_model.objects.create_user(email="haihau@example.vn", password="pw-seller-123")
    rice_coop.users.add(staff)
    client.force_login(staff)
    form = {
        "product": rice.pk,
        "order_from": "01/12/2026",
        "order_until": "2026-11-20",
        "deliver_from": "2027-01-15",
        "cap": "100",
        "deposit_kind": "percent",
        "deposit_value": "130",
    }
    response = client.post("/seller/preorders/new/", form)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ngày kết thúc nhận đặt không thể trước ngày bắt đầu." in page
    assert "Phần trăm đặt cọc phải từ 1 đến 100." in page

    form.update(order_until="31/12/2026", deposit_value="30")
    response = client.post("/seller/preorders/new/", form, follow=True)
    assert "Đã lưu đợt đặt trước “Gạo Hải Hậu vụ mùa 5 kg”." in response.content.decode()
    offer = rice.preorder
    assert (offer.deliver_from, offer.deliver_until, offer.cap, offer.deposit_value) == (
        date(2027, 1, 15),
        date(2027, 1, 15),
        100,
        30,
    )

    rice_coop.bank_account_number = ""
    rice_coop.save()
    response = client.post(f"/seller/preorders/{offer.pk}/", {**form, "deposit_kind": "amount"})
    assert "Hãy thêm tài khoản ngân hàng của hợp tác xã trước" in response.content.decode()
