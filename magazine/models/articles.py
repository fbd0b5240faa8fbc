from urllib.parse import urlencode

from django.db import models
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.cache import generation_cached
from core.routing import FastRouteMixin
from magazine.blocks import ArticleStreamBlock, body_images, reading_time
from portal.models import BasePage, PortalImage

from .sections import PartnerSectionMixin, ResponsiblePartnerMixin, TeaserImageMixin, image_prefetch, paginate


class ArticleKind(models.TextChoices):
    EXPERIENCE = "erfahrungsbericht", "Erfahrungsbericht"
    INTERVIEW = "interview", "Interview"
    STANDPOINT = "standpunkt", "Standpunkt"
    EXPERT = "expertenbeitrag", "Expertenbeitrag"


def article_listing(queryset, tags: bool = True):
    """Articles as listings show them, with images, renditions, tags and authors in a fixed number of queries.

    Cards show no tags: `tags=False` leaves that query out where only cards are rendered."""
    prefetches = [image_prefetch("teaser_image"), Prefetch("authors", queryset=authors_queryset())]
    if tags:
        prefetches.append("tags")
    return queryset.live().public().order_by("-date", "-pk").prefetch_related(*prefetches)


# What an article card (magazine/includes/article_card.html) and its URL need: listings of many cards skip
# the body and the other columns, which Django would otherwise compile, fetch and decode for each card.
ARTICLE_CARD_FIELDS = (
    "id",
    "path",
    "depth",
    "title",
    "slug",
    "url_path",
    "locale_id",
    "content_type_id",
    "live",
    "teaser",
    "teaser_image_id",
    "date",
    "kind",
    "reading_time",
)


def authors_queryset():
    return ArticleAuthor.objects.select_related("author")


class MagazineIndexPage(RoutablePageMixin, FastRouteMixin, BasePage):
    """ "Magazin": all articles of all partner sections, newest first, filterable, with a feed.

    FastRouteMixin: an article below is reached with the pages the home page's routing fetched already."""

    intro = models.TextField("Einleitung", max_length=500, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["magazine.MagazineSectionPage"]
    max_count = 1
    template = "magazine/magazine_index_page.html"
    route_deferred = True  # the home page's routing hands it over without fetching its own fields

    class Meta:
        verbose_name = "Magazin"

    def route(self, request, path_components):
        result = super().route(request, path_components)
        deferred = self.get_deferred_fields()
        if result.page is self and deferred:  # its own views (the feed) show its fields: fetch them at once
            self.refresh_from_db(fields=deferred)
        return result

    def articles(self):
        return article_listing(ArticlePage.objects.descendant_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        kinds = dict(ArticleKind.choices)
        kind = request.GET.get("art", "")
        tag_slug = request.GET.get("thema", "")
        tags = list(
            Tag.objects.filter(magazine_articlepagetag_items__content_object__in=ArticlePage.objects.live().public())
            .distinct()
            .order_by("name")
        )
        notices = []
        if kind:
            if kind in kinds:
                articles = articles.filter(kind=kind)
            else:
                notices.append("Diese Art von Beitrag gibt es nicht. Es werden alle Arten gezeigt.")
                kind = ""
        if tag_slug:
            tag = next((t for t in tags if t.slug == tag_slug), None)
            if tag is None:
                notices.append("Dieses Thema gibt es nicht. Es werden alle Themen gezeigt.")
                tag_slug = ""
            else:
                articles = articles.filter(tags__slug=tag_slug).distinct()
        query = {k: v for k, v in (("art", kind), ("thema", tag_slug)) if v}
        context.update(
            articles=paginate(request, articles),
            kinds=ArticleKind.choices,
            tags=tags,
            selected_kind=kind,
            selected_tag=tag_slug,
            filter_query=urlencode(query),
            notices=notices,
            feed_url=self.get_url(request) + self.reverse_subpage("feed"),
        )
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from magazine.feeds import ArticleFeed

        return ArticleFeed(self)(request)


class MagazineSectionPage(PartnerSectionMixin, BasePage):
    """One partner's part of the magazine; its editors may add and edit articles only here."""

    intro = models.TextField("Einleitung", max_length=500, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("partner"), FieldPanel("intro")]

    parent_page_types = ["magazine.MagazineIndexPage"]
    subpage_types = ["magazine.ArticlePage"]
    template = "magazine/magazine_section_page.html"

    class Meta:
        verbose_name = "Magazin-Bereich einer Partnerorganisation"
        verbose_name_plural = "Magazin-Bereiche der Partnerorganisationen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, article_listing(ArticlePage.objects.child_of(self), tags=False))
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("magazine.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticleAuthor(Orderable):
    page = ParentalKey("magazine.ArticlePage", related_name="authors", on_delete=models.CASCADE)
    author = models.ForeignKey("magazine.Author", verbose_name="Person", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = "Autorin/Autor"
        verbose_name_plural = "Autorinnen und Autoren"


class ArticlePage(TeaserImageMixin, ResponsiblePartnerMixin, BasePage):
    """An experience report, interview, standpoint or expert view by one of the partner organisations."""

    kind = models.CharField("Art des Beitrags", max_length=20, choices=ArticleKind.choices)
    date = models.DateField("Erscheinungsdatum", default=timezone.localdate)
    teaser_image = models.ForeignKey(
        "portal.PortalImage",
        verbose_name="Vorschaubild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Erscheint oben im Beitrag und in Übersichten. Bildnachweis am Bild pflegen.",
    )
    body = StreamField(ArticleStreamBlock(), verbose_name="Inhalt", use_json_field=True)
    tags = ClusterTaggableManager("Themen", through=ArticlePageTag, blank=True)
    reading_time = models.PositiveSmallIntegerField("Lesezeit (Minuten)", default=1, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("date"),
        InlinePanel("authors", label="Autorinnen und Autoren", heading="Autorinnen und Autoren"),
        FieldPanel("teaser"),
        FieldPanel("teaser_image"),
        FieldPanel("teaser_image_alt"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    promote_panels = [*Page.promote_panels, MultiFieldPanel([FieldPanel("is_demo")], heading="Demo")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    parent_page_types = ["magazine.MagazineSectionPage"]
    subpage_types = []
    template = "magazine/article_page.html"

    class Meta:
        verbose_name = "Magazinbeitrag"
        verbose_name_plural = "Magazinbeiträge"

    def save(self, *args, **kwargs):
        self.reading_time = reading_time(self.body)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "reading_time"}
        return super().save(*args, **kwargs)

    def _attach_images(self, related, authors):
        """Hero image, portraits, teaser images of related articles and the images in the body, with their
        renditions: two queries for the images outside the body, one for all renditions."""
        wanted = [(self, "teaser_image"), *((author, "portrait") for author in authors)]
        wanted += [(article, "teaser_image") for article in related]
        ids = {getattr(obj, f"{field}_id") for obj, field in wanted} - {None}
        found = PortalImage.objects.in_bulk(ids) if ids else {}
        for obj, field in wanted:
            image_id = getattr(obj, f"{field}_id")
            if image_id is not None and image_id in found:
                setattr(obj, field, found[image_id])
        images = list(found.values()) + body_images(self.body)
        if images:
            prefetch_related_objects(images, "renditions")

    @property
    def author_list(self):
        return [item.author for item in self.authors.all()]

    def related_articles(self, limit: int = 3, tags=None) -> list:
        """Other live articles that share the most tags with this one, newest first among equals.

        The ranking groups over every tagged article, so it is kept per content generation (any publish,
        unpublish or tag change bumps it); the key holds these tags, so a preview with other tags ranks
        afresh. The cards themselves are fetched live, with the fields a card shows; their authors and
        images are the caller's (get_context fetches them together with the article's own)."""
        tag_ids = [tag.pk for tag in (self.tags.all() if tags is None else tags)]
        if not tag_ids:
            return []
        key = f"related-articles:{self.pk}:{limit}:{','.join(map(str, sorted(tag_ids)))}"
        return self._related_cards(generation_cached(key, lambda: self._rank_related(tag_ids, limit)))

    def published_tags_and_related(self, limit: int = 3) -> tuple[list, list]:
        """The published article's tags and related articles: tags and ranking kept together per generation
        (publishing this or any other article bumps it), so a view needs no query for either."""

        def build():
            tags = [(tag.pk, tag.name, tag.slug) for tag in self.tags.all()]
            return tags, self._rank_related([pk for pk, _, _ in tags], limit) if tags else []

        tags, ranked = generation_cached(f"article-tags-related:{self.pk}:{limit}", build)
        return [Tag(pk=pk, name=name, slug=slug) for pk, name, slug in tags], self._related_cards(ranked)

    def _related_cards(self, ranked: list[int]) -> list:
        if not ranked:
            return []
        found = ArticlePage.objects.live().public().only(*ARTICLE_CARD_FIELDS).order_by().in_bulk(ranked)
        return [found[pk] for pk in ranked if pk in found]

    def _rank_related(self, tag_ids: list[int], limit: int) -> list[int]:
        # Ids only: ranking whole rows would group and order by every column of the page tables.
        return list(
            ArticlePage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .filter(tags__in=tag_ids)
            .values("pk")
            .annotate(shared_tags=Count("tagged_items", distinct=True))
            .order_by("-shared_tags", "-date", "-pk")
            .values_list("pk", flat=True)[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        previewing = getattr(request, "is_preview", False)
        if previewing:  # the draft's own tags, ranked for the draft
            tags = list(self.tags.all())
            related = self.related_articles(tags=tags)
        else:
            tags, related = self.published_tags_and_related()
        # The authors of this article and of the related ones in one query, all images in two. A preview
        # keeps the authors from the form: a new article has no row to prefetch for (it crashed), and a
        # saved one would show its saved authors instead of the edited ones.
        prefetch_related_objects(
            related if previewing else [self, *related], Prefetch("authors", queryset=authors_queryset())
        )
        authors = self.author_list
        self._attach_images(related, authors)
        context["tags"] = tags
        context["authors"] = authors
        context["related"] = related
        # The tree rules put the magazine index two levels up: its URL without a query.
        context["magazine_url"] = self.get_url(request).rstrip("/").rsplit("/", 2)[0] + "/"
        return context
