"""The versions of the floor's legal documents and who accepted which version, when and from where.

The words are written by editors as Wagtail pages (cms/models/legal.py); each publication that
changes a document's text or effective date freezes it here as the next version. Versions and
consents are never changed or deleted: a new text is a new version, a new acceptance a new row."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.core.append_only import AppendOnly


class Kind(models.TextChoices):
    REGULATIONS = "regulations", _("Quy chế hoạt động")
    PRIVACY = "privacy", _("Chính sách bảo mật")
    RETURNS = "returns", _("Đổi trả và hoàn tiền")
    SHIPPING = "shipping", _("Vận chuyển và giao nhận")
    PAYMENT = "payment", _("Phương thức thanh toán")


class Version(AppendOnly):
    kind = models.CharField(_("Văn bản"), max_length=16, choices=Kind.choices)
    number = models.PositiveIntegerField(_("Phiên bản số"))
    title = models.CharField(_("Tiêu đề"), max_length=255)
    body = models.TextField(_("Nội dung"))  # rich text as stored by Wagtail; rendered with |richtext
    effective_from = models.DateField(_("Có hiệu lực từ ngày"))
    changes = models.TextField(_("Những điểm thay đổi"), blank=True)
    published_at = models.DateTimeField(_("Công bố lúc"), default=timezone.now)
    # The Wagtail page and revision it was published from (no foreign key: the domain does not
    # depend on the CMS).
    page_id = models.PositiveIntegerField(null=True, blank=True)
    revision_id = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("Phiên bản văn bản pháp lý")
        ordering = ["kind", "-number"]
        constraints = [models.UniqueConstraint(fields=["kind", "number"], name="legal_version_unique_number")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – phiên bản {self.number}"


class Context(models.TextChoices):
    SIGNUP = "signup", _("Đăng ký tài khoản")
    CHECKOUT = "checkout", _("Đặt hàng")
    SELLER_APPLY = "seller_apply", _("Đăng ký bán hàng")
    SELLER_CENTRE = "seller_centre", _("Trung tâm người bán")
    ACCOUNT = "account", _("Đồng ý lại phiên bản mới")


class Consent(AppendOnly):
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="consents")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="consents"
    )
    email = models.EmailField(_("Email"), blank=True)  # a guest's address, or the user's at the time
    partner = models.ForeignKey(
        "partner.Partner", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order_number = models.CharField(_("Đơn hàng"), max_length=64, blank=True)
    context = models.CharField(_("Ở bước"), max_length=16, choices=Context.choices)
    ip = models.GenericIPAddressField(_("Địa chỉ IP"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("Đồng ý lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("Sự đồng ý")
        ordering = ["-accepted_at"]
        indexes = [models.Index(fields=["user", "version"], name="legal_consent_user_version")]

    def __str__(self) -> str:
        return f"{self.email or self.user_id} – {self.version}"
