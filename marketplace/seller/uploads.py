"""Uploads from phones, checked by their content (never by name or browser-sent type).

- documents (registration papers, certificate scans): a PDF or an image, size-limited;
- photos: an image, size-limited, refused before decoding if it claims too many pixels
  (a decompression bomb), turned upright (EXIF), resized and re-encoded as JPEG without metadata.
"""

import io
import os
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

try:  # iPhones send HEIC
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover
    pass

PDF_MAGIC = b"%PDF-"
# The only image formats Pillow is allowed to decode (Pillow would otherwise try some forty: TIFF,
# PSD, EPS through Ghostscript, …), with the extension a stored file gets.
ACCEPTED_IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "HEIF": "heic"}
# What a stored document is served as, by the extension the server gave it.
DOCUMENT_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "heic": "image/heic",
}


def _check_size(upload) -> None:
    limit = settings.SELLER_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s). Tối đa %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def _open_image(upload) -> Image.Image:
    """Open (header only) and check the pixel count before anything is decoded."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=list(ACCEPTED_IMAGE_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("Ảnh có kích thước điểm ảnh quá lớn."), code="too_many_pixels")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise ValidationError(_("Tệp này không phải là ảnh hợp lệ."), code="not_an_image")
    width, height = image.size
    if width * height > settings.SELLER_IMAGE_MAX_PIXELS:
        raise ValidationError(_("Ảnh có kích thước điểm ảnh quá lớn."), code="too_many_pixels")
    return image


def _decode(image: Image.Image) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("Ảnh có kích thước điểm ảnh quá lớn."), code="too_many_pixels")
    except (OSError, ValueError, SyntaxError):
        raise ValidationError(_("Tệp ảnh bị hỏng hoặc không đọc được."), code="broken_image")
    return image


def validate_document(upload):
    """A PDF or an image (JPEG, PNG, WebP, HEIC), checked by content. Returns the upload, rewound,
    renamed after its content (`giay-to.pdf`, `giay-to.jpg`, …): the name the browser sent is dropped."""
    _check_size(upload)
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if head.lstrip().startswith(PDF_MAGIC):
        upload.name = "giay-to.pdf"
        return upload
    try:
        image = _decode(_open_image(upload))
    except ValidationError as error:
        if error.code == "not_an_image":
            raise ValidationError(_("Chỉ nhận ảnh chụp hoặc tệp PDF."), code="not_a_document")
        raise
    upload.seek(0)
    upload.name = f"giay-to.{ACCEPTED_IMAGE_FORMATS[image.format]}"
    return upload


def process_photo(upload) -> ContentFile:
    """A product or profile photo: validated, upright, at most SELLER_PHOTO_MAX_SIDE px, as JPEG."""
    _check_size(upload)
    image = _decode(_open_image(upload))
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, (255, 255, 255))
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    side = settings.SELLER_PHOTO_MAX_SIDE
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True)
    stem = os.path.splitext(os.path.basename(getattr(upload, "name", "") or "anh"))[0][:40] or "anh"
    return ContentFile(buffer.getvalue(), name=f"{stem}.jpg")
