"""A cooperative imports products from a spreadsheet: the check first (nothing written), then the
import as a task, all rows or none, and the summary; the export in the same format."""

import io
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from marketplace.catalogue.models import Product
from marketplace.product_import.models import ProductImport
from marketplace.product_import.services import product_import_check
from marketplace.seller.models import ProductChange
from tests.factories import make_product

from .helpers import csv_text, jpeg, row, upload, xlsx, zipped


@pytest.fixture
def category(db):
    from marketplace.catalogue.services import category_ensure

    food = category_ensure(code="I", name="Thực phẩm")
    processed = category_ensure(code="I.3", name="Thực phẩm chế biến", parent=food)
    return category_ensure(code="I.3b", name="Chế biến từ gạo, ngũ cốc", parent=processed)


def send(client, data, name="san-pham.xlsx", pictures=None):
    files = {"file": upload(data, name)}
    if pictures is not None:
        files["pictures"] = pictures
    return client.post(reverse("seller:product-import"), files)


def last_job():
    return ProductImport.objects.order_by("-pk").first()


@pytest.mark.django_db
def test_template_is_a_vietnamese_workbook_with_an_example_and_the_groups(client, coop_a, category):
    client.force_login(coop_a.user)
    response = client.get(reverse("seller:product-template"))
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-san-pham.xlsx"'
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    assert book.sheetnames == ["Sản phẩm", "Nhóm OCOP", "Hướng dẫn"]
    rows = list(book["Sản phẩm"].iter_rows(values_only=True))
    assert rows[0][:5] == ("Mã SKU", "Tên sản phẩm", "Nhóm OCOP", "Giá bán (đồng)", "Số lượng còn")
    assert rows[1][0] == "GS-COMCHAY-200" and len(rows) == 2
    groups = list(book["Nhóm OCOP"].iter_rows(values_only=True))
    assert ("I.3b", "    Chế biến từ gạo, ngũ cốc", "Có") in groups


@pytest.mark.django_db(transaction=False)
def test_check_then_import_creates_updates_and_leaves_unchanged(
    client, coop_a, category, django_capture_on_commit_callbacks
):
    client.force_login(coop_a.user)
    own_sku = coop_a.product.upc
    record = coop_a.product.stockrecords.get()
    unchanged = make_product(coop_a.partner, sku="GS-GIU-NGUYEN", title="Giữ nguyên", price=30000, stock=4)
    rows = [
        row(
            "GS-COMCHAY-200",
            price="45.000",
            stock=120,
            category="I.3b",
            weight=200,
            local_only="Không",
            picture="comchay.jpg",
            description="Giòn, thơm.",
        ),
        row("GS-NEM-10", title="Nem chua Yên Mạc gói 10 chiếc", price=60000, stock=50, local_only="Có"),
        row(own_sku, title=coop_a.product.title, price=int(record.price) + 5000, stock=record.num_in_stock),
        row("GS-GIU-NGUYEN", title="Giữ nguyên", price=30000, stock=4),
    ]
    products_before = Product.objects.count()
    response = send(client, xlsx(rows), pictures=zipped({"anh/ComChay.JPG": jpeg()}))
    job = last_job()
    assert response["Location"] == reverse("seller:product-import-detail", kwargs={"pk": job.pk})
    page = client.get(response["Location"]).content.decode()
    assert "Sẽ thêm 2 sản phẩm mới, sửa 1, giữ nguyên 1." in page
    assert Product.objects.count() == products_before  # nothing written by the check

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("seller:product-import-start", kwargs={"pk": job.pk}))
    job.refresh_from_db()
    assert job.status == "done"
    assert job.summary == {"created": 2, "updated": 1, "unchanged": 1, "refused": 0}
    page = client.get(reverse("seller:product-import-detail", kwargs={"pk": job.pk})).content.decode()
    assert "Đã nhập xong" in page and "thêm mới" in page

    rice = Product.objects.get(upc="GS-COMCHAY-200")
    rice_record = rice.stockrecords.get()
    assert (rice.title, rice.weight_grams, rice.local_only, rice.description) == (
        "Cơm cháy chà bông 200 g",
        200,
        False,
        "Giòn, thơm.",
    )
    assert (rice_record.partner, rice_record.price, rice_record.num_in_stock) == (coop_a.partner, 45000, 120)
    assert list(rice.categories.all()) == [category] and rice.images.count() == 1
    assert Product.objects.get(upc="GS-NEM-10").local_only is True
    from search.models import ProductIndex

    # indexed for search in the import's transaction (once, not once per save)
    assert ProductIndex.objects.filter(product__upc__in=["GS-COMCHAY-200", "GS-NEM-10"]).count() == 2
    record.refresh_from_db()
    assert record.price == int(rows[2][3])
    assert ProductChange.objects.filter(product=coop_a.product, action="edited", fields=["price"]).exists()
    assert not ProductChange.objects.filter(product=unchanged).exists()
    listing = client.get(reverse("seller:products")).content.decode()
    assert "Nem chua Yên Mạc gói 10 chiếc" in listing


@pytest.mark.django_db
def test_report_names_row_column_and_value_and_nothing_is_written(client, coop_a):
    client.force_login(coop_a.user)
    rows = [row("A-1"), row("A-2", price="55k"), row("A-3", stock=-2), row("A-4", title="")]
    before = Product.objects.count()
    send(client, xlsx(rows))
    job = last_job()
    assert job.status == "ready" and job.refused_rows == 3
    page = client.get(reverse("seller:product-import-detail", kwargs={"pk": job.pk})).content.decode()
    assert "Dòng 3</strong> · Giá bán (đồng): giá “55k” không phải số" in page
    assert "Dòng 4</strong> · Số lượng còn: số lượng -2 phải từ 0 đến 1.000.000" in page
    assert "Dòng 5</strong> · Tên sản phẩm: chưa ghi (bắt buộc)" in page
    assert Product.objects.count() == before
    # Without choosing to skip the bad rows, the import does not start.
    client.post(reverse("seller:product-import-start", kwargs={"pk": job.pk}))
    job.refresh_from_db()
    assert job.status == "ready" and Product.objects.count() == before


@pytest.mark.django_db
def test_skipping_refused_rows_imports_the_rest_and_counts_them(
    client, coop_a, django_capture_on_commit_callbacks
):
    client.force_login(coop_a.user)
    send(client, xlsx([row("B-1"), row("B-2", price="abc"), row("B-3")]))
    job = last_job()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("seller:product-import-start", kwargs={"pk": job.pk}), {"skip_refused": "1"})
    job.refresh_from_db()
    assert job.summary == {"created": 2, "updated": 0, "unchanged": 0, "refused": 1}
    assert set(Product.objects.filter(upc__startswith="B-").values_list("upc", flat=True)) == {"B-1", "B-3"}


@pytest.mark.django_db
def test_the_import_is_all_or_nothing(client, coop_a, monkeypatch, django_capture_on_commit_callbacks):
    """A failure on the last row (here: the database refuses) leaves none of the rows written."""
    from marketplace.product_import import services

    client.force_login(coop_a.user)
    send(client, xlsx([row("C-1"), row("C-2"), row("C-3")]))
    job = last_job()
    real_apply = services._apply

    def apply(job, row, pictures):
        if row.values["sku"] == "C-3":
            raise RuntimeError("database went away")
        real_apply(job, row, pictures)

    monkeypatch.setattr(services, "_apply", apply)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("seller:product-import-start", kwargs={"pk": job.pk}))
    assert not Product.objects.filter(upc__startswith="C-").exists()
    job.refresh_from_db()
    assert job.status == "running"  # the outbox retries it later (the task is safe to run twice)
    monkeypatch.setattr(services, "_apply", real_apply)
    assert services.product_import_run(import_id=job.pk) == "done"
    assert Product.objects.filter(upc__startswith="C-").count() == 3


@pytest.mark.django_db
def test_import_is_enqueued_through_the_outbox(client, coop_a):
    from marketplace.outbox.models import OutboxMessage

    client.force_login(coop_a.user)
    send(client, xlsx([row("D-1")]))
    job = last_job()
    client.post(reverse("seller:product-import-start", kwargs={"pk": job.pk}))
    message = OutboxMessage.objects.get(key=f"product-import:{job.pk}")
    assert message.task == "marketplace.product_import.tasks.product_import_run"
    assert message.kwargs == {"import_id": job.pk}


@pytest.mark.django_db
def test_progress_status_while_running(client, coop_a):
    from django.core.cache import cache

    from marketplace.product_import.services import progress_key

    client.force_login(coop_a.user)
    send(client, xlsx([row(f"E-{n}") for n in range(40)]))
    job = last_job()
    ProductImport.objects.filter(pk=job.pk).update(status="running")
    cache.set(progress_key(job.pk), 25)
    status = client.get(reverse("seller:product-import-status", kwargs={"pk": job.pk})).json()
    assert status == {"status": "running", "done": 25, "total": 40, "percent": 62}
    page = client.get(reverse("seller:product-import-detail", kwargs={"pk": job.pk})).content.decode()
    assert 'value="62"' in page and "seller-import.js" in page


@pytest.mark.django_db
def test_export_has_the_cooperatives_products_and_imports_back_unchanged(client, coop_a, coop_b):
    client.force_login(coop_a.user)
    response = client.get(reverse("seller:product-export"))
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    values = list(book["Sản phẩm"].iter_rows(values_only=True))[1:]
    assert [r[1] for r in values] == [coop_a.product.title]
    job = product_import_check(partner=coop_a.partner, by=coop_a.user, upload=upload(response.content))
    assert (job.status, job.plan) == ("ready", {"create": 0, "update": 0, "unchanged": 1})
    csv = client.get(reverse("seller:product-export") + "?format=csv")
    assert csv.content.startswith(b"\xef\xbb\xbf") and coop_a.product.title.encode() in csv.content
    assert coop_b.product.title.encode() not in csv.content


@pytest.mark.django_db
def test_csv_utf8_with_semicolons_is_read(client, coop_a):
    client.force_login(coop_a.user)
    data = csv_text([row("F-1", title="Mắm tép Gia Viễn 500 g")], sep=";").encode("utf-8")
    send(client, data, name="san-pham.csv")
    job = last_job()
    assert (job.status, job.encoding, job.plan["create"]) == ("ready", "utf-8", 1)


@pytest.mark.django_db
def test_a_row_changing_the_stock_of_a_product_kept_by_batch_is_refused(client, coop_a):
    from marketplace.traceability import services as batches

    product = make_product(
        coop_a.partner, title="Cơm cháy chà bông 200 g", price=45000, stock=10, sku="KEPT-1"
    )
    batches.batch_create(
        partner=coop_a.partner, product=product, code="KEPT-2611", produced_on=date.today(), quantity=12
    )
    client.force_login(coop_a.user)
    send(client, xlsx([row("KEPT-1", stock=40), row("KEPT-1B", stock=5)]))
    job = last_job()
    assert job.refused_rows == 1
    page = client.get(reverse("seller:product-import-detail", kwargs={"pk": job.pk})).content.decode()
    assert "Số lượng còn: sản phẩm này tính số lượng theo lô (hiện còn 12)" in page
    send(client, xlsx([row("KEPT-1", stock=12, price=46000)]))  # the batches' number, as exported
    assert last_job().refused_rows == 0
