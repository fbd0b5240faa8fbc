"""What visitors send through "Kontakt vorschlagen / Fehler melden", as a queue for the Kontaktpflege.

The message itself stays a Wagtail form submission (saved first, mailed second, exported with the form);
this row adds what the staff need to work through it: a status, the contact it concerns and a note. The
portal's form page creates the row when the form is marked as one for the Kontaktpflege.
"""

from django.conf import settings
from django.db import models
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, Panel

from .records import Contact


class SuggestionStatus(models.TextChoices):
    NEW = "neu", "neu"
    IN_PROGRESS = "in_arbeit", "in Arbeit"
    DONE = "erledigt", "erledigt"


OPEN_STATUSES = (SuggestionStatus.NEW, SuggestionStatus.IN_PROGRESS)


class ContactSuggestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def queue(self):
        """Open ones first, finished ones after; the newest first within each."""
        return self.select_related("submission__page", "contact").order_by(
            models.Case(models.When(status=SuggestionStatus.DONE, then=1), default=0),
            "-submission__submit_time",
            "-pk",
        )


def attach_form_fields(suggestions) -> list:
    """Give each suggestion its form's fields, read once per form: a listing would otherwise ask for the
    form page and its fields once per row."""
    from wagtail.models import Page

    suggestions = list(suggestions)
    page_ids = {suggestion.submission.page_id for suggestion in suggestions}
    fields = {
        page.pk: list(page.get_form_fields()) if hasattr(page, "get_form_fields") else []
        for page in Page.objects.filter(pk__in=page_ids).specific()
    }
    for suggestion in suggestions:
        suggestion._form_fields = fields.get(suggestion.submission.page_id, [])
    return suggestions


class SubmissionPanel(Panel):
    """The visitor's message, read-only, above the fields the staff fill in."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "contacts/admin/suggestion_submission_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["submission"] = self.instance.submission
            context["answers"] = self.instance.answers()
            return context


class ContactSuggestion(models.Model):
    submission = models.OneToOneField(
        "wagtailforms.FormSubmission",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="contact_suggestion",
        verbose_name="Einsendung",
    )
    status = models.CharField(
        "Status", max_length=12, choices=SuggestionStatus.choices, default=SuggestionStatus.NEW, db_index=True
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name="Betroffener Kontakt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
        help_text="Der Kontakt, den der Hinweis betrifft, oder der neu angelegte. Leer bei einem Hinweis zu einer "
        "Seite.",
    )
    note = models.TextField(
        "Vermerk",
        blank=True,
        help_text="Für das Team: was geprüft oder geändert wurde, wer nachfragt. Wer den Hinweis geschickt hat, "
        "sieht das nicht.",
    )
    updated_at = models.DateTimeField("Zuletzt bearbeitet", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Bearbeitet von",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = ContactSuggestionQuerySet.as_manager()

    panels = [
        SubmissionPanel(heading="Einsendung"),
        FieldPanel("status"),
        FieldPanel("contact"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "Kontaktvorschlag"
        verbose_name_plural = "Kontaktvorschläge"

    def __str__(self):
        return f"Hinweis vom {self.submission.submit_time:%d.%m.%Y}: {self.summary()}"

    def _answered_fields(self) -> list[tuple[str, str, str]]:
        """(label, field type, answer) for every field the visitor filled in, in the form's order."""
        data = self.submission.get_data()
        fields = getattr(self, "_form_fields", None)
        if fields is None:
            attach_form_fields([self])
            fields = self._form_fields
        known = {field.clean_name: (field.label, field.field_type) for field in fields}
        answered = []
        for name, value in data.items():
            if name == "submit_time" or value in ("", None, []):
                continue
            if isinstance(value, list):
                value = ", ".join(str(item) for item in value)
            label, field_type = known.get(name, (name, ""))
            answered.append((label, field_type, str(value)))
        return answered

    def answers(self) -> list[tuple[str, str]]:
        return [(label, answer) for label, _type, answer in self._answered_fields()]

    def summary(self) -> str:
        """What the hint is about in a few words: its first one-line answer (in the demo form the name of the
        place or page), else the beginning of its first answer."""
        answered = self._answered_fields()
        one_line = [answer for _label, field_type, answer in answered if field_type == "singleline"]
        if one_line:
            return Truncator(one_line[0]).chars(80)
        return Truncator(answered[0][2]).chars(80) if answered else "ohne Angaben"

    summary.short_description = "Hinweis"

    @classmethod
    def queue_submissions(cls, submissions) -> None:
        """Put these submissions into the queue as new; those already in it keep their status."""
        cls.objects.bulk_create([cls(submission=submission) for submission in submissions], ignore_conflicts=True)
