"""One log format for Django and gunicorn: JSON lines on stdout, times in UTC, a request id in every line.

The request id comes from the proxy (`X-Request-ID`, nginx's `$request_id`) when it sends a sane one, else
it is made here; it goes back in the response header, so a visitor's report, the proxy's log and every
line the application wrote for that request can be matched. Query strings of the Lotse and the search
never reach a log: they say what happened to the person asking.
"""

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from datetime import UTC, datetime

from gunicorn import glogging

REQUEST_ID_HEADER = "X-Request-ID"
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
# What we accept from outside: an id, not text that could forge or break a log line.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
# Paths whose query strings describe a person's situation (Lotse answers, search terms).
PRIVATE_QUERY_PREFIXES = ("/hilfe-finden/", "/suche/")
# The same inside free text (gunicorn's "Error handling request /hilfe-finden/?…", tracebacks).
_PRIVATE_QUERY_IN_TEXT = re.compile(r"(/(?:hilfe-finden|suche)/[^\s?\"']*)\?[^\s\"']*")


def redact(text: str) -> str:
    return _PRIVATE_QUERY_IN_TEXT.sub(r"\1?…", text)


def current_request_id() -> str:
    return _request_id.get()


def incoming_request_id(value: str | None) -> str:
    """The proxy's id when it is well-formed, else a new one."""
    if value and _VALID_REQUEST_ID.match(value):
        return value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE: every log line written while the request runs carries its id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = incoming_request_id(request.META.get("HTTP_X_REQUEST_ID"))
        request.request_id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        if not getattr(record, "request_id", None):
            # Django logs a 4xx/5xx response after the middleware chain has returned; the request then
            # comes along as `extra`.
            request = getattr(record, "request", None)
            record.request_id = current_request_id() or getattr(request, "request_id", "")
        return True


class OneLineWarningFilter(logging.Filter):
    """For loggers whose errors are the client's doing (a bogus Host): a warning without the traceback.

    A scanner sends thousands of them; a traceback each would bury the lines that matter.
    """

    def filter(self, record):
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = None
        record.stack_info = None
        return True


# Attributes every LogRecord has; anything else passed in `extra=` goes into the JSON object.
_STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id, extras."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds").replace(
                "+00:00", "Z"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        request_id = getattr(record, "request_id", None) or current_request_id()
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key in _STANDARD_ATTRIBUTES or key.startswith("_"):
                continue
            if key == "request" and hasattr(value, "method"):  # Django's HttpRequest: no query string
                entry["method"], value = value.method, public_path(value.path, value.META.get("QUERY_STRING", ""))
                key = "path"
            if isinstance(value, str):
                value = redact(value)
            entry[key] = value if isinstance(value, str | int | float | bool | None) else redact(str(value))
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def json_handler() -> logging.Handler:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    return handler


def public_path(path: str, query: str) -> str:
    """The path with its query string, except where the query string is private."""
    if not query or path.startswith(PRIVATE_QUERY_PREFIXES):
        return path
    return f"{path}?{query}"


def _trusted_proxy_count() -> int:
    # The one place the access log reads the proxy setting (the same one axes and the rate limits follow).
    from django.conf import settings

    try:
        return int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    except Exception:  # settings not configured (gunicorn's master process): no proxy assumed
        return 0


def client_address(environ) -> str:
    """The visitor's address: the entry the outermost trusted proxy added to X-Forwarded-For, counted from
    the right (a client may prepend anything), or the socket's peer when no proxy is trusted."""
    remote = environ.get("REMOTE_ADDR", "") or ""
    proxies = _trusted_proxy_count()
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    return forwarded[-proxies] if len(forwarded) >= proxies else remote


def _status(resp) -> int | None:
    status = getattr(resp, "status_code", None)
    if status is None:  # a response gunicorn made itself after an error
        head = str(getattr(resp, "status", "") or "").split(None, 1)
        status = int(head[0]) if head and head[0].isdigit() else None
    return status


class GunicornLogger(glogging.Logger):
    """gunicorn's error and access logs in the same JSON lines as Django's (gunicorn.conf.py)."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in list(log.handlers):
                log.removeHandler(handler)
            log.addHandler(json_handler())

    def access(self, resp, req, environ, request_time):
        headers = {name.lower(): value for name, value in (resp.headers or [])}
        request_id = headers.get(REQUEST_ID_HEADER.lower()) or environ.get("HTTP_X_REQUEST_ID", "")
        referer = environ.get("HTTP_REFERER", "")
        duration = request_time.total_seconds() if hasattr(request_time, "total_seconds") else request_time
        status = _status(resp)
        try:
            self.access_log.info(
                "%s %s %s",
                environ.get("REQUEST_METHOD", "-"),
                public_path(environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")),
                status,
                extra={
                    "request_id": request_id[:128],
                    "client": client_address(environ),
                    "method": environ.get("REQUEST_METHOD", "-"),
                    "path": public_path(environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")),
                    "status": status,
                    "bytes": getattr(resp, "sent", None),
                    "duration_ms": round(duration * 1000, 1),
                    "user_agent": environ.get("HTTP_USER_AGENT", "")[:300],
                    # Without its query string: a link from a Lotse plan must not carry the answers along.
                    "referer": referer.split("?", 1)[0][:300],
                },
            )
        except Exception:
            self.error("access log failed", exc_info=True)

    def now(self):
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
