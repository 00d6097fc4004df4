"""The basket and checkout as a buyer reads them: our own words (no Oscar leftovers), a step indicator
that shows only the steps the buyer goes through, the total on every step, a preview without SKUs that
lists each line once, errors next to their field, and where people land after signing in."""

import re

import pytest
from django.core import mail
from oscar.core.loading import get_model

from tests.factories import shipping_settings_for
from tests.helpers.checkout import ADDRESS, PLACE_ORDER, add_to_basket, start_guest_checkout

Order = get_model("order", "Order")

# Oscar's words and literal translations that must not reach a buyer's page.
LEFTOVERS = [
    "Bạn là ai",
    "Phân bổ",
    "Allocation",
    "Total:",
    "Thuế",
    "Tax",
    "Basket",
    "Checkout",
    "Proceed",
    "Shipping",
    "Payment",
    "Order contents",
    "Who are you",
    "Continue",
    "UPC",
    "SKU",
    "Toggle",
    "Oops",
    "Permalink",
    "Hiển thị giỏ hàng",
    "Tiến hành thanh toán",
]


def visible_text(html: str) -> str:
    """The page's text as read: no tags, scripts, styles or attribute values."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<!--.*?-->", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def main_of(html: str) -> str:
    return html[html.index('<main id="main"') : html.index("</main>")]


def assert_no_leftovers(html: str, where: str) -> None:
    text = visible_text(main_of(html))
    found = [word for word in LEFTOVERS if word in text]
    assert not found, f"{where}: {found}"


def steps_of(html: str) -> list[tuple[str, str]]:
    """(state, label) of each step in the step indicator."""
    nav = html[html.index('class="co-steps"') :]
    nav = nav[: nav.index("</nav>")]
    items = re.findall(r'class="steps__item steps__item--(\w+)"[^>]*>(.*?)</li>', nav, flags=re.S)
    items = [(state, re.sub(r'<span class="co-steps__short".*?</span>', "", label)) for state, label in items]
    return [
        (state, " ".join(visible_text(label).split()).replace(" (đã xong)", "")) for state, label in items
    ]


def total_of(html: str) -> str:
    return visible_text(
        re.search(r'data-testid="checkout-total">(.*?)</strong>', html, flags=re.S).group(1)
    ).strip()


@pytest.mark.django_db
def test_every_step_speaks_our_words_shows_the_total_and_true_steps(client, country_vn, two_cooperatives):
    rice, paste = two_cooperatives
    shipping_settings_for(rice.stockrecords.get().partner, flat_fee=20000)
    add_to_basket(client, rice, 2)  # 90.000 + 20.000 shipping
    add_to_basket(client, paste)  # 80.000, free delivery
    pages = {"basket": client.get("/basket/").content.decode()}
    pages["gateway"] = client.get("/checkout/").content.decode()
    start_guest_checkout(client)
    pages["address"] = client.get("/checkout/shipping-address/").content.decode()
    response = client.post("/checkout/shipping-address/", ADDRESS, follow=True)
    assert response.redirect_chain[-1][0] == "/checkout/payment-method/"  # no choice to make: skipped
    pages["payment"] = response.content.decode()
    response = client.post("/checkout/payment-method/", {"payment_method": "cod"}, follow=True)
    pages["preview"] = response.content.decode()

    for name, html in pages.items():
        assert_no_leftovers(html, name)
        assert total_of(html) == "190.000\xa0₫", name
        assert "Tổng thanh toán" in html, name

    # Guests: contact, address, payment, confirmation. The skipped delivery step is not shown at all.
    assert steps_of(pages["gateway"]) == [
        ("current", "Liên hệ"),
        ("todo", "Địa chỉ nhận hàng"),
        ("todo", "Thanh toán"),
        ("todo", "Xác nhận"),
    ]
    assert steps_of(pages["payment"]) == [
        ("done", "Liên hệ"),
        ("done", "Địa chỉ nhận hàng"),
        ("current", "Thanh toán"),
        ("todo", "Xác nhận"),
    ]
    assert "Bước 3/4" in pages["payment"] and 'aria-current="step"' in pages["payment"]
    assert [state for state, __ in steps_of(pages["preview"])] == ["done", "done", "done", "current"]


@pytest.mark.django_db
def test_the_delivery_step_is_shown_when_a_cooperative_offers_a_choice(client, country_vn, two_cooperatives):
    rice, paste = two_cooperatives
    shipping_settings_for(rice.stockrecords.get().partner, pickup=True, pickup_address="Thôn Tập Ninh")
    add_to_basket(client, rice)
    start_guest_checkout(client)
    response = client.post("/checkout/shipping-address/", ADDRESS, follow=True)
    assert response.redirect_chain[-1][0] == "/checkout/shipping-method/"
    html = response.content.decode()
    assert_no_leftovers(html, "shipping method")
    assert steps_of(html) == [
        ("done", "Liên hệ"),
        ("done", "Địa chỉ nhận hàng"),
        ("current", "Cách nhận hàng"),
        ("todo", "Thanh toán"),
        ("todo", "Xác nhận"),
    ]
    assert total_of(html) == "45.000\xa0₫"


@pytest.mark.django_db
def test_signed_in_buyers_have_no_contact_step(client, country_vn, two_cooperatives, customer):
    client.force_login(customer)
    add_to_basket(client, two_cooperatives[0])
    response = client.get("/checkout/", follow=True)
    assert response.redirect_chain[-1][0] == "/checkout/shipping-address/"
    assert steps_of(response.content.decode()) == [
        ("current", "Địa chỉ nhận hàng"),
        ("todo", "Thanh toán"),
        ("todo", "Xác nhận"),
    ]


@pytest.mark.django_db
def test_basket_quantity_inputs_are_labelled_and_a_line_can_be_removed_without_javascript(
    client, two_cooperatives
):
    rice, paste = two_cooperatives
    add_to_basket(client, rice, 2)
    add_to_basket(client, paste)
    html = client.get("/basket/").content.decode()
    input_ids = re.findall(r'id="(id_form-\d+-quantity)"', html)
    assert len(input_ids) == 2
    for input_id in input_ids:
        assert f'<label class="co-qty__label" for="{input_id}">Số lượng' in html
    # "Xoá" is a submit button of the basket form: it works without any script.
    delete = re.search(r'<button type="submit" class="co-link" name="(form-\d+-DELETE)" value="on">Xoá', html)
    form = {
        name: value
        for name, value in re.findall(r'name="(form-[\w-]+)" value="([^"]*)"', html)
        if not name.endswith("-DELETE")
    }
    form.update({"form-TOTAL-FORMS": "2", "form-INITIAL-FORMS": "2", delete.group(1): "on"})
    form.update(dict(re.findall(r'name="(form-\d+-quantity)" value="(\d+)"', html)))
    client.post("/basket/", form)
    after = client.get("/basket/").content.decode()
    assert len(re.findall(r'data-testid="basket-line"', after)) == 1


@pytest.mark.django_db
def test_preview_lists_each_line_once_without_sku(client, country_vn, two_cooperatives):
    rice, paste = two_cooperatives
    add_to_basket(client, rice, 2)
    add_to_basket(client, paste)
    start_guest_checkout(client)
    client.post("/checkout/shipping-address/", ADDRESS, follow=True)
    html = client.post("/checkout/payment-method/", {"payment_method": "cod"}, follow=True).content.decode()
    html = client.get("/checkout/preview/").content.decode()  # the "added to basket" notes are gone
    main = visible_text(main_of(html))
    assert main.count("Cơm cháy chà bông 200 g") == 1 and main.count("Mắm tép Gia Viễn 500 g") == 1
    assert html.count('data-testid="preview-line"') == 2
    for product in (rice, paste):
        sku = product.stockrecords.get().partner_sku
        assert sku and sku not in html
    assert "45.000\xa0₫ × 2" in main and "90.000\xa0₫" in main


@pytest.mark.django_db
def test_place_order_errors_sit_next_to_their_field(client, country_vn, two_cooperatives):
    add_to_basket(client, two_cooperatives[0])
    start_guest_checkout(client)
    client.post("/checkout/shipping-address/", ADDRESS, follow=True)
    client.post("/checkout/payment-method/", {"payment_method": "cod"})
    html = client.post(
        "/checkout/preview/",
        {
            "action": "place_order",
            "invoice_company": "Công ty An",
            "invoice_tax_code": "12",
            "invoice_email": "ketoan@an.vn",
        },
    ).content.decode()
    assert Order.objects.count() == 0
    terms = html[html.index('class="co-terms') :]
    terms = terms[: terms.index("</div>")]
    assert 'aria-invalid="true"' in terms and "Hãy đọc và đồng ý với Quy chế hoạt động" in terms
    tax = html[html.index('id="field-invoice_tax_code"') :]
    tax = tax[: tax.index("</div>")]
    assert "Mã số thuế gồm 10 chữ số" in tax and 'aria-describedby="id_invoice_tax_code-error"' in tax

    # The address step: the phone number's error under the phone number.
    html = client.post("/checkout/shipping-address/", {**ADDRESS, "phone_number": "12"}).content.decode()
    phone = html[html.index('id="field-phone_number"') :]
    phone = phone[: phone.index("</div>")]
    assert "Số điện thoại không hợp lệ" in phone


@pytest.mark.django_db
def test_gateway_words_and_errors_are_ours(client, two_cooperatives, customer):
    add_to_basket(client, two_cooperatives[0])
    html = client.get("/checkout/").content.decode()
    assert "Đặt hàng không cần tài khoản" in html and "Email của bạn" in html
    html = client.post("/checkout/", {"username": customer.email, "options": "anonymous"}).content.decode()
    assert "Email này đã có tài khoản" in html and "already exists" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "landing"),
    [("cooperative", "/seller/"), ("alliance", "/dashboard/"), ("buyer", "/")],
)
def test_people_land_where_they_work_after_signing_in(
    client, django_user_model, two_cooperatives, who, landing
):
    user = django_user_model.objects.create_user(email=f"{who}@example.vn", password="pw-Ab12345!")
    if who == "cooperative":
        two_cooperatives[0].stockrecords.get().partner.users.add(user)
    if who == "alliance":
        user.is_staff = True
        user.save()
    data = {"login-username": user.email, "login-password": "pw-Ab12345!", "login_submit": "1"}
    response = client.post("/accounts/login/", data, follow=True)
    visited = [url.split("?")[0] for url, __ in response.redirect_chain]
    # Alliance staff then pass the two-factor check on their way to the dashboard.
    assert (
        landing in visited
        and "/" not in visited[:-1]
        and visited[-1] in (landing, "/accounts/two-factor/setup/")
    )


@pytest.mark.django_db
def test_a_next_address_wins_over_the_landing_page(client, django_user_model, two_cooperatives):
    user = django_user_model.objects.create_user(email="htx@example.vn", password="pw-Ab12345!")
    two_cooperatives[0].stockrecords.get().partner.users.add(user)
    data = {"login-username": user.email, "login-password": "pw-Ab12345!", "login_submit": "1"}
    response = client.post("/accounts/login/?next=/orders/", {**data, "login-redirect_url": "/orders/"})
    assert response["Location"] == "/orders/"


@pytest.mark.django_db
def test_signed_in_people_keep_the_language_they_use(client, customer):
    client.force_login(customer)
    client.cookies["django_language"] = "en"
    client.get("/basket/")
    customer.refresh_from_db()
    assert customer.language == "en"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "subject", "words"),
    [("en", "is back in stock", "which you were waiting for"), ("vi", "đã có hàng trở lại", "bạn chờ")],
)
def test_back_in_stock_email_is_in_the_recipients_language(
    customer, two_cooperatives, language, subject, words
):
    from oscar.apps.customer.alerts.utils import AlertsDispatcher

    ProductAlert = get_model("customer", "ProductAlert")
    customer.language = language
    customer.save()
    rice = two_cooperatives[0]
    ProductAlert.objects.create(user=customer, product=rice, status=ProductAlert.ACTIVE)
    mail.outbox.clear()
    AlertsDispatcher().send_product_alert_email_for_user(rice)  # as a cooperative's stock update does
    [message] = mail.outbox
    assert subject in message.subject and words in message.body
    html = message.alternatives[0][0]
    assert words in html
    assert "Thanks for using our site" not in message.body + html


@pytest.mark.django_db
def test_order_emails_are_written_in_the_language_the_order_was_placed_in(
    client, country_vn, two_cooperatives, django_capture_on_commit_callbacks
):
    client.cookies["django_language"] = "en"
    add_to_basket(client, two_cooperatives[0])
    start_guest_checkout(client)
    client.post("/checkout/shipping-address/", ADDRESS, follow=True)
    client.post("/checkout/payment-method/", {"payment_method": "cod"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/checkout/preview/", PLACE_ORDER)
    order = Order.objects.get()
    assert order.language == "en"
    [message] = mail.outbox
    assert message.subject.startswith(f"Order confirmation {order.number}")
    assert message.body.startswith("Hello,") and "Xin chào" not in message.body
