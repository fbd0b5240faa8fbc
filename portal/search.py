"""Site search at /suche/: every live public page, every published contact and the Länder, in one ranked list.

How words are matched and ranked is in portal/search_engine.py; this module cleans the query, builds the
results with their snippets, and renders the page (never a dead end: without results it offers the Lotse,
the emergency numbers, guidance and a way to tell the editors what was missing).

The query is cleaned before it reaches the search backend: whatever a visitor types (100,000 characters,
NUL bytes, control characters, odd Unicode, tsquery or FTS5 syntax) becomes a short list of plain words,
so the backend never sees syntax it could choke on and a search never ends in a 500.
"""

import html
import re
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from contacts.models import Contact
from portal.query_text import MAX_QUERY_LENGTH, MAX_TERMS, clean_query  # noqa: F401
from portal.search_engine import TYPES, fold, run_search

PER_PAGE = 20
SNIPPET_LENGTH = 240


def parse_page_number(raw: str | None) -> int:
    if raw and raw.isascii() and raw.isdigit() and len(raw) < 7:
        return max(int(raw), 1)
    return 1


@dataclass
class Hit:
    type_key: str
    type_label: str
    title: str
    url: str
    ident: str  # how the relevance set names it: the URL below the site root, or "kontakt:<key>"
    snippet: str = ""
    contact: Contact | None = None
    candidate: object = None  # the search_engine.Candidate it was built from


# --- snippets ---------------------------------------------------------------------------------------

# Block-level HTML ends a piece of text: list items and paragraphs must not run into each other.
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|blockquote|td|th|dt|dd)>|<br\s*/?>", re.I)


def html_segments(value: str) -> list[str]:
    parts = BLOCK_END.split(value) if "<" in value else [value]
    segments = []
    for part in parts:
        text = " ".join(html.unescape(strip_tags(part)).split())
        if text:
            segments.append(text)
    return segments


def _raw_segments(value) -> list[str]:
    """Texts in a StreamField's raw data, without loading the pages or contacts its blocks point at."""
    if isinstance(value, str):
        # Ids, slugs, URLs and choice values are single tokens; text has a space or markup.
        if " " not in value.strip() and "<" not in value:
            return []
        if value.startswith(("http://", "https://", "/", "#", "mailto:", "tel:")):
            return []
        return html_segments(value)
    if isinstance(value, dict):
        if "type" in value and "value" in value:
            return _raw_segments(value["value"])
        return [seg for key, item in value.items() if key not in ("id", "type") for seg in _raw_segments(item)]
    if isinstance(value, list | tuple):
        return [seg for item in value for seg in _raw_segments(item)]
    return []


def page_segments(page) -> list[str]:
    """The indexed fields of a page as separate pieces of text (a paragraph, a list item, a teaser)."""
    from wagtail.fields import StreamValue

    segments: list[str] = []
    for search_field in page.get_search_fields():
        name = getattr(search_field, "field_name", "")
        if name in ("title", "") or type(search_field).__name__ != "SearchField":
            continue
        value = getattr(page, name, None)
        if callable(value):
            value = value()
        if isinstance(value, StreamValue):
            segments.extend(_raw_segments(list(value.raw_data)))
        elif isinstance(value, str):
            segments.extend(html_segments(value))
        elif value is not None and hasattr(value, "source"):  # RichText
            segments.extend(html_segments(value.source))
    return segments


def make_snippet(text, query: str, length: int = SNIPPET_LENGTH) -> str:
    """A short excerpt around the first matching words, matches in <mark>; everything else escaped.

    `text` is one string or a list of pieces (paragraphs, list items); pieces are kept apart, so a list
    item never runs into the next one.
    """
    segments = [text] if isinstance(text, str) else list(text)
    segments = [" ".join(segment.split()) for segment in segments if segment and segment.strip()]
    if not segments:
        return ""
    stems = _stems(query)
    pattern = (
        re.compile(r"\b(?:" + "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True)) + r")", re.I)
        if stems
        else None
    )
    first = 0
    if pattern is not None:
        # The piece with the most different matching words, the earliest among equals.
        best = -1
        for index, segment in enumerate(segments):
            found = len({m.group(0).lower() for m in pattern.finditer(segment)})
            if found > best:
                best, first = found, index
    chosen, size = [], 0
    for segment in segments[first:]:
        if size >= length:
            break
        chosen.append(segment)
        size += len(segment) + 3
    if len(chosen) == 1 and len(chosen[0]) > length:
        text_one = chosen[0]
        match = pattern.search(text_one) if pattern is not None else None
        start = max(match.start() - 60, 0) if match else 0
        if start:
            space = text_one.find(" ", start)
            start = space + 1 if 0 <= space < start + 20 else start
        excerpt = text_one[start : start + length]
        pieces = [("… " if start else "") + excerpt + (" …" if start + length < len(text_one) else "")]
    else:
        pieces = chosen
        if size > length:
            last = pieces[-1][: max(length - (size - len(pieces[-1]) - 3), 20)]
            pieces[-1] = last.rsplit(" ", 1)[0] + " …" if " " in last else last + " …"
        if first:
            pieces[0] = "… " + pieces[0]
    out = []
    for piece in pieces:
        escaped = escape(piece)
        if pattern is not None:
            escaped = re.sub(
                r"\w*(?:" + "|".join(re.escape(escape(s)) for s in sorted(stems, key=len, reverse=True)) + r")\w*",
                lambda m: f"<mark>{m.group(0)}</mark>",
                escaped,
                flags=re.I,
            )
        out.append(escaped)
    # Pieces that end a sentence join with a space; a list item or heading with a middle dot.
    joined = ""
    for index, piece in enumerate(out):
        if index:
            joined += " " if pieces[index - 1].rstrip().endswith((".", "!", "?", ":", "…")) else " · "
        joined += piece
    return mark_safe(joined)  # noqa: S308  (built from escaped text only)


def _stems(query: str) -> list[str]:
    from portal.search_engine import stem

    return [stem(word.lower()) for word in query.split() if len(word) > 1]


# --- the results ------------------------------------------------------------------------------------


def build_hits(outcome, request) -> list[Hit]:
    hits = []
    for candidate in outcome.candidates:
        result_type = TYPES[candidate.type_key]
        if candidate.kind == "page":
            page = candidate.obj
            url = page.get_url(request) or ""
            hits.append(Hit(result_type.key, result_type.label, page.title, url, url, candidate=candidate))
        elif candidate.kind == "contact":
            contact = candidate.obj
            hits.append(
                Hit(
                    "hilfe",
                    "Anlaufstelle",
                    contact.name,
                    contact.website,
                    f"kontakt:{contact.key}",
                    contact=contact,
                    candidate=candidate,
                )
            )
        else:
            finder, land = candidate.obj
            url = finder.land_url(land)
            hits.append(
                Hit(
                    "hilfe",
                    "Bundesland",
                    candidate.title,
                    url,
                    url,
                    snippet=escape(
                        f"Die Anlaufstellen in {land.name} und die bundesweiten Hilfsangebote auf einen Blick."
                    ),
                    candidate=candidate,
                )
            )
    return hits


def _load_segments(page_ids) -> dict[int, list[str]]:
    return {page.pk: page_segments(page) for page in Page.objects.filter(pk__in=page_ids).specific()}


def cached_segments(page_ids: list[int]) -> dict[int, list[str]]:
    """Each page's pieces of text, kept per content generation: one cache round trip for a results page,
    and the pages themselves (one query per page type) only the first time one of them is shown."""
    from django.conf import settings

    from core.cache import current_generation
    from core.cache.generation import page_cache

    if not page_ids:
        return {}
    cache = page_cache()
    generation = current_generation()
    if generation is None:
        return _load_segments(page_ids)
    keys = {pk: f"search-segments:{generation}:{pk}" for pk in page_ids}
    found = cache.get_many(list(keys.values()))
    segments = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [pk for pk in page_ids if pk not in segments]
    if missing:
        loaded = _load_segments(missing)
        cache.set_many({keys[pk]: value for pk, value in loaded.items()}, getattr(settings, "PAGE_CACHE_SECONDS", 600))
        segments.update(loaded)
    return segments


def add_snippets(hits: list[Hit], terms: str) -> None:
    """Snippets and phone numbers for the hits on the current page only, with a fixed number of queries."""
    from django.db.models import prefetch_related_objects

    segments = cached_segments([hit.candidate.obj.pk for hit in hits if hit.candidate.kind == "page"])
    contacts = [hit.contact for hit in hits if hit.contact is not None]
    if contacts:
        prefetch_related_objects(contacts, "phone_numbers")
    for hit in hits:
        kind = hit.candidate.kind
        if kind == "page" and hit.candidate.obj.pk in segments:
            hit.snippet = make_snippet(segments[hit.candidate.obj.pk], terms)
        elif kind == "contact":
            hit.snippet = make_snippet(hit.contact.description, terms)


def search_view(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    site = Site.find_for_request(request)
    page_number = parse_page_number(request.GET.get("seite"))
    type_filter = request.GET.get("typ", "")
    type_filter = type_filter if type_filter in TYPES else ""
    context = {"query": query, "raw_query_too_long": len(raw) > MAX_QUERY_LENGTH, "results": None}
    total = None
    if query:
        outcome = run_search(query, site)
        hits = build_hits(outcome, request)
        counts: dict[str, int] = {}
        for hit in hits:
            counts[hit.type_key] = counts.get(hit.type_key, 0) + 1
        total = len(hits)
        shown = [hit for hit in hits if hit.type_key == type_filter] if type_filter else hits
        paginator = Paginator(shown, PER_PAGE)
        results = paginator.get_page(page_number)
        terms = " ".join([query, *[alt for group in outcome.groups for alt in group.alternatives]])
        add_snippets(list(results.object_list), terms)
        context.update(
            results=results,
            paginator=paginator,
            total=total,
            shown_total=len(shown),
            type_filters=[(TYPES[key], counts[key]) for key in TYPES if key in counts],
            type_filter=type_filter,
            loosened=outcome.loosened,
            suggestion=outcome.suggestion if fold(outcome.suggestion) != fold(query) else "",
        )
        if not hits:
            context.update(no_results_help(site, request))
        if page_number == 1:
            # Only read here, so the page can be cached: portal.search_hits counts the search.
            stored = Query.objects.filter(query_string=normalise_query_string(query)).first()
            context["promotions"] = promotions(stored, request) if stored else []
    response = render(request, "portal/search.html", context)
    # The page cache may keep it, a CDN may not: searches it answered would never be counted.
    response.shared_cache_exempt = True
    # For the counter in front of the page cache (kept with a cached page): searches that found nothing.
    response.search_result_count = total if not context.get("promotions") else max(total or 0, 1)
    return response


def no_results_help(site, request) -> dict:
    """Never a dead end: the Lotse, the emergency numbers (in the template), guidance, a way to tell us."""
    from portal.models import FormPage, GuidancePage, LotsePage

    def live(model):
        queryset = model.objects.live().public()
        return queryset.descendant_of(site.root_page) if site is not None else queryset

    lotse = live(LotsePage).first()
    forms = {page.slug: page for page in live(FormPage).filter(slug__in=["feedback", "kontakt-vorschlagen"])}
    return {
        "help_lotse": lotse.get_url(request) if lotse else "",
        "help_guidance": [(page.title, page.get_url(request)) for page in live(GuidancePage).order_by("path")[:5]],
        "help_feedback": forms["feedback"].get_url(request) if "feedback" in forms else "",
        "help_suggest": forms["kontakt-vorschlagen"].get_url(request) if "kontakt-vorschlagen" in forms else "",
    }


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
