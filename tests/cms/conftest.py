import pytest
from wagtail.models import Site

from cms import services
from cms.models import StoryIndexPage
from tests.cms.pages import add_page


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def story_index(home):
    return add_page(home, StoryIndexPage(title="Câu chuyện OCOP", slug="stories"))


@pytest.fixture
def editorial(db):
    return services.editorial_setup_ensure()


@pytest.fixture
def editor(editorial, django_user_model):
    user = django_user_model.objects.create_user(email="bientap@chohtx.vn", password="pw-editor-123")
    user.groups.add(editorial["editors"])
    return user


@pytest.fixture
def moderator(editorial, django_user_model):
    user = django_user_model.objects.create_user(email="kiemduyet@chohtx.vn", password="pw-moderator-123")
    user.groups.add(editorial["moderators"])
    return user
