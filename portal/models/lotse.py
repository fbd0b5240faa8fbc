"""The Lotse ("Hilfe finden"): four questions on one screen, danger first, answered with a GET form, and a personal
plan with its numbers as one vCard file and the Strafantrag deadline as a calendar reminder."""

from django.db import models
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from core.models import BasePage


class LotsePage(RoutablePageMixin, BasePage):
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

    def _form(self, request):
        from .plan import LotseForm

        answered = any(name in request.GET for name in LotseForm.base_fields)
        return LotseForm(request.GET if answered else None), answered

    def _plan(self, request):
        from .plan import build_plan

        form, answered = self._form(request)
        return form, answered, (build_plan(form.answers, request) if answered and form.complete else None)

    def serve(self, request, view=None, args=None, kwargs=None):
        # Served without routing (previews, the page cache's own render): the plan, never the bare page.
        return super().serve(request, view or self.plan_view, args, kwargs)

    @path("", name="plan")
    def plan_view(self, request):
        form, answered, plan = self._plan(request)
        context = self.get_context(request)
        context.update({"form": form, "plan": plan, "answered": answered, "plan_query": request.GET.urlencode()})
        # A plan depends only on the URL and on published content: no Vary on cookies is needed.
        return TemplateResponse(request, self.get_template(request), context)

    @path("erinnerung/", name="reminder")
    def reminder(self, request):
        """The Strafantrag reminder as a calendar file, from the same query string as the plan."""
        from portal.deadline import reminder_calendar

        _form, _answered, plan = self._plan(request)
        if plan is None or plan.deadline is None:
            raise Http404("Für diese Angaben gibt es keine Frist.")
        plan_url = request.build_absolute_uri(self.get_url(request) + "?" + request.GET.urlencode())
        body = reminder_calendar(plan.deadline, plan_url, request.get_host().split(":")[0])
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="strafantrag-erinnerung.ics"'
        return response

    @path("nummern/", name="numbers")
    def numbers(self, request):
        """Every number the plan shows, as one vCard file: a phone imports them in one step."""
        from contacts.vcard import vcard_response

        _form, _answered, plan = self._plan(request)
        if plan is None:
            raise Http404("Für diese Angaben gibt es keinen Plan.")
        return vcard_response(plan.contacts, "stark-im-amt-nummern.vcf")
