"""/healthz for load balancers and the container's HEALTHCHECK: 200 when the database answers, 503 when not."""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe  # load balancers often probe with HEAD
def healthz(request):
    """For the load balancer: 200 when the database answers, 503 when it does not."""
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    else:
        response = HttpResponse("ok\n", content_type="text/plain")
    # Answered before CommonMiddleware (HealthCheckMiddleware below), which would set it.
    response["Content-Length"] = str(len(response.content))
    return response


HEALTH_CHECK_PATH = "/healthz"


class HealthCheckMiddleware:
    """/healthz is answered here, before CommonMiddleware checks the Host header.

    Load balancers and orchestrators probe an instance by its address (Host: 10.0.0.7:8000), which is not
    in ALLOWED_HOSTS and would get a 400 forever. The answer says only "ok" or "database unavailable"
    and builds no URL from the Host, so it needs no host check. Placed after the header middleware, so the
    probe's answer still carries the security headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_CHECK_PATH:
            return healthz(request)
        return self.get_response(request)
