import sys

from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from core.middleware import is_database_outage, service_unavailable_response


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page must render even when the database is the reason for the error."""
    if is_database_outage(sys.exc_info()[1]):
        # Raised in a middleware (session, 2FA gate), where process_exception cannot catch it.
        return service_unavailable_response()
    return HttpResponseServerError(render_to_string("500.html"), content_type="text/html; charset=utf-8")


def page_not_found(request, exception=None):
    """The full layout (menu, search, emergency numbers from the settings); the static one without a database."""
    try:
        html = render_to_string("404.html", request=request)
    except DatabaseError:
        html = render_to_string("404_static.html")
    return HttpResponse(html, status=404, content_type="text/html; charset=utf-8")
