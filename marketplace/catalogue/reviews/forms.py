"""Oscar's review form with our own Vietnamese labels (found by get_class through the catalogue fork)."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.reviews import forms as oscar_forms


class ProductReviewForm(oscar_forms.ProductReviewForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Tiêu đề")
        self.fields["score"].label = _("Bạn chấm mấy sao?")
        self.fields["body"].label = _("Nhận xét của bạn")
