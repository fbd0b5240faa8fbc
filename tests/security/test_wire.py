"""What only a real server shows: gunicorn with production settings, spoken to over a socket.

Django's test client removes HEAD bodies itself and never checks a Host before the middleware runs as a
load balancer's probe would, so these run against `gunicorn starkimamt.wsgi` (a SQLite file without
tables is enough: /healthz asks only `SELECT 1`, static files and the host check need no database).
"""

import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.net import free_port

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_HOST = "portal.example"
STATIC_FILE = "/static/css/main.css"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wire")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "TRUSTED_PROXY", "REDIS_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.performance.topology_settings",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        SECRET_KEY="wire-test-" + "w" * 50,
        ALLOWED_HOSTS=PUBLIC_HOST,
        SECURE_SSL_REDIRECT="false",
        PORT=str(port),
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="2",  # gthread: keep-alive connections, as in production
        PYTHONUNBUFFERED="1",
        PYTHONWARNINGS="ignore",
    )
    log = tmp / "gunicorn.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "starkimamt.wsgi"], cwd=ROOT, env=env, stdout=out, stderr=out
        )
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, log.read_text()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "gunicorn antwortet nicht"
            time.sleep(0.1)
    yield port, log
    process.terminate()
    process.wait(timeout=30)


def connection(port):
    return http.client.HTTPConnection("127.0.0.1", port, timeout=10)


def read_head(sock) -> bytes:
    received = b""
    while b"\r\n\r\n" not in received:
        received += sock.recv(65536)
    return received


def test_head_sends_no_body_so_the_next_response_on_the_connection_reads_right(server):
    # A raw socket: http.client throws away what follows a HEAD response and would hide the defect.
    port, _ = server
    for path in ["/healthz", STATIC_FILE]:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(f"HEAD {path} HTTP/1.1\r\nHost: {PUBLIC_HOST}\r\n\r\n".encode())
            head = read_head(sock)
            assert head.startswith(b"HTTP/1.1 200"), path
            assert b"Content-Length: " in head  # the length the GET would have
            sock.settimeout(0.5)
            with contextlib.suppress(TimeoutError):
                head += sock.recv(65536)
            assert head.endswith(b"\r\n\r\n"), (path, head[-60:])
            # The same connection goes on with the next request, and its answer starts where it should.
            sock.settimeout(5)
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {PUBLIC_HOST}\r\n\r\n".encode())
            assert read_head(sock).startswith(b"HTTP/1.1 200"), path


def test_a_bogus_host_gets_a_german_400_with_headers_and_one_log_line(server):
    port, log = server
    conn = connection(port)
    conn.request("GET", "/", headers={"Host": "boese.example"})
    response = conn.getresponse()
    body = response.read().decode()
    assert response.status == 400
    assert "Anfrage" in body and "boese" not in body
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert "frame-ancestors 'none'" in response.getheader("Content-Security-Policy")
    request_id = response.getheader("X-Request-ID")
    time.sleep(0.3)
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    about_it = [e for e in lines if e.get("request_id") == request_id and e["logger"] != "gunicorn.access"]
    assert len(about_it) == 1, about_it
    (entry,) = about_it
    assert entry["logger"] == "django.security.DisallowedHost" and entry["level"] == "WARNING"
    assert "exception" not in entry and "Traceback" not in log.read_text()


def test_healthz_answers_a_probe_by_ip_address(server):
    port, _ = server
    conn = connection(port)
    for host in ["10.0.0.7:8000", "127.0.0.1", "[fd00::7]:8000"]:
        conn.request("GET", "/healthz", headers={"Host": host})
        response = conn.getresponse()
        assert (response.status, response.read()) == (200, b"ok\n"), host
        assert response.getheader("X-Content-Type-Options") == "nosniff"
    conn.close()
    # Every other path still refuses the address.
    conn = connection(port)
    conn.request("GET", "/healthz/", headers={"Host": "10.0.0.7:8000"})
    assert conn.getresponse().status == 400
