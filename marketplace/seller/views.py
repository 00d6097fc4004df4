"""The seller centre (/seller/): thin views over SellerScope, the forms and the services."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from marketplace.core.client_ip import client_ip
from marketplace.core.rate_limits import limit_posts
from marketplace.legal import selectors as legal_selectors
from marketplace.legal import services as legal_services
from marketplace.legal.models import Context, Kind
from marketplace.legal.views import redirect_to_acceptance
from marketplace.messaging.selectors import unread_count_for_partner
from marketplace.ocop import services as ocop_services
from marketplace.returns.selectors import open_returns_count

from . import assisted, services
from .forms import (
    AccountForm,
    ApplicationForm,
    BankChangeForm,
    CertificateForm,
    InviteForm,
    PasswordConfirmForm,
    ProductForm,
    ProfileForm,
)
from .scope import SellerScope, invitation_for
from .uploads import DOCUMENT_CONTENT_TYPES


class SellerMixin(LoginRequiredMixin):
    """Signed in and working for a cooperative: `self.scope` is that cooperative's data, and only it."""

    section = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.scope = SellerScope.for_request(request)
        if self.scope is None:
            return redirect("seller:apply")
        if not self.scope.is_assisted and legal_selectors.pending_versions(request.user):
            # A new version of the regulations is in force: accepted before any further work here.
            return redirect_to_acceptance(request, audience="seller")
        url_name = request.resolver_match.url_name if request.resolver_match else ""
        if self.scope.is_assisted and url_name in assisted.COOPERATIVE_ONLY:
            messages.error(
                request,
                _(
                    "Việc này chỉ người của hợp tác xã tự làm: "
                    "tài khoản nhận tiền và người quản lý gian hàng."
                ),
            )
            return redirect("seller:overview")
        # The object named in the URL is looked up in the scope before anything else, whatever the
        # method: another cooperative's object is a 404 for GET, POST and the rest alike.
        self.object = self.get_object()
        response = super().dispatch(request, *args, **kwargs)
        if self.scope.is_assisted and request.method == "POST":
            self.record_assisted_step(request, response, url_name)
        return response

    def record_assisted_step(self, request, response, url_name: str) -> None:
        """A step alliance staff took for the cooperative is recorded once it went through: the
        page answered without an error and left no error message."""
        if response.status_code >= 400:
            return
        storage: Any = messages.get_messages(request)
        levels = [message.level for message in storage]
        storage.used = False  # looking is not reading: the person still sees the messages
        if messages.ERROR in levels:
            return
        assisted.assisted_action_record(
            partner=self.scope.partner,
            staff=request.user,
            url_name=url_name,
            target=str(self.object) if self.object is not None else request.POST.get("title", ""),
        )

    def get_object(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            cooperative=self.scope.partner,
            section=self.section,
            unread_messages=unread_count_for_partner(self.scope.partner),
            open_returns=open_returns_count(self.scope.partner),
            assisted_by=self.scope.assisted_by,
            seller_is_owner=self.scope.is_owner,
        )
        return context


class SellerFormView(SellerMixin, TemplateView):
    """GET shows the form, POST validates it and calls `save(form)`; errors re-show the form."""

    form_class: type[forms.BaseForm] | None = None

    def get_form_kwargs(self):
        return {"scope": self.scope}

    def get_initial(self):
        return {}

    def get_form(self, data=None, files=None):
        return self.form_class(data, files, initial=self.get_initial(), **self.get_form_kwargs())

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                response = self.save(form)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return response
        return self.render_to_response(self.get_context_data(form=form), status=400)


class OverviewView(SellerMixin, TemplateView):
    template_name = "seller/overview.html"
    section = "overview"

    def get_context_data(self, **kwargs):
        scope = self.scope
        return super().get_context_data(
            waiting_suborders=scope.waiting_suborders()[:10],
            waiting_count=scope.waiting_suborders().count(),
            low_stock=scope.low_stock()[:10],
            expiring=scope.expiring_certificates(),
            product_count=scope.products().count(),
            latest_change=scope.partner.status_changes.first(),
            **kwargs,
        )


# --- Apply to join ------------------------------------------------------------------
class ApplyView(View):
    template_name = "seller/apply.html"

    def dispatch(self, request, *args, **kwargs):
        if SellerScope.for_request(request) is not None:
            messages.info(request, _("Tài khoản của bạn đã gắn với một hợp tác xã."))
            return redirect("seller:overview")
        return super().dispatch(request, *args, **kwargs)

    def _render(self, request, form, account_form, status=200):
        return render(
            request, self.template_name, {"form": form, "account_form": account_form}, status=status
        )

    def get(self, request):
        account_form = None if request.user.is_authenticated else AccountForm(prefix="account")
        return self._render(request, ApplicationForm(), account_form)

    @method_decorator(limit_posts("seller-apply"))
    def post(self, request):
        form = ApplicationForm(request.POST, request.FILES)
        account_form = None if request.user.is_authenticated else AccountForm(request.POST, prefix="account")
        if not form.is_valid() or (account_form is not None and not account_form.is_valid()):
            return self._render(request, form, account_form, status=400)
        data = dict(form.cleaned_data)
        document = data.pop("document")
        data.pop("consent")
        data.pop("accept_terms", None)
        account = None
        if account_form is not None:
            account = services.NewAccount(
                email=account_form.cleaned_data["account_email"],
                name=account_form.cleaned_data["account_name"],
                password=account_form.cleaned_data["password1"],
            )
        with transaction.atomic():  # the application and the versions its applicant accepted
            partner, user = services.seller_apply(
                applicant=None if account else request.user, account=account, document=document, **data
            )
            privacy = legal_selectors.versions_in_force((Kind.PRIVACY,))  # the data-processing box
            legal_services.consent_record(
                versions=[*form.versions, *privacy],
                context=Context.SELLER_APPLY,
                user=user,
                partner=partner,
                ip=client_ip(request),
            )
        if account is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Đã nhận hồ sơ. Liên minh HTX sẽ xét duyệt và báo cho bạn qua email."))
        return redirect("seller:overview")


# --- Products -----------------------------------------------------------------------
class ProductListView(SellerMixin, ListView):
    template_name = "seller/products.html"
    section = "products"
    context_object_name = "products"
    paginate_by = 30

    def get_queryset(self):
        return self.scope.products().prefetch_related("stockrecords")


class ProductCreateView(SellerFormView):
    template_name = "seller/product_form.html"
    section = "products"
    form_class = ProductForm

    def save(self, form):
        data = form.cleaned_data
        services.seller_product_save(
            scope=self.scope,
            by=self.request.user,
            title=data["title"],
            description=data["description"],
            price=data["price"],
            stock=data["stock"],
            weight_grams=data["weight_grams"],
            category=data["category"],
            certificate=data["certificate"],
            photo=data["photo"],
        )
        messages.success(self.request, _("Đã thêm sản phẩm “%(title)s”.") % {"title": data["title"]})
        return redirect("seller:products")


class ProductEditView(ProductCreateView):
    def get_object(self):
        return self.scope.get_product(self.kwargs["pk"])

    @property
    def product(self):
        return self.object

    def get_initial(self):
        product = self.product
        record = self.scope.stockrecord(product)
        return {
            "title": product.title,
            "description": product.description,
            "price": int(record.price or 0),
            "price_shown": int(record.price or 0),
            "stock": record.num_in_stock,
            "stock_shown": record.num_in_stock,
            "weight_grams": product.weight_grams,
            "category": product.categories.first(),
            "certificate": product.ocop_certificates.filter(partner=self.scope.partner).first(),
        }

    def get_form(self, data=None, files=None):
        form = super().get_form(data, files)
        record = self.scope.stockrecord(self.product)
        held = record.num_allocated or 0
        if record.kept_by_batch:  # the stock moves with the batches, never by hand
            form.fields["stock"].disabled = True
            form.fields["stock"].help_text = services.BY_BATCH_MESSAGE
        elif held:
            form.fields["stock"].help_text = _(
                "Tổng số trong kho, kể cả %(held)s đang giữ cho các đơn chưa giao."
            ) % {"held": held}
        return form

    def get_context_data(self, **kwargs):
        kwargs.setdefault("product", self.product)
        kwargs.setdefault("kept_by_batch", self.scope.stockrecord(self.product).kept_by_batch)
        kwargs.setdefault("changes", self.scope.product_changes().filter(product=self.product)[:10])
        return super().get_context_data(**kwargs)

    def save(self, form):
        data = form.cleaned_data
        services.seller_product_save(
            scope=self.scope,
            by=self.request.user,
            product=self.product,
            title=data["title"],
            description=data["description"],
            price=data["price"],
            price_shown=data["price_shown"],
            stock=data["stock"],
            stock_shown=data["stock_shown"],
            weight_grams=data["weight_grams"],
            category=data["category"],
            certificate=data["certificate"],
            photo=data["photo"],
        )
        messages.success(self.request, _("Đã lưu sản phẩm “%(title)s”.") % {"title": data["title"]})
        return redirect("seller:products")


class ProductVisibilityView(SellerMixin, View):
    http_method_names = ["post"]

    def get_object(self):
        return self.scope.get_product(self.kwargs["pk"])

    def post(self, request, pk):
        product = self.object
        visible = request.POST.get("visible") == "1"
        services.seller_product_visibility(
            scope=self.scope, by=request.user, product=product, visible=visible
        )
        if visible:
            messages.success(request, _("Đã hiện “%(title)s” trên gian hàng.") % {"title": product.title})
        else:
            messages.success(request, _("Đã ẩn “%(title)s”.") % {"title": product.title})
        return redirect("seller:products")


# --- Certificates -------------------------------------------------------------------
class CertificateListView(SellerMixin, ListView):
    template_name = "seller/certificates.html"
    section = "certificates"
    context_object_name = "certificates"

    def get_queryset(self):
        return self.scope.certificates()


class CertificateCreateView(SellerFormView):
    template_name = "seller/certificate_form.html"
    section = "certificates"
    form_class = CertificateForm

    def save(self, form):
        data = dict(form.cleaned_data)
        products = data.pop("products")
        scan = data.pop("scan")
        ocop_services.certificate_submit(
            partner=self.scope.partner, by=self.request.user, products=products, scan=scan, **data
        )
        messages.success(self.request, _("Đã gửi giấy chứng nhận. Liên minh HTX sẽ xác minh."))
        return redirect("seller:certificates")


class CertificateDetailView(SellerMixin, TemplateView):
    template_name = "seller/certificate_detail.html"
    section = "certificates"

    def get_object(self):
        return self.scope.get_certificate(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.object, **kwargs)


def file_response(field) -> FileResponse:
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404
    name = field.name.rsplit("/", 1)[-1]
    extension = name.rsplit(".", 1)[-1].lower()
    content_type = DOCUMENT_CONTENT_TYPES.get(extension, "application/octet-stream")
    # Always a download, with the type the server gave the file when it checked its content.
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


class CertificateScanView(SellerMixin, View):
    def get_object(self):
        return self.scope.get_certificate(self.kwargs["pk"])

    def get(self, request, pk):
        return file_response(self.object.scan)


# --- Profile, bank, staff -----------------------------------------------------------
class ProfileView(SellerFormView):
    template_name = "seller/profile.html"
    section = "profile"
    form_class = ProfileForm

    def get_form_kwargs(self):
        return {}

    def get_initial(self):
        partner = self.scope.partner
        initial = {name: getattr(partner, name) for name in services.PROFILE_FIELDS}
        initial["phone"] = partner.display_phone
        return initial

    def save(self, form):
        services.seller_profile_update(scope=self.scope, **form.cleaned_data)
        messages.success(self.request, _("Đã lưu hồ sơ hợp tác xã."))
        return redirect("seller:profile")


class BankView(SellerFormView):
    """The account buyers transfer to. Owners change it (with their password); staff only see it."""

    template_name = "seller/bank.html"
    section = "profile"
    form_class = BankChangeForm

    def get_form_kwargs(self):
        return {"user": self.request.user}

    def get_initial(self):
        return {name: getattr(self.scope.partner, name) for name in services.BANK_FIELDS}

    def get_context_data(self, **kwargs):
        if not self.scope.is_owner:
            kwargs.pop("form", None)
        return super().get_context_data(
            is_owner=self.scope.is_owner,
            owners=self.scope.owners(),
            changes=self.scope.bank_account_changes()[:10],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not self.scope.is_owner:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def save(self, form):
        data = {name: form.cleaned_data[name] for name in services.BANK_FIELDS}
        change = services.seller_bank_update(scope=self.scope, by=self.request.user, **data)
        if change is None:
            messages.info(self.request, _("Tài khoản nhận tiền không thay đổi."))
        else:
            messages.success(
                self.request,
                _("Đã đổi tài khoản nhận tiền. Mọi người quản lý và Liên minh HTX sẽ nhận email báo."),
            )
        return redirect("seller:bank")


class StaffView(SellerFormView):
    template_name = "seller/staff.html"
    section = "staff"
    form_class = InviteForm

    def get_form_kwargs(self):
        return {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            members=self.scope.staff_roles(),
            is_owner=self.scope.is_owner,
            invitations=self.scope.invitations(),
            **kwargs,
        )

    def save(self, form):
        email = form.cleaned_data["email"]
        services.seller_staff_invite(scope=self.scope, by=self.request.user, email=email)
        messages.success(self.request, _("Đã gửi lời mời tới %(email)s.") % {"email": email})
        return redirect("seller:staff")


class StaffRemoveView(SellerFormView):
    """The owner removes a member after typing their password again (GET asks, POST removes)."""

    template_name = "seller/staff_remove.html"
    section = "staff"
    form_class = PasswordConfirmForm

    def get_object(self):
        return self.scope.get_staff_member(self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        if not self.scope.is_owner:
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.scope.is_owner:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.object, **kwargs)

    def save(self, form):
        member = self.object
        services.seller_staff_remove(scope=self.scope, by=self.request.user, member=member)
        messages.success(self.request, _("Đã xoá %(email)s khỏi hợp tác xã.") % {"email": member.email})
        return redirect("seller:staff")


class InvitationCancelView(SellerMixin, View):
    http_method_names = ["post"]

    def get_object(self):
        return self.scope.get_invitation(self.kwargs["pk"])

    def post(self, request, pk):
        services.seller_invitation_cancel(scope=self.scope, invitation=self.object)
        messages.success(request, _("Đã huỷ lời mời."))
        return redirect("seller:staff")


class InvitationAcceptView(LoginRequiredMixin, TemplateView):
    """For the invited person: the invitation must be addressed to the signed-in account's email."""

    template_name = "seller/invitation.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=invitation_for(self.kwargs["token"], self.request.user))

    def post(self, request, token):
        invitation = invitation_for(token, request.user)
        services.seller_invitation_accept(invitation=invitation, user=request.user)
        messages.success(request, _("Bạn đã tham gia quản lý %(name)s.") % {"name": invitation.partner.name})
        return HttpResponseRedirect(reverse("seller:overview"))
