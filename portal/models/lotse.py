"""The Lotse ("Hilfe finden"): four questions on one screen, answered with a GET form, and a personal plan."""

from django.db import models
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from core.models import BasePage


class LotsePage(BasePage):
    """Builds a plan from the answers in the query string: nothing is stored, no session, no cookie.

    The URL carries all answers, so a plan can be bookmarked, shared with a colleague or printed.
    """

    intro = models.TextField(
        "Einleitung", max_length=600, help_text="Ein, zwei Sätze über dem Fragebogen: was der Lotse tut."
    )
    privacy_note = models.CharField(
        "Hinweis zum Datenschutz",
        max_length=250,
        default="Ihre Antworten werden nicht gespeichert. Sie stehen nur in der Adresse dieser Seite.",
    )
    no_match_text = RichTextField(
        "Text, wenn keine Ratgeberseite passt",
        features=["bold", "link", "ul"],
        blank=True,
        help_text="Erscheint, wenn für die Antworten noch keine Schritte hinterlegt sind.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("privacy_note"),
        FieldPanel("no_match_text"),
    ]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1
    template = "portal/guidance/lotse_page.html"

    class Meta:
        verbose_name = "Lotse (Hilfe finden)"

    def serve(self, request, *args, **kwargs):
        from .plan import LotseForm, build_plan

        answered = any(name in request.GET for name in LotseForm.base_fields)
        form = LotseForm(request.GET if answered else None)
        plan = build_plan(form.answers, request) if answered and form.is_valid() else None
        context = self.get_context(request, *args, **kwargs)
        context.update({"form": form, "plan": plan, "answered": answered})
        # A plan depends only on the URL and on published content: no Vary on cookies is needed.
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context)
