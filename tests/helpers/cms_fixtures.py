"""CMS fixtures shared by the CMS, search and security tests (loaded for every test by tests/conftest.py):
the home page, a story index, the editorial groups and their people, legal pages, a poll."""

import pytest
from wagtail.models import Site

from cms import services
from cms.models import ComplaintField, ComplaintsPage, LegalPage, PollChoice, PollPage, StoryIndexPage
from tests.helpers.cms import add_page


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


@pytest.fixture
def legal_pages(home):
    privacy = add_page(
        home, LegalPage(title="Chính sách bảo mật", slug="bao-mat", kind="privacy", body="<p>Bảo mật</p>")
    )
    rules = add_page(
        home, LegalPage(title="Quy chế hoạt động", slug="quy-che", kind="regulations", body="<p>Quy chế</p>")
    )
    complaints = ComplaintsPage(
        title="Khiếu nại",
        slug="khieu-nai",
        to_address="khieunai@lienminh.example.vn",
        from_address="no-reply@chohtx.example.vn",
        subject="Khiếu nại mới",
    )
    complaints.form_fields = [
        ComplaintField(label="Họ và tên", field_type="singleline", required=True),
        ComplaintField(label="Nội dung khiếu nại", field_type="multiline", required=True),
    ]
    add_page(home, complaints)
    return rules, privacy, complaints


CHOICES = ["Nâng cao chất lượng", "Mở rộng thị trường", "Đào tạo kỹ năng số"]


@pytest.fixture
def poll(home):
    page = PollPage(title="OCOP nên phát triển theo hướng nào?", slug="binh-chon", show_results_publicly=True)
    page.form_fields = [
        PollChoice(label="Bạn chọn hướng nào?", field_type="radio", required=True, choices="\n".join(CHOICES))
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


FIELD = "ban_chon_huong_nao"
