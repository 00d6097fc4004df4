"""A cooperative is Oscar's Partner, extended with what a storefront and the law need."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner

from marketplace.core.phones import format_phone


class Area(models.TextChoices):
    """The three former provinces merged into the new Ninh Bình on 1 Jul 2025."""

    NINH_BINH = "ninh_binh", _("Ninh Bình (cũ)")
    HA_NAM = "ha_nam", _("Hà Nam (cũ)")
    NAM_DINH = "nam_dinh", _("Nam Định (cũ)")


class Kind(models.TextChoices):
    COOPERATIVE = "htx", _("Hợp tác xã")
    COOPERATIVE_GROUP = "tht", _("Tổ hợp tác")
    HOUSEHOLD = "hkd", _("Hộ kinh doanh")
    ENTERPRISE = "dn", _("Doanh nghiệp")


class Status(models.TextChoices):
    APPLIED = "applied", _("Đang chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Bị từ chối")
    SUSPENDED = "suspended", _("Tạm ngừng")


class Partner(AbstractPartner):
    short_name = models.CharField(_("Tên ngắn"), max_length=64, blank=True)
    kind = models.CharField(_("Loại hình"), max_length=8, choices=Kind.choices, default=Kind.COOPERATIVE)
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.APPLIED, db_index=True
    )
    area = models.CharField(_("Vùng (tỉnh cũ)"), max_length=16, choices=Area.choices, blank=True)
    province = models.CharField(_("Tỉnh/thành phố"), max_length=64, default="Ninh Bình")
    commune = models.CharField(_("Xã/phường"), max_length=128, blank=True)
    street = models.CharField(_("Thôn, xóm, số nhà, đường"), max_length=255, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=16, blank=True, help_text=_("Lưu dạng +84…"))
    email = models.EmailField(_("Email"), blank=True)
    founded = models.PositiveSmallIntegerField(_("Năm thành lập"), null=True, blank=True)
    members = models.PositiveIntegerField(_("Số thành viên"), null=True, blank=True)
    story = models.TextField(_("Câu chuyện"), blank=True)
    registration_number = models.CharField(_("Số giấy chứng nhận đăng ký"), max_length=64, blank=True)
    tax_code = models.CharField(_("Mã số thuế"), max_length=14, blank=True)
    logo = models.ImageField(_("Logo"), upload_to="cooperatives/logos/", blank=True)

    class Meta(AbstractPartner.Meta):
        pass

    @property
    def display_phone(self) -> str:
        return format_phone(self.phone)

    @property
    def address_line(self) -> str:
        return ", ".join(part for part in [self.street, self.commune, f"tỉnh {self.province}"] if part)


from oscar.apps.partner.models import *  # noqa: E402,F403
