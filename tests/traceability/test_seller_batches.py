"""A cooperative records a batch in the seller centre: details, steps with a photo, certificates;
another cooperative never sees it."""

from datetime import timedelta

import pytest
from django.urls import reverse

from marketplace.traceability.models import Batch, CertificateKind
from tests.factories import CooperativeFactory, make_product
from tests.helpers.uploads import jpeg_upload

from .conftest import TODAY, make_batch

pytestmark = pytest.mark.django_db


def test_a_batch_from_creation_to_its_page(client, cooperative, rice, ocop_certificate):
    client.force_login(cooperative.user)
    form = client.get(reverse("seller:batch-create"))
    assert form.status_code == 200
    assert "Gạo tám thơm Hải Hậu 5 kg" in form.content.decode()

    response = client.post(
        reverse("seller:batch-create"),
        {
            "product": rice.pk,
            "code": " hh-2611 01 ",
            "produced_on": (TODAY - timedelta(days=10)).strftime("%d/%m/%Y"),
            "best_before": (TODAY + timedelta(days=365)).isoformat(),
            "quantity": "200",
            "province": "37",
            "commune": "14464",  # Xã Gia Viễn
            "origin_place": "Hộ ông Đinh Văn Lâm",
        },
    )
    batch = Batch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "seller:batch-detail", kwargs={"pk": batch.pk}
    )
    assert (batch.code, batch.quantity, batch.remaining) == ("HH-261101", 200, 200)
    assert (batch.origin_commune, batch.origin_province) == ("Xã Gia Viễn", "Ninh Bình")

    steps = reverse("seller:batch-step-add", kwargs={"pk": batch.pk})
    harvest = {
        "kind": "harvest",
        "happened_on": (TODAY - timedelta(days=12)).isoformat(),
        "place": "Cánh đồng Tập Ninh",
    }
    assert client.post(steps, {**harvest, "note": "Gặt bằng máy", "photo": jpeg_upload()}).status_code == 302
    packing = {
        "kind": "packing",
        "happened_on": (TODAY - timedelta(days=10)).isoformat(),
        "place": "Xưởng HTX",
    }
    assert client.post(steps, packing).status_code == 302
    future = {**packing, "happened_on": (TODAY + timedelta(days=3)).isoformat()}
    client.post(steps, future)
    assert batch.steps.count() == 2  # a step in the future is refused with a message
    assert batch.steps.get(kind="harvest").photo

    certificates = reverse("seller:batch-certificate-add", kwargs={"pk": batch.pk})
    assert client.post(certificates, {"kind": "ocop", "ocop": ocop_certificate.pk}).status_code == 302
    assert (
        client.post(
            certificates, {"kind": "vietgap", "number": "VietGAP-TT-12-34", "issuer": "Trung tâm Chứng nhận"}
        ).status_code
        == 302
    )
    missing = client.post(certificates, {"kind": "organic"})
    assert missing.status_code == 400 and "Hãy nhập số giấy chứng nhận." in missing.content.decode()
    assert sorted(batch.certificates.values_list("kind", flat=True)) == [
        CertificateKind.OCOP,
        CertificateKind.VIETGAP,
    ]

    detail = client.get(reverse("seller:batch-detail", kwargs={"pk": batch.pk})).content.decode()
    assert "Gặt bằng máy" in detail and "VietGAP-TT-12-34" in detail
    assert "Liên minh HTX đã xác minh" in detail

    page = client.get(f"/truy-xuat/{batch.code}/").content.decode()
    assert "Cánh đồng Tập Ninh" in page and "Hộ ông Đinh Văn Lâm, Xã Gia Viễn, Ninh Bình" in page


def test_bad_input_is_explained_not_a_500(client, cooperative, rice, batch):
    client.force_login(cooperative.user)
    url = reverse("seller:batch-create")
    base = {"product": rice.pk, "produced_on": TODAY.isoformat(), "quantity": "5"}
    taken = client.post(url, {**base, "code": batch.code.lower()})
    assert taken.status_code == 400
    assert f"Mã lô {batch.code} đã được dùng trên sàn; hãy đặt mã khác." in taken.content.decode()
    accented = client.post(url, {**base, "code": "Lô-1"})
    assert "Mã lô chỉ gồm chữ không dấu" in accented.content.decode()
    backwards = client.post(
        url, {**base, "code": "X1", "best_before": (TODAY - timedelta(days=1)).isoformat()}
    )
    assert "Hạn sử dụng phải sau ngày sản xuất." in backwards.content.decode()
    wrong_date = client.post(url, {**base, "code": "X2", "produced_on": "31/02/2026"})
    assert "Ngày không đúng, ví dụ 30/11/2026." in wrong_date.content.decode()
    assert Batch.objects.count() == 1


def test_quantity_cannot_go_below_what_was_shipped(client, cooperative, rice, batch):
    Batch.objects.filter(pk=batch.pk).update(remaining=40)  # 60 shipped
    client.force_login(cooperative.user)
    url = reverse("seller:batch-detail", kwargs={"pk": batch.pk})
    data = {
        "product": rice.pk,
        "code": batch.code,
        "produced_on": batch.produced_on.isoformat(),
        "quantity": "50",
    }
    response = client.post(url, data)
    assert "Đã xuất 60 từ lô này: số lượng của lô không thể nhỏ hơn 60." in response.content.decode()
    client.post(url, {**data, "quantity": "80"})
    batch.refresh_from_db()
    assert (batch.quantity, batch.remaining) == (80, 20)


def test_a_cooperative_sees_only_its_batches(client, cooperative, rice, batch, django_user_model):
    other = CooperativeFactory(name="HTX Cói Kim Sơn")
    mat = make_product(other, title="Chiếu cói Kim Sơn")
    theirs = make_batch(other, mat, code="KS-01")
    client.force_login(cooperative.user)
    listing = client.get(reverse("seller:batches")).content.decode()
    assert batch.code in listing and "KS-01" not in listing
    for name, kwargs in [
        ("seller:batch-detail", {"pk": theirs.pk}),
        ("seller:batch-labels", {"pk": theirs.pk}),
        ("seller:batch-label-png", {"pk": theirs.pk}),
        ("seller:batch-recall", {"pk": theirs.pk}),
    ]:
        assert client.get(reverse(name, kwargs=kwargs)).status_code in (404, 405)
        assert client.post(reverse(name, kwargs=kwargs), {"message": "x"}).status_code == 404
    # Their product is not a choice for a new batch of ours.
    response = client.post(
        reverse("seller:batch-create"),
        {"product": mat.pk, "code": "STOLEN", "produced_on": TODAY.isoformat(), "quantity": "1"},
    )
    assert response.status_code == 400 and not Batch.objects.filter(code="STOLEN").exists()
    theirs.refresh_from_db()
    assert theirs.recalled_at is None
