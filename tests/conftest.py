import pytest

from tests.factories import CooperativeFactory, make_product, vietnam


@pytest.fixture
def country_vn(db):
    return vietnam()


@pytest.fixture
def two_cooperatives(db):
    """Two approved cooperatives, one product each, in stock."""
    first = CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")
    second = CooperativeFactory(name="Hợp tác xã Mắm tép Gia Viễn", area="ninh_binh")
    return (
        make_product(first, title="Cơm cháy chà bông 200 g", price=45000, stock=20),
        make_product(second, title="Mắm tép Gia Viễn 500 g", price=80000, stock=20),
    )


@pytest.fixture
def staff_user(db, django_user_model):
    return django_user_model.objects.create_superuser(email="staff@chohtx.vn", password="pw-staff-123")


@pytest.fixture
def customer(db, django_user_model):
    return django_user_model.objects.create_user(email="lan@example.vn", password="pw-customer-123")
