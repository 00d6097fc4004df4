"""Admin wiring: product and cooperative choosers, the poll's results chart, the moderation menu,
the admin's few extra styles."""

from collections.abc import Iterator
from typing import Any

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from . import admin_views
from .choosers import cooperative_chooser_viewset, product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_choosers() -> list[Any]:
    return [product_chooser_viewset, cooperative_chooser_viewset]


@hooks.register("register_admin_urls")
def register_poll_results_url() -> list[Any]:
    return [path("poll-results/<int:page_id>/", admin_views.poll_results, name="cms_poll_results")]


@hooks.register("register_page_listing_buttons")
def poll_results_button(page: Any, user: Any, next_url: str | None = None) -> Iterator[Any]:
    if page.specific_class.__name__ == "PollPage" and page.permissions_for_user(user).can_edit():
        yield ListingButton(
            _("Kết quả bình chọn"),
            reverse("cms_poll_results", args=[page.pk]),
            icon_name="table",
            priority=30,
        )


@hooks.register("insert_global_admin_css")
def admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("chohtx/admin/admin.css"))
