"""Summary tables the alliance's analytics read instead of a million sub-orders.

They are derived data, not records: `services.summaries_refresh` rewrites a month's rows from the
sub-orders and order lines whenever they may have changed (docs/reports.md). Months are calendar
months in Asia/Ho_Chi_Minh, stored as their first day."""

from django.db import models


class CooperativeMonth(models.Model):
    """One cooperative's sub-orders placed in one month: counts and money in whole đồng.

    `gmv` is the goods value (lines, without shipping) of the sub-orders that were not cancelled."""

    month = models.DateField()
    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="+")
    orders = models.PositiveIntegerField(default=0)  # every sub-order placed, cancelled ones too
    cancelled = models.PositiveIntegerField(default=0)
    gmv = models.BigIntegerField(default=0)
    delivered = models.PositiveIntegerField(default=0)  # reached "delivered" (or completed)
    delivery_seconds = models.BigIntegerField(default=0)  # summed over `delivered`
    cod_orders = models.PositiveIntegerField(default=0)
    cod_gmv = models.BigIntegerField(default=0)
    vietqr_orders = models.PositiveIntegerField(default=0)
    vietqr_gmv = models.BigIntegerField(default=0)
    card_orders = models.PositiveIntegerField(default=0)
    card_gmv = models.BigIntegerField(default=0)
    last_order_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["month", "partner"], name="cooperative_month_unique")]
        # "With an order in the last 30 days" asks, per cooperative, for its latest month's last order.
        indexes = [models.Index(fields=["partner", "last_order_at"], name="cooperative_month_last_order")]

    def __str__(self) -> str:
        return f"{self.partner_id} {self.month:%m/%Y}"


class CooperativeMonthGroup(models.Model):
    """Goods sold by one cooperative in one month, by the OCOP group and stars of the product's best
    valid certificate (group "" and stars 0: not OCOP). Lines of cancelled sub-orders are left out."""

    month = models.DateField()
    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="+")
    group = models.CharField(max_length=8, blank=True)
    stars = models.PositiveSmallIntegerField(default=0)
    gmv = models.BigIntegerField(default=0)
    quantity = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "partner", "group", "stars"], name="cooperative_month_group_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.partner_id} {self.month:%m/%Y} {self.group}{self.stars}"


class SummaryMark(models.Model):
    """How far the summaries have been kept up: sub-orders changed before `value` are counted."""

    name = models.CharField(max_length=32, unique=True)
    value = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
