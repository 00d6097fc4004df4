"""The settlement ledger: accounts, balanced transactions of entries (append-only), the commission
rules and the rate each sub-order was placed under, tax withholding rates, monthly statements and
payout batches. The flows, per payment method: docs/ledger.md."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.append_only import AppendOnly


class AccountKind(models.TextChoices):
    COOPERATIVE = "cooperative", _("Công nợ với hợp tác xã")
    CARD_CASH = "card_cash", _("Tiền thẻ trong tài khoản Stripe của liên minh")
    DIRECT = "direct", _("Tiền hợp tác xã thu trực tiếp (tiền mặt, chuyển khoản)")
    COMMISSION = "commission", _("Doanh thu hoa hồng của liên minh")
    TAX = "tax", _("Thuế khấu trừ phải nộp")
    BANK = "bank", _("Tài khoản ngân hàng của liên minh (chi trả)")


class Account(models.Model):
    """One account per cooperative (what the alliance owes it: credit-normal) and one of each
    platform kind (partner empty)."""

    kind = models.CharField(max_length=16, choices=AccountKind.choices)
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, null=True, blank=True, related_name="ledger_accounts"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "partner"], name="ledger_account_one_per_kind_partner"),
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(partner__isnull=True), name="ledger_platform_account_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}{f' · {self.partner_id}' if self.partner_id else ''}"


class EntryKind(models.TextChoices):
    SALE = "sale", _("Tiền hàng")
    SHIPPING = "shipping", _("Phí giao hàng")
    COLLECTED = "collected", _("Hợp tác xã đã thu trực tiếp")
    COMMISSION = "commission", _("Hoa hồng")
    COMMISSION_REVERSAL = "commission_reversal", _("Hoàn hoa hồng")
    REFUND = "refund", _("Hoàn tiền cho người mua")
    WITHHOLDING = "withholding", _("Thuế khấu trừ (GTGT, TNCN)")
    WITHHOLDING_REVERSAL = "withholding_reversal", _("Hoàn thuế khấu trừ")
    PAYOUT = "payout", _("Liên minh chuyển tiền cho hợp tác xã")
    CORRECTION = "correction", _("Điều chỉnh")


class Transaction(AppendOnly):
    """One money event: its entries sum to zero. `key` makes each event written once."""

    key = models.CharField(max_length=128, unique=True)
    kind = models.CharField(max_length=24, choices=EntryKind.choices)
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, null=True, blank=True, related_name="ledger_transactions"
    )
    suborder = models.ForeignKey(
        "order.SubOrder", on_delete=models.PROTECT, null=True, blank=True, related_name="ledger_transactions"
    )
    payout = models.ForeignKey(
        "ledger.Payout", on_delete=models.PROTECT, null=True, blank=True, related_name="transactions"
    )
    memo = models.CharField(max_length=255, blank=True)
    occurred_at = models.DateTimeField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_at", "pk"]

    def __str__(self) -> str:
        return self.key


class Entry(AppendOnly):
    """One side of a transaction: `amount` > 0 is a debit, < 0 a credit (whole đồng)."""

    transaction = models.ForeignKey(Transaction, on_delete=models.PROTECT, related_name="entries")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="entries")
    amount = models.BigIntegerField()
    # The transaction's kind and time, copied so that statements read one indexed table.
    kind = models.CharField(max_length=24, choices=EntryKind.choices)
    occurred_at = models.DateTimeField()

    class Meta:
        ordering = ["occurred_at", "pk"]
        indexes = [models.Index(fields=["account", "occurred_at"], name="ledger_entry_account_time")]
        constraints = [models.CheckConstraint(condition=~models.Q(amount=0), name="ledger_entry_not_zero")]

    def __str__(self) -> str:
        return f"{self.account_id}: {self.amount}"


# --- Commission --------------------------------------------------------------------------------
class RuleScope(models.TextChoices):
    DEFAULT = "default", _("Mặc định cho cả sàn")
    OCOP_GROUP = "ocop_group", _("Theo nhóm OCOP")
    CATEGORY = "category", _("Theo danh mục")
    PARTNER = "partner", _("Theo hợp tác xã")


class CommissionRule(models.Model):
    """A rate in basis points (100 = 1%). The most specific rule in force wins (cooperative, then
    category, then OCOP group, then the default); a dated rule beats an open one of the same scope.
    Rules may be edited or ended: sub-orders keep the rate recorded when they were placed."""

    scope = models.CharField(_("Áp dụng cho"), max_length=16, choices=RuleScope.choices)
    rate_bp = models.PositiveIntegerField(_("Tỉ lệ (phần vạn)"), help_text=_("100 = 1%"))
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("Hợp tác xã")
    )
    category = models.ForeignKey(
        "catalogue.Category", on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("Danh mục")
    )
    ocop_group = models.CharField(_("Nhóm OCOP"), max_length=8, blank=True)
    valid_from = models.DateField(_("Từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("Đến hết ngày"), null=True, blank=True)
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["scope", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rate_bp__lte=10000), name="commission_rate_at_most_100pc"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_scope_display()}: {self.rate_text}"

    @property
    def rate_text(self) -> str:
        return f"{self.rate_bp / 100:g}%".replace(".", ",")


class SubOrderCommission(AppendOnly):
    """The rate in force when the sub-order was placed (written with the order, never changed)."""

    suborder = models.OneToOneField("order.SubOrder", on_delete=models.PROTECT, related_name="commission")
    rate_bp = models.PositiveIntegerField()
    rule = models.ForeignKey(CommissionRule, on_delete=models.SET_NULL, null=True, blank=True)
    rule_text = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.suborder_id}: {self.rate_bp}"


# --- Tax withholding ---------------------------------------------------------------------------
class SupplyKind(models.TextChoices):
    GOODS = "goods", _("Hàng hoá")
    SERVICES = "services", _("Dịch vụ")


class WithholdingRate(models.Model):
    """The rates a platform with a payment function withholds for household businesses and
    individuals. A change of law is a new row (end the old one with `valid_to`)."""

    supply = models.CharField(_("Loại"), max_length=16, choices=SupplyKind.choices)
    vat_bp = models.PositiveIntegerField(_("Thuế GTGT (phần vạn)"))
    pit_bp = models.PositiveIntegerField(_("Thuế TNCN (phần vạn)"))
    legal_basis = models.CharField(_("Căn cứ pháp lý"), max_length=255)
    valid_from = models.DateField(_("Hiệu lực từ"))
    valid_to = models.DateField(_("Hết hiệu lực"), null=True, blank=True)

    class Meta:
        ordering = ["supply", "-valid_from"]

    def __str__(self) -> str:
        return f"{self.supply}: {self.vat_bp}+{self.pit_bp} ({self.legal_basis})"


class Withholding(AppendOnly):
    """What was withheld (or given back, negative) for a sub-order, with the rate row used."""

    suborder = models.ForeignKey("order.SubOrder", on_delete=models.PROTECT, related_name="withholdings")
    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="withholdings")
    rate = models.ForeignKey(WithholdingRate, on_delete=models.PROTECT)
    transaction = models.OneToOneField(Transaction, on_delete=models.PROTECT, related_name="withholding")
    revenue = models.BigIntegerField()
    vat = models.BigIntegerField()
    pit = models.BigIntegerField()
    occurred_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.suborder_id}: {self.vat}+{self.pit}"


# --- Statements and payouts ---------------------------------------------------------------------
class Statement(AppendOnly):
    """A cooperative's month, closed once (unique per cooperative and month). Amounts are from the
    cooperative's side (+ owed to it): closing = opening + sales + collected + commission + refunds
    + withholding + payouts + other (the last six are usually negative)."""

    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="statements")
    month = models.DateField()  # the first day
    opening = models.BigIntegerField()
    closing = models.BigIntegerField()
    sales = models.BigIntegerField(default=0)
    collected = models.BigIntegerField(default=0)
    commission = models.BigIntegerField(default=0)
    refunds = models.BigIntegerField(default=0)
    withholding = models.BigIntegerField(default=0)
    payouts = models.BigIntegerField(default=0)
    other = models.BigIntegerField(default=0)
    closed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-month", "partner_id"]
        constraints = [models.UniqueConstraint(fields=["partner", "month"], name="statement_one_per_month")]

    def __str__(self) -> str:
        return f"{self.partner_id} {self.month:%m/%Y}"


class PayoutBatch(models.Model):
    """Transfers exported together; marked paid once (then its payouts are in the ledger)."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"#{self.pk}"


class Payout(AppendOnly):
    """One transfer to a cooperative, with the payee as exported."""

    batch = models.ForeignKey(PayoutBatch, on_delete=models.PROTECT, related_name="payouts")
    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="payouts")
    amount = models.PositiveBigIntegerField()
    bank_bin = models.CharField(max_length=8)
    account_number = models.CharField(max_length=32)
    account_holder = models.CharField(max_length=128)
    note = models.CharField(max_length=140)

    class Meta:
        ordering = ["batch_id", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "partner"], name="payout_one_per_batch_partner"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payout_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.batch_id}/{self.partner_id}: {self.amount}"
