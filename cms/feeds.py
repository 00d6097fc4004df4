"""The stories' RSS feed (/stories/rss/)."""

from datetime import datetime, time
from typing import Any

from django.contrib.syndication.views import Feed
from django.utils import timezone


class StoryFeed(Feed):
    def __init__(self, index: Any) -> None:
        super().__init__()
        self.index = index

    def title(self) -> str:
        return self.index.seo_title or self.index.title

    def link(self) -> str:
        return self.index.url

    def description(self) -> str:
        return self.index.intro or self.index.search_description

    def items(self) -> list[Any]:
        return self.index.stories()[:20]

    def item_title(self, story: Any) -> str:
        return story.title

    def item_description(self, story: Any) -> str:
        return story.lead

    def item_link(self, story: Any) -> str:
        return story.url

    def item_pubdate(self, story: Any) -> datetime | None:
        return timezone.make_aware(datetime.combine(story.date, time(7, 0)))

    def item_categories(self, story: Any) -> list[str]:
        return [tag.name for tag in story.tags.all()]
