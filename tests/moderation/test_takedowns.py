"""Alliance staff take a product or a story down with a reason: it leaves the catalogue, search, the
sitemap and the storefront; the cooperative is emailed, reads the reason in its seller centre and
appeals; staff decide the appeal. Every step is kept (append-only events)."""

import pytest

from marketplace.moderation import services
from marketplace.moderation.models import Event, Takedown, TakedownStatus
from tests.helpers.cms import add_story


def visible_everywhere(client, seller, title) -> dict:
    product = seller.product
    return {
        "catalogue": title in client.get("/catalogue/").content.decode(),
        "search": title in client.get("/search/", {"q": "com chay"}).content.decode(),
        "sitemap": product.get_absolute_url() in client.get("/sitemap.xml").content.decode(),
        "storefront": title in client.get(f"/cooperatives/{seller.partner.code}/").content.decode(),
        "page": client.get(product.get_absolute_url()).status_code == 200,
    }


@pytest.mark.django_db
def test_a_taken_down_product_disappears_the_seller_is_told_and_an_appeal_brings_it_back(
    client, seller_a, staff_user, mailoutbox, django_capture_on_commit_callbacks, home, signed_in
):
    title = "Cơm cháy chà bông 200 g"
    assert set(visible_everywhere(client, seller_a, title).values()) == {True}

    staff = signed_in(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/dashboard/moderation/takedowns/new/?product={seller_a.product.pk}",
            {"reason": "misleading", "explanation": "Ghi “chữa bách bệnh” trên nhãn: sai sự thật."},
        )
    takedown = Takedown.objects.get()
    assert (
        response.status_code == 302
        and response["Location"] == f"/dashboard/moderation/takedowns/{takedown.pk}/"
    )
    assert visible_everywhere(client, seller_a, title) == dict.fromkeys(
        ["catalogue", "search", "sitemap", "storefront", "page"], False
    )
    client.post(f"/basket/add/{seller_a.product.pk}/", {"quantity": 1})
    assert 'name="form-0-quantity"' not in client.get("/basket/").content.decode()  # cannot be bought

    [email] = mailoutbox
    assert email.subject == "“Cơm cháy chà bông 200 g” đã bị gỡ khỏi Chợ HTX"
    assert sorted(email.to) == ["a@htx.vn", "lienhe-a@htx.vn"]
    assert "chữa bách bệnh" in email.body and f"/seller/takedowns/{takedown.pk}/" in email.body

    # The cooperative reads why, and appeals.
    seller = signed_in(seller_a.user)
    listing = seller.get("/seller/takedowns/").content.decode()
    assert title in listing and "Đang bị gỡ" in listing
    detail = seller.get(f"/seller/takedowns/{takedown.pk}/").content.decode()
    assert "chữa bách bệnh" in detail and 'id="appeal-form"' in detail
    assert seller.post(f"/seller/takedowns/{takedown.pk}/", {"message": ""}).status_code == 400
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        seller.post(f"/seller/takedowns/{takedown.pk}/", {"message": "Đã sửa nhãn, gửi kèm ảnh nhãn mới."})
    takedown.refresh_from_db()
    assert takedown.status == TakedownStatus.APPEALED
    assert [m.to for m in mailoutbox] == [[staff_user.email]]
    assert "Đã sửa nhãn" in mailoutbox[0].body

    # Staff decide: lifted, the product is back everywhere and the seller hears of it.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            f"/dashboard/moderation/takedowns/{takedown.pk}/",
            {"action": "lift", "decision": "Nhãn mới đúng quy định."},
        )
    takedown.refresh_from_db()
    assert takedown.status == TakedownStatus.LIFTED
    assert set(visible_everywhere(client, seller_a, title).values()) == {True}
    assert [m.subject for m in mailoutbox] == ["“Cơm cháy chà bông 200 g” đã được khôi phục"]
    assert "Nhãn mới đúng quy định." in seller.get(f"/seller/takedowns/{takedown.pk}/").content.decode()
    assert list(takedown.events.values_list("kind", flat=True)) == ["taken_down", "appealed", "lifted"]


@pytest.mark.django_db
def test_an_upheld_takedown_stays_and_cannot_be_appealed_twice(seller_a, staff_user, signed_in):
    takedown = services.product_take_down(
        product=seller_a.product, by=staff_user, reason="counterfeit", explanation="Hàng nhái nhãn hiệu."
    )
    services.takedown_appeal(takedown=takedown, by=seller_a.user, message="Không phải hàng nhái.")
    services.takedown_decide(
        takedown=takedown, by=staff_user, lift=False, decision="Đã đối chiếu: hàng nhái."
    )
    seller = signed_in(seller_a.user)
    response = seller.post(f"/seller/takedowns/{takedown.pk}/", {"message": "Xin xem lại."})
    assert response.status_code == 400 and "Không thể kháng nghị lúc này." in response.content.decode()
    seller_a.product.refresh_from_db()
    assert seller_a.product.taken_down_at is not None


@pytest.mark.django_db
def test_a_story_is_taken_down_and_its_cooperative_reads_why(
    client, seller_a, staff_user, story_index, mailoutbox, django_capture_on_commit_callbacks, signed_in
):
    story = add_story(story_index, title="Bí quyết cơm cháy chữa bệnh", cooperatives=[seller_a.partner])
    assert client.get(story.url).status_code == 200
    staff = signed_in(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            f"/dashboard/moderation/takedowns/new/?story={story.pk}",
            {"reason": "misleading", "explanation": "Quảng cáo công dụng chữa bệnh."},
        )
    assert client.get(story.url).status_code == 404
    assert "Bí quyết cơm cháy" not in client.get("/sitemap.xml").content.decode()
    assert [m.subject for m in mailoutbox] == ["“Bí quyết cơm cháy chữa bệnh” đã bị gỡ khỏi Chợ HTX"]
    takedown = Takedown.objects.get()
    assert (
        "Quảng cáo công dụng chữa bệnh."
        in signed_in(seller_a.user).get(f"/seller/takedowns/{takedown.pk}/").content.decode()
    )


@pytest.mark.django_db
def test_takedown_history_cannot_be_changed_or_deleted(seller_a, staff_user):
    services.product_take_down(
        product=seller_a.product, by=staff_user, reason="banned", explanation="Hàng cấm."
    )
    event = Event.objects.get()
    event.note = "sửa"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


@pytest.mark.django_db
def test_only_alliance_staff_take_down(client, seller_a, seller_b, signed_in):
    seller = signed_in(seller_b.user)
    url = f"/dashboard/moderation/takedowns/new/?product={seller_a.product.pk}"
    assert seller.post(url, {"reason": "banned", "explanation": "x"}).status_code == 403
    assert client.get(url).status_code in {302, 403}
    assert not Takedown.objects.exists()
