"""Forms built by editors with Wagtail's form builder: feedback, contact suggestions, error reports.

What a visitor sends is never lost: the submission is saved first, the email to the editors comes second,
and a failing mail server is logged but never shown to the visitor. Staff read and export submissions in
the admin (Formulare).

Spam protection without third parties:
- a honeypot field that people do not see; a bot that fills it gets the thank-you page, nothing is saved;
- a per-IP rate limit in Django's cache (Redis in production). The IP is stored only as a hash, for the
  length of the window. If the cache is unreachable the limit FAILS OPEN: a threatened official who wants
  to report something matters more than a few spam messages, and the honeypot still works.

Anonymous visitors get no cookie: the form posts to `/formular/<id>/`, which checks the Origin and
Sec-Fetch-Site headers instead of a CSRF cookie (see `portal.form_views`).
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from contacts.models import ContactSuggestion
from core.models import BasePage
from core.security import client_ip

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "homepage"
# (submissions, seconds) per IP address and form.
DEFAULT_RATE_LIMIT = (5, 600)
RATE_LIMIT_MESSAGE = (
    "Sie haben in kurzer Zeit sehr viele Nachrichten gesendet. Bitte warten Sie zehn Minuten und senden Sie "
    "das Formular dann noch einmal. Ihre Eingaben stehen unten noch im Formular."
)


# The longest input each field type of the form builder accepts: enough for a detailed report, far below
# what would fill the database (the second probe stored a 9 MB message). Shown to the visitor as maxlength
# and in the help text.
FIELD_MAX_LENGTHS = {"singleline": 200, "multiline": 5000, "email": 254, "url": 2000}
# A whole form post: all text fields at their maximum with room to spare. portal.form_views refuses larger
# bodies before anything is parsed.
FORM_MAX_BODY_BYTES = 64 * 1024


class PortalFormBuilder(FormBuilder):
    """Wagtail's form builder with a maximum length per text field type, said in the help text too."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        limit = FIELD_MAX_LENGTHS.get(field.field_type)
        if limit:
            options["max_length"] = limit
            note = f"Höchstens {limit:,} Zeichen.".replace(",", ".")
            options["help_text"] = f"{options['help_text']} {note}".strip() if options.get("help_text") else note
        return options

    def create_singleline_field(self, field, options):
        from django import forms

        return forms.CharField(**options)  # Wagtail's own would reset max_length to 255

    def create_email_field(self, field, options):
        from django import forms

        return forms.EmailField(**options)


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


def rate_limit_exceeded(request, scope: str) -> bool:
    """Count this attempt; True once the limit of the window is used up. Fails open if the cache is down."""
    limit, window = getattr(settings, "FORM_RATE_LIMIT", DEFAULT_RATE_LIMIT)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()[:32]
    key = f"form-rate:{scope}:{digest}"
    try:
        cache.add(key, 0, timeout=window)
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this is the first attempt of a new window.
        cache.set(key, 1, timeout=window)
        count = 1
    except Exception:  # noqa: BLE001  (any cache outage: fail open, see the module docstring)
        logger.warning("Rate limit for forms unavailable: cache not reachable", exc_info=True)
        return False
    return count is not None and count > limit  # None: a fail-safe cache that could not count


def decorate_form(form) -> None:
    """Tie help texts and errors to their fields for screen readers, and mark invalid fields."""
    for name, field in form.fields.items():
        bound = form[name]
        described = []
        if field.help_text:
            described.append(f"{bound.auto_id}-hilfe")
        if form.is_bound and bound.errors:
            described.append(f"{bound.auto_id}-fehler")
            field.widget.attrs["aria-invalid"] = "true"
        if described:
            field.widget.attrs["aria-describedby"] = " ".join(described)
        if field.required:
            field.widget.attrs["required"] = True


class FormPage(EmailFormMixin, FormMixin, BasePage):
    """A form that editors assemble from fields; submissions appear in the admin under "Formulare"."""

    intro = RichTextField("Einleitung", features=["bold", "italic", "link", "ul"], blank=True)
    thank_you_text = RichTextField(
        "Text nach dem Absenden",
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text="Bestätigung, die Absenderinnen und Absender nach dem Senden sehen.",
    )
    privacy_note = RichTextField(
        "Hinweis zum Datenschutz",
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Kurz: wofür die Angaben verwendet werden, mit Link zur Datenschutzerklärung.",
    )
    submit_label = models.CharField("Beschriftung des Absende-Knopfs", max_length=40, default="Absenden")
    for_contact_care = models.BooleanField(
        "Einsendungen an die Kontaktpflege",
        default=False,
        help_text="Für Hinweise auf neue oder falsche Kontakte: jede Einsendung erscheint bei der Kontaktpflege "
        "unter Kontakte › Vorschläge, mit Status und dem betroffenen Kontakt.",
    )

    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Formularfelder"),
        FieldPanel("privacy_note"),
        FieldPanel("submit_label"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("for_contact_care"),
            ],
            heading="Wer die Einsendungen bekommt",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    template = "portal/form_page.html"
    landing_page_template = "portal/form_page_landing.html"
    form_builder = PortalFormBuilder

    class Meta:
        verbose_name = "Formular"
        verbose_name_plural = "Formulare"

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        from django import forms

        form.fields[HONEYPOT_FIELD] = forms.CharField(
            label="Dieses Feld bitte leer lassen", required=False, max_length=200
        )
        form.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        return form

    def process_form_submission(self, form):
        # Saved first (the request is not one transaction, so this row is committed now) ...
        submission = FormMixin.process_form_submission(self, form)
        if self.for_contact_care:
            ContactSuggestion.queue_submissions([submission])
        # ... then the email. A broken mail server is our problem, not the visitor's.
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception:  # noqa: BLE001
                logger.exception("Form %s: email about submission %s failed; it is saved", self.pk, submission.pk)
        return submission

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.for_contact_care:
            # Marked later: what was sent before joins the queue too.
            ContactSuggestion.queue_submissions(
                self.get_submission_class().objects.filter(page=self, contact_suggestion__isnull=True)
            )

    def render_email(self, form):
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        return super().render_email(form)

    def serve(self, request, *args, **kwargs):
        status = 200
        rate_limited = False
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if rate_limit_exceeded(request, f"page-{self.pk}"):
                rate_limited = True
                status = 429
                form.is_valid()  # keep the input and show other errors alongside
            elif request.POST.get(HONEYPOT_FIELD):
                # A bot: it sees the usual thank-you page and learns nothing; nothing is stored.
                logger.info("Form %s: honeypot filled, submission dropped", self.pk)
                return self.render_landing_page(request, None, *args, **kwargs)
            elif form.is_valid():
                form.cleaned_data.pop(HONEYPOT_FIELD, None)
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
        else:
            form = self.get_form(page=self, user=request.user)
        decorate_form(form)
        context = self.get_context(request)
        context.update(form=form, rate_limited=rate_limited, rate_limit_message=RATE_LIMIT_MESSAGE)
        context["visible_fields"] = [f for f in form if f.name != HONEYPOT_FIELD]
        context["honeypot"] = form[HONEYPOT_FIELD]
        return TemplateResponse(request, self.get_template(request), context, status=status)
