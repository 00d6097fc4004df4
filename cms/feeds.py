"""The stories' RSS feed (/stories/rss/)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone


class StoryFeed(Feed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def title(self):
        return self.index.seo_title or self.index.title

    def link(self):
        return self.index.url

    def description(self):
        return self.index.intro or self.index.search_description

    def items(self):
        return self.index.stories()[:20]

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.lead

    def item_link(self, story):
        return story.url

    def item_pubdate(self, story):
        return timezone.make_aware(datetime.combine(story.date, time(7, 0)))

    def item_categories(self, story):
        return [tag.name for tag in story.tags.all()]
