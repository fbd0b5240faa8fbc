"""The search in the admin: synonyms as snippets, and two reports for editors (popular searches, searches
without results) behind the permission "Suchberichte ansehen" instead of Wagtail's superuser-only report.

From a search without results an editor adds a synonym (the search words already filled in) or a
promoted result for exactly that search, in one step each.
"""

from django.db.models import Max, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.http import urlencode
from django_filters import DateFromToRangeFilter
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from portal.models import SearchSynonym, UnansweredSearch

REPORT_PERMISSION = "portal.view_search_reports"


class SynonymCreateView(CreateView):
    """?terms=… fills in what visitors typed, so the report's link is one step to a synonym."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or SearchSynonym()
        terms = self.request.GET.get("terms", "")[:255]
        if terms:
            instance.terms = terms
        return instance


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    add_view_class = SynonymCreateView
    icon = "search"
    menu_label = "Suchsynonyme"
    menu_name = "suchsynonyme"
    menu_order = 295
    add_to_admin_menu = True
    list_display = ["terms", "replacement", "is_demo"]
    search_fields = ["terms", "replacement"]
    search_backend_name = None  # plain ORM search: a small table


register_snippet(SearchSynonymViewSet)


class ReportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class PopularSearchesFilterSet(WagtailFilterSet):
    hit_date = DateFromToRangeFilter(label="Zeitraum", field_name="daily_hits__date", widget=DateRangePickerWidget)

    class Meta:
        model = Query
        fields = []


class PopularSearchesView(ReportPermissionMixin, ReportView):
    page_title = "Häufige Suchen"
    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    filterset_class = PopularSearchesFilterSet
    default_ordering = "-_hits"
    index_url_name = "portal_search_popular"
    index_results_url_name = "portal_search_popular_results"
    columns = [
        Column("query_string", label="Suchbegriff", sort_key="query_string"),
        NumberColumn("_hits", label="Suchen", sort_key="_hits"),
    ]
    list_export = ["query_string", "_hits"]
    export_headings = {"query_string": "Suchbegriff", "_hits": "Suchen"}

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def get_base_queryset(self):
        return Query.get_most_popular()


def _miss_actions(query) -> str:
    synonym_url = reverse(SearchSynonymViewSet().get_url_name("add")) + "?" + urlencode({"terms": query.query_string})
    promotion_url = reverse("wagtailsearchpromotions:edit", args=[query.pk])
    return format_html_join(
        " · ",
        '<a href="{}">{}<span class="w-sr-only"> für „{}“</span></a>',
        [
            (synonym_url, "Synonym anlegen", query.query_string),
            (promotion_url, "Empfehlung anlegen", query.query_string),
        ],
    )


class UnansweredSearchesView(ReportPermissionMixin, ReportView):
    """What people looked for and did not find, with how often; each with its two ways to fix it."""

    page_title = "Suchen ohne Treffer"
    header_icon = "warning"
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-_misses"
    index_url_name = "portal_search_unanswered"
    index_results_url_name = "portal_search_unanswered_results"
    columns = [
        Column("query_string", label="Suchbegriff", sort_key="query_string"),
        NumberColumn("_misses", label="Suchen ohne Treffer", sort_key="_misses"),
        Column("_last", label="Zuletzt", sort_key="_last"),
        Column("actions", label="Beheben", accessor=_miss_actions),
    ]
    list_export = ["query_string", "_misses", "_last"]
    export_headings = {"query_string": "Suchbegriff", "_misses": "Suchen ohne Treffer", "_last": "Zuletzt"}

    def get_base_queryset(self):
        misses = UnansweredSearch.objects.filter(query_string=OuterRef("query_string")).values("query_string")
        return (
            Query.objects.annotate(
                _misses=Coalesce(Subquery(misses.annotate(total=Sum("hits")).values("total")[:1]), 0),
                _last=Subquery(misses.annotate(last=Max("date")).values("last")[:1]),
            )
            .filter(_misses__gt=0)
            .order_by("-_misses", "query_string")
        )

    def get_queryset(self):
        queryset = self.get_base_queryset()
        ordering = self.get_ordering()
        if ordering:
            queryset = queryset.order_by(ordering, "query_string")
        return queryset


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path("berichte/suche/", PopularSearchesView.as_view(), name="portal_search_popular"),
        path(
            "berichte/suche/ergebnisse/",
            PopularSearchesView.as_view(results_only=True),
            name="portal_search_popular_results",
        ),
        path("berichte/suche-ohne-treffer/", UnansweredSearchesView.as_view(), name="portal_search_unanswered"),
        path(
            "berichte/suche-ohne-treffer/ergebnisse/",
            UnansweredSearchesView.as_view(results_only=True),
            name="portal_search_unanswered_results",
        ),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_popular_searches_menu_item():
    return ReportMenuItem(
        "Häufige Suchen", reverse("portal_search_popular"), name="haeufige-suchen", icon_name="search", order=1310
    )


@hooks.register("register_reports_menu_item")
def register_unanswered_searches_menu_item():
    return ReportMenuItem(
        "Suchen ohne Treffer",
        reverse("portal_search_unanswered"),
        name="suchen-ohne-treffer",
        icon_name="warning",
        order=1320,
    )


@hooks.register("register_permissions")
def register_search_report_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="portal", codename="view_search_reports")


# --- "Inhalte zu prüfen": the review cycle for guidance (portal/content_review.py) -----------------------


@hooks.register("register_admin_urls")
def register_content_review_url():
    from portal.content_review import ContentReviewView

    return [path("inhalte-zu-pruefen/", ContentReviewView.as_view(), name="portal_content_review")]


@hooks.register("construct_homepage_panels")
def add_content_review_panel(request, panels):
    from portal.content_review import ContentReviewPanel, editable_reviewed_pages

    # Only for editors of guidance: the Kontaktpflege group sees its own panel, not an empty one.
    if editable_reviewed_pages(request.user):
        panels.append(ContentReviewPanel(request.user))


@hooks.register("register_reports_menu_item")
def register_content_review_menu_item():
    return MenuItem(
        "Inhalte zu prüfen", reverse("portal_content_review"), name="inhalte-zu-pruefen", icon_name="warning",
        order=1300,
    )


# --- history of the emergency box (portal/settings_history.py) ---------------------------------------


@hooks.register("register_admin_urls")
def register_emergency_history_urls():
    from portal.settings_history import urlpatterns

    return urlpatterns()


@hooks.register("before_edit_setting")
def keep_the_emergency_box_state_before_its_first_change(request, instance):
    from portal.settings_history import keep_the_state_before_the_first_change

    keep_the_state_before_the_first_change(request, instance)
