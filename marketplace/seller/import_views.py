"""/seller/products/import/ and /seller/products/export/: products by the spreadsheet."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from marketplace.core.rate_limits import limit_posts
from marketplace.product_import import export
from marketplace.product_import.columns import COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_ZIP_BYTES
from marketplace.product_import.selectors import import_progress
from marketplace.product_import.services import product_import_check, product_import_start

from .views import SellerFormView, SellerMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp sản phẩm (.xlsx hoặc .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv," + XLSX}),
        error_messages={
            "required": gettext_lazy("Hãy chọn tệp sản phẩm."),
            "empty": gettext_lazy("Tệp trống, không có gì để nhập."),
        },
    )
    pictures = forms.FileField(
        label=gettext_lazy("Tệp ZIP ảnh (không bắt buộc)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
        help_text=gettext_lazy("Tên từng ảnh phải giống cột “Tên tệp ảnh”."),
        error_messages={"empty": gettext_lazy("Tệp ZIP ảnh trống.")},
    )

    def __init__(self, *args, scope=None, **kwargs):
        super().__init__(*args, **kwargs)


def _download(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class ProductImportView(SellerFormView):
    template_name = "seller/product_import.html"
    section = "products"
    form_class = ImportForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            imports=self.scope.product_imports()[:5],
            columns=COLUMNS,
            max_rows=MAX_ROWS,
            max_file_mb=MAX_FILE_BYTES // 2**20,
            max_zip_mb=MAX_ZIP_BYTES // 2**20,
            **kwargs,
        )

    @method_decorator(limit_posts("product-import"))
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def save(self, form):
        job = product_import_check(
            partner=self.scope.partner,
            by=self.request.user,
            upload=form.cleaned_data["file"],
            pictures=form.cleaned_data["pictures"],
        )
        return redirect("seller:product-import-detail", pk=job.pk)


class ProductImportDetailView(SellerMixin, TemplateView):
    template_name = "seller/product_import_detail.html"
    section = "products"

    def get_object(self):
        return self.scope.get_product_import(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        job = self.object
        return super().get_context_data(job=job, progress=import_progress(job), **kwargs)


class ProductImportStartView(SellerMixin, View):
    http_method_names = ["post"]

    def get_object(self):
        return self.scope.get_product_import(self.kwargs["pk"])

    def post(self, request, pk):
        job = product_import_start(job=self.object, skip_refused=request.POST.get("skip_refused") == "1")
        if not job.is_working and job.status != "done":
            messages.error(request, _("Tệp này chưa nhập được. Hãy sửa các dòng lỗi rồi tải lên lại."))
        return redirect("seller:product-import-detail", pk=job.pk)


class ProductImportStatusView(SellerMixin, View):
    def get_object(self):
        return self.scope.get_product_import(self.kwargs["pk"])

    def get(self, request, pk):
        self.object.refresh_from_db()
        return JsonResponse(import_progress(self.object))


class ProductTemplateView(SellerMixin, View):
    def get(self, request):
        return _download(export.template_xlsx(), "mau-nhap-san-pham.xlsx", XLSX)


class ProductExportView(SellerMixin, View):
    def get(self, request):
        stamp = timezone.localdate().strftime("%Y%m%d")
        name = f"san-pham-{self.scope.partner.code or self.scope.partner.pk}-{stamp}"
        if request.GET.get("format") == "csv":
            return _download(
                export.products_csv(self.scope.partner), f"{name}.csv", "text/csv; charset=utf-8"
            )
        return _download(export.products_xlsx(self.scope.partner), f"{name}.xlsx", XLSX)
