"""/dashboard/returns/ — alliance staff decide returns a buyer escalated after a refusal. They see
the request, its photos and timeline, and the sub-order's conversation (read only)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from marketplace.messaging import selectors as messaging_selectors
from marketplace.seller.alliance import AllianceMixin

from . import selectors, services
from .exceptions import ReturnRefused
from .forms import DecisionForm
from .models import ReturnStatus
from .views import photo_response


class EscalationListView(AllianceMixin, ListView):
    template_name = "returns/alliance_list.html"
    context_object_name = "returns"
    paginate_by = 50

    def decided(self) -> bool:
        return self.request.GET.get("decided") == "1"

    def get_queryset(self):
        if self.decided():
            return selectors.escalations(status="").exclude(decision_note="").order_by("-updated_at")
        return selectors.escalations().order_by("updated_at")

    def get_context_data(self, **kwargs):
        return super().get_context_data(decided=self.decided(), **kwargs)


class EscalationDetailView(AllianceMixin, TemplateView):
    template_name = "returns/alliance_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.object = selectors.escalation(kwargs["pk"])
        if self.object is None or not (
            self.object.status == ReturnStatus.ESCALATED or self.object.decision_note
        ):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ret = self.object
        conversation = messaging_selectors.conversation_of_escalated_suborder(ret.suborder_id)
        thread = messaging_selectors.messages_of(conversation) if conversation else []
        kwargs.setdefault("form", DecisionForm())
        return super().get_context_data(ret=ret, suborder=ret.suborder, thread=thread, **kwargs)

    def post(self, request, pk):
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            services.return_decide(request_id=self.object.pk, actor=request.user, **form.cleaned_data)
        except ReturnRefused as error:
            messages.error(request, str(error))
            return redirect("returns-alliance:detail", pk=self.object.pk)
        messages.success(request, _("Đã ghi quyết định; hai bên đã được báo qua email."))
        return redirect("returns-alliance:list")


class EscalationPhotoView(AllianceMixin, View):
    def get(self, request, pk, photo):
        found = selectors.escalation(pk)
        image = found.photos.filter(pk=photo).first() if found else None
        if image is None:
            raise Http404
        return photo_response(image.image)
