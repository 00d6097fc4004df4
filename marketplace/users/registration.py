"""Registration signs the new customer in through the authentication backends with the request.

Oscar's RegisterUserMixin calls ``authenticate()`` without the request; django-axes (first in
AUTHENTICATION_BACKENDS, see docs/security.md) needs it on every sign-in, so Oscar's registration
would fail with a server error. This mixin is Oscar's with the request passed; it is swapped in for
Oscar's by marketplace/users/class_loader.py (the customer app is otherwise Oscar's own).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth import login as auth_login
from oscar.apps.customer import mixins
from oscar.apps.customer.signals import user_registered

EMAIL_BACKEND = "oscar.apps.customer.auth_backends.EmailBackend"


class RegisterUserMixin(mixins.RegisterUserMixin):
    def register_user(self, form):
        user = form.save()
        user_registered.send_robust(sender=self, request=self.request, user=user)
        if getattr(settings, "OSCAR_SEND_REGISTRATION_EMAIL", True):
            self.send_registration_email(user)
        signed_in = authenticate(self.request, username=user.email, password=form.cleaned_data["password1"])
        if signed_in is None:  # e.g. the address is throttled: the account exists, sign it in directly
            user.backend = EMAIL_BACKEND
            signed_in = user
        auth_login(self.request, signed_in)
        return signed_in
