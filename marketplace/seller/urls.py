"""/seller/ — the seller centre. tests/seller/test_isolation.py must cover every URL listed here."""

from django.urls import path

from marketplace.messaging import seller_urls as messaging_urls
from marketplace.moderation import seller_urls as moderation_urls
from marketplace.preorders import seller_urls as preorder_urls
from marketplace.reports import views as report_views
from marketplace.returns import seller_urls as returns_urls
from marketplace.traceability import seller_urls as batch_urls
from marketplace.wholesale import seller_urls as wholesale_urls

from . import assisted_views, import_views, order_views, shipping_views, views

app_name = "seller"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("apply/", views.ApplyView.as_view(), name="apply"),
    path("products/", views.ProductListView.as_view(), name="products"),
    path("products/new/", views.ProductCreateView.as_view(), name="product-create"),
    path("products/import/", import_views.ProductImportView.as_view(), name="product-import"),
    path(
        "products/import/<int:pk>/",
        import_views.ProductImportDetailView.as_view(),
        name="product-import-detail",
    ),
    path(
        "products/import/<int:pk>/start/",
        import_views.ProductImportStartView.as_view(),
        name="product-import-start",
    ),
    path(
        "products/import/<int:pk>/status/",
        import_views.ProductImportStatusView.as_view(),
        name="product-import-status",
    ),
    path("products/import/template/", import_views.ProductTemplateView.as_view(), name="product-template"),
    path("products/export/", import_views.ProductExportView.as_view(), name="product-export"),
    path("products/<int:pk>/", views.ProductEditView.as_view(), name="product-edit"),
    path("products/<int:pk>/visibility/", views.ProductVisibilityView.as_view(), name="product-visibility"),
    path("certificates/", views.CertificateListView.as_view(), name="certificates"),
    path("certificates/new/", views.CertificateCreateView.as_view(), name="certificate-create"),
    path("certificates/<int:pk>/", views.CertificateDetailView.as_view(), name="certificate-detail"),
    path("certificates/<int:pk>/scan/", views.CertificateScanView.as_view(), name="certificate-scan"),
    path("orders/", order_views.SubOrderListView.as_view(), name="orders"),
    path("orders/<str:number>/", order_views.SubOrderDetailView.as_view(), name="order-detail"),
    path("orders/<str:number>/confirm/", order_views.SubOrderConfirmView.as_view(), name="order-confirm"),
    path("orders/<str:number>/pack/", order_views.SubOrderPackView.as_view(), name="order-pack"),
    path("orders/<str:number>/ship/", order_views.SubOrderShipView.as_view(), name="order-ship"),
    path("orders/<str:number>/deliver/", order_views.SubOrderDeliverView.as_view(), name="order-deliver"),
    path("orders/<str:number>/complete/", order_views.SubOrderCompleteView.as_view(), name="order-complete"),
    path("orders/<str:number>/paid/", order_views.SubOrderPaidView.as_view(), name="order-paid"),
    path("orders/<str:number>/cancel/", order_views.SubOrderCancelView.as_view(), name="order-cancel"),
    path("shipping/", shipping_views.ShippingSettingsView.as_view(), name="shipping"),
    path("shipping/preview/", shipping_views.ShippingPreviewView.as_view(), name="shipping-preview"),
    path("sales/", report_views.SalesReportView.as_view(), name="sales"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("bank/", views.BankView.as_view(), name="bank"),
    path("staff/", views.StaffView.as_view(), name="staff"),
    path("staff/<int:pk>/remove/", views.StaffRemoveView.as_view(), name="staff-remove"),
    path(
        "staff/invitations/<int:pk>/cancel/", views.InvitationCancelView.as_view(), name="invitation-cancel"
    ),
    path("history/", assisted_views.HistoryView.as_view(), name="history"),
    path("qr/", assisted_views.StorefrontQRView.as_view(), name="storefront-qr"),
    path("assist/leave/", assisted_views.AssistLeaveView.as_view(), name="assist-leave"),
    path("invitations/<str:token>/", views.InvitationAcceptView.as_view(), name="invitation-accept"),
]
urlpatterns += returns_urls.urlpatterns + messaging_urls.urlpatterns + preorder_urls.urlpatterns
urlpatterns += moderation_urls.urlpatterns
urlpatterns += wholesale_urls.urlpatterns
urlpatterns += batch_urls.urlpatterns
