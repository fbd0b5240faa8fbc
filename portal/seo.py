"""What search engines and link previews read: canonical URL, Open Graph, Twitter card, JSON-LD.

Pages may add their own structured data with a method `get_structured_data(request) -> dict | list`.
Pages that answer several URLs (RoutablePageMixin) name the one being served with
`get_canonical_url(request) -> str`, `get_seo_title(request) -> str` and `get_seo_description(request) -> str`;
an empty answer falls back to the page's own URL, title and description.
Article-like pages (a `structured_data_type = "Article"` attribute, or a class name containing "Article")
get an `Article` object built from their title, teaser and publication dates without any code of their own.
"""

import json

from django.templatetags.static import static
from wagtail.models import Site

ORGANIZATION_NAME = "Stark im Amt"
ORGANIZATION_DESCRIPTION = (
    "Portal für kommunale Amts- und Mandatsträgerinnen und -träger, die angefeindet, bedroht oder angegriffen "
    "werden. Ein gemeinsames Angebot von Deutschem Städtetag, Deutschem Landkreistag und Deutschem Städte- und "
    "Gemeindebund mit der Körber-Stiftung."
)
DEFAULT_IMAGE = "img/og-default.png"
DEFAULT_IMAGE_SIZE = (1200, 630)
DEFAULT_IMAGE_ALT = "Stark im Amt – Hilfe für kommunale Amts- und Mandatsträgerinnen und -träger"

# The characters that could end a <script> element or open an HTML comment, escaped inside JSON strings
# (the same table Django's json_script uses).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data) -> str:
    """JSON for a <script type="application/ld+json"> element: no "</script>" can break out of it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_SCRIPT_ESCAPES)


def absolute(request, url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url) if request is not None else url


def _page_hook(page, name: str, request) -> str:
    hook = getattr(page, name, None)
    return (hook(request) or "") if callable(hook) else ""


def canonical_url(page, request) -> str:
    routed = _page_hook(page, "get_canonical_url", request)
    if routed:
        return absolute(request, routed)
    if page is not None and hasattr(page, "get_full_url"):
        url = page.get_full_url(request)
        if url:
            return url
    return request.build_absolute_uri(request.path) if request is not None else ""


def site_root_url(request) -> str:
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        # The site's root page is its home page at "/": no query for the page itself.
        return site.root_url.rstrip("/") + "/"
    return absolute(request, "/")


def organization_data(request) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": ORGANIZATION_NAME,
        "url": site_root_url(request),
        "logo": absolute(request, static(DEFAULT_IMAGE)),
        "description": ORGANIZATION_DESCRIPTION,
    }


def is_article(page) -> bool:
    return getattr(page, "structured_data_type", "") == "Article" or "Article" in type(page).__name__


def article_data(page, request, image_url: str, canonical: str | None = None) -> dict:
    canonical = canonical if canonical is not None else canonical_url(page, request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": (page.seo_title or page.title)[:110],
        "url": canonical,
        "inLanguage": "de",
        "image": [image_url],
        "publisher": {"@type": "Organization", "name": ORGANIZATION_NAME, "url": site_root_url(request)},
        "mainEntityOfPage": canonical,
    }
    description = getattr(page, "meta_description", "") or getattr(page, "search_description", "")
    if description:
        data["description"] = description
    published = getattr(page, "first_published_at", None)
    if published:
        data["datePublished"] = published.isoformat()
    modified = getattr(page, "last_published_at", None)
    if modified:
        data["dateModified"] = modified.isoformat()
    author = getattr(page, "author_name", "")
    data["author"] = (
        {"@type": "Person", "name": str(author)} if author else {"@type": "Organization", "name": ORGANIZATION_NAME}
    )
    return data


def structured_data(page, request, image_url: str, canonical: str | None = None) -> list[dict]:
    items = [organization_data(request)]
    if page is None:
        return items
    custom = getattr(page, "get_structured_data", None)
    if callable(custom):
        extra = custom(request)
        if isinstance(extra, dict):
            items.append(extra)
        elif extra:
            items.extend(extra)
    elif is_article(page):
        items.append(article_data(page, request, image_url, canonical))
    return items


def seo_context(page, request) -> dict:
    """Everything templates/components/seo_meta.html needs."""
    image_url = absolute(request, static(DEFAULT_IMAGE))
    title = ""
    description = ""
    if page is not None:
        title = (
            _page_hook(page, "get_seo_title", request) or getattr(page, "seo_title", "") or getattr(page, "title", "")
        )
        description = (
            _page_hook(page, "get_seo_description", request)
            or getattr(page, "meta_description", "")
            or getattr(page, "search_description", "")
        )
    canonical = canonical_url(page, request)  # a page URL costs a reverse(): worked out once
    return {
        "canonical": canonical,
        "og_type": "article" if page is not None and is_article(page) else "website",
        "og_title": title or ORGANIZATION_NAME,
        "og_description": description or ORGANIZATION_DESCRIPTION,
        "og_image": image_url,
        "og_image_width": DEFAULT_IMAGE_SIZE[0],
        "og_image_height": DEFAULT_IMAGE_SIZE[1],
        "og_image_alt": DEFAULT_IMAGE_ALT,
        "site_name": ORGANIZATION_NAME,
        "json_ld": [json_ld(item) for item in structured_data(page, request, image_url, canonical)],
    }
