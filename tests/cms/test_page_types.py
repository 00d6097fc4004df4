"""What editors may create where."""

import pytest
from wagtail.models import Page

from cms.models import (
    CampaignPage,
    ComplaintsPage,
    HomePage,
    LegalPage,
    PollPage,
    StoryIndexPage,
    StoryPage,
)


@pytest.mark.django_db
def test_the_home_page_holds_the_sections_and_stories_live_only_under_the_story_index(home, story_index):
    assert set(home.specific_class.allowed_subpage_models()) == {
        StoryIndexPage,
        CampaignPage,
        PollPage,
        LegalPage,
        ComplaintsPage,
    }
    assert StoryPage.can_create_at(story_index)
    assert not StoryPage.can_create_at(home)
    assert StoryPage.allowed_subpage_models() == []
    assert not HomePage.can_create_at(home)
    assert HomePage.can_create_at(Page.get_first_root_node())


@pytest.mark.django_db
def test_one_story_index_and_one_complaints_page_per_home_page(home, story_index):
    assert not StoryIndexPage.can_create_at(home)
    assert ComplaintsPage.can_create_at(home)
    home.add_child(instance=ComplaintsPage(title="Khiếu nại", slug="khieu-nai"))
    assert not ComplaintsPage.can_create_at(home)


@pytest.mark.django_db
def test_campaigns_polls_and_legal_pages_have_no_children(home):
    for model in (CampaignPage, PollPage, LegalPage, ComplaintsPage):
        assert model.allowed_subpage_models() == []
        assert model.allowed_parent_page_models() == [HomePage]
