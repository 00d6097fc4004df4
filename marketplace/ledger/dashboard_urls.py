from django.urls import path

from . import dashboard_views as views

app_name = "ledger"

urlpatterns = [
    path("commission/", views.CommissionRulesView.as_view(), name="commission"),
    path("commission/<int:pk>/end/", views.CommissionRuleEndView.as_view(), name="commission-end"),
    path("payouts/", views.PayoutsView.as_view(), name="payouts"),
    path(
        "payouts/<int:pk>/chi-tra.xlsx",
        views.PayoutBatchFileView.as_view(),
        {"fmt": "xlsx"},
        name="batch-xlsx",
    ),
    path(
        "payouts/<int:pk>/chi-tra.csv", views.PayoutBatchFileView.as_view(), {"fmt": "csv"}, name="batch-csv"
    ),
    path("payouts/<int:pk>/paid/", views.PayoutBatchPaidView.as_view(), name="batch-paid"),
    path("withholding.xlsx", views.WithholdingExportView.as_view(), name="withholding"),
]
