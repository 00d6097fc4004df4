"""State changes only on POST. Oscar answers some GET requests by changing state (signing out,
setting a default address, confirming or cancelling a stock alert, adding to a wish list, linking a
user to a cooperative): a link on any other site, or a mail scanner opening a link, would do it.
These views are mounted on the same paths ahead of Oscar's (marketplace/urls.py): GET shows a page
with one button that POSTs to the same address, and POST runs Oscar's view as before."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_protect
from oscar.core.loading import get_class


def post_only(
    view: Callable[..., HttpResponse], *, question: str, button: str
) -> Callable[..., HttpResponse]:
    @csrf_protect
    def confirm_then_post(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST":
            return view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            context = {"question": question, "button": button, "action": request.get_full_path()}
            return render(request, "oscar/confirm_post.html", context)
        return HttpResponseNotAllowed(["GET", "POST"])

    return confirm_then_post


def _oscar(module: str, name: str) -> Callable[..., HttpResponse]:
    view_class = get_class(module, name)
    if "post" not in view_class.__dict__ and not hasattr(view_class, "post"):
        view_class = type(name, (view_class,), {"post": view_class.get})  # its work is done in get()
    return view_class.as_view()


def logout_view():
    return post_only(
        _oscar("customer.views", "LogoutView"), question=_("Bạn muốn đăng xuất?"), button=_("Đăng xuất")
    )


def address_default_view():
    return login_required(
        post_only(
            _oscar("customer.views", "AddressChangeStatusView"),
            question=_("Đặt địa chỉ này làm mặc định?"),
            button=_("Đặt làm mặc định"),
        )
    )


def alert_confirm_view():
    return post_only(
        _oscar("customer.alerts.views", "ProductAlertConfirmView"),
        question=_("Nhận email khi sản phẩm có hàng trở lại?"),
        button=_("Xác nhận"),
    )


def alert_cancel_by_pk_view():
    return login_required(alert_cancel_view())


def alert_cancel_view():
    return post_only(
        _oscar("customer.alerts.views", "ProductAlertCancelView"),
        question=_("Thôi nhận email báo có hàng cho sản phẩm này?"),
        button=_("Huỷ thông báo"),
    )


def wishlist_add_view():
    return login_required(
        post_only(
            _oscar("customer.wishlists.views", "WishListAddProduct"),
            question=_("Thêm sản phẩm vào danh sách yêu thích?"),
            button=_("Thêm"),
        )
    )


def wishlist_move_view():
    return login_required(
        post_only(
            _oscar("customer.wishlists.views", "WishListMoveProductToAnotherWishList"),
            question=_("Chuyển sản phẩm sang danh sách khác?"),
            button=_("Chuyển"),
        )
    )


def partner_user_link_view():
    return post_only(
        _oscar("dashboard.partners.views", "PartnerUserLinkView"),
        question=_("Thêm người này vào hợp tác xã?"),
        button=_("Thêm"),
    )
