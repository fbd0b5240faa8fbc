"""How the site search finds and ranks: synonyms, forgiving matching, Länder and kinds of contact, one list.

The search backend (PostgreSQL full text with the German dictionary, or SQLite FTS) decides which pages
and contacts contain a word; this module decides what a visitor meant and in which order to show it:

1. Synonyms that editors keep (SearchSynonym) add what the portal says to what the visitor typed:
   "Shitstorm" also searches for "Hatestorm".
2. Each word (with its synonyms) is searched on its own. Results that contain every word come first;
   when no result contains all of them, results with any word count, ranked by how many words they have.
3. A word that finds nothing is loosened: split into the parts of a German compound ("Morddrohung" →
   "Drohung"), or corrected to the closest word the portal uses ("Auskunftsperre" → "Auskunftssperre").
   On PostgreSQL with pg_trgm, trigram similarity on titles and texts (the backend's Fuzzy query) finds
   what is still missing. The page then says that it shows results for similar terms.
4. A Land's name ("Sachsen", "NRW") brings that Land's page in the contact finder and its contacts; a kind
   of contact ("Polizei", "Staatsanwaltschaft") narrows them.
5. One ranked list: how many words match, where they match (title counts most), and the type of the result
   (guidance before magazine when the match is as good).
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db import connection
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Fuzzy, Or, PlainText

from contacts.models import Bundesland, Contact, ContactKind

MAX_CANDIDATES = 300  # per word; nobody reads past them
FEW_HITS = 3  # a word that finds fewer results than fill the first screen is loosened as well
FUZZY_MIN_SCORE = 0.55  # trigram similarity below this finds unrelated pages ("Morddrohung" → "Rat und Tat")
# difflib ratio: "Auskunftsperre" → "Auskunftssperre" (0.97), but not "vergessen" → "verbessern" (0.84)
CORRECTION_CUTOFF = 0.86

# Words that say nothing about what someone looks for; PostgreSQL's German dictionary drops them too.
_STOPWORDS_TEXT = (
    "ab aber als am an auch auf aus bei bin bis bitte da das dass dem den der des die du ein eine einem einen "
    "einer eines er es für gegen hab habe hat ich ihr im in ist ja kann man mein meine mich mir mit nach nicht "
    "noch nur ob oder sie sind so über um und uns vom von vor was wann warum was welche wer wie wir wo zu zum "
    "zur bekomme bekommen finde finden gibt machen mache tun soll sollte muss"
)
STOPWORDS = frozenset(re.findall(r"\S+", _STOPWORDS_TEXT))

# Other names for the Länder than their own (their own names come from the database).
LAND_ALIASES = {
    "nrw": "nordrhein-westfalen",
    "bw": "baden-wuerttemberg",
    "bawü": "baden-wuerttemberg",
    "bawue": "baden-wuerttemberg",
    "mv": "mecklenburg-vorpommern",
    "meckpomm": "mecklenburg-vorpommern",
    "rlp": "rheinland-pfalz",
    "sh": "schleswig-holstein",
    "lsa": "sachsen-anhalt",
}

# What people call a kind of contact → ContactKind values.
KIND_WORDS = {
    "polizei": [ContactKind.POLICE],
    "lka": [ContactKind.POLICE],
    "landeskriminalamt": [ContactKind.POLICE],
    "kripo": [ContactKind.POLICE],
    "kriminalpolizei": [ContactKind.POLICE],
    "staatsschutz": [ContactKind.POLICE],
    "staatsanwaltschaft": [ContactKind.JUSTICE],
    "generalstaatsanwaltschaft": [ContactKind.JUSTICE],
    "justiz": [ContactKind.JUSTICE],
    "staatsanwalt": [ContactKind.JUSTICE],
    "meldestelle": [ContactKind.REPORTING],
    "melden": [ContactKind.REPORTING],
    "beratung": [ContactKind.VICTIM_SUPPORT, ContactKind.PSYCHOSOCIAL, ContactKind.LEGAL],
    "beratungsstelle": [ContactKind.VICTIM_SUPPORT, ContactKind.PSYCHOSOCIAL, ContactKind.LEGAL],
    "opferberatung": [ContactKind.VICTIM_SUPPORT],
    "opferhilfe": [ContactKind.VICTIM_SUPPORT],
    "opferschutz": [ContactKind.VICTIM_SUPPORT],
    "rechtsberatung": [ContactKind.LEGAL],
    "anwalt": [ContactKind.LEGAL],
}


@dataclass(frozen=True)
class ResultType:
    key: str  # the filter in the URL: ?typ=rat
    label: str  # shown on each result and on the filter link
    weight: float  # at equal match, the more useful type first


TYPES = {
    "rat": ResultType("rat", "Ratgeber", 1.0),  # the menu name of the guidance section
    "hilfe": ResultType("hilfe", "Hilfe und Kontakte", 1.0),
    "fall": ResultType("fall", "Fallbeispiel", 0.9),
    "seite": ResultType("seite", "Seite", 0.85),
    "aktuelles": ResultType("aktuelles", "Aktuelles", 0.8),
    "magazin": ResultType("magazin", "Magazin", 0.8),
}
TYPE_OF_MODEL = {
    "portal.guidancepage": "rat",
    "portal.guidanceindexpage": "rat",
    "portal.lotsepage": "rat",
    "portal.caseexamplepage": "fall",
    "portal.caseexampleindexpage": "fall",
    "portal.supporterprofilepage": "hilfe",
    "portal.supporterindexpage": "hilfe",
    "contacts.starkestellepage": "hilfe",
    "contacts.contactfinderpage": "hilfe",
    "magazine.articlepage": "magazin",
    "magazine.magazineindexpage": "magazin",
    "magazine.magazinesectionpage": "magazin",
    "magazine.newspage": "aktuelles",
    "magazine.eventpage": "aktuelles",
    "magazine.newsindexpage": "aktuelles",
    "magazine.newssectionpage": "aktuelles",
}
# Section pages repeat a partner's name as their title; the partner's own page should win.
SECTION_MODELS = {"magazine.magazinesectionpage", "magazine.newssectionpage"}


def fold(word: str) -> str:
    """How words are compared: case-folded, ß as ss."""
    return word.casefold()


def stem(word: str) -> str:
    # German endings vary ("Bedrohungen", "Bedrohung"): compare the first letters of each word, at least
    # five of them ("Polizei" must not mark "Politik").
    return word[: max(5, len(word) - 3)] if len(word) > 5 else word


@dataclass
class Group:
    """One thing the visitor asked for: a word (or a synonym's phrase) and what it may also be found as."""

    text: str
    alternatives: list[str]
    loosened: bool = False  # found only through a compound part, a correction or trigram similarity
    correction: str = ""  # the word the visitor probably meant, for "Meinten Sie …?"
    fuzzy: bool = False

    def match_terms(self) -> list[str]:
        return [fold(word) for alt in self.alternatives for word in alt.split()]


@dataclass
class Candidate:
    kind: str  # "page", "contact" or "land"
    obj: object
    type_key: str
    title: str
    text: str = ""
    groups: set = field(default_factory=set)
    bonus: float = 0.0
    score: float = 0.0


@dataclass
class Outcome:
    candidates: list[Candidate]
    loosened: bool
    suggestion: str
    land: Bundesland | None
    groups: list[Group]


# --- vocabulary, synonyms, Länder: built once per content change -------------------------------------


def _generation_cached(name, build):
    from core.cache import generation_cached

    return generation_cached(name, build)


def _public_page_ids(site: Site | None) -> list[int]:
    pages = Page.objects.live().public()
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return list(pages.values_list("pk", flat=True))


def index_text_field() -> tuple[str, str]:
    # PostgreSQL keeps the indexed text beside its vectors in title_text/body_text; SQLite in title/body.
    from wagtail.search.models import IndexEntry

    names = {f.name for f in IndexEntry._meta.get_fields()}
    return ("title_text", "body_text") if "body_text" in names else ("title", "body")


def vocabulary() -> dict[str, str]:
    """Every word of the published pages, contacts and synonyms: folded form → the form to search for."""

    def build():
        from django.contrib.contenttypes.models import ContentType
        from wagtail.search.models import IndexEntry

        from portal.models import SearchSynonym

        title_field, body_field = index_text_field()
        page_ids = [str(pk) for pk in _public_page_ids(None)]
        contact_type = ContentType.objects.get_for_model(Contact)
        counts: dict[str, dict[str, int]] = {}

        def add(text):
            for word in re.findall(r"\w{3,}", text or ""):
                if word.isdigit():
                    continue
                # Kept as written (most often), so that "Meinten Sie …?" offers "Auskunftssperre".
                forms = counts.setdefault(fold(word), {})
                forms[word] = forms.get(word, 0) + 1

        rows = IndexEntry.objects.filter(object_id__in=page_ids).exclude(content_type=contact_type)
        for title, body in rows.values_list(title_field, body_field).iterator():
            add(title)
            add(body)
        for name, description in Contact.objects.filter(live=True).values_list("name", "description"):
            add(name)
            add(description)
        for terms, replacement in SearchSynonym.objects.values_list("terms", "replacement"):
            add(terms)
            add(replacement)
        return {folded: max(forms, key=forms.get) for folded, forms in counts.items()}

    return _generation_cached("search-vocabulary", build)


def synonyms() -> list[tuple[tuple[str, ...], str]]:
    """(the visitor's words, folded) → what to search for instead or as well; longest phrases first."""

    def build():
        from portal.models import SearchSynonym

        pairs = []
        for synonym in SearchSynonym.objects.all():
            for term in synonym.term_list():
                for replacement in synonym.replacement_list():
                    if term:
                        pairs.append((tuple(term.split()), replacement))
        return sorted(pairs, key=lambda pair: -len(pair[0]))

    return _generation_cached("search-synonyms", build)


def land_names() -> dict[tuple[str, ...], int]:
    """A Land's name as folded words (and its common short forms) → its pk; longest names first."""

    def build():
        names = {}
        by_slug = {}
        for land in Bundesland.objects.all():
            by_slug[land.slug] = land.pk
            words = tuple(fold(word) for word in re.findall(r"\w+", land.name))
            names[words] = land.pk
        for alias, slug in LAND_ALIASES.items():
            if slug in by_slug:
                names[(alias,)] = by_slug[slug]
        return dict(sorted(names.items(), key=lambda item: -len(item[0])))

    return _generation_cached("search-laender", build)


# --- understanding the query --------------------------------------------------------------------------


def find_land(words: list[str]) -> tuple[int | None, list[str]]:
    """The first Land named in the words, and the words without its name."""
    folded = [fold(word) for word in words]
    for name, land_pk in land_names().items():
        size = len(name)
        for start in range(len(folded) - size + 1):
            if tuple(folded[start : start + size]) == name:
                # "Sachsen" must not be found inside "Sachsen-Anhalt": longer names were tried first.
                return land_pk, words[:start] + words[start + size :]
    return None, words


def find_kinds(words: list[str]) -> list[str]:
    kinds: list[str] = []
    for word in words:
        for kind in KIND_WORDS.get(fold(word), []):
            if kind not in kinds:
                kinds.append(kind)
    return kinds


def make_groups(words: list[str]) -> list[Group]:
    """Words → groups, with synonyms; words that carry no meaning are dropped (unless nothing else is left)."""
    meaningful = [word for word in words if fold(word) not in STOPWORDS] or words
    folded = [fold(word) for word in meaningful]
    pairs = synonyms()
    groups: list[Group] = []
    position = 0
    while position < len(meaningful):
        for term, _replacement in pairs:
            size = len(term)
            if tuple(folded[position : position + size]) == term:
                text = " ".join(meaningful[position : position + size])
                alternatives = [text]
                # Several synonyms may fit the same words: gather them all.
                for other_term, other in pairs:
                    if other_term == term and fold(other) not in {fold(alt) for alt in alternatives}:
                        alternatives.append(other)
                groups.append(Group(text, alternatives))
                position += size
                break
        else:
            word = meaningful[position]
            groups.append(Group(word, [word]))
            position += 1
    return groups


def compound_parts(word: str, vocab: dict[str, str]) -> list[str]:
    """Known words inside a German compound: "morddrohung" → ["drohung"], "beweissicherung" → ["beweise"].

    The head of a compound is its end, so the longest known ending is tried first; then the longest known
    beginning (with or without the linking "s").
    """
    folded = fold(word)
    if len(folded) < 7:
        return []
    endings = ("", "e", "en", "n", "s", "er")

    def known(part):
        for ending in endings:
            if len(part) >= 4 and part + ending in vocab:
                return vocab[part + ending]
        return None

    parts = []
    for cut in range(3, len(folded) - 3):
        head = known(folded[cut:])
        if head:
            parts.append(head)
            break
    for cut in range(len(folded) - 3, 3, -1):
        start = folded[:cut]
        part = known(start) or (known(start[:-1]) if start.endswith("s") else None)
        if part and part not in parts:
            parts.append(part)
            break
    return parts


def correction(word: str, vocab: dict[str, str]) -> str:
    """The portal's word closest to a misspelt one, or "" when none is close enough."""
    folded = fold(word)
    if len(folded) < 4:
        return ""
    # Only words of about the same length that share the first letter: fast, and typos rarely hit it.
    candidates = [w for w in vocab if w[:1] == folded[:1] and abs(len(w) - len(folded)) <= 2]
    close = difflib.get_close_matches(folded, candidates, n=1, cutoff=CORRECTION_CUTOFF)
    return vocab[close[0]] if close else ""


def trigram_available() -> bool:
    if connection.vendor != "postgresql":
        return False

    def build():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            return cursor.fetchone() is not None

    return _generation_cached("search-trigram", build)


# --- searching and ranking ----------------------------------------------------------------------------


def word_forms(word: str, vocab: dict[str, str], limit: int = 6) -> list[str]:
    """The forms of a word the portal uses: "Bürgermeister" also as "Bürgermeisterin", "bedroht" as "bedrohen".

    SQLite has no German stemming at all, and PostgreSQL's dictionary keeps "Bürgermeisterin" and
    "Bürgermeister" apart; both get the portal's own forms that begin like the word. Short words keep
    their form: "Rat" must not become "Rathaus".
    """
    folded = fold(word)
    if len(folded) < 6:
        return [word]
    base = stem(folded)
    forms = [word]
    for other, form in vocab.items():
        if other.startswith(base) and len(other) - len(base) <= 5 and other != folded:
            forms.append(form)
            if len(forms) > limit:
                break
    return forms


def _backend_query(group: Group):
    vocab = vocabulary()
    queries = []
    for alt in group.alternatives:
        per_word = [Or([PlainText(form) for form in word_forms(word, vocab)]) for word in alt.split()]
        queries.append(per_word[0] if len(per_word) == 1 else And(per_word))
    return queries[0] if len(queries) == 1 else Or(queries)


def _search(model_queryset, group: Group) -> list:
    backend = get_search_backend()
    if group.fuzzy:
        results = backend.search(Fuzzy(group.text), model_queryset).annotate_score("_score")[:MAX_CANDIDATES]
        return [obj for obj in results if obj._score >= FUZZY_MIN_SCORE]
    return list(backend.search(_backend_query(group), model_queryset)[:MAX_CANDIDATES])


def _page_type(page) -> str:
    from django.contrib.contenttypes.models import ContentType

    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    label = model._meta.label_lower if model else ""
    return TYPE_OF_MODEL.get(label, "seite")


def _is_section(page) -> bool:
    from django.contrib.contenttypes.models import ContentType

    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return bool(model) and model._meta.label_lower in SECTION_MODELS


def _occurrences(text: str, terms: list[str]) -> int:
    count = 0
    for term in terms:
        count += len(re.findall(r"\b" + re.escape(stem(term)), text))
    return count


def rank(candidates: list[Candidate], groups: list[Group]) -> None:
    """Score each candidate: words matched, where (title first), type; a Land's own results on top."""
    for candidate in candidates:
        title, text = fold(candidate.title), fold(candidate.text)
        score = candidate.bonus
        for index in candidate.groups:
            terms = groups[index].match_terms()
            in_title = _occurrences(title, terms) > 0
            score += 1.0 + (2.0 if in_title else 0.0) + 0.2 * min(_occurrences(text, terms), 3)
            if groups[index].loosened:
                score -= 0.5
        weight = TYPES[candidate.type_key].weight
        if candidate.kind == "page" and candidate.obj is not None and _is_section(candidate.obj):
            weight *= 0.6
        candidate.score = score * weight


def run_search(query: str, site: Site | None) -> Outcome:
    words = query.split()
    land_pk, rest = find_land(words)
    kinds = find_kinds(rest) if land_pk else []
    groups = make_groups(rest) if rest else []
    vocab = vocabulary()

    pages = Page.objects.live().public()
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    contacts = Contact.objects.filter(live=True)

    found_pages: list[dict[int, object]] = []
    found_contacts: list[dict[int, object]] = []
    for group in groups:
        page_hits = {page.pk: page for page in _search(pages, group)}
        contact_hits = {contact.pk: contact for contact in _search(contacts, group)}
        if len(page_hits) + len(contact_hits) < FEW_HITS:
            # Loosen this word: compound parts, then a close word of the portal, then trigram similarity.
            extra = [part for part in compound_parts(group.text, vocab) if part not in group.alternatives]
            fixed = correction(group.text, vocab) if len(group.alternatives) == 1 else ""
            if fixed and fold(fixed) != fold(group.text):
                group.correction = fixed
                extra = [fixed, *[e for e in extra if e != fixed]]
                # A corrected colloquial word may have synonyms of its own ("Shitstrom" → "Shitstorm").
                for alt in make_groups([fixed])[0].alternatives:
                    if alt not in extra:
                        extra.append(alt)
            if extra:
                before = set(page_hits) | {-pk for pk in contact_hits}
                group.alternatives = [*group.alternatives, *extra]
                page_hits = {page.pk: page for page in _search(pages, group)}
                contact_hits = {contact.pk: contact for contact in _search(contacts, group)}
                group.loosened = bool((set(page_hits) | {-pk for pk in contact_hits}) - before)
            if not page_hits and not contact_hits and trigram_available():
                group.fuzzy = group.loosened = True
                page_hits = {page.pk: page for page in _search(pages, group)}
        found_pages.append(page_hits)
        found_contacts.append(contact_hits)

    candidates: dict[tuple[str, int], Candidate] = {}
    for index, hits in enumerate(found_pages):
        for pk, page in hits.items():
            candidate = candidates.setdefault(("page", pk), Candidate("page", page, _page_type(page), page.title))
            candidate.groups.add(index)
    for index, hits in enumerate(found_contacts):
        for pk, contact in hits.items():
            candidate = candidates.setdefault(("contact", pk), Candidate("contact", contact, "hilfe", contact.name))
            candidate.groups.add(index)

    land = None
    if land_pk is not None:
        land = Bundesland.objects.get(pk=land_pk)
        _add_land(candidates, land, kinds, site)

    wanted = set(range(len(groups)))
    complete = [c for c in candidates.values() if c.groups == wanted or c.bonus]
    loosened = any(group.loosened for group in groups)
    if len(complete) >= FEW_HITS:
        chosen = complete
    else:
        # Few or no results have every word: results with most of the words follow (AND first, then OR).
        chosen = list(candidates.values())
        loosened = loosened or not complete
    _fill_texts(chosen)
    rank(chosen, groups)
    chosen.sort(key=lambda c: (-(len(groups) if c.bonus else len(c.groups)), -c.score, c.title))
    suggestion = ""
    if any(group.correction for group in groups):
        suggestion = " ".join(group.correction or group.text for group in groups)
    return Outcome(chosen, loosened and bool(chosen), suggestion, land, groups)


def _add_land(candidates, land: Bundesland, kinds: list[str], site) -> None:
    from contacts.models import ContactFinderPage

    finder = ContactFinderPage.objects.live().public().first()
    if finder is not None:
        candidates[("land", land.pk)] = Candidate("land", (finder, land), "hilfe", f"Hilfe in {land.name}", bonus=10)
    own = Contact.objects.filter(live=True, bundeslaender=land)
    for contact in own:
        key = ("contact", contact.pk)
        candidate = candidates.setdefault(key, Candidate("contact", contact, "hilfe", contact.name))
        # With a kind ("Polizei"), contacts of that kind before the Land's other contacts.
        candidate.bonus = 8 if (not kinds or contact.kind in kinds) else 4


def _fill_texts(candidates: list[Candidate]) -> None:
    """The indexed text of every candidate in one query, for ranking (and the contacts' own text)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    pages = [c for c in candidates if c.kind == "page"]
    if pages:
        _title, body_field = index_text_field()
        rows = IndexEntry.objects.filter(
            content_type_id__in={c.obj.content_type_id for c in pages},
            object_id__in=[str(c.obj.pk) for c in pages],
        ).values_list("content_type_id", "object_id", body_field)
        texts = {(ct, object_id): text or "" for ct, object_id, text in rows}
        for c in pages:
            c.text = texts.get((c.obj.content_type_id, str(c.obj.pk)), "")
    kind_labels = dict(ContactKind.choices)
    ContentType.objects.get_for_model(Contact)  # warm the content-type cache used above
    for c in candidates:
        if c.kind == "contact":
            c.text = f"{c.obj.description} {kind_labels.get(c.obj.kind, '')}"
