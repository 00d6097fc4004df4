"""The buyer's side of messages (/messages/): a sub-order's conversation (signed-in buyer of the
order, or a guest who looked the order up), questions before buying (signed in), and the list of
a signed-in buyer's conversations. Anyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from oscar.core.loading import get_model

from marketplace.core.rate_limits import limit_posts
from marketplace.order.models import SubOrder
from marketplace.order.views import _may_see as buyer_may_see
from marketplace.partner.models import Partner
from marketplace.returns.views import photo_response

from . import selectors, services
from .exceptions import MessageRefused
from .forms import MessageForm
from .models import Conversation, Side

Product = get_model("catalogue", "Product")


def _thread(request, conversation, *, back_url: str, title: str):
    """GET shows the thread (and marks it read); POST sends a message from the buyer."""
    form = MessageForm(request.POST or None, request.FILES or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.send(conversation_id=conversation.pk, side=Side.BUYER, author=request.user)
    ):
        return redirect(request.path + "#latest")
    services.conversation_read(conversation=conversation, side=Side.BUYER)
    context = {
        "conversation": conversation,
        "thread": selectors.messages_of(conversation),
        "form": form,
        "back_url": back_url,
        "title": title,
        "photo_base": request.path,
    }
    return render(request, "messaging/thread.html", context, status=400 if form.errors else 200)


def _order_suborder(request, number, suborder) -> SubOrder:
    found = (
        SubOrder.objects.select_related("order", "partner")
        .filter(order__number=number, number=suborder)
        .first()
    )
    if found is None or not buyer_may_see(request, found.order):
        raise Http404
    return found


@limit_posts("message-send")
def order_thread(request, number, suborder):
    suborder = _order_suborder(request, number, suborder)
    conversation = services.conversation_for_suborder(suborder=suborder)
    conversation.partner = suborder.partner  # already read with the sub-order
    title = _("Nhắn %(name)s về đơn %(number)s") % {"name": suborder.partner.name, "number": suborder.number}
    return _thread(request, conversation, back_url=f"/orders/{suborder.order.number}/", title=title)


@require_GET
def order_photo(request, number, suborder, message):
    suborder = _order_suborder(request, number, suborder)
    conversation = getattr(suborder, "conversation", None)
    found = selectors.message_with_photo(conversation, message) if conversation else None
    if found is None:
        raise Http404
    return photo_response(found.photo)


@login_required
def inbox(request):
    conversations = selectors.conversations_of_buyer(request.user)[:100]
    return render(request, "messaging/buyer_inbox.html", {"conversations": conversations})


@limit_posts("message-send")
def ask(request, partner):
    """ "Hỏi hợp tác xã" from a product page or a storefront: GET shows an empty conversation (or goes
    to the existing one); the first POST creates the conversation with its first message."""
    partner = get_object_or_404(Partner.objects.approved(), pk=partner)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    product_id = request.GET.get("product", "")
    product = (
        Product.objects.filter(pk=product_id, stockrecords__partner=partner).first()
        if product_id.isdigit()
        else None
    )
    existing = selectors.presale_conversation(user=request.user, partner=partner)
    if request.method != "POST":
        if existing is not None and product is None:
            return redirect("messaging:thread", pk=existing.pk)
        form = MessageForm()
    else:
        form = MessageForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                conversation = services.conversation_presale(
                    partner=partner, buyer=request.user, product=product
                )
            except MessageRefused as error:
                form.add_error(None, str(error))
            else:
                if form.send(conversation_id=conversation.pk, side=Side.BUYER, author=request.user):
                    messages.success(request, _("Đã gửi câu hỏi. Hợp tác xã sẽ trả lời ở đây và qua email."))
                    return redirect("messaging:thread", pk=conversation.pk)
    context = {
        "conversation": existing or Conversation(partner=partner, product=product),
        "thread": selectors.messages_of(existing) if existing else [],
        "form": form,
        "back_url": product.get_absolute_url() if product else "",
        "title": _("Hỏi %(name)s") % {"name": partner.name},
        "photo_base": "",
        "asking_about": product,
    }
    return render(request, "messaging/thread.html", context, status=400 if form.errors else 200)


@limit_posts("message-send")
@login_required
def thread(request, pk):
    conversation = selectors.presale_conversation_of_buyer(request.user, pk)
    if conversation is None:
        raise Http404
    title = _("Hỏi %(name)s") % {"name": conversation.partner.name}
    return _thread(request, conversation, back_url="/messages/", title=title)


@require_GET
@login_required
def thread_photo(request, pk, message):
    conversation = selectors.presale_conversation_of_buyer(request.user, pk)
    found = selectors.message_with_photo(conversation, message) if conversation else None
    if found is None:
        raise Http404
    return photo_response(found.photo)
