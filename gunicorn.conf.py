"""gunicorn for the image and every production host: `gunicorn starkimamt.wsgi` reads this file from the
working directory. Every number can be changed from the environment (deploy/prod.env.example)."""

import os
from pathlib import Path


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def _behind_proxy() -> bool:
    # The one place gunicorn reads the proxy setting: the same variable the settings follow (axes, rate
    # limits, the access log's client address). Change it here too if the settings' proxy setting changes.
    return _int("TRUSTED_PROXY_COUNT", 0) > 0


bind = [f"0.0.0.0:{_int('PORT', 8000)}"]
# Threads let a worker wait on the database or Redis for one request while serving another; 2 workers per
# core with 4 threads each served the load test without timeouts (docs/security.md).
workers = _int("GUNICORN_WORKERS", 3)
threads = _int("GUNICORN_THREADS", 4)
worker_class = "gthread" if threads > 1 else "sync"

# A request that takes longer than this is killed (the proxy waits longer: deploy/nginx.conf).
timeout = _int("GUNICORN_TIMEOUT", 30)
# On SIGTERM workers finish what they are doing for this long; keep it below the orchestrator's grace period
# (compose stop_grace_period, Kubernetes terminationGracePeriodSeconds).
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 25)
# The proxy keeps connections open; its keepalive_timeout must be shorter than this.
keepalive = _int("GUNICORN_KEEPALIVE", 75)
# Renew workers now and then (memory growth), with jitter so they do not all restart at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# The heartbeat file on tmpfs: a read-only root filesystem has no writable /tmp, and a disk-backed /tmp
# stalls workers when the disk is slow.
_shm = Path("/dev/shm")  # noqa: S108 (gunicorn's own heartbeat files, per worker, mode 0600)
if _shm.is_dir() and os.access(_shm, os.W_OK):
    worker_tmp_dir = str(_shm)

# Only a proxy may tell us the scheme (X-Forwarded-Proto → wsgi.url_scheme). Behind one, trust the
# addresses in FORWARDED_ALLOW_IPS, or any peer when it is not set (in a container the proxy's address
# changes; the web port must then be reachable only from the proxy). Without a proxy: nobody.
if os.environ.get("FORWARDED_ALLOW_IPS"):
    forwarded_allow_ips = os.environ["FORWARDED_ALLOW_IPS"]
else:
    forwarded_allow_ips = "*" if _behind_proxy() else ""

# Request limits before Django sees anything: the request line (long query strings), header count and size.
# gunicorn has no body limit of its own: bodies are limited by the proxy (client_max_body_size 11m, for
# 10 MB uploads in the admin), Django (DATA_UPLOAD_MAX_MEMORY_SIZE 2.5 MB without files) and the form
# endpoint (64 KB, portal.form_views).
limit_request_line = _int("GUNICORN_LIMIT_REQUEST_LINE", 4094)
limit_request_fields = _int("GUNICORN_LIMIT_REQUEST_FIELDS", 100)
limit_request_field_size = _int("GUNICORN_LIMIT_REQUEST_FIELD_SIZE", 8190)

# JSON lines on stdout, like Django's: client address, request id, no private query strings (core/logging.py).
logger_class = "core.logging.GunicornLogger"
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
capture_output = False
