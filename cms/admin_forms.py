"""Wagtail's sign-in form with a label for the password field: Wagtail's own leaves it unlabelled,
so Django names it "Password" from the field's name, in English whatever the language."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mật khẩu")
