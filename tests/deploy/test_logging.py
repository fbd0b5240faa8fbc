"""Logs as JSON lines with a request id, for Django and gunicorn alike (core/logging.py, gunicorn.conf.py)."""

import io
import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.http import HttpResponse
from django.test import RequestFactory

from core.logging import JsonFormatter, RequestIdFilter, RequestIdMiddleware, public_path
from tests.net import free_port

ROOT = Path(__file__).resolve().parents[2]


def capture(logger_name):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return stream, lambda: logger.removeHandler(handler)


def test_every_line_of_a_request_carries_the_proxys_request_id():
    stream, done = capture("tests.deploy.view")

    def view(request):
        logging.getLogger("tests.deploy.view").info("Seite gebaut")
        logging.getLogger("tests.deploy.view").warning("noch etwas")
        return HttpResponse("ok")

    try:
        response = RequestIdMiddleware(view)(RequestFactory().get("/", HTTP_X_REQUEST_ID="a1b2c3d4e5f60718"))
        logging.getLogger("tests.deploy.view").info("nach dem Request")
    finally:
        done()
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert response["X-Request-ID"] == "a1b2c3d4e5f60718"
    assert [line.get("request_id") for line in lines] == ["a1b2c3d4e5f60718", "a1b2c3d4e5f60718", None]
    assert all(line["time"].endswith("Z") for line in lines)  # one time zone: UTC


def test_a_forged_request_id_is_replaced():
    # A header that could break the log line (newline, quotes) or fill it is not taken over.
    for forged in ['abc"\n{"level": "ERROR"}', "x" * 500, "kurz"]:
        response = RequestIdMiddleware(lambda r: HttpResponse())(
            RequestFactory().get("/", HTTP_X_REQUEST_ID=forged)
        )
        assert response["X-Request-ID"] != forged
        assert len(response["X-Request-ID"]) == 32
    a = RequestIdMiddleware(lambda r: HttpResponse())(RequestFactory().get("/"))["X-Request-ID"]
    b = RequestIdMiddleware(lambda r: HttpResponse())(RequestFactory().get("/"))["X-Request-ID"]
    assert a != b


def test_exceptions_are_one_line_and_lotse_queries_are_cut():
    stream, done = capture("tests.deploy.error")
    try:
        try:
            raise ValueError("kaputt bei /hilfe-finden/?situation=bedrohung")
        except ValueError:
            logging.getLogger("tests.deploy.error").exception("Fehler bei /hilfe-finden/?situation=bedrohung&land=by")
    finally:
        done()
    (line,) = stream.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and "ValueError" in entry["exception"]
    assert "bedrohung" not in line
    assert public_path("/hilfe-finden/", "situation=x") == "/hilfe-finden/"
    assert public_path("/magazin/", "seite=2") == "/magazin/?seite=2"



def get(url, headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_gunicorn_writes_json_lines_with_client_address_and_no_lotse_query(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.performance.topology_settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECRET_KEY": "gunicorn-log-test-" + "z" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "TRUSTED_PROXY_COUNT": "1",
        "PORT": str(port),
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "2",
        "PYTHONWARNINGS": "ignore",
    }
    env.pop("REDIS_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "starkimamt.wsgi"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        status, headers = get(f"{base}/healthz", {"X-Forwarded-For": "198.51.100.1, 203.0.113.9",
                                                  "X-Request-ID": "from-the-proxy-0001"})
        assert status == 200 and headers["X-Request-ID"] == "from-the-proxy-0001"
        get(f"{base}/hilfe-finden/?situation=bedrohung-im-netz&land=sachsen", {"X-Forwarded-For": "203.0.113.10"})
        status, headers = get(f"{base}/", {"Host": "boese.example"})  # Django logs DisallowedHost
        bad_host_id = headers.get("X-Request-ID")
        time.sleep(0.5)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output  # a clean, graceful shutdown on SIGTERM
    lines = [line for line in output.splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]  # every line is JSON
    access = [e for e in entries if e["logger"] == "gunicorn.access"]
    first = access[0]
    assert first["client"] == "203.0.113.9"  # the address the trusted proxy saw, not the proxy's
    assert first["request_id"] == "from-the-proxy-0001" and first["status"] == 200
    lotse = [e for e in access if e["path"].startswith("/hilfe-finden/")]
    assert lotse and lotse[0]["path"] == "/hilfe-finden/"
    assert "bedrohung-im-netz" not in output and "sachsen" not in output
    assert all(e["time"].endswith("Z") for e in entries)
    # A line Django itself wrote during a request carries that request's id too.
    django_lines = [e for e in entries if e["logger"].startswith("django")]
    assert django_lines and bad_host_id and any(e.get("request_id") == bad_host_id for e in django_lines)
    # Django's own line for the 503 (written after the middleware chain) has the id and no query string.
    lotse_django = [e for e in django_lines if e.get("path") == "/hilfe-finden/"]
    assert lotse_django and lotse_django[0]["request_id"] == lotse[0]["request_id"]
