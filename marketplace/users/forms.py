"""Account forms: the profile without the email, and changing the email with the password."""

from typing import TYPE_CHECKING

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_class

if TYPE_CHECKING:  # Oscar ships no types: the class is Any to the type checker
    from oscar.apps.customer.forms import UserForm
else:
    UserForm = get_class("customer.forms", "UserForm")
User = get_user_model()


class NameForm(UserForm):
    """Oscar's profile form, without the email (it changes only through EmailChangeForm)."""

    class Meta(UserForm.Meta):
        fields = ("first_name", "last_name")


class EmailChangeForm(forms.Form):
    new_email = forms.EmailField(
        label=_("Email mới"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Mật khẩu hiện tại"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_new_email(self) -> str:
        email = User.objects.normalize_email(self.cleaned_data["new_email"]).lower()
        if email == (self.user.email or "").lower():
            raise forms.ValidationError(_("Đây đang là email của bạn."))
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Email này đã được dùng cho một tài khoản khác."))
        return email

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Mật khẩu không đúng."))
        return password
