"""Editors write and submit, moderators approve; neither touches the shop. Scheduling, previews, revisions."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import WorkflowState

from cms import services
from cms.models import StoryPage
from tests.factories import make_product
from tests.helpers.cms import add_story


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/dashboard/", "/dashboard/catalogue/", "/dashboard/orders/", "/dashboard/partners/"]
)
def test_editors_get_403_in_the_shop_dashboard(client, editor, url):
    client.force_login(editor)
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_editors_cannot_open_or_change_product_data(client, editor):
    product = make_product(title="Cơm cháy chà bông 200 g", price=45000)
    client.force_login(editor)
    assert client.get(f"/dashboard/catalogue/products/{product.pk}/").status_code == 403
    assert (
        client.post(f"/dashboard/catalogue/products/{product.pk}/", {"title": "Đổi tên"}).status_code == 403
    )
    admin_page = client.get(f"/django-admin/catalogue/product/{product.pk}/change/")
    assert admin_page.status_code == 302 and "/django-admin/login/" in admin_page["Location"]
    assert not editor.has_perm("catalogue.change_product")
    assert not editor.has_perm("partner.change_stockrecord")
    product.refresh_from_db()
    assert product.title == "Cơm cháy chà bông 200 g"


@pytest.mark.django_db
def test_editors_can_choose_products_in_the_admin_but_not_edit_them(client, editor):
    make_product(title="Mắm tép Gia Viễn 500 g")
    client.force_login(editor)
    chooser = client.get("/cms-admin/product_chooser/")
    assert chooser.status_code == 200
    assert "Mắm tép Gia Viễn 500 g" in chooser.json()["html"]


@pytest.mark.django_db
def test_editor_submits_moderator_approves_and_the_story_goes_live(client, editor, moderator, story_index):
    product = make_product(title="Nem chua Yên Mạc gói 10 chiếc")
    client.force_login(editor)
    response = client.post(
        f"/cms-admin/pages/add/cms/storypage/{story_index.pk}/",
        {
            "title": "Nem chua Yên Mạc",
            "slug": "nem-chua-yen-mac",
            "date": "2026-10-01",
            "lead": "Bí quyết lá đinh lăng.",
            "body-count": "0",
            "products": [product.pk],
            "tags": "Nem chua",
            "action-submit": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    story = StoryPage.objects.get(slug="nem-chua-yen-mac")
    assert not story.live
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not story.permissions_for_user(editor).can_publish()
    assert client.get(product.get_absolute_url()).content.decode().count("Nem chua Yên Mạc</a>") == 0

    client.force_login(moderator)
    task_state = state.current_task_state
    approve = client.post(
        f"/cms-admin/pages/{story.pk}/edit/",
        {
            "title": "Nem chua Yên Mạc",
            "slug": "nem-chua-yen-mac",
            "date": "2026-10-01",
            "lead": "Bí quyết lá đinh lăng.",
            "body-count": "0",
            "products": [product.pk],
            "tags": "Nem chua",
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
        },
    )
    assert approve.status_code == 302, approve.content.decode()[:2000]
    task_state.refresh_from_db()
    assert task_state.status == "approved"
    story.refresh_from_db()
    assert story.live
    assert "Nem chua Yên Mạc" in client.get(product.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_scheduled_story_goes_live_when_its_time_comes(story_index):
    story = add_story(story_index, title="Chuyện đăng hẹn giờ", publish=False)
    story.go_live_at = timezone.now() + timedelta(minutes=5)
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live

    # Five minutes later (the revision and its content say the time has come):
    past = timezone.now() - timedelta(minutes=1)
    revision = story.latest_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    from cms.tasks import publish_scheduled

    publish_scheduled.delay()
    publish_scheduled.delay()  # safe to run twice
    story.refresh_from_db()
    assert story.live


@pytest.mark.django_db
def test_editor_previews_a_draft_and_every_save_is_a_revision(client, editor, story_index):
    story = add_story(story_index, title="Bản nháp", publish=False)
    story.lead = "Sa pô mới"
    story.save_revision(user=editor)
    assert story.revisions.count() == 2
    client.force_login(editor)
    draft = {
        "title": "Bản nháp",
        "slug": story.slug,
        "date": "2026-10-01",
        "lead": "Sa pô trong bản xem trước",
    }
    checked = client.post(f"/cms-admin/pages/{story.pk}/edit/preview/", {**draft, "body-count": "0"})
    assert checked.json()["is_valid"] is True
    preview = client.get(f"/cms-admin/pages/{story.pk}/edit/preview/")
    assert preview.status_code == 200
    assert "Sa pô trong bản xem trước" in preview.content.decode()
    story.refresh_from_db()
    assert not story.live and story.lead == "Sa pô: Bản nháp"


@pytest.mark.django_db
def test_editorial_setup_is_idempotent(editorial):
    again = services.editorial_setup_ensure()
    assert again["workflow"] == editorial["workflow"]
    assert list(again["workflow"].tasks.values_list("name", flat=True)) == [services.TASK_NAME]
    assert again["editors"].permissions.filter(codename="access_admin").exists()
    assert (
        not again["editors"]
        .permissions.filter(content_type__app_label__in=["catalogue", "partner", "order"])
        .exists()
    )


def test_publish_scheduled_runs_wagtails_command(monkeypatch):
    called = []
    monkeypatch.setattr(services, "call_command", lambda *args, **kw: called.append(args))
    services.scheduled_pages_publish()
    assert called == [("publish_scheduled",)]
