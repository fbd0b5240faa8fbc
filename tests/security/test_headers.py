"""Security headers on every kind of response: public pages, admin, static files, documents, errors."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

ROOT = Path(__file__).resolve().parents[2]


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


VIDEO_PLAYERS = {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Content-Security-Policy" in response


def assert_strict_public_csp(header: str):
    csp = csp_directives(header)
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in csp[directive]
        assert "'unsafe-eval'" not in csp[directive]
    # No third-party origin anywhere: only keywords, nonces and data: for images. The one exception:
    # video players in frames, which the magazine inserts only after a click (consent).
    for directive, sources in csp.items():
        for source in sources:
            if directive == "frame-src" and source in VIDEO_PLAYERS:
                continue
            assert source.startswith("'") or source in {"data:"}, f"{directive}: {source}"


@pytest.mark.django_db
def test_every_public_page_has_strict_csp_and_headers(client, public_paths):
    for path in [*public_paths, "/robots.txt", "/sitemap.xml", "/healthz"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_common_headers(response)
        assert_strict_public_csp(response["Content-Security-Policy"])
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert not response.cookies, f"{path} sets a cookie for an anonymous visitor"


@pytest.mark.django_db
def test_inline_script_or_style_only_with_the_request_nonce(client, public_paths):
    """No public page has inline code a strict CSP would block (it would silently break the page)."""
    import re

    for path in public_paths:
        response = client.get(path)
        html = response.content.decode()
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
        for tag in re.findall(r"<(?:script|style)\b[^>]*>", html):
            if "src=" in tag or 'type="application/json"' in tag or 'type="application/ld+json"' in tag:
                continue
            assert nonce and f'nonce="{nonce.group(1)}"' in tag, f"{path}: inline code without nonce: {tag}"
        assert not re.search(r"<[a-z][^>]*\sstyle=", html), f"{path}: style attribute"
        assert not re.search(r"<[a-z][^>]*\son[a-z]+=", html), f"{path}: inline event handler"


@pytest.mark.django_db
def test_not_found_page_has_the_same_headers(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert_common_headers(response)
    assert_strict_public_csp(response["Content-Security-Policy"])


@pytest.mark.django_db
def test_admin_gets_its_own_policy_without_third_parties(superuser_client):
    response = superuser_client.get("/admin/")
    assert response.status_code == 200
    assert_common_headers(response)
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]  # the live preview frames admin URLs, nothing else may
    assert csp["object-src"] == ["'none'"]
    # Scripts only from our origin or with the request's nonce (core/template_loaders.py); inline style
    # attributes, which no nonce covers, are what remains of 'unsafe-inline'.
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    for sources in csp.values():
        for source in sources:
            assert source.startswith("'") or source in {"data:", "blob:"}, source
    assert response["X-Frame-Options"] == "DENY"


def test_wagtails_inline_admin_scripts_carry_the_nonce_of_their_response(superuser_client, home_page):
    import re

    # The page editor: date-time pickers (settings tab, scheduling) and, on a form page, an inline panel.
    from portal.models import FormPage

    form = home_page.add_child(instance=FormPage(title="Rückmeldung", slug="rueckmeldung-csp"))
    for url in [f"/admin/pages/{home_page.pk}/edit/", f"/admin/pages/{form.pk}/edit/"]:
        response = superuser_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"(?:application/json|text/template))([^>]*)>", html)
        assert inline, url
        assert all(f'nonce="{nonce}"' in attributes for attributes in inline), (url, inline[:3])
    assert "initDateTimeChooser" in superuser_client.get(f"/admin/pages/{home_page.pk}/edit/").content.decode()
    assert "new InlinePanel" in html


@pytest.mark.django_db
def test_admin_login_page_is_protected_too(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_common_headers(response)
    assert csp_directives(response["Content-Security-Policy"])["form-action"] == ["'self'"]


@pytest.mark.django_db
def test_static_files_carry_a_sandboxing_policy(client):
    for path in ("/static/css/main.css", "/static/img/favicon.svg", "/static/wagtailadmin/js/core.js"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_common_headers(response)
        csp = csp_directives(response["Content-Security-Policy"])
        assert csp["default-src"] == ["'none'"]
        assert "sandbox" in csp
        assert csp["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_documents_are_downloads_with_their_own_strict_policy(client, home_page, root_collection):
    from wagtail.documents import get_document_model

    Document = get_document_model()
    for name, content in (("bericht.pdf", b"%PDF-1.4\n%%EOF\n"), ("notiz.txt", b"<script>alert(1)</script>")):
        document = Document(title=name)
        document.file.save(name, ContentFile(content), save=True)
        response = client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert_common_headers(response)
        csp = csp_directives(response["Content-Security-Policy"])
        assert csp["default-src"] == ["'none'"]
        assert "sandbox" in csp


def test_gravatar_and_update_check_are_off():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False


def production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="starkimamt.settings.production",
        SECRET_KEY="a-production-like-secret-" + "k7Q2" * 12,
        ALLOWED_HOSTS="stark-im-amt.example",
        SITE_URL="https://stark-im-amt.example",
    )
    env.update(extra)
    return env


def run_python(code: str, **extra) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=production_env(**extra), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_deploy_check_passes_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_harden_cookies_hsts_and_2fa():
    out = run_python(
        "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps(["
        "s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SECURE,"
        "s.CSRF_COOKIE_HTTPONLY, s.SESSION_COOKIE_AGE, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS,"
        "s.REQUIRE_ADMIN_2FA, s.DEBUG, s.TRUSTED_PROXY_COUNT]))"
    )
    import json

    assert json.loads(out) == [True, True, "Lax", True, True, 9 * 3600, 365 * 24 * 3600, True, True, False, 0]


def test_hsts_header_in_production():
    out = run_python(
        "import django; django.setup(); from django.test import Client;"
        "r = Client(HTTP_HOST='stark-im-amt.example').get('/robots.txt', secure=True);"
        "print(r.status_code, r['Strict-Transport-Security'])",
    )
    last = out.strip().splitlines()[-1]  # the request's own JSON log line comes first, on stdout
    assert last.split(" ", 1) == ["200", "max-age=31536000; includeSubDomains; preload"]
