"""A cooperative is Oscar's Partner, extended with what a storefront and the law need."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockRecord

from marketplace.core.phones import format_phone

from .banks import BANKS, bank_name
from .richtext import story_clean
from .storage import private_storage, registration_upload_to


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


class IdentityMethod(models.TextChoices):
    """How the seller's identity was verified before it may sell (E-commerce Law 2025)."""

    DOCUMENT = "document", _("Cán bộ Liên minh đối chiếu giấy tờ")
    VNEID = "vneid", _("Định danh điện tử VNeID")


class Role(models.TextChoices):
    """What a person may do for a cooperative. Only an owner changes where buyers' money goes
    (the bank account) and removes staff; staff run products, certificates and orders."""

    OWNER = "owner", _("Chủ gian hàng")
    STAFF = "staff", _("Nhân viên")


class PartnerQuerySet(models.QuerySet["Partner"]):
    def approved(self) -> "PartnerQuerySet":
        """The cooperatives a buyer may see and buy from: approved (not applied, rejected or
        suspended) and with the seller's identity verified."""
        return self.filter(status=Status.APPROVED, identity_verified_at__isnull=False)


class Partner(AbstractPartner):
    objects = PartnerQuerySet.as_manager()

    # Oscar's `users`, through PartnerStaff so that each member has a role in the cooperative.
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="partners",
        blank=True,
        verbose_name=_("Cán bộ"),
        through="PartnerStaff",
        through_fields=("partner", "user"),
    )
    short_name = models.CharField(_("Tên ngắn"), max_length=64, blank=True)
    kind = models.CharField(_("Loại hình"), max_length=8, choices=Kind.choices, default=Kind.COOPERATIVE)
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.APPLIED, db_index=True
    )
    area = models.CharField(_("Vùng (tỉnh cũ)"), max_length=16, choices=Area.choices, blank=True)
    province = models.CharField(_("Tỉnh/thành phố"), max_length=64, default="Ninh Bình")
    commune = models.CharField(_("Xã/phường"), max_length=128, blank=True)
    # The statistics office's code of the commune (five digits, marketplace/geo), e.g. "14464".
    commune_code = models.CharField(_("Mã xã/phường"), max_length=5, blank=True, db_index=True)
    street = models.CharField(_("Thôn, xóm, số nhà, đường"), max_length=255, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=16, blank=True, help_text=_("Lưu dạng +84…"))
    email = models.EmailField(_("Email"), blank=True)
    founded = models.PositiveSmallIntegerField(_("Năm thành lập"), null=True, blank=True)
    members = models.PositiveIntegerField(_("Số thành viên"), null=True, blank=True)
    story = models.TextField(_("Câu chuyện"), blank=True)
    registration_number = models.CharField(_("Số giấy chứng nhận đăng ký"), max_length=64, blank=True)
    tax_code = models.CharField(_("Mã số thuế"), max_length=14, blank=True)
    logo = models.ImageField(_("Logo"), upload_to="cooperatives/logos/", blank=True)
    cover = models.ImageField(_("Ảnh bìa"), upload_to="cooperatives/covers/", blank=True)
    legal_representative = models.CharField(_("Người đại diện theo pháp luật"), max_length=128, blank=True)
    # The account buyers transfer to (private: the cooperative's staff and alliance staff only).
    bank_bin = models.CharField(_("Ngân hàng"), max_length=8, choices=BANKS, blank=True)
    bank_account_number = models.CharField(_("Số tài khoản"), max_length=32, blank=True)
    bank_account_holder = models.CharField(_("Chủ tài khoản"), max_length=128, blank=True)
    # The application to join.
    registration_document = models.FileField(
        _("Giấy chứng nhận đăng ký (ảnh hoặc PDF)"),
        upload_to=registration_upload_to,
        storage=private_storage,
        blank=True,
    )
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    applied_at = models.DateTimeField(_("Ngày nộp hồ sơ"), null=True, blank=True)
    consent_given_at = models.DateTimeField(_("Đồng ý xử lý dữ liệu cá nhân lúc"), null=True, blank=True)
    # Seller identification: who checked what, and when (nothing is on sale before it).
    identity_method = models.CharField(
        _("Cách xác minh danh tính"), max_length=16, choices=IdentityMethod.choices, blank=True
    )
    identity_document = models.CharField(_("Giấy tờ đã đối chiếu"), max_length=255, blank=True)
    identity_vneid_reference = models.CharField(_("Mã định danh điện tử (VNeID)"), max_length=64, blank=True)
    identity_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    identity_verified_at = models.DateTimeField(_("Xác minh danh tính lúc"), null=True, blank=True)

    class Meta(AbstractPartner.Meta):
        pass

    def save(self, *args, **kwargs):
        self.story = story_clean(self.story)
        super().save(*args, **kwargs)

    @property
    def is_approved(self) -> bool:
        """The rule of `Partner.objects.approved()`, on one cooperative already loaded."""
        return bool(self.status == Status.APPROVED and self.identity_verified_at is not None)

    @property
    def is_identity_verified(self) -> bool:
        return self.identity_verified_at is not None

    @property
    def bank_name(self) -> str:
        return bank_name(self.bank_bin)

    @property
    def public_tax_code(self) -> str:
        """The tax code as seller information. A household business's tax code is its owner's
        personal number (personal data), so only organisations show it publicly."""
        return "" if self.kind == Kind.HOUSEHOLD else self.tax_code

    @property
    def display_phone(self) -> str:
        return format_phone(self.phone)

    @property
    def address_line(self) -> str:
        from marketplace.geo import province_named

        known = province_named(self.province) if self.province else None
        province = known.label_lower if known else self.province
        return ", ".join(part for part in [self.street, self.commune, province] if part)


class PartnerStaff(models.Model):
    """A person working for a cooperative, and their role there (Partner.users goes through it)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="staff_roles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cooperative_roles"
    )
    role = models.CharField(_("Vai trò"), max_length=8, choices=Role.choices, default=Role.STAFF)

    class Meta:
        db_table = "partner_partner_users"  # the table Oscar's plain many-to-many created
        unique_together = [("partner", "user")]
        verbose_name = _("Cán bộ hợp tác xã")
        verbose_name_plural = _("Cán bộ hợp tác xã")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.partner_id} ({self.role})"

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER


def masked_account(number: str) -> str:
    """An account number as emails and histories show it: `•••• 6789` (the last four digits)."""
    return f"•••• {number[-4:]}" if number else "—"


class BankAccountChange(models.Model):
    """Who changed the account buyers transfer to, when, from what and to what. Never edited or
    deleted: each change is a new row (shown and emailed with the numbers masked)."""

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="bank_account_changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("Lúc"), auto_now_add=True)
    old_bank_bin = models.CharField(max_length=8, blank=True)
    old_account_number = models.CharField(max_length=32, blank=True)
    old_account_holder = models.CharField(max_length=128, blank=True)
    new_bank_bin = models.CharField(max_length=8)
    new_account_number = models.CharField(max_length=32)
    new_account_holder = models.CharField(max_length=128)

    class Meta:
        verbose_name = _("Thay đổi tài khoản nhận tiền")
        verbose_name_plural = _("Thay đổi tài khoản nhận tiền")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.partner_id}: {self.old_masked} → {self.new_masked}"

    @property
    def old_masked(self) -> str:
        return masked_account(self.old_account_number)

    @property
    def new_masked(self) -> str:
        return masked_account(self.new_account_number)

    @property
    def old_bank_name(self) -> str:
        return bank_name(self.old_bank_bin).split(" — ")[0]

    @property
    def new_bank_name(self) -> str:
        return bank_name(self.new_bank_bin).split(" — ")[0]


class StatusChange(models.Model):
    """Who moved a cooperative from one status to another, when, and why."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("Từ"), max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(_("Sang"), max_length=16, choices=Status.choices)
    reason = models.TextField(_("Lý do"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("Lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Thay đổi trạng thái hợp tác xã")
        verbose_name_plural = _("Thay đổi trạng thái hợp tác xã")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.partner_id}: {self.from_status} → {self.to_status}"


class StockRecord(AbstractStockRecord):
    """Oscar's stock record, with the database guarding its counters: stock and allocations are
    never negative and allocations never exceed stock (a conditional UPDATE reserves stock, a
    seller's edit moves it by a difference; see `order.services.stock_allocate` and
    `seller.services.stockrecord_edit`). A record `kept_by_batch` takes its stock from the
    cooperative's batches of the product (marketplace/traceability/stock.py): nobody edits it by hand."""

    kept_by_batch = models.BooleanField(
        _("Tồn kho theo lô"),
        default=False,
        help_text=_("Số lượng còn là tổng số còn của các lô đang bán của sản phẩm."),
    )

    class Meta(AbstractStockRecord.Meta):
        constraints = [
            models.CheckConstraint(condition=models.Q(num_in_stock__gte=0), name="stock_never_negative"),
            models.CheckConstraint(
                condition=models.Q(num_allocated__gte=0), name="allocation_never_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(num_allocated__lte=models.F("num_in_stock")),
                name="allocation_within_stock",
            ),
        ]


from oscar.apps.partner.models import *  # noqa: E402,F403
