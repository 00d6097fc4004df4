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
from django.db import transaction
from oscar.apps.customer import forms, mixins
from oscar.apps.customer.signals import user_registered

from marketplace.core.client_ip import client_ip
from marketplace.legal import selectors as legal_selectors
from marketplace.legal import services as legal_services
from marketplace.legal.forms import consent_fields_add
from marketplace.legal.models import Context

EMAIL_BACKEND = "oscar.apps.customer.auth_backends.EmailBackend"


class EmailUserCreationForm(forms.EmailUserCreationForm):
    """Oscar's sign-up form with one unticked box per document a new account accepts (the operating
    regulations and the privacy policy, in the versions in force); swapped in by class_loader.py."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = legal_selectors.versions_in_force(legal_selectors.ACCEPTED_AT_SIGNUP)
        consent_fields_add(self, self.versions)


class RegisterUserMixin(mixins.RegisterUserMixin):
    def register_user(self, form):
        with transaction.atomic():  # the account and the versions it accepted, together
            user = form.save()
            legal_services.consent_record(
                versions=getattr(form, "versions", []),
                context=Context.SIGNUP,
                user=user,
                ip=client_ip(self.request),
            )
        user_registered.send_robust(sender=self, request=self.request, user=user)
        if getattr(settings, "OSCAR_SEND_REGISTRATION_EMAIL", True):
            self.send_registration_email(user)
        signed_in = authenticate(self.request, username=user.email, password=form.cleaned_data["password1"])
        if signed_in is None:  # e.g. the address is throttled: the account exists, sign it in directly
            user.backend = EMAIL_BACKEND
            signed_in = user
        auth_login(self.request, signed_in)
        return signed_in
