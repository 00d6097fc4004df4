"""Each cooperative's shipping options: a flat fee, free above an order value, local pickup,
and the provinces it delivers to. A cooperative without settings delivers everywhere for free."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ShippingSettings(models.Model):
    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="shipping_settings"
    )
    delivers = models.BooleanField(_("Giao hàng tận nơi"), default=True)
    flat_fee = models.DecimalField(_("Phí giao hàng (₫)"), max_digits=12, decimal_places=0, default=0)
    free_above = models.DecimalField(
        _("Miễn phí giao hàng cho đơn từ (₫)"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    provinces = models.JSONField(
        _("Tỉnh/thành phố giao đến"),
        default=list,
        blank=True,
        help_text=_("Để trống: giao toàn quốc."),
    )
    pickup = models.BooleanField(_("Cho nhận tại chỗ"), default=False)
    pickup_address = models.CharField(_("Địa chỉ nhận hàng tại chỗ"), max_length=255, blank=True)
    pickup_hours = models.CharField(
        _("Giờ mở cửa nhận hàng"),
        max_length=120,
        blank=True,
        help_text=_("Ví dụ: 7:00–17:00, thứ Hai đến thứ Bảy"),
    )
    updated_at = models.DateTimeField(auto_now=True, null=True)

    class Meta:
        verbose_name = _("Cài đặt giao hàng")
        verbose_name_plural = _("Cài đặt giao hàng")

    def __str__(self) -> str:
        return str(self.partner)
