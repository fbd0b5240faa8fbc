"""Every phone number, e-mail address and domain in the published demo content must come from the facts
file (docs/content-facts.md, a copy of the editors' shared facts). A frightened official dials what the
portal shows, so an invented or mistyped number is the worst error the content can make."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers

FACTS = Path(__file__).resolve().parents[2] / "docs" / "content-facts.md"

# German numbers as the portal writes them ("0800 300 99 44", "0711 5401-3003", "+49 …") and the
# three-digit-block helplines (116 006, 116 123).
PHONE = re.compile(r"(?<![\w.,/])(?:\+49[\s\d\-/]{6,}\d|0\d{2,5}[\s\-/]?\d[\d\s\-]{3,}\d|116\s?\d{3})(?![\w])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
OBFUSCATED_EMAIL = re.compile(r"([\w.+-]+)\s*\(at\)\s*([\w-]+)\s*\(dot\)\s*([a-z]{2,})", re.IGNORECASE)
DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:de|org|com|net|eu|info|bund\.de))\b", re.IGNORECASE)

# Apps whose rows are published content (pages, snippets, settings, contacts).
CONTENT_APPS = {"portal", "contacts", "magazine", "core"}
# Names that look like domains but are file names or code, not content.
NOT_A_DOMAIN = re.compile(r"\.(?:html|png|jpe?g|svg|webp|css|js)$", re.IGNORECASE)


def digits(number):
    return re.sub(r"\D", "", number)


def domain_of(text):
    text = text.lower()
    return text[4:] if text.startswith("www.") else text


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def found(text):
    text = UUID.sub(" ", text)  # block ids and revision keys are not numbers anyone dials
    phones = {digits(m) for m in PHONE.findall(text)}
    emails = {m.lower() for m in EMAIL.findall(text)}
    emails |= {f"{a}@{b}.{c}".lower() for a, b, c in OBFUSCATED_EMAIL.findall(text)}
    domains = {domain_of(m) for m in DOMAIN.findall(text) if not NOT_A_DOMAIN.search(m)}
    domains |= {e.split("@", 1)[1] for e in emails}
    return phones, emails, domains


def published_content():
    from wagtail.models import Page

    chunks = []
    for page in Page.objects.live().public().specific():
        chunks.append((page.url_path, serializers.serialize("json", [page])))
    for model in apps.get_models():
        if model._meta.app_label not in CONTENT_APPS or issubclass(model, Page):
            continue
        rows = model.objects.all()
        if hasattr(model, "live"):
            rows = rows.filter(live=True)
        for row in rows:
            chunks.append((f"{model._meta.label} #{row.pk}", serializers.serialize("json", [row])))
    return chunks


def test_the_facts_file_yields_the_known_numbers():
    phones, emails, domains = found(FACTS.read_text())
    assert {"08003009944", "116006", "116123", "071154013003"} <= phones
    assert {"info@starkestelle.de", "stark-im-amt@staedtetag.de"} <= emails
    assert {"hateaid.org", "staedtetag.de", "meldestelle-respect.de"} <= domains


def test_the_checker_catches_an_invented_number_address_and_domain():
    phones, emails, domains = found(
        '{"text": "Rufen Sie 030 1234567 an oder schreiben Sie an hilfe(at)beispiel-hilfe(dot)de, www.erfunden.org"}'
    )
    assert "0301234567" in phones
    assert "hilfe@beispiel-hilfe.de" in emails
    assert {"erfunden.org", "beispiel-hilfe.de"} <= domains


@pytest.mark.django_db
def test_every_number_address_and_domain_in_the_demo_content_is_in_the_facts(demo_content):
    allowed_phones, allowed_emails, allowed_domains = found(FACTS.read_text())
    unknown = []
    seen_phones = set()
    for where, text in published_content():
        phones, emails, domains = found(text)
        seen_phones |= phones
        unknown += [(where, p) for p in phones - allowed_phones]
        unknown += [(where, e) for e in emails - allowed_emails]
        unknown += [(where, d) for d in domains - allowed_domains]
    assert sorted(set(unknown)) == []
    # The walk reached pages, snippets and contacts: the Starke Stelle and ZASTEX are there.
    assert {"08003009944", "03518552223"} <= seen_phones


# Citations like "§ 241 StGB", "§§ 185 bis 187 StGB", "§ 51 Bundesmeldegesetz" in guidance: a wrong paragraph
# sends an official to the wrong law, so each must be one the facts file states.
LAW = re.compile(
    r"§§?\s*(\d+[a-z]?(?:\s*(?:–|-|bis|,|und)\s*\d+[a-z]?)*)\s*(?:Abs\.\s*\d+\s*)?"
    r"(StGB|StPO|BMG|Bundesmeldegesetz)"
)


def citations(text):
    cited = set()
    for numbers, code in LAW.findall(text):
        code = "BMG" if code == "Bundesmeldegesetz" else code
        parts = re.split(r"\s*(–|-|bis|,|und)\s*", numbers)
        items = parts[::2]
        for i, item in enumerate(items):
            cited.add((item, code))
            if i and parts[2 * i - 1] in ("–", "-", "bis"):
                start, end = int(re.sub(r"\D", "", items[i - 1])), int(re.sub(r"\D", "", item))
                cited |= {(str(n), code) for n in range(start, end + 1)}
    return cited


def test_the_citation_reader_expands_ranges():
    assert citations("§§ 185 bis 187 StGB und § 406d StPO") == {
        ("185", "StGB"), ("186", "StGB"), ("187", "StGB"), ("406d", "StPO")
    }


def page_text(page) -> str:
    """Every field as text; stream fields as their raw JSON without escapes, so "§" stays "§"."""
    import json

    values = []
    for field in page._meta.concrete_fields:
        value = field.value_from_object(page)
        if hasattr(value, "raw_data"):
            value = json.dumps(list(value.raw_data), ensure_ascii=False, default=str)
        values.append(str(value))
    return "\n".join(values)


@pytest.mark.django_db
def test_every_law_cited_in_guidance_is_in_the_facts(demo_content):
    from portal.models import CaseExamplePage, GuidancePage

    allowed = citations(FACTS.read_text())
    cited = set()
    unknown = []
    for model in (GuidancePage, CaseExamplePage):
        for page in model.objects.live():
            found_here = citations(page_text(page))
            cited |= found_here
            unknown += [(page.slug, law) for law in found_here - allowed]
    assert unknown == []
    assert {("241", "StGB"), ("406d", "StPO"), ("51", "BMG")} <= cited
