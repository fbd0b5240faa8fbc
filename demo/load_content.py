"""Load content for benchmarks: N times the demo's pages and contacts, for `manage.py generate_load_content`.

Built on top of the demo content (load it first). Every generated item is a copy of a demo item of the
same type (realistic bodies, tags, authors, chosen contacts), marked as demo content and named
"(Lastinhalt n)", so nobody mistakes it for a fact. Copies go below the same parent as their original,
spread over the partner sections; contacts are spread over all Länder.

Repeatable: item n of each kind has a fixed slug or key and fixed pseudo-random values (seeded by n), so a
second run at the same scale adds nothing and a run at a higher scale adds only the missing items.
Scale 1 is the demo itself plus the records that grow with use (form submissions, search queries,
revisions); scale N adds (N - 1) copies of every demo page of the listed kinds and of every contact.

No invented phone number or address: a copied contact keeps its original's numbers and website.
"""

import datetime
import io
import random
import time
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

MARK = "lastinhalt"
BATCH = 50
# Per scale unit: what grows with use rather than with editing.
SUBMISSIONS_PER_SCALE = 60
QUERIES_PER_SCALE = 80
QUERY_DAYS = 30
EXTRA_REVISIONS = 2  # per generated page and contact, besides the one a copy gets
IMAGES_PER_SCALE = 4
AUTHORS_PER_SCALE = 2

# Topics editors plausibly tag with; more of them at a larger scale.
TOPICS = [
    "Hassrede", "Kommunalwahl", "Beweissicherung", "Strafanzeige", "Prävention", "Soziale Medien",
    "Ehrenamt", "Gemeinderat", "Landkreis", "Polizei", "Justiz", "Opferberatung", "Sicherheitskonzept",
    "Bürgersprechstunde", "Wahlkampf", "Selbstschutz", "Auskunftssperre", "Netzwerke", "Familie", "Bürgermeister",
]
FIRST_NAMES = ["Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hamid", "Ines", "Jonas", "Katrin", "Lukas"]
LAST_NAMES = ["Becker", "Demir", "Fischer", "Hoffmann", "Krüger", "Lange", "Meyer", "Neumann", "Schulz", "Wagner"]
SEARCH_WORDS = [
    "anzeige", "bedrohung", "polizei", "beleidigung", "hatestorm", "beweise sichern", "auskunftssperre",
    "opferberatung", "starke stelle", "hilfe", "notruf", "doxing", "strafantrag", "screenshot", "rechtsberatung",
]
FEEDBACK = [
    "Die Seite hat mir geholfen, danke.",
    "Ich habe die Nummer für mein Bundesland nicht gleich gefunden.",
    "Bitte mehr zum Thema Beweissicherung bei Sprachnachrichten.",
    "Der Lotse war verständlich. Ein Ausdruck als PDF wäre gut.",
]


class Progress:
    """One line per batch: what is being generated, how far, how fast."""

    def __init__(self, write: Callable[[str], None], label: str, total: int):
        self.write, self.label, self.total, self.done = write, label, total, 0
        self.started = time.monotonic()

    def step(self, count: int) -> None:
        self.done += count
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed else 0
        self.write(f"  {self.label}: {self.done}/{self.total} ({rate:.0f}/s)")


def _batches(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _templates(model) -> list:
    """The demo's own pages of a type (not earlier copies), in tree order."""
    return list(model.objects.exclude(slug__contains=f"-{MARK}-").order_by("path"))


def _numbered(templates: list, scale: int) -> list[tuple[int, object]]:
    """(n, template) for the copies scale N needs: n runs from 1 to (N - 1) × len(templates)."""
    count = (scale - 1) * len(templates)
    return [(number, templates[(number - 1) % len(templates)]) for number in range(1, count + 1)]


def _copy_slug(template, number: int) -> str:
    return f"{template.slug[:200]}-{MARK}-{number}"


# --- pages ------------------------------------------------------------------------------------------


def _copy_pages(model, scale: int, write, attrs: Callable[[int, object, random.Random], dict], after=None) -> list:
    """Copies of the demo's pages of `model` up to `scale`, in batches of one transaction each."""
    from wagtail.models import Page

    templates = _templates(model)
    wanted = _numbered(templates, scale)
    existing = set(Page.objects.filter(slug__contains=f"-{MARK}-").values_list("slug", flat=True))
    todo = [(n, t) for n, t in wanted if _copy_slug(t, n) not in existing]
    progress = Progress(write, model._meta.verbose_name_plural, len(wanted))
    progress.done = len(wanted) - len(todo)
    created = []
    for batch in _batches(todo):
        with transaction.atomic():
            copies = []
            for number, template in batch:
                rng = random.Random(f"{model.__name__}-{number}")
                update = {
                    "slug": _copy_slug(template, number),
                    "title": f"{template.title} (Lastinhalt {number})",
                    "is_demo": True,
                    **attrs(number, template, rng),
                }
                copy = template.copy(
                    recursive=False, keep_live=True, copy_revisions=False, log_action=None, update_attrs=update
                )
                copies.append((number, copy, rng))
            if after is not None:
                after(copies)
            _extra_revisions([copy for _n, copy, _r in copies])
            created += [copy for _n, copy, _r in copies]
        progress.step(len(batch))
    return created


def _extra_revisions(objects) -> None:
    """Older revisions, as editing leaves them: the history and the compare view must stay fast."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Revision

    rows = []
    for obj in objects:
        content = obj.serializable_data()
        content_type = ContentType.objects.get_for_model(obj)
        base = ContentType.objects.get_for_model(obj.get_base_model() if hasattr(obj, "get_base_model") else obj)
        for age in range(EXTRA_REVISIONS, 0, -1):
            rows.append(
                Revision(
                    content_type=content_type,
                    base_content_type=base,
                    object_id=str(obj.pk),
                    created_at=timezone.now() - datetime.timedelta(days=age * 7),
                    object_str=str(obj)[:255],
                    content=content,
                )
            )
    Revision.objects.bulk_create(rows)


def _past_date(number: int, rng: random.Random) -> datetime.date:
    # Spread over about five years before the demo's own items, newest first by number.
    return timezone.localdate() - datetime.timedelta(days=40 + number // 2 + rng.randint(0, 3))


def _images(scale: int, write) -> list:
    """Small generated pictures (a gradient): teaser images for copied articles and news."""
    from PIL import Image

    from portal.models import PortalImage

    total = IMAGES_PER_SCALE * scale
    existing = {image.title: image for image in PortalImage.objects.filter(title__startswith="Lastinhalt-Bild ")}
    progress = Progress(write, "Bilder", total)
    for batch in _batches(list(range(1, total + 1)), 20):
        for number in batch:
            title = f"Lastinhalt-Bild {number}"
            if title in existing:
                continue
            rng = random.Random(f"image-{number}")
            start, end = [tuple(rng.randint(40, 220) for _ in range(3)) for _ in range(2)]
            picture = Image.new("RGB", (960, 540))
            for x in range(960):
                mix = x / 959
                colour = tuple(int(a + (b - a) * mix) for a, b in zip(start, end, strict=True))
                picture.paste(colour, (x, 0, x + 1, 540))
            data = io.BytesIO()
            picture.save(data, "JPEG", quality=80)
            from django.core.files.images import ImageFile

            image = PortalImage(title=title, description=f"Platzhalterbild Nummer {number} (Lastinhalt)")
            image.file = ImageFile(io.BytesIO(data.getvalue()), name=f"lastinhalt-{number}.jpg")
            image.save()
            existing[title] = image
        progress.step(len(batch))
    return [existing[f"Lastinhalt-Bild {n}"] for n in range(1, total + 1)]


def _authors(scale: int) -> list:
    from magazine.models import Author

    authors = []
    for number in range(1, AUTHORS_PER_SCALE * (scale - 1) + 1):
        name = f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {LAST_NAMES[number % len(LAST_NAMES)]} {number}"
        author, _ = Author.objects.get_or_create(
            name=f"{name} (Lastinhalt)",
            defaults={"role": "Erfundene Person für Lasttests", "is_demo": True, "bio": "Gibt es nicht."},
        )
        authors.append(author)
    return authors


def _tags(scale: int) -> list:
    from taggit.models import Tag

    tags = []
    for name in TOPICS[: min(len(TOPICS), 2 * scale)]:
        tag = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        tags.append(tag)
    return tags


def _picture_the_demo(images: list) -> None:
    """The demo's own articles and news have no pictures; at every scale they get some, as two in three
    copies do, so that scale 1 and scale 100 render the same kinds of cards."""
    from core.cache.invalidation import content_changed
    from magazine.models import ArticlePage, NewsPage

    changed = 0
    for model in (ArticlePage, NewsPage):
        for number, page in enumerate(_templates(model)):
            if page.teaser_image_id is None and number % 3:
                changed += model.objects.filter(pk=page.pk).update(teaser_image=images[number % len(images)])
    if changed:
        content_changed()  # a queryset update sends no signal


def generate_pages(scale: int, write) -> dict[str, int]:
    from magazine.models import ArticleAuthor, ArticlePage, ArticlePageTag, EventPage, NewsPage
    from portal.models import CaseExamplePage, GuidancePage

    images = _images(scale, write)
    authors = _authors(scale)
    tags = _tags(scale)
    _picture_the_demo(images)

    def teaser(number, rng):
        return {"teaser_image": images[number % len(images)]} if images and number % 3 else {}

    def dated(number, template, rng):
        return {"date": _past_date(number, rng), **teaser(number, rng)}

    def article_extras(copies):
        rows, tag_rows = [], []
        for number, copy, rng in copies:
            if authors:
                rows.append(ArticleAuthor(page=copy, author=authors[number % len(authors)], sort_order=9))
            present = set(copy.tagged_items.values_list("tag_id", flat=True))
            for tag in rng.sample(tags, k=min(len(tags), 2)):
                if tag.pk not in present:
                    tag_rows.append(ArticlePageTag(content_object=copy, tag=tag))
        ArticleAuthor.objects.bulk_create(rows)
        ArticlePageTag.objects.bulk_create(tag_rows)

    def event_times(number, template, rng):
        # Half in the past (the archive), half ahead; two hours each.
        start = timezone.now().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(
            days=(number * 5) % 730 - 365, hours=rng.randint(0, 8)
        )
        return {"start": start, "end": start + datetime.timedelta(hours=2)}

    counts = {}
    counts["Artikel"] = len(_copy_pages(ArticlePage, scale, write, dated, after=article_extras))
    counts["Meldungen"] = len(_copy_pages(NewsPage, scale, write, dated))
    counts["Termine"] = len(_copy_pages(EventPage, scale, write, event_times))
    counts["Ratgeberseiten"] = len(_copy_pages(GuidancePage, scale, write, lambda n, t, r: {}))
    counts["Fallbeispiele"] = len(_copy_pages(CaseExamplePage, scale, write, lambda n, t, r: {}))
    return counts


# --- contacts ---------------------------------------------------------------------------------------


def generate_contacts(scale: int, write) -> int:
    """(N - 1) copies of every demo contact, each assigned to one Land in turn (all 16 get their share)."""
    from wagtail.search.backends import get_search_backend

    from contacts.models import Bundesland, Contact, ContactPhone

    templates = list(
        Contact.objects.exclude(key__contains=f"-{MARK}-")
        .prefetch_related("phone_numbers", "situations")
        .order_by("key")
    )
    laender = list(Bundesland.objects.order_by("key"))
    wanted = _numbered(templates, scale)
    existing = set(Contact.objects.filter(key__contains=f"-{MARK}-").values_list("key", flat=True))
    todo = [(n, t) for n, t in wanted if f"{t.key[:60]}-{MARK}-{n}" not in existing]
    progress = Progress(write, "Kontakte", len(wanted))
    progress.done = len(wanted) - len(todo)
    today = timezone.localdate()
    for batch in _batches(todo, 200):
        with transaction.atomic():
            contacts = []
            for number, template in batch:
                rng = random.Random(f"contact-{number}")
                land = laender[number % len(laender)]
                checked = rng.random() < 0.5  # half checked at some time in the last 400 days
                contacts.append(
                    Contact(
                        key=f"{template.key[:60]}-{MARK}-{number}",
                        name=f"{template.name[:150]} – {land.name} (Lastinhalt {number})",
                        kind=template.kind,
                        description=template.description,
                        nationwide=False,
                        email=template.email,
                        website=template.website,
                        availability=template.availability,
                        languages=template.languages,
                        anonymous_possible=template.anonymous_possible,
                        free_of_charge=template.free_of_charge,
                        source_url=template.source_url,
                        verified_on=today - datetime.timedelta(days=rng.randint(1, 400)) if checked else None,
                        verified_by="Lastinhalt" if checked else "",
                        is_demo=True,
                        live=True,
                    )
                )
            Contact.objects.bulk_create(contacts)
            phones, land_rows, situation_rows = [], [], []
            for contact, (number, template) in zip(contacts, batch, strict=True):
                for order, phone in enumerate(template.phone_numbers.all()):
                    phones.append(
                        ContactPhone(contact=contact, label=phone.label, number=phone.number, hours=phone.hours,
                                     sort_order=order)
                    )
                land_rows.append(
                    Contact.bundeslaender.through(contact_id=contact.pk, bundesland=laender[number % len(laender)])
                )
                situation_rows += [
                    Contact.situations.through(contact_id=contact.pk, situation_id=s.pk)
                    for s in template.situations.all()
                ]
            ContactPhone.objects.bulk_create(phones)
            Contact.bundeslaender.through.objects.bulk_create(land_rows)
            Contact.situations.through.objects.bulk_create(situation_rows)
            for contact in contacts:
                revision = contact.save_revision(log_action=False, clean=False)
                contact.live_revision = revision
            Contact.objects.bulk_update(contacts, ["live_revision"])
            _extra_revisions(contacts)
            get_search_backend().add_bulk(Contact, contacts)
        progress.step(len(batch))
    return len(todo)


# --- records that grow with use ----------------------------------------------------------------------


def generate_submissions(scale: int, write) -> int:
    from wagtail.contrib.forms.models import FormSubmission

    from contacts.models import Bundesland
    from portal.models import FormPage

    forms = list(FormPage.objects.order_by("path"))
    if not forms:
        return 0
    laender = [land.name for land in Bundesland.objects.order_by("name")]
    total = SUBMISSIONS_PER_SCALE * scale
    have = FormSubmission.objects.filter(form_data__lastinhalt__isnull=False).count()
    rows = []
    for number in range(have + 1, total + 1):
        rng = random.Random(f"submission-{number}")
        form = forms[number % len(forms)]
        data = {"lastinhalt": number}
        for field in form.form_fields.all():
            if field.field_type == "email":
                data[field.clean_name] = ""  # no invented addresses
            elif field.field_type in ("radio", "dropdown"):
                choices = [c.strip() for c in field.choices.splitlines() if c.strip()] or laender
                data[field.clean_name] = rng.choice(choices)
            elif field.field_type == "url":
                data[field.clean_name] = ""
            else:
                data[field.clean_name] = rng.choice(FEEDBACK)
        rows.append(FormSubmission(page=form, form_data=data))
    FormSubmission.objects.bulk_create(rows, batch_size=500)
    if rows:
        write(f"  Formulareingänge: {total}/{total}")
    return len(rows)


def generate_search_queries(scale: int, write) -> int:
    """Search terms with daily hits over the last QUERY_DAYS days (Admin → Berichte → Suchbegriffe)."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    total = QUERIES_PER_SCALE * scale
    strings = [f"{SEARCH_WORDS[n % len(SEARCH_WORDS)]} {n // len(SEARCH_WORDS)}".strip() for n in range(total)]
    strings = [s if not s.endswith(" 0") else s[:-2] for s in strings]
    known = set(Query.objects.filter(query_string__in=strings).values_list("query_string", flat=True))
    new = [Query(query_string=s) for s in strings if s not in known]
    Query.objects.bulk_create(new, batch_size=500)
    today = timezone.localdate()
    hits = []
    for query in Query.objects.filter(query_string__in=[q.query_string for q in new]):
        rng = random.Random(f"query-{query.query_string}")
        for day in range(QUERY_DAYS):
            if rng.random() < 0.3:
                date = today - datetime.timedelta(days=day)
                hits.append(QueryDailyHits(query=query, date=date, hits=rng.randint(1, 40)))
    QueryDailyHits.objects.bulk_create(hits, batch_size=1000)
    if new:
        write(f"  Suchbegriffe: {total}/{total} ({len(hits)} Tageszählungen)")
    return len(new)


def generate(scale: int, write=print) -> dict[str, int]:
    """Everything for `scale`; what exists already is kept (repeatable)."""
    from django.db.models.signals import post_save
    from wagtail.images import get_image_model
    from wagtail.signals import page_published

    from core import renditions

    # Renditions are made on the first visit instead of after each copy or upload: a bench warms up anyway,
    # and the generator would otherwise spend most of its time resizing pictures.
    page_published.disconnect(dispatch_uid="renditions_page_published")
    post_save.disconnect(sender=get_image_model(), dispatch_uid="renditions_image_created")
    try:
        counts = generate_pages(scale, write)
    finally:
        page_published.connect(renditions._on_published, dispatch_uid="renditions_page_published")
        post_save.connect(
            renditions._on_image_created, sender=get_image_model(), dispatch_uid="renditions_image_created"
        )
    counts["Kontakte"] = generate_contacts(scale, write)
    counts["Formulareingänge"] = generate_submissions(scale, write)
    counts["Suchbegriffe"] = generate_search_queries(scale, write)
    return counts
