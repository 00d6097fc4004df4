"""The poll's results as a bar chart, for editors (drawn on the server, no scripts)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from . import selectors
from .models import PollPage


def poll_results(request: HttpRequest, page_id: int) -> HttpResponse:
    poll = get_object_or_404(PollPage, pk=page_id)
    if not poll.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    results = selectors.poll_results(poll)
    return TemplateResponse(
        request,
        "cms/admin/poll_results.html",
        {"poll": poll, "results": results, "total": sum(r.votes for r in results)},
    )
