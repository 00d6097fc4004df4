"""Test factories. They build data through the same services as the demo loader."""

import io
import itertools

import factory
from django.utils import timezone
from oscar.core.loading import get_model
from PIL import Image

from marketplace.catalogue import services as catalogue_services
from marketplace.geo import commune_named
from marketplace.partner.models import Partner, Status

Country = get_model("address", "Country")
_sku = itertools.count(1)


class CooperativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Hợp tác xã Thử nghiệm {n}")
    short_name = factory.Sequence(lambda n: f"HTX {n}")
    status = Status.APPROVED
    area = "ninh_binh"
    province = "Ninh Bình"
    commune = "Xã Gia Viễn"
    # The official code of the commune given (marketplace/geo); empty if it is not a real one.
    commune_code = factory.LazyAttribute(lambda o: getattr(commune_named(o.province, o.commune), "code", ""))
    street = "Thôn Tập Ninh"
    phone = "+84912345678"
    registration_number = factory.Sequence(lambda n: f"09.01.{n:04d}")
    tax_code = factory.Sequence(lambda n: f"27{n:08d}")
    # Alliance staff checked its papers (no cooperative sells before that).
    identity_method = "document"
    identity_document = "Giấy chứng nhận đăng ký HTX và CCCD của người đại diện"
    identity_verified_at = factory.LazyFunction(timezone.now)


def small_jpeg(colour=(200, 120, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def make_product(partner=None, *, title=None, price=125000, stock=10, image=False, **kwargs):
    number = next(_sku)
    return catalogue_services.product_upsert(
        partner=partner or CooperativeFactory(),
        sku=kwargs.pop("sku", f"TEST-{number}"),
        title=title or f"Sản phẩm thử {number}",
        price=price,
        stock=stock,
        image=small_jpeg() if image else None,
        **kwargs,
    )


def vietnam():
    country, __ = Country.objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "printable_name": "Việt Nam",
            "name": "Việt Nam",
            "is_shipping_country": True,
        },
    )
    return country


# --- Checkout, orders and payments -------------------------------------------------------
def shipping_settings_for(partner, **fields):
    """Give a cooperative its own shipping options (flat fee, free above, provinces, pickup)."""
    from marketplace.delivery.models import ShippingSettings

    settings, __ = ShippingSettings.objects.update_or_create(partner=partner, defaults=fields)
    return settings


def bank_account_for(partner, *, bank_bin="970415", account_number="0011001932418", holder=""):
    """A cooperative's own bank account, so that VietQR transfers can be offered."""
    partner.bank_bin = bank_bin
    partner.bank_account_number = account_number
    partner.bank_account_holder = holder or partner.name.upper()
    partner.save()
    return partner
