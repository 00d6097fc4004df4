"""Writes of the seller centre. Each takes the cooperative's SellerScope, so it can only touch
that cooperative's objects."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from marketplace.catalogue.models import Product
from marketplace.catalogue.services import default_product_class
from marketplace.core.phones import normalise_phone
from marketplace.outbox.services import outbox_add
from marketplace.partner.models import BankAccountChange, Partner, StockRecord
from marketplace.partner.selectors import is_cooperative_owner
from marketplace.partner.services import cooperative_apply, partner_bank_account_change
from marketplace.users.models import User

from .models import ProductChange, StaffInvitation
from .scope import SellerScope

if TYPE_CHECKING:
    from oscar.apps.catalogue.models import Category

    from marketplace.ocop.models import Certificate

ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")

PRODUCT_FIELDS = ("title", "description", "weight_grams")
PROFILE_FIELDS = (
    "short_name",
    "legal_representative",
    "phone",
    "email",
    "province",
    "commune",
    "commune_code",
    "street",
    "founded",
    "members",
    "story",
)
BANK_FIELDS = ("bank_bin", "bank_account_number", "bank_account_holder")


def _set_photo(product: Product, photo: UploadedFile) -> None:
    for old in product.images.all():
        old.delete()
    image = ProductImage(product=product, caption=product.title, display_order=0)
    image.original.save(photo.name, photo, save=True)


@transaction.atomic
def seller_product_save(
    *,
    scope: SellerScope,
    by: User,
    product: Product | None = None,
    title: str,
    description: str = "",
    price: int,
    stock: int,
    stock_shown: int | None = None,
    price_shown: int | None = None,
    weight_grams: int | None = None,
    category: Category | None = None,
    certificate: Certificate | None = None,
    photo: UploadedFile | None = None,
) -> Product:
    """Create (product=None) or edit one of the cooperative's products, and record the change.

    New products are public at once: they are on sale as soon as the cooperative is approved.
    An edit changes only what the person changed against what the form showed (`stock_shown`,
    `price_shown`): stock moves by the difference, applied to the live row, and allocations to
    orders are never written (see `stockrecord_edit`)."""
    creating = product is None
    if product is None:
        sku = f"HTX{scope.partner.pk}-{uuid.uuid4().hex[:8].upper()}"
        product = Product(upc=sku, product_class=default_product_class(), structure=Product.STANDALONE)
    else:
        product = scope.get_product(product.pk)
    values = {"title": title, "description": description, "weight_grams": weight_grams}
    changed = [name for name, value in values.items() if getattr(product, name) != value]
    for name, value in values.items():
        setattr(product, name, value)
    product.save()
    if creating:
        StockRecord.objects.create(
            product=product,
            partner=scope.partner,
            partner_sku=product.upc,
            price_currency="VND",
            price=Decimal(price),
            num_in_stock=stock,
        )
    else:
        changed += stockrecord_edit(
            record=scope.stockrecord(product),
            price=price,
            price_shown=price_shown,
            stock=stock,
            stock_shown=stock_shown,
        )
    if category is not None and not product.categories.filter(pk=category.pk).exists():
        ProductCategory.objects.filter(product=product).delete()
        ProductCategory.objects.create(product=product, category=category)
        changed.append("category")
    if certificate is not None and not certificate.products.filter(pk=product.pk).exists():
        scope.get_certificate(certificate.pk).products.add(product)
        changed.append("certificate")
    if photo is not None:
        _set_photo(product, photo)
        changed.append("photo")
    if creating or changed:
        ProductChange.objects.create(
            partner=scope.partner,
            product=product,
            changed_by=by,
            action="created" if creating else "edited",
            fields=[] if creating else changed,
        )
    return product


#: Said wherever a person could change the stock of a product kept by batch (it moves with its batches).
BY_BATCH_MESSAGE = gettext_lazy(
    "Số lượng của sản phẩm này tính theo lô: bằng tổng số còn của các lô đang bán. "
    "Muốn thêm hàng, hãy tạo lô mới ở mục Lô hàng; muốn bớt, hãy sửa số lượng của lô."
)


def stockrecord_edit(
    *, record: StockRecord, price: int, price_shown: int | None, stock: int, stock_shown: int | None
) -> list[str]:
    """Apply a seller's edit to the live stock record, row-locked: the stock moves by what the
    person added or removed (`stock - stock_shown`), never below what orders hold; the price is set
    only if the person changed it. Returns the names of the fields changed."""
    locked = StockRecord.objects.select_for_update().get(pk=record.pk)
    changed: list[str] = []
    updates: dict[str, Any] = {}
    if (price_shown is None or int(price) != int(price_shown)) and locked.price != Decimal(price):
        updates["price"] = Decimal(price)
        changed.append("price")
    shown = (locked.num_in_stock or 0) if stock_shown is None else stock_shown
    delta = stock - shown
    if delta and locked.kept_by_batch:
        raise ValidationError(BY_BATCH_MESSAGE)
    if delta:
        held = locked.num_allocated or 0
        if (locked.num_in_stock or 0) + delta < held:
            raise ValidationError(
                _(
                    "Không thể giảm số lượng còn %(stock)s: %(held)s đang được giữ cho các đơn chưa giao. "
                    "Hãy nhập ít nhất %(held)s, hoặc huỷ bớt đơn trước."
                )
                % {"stock": (locked.num_in_stock or 0) + delta, "held": held}
            )
        updates["num_in_stock"] = Coalesce(F("num_in_stock"), Value(0)) + delta
        changed.append("num_in_stock")
    if updates:
        StockRecord.objects.filter(pk=locked.pk).update(**updates)
    return changed


@transaction.atomic
def seller_product_visibility(*, scope: SellerScope, by: User, product: Product, visible: bool) -> Product:
    product = scope.get_product(product.pk)
    if product.is_public != visible:
        product.is_public = visible
        product.save()
        ProductChange.objects.create(
            partner=scope.partner, product=product, changed_by=by, action="shown" if visible else "hidden"
        )
    return product


@transaction.atomic
def seller_profile_update(
    *, scope: SellerScope, logo: UploadedFile | None = None, cover: UploadedFile | None = None, **fields: Any
) -> Partner:
    partner = scope.partner
    if fields.get("phone"):
        fields["phone"] = normalise_phone(fields["phone"])
    for name in PROFILE_FIELDS:
        if name in fields:
            setattr(partner, name, fields[name])
    if logo is not None:
        partner.logo.save(logo.name, logo, save=False)
    if cover is not None:
        partner.cover.save(cover.name, cover, save=False)
    partner.save()
    return partner


def seller_bank_update(
    *, scope: SellerScope, by: User, bank_bin: str, bank_account_number: str, bank_account_holder: str
) -> BankAccountChange | None:
    """The owner points buyers' transfers at a new account (recorded and emailed; see
    partner_bank_account_change). Staff get PermissionDenied."""
    return partner_bank_account_change(
        partner=scope.partner,
        by=by,
        bank_bin=bank_bin,
        account_number=bank_account_number,
        account_holder=bank_account_holder,
    )


@transaction.atomic
def seller_staff_invite(*, scope: SellerScope, by: User, email: str) -> StaffInvitation:
    email = email.strip().lower()
    if scope.staff().filter(email__iexact=email).exists():
        raise ValidationError(_("Người này đã là cán bộ của hợp tác xã."))
    invitation = scope.invitations().filter(email__iexact=email).first()
    if invitation is None:
        invitation = StaffInvitation.objects.create(partner=scope.partner, email=email, invited_by=by)
    outbox_add(
        key=f"staff-invitation:{invitation.pk}",
        task="marketplace.seller.tasks.staff_invitation_email",
        invitation_id=invitation.pk,
    )
    return invitation


@transaction.atomic
def seller_invitation_cancel(*, scope: SellerScope, invitation: StaffInvitation) -> None:
    scope.get_invitation(invitation.pk).delete()


@transaction.atomic
def seller_staff_remove(*, scope: SellerScope, by: User, member: User) -> None:
    member = scope.get_staff_member(member.pk)
    if not is_cooperative_owner(by, scope.partner):
        raise PermissionDenied(_("Chỉ chủ gian hàng mới xoá được người quản lý."))
    if scope.staff().count() <= 1:
        raise ValidationError(_("Hợp tác xã cần ít nhất một người quản lý."))
    if member.pk == by.pk:
        raise ValidationError(_("Bạn không thể tự xoá mình. Hãy nhờ người quản lý khác."))
    scope.partner.users.remove(member)


@transaction.atomic
def seller_invitation_accept(*, invitation: StaffInvitation, user: User) -> None:
    invitation = StaffInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        return
    invitation.partner.users.add(user)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])


# --- Applying to join ---------------------------------------------------------------------------
@dataclass(frozen=True)
class NewAccount:
    """The account of an applicant who had none: created with the application."""

    email: str
    name: str
    password: str


@transaction.atomic
def seller_apply(
    *, applicant: User | None, account: NewAccount | None, document: UploadedFile, **fields: Any
) -> tuple[Partner, User]:
    """A person applies for their cooperative to join, signed in (`applicant`) or with a new
    account (`account`), which is created in the same transaction. Returns the cooperative and
    the applicant, who becomes its owner."""
    if account is not None:
        applicant = User.objects.create_user(
            email=account.email, password=account.password, first_name=account.name
        )
    if applicant is None:
        raise ValueError("an application needs an applicant or a new account")
    partner = cooperative_apply(applicant=applicant, document=document, **fields)
    return partner, applicant
