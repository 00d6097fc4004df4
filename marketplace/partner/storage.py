"""Private files (registration papers, certificate scans, product files, return and message
photos): kept outside MEDIA_ROOT and never served by /media/; only views that check who is asking
hand them out.

They live where `STORAGES["private"]` says: a folder on disk (`PRIVATE_MEDIA_ROOT`, the default)
or, with `AWS_STORAGE_BUCKET_NAME` set, an S3-compatible bucket with no public access whose links,
if ever asked for, are signed and short-lived (marketplace/settings/base.py, docs/scaling.md).
"""

import os
import uuid
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateStorage(FileSystemStorage):
    """FileSystemStorage rooted at settings.PRIVATE_MEDIA_ROOT, read at use (tests override it)."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


class PrivateFiles(LazyObject):
    """The storage of `STORAGES["private"]`, looked up at first use (and again after the setting
    changes), so the models' file fields follow the settings, whichever backend they name."""

    def _setup(self) -> None:
        try:
            self._wrapped = storages["private"]
        except InvalidStorageError:
            self._wrapped = PrivateStorage()


_private_files = PrivateFiles()


def private_storage() -> Any:
    return _private_files


@receiver(setting_changed)
def _storages_changed(*, setting: str, **kwargs: Any) -> None:
    if setting == "STORAGES":
        _private_files._wrapped = empty  # type: ignore[assignment]


# Documents arrive renamed after their content (marketplace/seller/uploads.validate_document).
DOCUMENT_EXTENSIONS = {"pdf", "jpg", "png", "webp", "heic"}


def _random_name(folder: str, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return f"{folder}/{uuid.uuid4().hex}.{extension if extension in DOCUMENT_EXTENSIONS else 'bin'}"


def registration_upload_to(instance, filename: str) -> str:
    return _random_name("registrations", filename)


def certificate_upload_to(instance, filename: str) -> str:
    return _random_name("ocop", filename)
