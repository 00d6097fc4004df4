"""Two-factor pages: set up an authenticator app (QR code), and enter a code after signing in."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from . import two_factor


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Mã 6 số trong ứng dụng xác thực"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )


class TwoFactorSetupView(LoginRequiredMixin, View):
    template_name = "users/two_factor_setup.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        # Someone who already has an app must prove it before adding another (a stolen password
        # alone must not be enough to enrol the thief's phone).
        if request.user.is_authenticated and two_factor.two_factor_enrolled(request.user):
            if not two_factor.otp_verified(request.user):
                return redirect(two_factor.url_with_next("two_factor:verify", reverse("two_factor:setup")))
            messages.info(request, _("Tài khoản của bạn đã bật xác minh hai bước."))
            return redirect(two_factor.safe_next(request))
        return super().dispatch(request, *args, **kwargs)

    def _render(self, request: HttpRequest, form: TokenForm, status: int = 200) -> HttpResponse:
        device = two_factor.totp_device_pending(user=request.user)
        context = {
            "form": form,
            "qr": two_factor.totp_qr_data_uri(device),
            "secret": two_factor.totp_secret_text(device),
            "next": two_factor.safe_next(request, default=""),
            "required": two_factor.two_factor_required(request.user),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, TokenForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = TokenForm(request.POST)
        device = two_factor.totp_device_pending(user=request.user)
        if form.is_valid() and two_factor.totp_device_confirm(
            request=request, device=device, token=form.cleaned_data["token"]
        ):
            messages.success(
                request, _("Đã bật xác minh hai bước. Từ nay mỗi lần đăng nhập bạn sẽ nhập thêm mã.")
            )
            return redirect(two_factor.safe_next(request))
        if form.is_valid():
            form.add_error("token", _("Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trong ứng dụng."))
        return self._render(request, form, status=400)


class TwoFactorVerifyView(LoginRequiredMixin, View):
    template_name = "users/two_factor_verify.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if request.user.is_authenticated and not two_factor.two_factor_enrolled(request.user):
            return redirect(two_factor.url_with_next("two_factor:setup", two_factor.safe_next(request)))
        return super().dispatch(request, *args, **kwargs)

    def _render(self, request: HttpRequest, form: TokenForm, status: int = 200) -> HttpResponse:
        context = {"form": form, "next": two_factor.safe_next(request, default="")}
        return render(request, self.template_name, context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        if two_factor.otp_verified(request.user):
            return redirect(two_factor.safe_next(request))
        return self._render(request, TokenForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = TokenForm(request.POST)
        if form.is_valid() and two_factor.totp_verify(request=request, token=form.cleaned_data["token"]):
            return redirect(two_factor.safe_next(request))
        if form.is_valid():
            form.add_error(
                "token",
                _("Mã không đúng hoặc đã hết hạn. Nếu nhập sai nhiều lần, hãy đợi một lúc rồi thử lại."),
            )
        return self._render(request, form, status=400)
