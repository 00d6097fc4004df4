"""Labels for a batch: an A4 PDF sheet of QR labels (3×8 of 70×37 mm, or 2×5 of 105×57 mm) to
print at the cooperative, and one label as a PNG for a phone (to send over Zalo or print on a
small label printer). Each label has the product's name, the batch code, the dates and a QR code
of the batch's public address. DejaVu Sans is embedded, so Vietnamese prints everywhere."""

from __future__ import annotations

import io
from dataclasses import dataclass

import segno
from django.utils.translation import gettext as _

from marketplace.core.fonts import dejavu_path, pdf_font

from .models import Batch
from .selectors import batch_url

MM = 72 / 25.4  # PDF points per millimetre
A4_MM = (210.0, 297.0)


@dataclass(frozen=True)
class Layout:
    columns: int
    rows: int
    width_mm: float
    height_mm: float
    title_pt: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def margins_mm(self) -> tuple[float, float]:
        return (A4_MM[0] - self.columns * self.width_mm) / 2, (A4_MM[1] - self.rows * self.height_mm) / 2


LAYOUTS = {
    "3x8": Layout(3, 8, 70, 37, 7.5),
    "2x5": Layout(2, 5, 105, 57, 11),
}
MAX_SHEETS = 20


def label_lines(batch: Batch) -> list[str]:
    """The lines under the product's name."""
    lines = [
        _("Lô: %(code)s") % {"code": batch.code},
        _("NSX: %(date)s") % {"date": batch.produced_on.strftime("%d/%m/%Y")},
    ]
    if batch.best_before:
        lines.append(_("HSD: %(date)s") % {"date": batch.best_before.strftime("%d/%m/%Y")})
    return lines


def _qr_rows(url: str) -> list[list[bool]]:
    """The QR code's modules, quiet zone of 4 included."""
    qr = segno.make(url, error="m")
    return [[bool(cell) for cell in row] for row in qr.matrix_iter(border=4)]


def labels_pdf(batch: Batch, layout: Layout, count: int | None = None) -> bytes:
    """`count` labels (a whole sheet by default) of the batch on A4."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    font = pdf_font()
    count = max(1, min(count or layout.per_sheet, layout.per_sheet * MAX_SHEETS))
    url = batch_url(batch)
    rows = _qr_rows(url)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(_("Tem truy xuất lô %(code)s") % {"code": batch.code})
    pdf.setAuthor("Chợ HTX")
    left_mm, top_mm = layout.margins_mm
    width, height = layout.width_mm * MM, layout.height_mm * MM
    pad = 2.5 * MM
    side = height - 2 * pad
    # The QR code is drawn once as a form (a PDF XObject) and placed on every label.
    pdf.beginForm("qr", lowerx=0, lowery=0, upperx=side, uppery=side)
    _draw_qr(pdf, rows, 0, 0, side)
    pdf.endForm()
    for index in range(count):
        if index and index % layout.per_sheet == 0:
            pdf.showPage()
        slot = index % layout.per_sheet
        column, row = slot % layout.columns, slot // layout.columns
        x = (left_mm * MM) + column * width
        y = A4[1] - (top_mm * MM) - (row + 1) * height
        pdf.saveState()
        pdf.translate(x + pad, y + pad)
        pdf.doForm("qr")
        pdf.restoreState()
        text_x = x + pad + side + 1.5 * MM
        text_width = width - (text_x - x) - pad
        size = layout.title_pt
        cursor = y + height - pad - size
        pdf.setFont("DejaVuSans-Bold", size)
        for part in simpleSplit(batch.product.title, "DejaVuSans-Bold", size, text_width)[:3]:
            pdf.drawString(text_x, cursor, part)
            cursor -= size * 1.2
        cursor -= size * 0.3
        pdf.setFont(font, size * 0.9)
        for line in label_lines(batch):
            pdf.drawString(text_x, cursor, line)
            cursor -= size * 1.15
        pdf.setFont(font, size * 0.7)
        for part in simpleSplit(_("Quét mã QR để xem nguồn gốc"), font, size * 0.7, text_width)[:2]:
            pdf.drawString(text_x, max(cursor, y + pad), part)
            cursor -= size * 0.85
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _draw_qr(pdf, rows: list[list[bool]], x: float, y: float, side: float) -> None:
    module = side / len(rows)
    pdf.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(rows):
        top = y + side - (r + 1) * module
        c = 0
        while c < len(row):  # one rectangle per run of dark modules
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            pdf.rect(x + start * module, top, (c - start) * module, module, stroke=0, fill=1)


def label_png(batch: Batch, px_per_mm: int = 12) -> bytes:
    """One 70×37 mm label as a PNG (840×444 px)."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = 70 * px_per_mm, 37 * px_per_mm
    image = Image.new("L", (width, height), 255)  # grey levels: small and quick to encode
    draw = ImageDraw.Draw(image)
    pad = 3 * px_per_mm
    url = batch_url(batch)
    modules = len(segno.make(url, error="m").matrix) + 8  # with the quiet zone of 4
    scale = (height - 2 * pad) // modules
    side = scale * modules
    drawn = io.BytesIO()
    segno.make(url, error="m").save(drawn, kind="png", scale=scale, border=4)
    image.paste(Image.open(drawn).convert("L"), (pad, (height - side) // 2))
    text_x = pad + side + 2 * px_per_mm
    text_width = width - text_x - pad
    bold = ImageFont.truetype(str(dejavu_path(bold=True)), 3 * px_per_mm)
    regular = ImageFont.truetype(str(dejavu_path()), int(2.6 * px_per_mm))
    small = ImageFont.truetype(str(dejavu_path()), 2 * px_per_mm)
    cursor = pad
    for part in _wrap(draw, batch.product.title, bold, text_width)[:3]:
        draw.text((text_x, cursor), part, font=bold, fill=0)
        cursor += int(3.6 * px_per_mm)
    cursor += px_per_mm
    for line in label_lines(batch):
        draw.text((text_x, cursor), line, font=regular, fill=0)
        cursor += int(3.2 * px_per_mm)
    for part in _wrap(draw, _("Quét mã QR để xem nguồn gốc"), small, text_width)[:2]:
        draw.text((text_x, cursor), part, font=small, fill=0)
        cursor += int(2.4 * px_per_mm)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
