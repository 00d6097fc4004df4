"""Demo batches: a dozen products of the floor (rice, cơm cháy, fish sauce, sedge crafts) with
their origin, the steps they went through, the certificates that apply and stock per batch, so
`/seller/batches/` has labels to print and `/truy-xuat/<code>/` pages to open. One batch is
recalled. Runs once per batch code: a second load leaves existing batches alone."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from marketplace.catalogue.models import Product
from marketplace.outbox.models import OutboxMessage, OutboxStatus
from marketplace.traceability import services
from marketplace.traceability.models import Batch

from . import data, pictures

RICE = [
    ("sowing", -150, "Gieo mạ trên chân ruộng của hợp tác xã", "Giống lúa thuần, mạ gieo khay."),
    ("harvest", -40, "Cánh đồng mẫu lớn của hợp tác xã", "Gặt bằng máy, phơi trên sân gạch 2 nắng."),
    (
        "processing",
        -25,
        "Xưởng xay xát của hợp tác xã",
        "Xát trắng, tách sạn, không đánh bóng, không hương liệu.",
    ),
    ("packing", -20, "Xưởng đóng gói của hợp tác xã", "Túi hút chân không 5 kg."),
]
CRACKERS = [
    ("harvest", -60, "Cánh đồng lúa nếp của hợp tác xã", "Gạo nếp vụ mùa của các hộ thành viên."),
    ("processing", -12, "Bếp nấu và lò sấy của hợp tác xã", "Nấu cơm, cán mỏng, sấy khô rồi chiên."),
    ("packing", -10, "Xưởng đóng gói của hợp tác xã", "Túi zip 200 g, hàn mép, có gói hút ẩm."),
]
FISH_SAUCE = [
    ("harvest", -420, "Cảng cá Giao Thủy", "Cá cơm than tươi, ướp muối ngay trên tàu."),
    (
        "processing",
        -400,
        "Nhà thùng gỗ của hợp tác xã",
        "Ủ chượp 12 tháng trong thùng gỗ với muối biển Bạch Long.",
    ),
    ("packing", -30, "Xưởng đóng chai của hợp tác xã", "Lọc, đóng chai thuỷ tinh, dán tem lô."),
]
SEDGE = [
    ("sowing", -200, "Bãi cói ven biển Kim Sơn", "Cói trồng trên đất bãi bồi, không phun thuốc."),
    ("harvest", -90, "Bãi cói ven biển Kim Sơn", "Cắt cói, chẻ và phơi 3 nắng."),
    ("processing", -30, "Nhà các hộ thành viên dệt cói", "Dệt và đan tay, nhuộm màu thực vật."),
    ("packing", -7, "Kho của hợp tác xã", "Kiểm từng chiếc, bọc giấy kraft."),
]

# (SKU, code, steps, origin place, quantity, days until best-before (None: none), VietGAP/organic)
BATCHES = [
    ("GS-COMCHAY-200", "GS-CC-2611-01", CRACKERS, "Hộ thành viên thôn Tập Ninh", 300, 180, None),
    ("GS-COMCHAY-MH-200", "GS-CCMH-2610-02", CRACKERS, "Hộ thành viên thôn Tập Ninh", 200, 150, None),
    # the batch after the recalled one: the product stays on sale, its stock kept by batch
    ("GS-COMCHAY-MH-200", "GS-CCMH-2611-03", CRACKERS, "Hộ thành viên thôn Tập Ninh", 120, 170, None),
    (
        "GS-GAONEP-2KG",
        "GS-NEP-2610-01",
        RICE,
        "Cánh đồng thôn Tập Ninh",
        120,
        365,
        ("vietgap", "VietGAP-TT-07-25-0113"),
    ),
    ("GS-MAMTEP-500", "GS-MT-2609-01", FISH_SAUCE[1:], "Đầm tép xã Gia Viễn", 150, 540, None),
    ("KS-GIOCOI-M", "KS-GIO-2611-01", SEDGE, "Hộ bà Phạm Thị Hoa, xóm 3", 80, None, None),
    ("KS-THAMCOI-6090", "KS-THAM-2610-01", SEDGE, "Tổ dệt thảm xóm 5", 40, None, None),
    ("KS-TUICOI-THEU", "KS-TUI-2611-01", SEDGE, "Tổ thêu xóm 2", 30, None, None),
    ("NL-COMCHAY-200", "NL-CC-2611-01", CRACKERS, "Hộ thành viên thôn Ngọc Lũ", 250, 180, None),
    (
        "NL-GAOBINHMY-5KG",
        "NL-BM-2610-01",
        RICE,
        "Cánh đồng Bình Mỹ",
        100,
        365,
        ("vietgap", "VietGAP-TT-07-25-0208"),
    ),
    (
        "HH-TAMXOAN-5KG",
        "HH-TX-2610-01",
        RICE,
        "Cánh đồng thôn Quyết Thắng",
        200,
        365,
        ("vietgap", "VietGAP-TT-07-24-0391"),
    ),
    (
        "HH-RUONGRUOI-5KG",
        "HH-RR-2610-01",
        RICE,
        "Ruộng rươi xóm Hải Đông",
        90,
        365,
        ("organic", "TCVN11041-HC-2025-17"),
    ),
    ("GT-NUOCMAM-500", "GT-NM-2611-01", FISH_SAUCE, "Tàu cá NĐ-90125-TS", 200, 730, None),
    ("GT-NUOCMAM-1L", "GT-NM1L-2611-01", FISH_SAUCE, "Tàu cá NĐ-90125-TS", 150, 730, None),
]
RECALLED = "GS-CCMH-2610-02"
RECALL_MESSAGE = (
    "Một số gói của lô này bị hở mép hàn nên cơm cháy có thể bị ỉu. Xin bạn đừng dùng những gói "
    "đã mềm; hợp tác xã sẽ đổi gói mới hoặc hoàn tiền, gọi 0912 345 678."
)
CATEGORIES = {item["sku"]: item["category"] for item in data.PRODUCTS}


def load_traceability(*, today: date | None = None) -> int:
    """The demo batches (once each); returns how many were made now."""
    today = today or timezone.localdate()
    made = 0
    for sku, code, steps, place, quantity, shelf_days, declared in BATCHES:
        product = Product.objects.filter(upc=sku).prefetch_related("stockrecords__partner").first()
        if product is None or Batch.objects.filter(code=code).exists():
            continue
        partner = product.stockrecords.all()[0].partner
        produced_on = today + timedelta(days=steps[-1][1])
        batch = services.batch_create(
            partner=partner,
            product=product,
            code=code,
            produced_on=produced_on,
            best_before=produced_on + timedelta(days=shelf_days) if shelf_days else None,
            quantity=quantity,
            origin_province=partner.province,
            origin_commune=partner.commune,
            origin_commune_code=partner.commune_code,
            origin_place=place,
        )
        for index, (kind, days, where, note) in enumerate(steps):
            photo = None
            if index == 0:  # one picture per batch keeps the demo light
                drawn = pictures.draw_product_picture(
                    pictures.picture_kind(product.title, CATEGORIES.get(sku, "")), seed=code, size=(720, 540)
                )
                photo = ContentFile(drawn, name=f"{code.lower()}.jpg")
            services.batch_step_add(
                batch=batch,
                kind=kind,
                happened_on=today + timedelta(days=days),
                place=where,
                note=note,
                photo=photo,
            )
        certificate = product.ocop_certificates.exclude(status="rejected").order_by("-signed_on").first()
        if certificate is not None:
            services.batch_certificate_add(batch=batch, kind="ocop", ocop=certificate)
        if declared:
            services.batch_certificate_add(
                batch=batch,
                kind=declared[0],
                number=declared[1],
                issuer="Trung tâm Chứng nhận Phù hợp (Quacert)"
                if declared[0] == "vietgap"
                else "Tổ chức chứng nhận hữu cơ",
                valid_until=today + timedelta(days=500),
            )
        made += 1
    return made


def load_recall() -> bool:
    """One recalled batch, its buyers' emails recorded as not sent (the demo's mailboxes are not real)."""
    batch = Batch.objects.filter(code=RECALLED, recalled_at__isnull=True).first()
    if batch is None:
        return False
    services.batch_recall(batch_id=batch.pk, message=RECALL_MESSAGE)
    OutboxMessage.objects.filter(key=f"batch-recall:{batch.pk}", dispatched_at__isnull=True).update(
        status=OutboxStatus.DISCARDED, last_error="demo data: not sent", handled_at=timezone.now()
    )
    return True
