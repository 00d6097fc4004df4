import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.http import HttpRequest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from marketplace.users.two_factor import two_factor_enrolled, two_factor_required
from tests.factories import CooperativeFactory, make_product, vietnam

# Fixtures that tests of several packages use (CMS pages and people), defined once.
pytest_plugins = ["tests.helpers.cms_fixtures"]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with empty caches: rate-limit counters and cached pages never leak from one
    test to the next."""
    for cache in caches.all():
        cache.clear()


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


class TwoFactorClient(Client):
    """Django's test client, with the second factor passed the way the code page passes it.

    The back office answers alliance staff only after they confirm a code (marketplace/users/
    two_factor.py). Signing in staff here also gives them a confirmed authenticator device and marks
    the session verified with it, exactly as `django_otp.login` does after a correct code; tests of
    the code pages themselves use `plain_client`.
    `login()` passes a request to `authenticate`, as django-axes requires of every sign-in.
    """

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if two_factor_required(user) or two_factor_enrolled(user):
            self.verify_second_factor(user)

    def login(self, **credentials):
        credentials.setdefault("request", HttpRequest())
        signed_in = super().login(**credentials)
        if signed_in:
            user = get_user_model().objects.get(pk=self.session["_auth_user_id"])
            if two_factor_required(user) or two_factor_enrolled(user):
                self.verify_second_factor(user)
        return signed_in

    def verify_second_factor(self, user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


@pytest.fixture
def client():
    return TwoFactorClient()


@pytest.fixture
def plain_client():
    """Django's own test client: sign-in passes no second factor (for the two-factor tests)."""
    return Client()
