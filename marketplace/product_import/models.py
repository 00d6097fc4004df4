"""A product file a cooperative uploaded: checked first (the report), then imported by a task."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.partner.storage import private_storage


def _upload_to(instance, filename: str) -> str:
    return f"product-imports/{instance.partner_id}/{filename}"


class ImportStatus(models.TextChoices):
    INVALID = "invalid", _("Có lỗi, chưa nhập")
    READY = "ready", _("Đã kiểm tra, chờ nhập")
    QUEUED = "queued", _("Đang chờ nhập")
    RUNNING = "running", _("Đang nhập")
    DONE = "done", _("Đã nhập xong")
    FAILED = "failed", _("Không nhập được")


class ProductImport(models.Model):
    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="product_imports")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    file = models.FileField(storage=private_storage, upload_to=_upload_to)
    file_name = models.CharField(max_length=255)
    pictures = models.FileField(storage=private_storage, upload_to=_upload_to, blank=True)
    status = models.CharField(max_length=16, choices=ImportStatus.choices, default=ImportStatus.INVALID)
    encoding = models.CharField(max_length=16, blank=True)
    total_rows = models.PositiveIntegerField(default=0)
    # [{"row": 12, "column": "Giá bán (đồng)", "message": "giá “55k” không phải số"}, …] (row 0: the file)
    problems = models.JSONField(default=list, blank=True)
    refused_rows = models.PositiveIntegerField(default=0)
    # What the check found: {"create": n, "update": n, "unchanged": n}
    plan = models.JSONField(default=dict, blank=True)
    skip_refused = models.BooleanField(default=False)
    # What the import did: {"created": n, "updated": n, "unchanged": n, "refused": n}
    summary = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Tệp nhập sản phẩm")
        verbose_name_plural = _("Tệp nhập sản phẩm")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.partner_id}: {self.file_name}"

    @property
    def is_working(self) -> bool:
        return self.status in {ImportStatus.QUEUED, ImportStatus.RUNNING}

    @property
    def valid_rows(self) -> int:
        return self.total_rows - self.refused_rows
