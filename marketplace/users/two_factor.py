"""Two-factor sign-in (TOTP, django-otp): who must use it, enrolment, and the guard.

Alliance staff (``is_staff``) must confirm a code from an authenticator app before the back office
(``settings.TWO_FACTOR_PATHS``: /dashboard/, /cms-admin/, /django-admin/) answers them. Everybody
else may turn it on (cooperative owners are invited to in the seller centre); once someone has a
confirmed device, the seller centre and the back office ask them for a code at every sign-in too.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Ứng dụng xác thực"
# Sign-in and sign-out pages of the guarded areas stay open (the code is asked right after them).
OPEN_PATHS = (
    "/dashboard/login/",
    "/cms-admin/login/",
    "/cms-admin/logout/",
    "/django-admin/login/",
    "/django-admin/logout/",
)
ENROLLED_PATHS = ("/seller/",)


def two_factor_required(user) -> bool:
    """Alliance staff may not use the back office without a second factor: dashboard staff, and
    the editors and moderators who may open the Wagtail admin."""
    if not user.is_authenticated:
        return False
    return bool(user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def otp_verified(user: Any) -> bool:
    """Whether this request's user confirmed a code; django-otp's middleware puts `is_verified` on
    every request's user (also the anonymous one)."""
    return bool(user.is_verified())


def two_factor_enrolled(user) -> bool:
    return bool(user.is_authenticated and user_has_device(user, confirmed=True))


def safe_next(request: HttpRequest, default: str = "/") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def url_with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


# --- Enrolment ----------------------------------------------------------------------
def totp_device_pending(*, user) -> TOTPDevice:
    """The device being set up: one unconfirmed device per person, kept until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def totp_qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG QR code, inline (no request leaves the site)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def totp_secret_text(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_device_confirm(*, request: HttpRequest, device: TOTPDevice, token: str) -> bool:
    """Confirm the pending device with a code from the app; the session counts as verified."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(_digits(token)):
            return False
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    otp_login(request, device)
    return True


def totp_verify(*, request: HttpRequest, token: str) -> bool:
    """Check a code against the signed-in person's confirmed devices (django-otp throttles failures)."""
    for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            if device.verify_token(_digits(token)):
                otp_login(request, device)
                return True
    return False


def _digits(token: str) -> str:
    return "".join(ch for ch in (token or "") if ch.isdigit())[:8]


# --- The guard ----------------------------------------------------------------------
class StaffTwoFactorMiddleware:
    """Sends an unverified session to the code page (or to set-up) before a guarded area answers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        path = request.path_info
        back_office = path.startswith(tuple(settings.TWO_FACTOR_PATHS))
        if (back_office or path.startswith(ENROLLED_PATHS)) and not path.startswith(OPEN_PATHS):
            user = request.user
            if user.is_authenticated and not otp_verified(user):
                if two_factor_enrolled(user):
                    return self._redirect(request, "two_factor:verify")
                if back_office and two_factor_required(user):
                    return self._redirect(request, "two_factor:setup")
        return self.get_response(request)

    @staticmethod
    def _redirect(request: HttpRequest, name: str) -> HttpResponseRedirect:
        return HttpResponseRedirect(url_with_next(name, request.get_full_path()))
