"""The demo loader composes the home page and creates stories, a campaign, the poll and the legal pages."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from cms.models import CampaignPage, ComplaintsPage, HomePage, LegalPage, PollPage, StoryPage
from marketplace.demo import pages as demo


@pytest.mark.django_db
def test_demo_pages_are_complete_linked_and_loaded_once(client):
    call_command("load_demo", verbosity=0)
    pages = Page.objects.count()
    demo.load_pages(password="ChoHTX@2026")
    assert Page.objects.count() == pages

    stories = StoryPage.objects.filter(locale__language_code="vi")
    assert stories.count() >= 6
    assert all(story.products.exists() and story.cooperatives.exists() for story in stories)
    assert CampaignPage.objects.count() == 1 and PollPage.objects.count() == 1
    assert set(LegalPage.objects.filter(locale__language_code="vi").values_list("kind", flat=True)) == {
        "regulations",
        "privacy",
        "returns",
        "shipping",
        "payment",
    }
    assert ComplaintsPage.objects.count() == 1
    home = HomePage.objects.get(locale__language_code="vi")
    assert [block.block_type for block in home.body] == [
        "hero",
        "campaign_banner",
        "featured_products",
        "featured_cooperatives",
        "latest_stories",
        "ocop_explainer",
    ]
    assert HomePage.objects.filter(locale__language_code="en").exists()

    page = client.get("/").content.decode()
    assert "Sản phẩm nổi bật" in page and "Giỏ quà Tết OCOP 2027" in page and "OCOP là gì?" in page
    assert client.get("/en/").status_code == 200
    assert client.login(email="kiemduyet@chohtx.vn", password="ChoHTX@2026")
