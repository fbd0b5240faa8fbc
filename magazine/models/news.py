from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from magazine.blocks import NewsStreamBlock
from portal.models import BasePage

from .sections import PartnerSectionMixin, ResponsiblePartnerMixin, TeaserImageMixin, image_prefetch, paginate


class NewsKind(models.TextChoices):
    NEWS = "meldung", "Meldung"
    PRESS_RELEASE = "pressemitteilung", "Pressemitteilung"
    STUDY = "studie", "Studie und Zahlen"


def ics_response(events, request, filename: str) -> HttpResponse:
    from magazine.ical import calendar

    response = HttpResponse(calendar(events, request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class NewsIndexPage(RoutablePageMixin, BasePage):
    """ "Aktuelles & Termine": upcoming events first, then news, past events in an archive."""

    intro = models.TextField("Einleitung", max_length=500, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["magazine.NewsSectionPage"]
    max_count = 1
    template = "magazine/news_index_page.html"

    class Meta:
        verbose_name = "Aktuelles & Termine"
        verbose_name_plural = "Aktuelles & Termine"

    def events(self):
        return EventPage.objects.descendant_of(self).live().public()

    def upcoming_events(self):
        # An event that has started but not ended is still "upcoming" for someone who wants to join online.
        return self.events().filter(end__gte=timezone.now()).order_by("start", "pk")

    def past_events(self):
        return self.events().filter(end__lt=timezone.now()).order_by("-start", "-pk")

    def news(self):
        return (
            NewsPage.objects.descendant_of(self)
            .live()
            .public()
            .order_by("-date", "-pk")
            .prefetch_related(image_prefetch("teaser_image"))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = list(self.upcoming_events()[:20])
        context["news_items"] = paginate(request, self.news())
        context["has_past_events"] = self.past_events().exists()
        context["calendar_url"] = self.get_url(request) + self.reverse_subpage("calendar")
        context["archive_url"] = self.get_url(request) + self.reverse_subpage("archive")
        return context

    @path("archiv/", name="archive")
    def archive(self, request):
        return self.render(
            request,
            template="magazine/event_archive.html",
            context_overrides={"past_events": paginate(request, self.past_events(), per_page=20)},
        )

    @path("termine/kalender/", name="calendar")
    def calendar(self, request):
        return ics_response(self.upcoming_events(), request, "stark-im-amt-termine.ics")


class NewsSectionPage(PartnerSectionMixin, BasePage):
    """One partner's news and events; its editors may add and edit pages only here."""

    content_panels = [*BasePage.content_panels, FieldPanel("partner")]

    parent_page_types = ["magazine.NewsIndexPage"]
    subpage_types = ["magazine.NewsPage", "magazine.EventPage"]
    template = "magazine/news_section_page.html"

    class Meta:
        verbose_name = "Aktuelles-Bereich einer Partnerorganisation"
        verbose_name_plural = "Aktuelles-Bereiche der Partnerorganisationen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        context["news_items"] = paginate(request, news.prefetch_related(image_prefetch("teaser_image")))
        context["events"] = EventPage.objects.child_of(self).live().public().order_by("-start")[:20]
        return context


class NewsPage(TeaserImageMixin, ResponsiblePartnerMixin, BasePage):
    """A dated news item: a new KoMo wave, a study, a press release of one or more partners."""

    kind = models.CharField("Art", max_length=20, choices=NewsKind.choices, default=NewsKind.NEWS)
    date = models.DateField("Datum", default=timezone.localdate)
    issuing_partners = ParentalManyToManyField(
        "portal.PartnerPage",
        verbose_name="Herausgegeben von",
        blank=True,
        related_name="+",
        help_text="Bei Pressemitteilungen: die Organisationen, die sie herausgeben.",
    )
    teaser_image = models.ForeignKey(
        "portal.PortalImage",
        verbose_name="Vorschaubild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(NewsStreamBlock(), verbose_name="Inhalt", use_json_field=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("issuing_partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("teaser"),
        FieldPanel("teaser_image"),
        FieldPanel("teaser_image_alt"),
        FieldPanel("body"),
    ]
    promote_panels = [*Page.promote_panels, MultiFieldPanel([FieldPanel("is_demo")], heading="Demo")]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("date")]

    parent_page_types = ["magazine.NewsSectionPage"]
    subpage_types = []
    template = "magazine/news_page.html"

    class Meta:
        verbose_name = "Meldung"
        verbose_name_plural = "Meldungen"


class EventPage(RoutablePageMixin, ResponsiblePartnerMixin, BasePage):
    """A date officials should know: a conference, a web seminar, a training; with an .ics download."""

    start = models.DateTimeField("Beginn")
    end = models.DateTimeField("Ende")
    location = models.CharField(
        "Ort", max_length=250, blank=True, help_text="Veranstaltungsort mit Adresse; leer lassen, wenn nur online."
    )
    is_online = models.BooleanField("Online-Veranstaltung", default=False)
    organiser = models.CharField("Veranstalter", max_length=200)
    registration_url = models.URLField("Link zur Anmeldung", blank=True)
    body = StreamField(NewsStreamBlock(), verbose_name="Beschreibung", blank=True, use_json_field=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading="Zeit"),
        MultiFieldPanel([FieldPanel("location"), FieldPanel("is_online")], heading="Ort"),
        FieldPanel("organiser"),
        FieldPanel("registration_url"),
        FieldPanel("teaser"),
        FieldPanel("body"),
    ]
    promote_panels = [*Page.promote_panels, MultiFieldPanel([FieldPanel("is_demo")], heading="Demo")]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("start")]

    parent_page_types = ["magazine.NewsSectionPage"]
    subpage_types = []
    template = "magazine/event_page.html"

    class Meta:
        verbose_name = "Termin"
        verbose_name_plural = "Termine"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "Das Ende liegt vor dem Beginn."
        if not self.location and not self.is_online:
            errors["location"] = "Geben Sie einen Ort an oder kreuzen Sie „Online-Veranstaltung“ an."
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ics_url"] = self.get_url(request) + self.reverse_subpage("ics")
        return context

    @path("kalender/", name="ics")
    def ics(self, request):
        return ics_response([self], request, f"{self.slug}.ics")
