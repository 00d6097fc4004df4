"""The public provenance page: what a buyer who scanned the label sees, without signing in, in a
fixed number of queries however many steps the batch has."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.ocop.models import Certificate, Verification
from marketplace.traceability import services
from marketplace.traceability.models import BatchCertificate

from .conftest import GTIN, TODAY, make_batch

pytestmark = pytest.mark.django_db


def add_steps(batch, n):
    kinds = ["sowing", "harvest", "processing", "packing"]
    for i in range(n):
        services.batch_step_add(
            batch=batch,
            kind=kinds[i % 4],
            happened_on=TODAY - timedelta(days=60 - i),
            place=f"Thửa ruộng số {i + 1}",
            note=f"Ghi chú {i + 1}",
        )


def test_the_page_shows_product_cooperative_origin_steps_certificates_and_a_buy_link(
    client, batch, rice, ocop_certificate
):
    add_steps(batch, 4)
    services.batch_certificate_add(batch=batch, kind="ocop", ocop=ocop_certificate)
    services.batch_certificate_add(
        batch=batch, kind="organic", number="HC-2025-77", valid_until=TODAY - timedelta(days=1)
    )
    response = client.get(f"/truy-xuat/{batch.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gạo tám thơm Hải Hậu 5 kg" in html
    assert "Hợp tác xã Nông nghiệp Hải Hậu" in html
    assert "Cánh đồng thôn Quyết Thắng, Xã Hải Hậu, Ninh Bình" in html
    assert html.index("Thửa ruộng số 1") < html.index("Thửa ruộng số 4")  # the timeline in date order
    assert "Gieo trồng" in html and "Đóng gói" in html
    assert batch.best_before.strftime("%d/%m/%Y") in html
    assert "1234/QĐ-UBND" in html and "Liên minh HTX đã xác minh" in html
    assert "HC-2025-77" in html and f"Đã hết hạn ngày {(TODAY - timedelta(days=1)):%d/%m/%Y}" in html
    assert f'href="{rice.get_absolute_url()}"' in html and "Mua sản phẩm này" in html
    assert "{% block share %}" not in html  # the share block renders (empty) without leaking template text


def test_a_revoked_or_expired_ocop_certificate_is_shown_as_such(client, batch, cooperative, ocop_certificate):
    link = services.batch_certificate_add(batch=batch, kind="ocop", ocop=ocop_certificate)
    Certificate.objects.filter(pk=ocop_certificate.pk).update(status=Verification.REJECTED)
    assert (
        "Đã bị thu hồi hoặc không được công nhận" in client.get(f"/truy-xuat/{batch.code}/").content.decode()
    )
    Certificate.objects.filter(pk=ocop_certificate.pk).update(
        status=Verification.VERIFIED, expires_on=TODAY - timedelta(days=2)
    )
    html = client.get(f"/truy-xuat/{batch.code}/").content.decode()
    assert f"Đã hết hạn ngày {(TODAY - timedelta(days=2)):%d/%m/%Y}" in html
    assert "Liên minh HTX đã xác minh" not in html
    assert BatchCertificate.objects.get(pk=link.pk).ocop_id == ocop_certificate.pk


def test_the_gs1_digital_link_opens_the_same_page(client, batch):
    for path in (f"/01/0{GTIN}/10/{batch.code}", f"/01/{GTIN}/10/{batch.code}/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Gạo tám thơm Hải Hậu 5 kg" in response.content.decode()
        assert (
            f'<link rel="canonical" href="http://127.0.0.1:8000/01/0{GTIN}/10/{batch.code}">'
            in response.content.decode()
        )
    assert client.get(f"/01/08930000000026/10/{batch.code}").status_code == 404  # another product's GTIN
    assert client.get("/01/08930000000019/10/NO-SUCH").status_code == 404
    assert client.get("/truy-xuat/NO-SUCH/").status_code == 404


def test_a_product_without_gtin_has_only_the_short_address(client, cooperative):
    from tests.factories import make_product

    crackers = make_product(cooperative, title="Cơm cháy chà bông 200 g", sku="CC-200")
    batch = make_batch(cooperative, crackers, code="CC-01")
    assert client.get("/truy-xuat/cc-01/").status_code == 200  # codes are found whatever the case
    assert client.get(f"/01/00000000000000/10/{batch.code}").status_code == 404


def test_query_count_does_not_grow_with_the_steps(client, cooperative, rice, ocop_certificate):
    small = make_batch(cooperative, rice, code="Q-1")
    large = make_batch(cooperative, rice, code="Q-2")
    add_steps(small, 1)
    add_steps(large, 12)
    for batch in (small, large):
        services.batch_certificate_add(batch=batch, kind="ocop", ocop=ocop_certificate)
        services.batch_certificate_add(batch=batch, kind="vietgap", number="VG-1")
        client.get(f"/truy-xuat/{batch.code}/")  # warm the caches (menu, footer)
    counts = []
    for batch in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/truy-xuat/{batch.code}/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 12, counts
