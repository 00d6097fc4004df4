"""/legal/accept/: a signed-in person accepts the new version in force before going on where they were."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from marketplace.core.client_ip import client_ip

from . import selectors, services
from .forms import consent_fields_add
from .links import version_url
from .models import Context

AUDIENCES = {"seller": Context.SELLER_CENTRE, "buyer": Context.ACCOUNT}


def redirect_to_acceptance(request: HttpRequest, *, audience: str) -> HttpResponseRedirect:
    """To the acceptance page, coming back afterwards to the page asked for (a form's page for a POST,
    whose data cannot be carried over)."""
    query = urlencode({"next": request.get_full_path(), "for": audience})
    return HttpResponseRedirect(f"{reverse('legal:accept')}?{query}")


class AcceptView(LoginRequiredMixin, View):
    template_name = "legal/accept.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.pending = selectors.pending_versions(request.user)
        self.next_url = self._next(request)
        if not self.pending:
            return redirect(self.next_url)
        return super().dispatch(request, *args, **kwargs)

    def _next(self, request: HttpRequest) -> str:
        url = request.POST.get("next") or request.GET.get("next") or ""
        safe = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False)
        return url if safe and url.startswith("/") else "/"

    def _audience(self, request: HttpRequest) -> str:
        audience = request.POST.get("for") or request.GET.get("for") or "buyer"
        return audience if audience in AUDIENCES else "buyer"

    def _form(self, data=None) -> forms.Form:
        form = forms.Form(data)
        consent_fields_add(form, self.pending)
        return form

    def _render(self, request: HttpRequest, form: forms.Form, status: int = 200) -> HttpResponse:
        user = request.user
        documents = [
            {
                "version": version,
                "url": version_url(version),
                "before": selectors.accepted_before(user, version.kind),
            }
            for version in self.pending
        ]
        context = {
            "form": form,
            "documents": documents,
            "next_url": self.next_url,
            "audience": self._audience(request),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request.POST)
        if not form.is_valid():
            return self._render(request, form, status=400)
        audience = self._audience(request)
        partner = None
        if audience == "seller":
            from marketplace.seller.scope import cooperative_for

            partner = cooperative_for(request.user)
        services.consent_record(
            versions=self.pending,
            context=AUDIENCES[audience],
            user=request.user,
            partner=partner,
            ip=client_ip(request),
        )
        names = ", ".join(
            _("%(document)s phiên bản %(number)s") % {"document": v.get_kind_display(), "number": v.number}
            for v in self.pending
        )
        messages.success(request, _("Cảm ơn bạn đã đồng ý %(names)s.") % {"names": names})
        return redirect(self.next_url)
