"""Legal pages show the version in force with its effective date; every version stays readable."""

import datetime

import pytest
from django.test import RequestFactory
from wagtail.admin.forms import WagtailAdminPageForm

from cms.models import LegalPage
from marketplace.legal.models import Version
from tests.legal.conftest import new_version


def _shown(html):
    return html[html.index('id="content_inner"') :]


@pytest.mark.django_db
def test_publishing_a_legal_page_freezes_its_first_version_shown_with_its_date(client, regulations, today):
    version = Version.objects.get(kind="regulations")
    assert (version.number, version.body) == (1, "<p>Điều 1. Phiên bản đầu.</p>")
    html = _shown(client.get("/quy-che/").content.decode())
    day = (today - datetime.timedelta(days=30)).strftime("%d/%m/%Y")
    assert "Phiên bản 1" in html and "Có hiệu lực từ <time datetime=" in html and day in html
    assert "Điều 1. Phiên bản đầu." in html
    assert "Các phiên bản" not in html  # one version: no history to list


@pytest.mark.django_db
def test_a_new_version_in_force_leaves_the_old_one_readable_at_its_own_address(client, regulations, today):
    new_version(regulations, "<p>Điều 1. Phiên bản hai.</p>", today, changes="Thêm định danh VNeID.")
    html = _shown(client.get("/quy-che/").content.decode())
    assert "Phiên bản 2" in html and today.strftime("%d/%m/%Y") in html
    assert "Phiên bản hai" in html and "Phiên bản đầu" not in html
    assert 'href="/quy-che/phien-ban/1/"' in html

    old = client.get("/quy-che/phien-ban/1/")
    assert old.status_code == 200
    old_html = _shown(old.content.decode())
    assert "Đây là phiên bản cũ, đã hết hiệu lực." in old_html and "Phiên bản đầu" in old_html
    # in force from a month ago until yesterday
    yesterday = (today - datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    assert f"{yesterday}</time>" in old_html
    assert '<meta name="robots" content="noindex, follow">' in old.content.decode()
    second = _shown(client.get("/quy-che/phien-ban/2/").content.decode())
    assert "Đây là phiên bản đang có hiệu lực." in second and "Thêm định danh VNeID." in second
    assert client.get("/quy-che/phien-ban/3/").status_code == 404


@pytest.mark.django_db
def test_a_version_announced_ahead_is_readable_but_not_yet_in_force(client, regulations, today):
    later = today + datetime.timedelta(days=10)
    new_version(regulations, "<p>Điều 1. Sắp tới.</p>", later, changes="Phí mới.")
    html = _shown(client.get("/quy-che/").content.decode())
    assert "Phiên bản đầu" in html and "Sắp tới" not in html  # still version 1 in force
    assert f"Phiên bản 2 sẽ có hiệu lực từ {later:%d/%m/%Y}" in html and "Phí mới." in html
    upcoming = _shown(client.get("/quy-che/phien-ban/2/").content.decode())
    assert "Phiên bản này đã được công bố nhưng chưa có hiệu lực." in upcoming and "Sắp tới" in upcoming


@pytest.mark.django_db
def test_publishing_without_changing_text_or_date_makes_no_new_version(regulations):
    regulations.title = "Quy chế hoạt động của sàn"
    regulations.save_revision().publish()
    assert Version.objects.filter(kind="regulations").count() == 1


@pytest.mark.django_db
def test_old_versions_are_never_changed_or_deleted(regulations):
    version = Version.objects.get(kind="regulations")
    version.body = "<p>Sửa lén.</p>"
    with pytest.raises(ValueError):
        version.save()
    with pytest.raises(ValueError):
        version.delete()


def _admin_form(page, staff_user, **changes):
    form_class = LegalPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, WagtailAdminPageForm)
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "body": page.body,
        "effective_from": page.effective_from.isoformat(),
        "changes": "",
        **changes,
    }
    request = RequestFactory().get("/")
    request.user = staff_user
    return form_class(data, instance=page, parent_page=page.get_parent(), for_user=staff_user)


@pytest.mark.django_db
def test_the_admin_refuses_a_changed_text_that_takes_effect_in_the_past_or_without_notice(
    regulations, staff_user, today
):
    import json

    body = json.dumps(
        {
            "blocks": [
                {
                    "key": "a",
                    "text": "Điều 1. Mới.",
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                    "data": {},
                }
            ],
            "entityMap": {},
        }
    )
    form = _admin_form(regulations, staff_user, body=body, effective_from=today.isoformat())
    assert not form.is_valid()
    notice = (today + datetime.timedelta(days=5)).strftime("%d/%m/%Y")
    assert f"ngày có hiệu lực phải từ {notice} trở đi" in form.errors["effective_from"][0]

    announced = _admin_form(
        regulations, staff_user, body=body, effective_from=(today + datetime.timedelta(days=5)).isoformat()
    )
    assert announced.is_valid(), announced.errors
