"""The demo's drawn pictures: one illustration per kind of product, storefront covers and logos.

Product pictures and covers are shapes only (motifs in marketplace.demo.motifs): no product
name is ever drawn in them. Logos are a cooperative's initials in a circle.

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
import os
import random
import re
import unicodedata
from functools import cache, lru_cache
from itertools import combinations

from PIL import Image, ImageDraw, ImageFont, ImageOps

from .motifs import KIND_MOTIFS, _mix

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


# ---------------------------------------------------------------------------
# Which picture a product gets: its kind, from words of its title, else its OCOP subgroup
# ---------------------------------------------------------------------------
# (words as they appear in titles, kind); the first rule that matches wins, so the more
# specific words come first ("bánh đa nem" is rice paper, not nem; "rượu sen" is a spirit).
KIND_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("homestay",), "homestay"),
    (("tour", "trải nghiệm", "lớp nấu"), "tour"),
    (("cơm cháy",), "com_chay"),
    (("mật ong",), "honey"),
    (("rượu",), "spirit"),
    (("bánh đa", "bánh phở"), "rice_paper"),
    (("bánh quế",), "wafer"),
    (("thêu", "ren"), "embroidery"),
    (("sen",), "lotus"),
    (("trà", "chè"), "tea"),
    (("nước mắm", "mắm"), "fish_sauce"),
    (("dê",), "goat"),
    (("nem", "giò"), "nem"),
    (("bánh gai", "bánh nhãn", "kẹo", "hộp quà"), "sweets"),
    (("kho", "chả"), "clay_pot"),
    (("chuối",), "banana"),
    (("ngao", "sò", "hến"), "clams"),
    (("muối",), "rice"),
    (("gạo", "nếp"), "rice"),
    (("cói",), "sedge"),
    (("sơn mài",), "lacquer"),
    (("lụa", "cà vạt"), "silk"),
    (("đá",), "stone"),
    (("đồng",), "bronze"),
    (("bonsai", "cây"), "bonsai"),
    (("koi",), "koi"),
    (("son", "tinh dầu"), "cosmetics"),
)
SUBGROUP_KINDS = {
    "I.2a": "rice",
    "I.2b": "honey",
    "I.4a": "fish_sauce",
    "I.5": "tea",
    "II.1": "spirit",
    "III.2": "cosmetics",
    "III.3": "cosmetics",
    "IV.2": "silk",
    "V.1": "flower",
    "V.2": "bonsai",
    "V.3": "koi",
}
GROUP_KINDS = {"I": "food", "II": "drink", "III": "herbal", "IV": "woven", "V": "flower", "VI": "tour"}
# the group whose colours a kind is drawn in
KIND_GROUPS = {
    **dict.fromkeys(("food", "rice", "com_chay", "honey", "fish_sauce", "goat", "nem", "rice_paper"), "I"),
    **dict.fromkeys(("wafer", "sweets", "clay_pot", "banana", "clams"), "I"),
    **dict.fromkeys(("drink", "spirit", "tea", "lotus"), "II"),
    **dict.fromkeys(("herbal", "cosmetics"), "III"),
    **dict.fromkeys(("woven", "sedge", "lacquer", "embroidery", "silk", "stone", "bronze"), "IV"),
    **dict.fromkeys(("flower", "bonsai", "koi"), "V"),
    **dict.fromkeys(("tour", "homestay"), "VI"),
}
KINDS = tuple(KIND_MOTIFS)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())) + " "


def picture_kind(title: str, category_code: str) -> str:
    """The kind of picture for a product: from its title's words, else its OCOP subgroup or group."""
    words = _words(title)
    for needles, kind in KIND_RULES:
        if any(f" {needle} " in words for needle in needles):
            return kind
    code = (category_code or "").strip()
    for prefix in sorted(SUBGROUP_KINDS, key=len, reverse=True):
        if code.startswith(prefix):
            return SUBGROUP_KINDS[prefix]
    return GROUP_KINDS[_group(code)]


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------
def _canvas(kind: str, seed: str, size: tuple[int, int]):
    pal = PALETTES[KIND_GROUPS.get(kind, "I")]
    bg, light, main, _dark = pal
    rng = random.Random(_seed(kind, seed, f"{size[0]}x{size[1]}"))  # noqa: S311 - layout only
    W, H = int(size[0]) * SCALE, int(size[1]) * SCALE
    img = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(img)
    for _ in range(3):  # soft background circles and dots
        rad = rng.uniform(0.25, 0.45) * min(W, H)
        x, y = rng.uniform(0, W), rng.uniform(0, H)
        d.ellipse([x - rad, y - rad, x + rad, y + rad], fill=_mix(bg, light, rng.uniform(0.35, 0.7)))
    for _ in range(18):
        rad = rng.uniform(0.004, 0.01) * min(W, H)
        x, y = rng.uniform(0, W), rng.uniform(0, H)
        d.ellipse([x - rad, y - rad, x + rad, y + rad], fill=_mix(bg, main, 0.35))
    return img, d, pal, rng


def _encode(img: Image.Image, size: tuple[int, int], image_format: str = "JPEG") -> bytes:
    img = img.resize((int(size[0]), int(size[1])), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format=image_format, quality=86, optimize=True)
    return buf.getvalue()


def draw_product_picture(kind: str, *, seed: str = "", size: tuple[int, int] = (900, 900)) -> bytes:
    """A flat illustration of a kind of product (see ``KINDS``): JPEG bytes, no text in it.

    ``seed`` (a SKU, say) only varies the background, so products of one kind look related but
    not identical. The product's name is not an input: nothing can print it.
    """
    if kind not in KIND_MOTIFS:
        raise ValueError(f"unknown picture kind {kind!r}")
    img, d, pal, rng = _canvas(kind, seed, size)
    W, H = img.size
    # the motif sits in the middle square, so a 4:3 or 3:1 crop keeps it whole; the seed moves,
    # sizes and mirrors it a little so that two products of one kind are told apart
    r = min(W, H) * 0.32 * rng.uniform(0.88, 1.04)
    cx, cy = W / 2 + rng.uniform(-0.04, 0.04) * W, H / 2 + rng.uniform(-0.03, 0.03) * H
    KIND_MOTIFS[kind](d, cx, cy, r, pal, rng)
    if rng.random() < 0.5:
        img = ImageOps.mirror(img)
    return _encode(img, size)


def draw_cover(kinds: list[str], *, seed: str = "", size: tuple[int, int] = (1500, 500)) -> bytes:
    """A storefront cover: the province's landscape (karst hills, rice fields) with up to three of
    the cooperative's kinds of product in front. JPEG bytes, no text."""
    kinds = [kind for kind in dict.fromkeys(kinds) if kind in KIND_MOTIFS][:3] or ["rice"]
    rng = random.Random(_seed("cover", seed))  # noqa: S311 - layout only
    W, H = int(size[0]) * SCALE, int(size[1]) * SCALE
    sky, hills, field = (214, 234, 240), (120, 160, 130), (160, 196, 110)
    img = Image.new("RGB", (W, H), sky)
    d = ImageDraw.Draw(img)
    d.ellipse([W * 0.8, H * 0.08, W * 0.8 + H * 0.22, H * 0.3], fill=(250, 214, 120))
    x = -W * 0.05
    while x < W:  # karst hills: rounded peaks of varying height
        w = rng.uniform(0.06, 0.12) * W
        h = rng.uniform(0.3, 0.6) * H
        d.rounded_rectangle(
            [x, H * 0.62 - h, x + w, H * 0.7], radius=w * 0.45, fill=_mix(hills, sky, rng.uniform(0, 0.4))
        )
        x += w * rng.uniform(0.55, 0.9)
    d.rectangle([0, H * 0.62, W, H], fill=field)
    for k in range(9):  # rows of rice
        y = H * 0.66 + k * H * 0.04
        d.line([(0, y), (W, y + H * 0.02)], fill=_mix(field, hills, 0.35), width=max(2, int(H * 0.006)))
    r = H * 0.2
    for index, kind in enumerate(kinds):
        cx = W * (0.2 + 0.3 * index) if len(kinds) > 1 else W * 0.5
        d.ellipse(
            [cx - r * 1.35, H * 0.6 - r * 1.35, cx + r * 1.35, H * 0.6 + r * 1.35], fill=(252, 248, 238)
        )
        KIND_MOTIFS[kind](d, cx, H * 0.6, r, PALETTES[KIND_GROUPS.get(kind, "I")], rng)
    return _encode(img, size)


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
