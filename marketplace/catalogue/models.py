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
    # Set while alliance staff have taken the product down (marketplace/moderation): not on sale.
    taken_down_at = models.DateTimeField(_("Bị gỡ lúc"), null=True, blank=True, editable=False)

    class Meta(AbstractProduct.Meta):
        pass

    def is_review_permitted(self, user) -> bool:
        """Only a signed-in buyer who has received this product (a delivered or completed sub-order
        with it) may review it, once. Oscar's default lets anyone, even anonymously."""
        from .reviewers import buyer_received

        if not user.is_authenticated or self.has_review_by(user):
            return False
        return buyer_received(user=user, product=self)


from oscar.apps.catalogue.models import *  # noqa: E402,F403
