"""Products: Oscar's, plus the facts a cooperative's product page needs."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct


class Product(AbstractProduct):
    weight_grams = models.PositiveIntegerField(_("Khối lượng (gam)"), null=True, blank=True)
    local_only = models.BooleanField(
        _("Chỉ giao trong tỉnh"),
        default=False,
        help_text=_("Hàng tươi sống: chỉ nhận tại chỗ hoặc giao trong tỉnh của hợp tác xã."),
    )

    class Meta(AbstractProduct.Meta):
        pass


from oscar.apps.catalogue.models import *  # noqa: E402,F403
