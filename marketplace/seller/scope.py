"""The one place the seller centre reads a cooperative's data from.

Every seller-centre view gets a `SellerScope` for the signed-in user's cooperative and asks it for
objects: nothing of another cooperative can come out of it (`get_*` raise Http404 for the rest).
tests/seller/test_isolation.py walks every seller-centre URL to hold this."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import Count, F, QuerySet, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.catalogue.models import Product
from marketplace.ocop.models import Certificate, CertificateQuerySet
from marketplace.order.models import SubOrder, SubOrderEvent, SubOrderStatus
from marketplace.partner.models import BankAccountChange, Partner, PartnerStaff, Role, Status, StockRecord
from marketplace.partner.selectors import cooperative_role

from .assisted import assisting_partner
from .models import AssistedAction, ProductChange, StaffInvitation

Line = get_model("order", "Line")
if TYPE_CHECKING:
    from marketplace.users.models import User
else:
    User = get_user_model()

LOW_STOCK = 5


def cooperative_for(user) -> Partner | None:
    """The cooperative this user works for (the first, if ever more than one), or None."""
    if not user.is_authenticated:
        return None
    return user.partners.exclude(status=Status.REJECTED).order_by("pk").first()


@dataclass(frozen=True)
class SellerScope:
    partner: Partner
    role: str = Role.STAFF  # the signed-in person's role in this cooperative
    # Alliance staff acting for the cooperative (assisted mode), or None for its own people.
    assisted_by: Any = None

    @classmethod
    def for_user(cls, user) -> "SellerScope | None":
        partner = cooperative_for(user)
        if partner is None:
            return None
        return cls(partner, role=cooperative_role(user, partner) or Role.STAFF)

    @classmethod
    def for_request(cls, request) -> "SellerScope | None":
        """The cooperative this request works for: the one alliance staff chose to act for (assisted
        mode, marketplace/seller/assisted.py), otherwise the signed-in person's own."""
        partner = assisting_partner(request)
        if partner is not None:
            return cls(partner, role=Role.STAFF, assisted_by=request.user)
        return cls.for_user(request.user)

    @property
    def is_assisted(self) -> bool:
        return self.assisted_by is not None

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER

    # --- products ---------------------------------------------------------------------
    def products(self) -> QuerySet:
        return (
            Product.objects.filter(stockrecords__partner=self.partner)
            .distinct()
            .prefetch_related("images", "ocop_certificates")
            .order_by("-date_updated", "-pk")
        )

    def get_product(self, pk) -> Product:
        return get_object_or_404(self.products(), pk=pk)

    def stockrecord(self, product) -> StockRecord:
        return get_object_or_404(StockRecord, product=product, partner=self.partner)

    def low_stock(self) -> QuerySet:
        return StockRecord.objects.filter(
            partner=self.partner,
            product__is_public=True,
            num_in_stock__lte=Coalesce(F("num_allocated"), Value(0)) + LOW_STOCK,
        ).select_related("product")

    def product_changes(self) -> QuerySet:
        return ProductChange.objects.filter(partner=self.partner).select_related("product", "changed_by")

    def product_imports(self) -> QuerySet:
        from marketplace.product_import.selectors import imports_of

        return imports_of(self.partner)

    def get_product_import(self, pk):
        return get_object_or_404(self.product_imports(), pk=pk)

    # --- certificates -----------------------------------------------------------------
    def certificates(self) -> CertificateQuerySet:
        return Certificate.objects.filter(partner=self.partner).prefetch_related("products")

    def get_certificate(self, pk) -> Certificate:
        return get_object_or_404(self.certificates(), pk=pk)

    def expiring_certificates(self) -> QuerySet:
        return self.certificates().expiring(timezone.localdate())

    # --- orders: the cooperative's sub-orders ---------------------------------------------
    def suborders(self) -> QuerySet:
        """This cooperative's sub-orders, newest first, with what a list row shows (no per-row query)."""
        return (
            SubOrder.objects.filter(partner=self.partner)
            .select_related("order", "order__shipping_address")
            .order_by("-created_at", "-pk")
        )

    def get_suborder(self, number: str) -> SubOrder:
        return get_object_or_404(self.suborders(), number=number)

    def suborder_counts(self) -> dict[str, int]:
        """{status: how many}, in one query, for the status tabs."""
        rows = SubOrder.objects.filter(partner=self.partner).values("status").annotate(n=Count("pk"))
        return {row["status"]: row["n"] for row in rows.order_by()}

    def waiting_suborders(self) -> QuerySet:
        """New sub-orders: waiting for the cooperative to confirm them."""
        return self.suborders().filter(status=SubOrderStatus.NEW)

    def suborder_lines(self, suborder: SubOrder) -> QuerySet:
        return Line.objects.filter(order_id=suborder.order_id, partner=self.partner).order_by("pk")

    def suborder_events(self, suborder: SubOrder) -> QuerySet:
        return SubOrderEvent.objects.filter(suborder__partner=self.partner, suborder=suborder).select_related(
            "actor"
        )

    # --- staff ------------------------------------------------------------------------
    def staff(self) -> QuerySet:
        return self.partner.users.order_by("email")

    def staff_roles(self) -> QuerySet:
        """Members with their roles, owners first."""
        return (
            PartnerStaff.objects.filter(partner=self.partner)
            .select_related("user")
            .order_by("role", "user__email")
        )

    def owners(self) -> QuerySet:
        return self.staff().filter(
            cooperative_roles__partner=self.partner, cooperative_roles__role=Role.OWNER
        )

    def bank_account_changes(self) -> QuerySet:
        return BankAccountChange.objects.filter(partner=self.partner).select_related("changed_by")

    def assisted_actions(self) -> QuerySet:
        """What alliance staff did for this cooperative in assisted mode, newest first."""
        return AssistedAction.objects.filter(partner=self.partner).select_related("staff")

    def get_staff_member(self, pk) -> User:
        return get_object_or_404(self.staff(), pk=pk)

    def invitations(self) -> QuerySet:
        return StaffInvitation.objects.filter(partner=self.partner, accepted_at__isnull=True)

    def get_invitation(self, pk) -> StaffInvitation:
        return get_object_or_404(self.invitations(), pk=pk)

    def has_member(self, user) -> bool:
        return self.partner.users.filter(pk=user.pk).exists()


def invitation_for(token: str, user) -> StaffInvitation:
    """An open invitation addressed to this signed-in user's email, or 404."""
    invitation = (
        StaffInvitation.objects.filter(token=token, accepted_at__isnull=True)
        .select_related("partner")
        .first()
    )
    if invitation is None or invitation.email.lower() != (user.email or "").lower():
        raise Http404
    return invitation
