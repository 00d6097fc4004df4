"""Account pages: the profile form without the email, changing the email, confirming a new one."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView
from oscar.core.loading import get_class

from .email_change import (
    EmailChangeError,
    email_change_read,
    user_email_change_confirm,
    user_email_change_request,
)
from .forms import EmailChangeForm, NameForm

if TYPE_CHECKING:  # Oscar ships no types: the class is Any to the type checker
    from oscar.apps.customer.views import ProfileUpdateView as OscarProfileUpdateView
else:
    OscarProfileUpdateView = get_class("customer.views", "ProfileUpdateView")


class ProfileUpdateView(OscarProfileUpdateView):
    """Oscar's "edit profile", names only: the email has its own page (password and confirmation)."""

    form_class = NameForm


class EmailChangeView(LoginRequiredMixin, FormView):
    template_name = "users/email_change.html"
    form_class = EmailChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=_("Đổi email"), active_tab="profile", **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["new_email"]
        user_email_change_request(user=self.request.user, new_email=email)
        messages.success(
            self.request,
            _("Đã gửi đường dẫn xác nhận tới %(email)s. Email của bạn chỉ đổi sau khi bạn mở thư đó.")
            % {"email": email},
        )
        return redirect("customer:profile-view")


class EmailConfirmView(View):
    """GET shows the new address and a button; POST changes it (a mail scanner opening the link
    changes nothing)."""

    template_name = "users/email_confirm.html"
    invalid = "users/email_confirm_invalid.html"

    def get(self, request, token):
        try:
            change = email_change_read(token)
        except EmailChangeError:
            return render(request, self.invalid, status=400)
        return render(request, self.template_name, {"new_email": change.new_email})

    def post(self, request, token):
        try:
            user = user_email_change_confirm(token=token)
        except EmailChangeError:
            return render(request, self.invalid, status=400)
        messages.success(request, _("Đã đổi email tài khoản thành %(email)s.") % {"email": user.email})
        return redirect("customer:profile-view" if request.user.is_authenticated else "customer:login")
