"""What a phone on a weak connection has to load: small pages, only our own files, compressed statics."""

import gzip
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from bench.targets import sitemap_paths

HOME_BUDGET = 60 * 1024  # HTML + CSS + JS of the home page, compressed


class Resources(HTMLParser):
    """Stylesheets, scripts and images a page makes the browser load."""

    def __init__(self):
        super().__init__()
        self.styles, self.scripts, self.images, self.urls = [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href") and a.get("rel") in {"stylesheet", "preload", "icon", "modulepreload"}:
            self.urls.append(a["href"])
            if a["rel"] == "stylesheet":
                self.styles.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
            self.urls.append(a["src"])
        elif tag == "img":
            self.images.append(a)
            self.urls += [a.get("src", "")] + [part.split()[0] for part in a.get("srcset", "").split(",") if part]
        elif tag == "source" and a.get("srcset"):
            self.urls += [part.split()[0] for part in a["srcset"].split(",") if part]


def resources(html: bytes) -> Resources:
    parser = Resources()
    parser.feed(html.decode())
    return parser


@pytest.mark.django_db
def test_home_page_html_css_and_js_stay_under_60_kb_compressed(demo_content, client):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"  # the HTML itself goes out compressed
    html = gzip.decompress(response.content)
    found = resources(html)
    assert found.styles  # the page does have its CSS
    total = len(response.content)
    for url in found.styles + found.scripts:
        asset = client.get(url)
        assert asset.status_code == 200, url
        total += len(gzip.compress(b"".join(asset.streaming_content), compresslevel=6))
    assert total < HOME_BUDGET, f"{total} Bytes"


@pytest.mark.django_db
def test_pages_load_nothing_from_third_parties_and_images_are_sized_and_lazy(demo_content, client):
    problems = {}
    for path in sitemap_paths(client):
        found = resources(client.get(path).content)
        foreign = [url for url in found.urls if url and not url.startswith(("/", "data:"))]
        unsized = [img.get("src") for img in found.images if not (img.get("width") and img.get("height"))]
        eager = [
            img.get("src")
            for img in found.images
            if img.get("loading") != "lazy" and img.get("fetchpriority") != "high"
        ]
        if foreign or unsized or eager:
            problems[path] = {"fremd": foreign, "ohne Größe": unsized, "nicht lazy": eager}
    assert problems == {}


def test_static_files_are_compressed_and_cached_for_a_year(tmp_path):
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES=storages,
        # Only the project's own files: the admin's thousands would make this test slow, not better.
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        from django.contrib.staticfiles.storage import staticfiles_storage

        url = staticfiles_storage.url("css/main.css")
        name = url.removeprefix("/static/")
        assert name != "css/main.css"  # the name carries a content hash, so it can be cached forever
        assert (tmp_path / f"{name}.gz").exists() and (tmp_path / f"{name}.br").exists()
        client = Client()
        for encoding in ("br", "gzip"):
            response = client.get(url, HTTP_ACCEPT_ENCODING=encoding)
            assert response.status_code == 200
            assert response["Content-Encoding"] == encoding
            assert "max-age=31536000" in response["Cache-Control"]
            assert "immutable" in response["Cache-Control"]
