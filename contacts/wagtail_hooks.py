"""Admin for contacts and the shared taxonomy: listings, filters, export, "Zu prüfen", CSV import."""

import csv
import datetime

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from contacts.bulk_actions import MarkVerifiedTodayBulkAction
from contacts.chooser import ContactChooserViewSet
from contacts.importer import MAX_IMPORT_BYTES, import_contacts
from contacts.models import (
    Bundesland,
    Channel,
    Contact,
    ContactKind,
    ContactSuggestion,
    Phase,
    Situation,
    review_after_days,
)
from contacts.models.suggestions import attach_form_fields
from contacts.suggestion_admin import SUGGESTION_PERMISSION, suggestion_viewset

# --- taxonomy -------------------------------------------------------------------------------------------


class TaxonomyViewSet(SnippetViewSet):
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "description"]
    search_backend_name = None  # plain ORM search: small tables, no index to keep in sync
    ordering = ["sort_order", "name"]


class SituationViewSet(TaxonomyViewSet):
    model = Situation
    menu_label = "Situationen"


class ChannelViewSet(TaxonomyViewSet):
    model = Channel
    menu_label = "Kanäle"


class PhaseViewSet(TaxonomyViewSet):
    model = Phase
    menu_label = "Phasen"


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (SituationViewSet, ChannelViewSet, PhaseViewSet)
    menu_icon = "tag"
    menu_label = "Themen"
    menu_name = "taxonomie"
    menu_order = 290


register_snippet(TaxonomyViewSetGroup)


# --- contacts -------------------------------------------------------------------------------------------

REVIEW_PER_PAGE = 50
REVIEW_CHOICES = [("ueberfaellig", "Zu prüfen (nie oder zu lange nicht geprüft)"), ("geprueft", "Aktuell geprüft")]


class ContactFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label="Art", choices=ContactKind.choices, empty_label="Alle")
    bundesland = django_filters.ModelChoiceFilter(
        label="Bundesland", field_name="bundeslaender", queryset=Bundesland.objects.all(), method="filter_land"
    )
    situation = django_filters.ModelChoiceFilter(
        label="Hilft bei", field_name="situations", queryset=Situation.objects.all(), distinct=True
    )
    review = django_filters.ChoiceFilter(
        label="Prüfstatus", choices=REVIEW_CHOICES, method="filter_review", empty_label="Alle"
    )

    class Meta:
        model = Contact
        fields = ["live", "nationwide"]

    def filter_land(self, queryset, name, value):
        # Staff looking at a Land want what the finder shows there: its own contacts and the nationwide ones.
        if not value:
            return queryset
        ids = Contact.bundeslaender.through.objects.filter(bundesland=value).values("contact_id")
        return queryset.filter(Q(pk__in=ids) | Q(nationwide=True))

    def filter_review(self, queryset, name, value):
        due = Contact.objects.due_for_review().values("pk")
        if value == "ueberfaellig":
            return queryset.filter(pk__in=due)
        if value == "geprueft":
            return queryset.exclude(pk__in=due)
        return queryset


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "group"
    menu_label = "Kontakte"
    add_to_admin_menu = False  # shown in the "Kontakte" submenu below, with "Zu prüfen" and the import
    list_display = ["name", "kind", "coverage", "review_state"]
    list_per_page = 50
    filterset_class = ContactFilterSet
    chooser_viewset_class = ContactChooserViewSet
    chooser_per_page = 25
    search_fields = ["name", "key", "description", "email", "website"]
    search_backend_name = None  # ORM search: finds contacts the moment they are saved, no index to rebuild
    ordering = ["name"]
    # The import reads this export back as it is (contacts/importer.py, column_name).
    list_export = [
        "key",
        "name",
        "kind",
        "tagline",
        "description",
        "nationwide",
        "laender_codes",
        "coverage_note",
        "situation_slugs",
        "channel_slugs",
        "phone_list",
        "email",
        "website",
        "postal_address",
        "availability",
        "languages",
        "anonymous_possible",
        "free_of_charge",
        "is_emergency_number",
        "source_url",
        "verified_on",
        "verified_by",
        "live",
    ]
    export_headings = {
        "laender_codes": "Bundesländer",
        "situation_slugs": "Hilft bei",
        "channel_slugs": "Für diese Wege",
        "phone_list": "Telefonnummern",
        "live": "Veröffentlicht",
    }
    export_filename = "kontakte"

    def get_queryset(self, request):
        return Contact.objects.prefetch_related("bundeslaender", "phone_numbers", "situations", "channels")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("zu-pruefen/", ReviewView.as_view(), name="review"),
            path("import/", ImportView.as_view(), name="import"),
            path("import/vorlage/", import_template, name="import_template"),
        ]


contact_viewset = ContactViewSet()
register_snippet(contact_viewset)


def _require(request, *actions):
    for action in actions:
        if not request.user.has_perm(f"contacts.{action}_contact"):
            raise PermissionDenied


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    """ "Zu prüfen": never verified, or verified longer ago than CONTACT_REVIEW_AFTER_DAYS; oldest first."""

    page_title = "Kontakte: Zu prüfen"
    header_icon = "warning"
    template_name = "contacts/admin/review.html"

    def dispatch(self, request, *args, **kwargs):
        _require(request, "change")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        # Paginated like the other admin lists: thousands of contacts may be due at once (a new import).
        due = Contact.objects.due_for_review(today).prefetch_related("bundeslaender")
        page = Paginator(due, REVIEW_PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            {
                "rows": [
                    {
                        "contact": contact,
                        "edit_url": reverse(contact_viewset.get_url_name("edit"), args=[quote(contact.pk)]),
                        "age": (today - contact.verified_on).days if contact.verified_on else None,
                        "live": contact.live,
                    }
                    for contact in page
                ],
                "items": page,
                "elided_page_range": page.paginator.get_elided_page_range(page.number),
                "days": review_after_days(),
                "index_url": reverse(contact_viewset.get_url_name("list")),
            }
        )
        return context


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV-Datei",
        help_text=(
            f"UTF-8, höchstens {MAX_IMPORT_BYTES // 1024 // 1024} MB. Spalten wie im Export (CSV oder die "
            "Vorlage unten), mindestens Schlüssel, Name der Stelle und Art; Trennzeichen Komma oder Semikolon."
        ),
    )
    publish = forms.ChoiceField(
        label="Änderungen",
        choices=[("draft", "als Entwurf speichern (zur Durchsicht)"), ("publish", "sofort veröffentlichen")],
        initial="draft",
        widget=forms.RadioSelect,
    )


def import_template_headings() -> list[str]:
    """The export's headings without its state column: the header row of an empty import file."""
    from django.utils.text import capfirst

    viewset = ContactViewSet
    return [
        viewset.export_headings.get(name) or str(capfirst(Contact._meta.get_field(name).verbose_name))
        for name in viewset.list_export
        if name != "live"
    ]


def import_template(request):
    """An empty CSV with the export's headings, for staff who start a list in a spreadsheet."""
    _require(request, "add")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kontakte-vorlage.csv"'
    response.write("\ufeff")  # spreadsheets read UTF-8 only with a BOM
    csv.writer(response).writerow(import_template_headings())
    return response


class ImportView(WagtailAdminTemplateMixin, FormView):
    page_title = "Kontakte importieren"
    header_icon = "upload"
    template_name = "contacts/admin/import.html"
    form_class = ImportForm

    def dispatch(self, request, *args, **kwargs):
        _require(request, "add", "change")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        publish = form.cleaned_data["publish"] == "publish"
        if publish:
            _require(self.request, "publish")
        upload = form.cleaned_data["file"]
        data = upload.read(MAX_IMPORT_BYTES + 1)  # one byte more is enough to report "too large"
        result = import_contacts(data, publish=publish, user=self.request.user)
        return self.render_to_response(
            self.get_context_data(form=form, result=result), status=200 if result.ok else 400
        )


class ContactReviewPanel(Component):
    """Dashboard: how many contacts are due for review, the oldest few, and a link to the full list."""

    name = "contacts_review"
    order = 150
    template_name = "contacts/admin/review_panel.html"

    def get_context_data(self, parent_context=None):
        due = Contact.objects.due_for_review()
        return {
            "count": due.count(),
            "contacts": list(due[:5]),
            "review_url": reverse(contact_viewset.get_url_name("review")),
            "days": review_after_days(),
            "today": timezone.localdate(),
            "cutoff": timezone.localdate() - datetime.timedelta(days=review_after_days()),
        }


@hooks.register("construct_homepage_panels")
def add_contact_review_panel(request, panels):
    if request.user.has_perm("contacts.change_contact"):
        panels.append(ContactReviewPanel())


class SuggestionPanel(Component):
    """Dashboard: visitors' hints that nobody has finished yet, the newest few, and a link to the queue."""

    name = "contact_suggestions"
    order = 140
    template_name = "contacts/admin/suggestion_panel.html"

    def get_context_data(self, parent_context=None):
        open_suggestions = ContactSuggestion.objects.open().queue()
        return {
            "count": open_suggestions.count(),
            "suggestions": attach_form_fields(open_suggestions[:5]),
            "queue_url": reverse(suggestion_viewset.get_url_name("index")),
            "edit_url_name": suggestion_viewset.get_url_name("edit"),
        }


@hooks.register("construct_homepage_panels")
def add_suggestion_panel(request, panels):
    if request.user.has_perm(SUGGESTION_PERMISSION):
        panels.append(SuggestionPanel())


@hooks.register("register_admin_viewset")
def register_suggestion_viewset():
    return suggestion_viewset


class SuggestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(SUGGESTION_PERMISSION)


class ContactsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("contacts.change_contact") or request.user.has_perm("contacts.view_contact")


class ContactsReviewMenuItem(MenuItem):
    # The review list is for those who correct contacts (ReviewView requires change permission).
    def is_shown(self, request):
        return request.user.has_perm("contacts.change_contact")


class ContactsEditMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("contacts.add_contact") and request.user.has_perm("contacts.change_contact")


# Registered as a class, as Wagtail's registry expects.
hooks.register("register_bulk_action", MarkVerifiedTodayBulkAction)


@hooks.register("register_admin_menu_item")
def register_contacts_menu():
    from wagtail.admin.menu import Menu

    items = [
        ContactsMenuItem("Alle Kontakte", reverse(contact_viewset.get_url_name("list")), icon_name="group", order=1),
        ContactsReviewMenuItem(
            "Zu prüfen", reverse(contact_viewset.get_url_name("review")), icon_name="warning", order=2
        ),
        SuggestionsMenuItem("Vorschläge", reverse(suggestion_viewset.get_url_name("index")), icon_name="mail", order=3),
        ContactsEditMenuItem(
            "Import (CSV)", reverse(contact_viewset.get_url_name("import")), icon_name="upload", order=4
        ),
    ]
    return SubmenuMenuItem("Kontakte", Menu(items=items), icon_name="group", name="kontakte", order=250)
