"""What article and news pages share: the partner section they sit in, and listing helpers."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch

from core.alt_text import ALT_TEXT_HELP, FILE_NAME_MESSAGE, looks_like_file_name, usable_alt_text
from portal.models import PortalImage
from portal.site_pages import partner_titles

PAGE_SIZE = 10


def image_prefetch(field: str) -> Prefetch:
    """Load the image and all its renditions in two queries for a whole listing."""
    return Prefetch(field, queryset=PortalImage.objects.prefetch_renditions())


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """A page of results; bad or too large page numbers fall back to the first or last page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("seite"))


class PartnerSectionMixin(models.Model):
    """A per-partner subtree: page permissions on it let one partner's editors edit only their pages."""

    partner = models.ForeignKey(
        "portal.PartnerPage",
        verbose_name="Partnerorganisation",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Die Organisation, deren Redaktion die Seiten in diesem Bereich verantwortet.",
    )

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        # An empty section ("Noch keine Meldungen") is not announced until it has something to show.
        if not self.get_children().live().public().exists():
            return []
        return super().get_sitemap_urls(request)


class TeaserImageMixin(models.Model):
    """The teaser image's alternative text where it is placed: the hero of an article says what the picture
    shows, and the same picture may mean something else on another page. Cards show it decoratively."""

    teaser_image_alt = models.CharField(
        "Alternativtext des Vorschaubilds",
        max_length=255,
        blank=True,
        help_text=f"{ALT_TEXT_HELP} Leer: die Beschreibung des Bildes.",
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.teaser_image_id:
            return
        alt = self.teaser_image_alt.strip()
        if alt and looks_like_file_name(alt):
            raise ValidationError({"teaser_image_alt": FILE_NAME_MESSAGE})
        if not alt and not usable_alt_text(self.teaser_image.description):
            raise ValidationError(
                {
                    "teaser_image_alt": "Das Vorschaubild steht groß oben auf der Seite. Bitte beschreiben Sie "
                    "hier, was darauf zu sehen ist: das Bild selbst hat keine brauchbare Beschreibung."
                }
            )

    @property
    def teaser_alt(self) -> str:
        if not self.teaser_image_id:
            return ""
        return usable_alt_text(self.teaser_image_alt) or self.teaser_image.default_alt_text


class ResponsiblePartnerMixin(models.Model):
    """Records which partner organisation is responsible: always the partner of the section above."""

    responsible_partner = models.ForeignKey(
        "portal.PartnerPage",
        verbose_name="Verantwortliche Partnerorganisation",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        partner_id = self._section_partner_id()
        if partner_id is not None:
            self.responsible_partner_id = partner_id
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "responsible_partner"}
        return super().save(*args, **kwargs)

    @property
    def responsible_partner_title(self) -> str:
        """The responsible partner's name, from a map of all partner pages kept per content generation:
        there are only a few, and the page itself is then fetched without joining the partner's page."""
        if self.responsible_partner_id is None:
            return ""
        return partner_titles().get(self.responsible_partner_id, "")

    def _section_partner_id(self):
        if not self.path or self.depth is None or self.depth <= 1:
            return None
        parent = self.get_parent()
        return getattr(parent.specific_deferred, "partner_id", None) if parent else None
