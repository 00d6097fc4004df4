"""Writes for returns: request, answer, escalate and decide, receive the goods (stock back), refund.

Every step is one transaction that locks the request, checks the step is still allowed, writes the
step to the timeline and the outbox record that emails both sides. Refunds follow the payment method
and are recorded in payments.Refund (append-only): a card refund is sent to Stripe through the outbox;
a VietQR or cash-on-delivery refund is a transfer the cooperative records and the buyer confirms."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.core.money import format_vnd
from marketplace.order.batches import batch_keeper
from marketplace.order.models import SubOrder
from marketplace.order.services import search_stock_refresh
from marketplace.outbox.services import outbox_add

from . import selectors
from .exceptions import ReturnRefused
from .models import (
    ReturnEvent,
    ReturnLine,
    ReturnPhoto,
    ReturnReason,
    ReturnRequest,
    ReturnStatus,
    ReturnStep,
    Side,
)

StockRecord = get_model("partner", "StockRecord")
R = ReturnStatus
TASKS = "marketplace.returns.tasks"
MAX_PHOTOS = 5


def _event(
    request: ReturnRequest, step: str, *, side: str, actor=None, note: str = "", **params
) -> ReturnEvent:
    """A step on both timelines, and (through the outbox, in this transaction) the emails to both sides."""
    event = ReturnEvent.objects.create(
        request=request,
        step=step,
        side=side,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=note,
        params=params,
    )
    outbox_add(key=f"return-event:{event.pk}", task=f"{TASKS}.return_event_notify", event_id=event.pk)
    return event


def _locked(request_id: int, allowed: tuple) -> ReturnRequest:
    request = ReturnRequest.objects.select_for_update().select_related("suborder").get(pk=request_id)
    if request.status not in allowed:
        raise ReturnRefused(
            _("Yêu cầu %(number)s đang ở bước “%(status)s”, không làm được việc này nữa.")
            % {"number": request.number, "status": request.get_status_display()}
        )
    return request


def _set(request: ReturnRequest, status: str, **fields) -> None:
    request.status = status
    for name, value in fields.items():
        setattr(request, name, value)
    request.save()


# --- The buyer asks ------------------------------------------------------------------------------
def return_request(
    *,
    suborder_id: int,
    quantities: dict[int, int],
    reason: str,
    note: str = "",
    photos=(),
    refund_account: dict | None = None,
    actor=None,
) -> ReturnRequest:
    """The buyer asks to return `quantities` ({order line id: how many}) of a delivered sub-order,
    within the returns period. `photos` are already checked (marketplace/seller/uploads.py)."""
    if reason not in ReturnReason.values:
        raise ReturnRefused(_("Hãy chọn lý do trả hàng."))
    if len(photos) > MAX_PHOTOS:
        raise ReturnRefused(_("Gửi tối đa %(n)s ảnh.") % {"n": MAX_PHOTOS})
    with transaction.atomic():
        suborder = SubOrder.objects.select_for_update().get(pk=suborder_id)
        window = selectors.return_window(suborder)
        if not window.open:
            raise ReturnRefused(window.reason)
        lines = {line.pk: line for line in selectors.returnable_lines(suborder)}
        chosen = {pk: qty for pk, qty in quantities.items() if qty}
        if not chosen:
            raise ReturnRefused(_("Hãy chọn ít nhất một sản phẩm và số lượng muốn trả."))
        for pk, quantity in chosen.items():
            line = lines.get(pk)
            if line is None or quantity < 0 or quantity > line.returnable:
                raise ReturnRefused(_("Số lượng trả không hợp lệ."))
        account = _refund_account(suborder, refund_account or {})
        amount = sum(int(lines[pk].unit_price_incl_tax) * quantity for pk, quantity in chosen.items())
        count = suborder.returns.count()
        request = ReturnRequest.objects.create(
            suborder=suborder,
            number=f"{suborder.number}-TH{count + 1}",
            reason=reason,
            note=note.strip(),
            refund_amount=amount,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            **account,
        )
        ReturnLine.objects.bulk_create(
            ReturnLine(request=request, line_id=pk, quantity=quantity) for pk, quantity in chosen.items()
        )
        for photo in photos:
            ReturnPhoto.objects.create(request=request, image=photo)
        _event(request, ReturnStep.REQUESTED, side=Side.BUYER, actor=actor, note=request.note)
    return request


def needs_refund_account(suborder: SubOrder) -> bool:
    """Whether the cooperative transfers the refund itself (COD, VietQR), so the buyer gives an account."""
    from payments.registry import method_for

    return method_for(suborder.payment_method).refunds_by_transfer


def _refund_account(suborder: SubOrder, account: dict) -> dict:
    """Where a transfer refund goes (VietQR, cash on delivery): required from the buyer."""
    if not needs_refund_account(suborder):
        return {}
    bank = (account.get("bank") or "").strip()
    number = (account.get("number") or "").replace(" ", "").strip()
    holder = (account.get("holder") or "").strip()
    if not bank or not holder or not number.isdigit() or not 6 <= len(number) <= 19:
        raise ReturnRefused(
            _("Hãy nhập ngân hàng, số tài khoản (chỉ gồm chữ số) và tên chủ tài khoản để nhận tiền hoàn.")
        )
    return {"refund_bank": bank[:64], "refund_account_number": number, "refund_account_holder": holder[:128]}


def return_escalate(*, request_id: int, actor=None) -> ReturnRequest:
    """The buyer disagrees with the refusal: the alliance decides."""
    with transaction.atomic():
        request = _locked(request_id, (R.REFUSED,))
        _set(request, R.ESCALATED)
        _event(request, ReturnStep.ESCALATED, side=Side.BUYER, actor=actor)
    return request


# --- The cooperative answers ---------------------------------------------------------------------
def return_accept(*, request_id: int, instructions: str, actor=None) -> ReturnRequest:
    """Send the goods back: the buyer is told how (address, carrier, who pays the postage)."""
    instructions = instructions.strip()
    if not instructions:
        raise ReturnRefused(_("Hãy hướng dẫn người mua cách gửi lại hàng (địa chỉ, cách gửi)."))
    with transaction.atomic():
        request = _locked(request_id, (R.REQUESTED,))
        _set(request, R.ACCEPTED, instructions=instructions, with_return=True)
        _event(request, ReturnStep.ACCEPTED, side=Side.COOPERATIVE, actor=actor, note=instructions)
    return request


def return_refuse(*, request_id: int, reason: str, actor=None) -> ReturnRequest:
    reason = reason.strip()
    if not reason:
        raise ReturnRefused(_("Hãy cho người mua biết lý do từ chối."))
    with transaction.atomic():
        request = _locked(request_id, (R.REQUESTED,))
        _set(request, R.REFUSED, refusal_reason=reason)
        _event(request, ReturnStep.REFUSED, side=Side.COOPERATIVE, actor=actor, note=reason)
    return request


def return_refund_only(*, request_id: int, actor=None) -> ReturnRequest:
    """Refund without asking for the goods back (a broken jar is not worth the postage)."""
    with transaction.atomic():
        request = _locked(request_id, (R.REQUESTED,))
        _set(request, R.TO_REFUND, with_return=False)
        _event(request, ReturnStep.REFUND_ONLY, side=Side.COOPERATIVE, actor=actor)
        _refund_start(request, actor=actor)
    return request


def return_receive(*, request_id: int, resellable: dict[int, bool], actor=None) -> ReturnRequest:
    """The goods came back. Lines marked resellable go back into stock; then the refund."""
    with transaction.atomic():
        request = _locked(request_id, (R.ACCEPTED,))
        product_ids = []
        for item in request.lines.select_related("line"):
            item.resellable = bool(resellable.get(item.pk))
            item.save(update_fields=["resellable"])
            if item.resellable and item.line.stockrecord_id:
                if not batch_keeper().restock(item.line, item.quantity):  # kept by batch: into the batch
                    StockRecord.objects.filter(pk=item.line.stockrecord_id).update(
                        num_in_stock=F("num_in_stock") + item.quantity
                    )
                product_ids.append(item.line.product_id)
        search_stock_refresh(key=f"return-received:{request.number}", product_ids=product_ids)
        _set(request, R.TO_REFUND)
        _event(request, ReturnStep.RECEIVED, side=Side.COOPERATIVE, actor=actor)
        _refund_start(request, actor=actor)
    return request


# --- The alliance decides an escalation ----------------------------------------------------------
DECISIONS = {"refund", "return", "refuse"}


def return_decide(*, request_id: int, decision: str, note: str, actor) -> ReturnRequest:
    """Alliance staff decide: refund without return, return then refund, or keep the refusal."""
    note = note.strip()
    if decision not in DECISIONS:
        raise ReturnRefused(_("Hãy chọn một quyết định."))
    if not note:
        raise ReturnRefused(_("Hãy ghi lý do quyết định để hai bên cùng đọc."))
    with transaction.atomic():
        request = _locked(request_id, (R.ESCALATED,))
        if decision == "refuse":
            _set(request, R.CLOSED, decision_note=note)
            _event(request, ReturnStep.ALLIANCE_FOR_COOPERATIVE, side=Side.ALLIANCE, actor=actor, note=note)
        elif decision == "return":
            _set(request, R.ACCEPTED, decision_note=note, with_return=True)
            _event(request, ReturnStep.ALLIANCE_RETURN, side=Side.ALLIANCE, actor=actor, note=note)
        else:
            _set(request, R.TO_REFUND, decision_note=note, with_return=False)
            _event(request, ReturnStep.ALLIANCE_FOR_BUYER, side=Side.ALLIANCE, actor=actor, note=note)
            _refund_start(request, actor=actor)
    return request


# --- Refunds -------------------------------------------------------------------------------------
def refund_key(request: ReturnRequest) -> str:
    return f"chohtx-return-{request.number}"


def _refund_start(request: ReturnRequest, *, actor=None) -> None:
    """Inside the step's transaction: a card refund is requested at once (Stripe through the outbox);
    a transfer refund waits for the cooperative to send it."""
    from payments.registry import method_for

    method = method_for(request.suborder.payment_method)
    if method.refunds_by_transfer:
        return
    method.return_refund_request(
        suborder=request.suborder, amount=request.refund_amount, key=refund_key(request)
    )
    _set(request, R.REFUND_SENT)
    _event(
        request,
        ReturnStep.CARD_REFUND_REQUESTED,
        side=Side.SYSTEM,
        amount=format_vnd(request.refund_amount),
    )


def return_card_refunded(*, key: str) -> bool:
    """Stripe accepted the card refund of a return (called from payments when its row says so)."""
    with transaction.atomic():
        request = (
            ReturnRequest.objects.select_for_update()
            .filter(number=key.removeprefix("chohtx-return-"))
            .first()
        )
        if request is None or request.status != R.REFUND_SENT:
            return False
        _set(request, R.REFUNDED)
        _event(request, ReturnStep.CARD_REFUNDED, side=Side.SYSTEM, amount=format_vnd(request.refund_amount))
    return True


def return_transfer_record(*, request_id: int, reference: str = "", actor=None) -> ReturnRequest:
    """The cooperative transferred the refund to the buyer's account (VietQR, cash on delivery)."""
    from payments.registry import method_for

    with transaction.atomic():
        request = _locked(request_id, (R.TO_REFUND,))
        if request.is_card:
            raise ReturnRefused(_("Đơn thanh toán bằng thẻ được hoàn tự động về thẻ."))
        method_for(request.suborder.payment_method).return_transfer_record(
            suborder=request.suborder, amount=request.refund_amount, key=refund_key(request), received=False
        )
        _set(request, R.REFUND_SENT)
        _event(
            request,
            ReturnStep.TRANSFER_SENT,
            side=Side.COOPERATIVE,
            actor=actor,
            note=reference.strip()[:200],
            amount=format_vnd(request.refund_amount),
        )
    return request


def return_transfer_confirm(*, request_id: int, actor=None) -> ReturnRequest:
    """The buyer confirms the refund arrived in their account."""
    from payments.registry import method_for

    with transaction.atomic():
        request = _locked(request_id, (R.REFUND_SENT,))
        if request.is_card:
            raise ReturnRefused(_("Tiền hoàn về thẻ được ghi nhận tự động."))
        method_for(request.suborder.payment_method).return_transfer_record(
            suborder=request.suborder, amount=request.refund_amount, key=refund_key(request), received=True
        )
        _set(request, R.REFUNDED)
        _event(
            request,
            ReturnStep.TRANSFER_CONFIRMED,
            side=Side.BUYER,
            actor=actor,
            amount=format_vnd(request.refund_amount),
        )
    return request
