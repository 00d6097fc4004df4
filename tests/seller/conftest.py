import pytest

from tests.helpers.orders import place_order, split_order
from tests.helpers.seller import Cooperative
from tests.helpers.uploads import jpeg_upload


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def coop_a(db, django_user_model):
    return Cooperative("HTX Cơm cháy An Khánh", "a@htx.vn", django_user_model)


@pytest.fixture
def coop_b(db, django_user_model):
    return Cooperative("HTX Mắm tép Bình Minh", "b@htx.vn", django_user_model)


@pytest.fixture
def mixed_order(coop_a, coop_b):
    """One order with a line from each cooperative, split into one sub-order each
    (`coop_a.suborder`, `coop_b.suborder`)."""
    order = place_order(coop_a.product, coop_b.product, number="100001")
    coop_a.suborder, coop_b.suborder = split_order(order)
    return order


@pytest.fixture
def after_sale_of_b(coop_b, mixed_order, customer):
    """B's sub-order delivered, with a return request (a photo, a resellable line) and a conversation
    with the buyer (a message with a photo): `coop_b.ret`, `.photo`, `.conversation`, `.message`."""
    from marketplace.messaging import services as messaging
    from marketplace.order import services as orders
    from marketplace.returns import services as returns
    from marketplace.seller.uploads import process_photo

    suborder = coop_b.suborder
    type(mixed_order).objects.filter(pk=mixed_order.pk).update(user=customer)
    orders.suborder_confirm(suborder_id=suborder.pk)
    orders.suborder_ship(suborder_id=suborder.pk, carrier="GHN", tracking_code="B1")
    orders.suborder_deliver(suborder_id=suborder.pk)
    line = mixed_order.lines.get(partner_id=coop_b.partner.pk)
    coop_b.ret = returns.return_request(
        suborder_id=suborder.pk,
        quantities={line.pk: 1},
        reason="damaged",
        note="Bí mật trả hàng của B",
        photos=[process_photo(jpeg_upload())],
        refund_account={"bank": "ACB", "number": "123456789", "holder": "KHACH B"},
    )
    coop_b.photo = coop_b.ret.photos.get()
    suborder.refresh_from_db()
    coop_b.conversation = messaging.conversation_for_suborder(suborder=suborder)
    coop_b.secret_message = "Bí mật tin nhắn của B"
    coop_b.message = messaging.message_send(
        conversation_id=coop_b.conversation.pk,
        side="buyer",
        body=coop_b.secret_message,
        photo=process_photo(jpeg_upload()),
    )
    # Alliance staff took down another of B's products, with a reason only B may read.
    from marketplace.moderation import services as moderation
    from tests.factories import make_product

    staff = type(customer).objects.create_superuser(email="kiemsoat@chohtx.vn", password="pw-staff-123")
    coop_b.secret_takedown = "Bí mật lý do gỡ của B"
    coop_b.takedown = moderation.product_take_down(
        product=make_product(coop_b.partner, title="Sản phẩm bị gỡ của B"),
        by=staff,
        reason="misleading",
        explanation=coop_b.secret_takedown,
    )
    return coop_b
