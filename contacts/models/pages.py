"""The public pages of the contacts app: the contact finder ("Hilfe in Ihrem Bundesland") and the Starke Stelle."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.models import BasePage

from .finder import serve_finder
from .records import Bundesland, Contact


class ContactFinderPage(RoutablePageMixin, BasePage):
    """ "Hilfe in Ihrem Bundesland": the contacts for one Land plus the nationwide ones, grouped by kind."""

    intro = RichTextField("Einleitung", blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1
    template = "contacts/contact_finder_page.html"

    class Meta:
        verbose_name = "Kontaktfinder (Hilfe in Ihrem Bundesland)"

    @path("")
    def index_route(self, request):
        return serve_finder(self, request, land_slug=None)

    @path("<slug:land>/")
    def land_route(self, request, land):
        return serve_finder(self, request, land_slug=land)

    def land_url(self, land) -> str:
        return self.url + self.reverse_subpage("land_route", kwargs={"land": land.slug})

    # The Land URLs are pages of their own for search engines and link previews (portal.seo hooks).
    def routed_land(self, request) -> Bundesland | None:
        """The Land of the URL being served, or None on the finder's own URL."""
        match = getattr(request, "routable_resolver_match", None)
        slug = match.kwargs.get("land") if match is not None else None
        if not slug:
            return None
        land = getattr(request, "finder_land", None)  # set by serve_finder: no second query
        if land is None or land.slug != slug:
            land = Bundesland.objects.filter(slug=slug).first()
            request.finder_land = land
        return land

    def get_canonical_url(self, request) -> str:
        land = self.routed_land(request)
        base = self.get_full_url(request) if land is not None else ""
        return base + self.reverse_subpage("land_route", kwargs={"land": land.slug}) if base else ""

    def get_seo_title(self, request) -> str:
        land = self.routed_land(request)
        return self.land_title(land) if land is not None else ""

    def get_seo_description(self, request) -> str:
        land = self.routed_land(request)
        if land is None:
            return ""
        return (
            f"Anlaufstellen für kommunale Amts- und Mandatsträgerinnen und -träger in {land.name} und "
            "bundesweit: Polizei, Justiz, Meldestellen und Beratung."
        )

    @staticmethod
    def land_title(land) -> str:
        return f"Hilfe in {land.name}"

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        for land in Bundesland.objects.all():
            urls.append({"location": base + self.reverse_subpage("land_route", kwargs={"land": land.slug})})
        return urls


class StarkeStellePage(BasePage):
    """The Starke Stelle: who they are and what they offer (text), how to reach them (the contact record)."""

    STARKE_STELLE_KEY = "starke-stelle"

    intro = models.TextField("Einleitung", max_length=600, blank=True)
    body = RichTextField(
        "Wer wir sind und was wir anbieten", blank=True, features=["h2", "h3", "bold", "italic", "link", "ul", "ol"]
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name="Kontaktdaten",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Telefon, E-Mail und Website kommen aus diesem Kontakt. Leer: der Kontakt „starke-stelle“.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("contact")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1
    template = "contacts/starke_stelle_page.html"

    class Meta:
        verbose_name = "Starke Stelle"

    def get_contact(self):
        """The published contact record only: a draft edit must not reach the public page."""
        queryset = Contact.objects.published().with_relations()
        if self.contact_id:
            return queryset.filter(pk=self.contact_id).first()
        return queryset.filter(key=self.STARKE_STELLE_KEY).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contact"] = self.get_contact()
        return context
