"""The seller centre's own records: staff invitations and the history of product edits."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _token() -> str:
    return secrets.token_urlsafe(32)


class StaffInvitation(models.Model):
    """An invitation, by email, to help run a cooperative's account."""

    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="staff_invitations")
    email = models.EmailField(_("Email"))
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Lời mời quản lý")
        verbose_name_plural = _("Lời mời quản lý")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.email} → {self.partner_id}"


# What the history of a product says, in the reader's language (the records keep stable codes).
CHANGE_ACTIONS = {
    "created": _("Thêm mới"),
    "edited": _("Sửa"),
    "hidden": _("Ẩn khỏi sàn"),
    "shown": _("Hiện lại trên sàn"),
}
CHANGED_FIELDS = {
    "title": _("tên"),
    "description": _("mô tả"),
    "weight_grams": _("khối lượng"),
    "price": _("giá"),
    "num_in_stock": _("số lượng"),
    "category": _("nhóm OCOP"),
    "certificate": _("chứng nhận OCOP"),
    "photo": _("ảnh"),
}


class ProductChange(models.Model):
    """A product created or edited in the seller centre: who, when, which fields."""

    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="product_changes")
    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="seller_changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=16)  # created, edited, hidden, shown
    fields = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("Thay đổi sản phẩm")
        verbose_name_plural = _("Thay đổi sản phẩm")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.product_id} {self.action}"

    @property
    def action_label(self) -> str:
        return str(CHANGE_ACTIONS.get(self.action, self.action))

    @property
    def field_labels(self) -> list[str]:
        return [str(CHANGED_FIELDS.get(name, name)) for name in self.fields or []]
