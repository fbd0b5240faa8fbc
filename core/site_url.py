"""The public address from SITE_URL: parsed once, checked by `check --deploy`, applied by `apply_site_url`."""

from urllib.parse import urlsplit

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}  # noqa: S104  (a list of refused hosts, no binding)


def parse(site_url):
    """(hostname, port) of a SITE_URL, or None when it is not an http(s) address with a host."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def is_local(hostname):
    return hostname in LOCAL_HOSTS or hostname.endswith(".localhost")
