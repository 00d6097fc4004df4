"""/seller/batches/: a cooperative's batches, their steps, certificates, recall and labels.
Thin views: every batch comes from the signed-in person's cooperative (`batches_of(scope.partner)`),
looked up before the method is dispatched, so another cooperative's batch is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from marketplace.geo import NINH_BINH_CODE
from marketplace.geo.provinces import find_province
from marketplace.seller.views import SellerFormView, SellerMixin

from . import labels, services
from .exceptions import BatchRefused
from .forms import BatchCertificateForm, BatchForm, LabelsForm, RecallForm, StepForm
from .models import Batch
from .selectors import batch_path, batch_url, batches_of, certificate_number, certificate_state
from .stock import stock_shortfall

BATCH_FIELDS = (
    "code",
    "produced_on",
    "best_before",
    "origin_province",
    "origin_commune",
    "origin_commune_code",
    "origin_place",
)


class BatchListView(SellerMixin, ListView):
    template_name = "traceability/seller/batches.html"
    section = "batches"
    context_object_name = "batches"
    paginate_by = 30

    def get_queryset(self):
        return batches_of(self.scope.partner)


class BatchCreateView(SellerFormView):
    template_name = "traceability/seller/batch_form.html"
    section = "batches"
    form_class = BatchForm

    def get_initial(self):
        partner = self.scope.partner
        province = find_province(partner.province or NINH_BINH_CODE)
        return {
            "code": services.code_suggest(partner),
            "produced_on": timezone.localdate(),
            "province": province.code if province else "",
            "commune": partner.commune,
            "product": self.request.GET.get("product") or None,
        }

    def save(self, form):
        data = form.cleaned_data
        try:
            batch = services.batch_create(
                partner=self.scope.partner,
                product=data["product"],
                quantity=data["quantity"],
                actor=self.request.user,
                **{name: data[name] for name in BATCH_FIELDS},
            )
        except BatchRefused as error:
            raise ValidationError(str(error))
        messages.success(
            self.request, _("Đã tạo lô %(code)s. Hãy ghi các công đoạn và in tem.") % {"code": batch.code}
        )
        return redirect("seller:batch-detail", pk=batch.pk)


class BatchDetailView(SellerFormView):
    """The batch: its details (editable), steps, certificates, labels and recall, on one page."""

    template_name = "traceability/seller/batch_detail.html"
    section = "batches"
    form_class = BatchForm

    def get_object(self):
        return get_object_or_404(batches_of(self.scope.partner), pk=self.kwargs["pk"])

    def get_initial(self):
        batch = self.object
        province = find_province(batch.origin_province) if batch.origin_province else None
        return {
            "product": batch.product_id,
            "quantity": batch.quantity,
            "province": province.code if province else "",
            "commune": batch.origin_commune,
            **{name: getattr(batch, name) for name in BATCH_FIELDS if not name.startswith("origin_province")},
        }

    def get_context_data(self, **kwargs):
        batch = self.object
        kwargs.setdefault("step_form", StepForm())
        kwargs.setdefault("certificate_form", BatchCertificateForm(scope=self.scope))
        kwargs.setdefault("recall_form", RecallForm())
        kwargs.setdefault("labels_form", LabelsForm())
        certificates = [
            {"object": c, "number": certificate_number(c), "state": certificate_state(c)}
            for c in batch.certificates.select_related("ocop")
        ]
        return super().get_context_data(
            batch=batch,
            steps=batch.steps.all(),
            certificates=certificates,
            shipped=services.batch_units_shipped(batch),
            public_path=batch_path(batch),
            public_url=batch_url(batch),
            **kwargs,
        )

    def save(self, form):
        data = form.cleaned_data
        if data["product"].pk != self.object.product_id and self.object.lines.exists():
            raise ValidationError(_("Lô đã xuất hàng cho đơn: không đổi được sản phẩm."))
        try:
            services.batch_update(
                batch_id=self.object.pk,
                quantity=data["quantity"],
                product=data["product"],
                **{name: data[name] for name in BATCH_FIELDS},
            )
        except BatchRefused as error:
            raise ValidationError(str(error))
        messages.success(self.request, _("Đã lưu lô %(code)s.") % {"code": data["code"]})
        return redirect("seller:batch-detail", pk=self.object.pk)


class BatchActionView(BatchDetailView):
    """POST only: one change of the batch from a form of its page; errors show the page again."""

    http_method_names = ["post"]
    action_form: type | None = None
    form_name = ""

    def post(self, request, *args, **kwargs):
        form = self.make_form(request)
        if form is not None and not form.is_valid():
            return self.render_to_response(
                self.get_context_data(form=self.get_form(), **{self.form_name: form}), status=400
            )
        try:
            message = self.act(form.cleaned_data if form is not None else {})
        except BatchRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, message)
        return redirect("seller:batch-detail", pk=self.object.pk)

    def make_form(self, request):
        return self.action_form(request.POST, request.FILES) if self.action_form else None

    def act(self, data) -> str:
        raise NotImplementedError


class BatchStepAddView(BatchActionView):
    action_form = StepForm
    form_name = "step_form"

    def act(self, data) -> str:
        step = services.batch_step_add(batch=self.object, **data)
        return _("Đã thêm công đoạn “%(kind)s”.") % {"kind": step.get_kind_display()}


class BatchStepRemoveView(BatchActionView):
    def get_object(self):
        batch = super().get_object()
        self.step = get_object_or_404(batch.steps, pk=self.kwargs["step"])
        return batch

    def act(self, data) -> str:
        services.batch_step_remove(batch=self.object, step_id=self.step.pk)
        return _("Đã xoá công đoạn.")


class BatchCertificateAddView(BatchActionView):
    form_name = "certificate_form"

    def make_form(self, request):
        return BatchCertificateForm(request.POST, scope=self.scope)

    def act(self, data) -> str:
        services.batch_certificate_add(batch=self.object, **data)
        return _("Đã thêm chứng nhận.")


class BatchCertificateRemoveView(BatchActionView):
    def get_object(self):
        batch = super().get_object()
        self.certificate = get_object_or_404(batch.certificates, pk=self.kwargs["certificate"])
        return batch

    def act(self, data) -> str:
        services.batch_certificate_remove(batch=self.object, certificate_id=self.certificate.pk)
        return _("Đã bỏ chứng nhận khỏi lô.")


class BatchRecallView(BatchActionView):
    action_form = RecallForm
    form_name = "recall_form"

    def make_form(self, request):
        return RecallForm(request.POST)

    def act(self, data) -> str:
        batch = services.batch_recall(
            batch_id=self.object.pk, message=data["message"], actor=self.request.user
        )
        done = _("Đã thu hồi lô %(code)s. Trang truy xuất đã hiện thông báo, người mua sẽ nhận email.") % {
            "code": batch.code
        }
        shortfall = stock_shortfall(partner_id=batch.partner_id, product_id=batch.product_id)
        if shortfall:
            done += " " + _(
                "Các đơn chưa đóng gói đang giữ %(n)s sản phẩm mà các lô còn bán không đủ: "
                "hãy nhập lô mới hoặc huỷ bớt các đơn đó."
            ) % {"n": shortfall}
        return done


class BatchLabelsView(SellerMixin, View):
    """The batch's labels: a PDF sheet (`?layout=3x8|2x5&count=`) or one PNG label."""

    def get_object(self):
        return get_object_or_404(
            batches_of(self.scope.partner).select_related("product"), pk=self.kwargs["pk"]
        )

    def get(self, request, *args, **kwargs):
        batch: Batch = self.object
        if kwargs.get("fmt") == "png":
            response = HttpResponse(labels.label_png(batch), content_type="image/png")
            response["Content-Disposition"] = f'inline; filename="tem-{batch.code}.png"'
            return response
        form = LabelsForm(request.GET or None)
        layout = form.layout_obj() if form.is_valid() else labels.LAYOUTS["3x8"]
        count = form.cleaned_data.get("count") if form.is_valid() else None
        response = HttpResponse(labels.labels_pdf(batch, layout, count), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="tem-{batch.code}.pdf"'
        return response
