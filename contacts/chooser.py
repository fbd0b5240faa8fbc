"""The contact chooser (page bodies, suggestions): which Land and which kind each contact is, and filters
for both, so that "Opferberatung" in Sachsen is found among hundreds of contacts without guessing names.

Search is the ORM's, as in the contact list: a contact is found the moment it is saved.
"""

from django import forms
from django.db.models import Q
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from contacts.models import Bundesland, Contact, ContactKind


class ContactChooserFilterForm(BaseFilterForm):
    q = forms.CharField(label="Suchbegriff", required=False, widget=forms.TextInput(attrs={"placeholder": "Name"}))
    land = forms.ModelChoiceField(
        Bundesland.objects.order_by("name"),
        label="Bundesland",
        required=False,
        empty_label="Alle Länder",
        to_field_name="slug",
    )
    kind = forms.ChoiceField(label="Art", required=False, choices=[("", "Alle Arten"), *ContactKind.choices])

    def filter(self, objects):
        query = self.cleaned_data.get("q")
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(
                Q(name__icontains=query) | Q(key__icontains=query) | Q(description__icontains=query)
            )
        land = self.cleaned_data.get("land")
        if land:
            # The Land's own contacts and those for the whole country: both help someone there.
            objects = objects.filter(Q(nationwide=True) | Q(pk__in=land.contacts.values("pk")))
        kind = self.cleaned_data.get("kind")
        if kind:
            objects = objects.filter(kind=kind)
        return objects


class ContactChooseViewMixin:
    filter_form_class = ContactChooserFilterForm

    def get_object_list(self):
        return Contact.objects.prefetch_related("bundeslaender").order_by("name")

    @property
    def columns(self):
        title, *rest = super().columns
        return [
            title,
            Column("kind", label="Art", accessor="get_kind_display"),
            Column("coverage", label="Zuständigkeit", accessor="coverage"),
            *rest,
        ]


class ContactChooseView(ContactChooseViewMixin, ChooseView):
    pass


class ContactChooseResultsView(ContactChooseViewMixin, ChooseResultsView):
    pass


class ContactChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ContactChooseView
    choose_results_view_class = ContactChooseResultsView
