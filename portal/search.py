"""Site search at /suche/: every live public page and every published contact, grouped by type.

The query is cleaned before it reaches the search backend: whatever a visitor types (100,000 characters,
NUL bytes, control characters, odd Unicode, tsquery or FTS5 syntax) becomes a short list of plain words,
so the backend never sees syntax it could choke on and a search never ends in a 500.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.utils import normalise_query_string

from contacts.models import Contact

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
PER_PAGE = 20
# The backend ranks; we only look at the best this many of each kind. Nobody reads past them.
MAX_PAGE_RESULTS = 300
MAX_CONTACT_RESULTS = 50
SNIPPET_LENGTH = 240
CONTACT_GROUP = "Anlaufstellen"


def clean_query(raw: str) -> str:
    """A visitor's input as plain words: normalised, without control characters or search syntax, short."""
    text = unicodedata.normalize("NFKC", raw[: MAX_QUERY_LENGTH * 4])
    # Keep letters and digits of any script; everything else (quotes, operators, NUL, emoji) separates words.
    text = "".join(ch if (ch.isalnum() or ch.isspace()) else " " for ch in text)
    words = text.split()[:MAX_TERMS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


def parse_page_number(raw: str | None) -> int:
    if raw and raw.isascii() and raw.isdigit() and len(raw) < 7:
        return max(int(raw), 1)
    return 1


@dataclass
class Hit:
    group: str
    title: str
    url: str
    snippet: str = ""
    contact: Contact | None = None


def _index_body_field() -> str:
    # PostgreSQL keeps the indexed text beside its vectors in body_text; SQLite keeps it in body.
    names = {field.name for field in IndexEntry._meta.get_fields()}
    return "body_text" if "body_text" in names else "body"


def indexed_texts(objects) -> dict[tuple[int, str], str]:
    """The text the search index holds for each object, in one query, so a snippet shows what matched.

    Reading the index instead of the pages' fields keeps the result list at a fixed number of queries:
    blocks that point at contacts or pages would otherwise load them one by one.
    """
    if not objects:
        return {}
    field = _index_body_field()
    rows = IndexEntry.objects.filter(
        content_type_id__in={obj.content_type_id for obj in objects},
        object_id__in=[str(obj.pk) for obj in objects],
    ).values_list("content_type_id", "object_id", field)
    return {(ct, object_id): re.sub(r"\s+", " ", strip_tags(text or "")).strip() for ct, object_id, text in rows}


def _stems(query: str) -> list[str]:
    # German endings vary ("Bedrohungen", "Bedrohung"): compare the first letters of each word.
    return [word.lower()[: max(4, len(word) - 3)] for word in query.split() if len(word) > 1]


def make_snippet(text: str, query: str, length: int = SNIPPET_LENGTH) -> str:
    """A short excerpt around the first matching word, matches in <mark>; everything else escaped."""
    if not text:
        return ""
    lower = text.lower()
    stems = _stems(query)
    positions = [pos for pos in (lower.find(stem) for stem in stems) if pos >= 0]
    start = max(min(positions) - 60, 0) if positions else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    excerpt = text[start : start + length]
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(text) else ""
    html = escape(excerpt)
    if stems:
        pattern = re.compile("|".join(re.escape(escape(stem)) for stem in sorted(stems, key=len, reverse=True)), re.I)
        # Mark whole words that begin with a stem; the escaped text contains no tags to break.
        html = re.sub(
            r"\w*(?:" + pattern.pattern + r")\w*",
            lambda m: f"<mark>{m.group(0)}</mark>",
            html,
            flags=re.I,
        )
    return mark_safe(prefix + html + suffix)  # noqa: S308  (built from escaped text only)


def _group_label(content_type_id: int) -> str:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return "Seiten"
    meta = model._meta
    return str(meta.original_attrs.get("verbose_name_plural") or meta.verbose_name)


def search_pages(query: str, site: Site | None, request) -> list[Hit]:
    pages = Page.objects.live().public()
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    results = list(get_search_backend().search(query, pages, operator="and")[:MAX_PAGE_RESULTS])
    texts = indexed_texts(results)
    hits = [
        Hit(
            group=_group_label(page.content_type_id),
            title=page.title,
            url=page.get_url(request),
            snippet=make_snippet(texts.get((page.content_type_id, str(page.pk)), ""), query),
        )
        for page in results
    ]
    # Group by type; groups appear in the order of their best result, results keep their rank inside.
    order: dict[str, int] = {}
    for position, hit in enumerate(hits):
        order.setdefault(hit.group, position)
    return sorted(hits, key=lambda hit: order[hit.group])


def search_contacts(query: str) -> list[Hit]:
    # Through the backend: Contact's own queryset class need not know about search.
    contacts = Contact.objects.filter(live=True).prefetch_related("phone_numbers")
    results = get_search_backend().search(query, contacts, operator="and")[:MAX_CONTACT_RESULTS]
    return [
        Hit(
            group=CONTACT_GROUP,
            title=contact.name,
            url=contact.website,
            snippet=make_snippet(contact.description, query),
            contact=contact,
        )
        for contact in results
    ]


def promotions(stored: Query, request) -> list[dict]:
    """Editor-picked results for this query; a picked page that is no longer published is left out."""
    picks = []
    for pick in stored.editors_picks.select_related("page").order_by("sort_order"):
        if pick.page_id:
            if not pick.page.live:
                continue
            url = pick.page.get_url(request)
        else:
            url = pick.external_link_url
        picks.append({"title": pick.title, "url": url, "description": pick.description})
    return picks


def search_view(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    site = Site.find_for_request(request)
    page_number = parse_page_number(request.GET.get("seite"))
    context = {"query": query, "raw_query_too_long": len(raw) > MAX_QUERY_LENGTH, "results": None}
    if query:
        hits = search_pages(query, site, request) + search_contacts(query)
        paginator = Paginator(hits, PER_PAGE)
        results = paginator.get_page(page_number)
        counts: dict[str, int] = {}
        for hit in hits:
            counts[hit.group] = counts.get(hit.group, 0) + 1
        context.update(
            results=results,
            paginator=paginator,
            total=len(hits),
            counts=counts,
        )
        if page_number == 1:
            # Only read here, so the page can be cached: portal.search_hits counts the search.
            stored = Query.objects.filter(query_string=normalise_query_string(query)).first()
            context["promotions"] = promotions(stored, request) if stored else []
    response = render(request, "portal/search.html", context)
    # The page cache may keep it, a CDN may not: searches it answered would never be counted.
    response.shared_cache_exempt = True
    return response
