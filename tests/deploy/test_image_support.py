"""What the image relies on at run time: media types without /etc/mime.types, the HEALTHCHECK probe."""

import mimetypes
import socket

import pytest
from django.apps import apps

from core import healthcheck


def test_webp_renditions_get_their_media_type_without_etc_mime_types(monkeypatch):
    # What a slim image has: no /etc/mime.types, Python's built-in table only.
    monkeypatch.setattr(mimetypes, "knownfiles", [])
    mimetypes._db = None  # init() would otherwise keep earlier additions
    mimetypes.init()
    try:
        assert mimetypes.guess_type("bild.webp")[0] is None  # the reason for the fix
        apps.get_app_config("core").ready()
        assert mimetypes.guess_type("images/bild.fill-800x450.format-webp.webp")[0] == "image/webp"
        assert mimetypes.guess_type("bild.avif")[0] == "image/avif"
    finally:
        monkeypatch.undo()
        mimetypes._db = None
        mimetypes.init()
        apps.get_app_config("core").ready()


@pytest.mark.django_db
def test_healthcheck_passes_while_healthz_answers(live_server, monkeypatch):
    monkeypatch.setenv("PORT", str(live_server.thread.port))
    monkeypatch.setenv("ALLOWED_HOSTS", ".localhost, stark-im-amt.example")  # a leading dot: any subdomain
    assert healthcheck.probe_host() == "localhost"
    assert healthcheck.main() == 0


def test_healthcheck_fails_when_nothing_answers(monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again below: nothing listens there
    monkeypatch.setenv("PORT", str(port))
    assert healthcheck.main() == 1
