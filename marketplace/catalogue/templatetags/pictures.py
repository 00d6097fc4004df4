"""Responsive pictures: every image served at the size it is shown.

    {% load pictures %}
    {% picture source alt="…" widths="200,400,600" ratio="1:1" sizes="50vw" eager=False css_class="" %}

renders a ``<picture>`` with a WebP ``<source>`` and a JPEG ``<img>`` (PNG for PNG originals, which
may be transparent), both with a ``srcset`` of
the given widths (never wider than the original: sizes the original cannot fill are left out),
``sizes``, ``width`` and ``height`` (so nothing jumps while it loads), and ``loading="lazy"``
unless ``eager`` (the first row of cards, a product's main picture, a storefront's cover); ``lazy``
overrides ``eager`` (cards in a grid that starts below the first screen: ``lazy=cards_below_fold``).
``ratio`` crops to that shape ("1:1" cards, "3:1" covers); ``ratio=""`` keeps the original shape.
``source`` is an image field file or a path in the media storage (Oscar's missing-image picture).
"""

import logging
from dataclasses import dataclass

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from oscar.core.thumbnails import get_thumbnailer

register = template.Library()
logger = logging.getLogger(__name__)

EAGER = mark_safe(' fetchpriority="high"')  # noqa: S308 - constant
LAZY = mark_safe(' loading="lazy" decoding="async"')  # noqa: S308 - constant


@dataclass(frozen=True)
class Thumb:
    url: str
    width: int
    height: int


def _geometry(width: int, ratio: str) -> tuple[str, dict]:
    if not ratio:
        return f"{width}x", {}
    across, down = (int(part) for part in ratio.split(":"))
    return f"{width}x{round(width * down / across)}", {"crop": "center"}


def thumbnails(source, *, widths: list[int], ratio: str, image_format: str) -> list[Thumb]:
    """One thumbnail per width that the original can fill (at least one), narrowest first."""
    thumbnailer = get_thumbnailer()
    found: dict[int, Thumb] = {}
    for width in sorted(widths):
        size, options = _geometry(width, ratio)
        thumb = thumbnailer.generate_thumbnail(
            source, size=size, upscale=False, format=image_format, quality=80, **options
        )
        narrower = thumb.width < width  # the original is narrower: wider sizes would repeat it
        if narrower and ratio:  # crop at the original's width, keeping the shape
            size, options = _geometry(thumb.width, ratio)
            thumb = thumbnailer.generate_thumbnail(
                source, size=size, upscale=False, format=image_format, quality=80, **options
            )
        found.setdefault(thumb.width, Thumb(thumb.url, thumb.width, thumb.height))
        if narrower:
            break
    return list(found.values())


def _srcset(thumbs: list[Thumb]) -> str:
    return ", ".join(f"{thumb.url} {thumb.width}w" for thumb in thumbs)


@register.simple_tag
def picture(
    source,
    *,
    alt: str = "",
    widths: str = "200,400,600",
    ratio: str = "1:1",
    sizes: str = "100vw",
    eager: bool = False,
    lazy: bool = False,
    css_class: str = "",
):
    if not source:
        return ""
    wanted = [int(width) for width in str(widths).split(",")]
    try:
        fallback = "PNG" if str(getattr(source, "name", source)).lower().endswith(".png") else "JPEG"
        webp = thumbnails(source, widths=wanted, ratio=ratio, image_format="WEBP")
        jpeg = thumbnails(source, widths=wanted, ratio=ratio, image_format=fallback)
    except Exception:  # noqa: BLE001 - a broken file must not break the page
        logger.warning("no thumbnails for %s", source, exc_info=True)
        return ""
    if not jpeg:
        return ""
    middle = jpeg[min(1, len(jpeg) - 1)]
    loading = EAGER if eager and not lazy else LAZY
    webp_source = format_html_join(
        "", '<source type="image/webp" srcset="{}" sizes="{}">', [(_srcset(webp), sizes)] if webp else []
    )
    return format_html(
        '<picture class="{}">{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}>'
        "</picture>",
        css_class,
        webp_source,
        middle.url,
        _srcset(jpeg),
        sizes,
        middle.width,
        middle.height,
        alt,
        loading,
    )


@register.filter
def above_fold(position) -> bool:
    """True for the first cards of a grid (forloop.counter 1–4): their pictures load at once."""
    return isinstance(position, int) and 1 <= position <= 4
