"""System checks for `check --deploy`: settings that contradict each other, and a production Site whose
public address would be localhost (mails, sitemap and canonical would say so)."""

import os

from django.conf import settings
from django.core import checks

from core import site_url


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


@checks.register(checks.Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    # Only the setting: no database query here (checks run before migrate).
    value = getattr(settings, "SITE_URL", "")
    if not value:
        return [checks.Error("SITE_URL fehlt.", hint="SITE_URL=https://stark-im-amt.example setzen.",
                             id="core.E001")]
    parsed = site_url.parse(value)
    if parsed is None:
        return [checks.Error(f"SITE_URL ist keine http(s)-Adresse: {value!r}", id="core.E002")]
    if site_url.is_local(parsed[0]):
        return [checks.Error(f"SITE_URL zeigt auf diesen Rechner: {value!r}",
                             hint="Die öffentliche Adresse des Portals eintragen.", id="core.E003")]
    return []
