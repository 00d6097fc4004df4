"""DejaVu Sans, which covers Vietnamese, for the files we draw (PDF statements and labels, PNG
labels). Debian's fonts-dejavu-core installs it; CI installs it when the machine lacks it."""

from pathlib import Path

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu")]


def dejavu_path(bold: bool = False) -> Path:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    raise RuntimeError("DejaVu Sans is missing: install Debian's fonts-dejavu-core")


def pdf_font() -> str:
    """Register DejaVu Sans (and its bold, "DejaVuSans-Bold") with reportlab, embedded; its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(dejavu_path())))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(dejavu_path(bold=True))))
    return "DejaVuSans"
