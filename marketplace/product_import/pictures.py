"""The ZIP of pictures: found by file name (folders and letter case ignored), each picture read
with a size cap and decoded by the seller centre's photo checks (Pillow's pixel limits)."""

from __future__ import annotations

import io
import posixpath
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from marketplace.core.text import nfc
from marketplace.seller.uploads import ACCEPTED_IMAGE_FORMATS, process_photo

from .columns import MAX_PICTURE_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_BYTES
from .errors import FileRefused
from .zipguard import open_zip, read_capped


def picture_key(name: str) -> str:
    return nfc(posixpath.basename(str(name).replace("\\", "/"))).strip().lower()


class Pictures:
    def __init__(self, handle=None):
        self.archive: zipfile.ZipFile | None = None
        self.entries: dict[str, zipfile.ZipInfo] = {}
        if handle is None:
            return
        if getattr(handle, "size", 0) > MAX_ZIP_BYTES:
            raise FileRefused(_("Tệp ZIP ảnh quá lớn (tối đa %(max)s MB).") % {"max": MAX_ZIP_BYTES // 2**20})
        handle.seek(0)
        self.archive = open_zip(handle, max_total=MAX_UNZIPPED_BYTES, what=_("Tệp ZIP ảnh"))
        for info in self.archive.infolist():
            if info.is_dir() or picture_key(info.filename).startswith("."):
                continue
            self.entries.setdefault(picture_key(info.filename), info)

    def __bool__(self) -> bool:
        return self.archive is not None

    def problem(self, name: str) -> str:
        """Why the picture named in a row cannot be used ("" if it can)."""
        if self.archive is None:
            return _("chưa tải tệp ZIP ảnh lên")
        info = self.entries.get(picture_key(name))
        if info is None:
            return _("không có ảnh “%(name)s” trong tệp ZIP") % {"name": name}
        if info.file_size > MAX_PICTURE_BYTES:
            return _("ảnh “%(name)s” quá lớn (tối đa %(max)s MB)") % {
                "name": name,
                "max": MAX_PICTURE_BYTES // 2**20,
            }
        return ""

    def check(self, name: str) -> str:
        """`problem`, then the picture's header (format and pixel count; nothing is decoded)."""
        problem = self.problem(name)
        if problem:
            return problem
        info = self.entries[picture_key(name)]
        assert self.archive is not None  # `problem` found the entry, so there is an archive
        try:
            data = read_capped(self.archive, info, MAX_PICTURE_BYTES)
        except (FileRefused, zipfile.BadZipFile, OSError, EOFError):
            return _("ảnh “%(name)s” bị hỏng trong tệp ZIP") % {"name": name}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(io.BytesIO(data), formats=list(ACCEPTED_IMAGE_FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return _("ảnh “%(name)s” có kích thước điểm ảnh quá lớn") % {"name": name}
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            return _("“%(name)s” không phải ảnh JPEG, PNG, WebP hay HEIC") % {"name": name}
        width, height = image.size
        if width * height > settings.SELLER_IMAGE_MAX_PIXELS:
            return _("ảnh “%(name)s” có kích thước điểm ảnh quá lớn") % {"name": name}
        return ""

    def photo(self, name: str):
        """The picture, checked and re-encoded as JPEG (ValidationError or FileRefused if it is not one)."""
        info = self.entries[picture_key(name)]
        assert self.archive is not None  # entries are only read from an archive
        data = read_capped(self.archive, info, MAX_PICTURE_BYTES)
        try:
            return process_photo(SimpleUploadedFile(picture_key(name), data))
        except ValidationError as error:
            raise FileRefused(
                _("Ảnh “%(name)s”: %(error)s") % {"name": name, "error": " ".join(error.messages)}
            )
