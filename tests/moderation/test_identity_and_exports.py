"""No seller sells before alliance staff have verified its identity (approval needs it, and an
unverified cooperative's products are not on sale), and the export of a seller's identification and
sales for an authority: Excel, alliance admins only, every export recorded."""

import io
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from marketplace.catalogue.selectors import on_sale
from marketplace.moderation import services
from marketplace.moderation.models import AuthorityExport
from marketplace.partner.models import Partner, Status
from tests.helpers.orders import place_order, split_order


@pytest.mark.django_db
def test_an_unverified_cooperative_sells_nothing(client, seller_a, home):
    Partner.objects.filter(pk=seller_a.partner.pk).update(identity_verified_at=None)
    assert not Partner.objects.approved().filter(pk=seller_a.partner.pk).exists()
    assert not on_sale().filter(pk=seller_a.product.pk).exists()
    assert "Cơm cháy chà bông" not in client.get("/catalogue/").content.decode()
    assert client.get(f"/cooperatives/{seller_a.partner.code}/").status_code == 404


@pytest.mark.django_db
def test_a_cooperative_cannot_be_approved_or_reinstated_before_verification(staff_user, seller_a):
    from django.core.exceptions import ValidationError

    from marketplace.partner import services as partner_services

    Partner.objects.filter(pk=seller_a.partner.pk).update(status=Status.APPLIED, identity_verified_at=None)
    with pytest.raises(ValidationError, match="Chưa xác minh danh tính"):
        partner_services.cooperative_status_change(
            partner=seller_a.partner, to_status=Status.APPROVED, by=staff_user
        )
    with pytest.raises(ValidationError, match="mã định danh điện tử"):
        partner_services.cooperative_identity_verify(
            partner=seller_a.partner, by=staff_user, method="vneid", document="CCCD", vneid_reference=""
        )


def sold(seller):
    order = place_order(seller.product, number="700001")
    (suborder,) = split_order(order)
    return suborder


def export(client, seller, **changes):
    today = timezone.localdate()
    data = {
        "partner": seller.partner.pk,
        "start": (today - timedelta(days=30)).isoformat(),
        "end": today.isoformat(),
        "requested_by": "Công an tỉnh Ninh Bình, công văn số 123/CV-PC03",
    }
    data.update(changes)
    return client.post("/dashboard/moderation/exports/", data)


@pytest.mark.django_db
def test_an_admin_exports_a_sellers_identification_and_sales_and_it_is_recorded(
    seller_a, seller_b, staff_user, signed_in
):
    suborder = sold(seller_a)
    sold_by_b = place_order(seller_b.product, number="700002")
    split_order(sold_by_b)
    response = export(signed_in(staff_user), seller_a)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Người bán", "Đơn hàng", "Dòng hàng"]
    identity = dict(book["Người bán"].iter_rows(min_row=2, values_only=True))
    assert identity["Tên"] == "Hợp tác xã Cơm cháy Gia Sinh"
    assert identity["Cách xác minh danh tính"] == "Cán bộ Liên minh đối chiếu giấy tờ"
    assert identity["Cơ quan yêu cầu"] == "Công an tỉnh Ninh Bình, công văn số 123/CV-PC03"
    orders = list(book["Đơn hàng"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in orders] == [suborder.number]  # B's sale is not in it
    assert orders[0][6] == int(suborder.total)
    lines = list(book["Dòng hàng"].iter_rows(min_row=2, values_only=True))
    assert [(row[1], row[3], row[5]) for row in lines] == [("Cơm cháy chà bông 200 g", 1, 45000)]
    record = AuthorityExport.objects.get()
    assert (record.partner, record.made_by) == (seller_a.partner, staff_user)
    assert record.period_end == timezone.localdate()
    listing = signed_in(staff_user).get("/dashboard/moderation/exports/").content.decode()
    assert "Công an tỉnh Ninh Bình" in listing and staff_user.email in listing
    with pytest.raises(ValueError):
        record.delete()


@pytest.mark.django_db
def test_staff_without_the_permission_and_sellers_cannot_export(seller_a, moderator_user, signed_in):
    assert export(signed_in(moderator_user), seller_a).status_code == 403
    assert export(signed_in(seller_a.user), seller_a).status_code == 403
    with pytest.raises(PermissionDenied):
        services.authority_export(
            partner=seller_a.partner,
            by=moderator_user,
            start=timezone.localdate(),
            end=timezone.localdate(),
            requested_by="x",
        )
    assert not AuthorityExport.objects.exists()
    moderator_user.user_permissions.add(Permission.objects.get(codename="export_for_authorities"))
    moderator = type(moderator_user).objects.get(pk=moderator_user.pk)
    assert export(signed_in(moderator), seller_a).status_code == 200
    assert AuthorityExport.objects.get().made_by == moderator


@pytest.mark.django_db
def test_a_bad_period_is_refused_with_a_message(seller_a, staff_user, signed_in):
    response = export(signed_in(staff_user), seller_a, start="2026-12-31", end="2026-01-01")
    assert response.status_code == 400
    assert "Ngày bắt đầu phải trước ngày kết thúc." in response.content.decode()
    assert not AuthorityExport.objects.exists()
