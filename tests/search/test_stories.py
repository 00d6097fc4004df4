"""CMS stories in search: title, lead and body, accents ignored; live, public stories of the
current language only; rows kept fresh on publish and unpublish."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Site

from cms.models import StoryIndexPage
from search import selectors
from search.models import StoryIndex
from tests.helpers.cms import add_page, add_story, translate

BODY = [
    {
        "type": "paragraph",
        "value": "<p>Mùa gặt ở Kim Sơn: bà con phơi <b>lúa</b> nếp cái hoa vàng trên sân đình.</p>",
    }
]


@pytest.fixture
def stories(db, django_capture_on_commit_callbacks):
    home = Site.objects.get(is_default_site=True).root_page.specific
    with django_capture_on_commit_callbacks(execute=True):
        index = add_page(home, StoryIndexPage(title="Câu chuyện OCOP", slug="stories"))
        harvest = add_story(index, title="Một ngày ở hợp tác xã", slug="mot-ngay", body=BODY)
        nem = add_story(index, title="Bánh đa nem Kiến Khê", slug="banh-da-nem")
        draft = add_story(index, title="Lúa mới Gia Sinh", slug="lua-moi", publish=False)
    return {"index": index, "harvest": harvest, "nem": nem, "draft": draft}


def titles(text):
    return [story.title for story in selectors.stories_matching(text)]


def test_a_word_of_the_body_finds_the_story_accents_ignored(stories):
    # "lúa" is in the body only; the draft has it in its title but is not published
    assert titles("lua") == ["Một ngày ở hợp tác xã"]
    assert titles("lúa nếp") == ["Một ngày ở hợp tác xã"]
    assert titles("nep cai hoa vang") == ["Một ngày ở hợp tác xã"]


def test_the_lead_and_the_title_are_searched_with_d_folded(stories):
    assert titles("banh da") == ["Bánh đa nem Kiến Khê"]  # đ folds to d
    assert set(titles("sa po")) == {"Một ngày ở hợp tác xã", "Bánh đa nem Kiến Khê"}  # the lead


def test_every_word_must_start_a_word(stories):
    assert titles("ua") == []  # inside "lúa", not at a word's start
    assert titles("lua banh") == []


def test_title_matches_rank_first(stories, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add_story(stories["index"], title="Lúa nếp Kim Sơn", slug="lua-nep")
    assert titles("lua")[0] == "Lúa nếp Kim Sơn"
    assert set(titles("lua")) == {"Lúa nếp Kim Sơn", "Một ngày ở hợp tác xã"}


def test_unpublishing_removes_the_story(stories, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stories["harvest"].unpublish()
    assert titles("lua") == []
    assert not StoryIndex.objects.filter(page_id=stories["harvest"].pk).exists()


def test_publishing_a_draft_makes_it_findable(stories, django_capture_on_commit_callbacks):
    assert "Lúa mới Gia Sinh" not in titles("lua moi")
    with django_capture_on_commit_callbacks(execute=True):
        stories["draft"].save_revision().publish()
    assert titles("lua moi") == ["Lúa mới Gia Sinh"]


def test_editing_the_body_reindexes_it(stories, django_capture_on_commit_callbacks):
    story = stories["nem"]
    story.body = [("paragraph", "<p>Làm từ gạo tẻ và nước giếng làng.</p>")]
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert titles("gieng lang") == ["Bánh đa nem Kiến Khê"]


def test_only_stories_of_the_current_language(stories, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate(stories["harvest"], title="A day at the cooperative", lead="Harvest time")
    assert titles("lua") == ["Một ngày ở hợp tác xã"]
    with translation.override("en"):
        assert titles("harvest") == ["A day at the cooperative"]
        assert titles("cooperative") == ["A day at the cooperative"]
    assert titles("harvest") == []


def test_results_page_lists_the_story(client, stories):
    page = client.get("/search/?q=lua").content.decode()
    assert "Một ngày ở hợp tác xã" in page
    assert "Lúa mới Gia Sinh" not in page


def test_rebuild_fills_the_story_rows(stories):
    StoryIndex.objects.all().delete()
    assert titles("lua") == []
    out = io.StringIO()
    call_command("search_index", "--rebuild", stdout=out)
    assert "Đã lập chỉ mục 2 câu chuyện" in out.getvalue()
    assert titles("lua") == ["Một ngày ở hợp tác xã"]
