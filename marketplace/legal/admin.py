"""Read-only lists of the versions and of who accepted them, for alliance staff in the Django admin."""

from django.contrib import admin

from .models import Consent, Version


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Version)
class VersionAdmin(ReadOnly):
    list_display = ["kind", "number", "effective_from", "published_at"]
    list_filter = ["kind"]


@admin.register(Consent)
class ConsentAdmin(ReadOnly):
    list_display = ["accepted_at", "version", "user", "email", "partner", "context", "order_number", "ip"]
    list_filter = ["context", "version__kind"]
    search_fields = ["email", "user__email", "order_number"]
    list_select_related = ["version", "user", "partner"]
