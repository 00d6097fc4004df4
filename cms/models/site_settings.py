"""The operator's legal details, edited in the Wagtail admin and shown in every page's footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from cms.validators import validate_web_address


@register_setting(icon="site")
class OperatorSettings(BaseSiteSetting):
    legal_name = models.CharField(_("Tên tổ chức"), max_length=255, blank=True)
    address = models.CharField(_("Địa chỉ trụ sở"), max_length=255, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=32, blank=True)
    email = models.EmailField(_("Email"), blank=True)
    registration_number = models.CharField(
        _("Số giấy phép / quyết định thành lập"), max_length=128, blank=True
    )
    registration_date = models.DateField(_("Ngày cấp"), null=True, blank=True)
    registration_place = models.CharField(_("Nơi cấp"), max_length=255, blank=True)
    tax_code = models.CharField(_("Mã số thuế"), max_length=14, blank=True)
    moit_record_url = models.URLField(
        _("Liên kết hồ sơ đăng ký với Bộ Công Thương"),
        blank=True,
        validators=[validate_web_address],
        help_text=_("Khi có, chân trang hiện biểu tượng “Đã đăng ký Bộ Công Thương” dẫn tới hồ sơ này."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("legal_name"), FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Đơn vị vận hành"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_number"),
                FieldPanel("registration_date"),
                FieldPanel("registration_place"),
                FieldPanel("tax_code"),
                FieldPanel("moit_record_url"),
            ],
            heading=_("Đăng ký"),
        ),
    ]

    class Meta:
        verbose_name = _("Thông tin đơn vị vận hành")
