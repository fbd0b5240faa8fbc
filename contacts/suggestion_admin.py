"""Kontakte › Vorschläge: the Kontaktpflege works through what visitors sent via "Kontakt vorschlagen".

Staff may read and update a suggestion (status, contact concerned, note); nobody creates one by hand and
nobody deletes one here: the visitor's message is the record, and the form's own export still holds it.
"""

from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from contacts.models import ContactSuggestion, SuggestionStatus
from contacts.models.suggestions import attach_form_fields

SUGGESTION_PERMISSION = "contacts.change_contactsuggestion"


class SuggestionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return ContactSuggestion.objects.queue()

    def get_table(self, object_list):
        attach_form_fields(object_list)  # evaluates the page's rows once; the table reuses them
        return super().get_table(object_list)


class SuggestionEditView(generic.EditView):
    def save_instance(self):
        self.form.instance.updated_by = self.request.user
        return super().save_instance()


def contact_link(suggestion):
    if suggestion.contact is None:
        return "–"
    return format_html(
        '<a href="{}">{}</a>',
        reverse("wagtailsnippets_contacts_contact:edit", args=[suggestion.contact.pk]),
        suggestion.contact.name,
    )


class SuggestionViewSet(ModelViewSet):
    model = ContactSuggestion
    icon = "mail"
    menu_label = "Vorschläge"
    add_to_admin_menu = False  # in the "Kontakte" submenu, beside "Zu prüfen"
    index_view_class = SuggestionIndexView
    edit_view_class = SuggestionEditView
    copy_view_enabled = False
    list_filter = ["status"]
    list_per_page = 50
    ordering = None  # the queue's own order: open ones first, newest first
    list_display = [
        "summary",  # the title column: links to the edit view
        DateColumn("submit_time", label="Eingegangen", accessor="submission.submit_time"),
        StatusTagColumn(
            "status",
            label="Status",
            accessor="get_status_display",
            primary=lambda suggestion: suggestion.status != SuggestionStatus.DONE,
        ),
        Column("contact", label="Betroffener Kontakt", accessor=contact_link),
    ]


suggestion_viewset = SuggestionViewSet("kontaktvorschlaege")
