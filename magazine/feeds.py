"""The magazine's Atom feed at /magazin/feed/."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_SIZE = 20


class ArticleFeed(Feed):
    feed_type = Atom1Feed
    language = "de"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index_page.title} – Stark im Amt"

    def subtitle(self):
        return self.index_page.intro or self.index_page.teaser

    def link(self):
        return self.index_page.get_url(self.request)

    def feed_url(self):
        return self.index_page.get_url(self.request) + "feed/"

    def items(self):
        return self.index_page.articles()[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.title}"

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(8, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.author_list) or None

    def item_categories(self, item):
        return [item.get_kind_display(), *(tag.name for tag in item.tags.all())]
