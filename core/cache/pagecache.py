"""The page cache: anonymous GET/HEAD requests for pages answered from the cache.

Never cached: requests that carry any cookie (a session, a CSRF token, anything else) or an Authorization
header, the admin, documents, non-200 responses, responses that set a cookie, used a CSRF token or a CSP
nonce, or say private/no-store/no-cache. Pages are stored under the content generation (see
`generation`), so a change anywhere makes every stored page stale in every process.

Every query string is a URL of its own. So that a flood of made-up ones (`/?x=1`, `/?x=2`, …) cannot fill
the cache and push out the pages everyone reads, one path keeps at most PAGE_CACHE_MAX_VARIANTS copies
with a query string per generation and cache lifetime; beyond that such URLs are rendered, not stored.
The Redis instance itself must evict (`maxmemory-policy allkeys-lru`, docs/operations.md).
"""

import hashlib
import pickle

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.cache import cc_delim_re, get_max_age, has_vary_header, patch_cache_control

from . import generation as gen

NEVER_CACHED_PREFIXES = ("/admin/", "/django-admin/", "/dokumente/", "/healthz", "/media/", "/static/")
UNCACHEABLE_CONTROLS = ("private", "no-store", "no-cache")

local_pages = gen.LocalCopies()


def _digest(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _header_key(url_digest: str) -> str:
    # The request headers a URL's response varies on, kept across generations: they only pick the key, so
    # a stale list can only cause a miss, never a wrong page.
    return f"page.headers.{url_digest}"


def _page_key(request, url_digest: str, headerlist: list[str], generation: int) -> str:
    varying = "|".join(f"{header}={request.META.get(header, '')}" for header in headerlist)
    return f"page.{generation}.{url_digest}.{_digest(varying)}"


def _variants_key(request, generation: int) -> str:
    return f"page.variants.{generation}.{_digest(request.build_absolute_uri(request.path))}"


def _may_store_another_variant(request, cache, generation: int) -> bool:
    """Whether this path may keep one more copy with a query string (counted in the shared cache)."""
    if not request.META.get("QUERY_STRING"):
        return True
    key = _variants_key(request, generation)
    cache.add(key, 0, settings.PAGE_CACHE_SECONDS)
    try:
        stored = cache.incr(key)
    except ValueError:  # the counter expired between add and incr
        return True
    # None: Redis did not answer (django-redis IGNORE_EXCEPTIONS); the write would be dropped as well.
    return stored is None or stored <= getattr(settings, "PAGE_CACHE_MAX_VARIANTS", 200)


def _vary_headerlist(response) -> list[str]:
    return sorted(
        "HTTP_" + header.strip().upper().replace("-", "_")
        for header in cc_delim_re.split(response.get("Vary", ""))
        if header.strip()
    )


class PageCacheMiddleware:
    """Serve anonymous page views from the cache; see the module docstring for what is never cached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        scope = gen.open_request_scope()
        try:
            return self.respond(request)
        finally:
            gen.close_request_scope(scope)

    def respond(self, request):
        if not getattr(settings, "PAGE_CACHE_ENABLED", False) or not self.request_is_cacheable(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header("Cache-Control"):
                # A signed-in editor's view (with the userbar) must not land in a shared cache either.
                patch_cache_control(response, private=True)
            return response
        try:
            url_digest = _digest(request.build_absolute_uri())
        except DisallowedHost:
            return self.get_response(request)  # the host check further down answers 400
        if gen.cache_unreachable():  # shared cache down: render as if there were none
            return self.get_response(request)

        cache = gen.page_cache()
        header_key = _header_key(url_digest)
        if gen.generation_in_database():
            generation, headerlist = gen.current_generation(), cache.get(header_key)
        else:
            # One round trip for the generation and the URL's Vary headers.
            found = cache.get_many([gen.GENERATION_KEY, header_key])
            generation, headerlist = found.get(gen.GENERATION_KEY) or gen.current_generation(), found.get(header_key)
        if generation is None:
            return self.get_response(request)
        gen.remember_for_request(generation)

        if headerlist is not None:
            key = _page_key(request, url_digest, headerlist, generation)
            cached = local_pages.get(key) or cache.get(key)
            if cached is not None:
                local_pages.put(key, cached)
                response = pickle.loads(cached)  # noqa: S301 (written by this middleware only)
                response["X-Cache"] = "hit"
                return response

        response = self.get_response(request)
        if request.method == "GET" and self.response_is_cacheable(request, response):
            self.store(request, response, cache, url_digest, header_key, generation)
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def store(request, response, cache, url_digest, header_key, generation) -> None:
        shared_max_age = getattr(settings, "PAGE_CACHE_SHARED_MAX_AGE", 0)
        if getattr(response, "shared_cache_exempt", False):
            patch_cache_control(response, private=True)  # only this cache: the view must see each request
        elif shared_max_age:
            # A CDN or proxy may keep it too; Wagtail's frontend-cache purge clears it on changes.
            patch_cache_control(response, public=True, max_age=0, s_maxage=shared_max_age)
        if not _may_store_another_variant(request, cache, generation):
            return
        headerlist = _vary_headerlist(response)
        key = _page_key(request, url_digest, headerlist, generation)
        stored = pickle.dumps(response, pickle.HIGHEST_PROTOCOL)
        cache.set_many({header_key: headerlist, key: stored}, settings.PAGE_CACHE_SECONDS)
        local_pages.put(key, stored)

    @staticmethod
    def request_is_cacheable(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and not request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path_info.startswith(NEVER_CACHED_PREFIXES)
            and len(request.get_full_path()) <= getattr(settings, "PAGE_CACHE_MAX_URL_LENGTH", 1000)
        )

    @staticmethod
    def response_is_cacheable(request, response) -> bool:
        if response.status_code != 200 or response.streaming or getattr(response, "page_cache_exempt", False):
            return False
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # a Set-Cookie or a CSRF token in a form belongs to one visitor only
        if isinstance(getattr(request, "_csp_nonce", None), str):
            return False  # the nonce in the page must match the header of this response only
        if getattr(request, "is_preview", False) or has_vary_header(response, "*"):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in UNCACHEABLE_CONTROLS) or get_max_age(response) == 0:
            return False
        return len(response.content) <= getattr(settings, "PAGE_CACHE_MAX_BYTES", 1024 * 1024)
