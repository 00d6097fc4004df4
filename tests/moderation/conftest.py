import pytest

from marketplace.partner.models import Role
from tests.conftest import TwoFactorClient
from tests.factories import CooperativeFactory, make_product


class Seller:
    """An approved cooperative, its owner and one product on sale."""

    def __init__(self, name, email, django_user_model, title):
        self.partner = CooperativeFactory(name=name, email=f"lienhe-{email}")
        self.user = django_user_model.objects.create_user(email=email, password="pw-seller-123")
        self.partner.users.add(self.user, through_defaults={"role": Role.OWNER})
        self.product = make_product(self.partner, title=title, price=45000, stock=10)


@pytest.fixture
def seller_a(db, django_user_model):
    return Seller("Hợp tác xã Cơm cháy Gia Sinh", "a@htx.vn", django_user_model, "Cơm cháy chà bông 200 g")


@pytest.fixture
def seller_b(db, django_user_model):
    return Seller("Hợp tác xã Mắm tép Gia Viễn", "b@htx.vn", django_user_model, "Mắm tép Gia Viễn 500 g")


@pytest.fixture
def moderator_user(db, django_user_model):
    """Alliance staff who is not an admin (no export permission)."""
    user = django_user_model.objects.create_user(email="kiemsoat@chohtx.vn", password="pw-staff-123")
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def signed_in():
    """signed_in(user) -> a fresh client signed in as `user` (several people in one test)."""

    def client_for(user):
        client = TwoFactorClient()
        client.force_login(user)
        return client

    return client_for
