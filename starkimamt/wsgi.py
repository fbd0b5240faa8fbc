import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "starkimamt.settings.production")

from core.http import NoBodyForHead  # noqa: E402 (needs the settings module chosen)

application = NoBodyForHead(get_wsgi_application())
