"""Private files (registration papers, certificate scans): kept outside MEDIA_ROOT and never served
by /media/; only views that check who is asking hand them out."""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage


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


def private_storage() -> PrivateStorage:
    return PrivateStorage()


# Documents arrive renamed after their content (marketplace/seller/uploads.validate_document).
DOCUMENT_EXTENSIONS = {"pdf", "jpg", "png", "webp", "heic"}


def _random_name(folder: str, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return f"{folder}/{uuid.uuid4().hex}.{extension if extension in DOCUMENT_EXTENSIONS else 'bin'}"


def registration_upload_to(instance, filename: str) -> str:
    return _random_name("registrations", filename)


def certificate_upload_to(instance, filename: str) -> str:
    return _random_name("ocop", filename)
