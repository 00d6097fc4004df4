"""The seller centre's own records: staff invitations and the history of product edits."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


class AssistedAction(models.Model):
    """Something alliance staff did in a cooperative's seller centre on its behalf: both names are
    kept (the staff member and the cooperative). Shown to the cooperative's owners and emailed to
    them once a day. Never changed or deleted."""

    START, STOP, ACTION = "start", "stop", "action"
    KINDS = [
        (START, _("Bắt đầu thao tác thay")),
        (STOP, _("Kết thúc thao tác thay")),
        (ACTION, _("Thao tác")),
    ]

    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="assisted_actions")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    staff_name = models.CharField(max_length=255)  # as it read at the time, if the account is renamed
    kind = models.CharField(max_length=8, choices=KINDS, default=ACTION)
    url_name = models.CharField(max_length=64, blank=True)  # which seller-centre step, a stable code
    target = models.CharField(max_length=255, blank=True)  # the product, order or certificate acted on
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Thao tác thay hợp tác xã")
        verbose_name_plural = _("Thao tác thay hợp tác xã")
        ordering = ["-at", "-pk"]
        permissions = [("act_for_cooperative", _("Thao tác thay cho hợp tác xã"))]

    def __str__(self) -> str:
        return f"{self.staff_name} → {self.partner_id}: {self.kind} {self.url_name}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("AssistedAction rows are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("AssistedAction rows are never deleted.")

    @property
    def label(self) -> str:
        if self.kind != self.ACTION:
            return str(dict(self.KINDS)[self.kind])
        return str(ASSISTED_STEPS.get(self.url_name, _("Thao tác khác")))


# What each seller-centre step is called in the history and the daily email (records keep the URL
# name, a stable code). Steps missing here read "Thao tác khác", with their target.
ASSISTED_STEPS = {
    "product-create": pgettext_lazy("thao tác thay", "Thêm sản phẩm"),
    "product-edit": pgettext_lazy("thao tác thay", "Sửa sản phẩm"),
    "product-visibility": pgettext_lazy("thao tác thay", "Ẩn hoặc hiện sản phẩm"),
    "certificate-create": pgettext_lazy("thao tác thay", "Thêm giấy chứng nhận OCOP"),
    "order-confirm": pgettext_lazy("thao tác thay", "Xác nhận đơn"),
    "order-pack": pgettext_lazy("thao tác thay", "Đóng gói đơn"),
    "order-ship": pgettext_lazy("thao tác thay", "Giao đơn cho vận chuyển"),
    "order-deliver": pgettext_lazy("thao tác thay", "Ghi nhận đã giao đơn"),
    "order-complete": pgettext_lazy("thao tác thay", "Hoàn tất đơn"),
    "order-paid": pgettext_lazy("thao tác thay", "Ghi nhận tiền chuyển khoản"),
    "order-cancel": pgettext_lazy("thao tác thay", "Huỷ đơn"),
    "profile": pgettext_lazy("thao tác thay", "Sửa hồ sơ hợp tác xã"),
}
