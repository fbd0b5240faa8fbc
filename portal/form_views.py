"""The POST endpoint of editor-built forms, so that anonymous visitors never get a CSRF cookie.

Django's CSRF protection needs a cookie, and a visitor who only reads must not get one. Forms therefore
post here instead of to the page URL, and this view checks where the request comes from the way modern
browsers allow: `Sec-Fetch-Site`, when sent, must be "same-origin" (or "none": typed or bookmarked) and
`Origin`, when sent, must be this site, scheme included. "same-site" is refused too: another host of the
same registrable domain (a partner's subdomain, an old http:// host) is not this site.
A forged cross-site post can only send feedback in someone else's name, which the check still stops in
every current browser.
"""

from urllib.parse import urlsplit

from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

from portal.models.forms import FORM_MAX_BODY_BYTES, FormPage

TOO_LARGE = (
    "Ihre Nachricht ist zu lang und wurde nicht angenommen. Bitte kürzen Sie den Text und senden Sie das "
    "Formular noch einmal."
)
NO_FILES = "Dieses Formular nimmt keine Dateien an. Bitte senden Sie es ohne Anhang."
FORBIDDEN = "Das Formular wurde von einer anderen Website aus gesendet und deshalb nicht angenommen."


ALLOWED_FETCH_SITES = {"", "same-origin", "none"}


def same_origin(request) -> bool:
    if request.META.get("HTTP_SEC_FETCH_SITE", "") not in ALLOWED_FETCH_SITES:
        return False
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return True  # old browsers and non-browser clients; the rate limit and honeypot still apply
    sent = urlsplit(origin)
    return sent.scheme == request.scheme and sent.netloc == request.get_host()


@csrf_exempt
def submit_form(request, page_id: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not same_origin(request):
        return HttpResponseForbidden(FORBIDDEN, content_type="text/plain; charset=utf-8")
    # Refused before the body is read: no form needs more (Content-Length; Django enforces it while reading).
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > FORM_MAX_BODY_BYTES:
        return HttpResponse(TOO_LARGE, status=413, content_type="text/plain; charset=utf-8")
    if request.FILES:  # parsed only now, within the limit above
        return HttpResponse(NO_FILES, status=400, content_type="text/plain; charset=utf-8")
    page = FormPage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404("Dieses Formular gibt es nicht (mehr).")
    request.is_preview = False
    return page.serve(request)
