"""/seller/money/: the cooperative's balance with the alliance, this month's lines, its statements
(page, PDF, Excel) and payouts. Everything is read through the scope's cooperative only."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from marketplace.seller.views import SellerMixin

from . import exports, selectors
from .months import month_of


class MoneyView(SellerMixin, TemplateView):
    template_name = "ledger/seller/money.html"
    section = "money"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner = self.scope.partner
        month = month_of()
        balance = selectors.balance(partner)
        context.update(
            balance=balance,
            balance_sentence=balance_sentence(balance),
            month=month,
            rows=selectors.statement_rows(partner, month),
            statements=list(selectors.statements(partner)[:24]),
            payouts=list(selectors.payouts(partner)[:12]),
        )
        return context


class StatementMixin(SellerMixin):
    def get_object(self):
        statement = selectors.statement_of(self.scope.partner, self.kwargs["pk"])
        if statement is None:
            raise Http404
        return statement


class StatementView(StatementMixin, TemplateView):
    template_name = "ledger/seller/statement.html"
    section = "money"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            statement=self.object, rows=selectors.statement_rows(self.scope.partner, self.object.month)
        )
        return context


class StatementFileView(StatementMixin, View):
    def get(self, request, *args, **kwargs):
        statement = self.object
        name = f"bang-ke-{statement.month:%Y-%m}-{statement.partner_id}"
        if kwargs["fmt"] == "pdf":
            response = HttpResponse(exports.statement_pdf(statement), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        else:
            response = HttpResponse(exports.statement_xlsx(statement), content_type=exports.XLSX)
            response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response


def balance_sentence(balance: int) -> str:
    from marketplace.core.money import format_vnd

    if balance > 0:
        return _(
            "Liên minh đang giữ %(amount)s tiền bán hàng của hợp tác xã và sẽ chuyển vào tài khoản ngân hàng."
        ) % {"amount": format_vnd(balance)}
    if balance < 0:
        return _("Hợp tác xã đang nợ liên minh %(amount)s tiền hoa hồng.") % {"amount": format_vnd(-balance)}
    return _("Hai bên không nợ nhau đồng nào.")
