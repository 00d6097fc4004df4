"""/dashboard/outbox/ — alliance staff see the dead letters (work that kept failing) and retry or
discard each (staff only: the dashboard middleware refuses everyone else, and the views check
is_staff again)."""

from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView

from . import selectors, services
from .models import OutboxMessage

# What each task does, in words staff understand (others show the task's name).
TASK_LABELS = {
    "marketplace.order.tasks.order_confirmation_send": gettext_lazy("Email xác nhận đơn hàng cho người mua"),
    "marketplace.order.tasks.suborder_placed_notify": gettext_lazy("Email báo đơn mới cho hợp tác xã"),
    "marketplace.order.tasks.suborder_event_notify": gettext_lazy("Email báo tiến độ đơn cho người mua"),
    "marketplace.order.tasks.vietqr_reminder_send": gettext_lazy("Email nhắc chuyển khoản"),
    "marketplace.order.tasks.vietqr_remind": gettext_lazy("Hẹn giờ nhắc chuyển khoản"),
    "marketplace.order.tasks.vietqr_cancel": gettext_lazy("Hẹn giờ huỷ đơn chưa chuyển khoản"),
    "marketplace.partner.tasks.cooperative_status_email": gettext_lazy("Email báo trạng thái hợp tác xã"),
    "marketplace.ledger.tasks.payout_email": gettext_lazy(
        "Email báo liên minh đã chuyển tiền cho hợp tác xã"
    ),
    "marketplace.seller.tasks.staff_invitation_email": gettext_lazy("Email mời cán bộ hợp tác xã"),
    "payments.tasks.stripe_refund_suborder": gettext_lazy("Hoàn tiền thẻ qua Stripe"),
    "search.tasks.products_reindex": gettext_lazy("Cập nhật chỉ mục tìm kiếm"),
    "search.tasks.product_index_update": gettext_lazy("Cập nhật chỉ mục tìm kiếm"),
    "search.tasks.partner_index_update": gettext_lazy("Cập nhật chỉ mục tìm kiếm"),
    "search.tasks.story_index_update": gettext_lazy("Cập nhật chỉ mục tìm kiếm"),
}


class StaffOnlyMixin(UserPassesTestMixin):
    def test_func(self):
        return self.request.user.is_staff


class DeadLetterListView(StaffOnlyMixin, ListView):
    template_name = "outbox/dead_letters.html"
    context_object_name = "letters"
    paginate_by = 50

    def get_queryset(self):
        return selectors.dead_letters()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for letter in context["letters"]:
            letter.label = TASK_LABELS.get(letter.task, letter.task)
        return context


class DeadLetterActionView(StaffOnlyMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk: int, action: str):
        if action not in ("retry", "discard"):
            raise Http404
        try:
            if action == "retry":
                message = services.dead_letter_retry(message_id=pk, by=request.user)
                done = _("Đã đưa “%(key)s” vào hàng đợi để thử lại.")
                messages.success(request, done % {"key": message.key})
            else:
                message = services.dead_letter_discard(message_id=pk, by=request.user)
                messages.success(request, _("Đã bỏ qua “%(key)s”.") % {"key": message.key})
        except OutboxMessage.DoesNotExist:
            messages.info(request, _("Việc này đã được người khác xử lý."))
        return redirect("outbox:dead-letters")
