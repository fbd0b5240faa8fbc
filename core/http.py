"""HTTP for weak connections: revalidation instead of a second download, brotli, and small fixed answers.

- `ValidatorsMiddleware` (inside the page cache, so cached copies carry them): anonymous pages that the
  page cache may keep get a weak `ETag` made from the content generation, a time window and the URL, and
  `Cache-Control: public, max-age=HTTP_MAX_AGE, must-revalidate`. Every content change moves the
  generation, so the ETag changes with whatever a page could show; the time window
  (PAGE_CACHE_SECONDS, the page cache's own lifetime) bounds what depends on the clock (upcoming events).
- `NotModifiedMiddleware` (outside the page cache): a request whose `If-None-Match` holds the ETag this
  URL has now gets `304 Not Modified` before anything is looked up or rendered; afterwards any 200 with
  an `ETag` or `Last-Modified` (the feed) is checked as Django's ConditionalGetMiddleware does.
- `CompressionMiddleware`: brotli when the client accepts it, gzip otherwise (Django's GZipMiddleware).
- `favicon`: /favicon.ico for clients that ask there instead of reading the page's icon link.
"""

import functools
import hashlib
import time

import brotli
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags, parse_http_date_safe
from django.utils.regex_helper import _lazy_re_compile
from django.views.decorators.http import require_safe

from core.cache.generation import current_generation
from core.cache.pagecache import NEVER_CACHED_PREFIXES, PageCacheMiddleware

DEFAULT_MAX_AGE = 60  # seconds a browser may show a page without asking; then it revalidates (a 304)
BROTLI_QUALITY = 5  # fast enough per render; the page cache keeps the result, so it is paid once
BROTLI_RE = _lazy_re_compile(r"\bbr\b(?!\s*;\s*q=0(?:\.0*)?\b)")
FAVICON = "img/favicon.svg"


def _max_age() -> int:
    return int(getattr(settings, "HTTP_MAX_AGE", DEFAULT_MAX_AGE))


def _anonymous_read(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(NEVER_CACHED_PREFIXES)
    )


def page_etag(request, generation=None) -> str | None:
    """The weak ETag of this URL's anonymous page in the current generation; None without a cache."""
    generation = current_generation() if generation is None else generation
    if generation is None:
        return None
    window = int(time.time() // max(1, getattr(settings, "PAGE_CACHE_SECONDS", 600)))
    key = f"{generation}:{window}:{request.get_host()}:{request.get_full_path()}"
    return 'W/"' + hashlib.blake2b(key.encode(), digest_size=10).hexdigest() + '"'


def _patch_public(response) -> None:
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, public=True, max_age=_max_age(), must_revalidate=True)


class ValidatorsMiddleware:
    """ETag and Cache-Control on what the page cache may keep (same rules), before it keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            _anonymous_read(request)
            and not response.has_header("ETag")
            and not getattr(response, "shared_cache_exempt", False)  # search: each request must reach the view
            and PageCacheMiddleware.response_is_cacheable(request, response)
        ):
            etag = page_etag(request)
            if etag is not None:
                response["ETag"] = etag
                _patch_public(response)
        return response


class NotModifiedMiddleware:
    """304 for a revisit: before the page cache when the ETag is still current, else after the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        conditional = "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META
        if conditional and "HTTP_IF_NONE_MATCH" in request.META and _anonymous_read(request):
            etag = page_etag(request)
            if etag is not None and etag in parse_etags(request.META["HTTP_IF_NONE_MATCH"]):
                response = HttpResponseNotModified()
                response["ETag"] = etag
                _patch_public(response)
                patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
                return response
        response = self.get_response(request)
        if conditional and request.method in ("GET", "HEAD") and response.status_code == 200:
            last_modified = parse_http_date_safe(response["Last-Modified"]) if "Last-Modified" in response else None
            response = get_conditional_response(
                request, etag=response.get("ETag"), last_modified=last_modified, response=response
            )
        return response


class CompressionMiddleware(GZipMiddleware):
    """Brotli (about a sixth smaller than gzip for our HTML) for clients that accept it, gzip otherwise."""

    def process_response(self, request, response):
        accepts = request.META.get("HTTP_ACCEPT_ENCODING", "")
        if (
            response.streaming
            or not BROTLI_RE.search(accepts)
            or response.has_header("Content-Encoding")
            or len(response.content) < 200
        ):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        if response.has_header("ETag") and response["ETag"].startswith('"'):
            response["ETag"] = "W/" + response["ETag"]  # another byte sequence than the one it named
        response["Content-Encoding"] = "br"
        return response


@functools.cache
def _favicon_bytes() -> bytes:
    from django.contrib.staticfiles.storage import staticfiles_storage

    try:
        with staticfiles_storage.open(FAVICON) as handle:
            return handle.read()
    except (FileNotFoundError, OSError, ValueError):
        with open(finders.find(FAVICON), "rb") as handle:
            return handle.read()


@require_safe
def favicon(request):
    """The site's SVG icon at the address browsers, feed readers and bots try first: no 404, no redirect."""
    response = HttpResponse(_favicon_bytes(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


class NoBodyForHead:
    """WSGI wrapper: a HEAD response goes out with the headers of the GET and no body.

    gunicorn 23 sends whatever body the application returns, also for HEAD; a client on a keep-alive
    connection then reads that body as the start of the next response. Django's test client removes the
    body itself, so only a raw socket shows it (tests/security/test_wire.py). Content-Length stays: it
    is the length the GET would have (RFC 9110, 9.3.2).
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        body = self.application(environ, start_response)
        if environ.get("REQUEST_METHOD") != "HEAD":
            return body
        close = getattr(body, "close", None)
        if close is not None:
            close()  # request_finished, file handles of static files
        return []
