"""Bundesland, the taxonomy (situation, channel, phase) and the contact records that staff keep."""

import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin
from wagtail.search import index

DEFAULT_REVIEW_AFTER_DAYS = 180

# One way to write a number everywhere: digits in groups separated by single spaces, an optional leading
# "+" for international numbers and an optional extension after a hyphen ("0711 5401-3003").
PHONE_PATTERN = re.compile(r"^\s*\+?[0-9]+(?:\s+[0-9]+)*(?:-[0-9]+)?\s*$")
PHONE_MESSAGE = (
    "Bitte schreiben Sie die Nummer nur mit Ziffern und Leerzeichen, eine Durchwahl mit Bindestrich, "
    "z. B. „0800 300 99 44“ oder „0711 5401-3003“ (keine Klammern, Schrägstriche oder Buchstaben)."
)
validate_phone_number = RegexValidator(PHONE_PATTERN, PHONE_MESSAGE, code="phone_format")


def normalize_phone_number(value: str) -> str:
    """Collapse runs of whitespace so "0800  300 99 44 " and "0800 300 99 44" are the same number."""
    return " ".join((value or "").split())


def review_after_days() -> int:
    return int(getattr(settings, "CONTACT_REVIEW_AFTER_DAYS", DEFAULT_REVIEW_AFTER_DAYS))


class Bundesland(models.Model):
    """The 16 Länder with their official key (Regionalschlüssel) and ISO 3166-2 code.

    Reference data: created by a migration, not edited by staff.
    """

    key = models.CharField("Länderschlüssel", max_length=2, unique=True)
    iso_code = models.CharField("ISO-3166-2-Code", max_length=5, unique=True)
    name = models.CharField("Name", max_length=40, unique=True)
    slug = models.SlugField("URL-Kürzel", max_length=40, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "Bundesland"
        verbose_name_plural = "Bundesländer"

    def __str__(self):
        return self.name


class TaxonomyTerm(models.Model):
    """A term editors manage as a snippet: name, URL slug, order, and a short explanation."""

    name = models.CharField("Bezeichnung", max_length=80, unique=True)
    slug = models.SlugField("URL-Kürzel", max_length=80, unique=True)
    description = models.CharField("Kurze Erläuterung", max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class Situation(TaxonomyTerm):
    """What happened: Beleidigung, Bedrohung, Hatestorm, Doxing, …"""

    complaint_deadline = models.BooleanField(
        "Strafantrag mit Frist",
        default=False,
        help_text="Anhaken, wenn es meist um Ehrdelikte geht (Beleidigung, üble Nachrede, Verleumdung, "
        "§§ 185–187 StGB). Der Lotse rechnet dann die Drei-Monats-Frist für den Strafantrag aus.",
    )

    panels = [*TaxonomyTerm.panels, FieldPanel("complaint_deadline")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "Situation"
        verbose_name_plural = "Situationen"


class Channel(TaxonomyTerm):
    """Where it happened: online, by post or phone, in person."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "Kanal"
        verbose_name_plural = "Kanäle"


class Phase(TaxonomyTerm):
    """When guidance applies: acute, afterwards, prevention."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "Phase"
        verbose_name_plural = "Phasen"


class ContactKind(models.TextChoices):
    POLICE = "polizei", "Polizei"
    JUSTICE = "justiz", "Justiz / Staatsanwaltschaft"
    REPORTING = "meldestelle", "Meldestelle"
    VICTIM_SUPPORT = "opferberatung", "Opferberatung"
    LEGAL = "rechtsberatung", "Rechtsberatung"
    PSYCHOSOCIAL = "psychosozial", "Psychosoziale Unterstützung"
    MUNICIPAL = "verband", "Kommunaler Verband"
    OTHER = "sonstiges", "Sonstiges"


class ContactQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def with_relations(self):
        """Everything a listing shows, in a fixed number of queries however many contacts there are."""
        return self.prefetch_related("phone_numbers", "bundeslaender", "situations")

    def due_for_review(self, today: datetime.date | None = None):
        """Never checked, or last checked longer ago than CONTACT_REVIEW_AFTER_DAYS; oldest first.
        Emergency numbers (110, 112, Telefonseelsorge) need no check date and never are due."""
        today = today or timezone.localdate()
        cutoff = today - datetime.timedelta(days=review_after_days())
        due = Q(verified_on__isnull=True) | Q(verified_on__lt=cutoff)
        return (
            self.exclude(is_emergency_number=True)
            .filter(due)
            .order_by(F("verified_on").asc(nulls_first=True), "name")
        )


class ContactForm(WagtailAdminModelForm):
    """Hands the form's Länder and phone rows to the model before `Contact.clean()` runs.

    Django validates the model before it assigns many-to-many values or saves inline rows, so without this
    `clean()` would judge coverage and reachability by the old, saved values.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "key" in self.fields:
            # Import and export find a contact by its key: once it exists, a changed key would make the next
            # import create a second one. Disabled fields ignore what is posted.
            self.fields["key"].disabled = True
            self.fields["key"].help_text = "Import und Export finden die Stelle daran; nach dem Anlegen fest."

    def clean(self):
        cleaned_data = super().clean()
        if "bundeslaender" in cleaned_data:
            self.instance.bundeslaender = cleaned_data["bundeslaender"]
        phones = self.formsets.get("phone_numbers")
        if phones is not None:
            count = 0
            for form in phones.forms:
                if not form.is_valid():
                    continue
                data = form.cleaned_data
                if data.get("number") and not data.get("DELETE"):
                    count += 1
            self.instance._phone_count_from_form = count
        return cleaned_data


class Contact(DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A place that helps: one record is the single source of truth for its phone, email and website."""

    key = models.SlugField(
        "Schlüssel",
        max_length=80,
        unique=True,
        help_text="Stabiler Schlüssel für Import und Export, z. B. „starke-stelle“. Nicht ändern.",
    )
    name = models.CharField("Name der Stelle", max_length=200)
    kind = models.CharField("Art", max_length=20, choices=ContactKind.choices)
    tagline = models.CharField(
        "In einer Zeile",
        max_length=140,
        blank=True,
        help_text="Was die Stelle für Betroffene tut, in einer Zeile. Steht im Plan des Lotsen oben bei den "
        "Nummern. Leer: der erste Satz der Kurzbeschreibung.",
    )
    description = models.TextField("Kurzbeschreibung", max_length=600, blank=True)
    situations = ParentalManyToManyField(Situation, verbose_name="Hilft bei", blank=True, related_name="contacts")
    channels = ParentalManyToManyField(
        Channel,
        verbose_name="Für diese Wege",
        blank=True,
        related_name="contacts",
        help_text="Leer: für alle Wege. Z. B. nur „Online“ für eine Meldestelle für Hass im Netz.",
    )
    nationwide = models.BooleanField("Bundesweit zuständig", default=False)
    bundeslaender = ParentalManyToManyField(
        Bundesland, verbose_name="Bundesländer", blank=True, related_name="contacts"
    )
    coverage_note = models.CharField(
        "Zuständigkeit in Worten",
        max_length=120,
        blank=True,
        help_text="Nur wenn „Bundesweit“ zu viel sagt, z. B. „Beratungsstellen in 14 Ländern“. Steht auf der "
        "Website statt „Bundesweit“ bzw. der Liste der Länder. Für die Suche nach Land zählen weiter die "
        "Angaben oben.",
    )
    email = models.EmailField("E-Mail", blank=True)
    website = models.URLField("Website", blank=True)
    postal_address = models.TextField("Postanschrift", blank=True)
    availability = models.CharField(
        "Erreichbarkeit", max_length=200, blank=True, help_text="z. B. „rund um die Uhr“ oder Sprechzeiten"
    )
    languages = models.CharField("Sprachen", max_length=200, blank=True)
    anonymous_possible = models.BooleanField("Anonyme Beratung möglich", default=False)
    free_of_charge = models.BooleanField("Kostenlos", default=False)
    source_url = models.URLField("Quelle der Angaben", blank=True)
    is_emergency_number = models.BooleanField(
        "Allgemeine Notruf- oder Krisennummer",
        default=False,
        help_text=(
            "Für 110, 112 und die Telefonseelsorge: feste bundesweite Nummern, die kein Prüfdatum brauchen. "
            "Sie erscheinen nicht unter „Zu prüfen“ und zeigen öffentlich kein „Stand“."
        ),
    )
    verified_on = models.DateField("Zuletzt geprüft am", null=True, blank=True)
    verified_by = models.CharField("Geprüft von", max_length=120, blank=True)
    internal_note = models.TextField("Interne Notiz", blank=True, help_text="Nur im Admin sichtbar.")
    is_demo = models.BooleanField("Demo-Inhalt", default=False, help_text="Beispielinhalt aus der Demo.")

    objects = ContactQuerySet.as_manager()
    base_form_class = ContactForm

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("key"), FieldPanel("kind")], heading="Stelle"),
        FieldPanel("tagline"),
        FieldPanel("description"),
        # Checkboxes, not multiple-select lists: nobody should need Ctrl-click to pick three terms.
        FieldPanel("situations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("channels", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("nationwide"),
                FieldPanel("bundeslaender", widget=forms.CheckboxSelectMultiple),
                FieldPanel("coverage_note"),
            ],
            heading="Zuständigkeit",
        ),
        InlinePanel("phone_numbers", heading="Telefonnummern", label="Telefonnummer"),
        MultiFieldPanel(
            [
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("postal_address"),
                FieldPanel("availability"),
                FieldPanel("languages"),
                FieldPanel("anonymous_possible"),
                FieldPanel("free_of_charge"),
            ],
            heading="Erreichbarkeit",
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_emergency_number"),
                FieldPanel("source_url"),
                FieldPanel("verified_on"),
                FieldPanel("verified_by"),
            ],
            heading="Prüfung",
        ),
        FieldPanel("internal_note"),
        FieldPanel("is_demo"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("live"),
        index.SearchField("key"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "Kontakt"
        verbose_name_plural = "Kontakte"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        # Some Länder publish no number for their contact point ("the police refers you"); a sentence under
        # "Erreichbarkeit" that says how to get there then counts as the way to reach it.
        if not (self.email or self.website or self.postal_address or self.availability.strip() or self._has_phone()):
            errors["email"] = (
                "Bitte geben Sie mindestens einen Weg an, die Stelle zu erreichen: Telefon, E-Mail, Website, "
                "Postanschrift oder unter „Erreichbarkeit“, wie man sie erreicht."
            )
        if not (self.nationwide or self._has_bundesland()):
            errors["bundeslaender"] = (
                "Bitte geben Sie an, wo die Stelle hilft: „Bundesweit zuständig“ ankreuzen "
                "oder mindestens ein Bundesland wählen."
            )
        if self.verified_on and self.verified_on > timezone.localdate():
            errors["verified_on"] = "Das Prüfdatum darf nicht in der Zukunft liegen."
        if self.verified_on and not self.verified_by.strip():
            errors["verified_by"] = "Bitte geben Sie an, wer die Angaben geprüft hat."
        if errors:
            raise ValidationError(errors)

    def _has_phone(self) -> bool:
        from_form = getattr(self, "_phone_count_from_form", None)
        if from_form is not None:
            return from_form > 0
        return any(p.number and not getattr(p, "DELETE", False) for p in self.phone_numbers.all())

    def _has_bundesland(self) -> bool:
        # For an unsaved or form-bound contact this reads modelcluster's in-memory values.
        return len(self.bundeslaender.all()) > 0

    @property
    def one_line(self) -> str:
        """What the place does, in one line: the editor's line, or the description's first sentence."""
        if self.tagline:
            return self.tagline
        first = re.split(r"(?<=[.!?])\s+", self.description.strip(), maxsplit=1)[0]
        return first

    @property
    def review_overdue(self) -> bool:
        if self.is_emergency_number:
            return False
        if self.verified_on is None:
            return True
        return self.verified_on < timezone.localdate() - datetime.timedelta(days=review_after_days())

    # Listing columns and export values; they read the prefetched relations.
    @property
    def coverage(self) -> str:
        if self.coverage_note:
            return self.coverage_note
        if self.nationwide:
            return "bundesweit"
        return ", ".join(land.name for land in self.bundeslaender.all())

    coverage.fget.short_description = "Zuständigkeit"

    @property
    def review_state(self) -> str:
        """For staff only: the public card shows "Stand" for verified contacts and nothing otherwise."""
        if self.is_emergency_number:
            return "Notrufnummer, keine Prüfung nötig"
        if self.verified_on is None:
            return "noch nie geprüft"
        state = "zu prüfen" if self.review_overdue else "geprüft"
        return f"{state} (zuletzt am {self.verified_on:%d.%m.%Y})"

    review_state.fget.short_description = "Prüfstatus"

    @property
    def laender_codes(self) -> str:
        return " ".join(land.iso_code for land in self.bundeslaender.all())

    @property
    def situation_slugs(self) -> str:
        return " ".join(situation.slug for situation in self.situations.all())

    @property
    def channel_slugs(self) -> str:
        return " ".join(channel.slug for channel in self.channels.all())

    @property
    def phone_list(self) -> str:
        """ "label; number; hours | …", the format the CSV import reads back."""
        return " | ".join(f"{p.label}; {p.number}; {p.hours}" for p in self.phone_numbers.all())

    @property
    def has_vcard(self) -> bool:
        """Something to save in an address book: a number, an e-mail, a website or a postal address."""
        from contacts.vcard import has_vcard

        return has_vcard(self)


class ContactPhone(Orderable):
    contact = ParentalKey(Contact, on_delete=models.CASCADE, related_name="phone_numbers")
    label = models.CharField("Bezeichnung", max_length=100, blank=True, help_text="z. B. „Opfer-Telefon“")
    number = models.CharField(
        "Nummer",
        max_length=40,
        validators=[validate_phone_number],
        help_text="Schreibweise: Ziffern in Gruppen mit Leerzeichen, Durchwahl mit Bindestrich: 0800 300 99 44",
    )
    hours = models.CharField("Erreichbar", max_length=120, blank=True, help_text="z. B. „Mo–Fr 9–16 Uhr“")

    panels = [FieldPanel("label"), FieldPanel("number"), FieldPanel("hours")]

    class Meta(Orderable.Meta):
        verbose_name = "Telefonnummer"
        verbose_name_plural = "Telefonnummern"

    def __str__(self):
        return self.number

    def clean(self):
        super().clean()
        self.number = normalize_phone_number(self.number)

    def save(self, *args, **kwargs):
        self.number = normalize_phone_number(self.number)
        super().save(*args, **kwargs)

    @property
    def tel_uri(self) -> str:
        digits = "".join(ch for ch in self.number if ch.isdigit() or ch == "+")
        return f"tel:{digits}"
