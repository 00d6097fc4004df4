"""Opening a ZIP (the pictures, or an .xlsx, which is one) without being fooled: the number of
entries, the total uncompressed size and each entry's compression ratio are checked from the
directory before anything is decompressed, and reads are capped as they go (the directory can lie)."""

from __future__ import annotations

import zipfile

from django.utils.translation import gettext as _

from .columns import MAX_RATIO, MAX_ZIP_ENTRIES
from .errors import FileRefused


def open_zip(handle, *, max_total: int, what: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileRefused(_("%(what)s bị hỏng hoặc không phải tệp ZIP.") % {"what": what})
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise FileRefused(
            _("%(what)s có quá nhiều tệp (%(n)s; tối đa %(max)s).")
            % {"what": what, "n": len(infos), "max": MAX_ZIP_ENTRIES}
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_RATIO and info.file_size > 1024 * 1024:
            raise FileRefused(
                _("%(what)s bị nén bất thường (tệp “%(name)s” nở ra gấp %(ratio)s lần). Tệp bị từ chối.")
                % {"what": what, "name": info.filename[:80], "ratio": int(ratio)}
            )
        if info.flag_bits & 0x1:
            raise FileRefused(_("%(what)s có mật khẩu; hãy nén lại không đặt mật khẩu.") % {"what": what})
    if total > max_total:
        raise FileRefused(
            _("%(what)s khi giải nén quá lớn (%(size)s MB; tối đa %(max)s MB).")
            % {"what": what, "size": total // (1024 * 1024), "max": max_total // (1024 * 1024)}
        )
    return archive


def read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """An entry's bytes, refusing it if it grows past `limit` whatever its header says."""
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileRefused(_("Tệp “%(name)s” quá lớn.") % {"name": info.filename[:80]})
    return data
