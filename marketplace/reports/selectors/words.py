"""Labels and plain-words sentences shared by the reports."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

# Payment codes as stored on sub-orders (payments/ names them; the domain does not import it).
METHOD_LABELS = {
    "cod": _("Tiền mặt khi nhận hàng"),
    "vietqr": _("Chuyển khoản QR"),
    "stripe": _("Thẻ ngân hàng"),
}
METHOD_COLUMNS = (("cod", "cod"), ("vietqr", "vietqr"), ("card", "stripe"))  # summary column, code


def method_label(code: str) -> str:
    return str(METHOD_LABELS.get(code, code))


def comparison(unit: str, now: int, before: int) -> str:
    """'Tháng này bán 42 đơn, nhiều hơn tháng trước 8 đơn.' for unit "day", "week" or "month"."""
    this = {
        "day": pgettext("report", "Hôm nay"),
        "week": pgettext("report", "Tuần này"),
        "month": pgettext("report", "Tháng này"),
    }[unit]
    last = {
        "day": pgettext("report", "hôm qua"),
        "week": pgettext("report", "tuần trước"),
        "month": pgettext("report", "tháng trước"),
    }[unit]
    if now > before:
        return _("%(this)s bán %(now)s đơn, nhiều hơn %(last)s %(diff)s đơn.") % {
            "this": this,
            "now": now,
            "last": last,
            "diff": now - before,
        }
    if now < before:
        return _("%(this)s bán %(now)s đơn, ít hơn %(last)s %(diff)s đơn.") % {
            "this": this,
            "now": now,
            "last": last,
            "diff": before - now,
        }
    return _("%(this)s bán %(now)s đơn, bằng %(last)s.") % {"this": this, "now": now, "last": last}
