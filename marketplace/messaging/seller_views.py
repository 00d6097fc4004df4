"""The seller centre's messages (/seller/messages/): the cooperative's own conversations only."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import ListView, TemplateView

from marketplace.core.rate_limits import limit_posts
from marketplace.returns.views import photo_response
from marketplace.seller.views import SellerMixin

from . import selectors, services
from .forms import MessageForm
from .models import Side


class InboxView(SellerMixin, ListView):
    template_name = "messaging/seller_inbox.html"
    section = "messages"
    context_object_name = "conversations"
    paginate_by = 30

    def get_queryset(self):
        unread = self.request.GET.get("unread") == "1"
        return selectors.conversations_of_partner(self.scope.partner, unread_only=unread)

    def get_context_data(self, **kwargs):
        return super().get_context_data(unread_only=self.request.GET.get("unread") == "1", **kwargs)


class ThreadView(SellerMixin, TemplateView):
    template_name = "messaging/seller_thread.html"
    section = "messages"

    def get_object(self):
        found = selectors.conversation_of_partner(self.scope.partner, self.kwargs["pk"])
        if found is None:
            raise Http404
        return found

    def get(self, request, *args, **kwargs):
        services.conversation_read(conversation=self.object, side=Side.COOPERATIVE)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", MessageForm())
        return super().get_context_data(
            conversation=self.object, thread=selectors.messages_of(self.object), **kwargs
        )

    @method_decorator(limit_posts("message-send"))
    def post(self, request, pk):
        form = MessageForm(request.POST, request.FILES)
        if form.is_valid() and form.send(
            conversation_id=self.object.pk, side=Side.COOPERATIVE, author=request.user
        ):
            return redirect(request.path + "#latest")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PhotoView(SellerMixin, TemplateView):
    def get_object(self):
        found = selectors.conversation_of_partner(self.scope.partner, self.kwargs["pk"])
        if found is None:
            raise Http404
        return found

    def get(self, request, pk, message):
        found = selectors.message_with_photo(self.object, message)
        if found is None:
            raise Http404
        return photo_response(found.photo)


class StartView(SellerMixin, View):
    """POST only: open the conversation with the buyer of one of the cooperative's sub-orders."""

    http_method_names = ["post"]

    def get_object(self):
        return self.scope.get_suborder(self.kwargs["number"])

    def post(self, request, number):
        conversation = services.conversation_for_suborder(suborder=self.object)
        return redirect("seller:message-thread", pk=conversation.pk)
