"""The Wagtail admin speaks Vietnamese: an editor, a moderator and the alliance admin walk every
screen they use, with real content on it, and read none of Wagtail's English strings."""

import os
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from cms.models import HomePage
from tests.cms.admin_text import CATALOGUE_ROOT, PLACEHOLDER, english_strings_in
from tests.factories import CooperativeFactory, make_product, small_jpeg
from tests.helpers.cms import add_story

# Names, not words to translate; and Python's None, which Wagtail prints in a hidden side-panel counter.
PROPER_NOUNS = frozenset(
    {"Wagtail", "Wagtail admin", "JavaScript", "URL", "ID", "API", "CSV", "XLSX", "None"}
)


@pytest.fixture
def content(home, story_index, legal_pages, editor):
    """What editors work on: a composed home page, a story in moderation with a product and a
    cooperative, a picture and a document in the library."""
    cooperative = CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")
    product = make_product(cooperative, title="Cơm cháy chà bông 200 g", price=45000, image=True)
    image = get_image_model().objects.create(
        title="Ruộng lúa Gia Sinh", file=ImageFile(ContentFile(small_jpeg(), name="ruong-lua.jpg"))
    )
    document = get_document_model().objects.create(
        title="Bảng giá mùa Tết", file=ContentFile(b"%PDF-1.4 bang gia", name="bang-gia.pdf")
    )
    home = HomePage.objects.get(pk=home.pk)
    home.body = [
        (
            "hero",
            {"title": "Chợ của các hợp tác xã", "text": "", "image": image, "cta_label": "", "cta_url": ""},
        ),
        ("featured_products", {"heading": "Quà Tết", "products": [product]}),
    ]
    home.save_revision().publish()
    story = add_story(
        story_index,
        title="Cơm cháy Gia Sinh",
        products=[product],
        cooperatives=[cooperative],
        tags=["Cơm cháy"],
        publish=False,
        cover_image=image,
    )
    story.body = [("paragraph", "<p>Nồi cơm gang, lửa rơm.</p>"), ("product", product)]
    story.save_revision(user=editor)
    story.get_workflow().start(story, editor)
    rules, privacy, complaints = legal_pages
    return {
        "home": home,
        "story": story,
        "index": story_index,
        "legal": privacy,
        "image": image,
        "document": document,
        "product": product,
    }


def _screens(c):
    story, home, image, document = c["story"], c["home"], c["image"], c["document"]
    return [
        "/cms-admin/",
        "/cms-admin/pages/",
        f"/cms-admin/pages/{home.pk}/",
        f"/cms-admin/pages/{c['index'].pk}/",
        f"/cms-admin/pages/{home.pk}/edit/",
        f"/cms-admin/pages/{story.pk}/edit/",
        f"/cms-admin/pages/{c['legal'].pk}/edit/",
        f"/cms-admin/pages/{home.pk}/add_subpage/",
        f"/cms-admin/pages/add/cms/storypage/{c['index'].pk}/",
        f"/cms-admin/pages/{story.pk}/history/",
        f"/cms-admin/pages/{story.pk}/usage/",
        f"/cms-admin/pages/{story.pk}/workflow_history/",
        f"/cms-admin/translation/submit/page/{story.pk}/",
        "/cms-admin/pages/search/?q=com+chay",
        "/cms-admin/images/",
        f"/cms-admin/images/{image.pk}/",
        f"/cms-admin/images/usage/{image.pk}/",
        "/cms-admin/images/multiple/add/",
        "/cms-admin/documents/",
        f"/cms-admin/documents/edit/{document.pk}/",
        f"/cms-admin/documents/usage/{document.pk}/",
        "/cms-admin/documents/multiple/add/",
        "/cms-admin/snippets/",
        "/cms-admin/reports/workflow/",
        "/cms-admin/reports/workflow_tasks/",
        "/cms-admin/account/",
        # choosers answer JSON with the modal's HTML
        "/cms-admin/product_chooser/",
        "/cms-admin/product_chooser/?multiple=1",
        "/cms-admin/cooperative_chooser/",
        "/cms-admin/images/chooser/",
        "/cms-admin/documents/chooser/",
        "/cms-admin/embeds/chooser/",
        f"/cms-admin/choose-page/{home.pk}/",
        "/cms-admin/choose-page/search/?q=com",
    ]


def _english_on(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200, (url, response.status_code)
    kind = response.get("Content-Type", "")
    html = response.json().get("html", "") if "json" in kind else response.content.decode()
    found = english_strings_in(html, allowed=PROPER_NOUNS)
    if found and os.environ.get("ADMIN_TEXT_DUMP"):  # to see where they are: ADMIN_TEXT_DUMP=var/admin-html
        Path(os.environ["ADMIN_TEXT_DUMP"]).mkdir(parents=True, exist_ok=True)
        name = url.strip("/").replace("/", "_").replace("?", "_") or "root"
        (Path(os.environ["ADMIN_TEXT_DUMP"]) / f"{name}.html").write_text(html)
    return [f"{url}: {text!r}" for text in found]


def _walk(client, urls):
    problems = []
    for url in urls:
        problems += _english_on(client, url)
    return problems


@pytest.mark.django_db
def test_the_sign_in_page_is_in_vietnamese(client):
    response = client.get("/cms-admin/login/")
    assert "Đăng nhập" in response.content.decode()
    assert english_strings_in(response.content.decode(), allowed=PROPER_NOUNS) == []


@pytest.mark.django_db
def test_an_editor_reads_no_english_on_the_screens_they_use(client, editor, content):
    client.force_login(editor)
    problems = _walk(client, _screens(content))
    assert not problems, "\n".join(problems)
    story_page = client.get(f"/cms-admin/pages/{content['story'].pk}/edit/").content.decode()
    for words in ("Sản phẩm được nói đến", "Cơm cháy chà bông 200 g", "Đang kiểm duyệt", "Xem trước"):
        assert words in story_page
    home_page = client.get(f"/cms-admin/pages/{content['home'].pk}/edit/").content.decode()
    for words in (
        "Lưu bản nháp",
        "Gửi theo quy trình Duyệt bài của Liên minh",
        "Xem trước cỡ điện thoại (360 px)",
    ):
        assert words in home_page


@pytest.mark.django_db
def test_a_moderator_reviews_in_vietnamese(client, moderator, content):
    client.force_login(moderator)
    story = content["story"]
    dashboard = client.get("/cms-admin/").content.decode()
    assert "Đang chờ bạn duyệt" in dashboard and "Cơm cháy Gia Sinh" in dashboard
    task_state = story.current_workflow_task_state
    urls = [
        "/cms-admin/",
        f"/cms-admin/pages/{story.pk}/edit/",
        f"/cms-admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/",
        f"/cms-admin/pages/workflow/action/{story.pk}/reject/{task_state.pk}/",
        f"/cms-admin/pages/{story.pk}/workflow_history/",
        "/cms-admin/reports/workflow/",
        "/cms-admin/reports/locked/",
    ]
    problems = _walk(client, urls)
    assert not problems, "\n".join(problems)
    editor_page = client.get(f"/cms-admin/pages/{story.pk}/edit/").content.decode()
    assert "Duyệt" in editor_page and "Yêu cầu sửa" in editor_page


@pytest.mark.django_db
def test_the_alliance_admin_reads_settings_in_vietnamese(client, staff_user, content):
    client.force_login(staff_user)
    site = Site.objects.get(is_default_site=True)
    urls = [
        f"/cms-admin/settings/cms/operatorsettings/{site.pk}/",
        "/cms-admin/workflows/list/",
        "/cms-admin/workflows/tasks/index/",
        "/cms-admin/collections/",
        "/cms-admin/locales/",
    ]
    problems = _walk(client, urls)
    assert not problems, "\n".join(problems)


def test_the_catalogue_keeps_every_placeholder_and_has_every_string():
    """Every Wagtail msgid has Vietnamese, and each translation uses only the placeholders its
    English has (a missing name would fail at render time)."""
    for name in ("django.po", "djangojs.po"):
        with (CATALOGUE_ROOT / "vi" / "LC_MESSAGES" / name).open("rb") as po_file:
            catalogue = read_po(po_file)
        for message in catalogue:
            if not message.id:
                continue
            ids = [message.id] if isinstance(message.id, str) else list(message.id)
            strings = [message.string] if isinstance(message.string, str) else list(message.string)
            assert all(strings), ids[0]
            allowed = {p for msgid in ids for p in PLACEHOLDER.findall(msgid) if not p.startswith("<")}
            for text in strings:
                used = {p for p in PLACEHOLDER.findall(text) if not p.startswith("<")}
                assert used <= allowed, (ids[0], used - allowed)


@pytest.mark.django_db
def test_wagtail_strings_come_out_in_vietnamese():
    with translation.override("vi"):
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.ngettext("1 page", "%(counter)s pages", 3) == "%(counter)s trang"
