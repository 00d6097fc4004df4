from django.http import HttpRequest

from .forms import SearchForm


def search_form(request: HttpRequest) -> dict[str, SearchForm]:
    return {"search_form": SearchForm(request.GET or None)}
