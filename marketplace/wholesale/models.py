"""Selling in quantity: a product's price tiers ("từ 10 hộp: 40.000 ₫/hộp"), its minimum order
quantity, and quotes a business buyer asks a cooperative for. Prices are whole đồng."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

FIRST_TIER_QUANTITY = 2  # a tier starts at two units or more: one unit is always the product's price


class PriceTier(models.Model):
    """From `min_quantity` units in one basket line, each unit costs `unit_price`."""

    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="price_tiers")
    min_quantity = models.PositiveIntegerField(_("Từ số lượng"))
    unit_price = models.PositiveBigIntegerField(_("Đơn giá (đồng)"))

    class Meta:
        ordering = ["product", "min_quantity"]
        verbose_name = _("Bậc giá sỉ")
        verbose_name_plural = _("Bậc giá sỉ")
        constraints = [
            models.UniqueConstraint(fields=["product", "min_quantity"], name="price_tier_one_per_quantity"),
            models.CheckConstraint(
                condition=models.Q(min_quantity__gte=FIRST_TIER_QUANTITY), name="price_tier_from_two"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product_id} ≥ {self.min_quantity}: {self.unit_price}"


class WholesaleTerms(models.Model):
    """A product sold only in quantity: a basket line of it holds at least `min_order_quantity`."""

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, related_name="wholesale_terms"
    )
    min_order_quantity = models.PositiveIntegerField(_("Số lượng tối thiểu mỗi đơn"), default=1)

    class Meta:
        verbose_name = _("Điều kiện bán sỉ")
        verbose_name_plural = _("Điều kiện bán sỉ")

    def __str__(self) -> str:
        return f"{self.product_id}: ≥ {self.min_order_quantity}"


class QuoteStatus(models.TextChoices):
    REQUESTED = "requested", _("Chờ hợp tác xã báo giá")
    ANSWERED = "answered", _("Đã báo giá")
    DECLINED = "declined", _("Hợp tác xã từ chối")


class Quote(models.Model):
    """A buyer's request for a price on a large quantity, and the cooperative's answer: a unit
    price valid until a date. Only that buyer may put it in their basket, once (the basket it went
    into is recorded; when that basket becomes an order the quote is used)."""

    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="quotes")
    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="quotes")
    buyer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quotes")
    quantity = models.PositiveIntegerField(_("Số lượng"))
    company = models.CharField(_("Tên đơn vị mua"), max_length=200, blank=True)
    note = models.TextField(_("Ghi chú"), max_length=1000, blank=True)
    status = models.CharField(max_length=16, choices=QuoteStatus.choices, default=QuoteStatus.REQUESTED)
    unit_price = models.PositiveBigIntegerField(_("Đơn giá báo (đồng)"), null=True, blank=True)
    valid_until = models.DateField(_("Giá có hiệu lực đến hết ngày"), null=True, blank=True)
    answer_note = models.TextField(_("Lời nhắn của hợp tác xã"), max_length=1000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    #: The buyer's basket the quoted quantity was put in (the price applies only there).
    basket = models.ForeignKey(
        "basket.Basket", null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Báo giá")
        verbose_name_plural = _("Báo giá")
        indexes = [models.Index(fields=["partner", "status"], name="quote_partner_status")]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        return f"BG{self.pk:05d}" if self.pk else "BG"

    @property
    def total(self) -> int:
        return (self.unit_price or 0) * self.quantity
