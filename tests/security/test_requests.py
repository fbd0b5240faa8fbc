"""Hostile requests: a bogus Host, too many fields or files, path traversal into static, media and image
URLs. Each answers 400 or 404 and never hands out a file it should not."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page

SECRETS = [b"SECRET_KEY", b"DATABASES", b"root:x:0:0", b"[core]", b"import "]


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "evil.example:443", "-bad-", ""])
def test_bogus_host_is_400(client, home_page, host):
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 400
    assert b"evil" not in response.content


def form_pages() -> list[Page]:
    return [page for page in Page.objects.live().specific() if hasattr(page, "get_form")]


@pytest.mark.django_db
def test_too_many_fields_is_400(client, demo):
    targets = ["/admin/login/"] + [page.url for page in form_pages()]
    fields = {f"feld{n}": "x" for n in range(2_100)}
    for target in targets:
        assert client.post(target, fields).status_code == 400, target


@pytest.mark.django_db
def test_too_many_files_is_400(client, demo):
    targets = ["/admin/login/"] + [page.url for page in form_pages()]
    for target in targets:
        files = {f"datei{n}": SimpleUploadedFile(f"{n}.txt", b"x") for n in range(120)}
        assert client.post(target, files).status_code == 400, target


TRAVERSALS = [
    "/static/../starkimamt/settings/base.py",
    "/static/%2e%2e/starkimamt/settings/base.py",
    "/static/..%2fstarkimamt/settings/base.py",
    "/static/%2e%2e%2f%2e%2e%2fetc/passwd",
    "/static/css/..%2f..%2f..%2fmanage.py",
    "/static/....//....//etc/passwd",
    "/static/%252e%252e/manage.py",
    "/static/css/main.css/../../../pyproject.toml",
    "/media/../manage.py",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/media/original_images/..%2f..%2fmanage.py",
    "/media/images/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/dokumente/1/..%2f..%2fmanage.py",
    "/dokumente/../manage.py",
    "/images/..%2f..%2fmanage.py",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/..%5c..%5cmanage.py",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_finds_nothing(client, home_page, path):
    response = client.get(path)
    assert response.status_code in {400, 404}, path
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert not any(secret in body for secret in SECRETS), path
