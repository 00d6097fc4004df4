import datetime

import pytest
from django.utils import timezone

from cms.models import LegalPage
from tests.helpers.cms import add_page
from tests.helpers.seller import Cooperative


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def regulations(home, today):
    """The operating regulations, version 1 in force since a month ago."""
    page = LegalPage(
        title="Quy chế hoạt động",
        slug="quy-che",
        kind="regulations",
        body="<p>Điều 1. Phiên bản đầu.</p>",
        effective_from=today - datetime.timedelta(days=30),
    )
    return add_page(home, page)


@pytest.fixture
def privacy(home, today):
    page = LegalPage(
        title="Chính sách bảo mật",
        slug="bao-mat",
        kind="privacy",
        body="<p>Bảo mật.</p>",
        effective_from=today - datetime.timedelta(days=30),
    )
    return add_page(home, page)


def new_version(page, body, effective_from, changes=""):
    """An editor publishes a changed text: the document's next version."""
    page.body, page.effective_from, page.changes = body, effective_from, changes
    page.save_revision().publish()
    return page


@pytest.fixture
def coop(db, django_user_model):
    return Cooperative("HTX Cơm cháy An Khánh", "a@htx.vn", django_user_model)
