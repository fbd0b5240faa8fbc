"""Which URLs the benchmark and the performance tests measure, found in whatever content is loaded.

Nothing here names a page of another app directly: page types are recognised by their class name, so
the benchmark and the query-budget tests cover new pages as they land and simply leave out what is
not there yet.
"""

from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit
from xml.etree import ElementTree

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SEARCH_PATH = "/suche/"
SEARCH_QUERY = "Anzeige"


def sitemap_paths(client) -> list[str]:
    """Every path in /sitemap.xml, as the test client of the running configuration sees it."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200, f"/sitemap.xml: {response.status_code}"
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own sitemap)
    paths = []
    for loc in root.iter(f"{SITEMAP_NS}loc"):
        parts = urlsplit(loc.text.strip())
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return sorted(set(paths))


def first_live_page(*class_names: str):
    """The first live page (in tree order) whose specific class is one of `class_names`."""
    from wagtail.models import Page

    wanted = {name.lower() for name in class_names}
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path").specific(defer=True):
        if type(page).__name__.lower() in wanted:
            return page
    return None


def page_path(page) -> str | None:
    url = page.get_url() if page is not None else None
    return urlsplit(url).path if url else None


class _FormReader(HTMLParser):
    """Collects the first GET form in <main>: its action and a first choice for every field."""

    def __init__(self):
        super().__init__()
        self.in_main = False
        self.form = None  # {"action": str, "fields": {name: value}}
        self.done = False
        self.select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main":
            self.in_main = True
        if self.done or not self.in_main:
            return
        if tag == "form" and self.form is None and a.get("method", "get").lower() == "get":
            self.form = {"action": a.get("action") or "", "fields": {}}
        elif self.form is None:
            return
        elif tag == "input" and a.get("name") and a.get("type", "text") in {"radio", "checkbox", "hidden"}:
            self.form["fields"].setdefault(a["name"], a.get("value", "on"))
        elif tag == "select" and a.get("name"):
            self.select = a["name"]
        elif tag == "option" and self.select and a.get("value"):
            self.form["fields"].setdefault(self.select, a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form" and self.form is not None:
            self.done = True
        elif tag == "main":
            self.in_main = False


def form_result_path(client, path: str) -> str | None:
    """Fill in the first GET form on `path` with the first choice of each field: a typical result URL."""
    response = client.get(path)
    if response.status_code != 200:
        return None
    reader = _FormReader()
    reader.feed(response.content.decode())
    if not reader.form or not reader.form["fields"]:
        return None
    action = urlsplit(urljoin(path, reader.form["action"] or path)).path
    return f"{action}?{urlencode(reader.form['fields'])}"


class _LinkReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


def first_child_link(client, path: str) -> str | None:
    """The first link on `path` that goes one level deeper, e.g. a Land below the contact finder."""
    response = client.get(path)
    if response.status_code != 200:
        return None
    reader = _LinkReader()
    reader.feed(response.content.decode())
    for href in reader.hrefs:
        target = urlsplit(urljoin(path, href)).path
        if target.startswith(path) and target.rstrip("/").count("/") == path.rstrip("/").count("/") + 1:
            return target
    return None


def targets(client) -> dict[str, str]:
    """{label: path} of the page types the issue names; a type without content yet is left out."""
    found = {"Startseite": "/"}
    guidance = page_path(first_live_page("GuidancePage"))
    if guidance:
        found["Ratgeberseite"] = guidance
    lotse = page_path(first_live_page("LotsePage"))
    if lotse:
        result = form_result_path(client, lotse)
        if result:
            found["Lotse-Ergebnis"] = result
    finder = page_path(first_live_page("ContactFinderPage"))
    if finder:
        land = first_child_link(client, finder)
        if land:
            found["Bundesland"] = land
    article = page_path(first_live_page("ArticlePage"))
    if article:
        found["Artikel"] = article
    if client.get(SEARCH_PATH).status_code == 200:
        found["Suche"] = f"{SEARCH_PATH}?{urlencode({'q': SEARCH_QUERY})}"
    return found
