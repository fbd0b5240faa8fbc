"""`check --deploy`: production needs a real public SITE_URL, else mails, sitemap and canonical say localhost."""

from django.conf import settings
from django.core import checks

from core import site_url


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
