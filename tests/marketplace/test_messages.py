"""Messages between buyers and cooperatives, through the real pages: a conversation per sub-order
(signed-in buyer or a guest through the order lookup) and a question before buying ("Hỏi hợp tác
xã"); the cooperative answers in /seller/messages/ with an unread count in its header; a message
left unread for 15 minutes is emailed once; HTML is escaped, links and phone numbers linked;
private to the two sides; sending is rate-limited; query counts stay flat as messages grow."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from PIL import Image

from marketplace.messaging import services
from marketplace.messaging.models import Conversation, Message
from marketplace.messaging.templatetags.messaging import message_html
from marketplace.outbox.models import OutboxMessage
from tests.factories import CooperativeFactory, make_product
from tests.helpers.orders import place_order, split_order

Order = get_model("order", "Order")


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 120, 60)).save(buffer, "JPEG")
    return SimpleUploadedFile("anh.jpg", buffer.getvalue(), content_type="image/jpeg")


class Side:
    """A cooperative with a product and a signed-in staff client."""

    def __init__(self, name, email, django_user_model):
        self.partner = CooperativeFactory(name=name)
        self.user = django_user_model.objects.create_user(email=email, password="pw-seller-123")
        self.partner.users.add(self.user)
        self.product = make_product(self.partner, title=f"Sản phẩm của {name}", stock=5)
        self.client = Client()
        self.client.force_login(self.user)


@pytest.fixture
def coops(db, django_user_model):
    return Side("HTX Cơm cháy An Khánh", "a@htx.vn", django_user_model), Side(
        "HTX Mắm tép Bình Minh", "b@htx.vn", django_user_model
    )


@pytest.fixture
def order_of(customer, coops):
    """The customer's order with a line from each cooperative, split into one sub-order each."""
    a, b = coops
    order = place_order(a.product, b.product, number="100001")
    Order.objects.filter(pk=order.pk).update(user=customer)
    order.refresh_from_db()
    a.suborder, b.suborder = split_order(order)
    return order


def send(who, url, body="", **extra):
    return who.post(url, {"body": body, **extra})


@pytest.mark.django_db
def test_buyer_and_cooperative_talk_about_a_sub_order(client, customer, coops, order_of):
    a, b = coops
    client.force_login(customer)
    url = f"/messages/orders/{order_of.number}/{a.suborder.number}/"
    assert client.get(url).status_code == 200
    response = send(
        client, url, "Chào HTX, khi nào giao? Gọi 0912 345 678 hoặc xem https://zalo.me/abc <b>gấp</b>"
    )
    assert response.status_code == 302
    # The cooperative sees an unread count in its header, then the message.
    header = a.client.get("/seller/").content.decode()
    assert 'id="seller-unread"' in header and "1 tin nhắn chưa đọc" in header
    assert 'id="seller-unread"' not in b.client.get("/seller/").content.decode()
    conversation = Conversation.objects.get()
    thread = a.client.get(f"/seller/messages/{conversation.pk}/").content.decode()
    assert '<a href="tel:+84912345678">0912 345 678</a>' in thread
    assert 'href="https://zalo.me/abc"' in thread and 'rel="nofollow noopener noreferrer ugc"' in thread
    assert "&lt;b&gt;gấp&lt;/b&gt;" in thread and "<b>gấp</b>" not in thread
    assert 'id="seller-unread"' not in a.client.get("/seller/").content.decode()  # read now
    # The answer, with a photo; the buyer reads it on the order's thread.
    reply = a.client.post(
        f"/seller/messages/{conversation.pk}/", {"body": "Chiều mai giao ạ.", "photo": photo()}
    )
    assert reply.status_code == 302
    page = client.get(url).content.decode()
    assert "Chiều mai giao ạ." in page and "HTX Cơm cháy An Khánh" in page
    message = Message.objects.exclude(photo="").get()
    image = client.get(f"{url}photos/{message.pk}/")
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    # The buyer's order page links the conversation; the seller's order page too.
    assert url in client.get(f"/orders/{order_of.number}/").content.decode()
    assert (
        f"/seller/messages/{conversation.pk}/"
        in a.client.get(f"/seller/orders/{a.suborder.number}/").content.decode()
    )


@pytest.mark.django_db
def test_conversations_are_private_to_the_two_sides(client, customer, coops, order_of, django_user_model):
    a, b = coops
    client.force_login(customer)
    url = f"/messages/orders/{order_of.number}/{a.suborder.number}/"
    send(client, url, "Bí mật của đơn A", photo=photo())
    conversation = Conversation.objects.get()
    message = Message.objects.get()
    # The other cooperative: 404 on the thread, the photo and the reply; nothing in its inbox.
    for path in (
        f"/seller/messages/{conversation.pk}/",
        f"/seller/messages/{conversation.pk}/photos/{message.pk}/",
    ):
        assert b.client.get(path).status_code == 404, path
    assert b.client.post(f"/seller/messages/{conversation.pk}/", {"body": "xen vào"}).status_code == 404
    assert "Bí mật" not in b.client.get("/seller/messages/").content.decode()
    # Another buyer and a visitor: 404.
    other = django_user_model.objects.create_user(email="khac@example.vn", password="pw-other-12345")
    stranger = Client()
    stranger.force_login(other)
    for who in (stranger, Client()):
        assert who.get(url).status_code == 404
        assert who.get(f"{url}photos/{message.pk}/").status_code == 404
        assert send(who, url, "xen vào").status_code == 404
    assert Message.objects.count() == 1


@pytest.mark.django_db
def test_a_guest_talks_through_the_order_lookup(coops, order_of, customer):
    a, b = coops
    guest = Client()
    url = f"/messages/orders/{order_of.number}/{a.suborder.number}/"
    assert guest.get(url).status_code == 404
    guest.post("/orders/lookup/", {"number": order_of.number, "contact": order_of.email})
    assert guest.get(url).status_code == 200
    send(guest, url, "Tôi đặt không cần tài khoản")
    assert Message.objects.get().author is None


@pytest.mark.django_db
def test_a_question_before_buying_from_the_product_page(client, customer, coops):
    a, b = coops
    product_page = client.get(a.product.get_absolute_url()).content.decode()
    ask = f"/messages/ask/{a.partner.pk}/?product={a.product.pk}"
    assert ask.replace("&", "&amp;") in product_page or ask in product_page
    assert "Hỏi hợp tác xã" in product_page
    # Visitors sign in first; a GET writes nothing.
    assert "/login/" in Client().get(ask)["Location"]
    client.force_login(customer)
    assert client.get(ask).status_code == 200 and not Conversation.objects.exists()
    response = send(client, ask, "Cơm cháy này để được bao lâu?")
    conversation = Conversation.objects.get()
    assert response["Location"] == f"/messages/{conversation.pk}/"
    assert conversation.product == a.product and conversation.suborder is None
    inbox = a.client.get("/seller/messages/").content.decode()
    assert a.product.title in inbox and "Hỏi trước khi mua" in inbox
    a.client.post(f"/seller/messages/{conversation.pk}/", {"body": "Ba tháng ạ."})
    assert "Ba tháng ạ." in client.get(f"/messages/{conversation.pk}/").content.decode()
    assert a.partner.name in client.get("/messages/").content.decode()
    # The storefront asks too.
    assert f"/messages/ask/{a.partner.pk}/" in client.get(f"/cooperatives/{a.partner.code}/").content.decode()
    # Another buyer cannot open this conversation.
    stranger = Client()
    from django.contrib.auth import get_user_model

    stranger.force_login(
        get_user_model().objects.create_user(email="x@example.vn", password="pw-other-12345")
    )
    assert stranger.get(f"/messages/{conversation.pk}/").status_code == 404


@pytest.mark.django_db
def test_empty_or_too_long_or_bad_photo_messages_get_a_clear_message(client, customer, coops, order_of):
    a, b = coops
    client.force_login(customer)
    url = f"/messages/orders/{order_of.number}/{a.suborder.number}/"
    assert "Hãy viết tin nhắn hoặc gửi một ảnh." in send(client, url, "   ").content.decode()
    assert send(client, url, "x" * 2001).status_code == 400
    bad = SimpleUploadedFile("a.jpg", b"GIF89a not really", content_type="image/jpeg")
    assert "không phải là ảnh" in send(client, url, "", photo=bad).content.decode()
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_sending_is_rate_limited(client, customer, coops, order_of):
    a, b = coops
    client.force_login(customer)
    url = f"/messages/orders/{order_of.number}/{a.suborder.number}/"
    codes = [send(client, url, f"tin {n}").status_code for n in range(22)]
    assert codes[:20] == [302] * 20 and codes[20:] == [429, 429]
    assert Message.objects.count() == 20


@pytest.mark.django_db
def test_unread_message_is_emailed_once_after_fifteen_minutes(
    client, customer, coops, order_of, django_capture_on_commit_callbacks
):
    a, b = coops
    client.force_login(customer)
    url = f"/messages/orders/{order_of.number}/{a.suborder.number}/"
    send(client, url, "Alo HTX")
    send(client, url, "Alo lần hai")
    first, second = Message.objects.order_by("pk")
    timer = OutboxMessage.objects.get(key=f"message-unread-timer:{first.pk}")
    assert timer.due_at == first.created_at + timedelta(minutes=15)
    assert timer.task == "marketplace.messaging.tasks.message_unread_remind"
    mail.outbox.clear()
    # Both timers fire (and one fires twice): the cooperative gets one email for the two messages.
    assert services.message_unread_remind(message_id=first.pk) is True
    assert services.message_unread_remind(message_id=first.pk) is False
    assert services.message_unread_remind(message_id=second.pk) is False
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["a@htx.vn"]
    assert "Alo" not in mail.outbox[0].body  # the text stays on the site
    # Read in time: no email.
    conversation = Conversation.objects.get()
    a.client.get(f"/seller/messages/{conversation.pk}/")
    send(client, url, "Cảm ơn")
    third = Message.objects.order_by("pk").last()
    a.client.get(f"/seller/messages/{conversation.pk}/")
    assert services.message_unread_remind(message_id=third.pk) is False
    # The cooperative's answer left unread by an English-speaking buyer: emailed in English.
    Order.objects.filter(pk=order_of.pk).update(language="en")
    a.client.post(f"/seller/messages/{conversation.pk}/", {"body": "Dạ"})
    answer = Message.objects.order_by("pk").last()
    mail.outbox.clear()
    assert services.message_unread_remind(message_id=answer.pk) is True
    assert mail.outbox[0].to == [customer.email] and "replied" in mail.outbox[0].subject


def test_message_html_escapes_everything_and_links_only_web_addresses_and_phones():
    assert message_html('<script>alert("x")</script>') == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    assert message_html("javascript:alert(1)") == "javascript:alert(1)"
    assert message_html('https://a.vn/"onmouseover=x') == (
        '<a href="https://a.vn/" rel="nofollow noopener noreferrer ugc" target="_blank">https://a.vn/</a>'
        "&quot;onmouseover=x"
    )
    assert message_html("www.chohtx.vn.") == (
        '<a href="https://www.chohtx.vn" rel="nofollow noopener noreferrer ugc" target="_blank">'
        "www.chohtx.vn</a>."
    )
    assert message_html("Gọi +84 912345678\nnhé") == 'Gọi <a href="tel:+84912345678">+84 912345678</a><br>nhé'
    assert message_html("mã 12345678901234") == "mã 12345678901234"


@pytest.mark.django_db
def test_query_counts_stay_flat_as_messages_grow(client, customer, coops, order_of):
    a, b = coops
    client.force_login(customer)
    url = f"/messages/orders/{order_of.number}/{a.suborder.number}/"
    send(client, url, "một", photo=photo())
    conversation = Conversation.objects.get()
    pages = [
        (url, client),
        ("/messages/", client),
        ("/seller/messages/", a.client),
        (f"/seller/messages/{conversation.pk}/", a.client),
        ("/seller/", a.client),
    ]

    def counts():
        result = []
        for path, who in pages:
            who.get(path)
            with CaptureQueriesContext(connection) as queries:
                assert who.get(path).status_code == 200
            result.append(len(queries))
        return result

    first = counts()
    for n in range(12):
        services.message_send(
            conversation_id=conversation.pk, side="buyer", body=f"tin {n} https://a.vn 0912345678"
        )
        services.message_send(conversation_id=conversation.pk, side="cooperative", body=f"đáp {n}")
    presale = services.conversation_presale(partner=a.partner, buyer=customer, product=a.product)
    services.message_send(conversation_id=presale.pk, side="buyer", body="hỏi")
    assert counts() == first
