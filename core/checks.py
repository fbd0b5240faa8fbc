"""System checks for settings that are each fine alone but contradict each other (`check --deploy`)."""

import os

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def check_proxy_settings(app_configs, **kwargs):
    """TRUSTED_PROXY_COUNT is the one proxy setting: client addresses and the scheme must both follow it.

    Without a proxy, whoever sends X-Forwarded-Proto must not be believed (Django's SECURE_PROXY_SSL_HEADER,
    gunicorn's FORWARDED_ALLOW_IPS read from the same environment). Behind one that sends no scheme header,
    the https redirect would loop forever.
    """
    errors = []
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    ssl_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if not isinstance(count, int) or count < 0:
        errors.append(
            checks.Error(
                f"TRUSTED_PROXY_COUNT={count!r} ist keine Anzahl von Proxys.",
                hint="0 ohne Proxy, 1 für nginx allein, 2 für ein CDN vor nginx.",
                id="starkimamt.E003",
            )
        )
        return errors
    if count == 0 and ssl_header:
        errors.append(
            checks.Error(
                "X-Forwarded-Proto wird geglaubt (SECURE_PROXY_SSL_HEADER, TRUST_PROXY_SSL_HEADER), obwohl kein "
                "Proxy eingetragen ist (TRUSTED_PROXY_COUNT=0): jeder Client könnte sich als https ausgeben.",
                hint="Hinter einem Proxy TRUSTED_PROXY_COUNT setzen, sonst TRUST_PROXY_SSL_HEADER entfernen.",
                id="starkimamt.E001",
            )
        )
    if count == 0 and os.environ.get("FORWARDED_ALLOW_IPS", "").strip():
        errors.append(
            checks.Error(
                "FORWARDED_ALLOW_IPS lässt gunicorn X-Forwarded-Proto glauben, obwohl kein Proxy eingetragen ist "
                "(TRUSTED_PROXY_COUNT=0).",
                hint="Hinter einem Proxy TRUSTED_PROXY_COUNT setzen, sonst FORWARDED_ALLOW_IPS entfernen.",
                id="starkimamt.E002",
            )
        )
    if count > 0 and not ssl_header and getattr(settings, "SECURE_SSL_REDIRECT", False):
        errors.append(
            checks.Error(
                "Hinter einem Proxy ohne X-Forwarded-Proto (TRUST_PROXY_SSL_HEADER=false) leitet "
                "SECURE_SSL_REDIRECT jede Anfrage endlos auf https um.",
                hint="Den Proxy X-Forwarded-Proto setzen lassen (deploy/nginx.conf) und TRUST_PROXY_SSL_HEADER "
                "entfernen, oder SECURE_SSL_REDIRECT=false, wenn der Proxy selbst auf https umleitet.",
                id="starkimamt.E004",
            )
        )
    return errors
