from django.contrib import admin
from oscar.apps.partner.admin import *  # noqa: F403
from oscar.apps.partner.admin import PartnerAdmin as OscarPartnerAdmin

from .models import BankAccountChange, Partner, PartnerStaff


class PartnerStaffInline(admin.TabularInline):
    """Members and their roles: where the alliance names a new owner when one leaves."""

    model = PartnerStaff
    extra = 0
    raw_id_fields = ("user",)


class BankAccountChangeInline(admin.TabularInline):
    model = BankAccountChange
    extra = 0
    fields = ("changed_at", "changed_by", "old_bank_bin", "old_masked", "new_bank_bin", "new_masked")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


admin.site.unregister(Partner)


@admin.register(Partner)
class PartnerAdmin(OscarPartnerAdmin):
    # The payout account changes only in the seller centre, by an owner, recorded and announced.
    readonly_fields = ("bank_bin", "bank_account_number", "bank_account_holder")
    inlines = [PartnerStaffInline, BankAccountChangeInline]
