"""Wagtail pages of Chợ HTX. The home page is the site root; see docs/cms.md."""

from .campaigns import CampaignPage, Selection
from .home import HomePage
from .legal import ComplaintField, ComplaintsPage, LegalKind, LegalPage
from .polls import PollChoice, PollPage, PollVote
from .site_settings import OperatorSettings
from .stories import StoryIndexPage, StoryPage, StoryTag

__all__ = [
    "CampaignPage",
    "ComplaintField",
    "ComplaintsPage",
    "HomePage",
    "LegalKind",
    "LegalPage",
    "OperatorSettings",
    "PollChoice",
    "PollPage",
    "PollVote",
    "Selection",
    "StoryIndexPage",
    "StoryPage",
    "StoryTag",
]
