from django.db import DatabaseError, InterfaceError, OperationalError, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string


def service_unavailable_response() -> HttpResponse:
    """A static German 503 page: it renders without touching the database."""
    response = HttpResponse(render_to_string("503.html"), status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response


def is_database_outage(exception) -> bool:
    return isinstance(exception, (OperationalError, InterfaceError)) or (
        isinstance(exception, DatabaseError) and "connect" in str(exception).lower()
    )


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection into a friendly 503 instead of a 500 with a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return service_unavailable_response()
        return None


class AtomicAdminWritesMiddleware:
    """Every admin POST (publish, move, bulk action) commits whole or not at all.

    Wagtail's publish writes the page, its revision and the log in several statements without a
    transaction of its own; a failure half-way would leave the live page half-published. Not
    ATOMIC_REQUESTS for the whole site: on SQLite every request would then take the write lock.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or not request.path_info.startswith("/admin/"):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response

