"""Placeholder product pictures and cooperative logos drawn with Pillow.

Pure Python + Pillow (no Django). Output is deterministic for the same inputs on
the same machine (no randomness other than a PRNG seeded from the inputs, no
timestamps in the files).

Fonts: a system font with Vietnamese glyphs is preferred (DejaVu Sans, then a few
other common families). If none is found, Pillow's bundled default font is used;
that font has no Vietnamese glyphs, so unsupported diacritics are stripped
character by character (keeping any marks the font can render) instead of being
drawn as boxes.
"""

import colorsys
import glob
import hashlib
import io
import math
import os
import random
import unicodedata
from functools import cache, lru_cache
from itertools import combinations

from PIL import Image, ImageDraw, ImageFont

SCALE = 2  # supersampling factor for smooth edges

GROUP_LABELS = {
    "I": "Thực phẩm",
    "II": "Đồ uống",
    "III": "Dược liệu",
    "IV": "Thủ công mỹ nghệ",
    "V": "Sinh vật cảnh",
    "VI": "Du lịch cộng đồng",
}

# background, light accent, main motif colour, dark (text) colour
PALETTES = {
    "I": ((246, 222, 182), (252, 238, 212), (214, 120, 52), (92, 52, 22)),
    "II": ((196, 226, 228), (226, 242, 242), (38, 120, 138), (18, 60, 72)),
    "III": ((208, 230, 196), (232, 244, 224), (74, 138, 72), (34, 72, 36)),
    "IV": ((236, 214, 190), (248, 234, 218), (160, 100, 58), (82, 50, 28)),
    "V": ((248, 216, 222), (253, 236, 240), (206, 86, 120), (100, 34, 56)),
    "VI": ((204, 224, 244), (232, 242, 252), (58, 120, 176), (26, 56, 92)),
}

_BOLD_CANDIDATES = (
    "DejaVuSans-Bold.ttf",
    "NotoSans-Bold.ttf",
    "LiberationSans-Bold.ttf",
    "Arial Bold.ttf",
    "arialbd.ttf",
)
_REGULAR_CANDIDATES = (
    "DejaVuSans.ttf",
    "NotoSans-Regular.ttf",
    "LiberationSans-Regular.ttf",
    "Arial.ttf",
    "arial.ttf",
)
_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "/usr/X11R6/lib/X11/fonts",
    os.path.expanduser("~/.fonts"),
    os.path.expanduser("~/.local/share/fonts"),
    "/Library/Fonts",
    "/System/Library/Fonts",
    "C:/Windows/Fonts",
)
_VIETNAMESE_PROBE = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐƯ"


# ---------------------------------------------------------------------------
# Fonts and glyph coverage
# ---------------------------------------------------------------------------
@cache
def _find_font_file(bold):
    names = _BOLD_CANDIDATES if bold else _REGULAR_CANDIDATES
    for name in names:
        for base in _FONT_DIRS:
            if not os.path.isdir(base):
                continue
            direct = os.path.join(base, name)
            hits = (
                [direct]
                if os.path.isfile(direct)
                else sorted(glob.glob(os.path.join(base, "**", name), recursive=True))
            )
            for path in hits:
                try:
                    font = ImageFont.truetype(path, 24)
                except OSError:
                    continue
                if all(_font_has(font, ch) for ch in _VIETNAMESE_PROBE):
                    return path
    return None


@lru_cache(maxsize=64)
def _font(size, bold=True):
    path = _find_font_file(bold) or _find_font_file(not bold)
    if path:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            pass
    try:
        return ImageFont.load_default(size=size)  # FreeType build of Pillow >= 10.1
    except (TypeError, OSError, ImportError):
        return _ScaledBitmapFont(ImageFont.load_default(), size)  # no FreeType: ASCII bitmap font


class _ScaledBitmapFont:
    """Pillow's ASCII bitmap font blown up to ``size`` pixels (Pillow without FreeType)."""

    def __init__(self, font, size):
        self.font = font
        self.size = size
        _left, top, _right, bottom = font.getbbox("Ag")
        self.scale = max(1, size / max(1, bottom - top))

    def getlength(self, text):
        left, _top, right, _bottom = self.font.getbbox(text)
        return (right - left) * self.scale

    def render(self, text):
        left, top, right, bottom = self.font.getbbox(text)
        mask = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
        ImageDraw.Draw(mask).text((-left, -top), text, font=self.font, fill=255)
        return mask.resize(
            (round(mask.width * self.scale), round(mask.height * self.scale)), Image.Resampling.BICUBIC
        )


def _is_freetype(font):
    return isinstance(font, ImageFont.FreeTypeFont)


def _mask_signature(font, text):
    mask = font.getmask(text)
    return mask.size, bytes(mask)


@lru_cache(maxsize=64)
def _notdef_signature(font):
    # U+FFFF is a noncharacter: no font maps it, so it renders as .notdef
    return _mask_signature(font, "\uffff")


def _font_has(font, ch):
    """True if ``font`` has a real glyph for the single character ``ch``."""
    if ch.isascii() and (ch.isprintable() or ch.isspace()):
        return True
    if not _is_freetype(font):
        return False
    try:
        return _mask_signature(font, ch) != _notdef_signature(font)
    except Exception:  # noqa: BLE001 - any rendering failure means "not supported"
        return False


@lru_cache(maxsize=4096)
def _char_for_font(font, ch):
    if _font_has(font, ch):
        return ch
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if base == "đ":
        base, marks = "d", ""
    elif base == "Đ":
        base, marks = "D", ""
    # keep as many marks as the font can render as one precomposed character,
    # preferring vowel marks (breve, circumflex, horn) over tone marks
    # (NFD puts vowel marks such as circumflex, breve and horn before tone marks)
    for keep in range(len(marks) - 1, 0, -1):
        for subset in combinations(marks, keep):
            candidate = unicodedata.normalize("NFC", base + "".join(subset))
            if len(candidate) == 1 and _font_has(font, candidate):
                return candidate
    if _font_has(font, base):
        return base
    if unicodedata.category(ch)[0] in "PSZ":
        replacements = {"–": "-", "—": "-", "×": "x", "…": "...", "°": "o", "₫": "d", "·": "-", "\u00a0": " "}
        rep = replacements.get(ch, "")
        return "".join(c for c in rep if _font_has(font, c))
    return ""


def renderable(text, font):
    """``text`` (NFC) with characters the font cannot draw simplified or removed."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_char_for_font(font, ch) for ch in text)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def _seed(*parts):
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def _group(code):
    code = (code or "").strip().upper()
    top = code.split(".", 1)[0]
    return top if top in PALETTES else "I"


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=False))


def _text_width(font, text):
    if hasattr(font, "getlength"):
        return font.getlength(text)
    left, _top, right, _bottom = font.getbbox(text)
    return right - left


def _draw_text(draw, xy, text, font, fill):
    """Draw ``text`` centred on ``xy`` (falls back to bbox maths for bitmap fonts)."""
    if isinstance(font, _ScaledBitmapFont):
        mask = font.render(text)
        x, y = round(xy[0] - mask.width / 2), round(xy[1] - mask.height / 2)
        draw.bitmap((x, y), mask, fill=fill)
        return
    try:
        draw.text(xy, text, font=font, fill=fill, anchor="mm")
    except (ValueError, TypeError):
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        draw.text((xy[0] - (left + right) / 2, xy[1] - (top + bottom) / 2), text, font=font, fill=fill)


_UNITS = {"g", "kg", "ml", "l", "lít", "cm", "m", "mét", "chiếc", "người", "cành", "đêm", "ngày", "%"}


def _tokens(text):
    """Words, with a number glued to its unit ("500 ml") so they stay on one line."""
    words = text.split()
    tokens = []
    for word in words:
        if tokens and word.lower().strip("(),") in _UNITS and tokens[-1][-1:].isdigit():
            tokens[-1] = f"{tokens[-1]} {word}"
        else:
            tokens.append(word)
    return tokens


def _wrap(text, font, max_width, max_lines):
    """Fewest lines that fit, with break points chosen to balance line widths."""
    tokens = _tokens(text)
    if not tokens:
        return [""], True
    n = len(tokens)
    for count in range(1, max_lines + 1):
        if count > n or n > 40:  # very long text: skip the search, fill greedily
            break
        best, best_width = None, None
        for cuts in combinations(range(1, n), count - 1):
            bounds = (0, *cuts, n)
            lines = [" ".join(tokens[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
            widest = max(_text_width(font, line) for line in lines)
            if best_width is None or widest < best_width:
                best, best_width = lines, widest
        if best_width is not None and best_width <= max_width:
            return best, True
    # does not fit: greedy fill of max_lines lines (the caller shrinks or ellipsizes)
    lines, current = [], ""
    for token in tokens:
        trial = f"{current} {token}".strip()
        if _text_width(font, trial) <= max_width or not current:
            current = trial
        else:
            lines.append(current)
            current = token
    lines.append(current)
    return lines, False


def _ellipsize(lines, font, max_width, max_lines):
    lines = lines[:max_lines]
    dots = "…" if _font_has(font, "…") else "..."
    last = lines[-1]
    while last and _text_width(font, last + dots) > max_width:
        last = last[:-1].rstrip()
    lines[-1] = last + dots
    return lines


def _leaf(draw, cx, cy, length, width, angle, fill, vein=None):
    """A pointed leaf from (cx, cy) in direction ``angle`` (radians)."""
    pts = []
    steps = 24
    for i in range(steps + 1):
        t = i / steps
        pts.append((t, math.sin(math.pi * t) * width / 2))
    for i in range(steps, -1, -1):
        t = i / steps
        pts.append((t, -math.sin(math.pi * t) * width / 2))
    ca, sa = math.cos(angle), math.sin(angle)
    poly = [(cx + ca * t * length - sa * w, cy + sa * t * length + ca * w) for t, w in pts]
    draw.polygon(poly, fill=fill)
    if vein:
        draw.line(
            [(cx, cy), (cx + ca * length * 0.9, cy + sa * length * 0.9)],
            fill=vein,
            width=max(2, int(width / 10)),
        )


# ---------------------------------------------------------------------------
# Motifs (drawn in a box centred on (cx, cy) with half-size r)
# ---------------------------------------------------------------------------
def _motif_food(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # steam
    for i, dx in enumerate((-0.35, 0, 0.35)):
        x = cx + dx * r
        pts = [(x + math.sin(t / 6 + i) * r * 0.06, cy - r * 0.35 - t * r * 0.012) for t in range(0, 40)]
        d.line(pts, fill=light, width=int(r * 0.05), joint="curve")
    # rice mound
    d.ellipse([cx - r * 0.72, cy - r * 0.38, cx + r * 0.72, cy + r * 0.22], fill=(255, 252, 244))
    for _ in range(26):
        gx = cx + rng.uniform(-0.55, 0.55) * r
        gy = cy + rng.uniform(-0.28, 0.02) * r
        d.ellipse([gx - r * 0.03, gy - r * 0.015, gx + r * 0.03, gy + r * 0.015], fill=(236, 228, 210))
    # bowl
    d.chord([cx - r * 0.9, cy - r * 0.55, cx + r * 0.9, cy + r * 0.75], 0, 180, fill=main)
    d.rectangle([cx - r * 0.92, cy + r * 0.08, cx + r * 0.92, cy + r * 0.16], fill=dark)
    d.rounded_rectangle(
        [cx - r * 0.3, cy + r * 0.72, cx + r * 0.3, cy + r * 0.84], radius=r * 0.04, fill=dark
    )
    for k in range(3):
        x = cx + (k - 1) * r * 0.38
        d.ellipse([x - r * 0.07, cy + r * 0.35, x + r * 0.07, cy + r * 0.49], fill=light)
    # chopsticks
    d.line([(cx + r * 0.35, cy - r * 0.2), (cx + r * 1.05, cy - r * 0.95)], fill=dark, width=int(r * 0.05))
    d.line([(cx + r * 0.48, cy - r * 0.15), (cx + r * 1.15, cy - r * 0.85)], fill=dark, width=int(r * 0.05))
    # leaf
    _leaf(
        d, cx - r * 0.85, cy + r * 0.1, r * 0.55, r * 0.24, math.radians(-150), (92, 150, 72), (60, 110, 50)
    )


def _motif_drinks(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # bottle
    bx = cx - r * 0.25
    d.rounded_rectangle(
        [bx - r * 0.34, cy - r * 0.35, bx + r * 0.34, cy + r * 0.9], radius=r * 0.14, fill=main
    )
    d.polygon(
        [
            (bx - r * 0.34, cy - r * 0.2),
            (bx - r * 0.12, cy - r * 0.62),
            (bx + r * 0.12, cy - r * 0.62),
            (bx + r * 0.34, cy - r * 0.2),
        ],
        fill=main,
    )
    d.rectangle([bx - r * 0.12, cy - r * 0.95, bx + r * 0.12, cy - r * 0.6], fill=main)
    d.rounded_rectangle(
        [bx - r * 0.15, cy - r * 1.08, bx + r * 0.15, cy - r * 0.92], radius=r * 0.04, fill=dark
    )
    d.rounded_rectangle(
        [bx - r * 0.26, cy + r * 0.1, bx + r * 0.26, cy + r * 0.55], radius=r * 0.05, fill=light
    )
    d.line([(bx - r * 0.15, cy + r * 0.25), (bx + r * 0.15, cy + r * 0.25)], fill=main, width=int(r * 0.04))
    d.line([(bx - r * 0.1, cy + r * 0.38), (bx + r * 0.1, cy + r * 0.38)], fill=main, width=int(r * 0.03))
    d.line([(bx - r * 0.22, cy - r * 0.25), (bx - r * 0.22, cy + r * 0.0)], fill=light, width=int(r * 0.04))
    # cup
    ux = cx + r * 0.55
    d.polygon(
        [
            (ux - r * 0.3, cy + r * 0.35),
            (ux + r * 0.3, cy + r * 0.35),
            (ux + r * 0.22, cy + r * 0.9),
            (ux - r * 0.22, cy + r * 0.9),
        ],
        fill=dark,
    )
    d.ellipse([ux - r * 0.3, cy + r * 0.29, ux + r * 0.3, cy + r * 0.41], fill=light)
    # bubbles
    for _ in range(5):
        x = ux + rng.uniform(-0.2, 0.2) * r
        y = cy + rng.uniform(-0.4, 0.15) * r
        s = rng.uniform(0.03, 0.07) * r
        d.ellipse([x - s, y - s, x + s, y + s], outline=main, width=max(2, int(r * 0.02)))


def _motif_herbal(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # mortar
    d.chord([cx - r * 0.6, cy + r * 0.15, cx + r * 0.6, cy + r * 1.05], 0, 180, fill=dark)
    d.rectangle([cx - r * 0.66, cy + r * 0.52, cx + r * 0.66, cy + r * 0.62], fill=dark)
    # sprig: curved stem with paired leaves
    ts = [i / 30 for i in range(31)]
    stem = [(cx + math.sin(t * 1.4) * r * 0.12, cy + r * 0.55 - t * r * 1.4) for t in ts]
    d.line(stem, fill=main, width=int(r * 0.05), joint="curve")
    for i, (x, y) in enumerate(stem[6::5]):
        size = 1 - i * 0.12
        _leaf(d, x, y, r * 0.55 * size, r * 0.24 * size, math.radians(-25), main, light)
        _leaf(d, x, y, r * 0.55 * size, r * 0.24 * size, math.radians(-155), main, light)
    tx, ty = stem[-1]
    _leaf(d, tx, ty + r * 0.05, r * 0.3, r * 0.14, math.radians(-90), main, light)
    # small flowers on the side
    for k in range(3):
        fx = cx + r * (0.72 + 0.12 * k)
        fy = cy - r * (0.5 - 0.35 * k)
        for a in range(5):
            ang = a * 2 * math.pi / 5
            px, py = fx + math.cos(ang) * r * 0.07, fy + math.sin(ang) * r * 0.07
            d.ellipse([px - r * 0.06, py - r * 0.06, px + r * 0.06, py + r * 0.06], fill=(250, 250, 240))
        d.ellipse([fx - r * 0.04, fy - r * 0.04, fx + r * 0.04, fy + r * 0.04], fill=(238, 190, 60))


def _motif_crafts(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # woven mat: over-under strips inside a rounded square
    size = r * 1.7
    x0, y0 = cx - size / 2, cy - size / 2
    d.rounded_rectangle(
        [x0 - r * 0.06, y0 - r * 0.06, x0 + size + r * 0.06, y0 + size + r * 0.06], radius=r * 0.12, fill=dark
    )
    n = 7
    cell = size / n
    gap = cell * 0.1
    for i in range(n):
        for j in range(n):
            over = (i + j) % 2 == 0
            colour = main if over else light
            x, y = x0 + i * cell, y0 + j * cell
            if over:  # horizontal strand
                d.rectangle([x, y + gap, x + cell, y + cell - gap], fill=colour)
                d.line([(x, y + cell / 2), (x + cell, y + cell / 2)], fill=_mix(main, dark, 0.3), width=1)
            else:  # vertical strand
                d.rectangle([x + gap, y, x + cell - gap, y + cell], fill=colour)
                d.line([(x + cell / 2, y), (x + cell / 2, y + cell)], fill=_mix(light, main, 0.3), width=1)


def _motif_ornamental(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # pot
    d.polygon(
        [
            (cx - r * 0.45, cy + r * 0.45),
            (cx + r * 0.45, cy + r * 0.45),
            (cx + r * 0.33, cy + r * 1.0),
            (cx - r * 0.33, cy + r * 1.0),
        ],
        fill=(176, 98, 64),
    )
    d.rounded_rectangle(
        [cx - r * 0.52, cy + r * 0.38, cx + r * 0.52, cy + r * 0.52], radius=r * 0.04, fill=(150, 80, 52)
    )
    # stem and leaves
    d.line([(cx, cy + r * 0.4), (cx, cy - r * 0.35)], fill=(74, 128, 64), width=int(r * 0.06))
    _leaf(d, cx, cy + r * 0.2, r * 0.55, r * 0.22, math.radians(-30), (92, 150, 72), (60, 110, 50))
    _leaf(d, cx, cy + r * 0.05, r * 0.5, r * 0.2, math.radians(-150), (92, 150, 72), (60, 110, 50))
    # flower
    fy = cy - r * 0.5
    petals = 8
    for a in range(petals):
        ang = a * 2 * math.pi / petals
        px, py = cx + math.cos(ang) * r * 0.3, fy + math.sin(ang) * r * 0.3
        d.ellipse([px - r * 0.2, py - r * 0.2, px + r * 0.2, py + r * 0.2], fill=main)
    for a in range(petals):
        ang = a * 2 * math.pi / petals + math.pi / petals
        px, py = cx + math.cos(ang) * r * 0.17, fy + math.sin(ang) * r * 0.17
        d.ellipse([px - r * 0.12, py - r * 0.12, px + r * 0.12, py + r * 0.12], fill=light)
    d.ellipse([cx - r * 0.12, fy - r * 0.12, cx + r * 0.12, fy + r * 0.12], fill=(240, 186, 60))


def _motif_tourism(d, cx, cy, r, pal, rng):
    _bg, light, main, dark = pal
    # sun
    d.ellipse([cx + r * 0.45, cy - r * 0.95, cx + r * 0.85, cy - r * 0.55], fill=(246, 196, 84))
    # karst mountains: rounded tall peaks
    peaks = [(-0.75, 0.95, 0.34), (-0.25, 1.25, 0.3), (0.3, 0.85, 0.36), (0.75, 1.05, 0.28)]
    base_y = cy + r * 0.35
    for k, (px, h, w) in enumerate(peaks):
        colour = _mix(main, dark, 0.15 * (k % 2))
        x = cx + px * r
        top = base_y - h * r
        d.rounded_rectangle([x - w * r, top, x + w * r, base_y + r * 0.05], radius=w * r * 0.9, fill=colour)
    # water
    d.rounded_rectangle([cx - r * 1.2, base_y, cx + r * 1.2, cy + r * 1.0], radius=r * 0.3, fill=light)
    d.rectangle([cx - r * 1.2, base_y, cx + r * 1.2, base_y + r * 0.3], fill=light)
    for k in range(3):
        y = base_y + r * (0.18 + 0.2 * k)
        x = cx - r * 0.9 + k * r * 0.5
        d.line([(x, y), (x + r * 0.35, y)], fill=_mix(light, main, 0.4), width=max(2, int(r * 0.025)))
    # sampan with a rower
    by = base_y + r * 0.38
    d.polygon(
        [
            (cx - r * 0.55, by),
            (cx + r * 0.55, by),
            (cx + r * 0.38, by + r * 0.14),
            (cx - r * 0.38, by + r * 0.14),
        ],
        fill=dark,
    )
    d.polygon(
        [
            (cx - r * 0.08, by),
            (cx + r * 0.08, by),
            (cx + r * 0.05, by - r * 0.22),
            (cx - r * 0.05, by - r * 0.22),
        ],
        fill=dark,
    )
    d.polygon(
        [(cx - r * 0.16, by - r * 0.2), (cx + r * 0.16, by - r * 0.2), (cx, by - r * 0.34)],
        fill=(226, 178, 80),
    )
    d.line([(cx + r * 0.05, by - r * 0.12), (cx + r * 0.45, by + r * 0.3)], fill=dark, width=int(r * 0.03))


MOTIFS = {
    "I": _motif_food,
    "II": _motif_drinks,
    "III": _motif_herbal,
    "IV": _motif_crafts,
    "V": _motif_ornamental,
    "VI": _motif_tourism,
}


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------
def draw_product_picture(title: str, group_code: str, *, size=(800, 600)) -> bytes:
    """A flat illustration card for a product: JPEG bytes.

    ``group_code`` may be a group ("IV") or any category code ("I.3b").
    """
    title = unicodedata.normalize("NFC", (title or "").strip())
    group = _group(group_code)
    pal = PALETTES[group]
    bg, light, main, dark = pal
    rng = random.Random(_seed(title, group, f"{size[0]}x{size[1]}"))  # noqa: S311 - layout only

    w, h = int(size[0]), int(size[1])
    W, H = w * SCALE, h * SCALE
    img = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(img)

    # soft background decoration: big circles and dots
    for _ in range(3):
        rad = rng.uniform(0.25, 0.45) * min(W, H)
        x = rng.uniform(0, W)
        y = rng.uniform(0, H * 0.7)
        d.ellipse([x - rad, y - rad, x + rad, y + rad], fill=_mix(bg, light, rng.uniform(0.35, 0.7)))
    for _ in range(18):
        rad = rng.uniform(0.004, 0.01) * min(W, H)
        x, y = rng.uniform(0, W), rng.uniform(0, H * 0.68)
        d.ellipse([x - rad, y - rad, x + rad, y + rad], fill=_mix(bg, main, 0.35))

    # text panel
    panel_top = int(H * 0.66)
    d.rectangle([0, panel_top, W, H], fill=(255, 253, 248))
    d.rectangle([0, panel_top, W, panel_top + max(4, H // 120)], fill=main)

    # motif
    motif_r = min(W * 0.22, H * 0.24)
    MOTIFS[group](d, W * 0.5, H * 0.35, motif_r, pal, rng)

    # group badge
    badge_font = _font(max(10, int(H * 0.038)), bold=True)
    sep = " · " if _font_has(badge_font, "·") else " - "
    badge = renderable(sep.join(("OCOP", group, GROUP_LABELS[group])), badge_font)
    pad = H * 0.018
    bw = _text_width(badge_font, badge)
    bx, by = W * 0.03, H * 0.035
    bh = getattr(badge_font, "size", 11)
    d.rounded_rectangle([bx, by, bx + bw + 2 * pad, by + bh + 2 * pad], radius=(bh + 2 * pad) / 2, fill=dark)
    _draw_text(d, (bx + pad + bw / 2, by + pad + bh / 2), badge, badge_font, (255, 255, 255))

    # title: largest font that fits in 3 lines
    margin = W * 0.06
    max_width = W - 2 * margin
    area_h = H - panel_top - H * 0.06
    lines, font = [], None
    start = int(H * 0.085)
    for fsize in range(start, max(8, int(H * 0.04)) - 1, -2):
        font = _font(fsize, bold=True)
        text = renderable(title, font) or "?"
        lines, fits = _wrap(text, font, max_width, 3)
        line_h = fsize * 1.22
        if fits and len(lines) * line_h <= area_h:
            break
    else:
        lines = _ellipsize(lines, font, max_width, 3)
    fsize = getattr(font, "size", 11)
    line_h = fsize * 1.22
    y = panel_top + (H - panel_top) / 2 - (len(lines) - 1) * line_h / 2
    for line in lines:
        _draw_text(d, (W / 2, y), line, font, dark)
        y += line_h

    img = img.resize((w, h), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=88, optimize=True)
    return buf.getvalue()


_LEGAL_PREFIXES = (
    "hợp tác xã",
    "htx",
    "tổ hợp tác",
    "tht",
    "hộ kinh doanh",
    "hkd",
    "công ty tnhh",
    "công ty cổ phần",
    "công ty cp",
    "công ty",
    "doanh nghiệp tư nhân",
)


def _initials(name):
    name = " ".join(unicodedata.normalize("NFC", name or "").split())
    lowered = name.lower()
    for prefix in _LEGAL_PREFIXES:
        if lowered.startswith(prefix + " "):
            name = name[len(prefix) + 1 :]
            break
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[-2][0] + words[-1][0]).upper()


def draw_logo(name: str, *, size=(256, 256)) -> bytes:
    """Initials in a coloured circle on a transparent background: PNG bytes."""
    name = unicodedata.normalize("NFC", name or "")
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    hue = digest[0] / 255
    sat = 0.45 + digest[1] / 255 * 0.2
    val = 0.55 + digest[2] / 255 * 0.15
    colour = tuple(round(c * 255) for c in colorsys.hsv_to_rgb(hue, sat, val))
    ring = _mix(colour, (255, 255, 255), 0.35)

    w, h = int(size[0]), int(size[1])
    S = 4
    W, H = w * S, h * S
    img = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    dia = min(W, H) * 0.96
    x0, y0 = (W - dia) / 2, (H - dia) / 2
    d.ellipse([x0, y0, x0 + dia, y0 + dia], fill=colour + (255,))
    inset = dia * 0.06
    d.ellipse(
        [x0 + inset, y0 + inset, x0 + dia - inset, y0 + dia - inset],
        outline=ring + (255,),
        width=max(2, int(dia * 0.02)),
    )

    fsize = int(dia * 0.4)
    font = _font(fsize, bold=True)
    text = renderable(_initials(name), font) or "?"
    while _text_width(font, text) > dia * 0.7 and fsize > 8:
        fsize -= 4
        font = _font(fsize, bold=True)
        text = renderable(_initials(name), font) or "?"
    _draw_text(d, (W / 2, H / 2), text, font, (255, 255, 255, 255))

    img = img.resize((w, h), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
