"""Magazine, news and events: authors as snippets, per-partner sections, articles, news, events."""

from .articles import (  # noqa: F401
    ArticleAuthor,
    ArticleKind,
    ArticlePage,
    ArticlePageTag,
    MagazineIndexPage,
    MagazineSectionPage,
)
from .authors import Author  # noqa: F401
from .news import EventPage, NewsIndexPage, NewsKind, NewsPage, NewsSectionPage  # noqa: F401
