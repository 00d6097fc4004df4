"""Reviews: only a signed-in buyer who received the product writes one, and it counts (rating, the
"rating" sort, the product page) only once alliance staff have approved it."""

import pytest
from oscar.core.loading import get_model

from marketplace.order.models import SubOrder
from tests.factories import CooperativeFactory, make_product
from tests.helpers.orders import place_order, split_order

ProductReview = get_model("reviews", "ProductReview")
Product = get_model("catalogue", "Product")

REVIEW = {"title": "Giòn và thơm", "score": "5", "body": "Cơm cháy giòn, chà bông nhiều, cả nhà thích."}


@pytest.fixture
def product(db):
    return make_product(CooperativeFactory(), title="Cơm cháy chà bông 200 g", price=45000)


def add_url(product):
    return f"/catalogue/{product.slug}_{product.pk}/reviews/add/"


def bought(user, product, *, status):
    order = place_order(product, number=f"5{SubOrder.objects.count():05d}")
    order.user = user
    order.save()
    [suborder] = split_order(order)
    SubOrder.objects.filter(pk=suborder.pk).update(status=status)
    return suborder


@pytest.mark.django_db
def test_anonymous_visitors_cannot_review(client, product):
    response = client.get(add_url(product))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.post(add_url(product), {**REVIEW, "name": "Kẻ lạ", "email": "la@example.vn"})
    assert not ProductReview.objects.exists()
    page = client.get(product.get_absolute_url()).content.decode()
    assert add_url(product) not in page


@pytest.mark.django_db
@pytest.mark.parametrize("status", [None, "new", "shipped", "cancelled"])
def test_a_customer_who_has_not_received_the_product_cannot_review(client, customer, product, status):
    if status:
        bought(customer, product, status=status)
    client.force_login(customer)
    response = client.post(add_url(product), REVIEW, follow=True)
    assert "Chỉ người đã mua và nhận được sản phẩm này mới viết được đánh giá." in response.content.decode()
    assert not ProductReview.objects.exists()
    assert add_url(product) not in client.get(product.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_someone_elses_delivered_order_does_not_count(client, customer, product, django_user_model):
    other = django_user_model.objects.create_user(email="khac@example.vn", password="x")
    bought(other, product, status="delivered")
    client.force_login(customer)
    client.post(add_url(product), REVIEW)
    assert not ProductReview.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["delivered", "completed"])
def test_a_buyer_who_received_it_reviews_and_it_counts_once_approved(
    client, customer, product, staff_user, status
):
    bought(customer, product, status=status)
    client.force_login(customer)
    assert add_url(product) in client.get(product.get_absolute_url()).content.decode()
    response = client.post(add_url(product), REVIEW, follow=True)
    assert "Đánh giá sẽ hiện sau khi Liên minh HTX kiểm duyệt." in response.content.decode()
    review = ProductReview.objects.get()
    assert (review.user, review.score, review.status) == (customer, 5, ProductReview.FOR_MODERATION)

    # Waiting: not in the rating, not on the product page, not at its own address.
    assert Product.objects.get(pk=product.pk).rating is None
    assert REVIEW["title"] not in client.get(product.get_absolute_url()).content.decode()
    assert client.get(f"/catalogue/{product.slug}_{product.pk}/reviews/{review.pk}/").status_code == 404
    # One review per buyer.
    client.post(add_url(product), {**REVIEW, "score": "1"})
    assert ProductReview.objects.count() == 1

    # The alliance's moderation list shows it; approving it makes it count.
    client.force_login(staff_user)
    listing = client.get("/dashboard/reviews/").content.decode()
    assert REVIEW["title"] in listing
    client.post(
        "/dashboard/reviews/",
        {"action": "update_selected_review_status", "selected_review": [review.pk], "status": "1"},
    )
    assert ProductReview.objects.get().status == ProductReview.APPROVED
    assert Product.objects.get(pk=product.pk).rating == 5.0
    assert REVIEW["title"] in client.get(product.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_review_is_shown_only_under_its_own_product(client, customer, product):
    other = make_product(CooperativeFactory(), title="Mắm tép")
    review = ProductReview.objects.create(
        product=product, user=customer, score=1, title="Tệ", body="x", status=ProductReview.APPROVED
    )
    assert client.get(f"/catalogue/{product.slug}_{product.pk}/reviews/{review.pk}/").status_code == 200
    assert client.get(f"/catalogue/{other.slug}_{other.pk}/reviews/{review.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_waiting_review_does_not_move_a_product_in_the_rating_sort(customer, django_user_model):
    from search.backends import database
    from search.query import SearchQuery

    older = make_product(CooperativeFactory(), title="Nem chua Thanh Liêm")
    newer = make_product(CooperativeFactory(), title="Mắm tép Gia Viễn")
    other = django_user_model.objects.create_user(email="khac@example.vn", password="x")
    ProductReview.objects.create(
        product=older, user=other, score=2, title="Tạm", body="x", status=ProductReview.APPROVED
    )

    def by_rating():
        ids = database.search(SearchQuery(sort="rating")).ids
        return [pk for pk in ids if pk in (older.pk, newer.pk)]

    assert by_rating() == [older.pk, newer.pk]
    waiting = ProductReview.objects.create(product=newer, user=customer, score=5, title="Ngon", body="x")
    assert waiting.status == ProductReview.FOR_MODERATION
    assert by_rating() == [older.pk, newer.pk]
    waiting.status = ProductReview.APPROVED
    waiting.save()
    assert by_rating() == [newer.pk, older.pk]
