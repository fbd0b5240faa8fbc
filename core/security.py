"""The security layer: response headers, the admin's own CSP, client IPs for axes, and the 2FA gate.

Everything here applies to whatever pages exist, so new page types get the same protection without
any code of their own. docs/security.md explains the decisions; tests/security/ proves them.
"""

import contextvars
import ipaddress
import logging

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse

ADMIN_PREFIX = "/admin/"

logger = logging.getLogger(__name__)
_warned_unconfigured_proxy = False
# The request being answered, for templates that are rendered without it (Wagtail's widgets: csp_nonce tag).
_csp_request: contextvars.ContextVar = contextvars.ContextVar("csp_request", default=None)


def current_csp_request():
    return _csp_request.get()

# For responses that are not HTML pages (static files, documents, JSON) and carry no policy of their
# own: nothing may load, nothing may frame them, and a directly opened SVG runs no script.
STRICT_FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'; sandbox"


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set, on every response including static files."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY)
        # XFrameOptionsMiddleware sits inside; answers made before it (a bogus Host's 400) get it here.
        response.setdefault("X-Frame-Options", "DENY")
        if response.get("Content-Disposition", "").startswith("attachment"):
            # Uploaded documents: even if a browser renders one, it is sandboxed and cannot be framed.
            response["Content-Security-Policy"] = STRICT_FILE_CSP
        # Last line of defence: a response that got no policy further down gets the strictest one.
        response.setdefault("Content-Security-Policy", STRICT_FILE_CSP)
        return response


class PortalCSPMiddleware(CSPMiddleware):
    """Public pages get CONTENT_SECURITY_POLICY; the Wagtail admin gets ADMIN_CONTENT_SECURITY_POLICY.

    Both carry the request's nonce when a template used it: the public templates' own inline code, and in
    the admin Wagtail's inline scripts, which core.template_loaders gives the nonce. The admin policy
    differs in what inline styles and frames it allows.

    A preview (Wagtail renders the page through the middleware with a request for the public URL and
    `is_preview` set) keeps the public policy but may be framed by the admin's own origin: the live
    preview panel and the checks panel (word count, accessibility checks) show it in an iframe.
    """

    def process_request(self, request):
        super().process_request(request)
        request._csp_request_token = _csp_request.set(request)

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        finally:
            token = getattr(request, "_csp_request_token", None)
            if token is not None:
                try:
                    _csp_request.reset(token)
                except ValueError:  # set in another context (async); forget it there
                    _csp_request.set(None)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if getattr(request, "is_preview", False) and parts.config is None:
            replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
            return PolicyParts(config=parts.config, update=parts.update, replace=replace, nonce=parts.nonce)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            admin_policy = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            return PolicyParts(config=admin_policy, update=parts.update, replace=parts.replace, nonce=parts.nonce)
        return parts


def whitenoise_headers(headers, path, url):
    """WHITENOISE_ADD_HEADERS_FUNCTION: static files never become a document that can run code."""
    headers["Content-Security-Policy"] = STRICT_FILE_CSP
    headers["Cross-Origin-Resource-Policy"] = "same-origin"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY
    # Permissions-Policy: django_permissions_policy's middleware sits outside WhiteNoise and adds it.


def client_ip(request) -> str:
    """The address axes counts failures for.

    REMOTE_ADDR unless TRUSTED_PROXY_COUNT says that many proxies in front of us append to
    X-Forwarded-For; then the entry that the outermost trusted proxy saw. A client can prepend what it
    likes to the header, so we count from the right and never trust more entries than configured.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        if "HTTP_X_FORWARDED_FOR" in request.META:
            _warn_unconfigured_proxy()
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _warn_unconfigured_proxy() -> None:
    """Once per process: behind a proxy that is not counted, every visitor shares the proxy's address, so
    one of them could lock out all the others. A client may send the header itself, hence only a warning."""
    global _warned_unconfigured_proxy
    if not _warned_unconfigured_proxy:
        _warned_unconfigured_proxy = True
        logger.warning(
            "X-Forwarded-For received, but TRUSTED_PROXY_COUNT=0: behind a proxy all visitors share its address "
            "for lockouts and rate limits. Set TRUSTED_PROXY_COUNT (README, Konfiguration)."
        )


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a German 429 page that tells the person what to do."""
    body = render_to_string("security/lockout.html", {"cooloff_hours": _cooloff_hours()})
    response = HttpResponse(body, status=429, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(int(_cooloff_hours() * 3600))
    return response


def _cooloff_hours() -> float:
    cooloff = getattr(settings, "AXES_COOLOFF_TIME", 1)
    if hasattr(cooloff, "total_seconds"):
        return cooloff.total_seconds() / 3600
    return float(cooloff or 1)


# Admin paths a signed-in but not yet second-factor-verified user may still open. The 2FA pages themselves
# load the icon sprite and the translations: redirected, icons.js inserted the whole setup page into the
# sprite container, so the page held two forms and a code went into the hidden one.
TWO_FACTOR_OPEN_PATHS = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/2fa/",
    "/admin/jsi18n/",
    "/admin/sprite/",
)


def two_factor_pending(request) -> bool:
    """Signed in with the password but not yet with the second factor (while REQUIRE_ADMIN_2FA is on)."""
    user = getattr(request, "user", None)
    return bool(
        getattr(settings, "REQUIRE_ADMIN_2FA", False)
        and user is not None
        and user.is_authenticated
        and not (hasattr(user, "is_verified") and user.is_verified())
    )


class RequireAdminTwoFactorMiddleware:
    """With REQUIRE_ADMIN_2FA, a session that only knows the password cannot reach the admin.

    Needs django_otp.middleware.OTPMiddleware before it (it provides user.is_verified()).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            getattr(settings, "REQUIRE_ADMIN_2FA", False)
            and request.path_info.startswith(ADMIN_PREFIX)
            and not request.path_info.startswith(TWO_FACTOR_OPEN_PATHS)
            and two_factor_pending(request)
        ):
            from core.two_factor import has_confirmed_device

            target = "two_factor_verify" if has_confirmed_device(request.user) else "two_factor_setup"
            return redirect(reverse(target))
        return self.get_response(request)
