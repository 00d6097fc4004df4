"""`manage.py load_demo` builds the demo floor, and running it again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from oscar.core.loading import get_model

from marketplace.demo import data

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


def counts():
    return (
        Partner.objects.count(),
        Product.objects.count(),
        Category.objects.count(),
        get_user_model().objects.count(),
    )


@pytest.mark.django_db
def test_load_demo_builds_a_believable_floor_and_is_idempotent(client):
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first

    assert first[0] >= 12 and first[1] >= 60
    areas = set(Partner.objects.values_list("area", flat=True))
    assert areas == {"ninh_binh", "ha_nam", "nam_dinh"}
    groups = {c.name for c in Category.get_root_nodes()}
    assert groups == {g["name"] for g in data.OCOP_GROUPS} and len(groups) == 6
    assert not Product.objects.filter(images__isnull=True).exists()
    assert not Product.objects.filter(stockrecords__price__isnull=True).exists()

    assert client.login(email="admin@chohtx.vn", password="ChoHTX@2026")
    assert client.get("/dashboard/").status_code == 200
    assert client.login(email="khachhang@chohtx.vn", password="ChoHTX@2026")
    search = client.get("/search/?q=com chay").content.decode()
    assert "Cơm cháy" in search
