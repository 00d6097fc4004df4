"""Oscar's review views, found by get_class("catalogue.reviews.views", ...) through the catalogue
fork: reviews are written only by buyers who received the product, and shown once approved."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from oscar.apps.catalogue.reviews import views as oscar_views
from oscar.core.loading import get_model

from marketplace.catalogue.models import Product

ProductReview = get_model("reviews", "ProductReview")


class CreateProductReview(oscar_views.CreateProductReview):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.product = get_object_or_404(Product, pk=kwargs["product_pk"], is_public=True)
        if not self.product.is_review_permitted(request.user):
            if self.product.has_review_by(request.user):
                messages.info(request, _("Bạn đã đánh giá sản phẩm này rồi."))
            else:
                messages.warning(
                    request, _("Chỉ người đã mua và nhận được sản phẩm này mới viết được đánh giá.")
                )
            return redirect(self.product.get_absolute_url())
        # Oscar's own dispatch would repeat (and re-word) the check above: skip to CreateView's.
        return super(oscar_views.CreateProductReview, self).dispatch(request, *args, **kwargs)

    def get_success_url(self):
        messages.success(
            self.request, _("Cảm ơn bạn đã đánh giá! Đánh giá sẽ hiện sau khi Liên minh HTX kiểm duyệt.")
        )
        return self.product.get_absolute_url()


class ProductReviewDetail(oscar_views.ProductReviewDetail):
    """Only an approved review of this product (Oscar shows any review, of any product, by id)."""

    def get_queryset(self):
        return ProductReview.objects.approved().filter(product_id=self.kwargs["product_pk"])
