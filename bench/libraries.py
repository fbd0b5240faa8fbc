"""`make bench-libraries`: the portal's own small writers next to the libraries issue 12 names, on the
same input, each with its time per item and whether the output says the same thing.

- iCalendar (magazine/ical.py, core/textformats.py) against icalendar;
- vCard 3.0 (contacts/vcard.py) against vobject;
- the Permissions-Policy header: the constant core/security.py set before against django-permissions-policy
  (adopted: no slower, and it refuses unknown feature names);
- `{% sitewide_cache %}` against Wagtail's `{% wagtailcache %}` (a cache hit, which is what nearly every
  render pays), within one request as a page render has it. Here the cache is the test settings'
  local memory; with Redis every `{% wagtailcache %}` hit is a network round trip besides, while
  `{% sitewide_cache %}` answers from the process's copy for the current generation.

Not a test and not run in CI. Needs the packages of the `bench-libraries` extra, which the make target
installs, and Redis for the fragment row (REDIS_URL, default the local server's database 15). Prints one
table; the choices made from it are in docs/architecture.md.
"""

import datetime
import os
import sys
import timeit
from types import SimpleNamespace

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "starkimamt.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.template import Context, Template  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.utils import timezone  # noqa: E402

EVENTS = 50
CONTACTS = 50
TEASER = (
    "Wie Kommunalpolitikerinnen und Kommunalpolitiker Beweise sichern, Anzeige erstatten und sich schützen; "
    "mit Fragen, Antworten, Beispielen und Übungen für den Ernstfall – ein Abend für Räte, Ämter, Initiativen."
)


def best(function, number) -> float:
    """Microseconds per call, best of five rounds (the least disturbed by the rest of the machine)."""
    return min(timeit.repeat(function, number=number, repeat=5)) / number * 1e6


class FakeEvent(SimpleNamespace):
    def get_url(self, request):
        return f"/aktuelles/deutscher-staedtetag/termin-{self.pk}/"


def events():
    start = timezone.make_aware(datetime.datetime(2027, 3, 1, 18, 0))
    return [
        FakeEvent(
            pk=pk,
            title=f"Sicher im Amt, Abend {pk}: Hass, Hetze, Drohungen; was hilft?",
            teaser=TEASER,
            organiser="Deutscher Städtetag",
            location="Rathaus Köln, Ratssaal",
            is_online=pk % 2 == 0,
            start=start + datetime.timedelta(days=pk),
            end=start + datetime.timedelta(days=pk, hours=2),
            last_published_at=start,
        )
        for pk in range(1, EVENTS + 1)
    ]


def icalendar_calendar(items, request) -> bytes:
    import icalendar

    calendar = icalendar.Calendar()
    for name, value in (
        ("VERSION", "2.0"),
        ("PRODID", "-//Stark im Amt//Termine//DE"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", "Stark im Amt – Termine"),
    ):
        calendar.add(name, value)
    host = request.get_host().split(":")[0]
    for event in items:
        url = request.build_absolute_uri(event.get_url(request))
        location = f"{event.location} und online" if event.is_online and event.location else event.location
        entry = icalendar.Event()
        entry.add("UID", f"termin-{event.pk}@{host}")
        entry.add("DTSTAMP", event.last_published_at)
        entry.add("DTSTART", event.start.astimezone(datetime.UTC))
        entry.add("DTEND", event.end.astimezone(datetime.UTC))
        entry.add("SUMMARY", event.title)
        entry.add("DESCRIPTION", "\n\n".join((event.teaser, f"Veranstalter: {event.organiser}", url)))
        entry.add("URL", url)
        if location:
            entry.add("LOCATION", location)
        calendar.add_component(entry)
    return calendar.to_ical()


def calendar_row(request):
    import icalendar

    from magazine.ical import calendar

    items = events()
    own = calendar(items, request)
    library = icalendar_calendar(items, request)

    def texts(data):
        parsed = icalendar.Calendar.from_ical(data)
        return [
            (str(e["SUMMARY"]), str(e["DESCRIPTION"]), str(e.get("LOCATION", "")), e["DTSTART"].dt)
            for e in parsed.walk("VEVENT")
        ]

    same = texts(own.encode()) == texts(library)
    return (
        f"Kalender, {EVENTS} Termine",
        best(lambda: calendar(items, request), 20) / EVENTS,
        best(lambda: icalendar_calendar(items, request), 20) / EVENTS,
        "gleich" if same else "VERSCHIEDEN",
        over_75_octets(own) + over_75_octets(library.decode()),
    )


class Phones(list):
    def all(self):
        return self


def contacts():
    return [
        SimpleNamespace(
            key=f"beratung-{pk}",
            name=f"Beratungsstelle für Betroffene rechter Gewalt, Außenstelle {pk}",
            email=f"kontakt{pk}@beispiel.example",
            website=f"https://beispiel.example/stelle-{pk}/",
            postal_address=f"Marktstraße {pk}\n01067 Dresden",
            description="Beratung für Betroffene, vertraulich und kostenlos. Auf Wunsch anonym.",
            availability="Mo–Fr 9–16 Uhr",
            phone_numbers=Phones(
                [
                    SimpleNamespace(label="Beratung", number=f"0351 000 {pk:02d} 00", hours="Mo–Fr 9–16 Uhr"),
                    SimpleNamespace(label="", number="0800 111 0 111", hours=""),
                ]
            ),
        )
        for pk in range(1, CONTACTS + 1)
    ]


def vobject_card(contact) -> str:
    import vobject

    from contacts.vcard import international_number, note_text

    card = vobject.vCard()
    card.add("fn").value = contact.name
    card.add("n").value = vobject.vcard.Name(family=contact.name)
    card.add("org").value = [contact.name]
    card.add("uid").value = f"urn:stark-im-amt:kontakt:{contact.key}"
    card.add("x-abshowas").value = "COMPANY"
    card.add("categories").value = ["Stark im Amt"]
    for position, phone in enumerate(contact.phone_numbers.all(), start=1):
        tel = card.add("tel")
        tel.value = international_number(phone.number)
        tel.type_param = ["voice", "work"]
        if phone.label:
            tel.group = f"item{position}"
            label = card.add("x-ablabel")
            label.group = f"item{position}"
            label.value = phone.label
    email = card.add("email")
    email.value, email.type_param = contact.email, ["internet", "work"]
    card.add("url").value = contact.website
    street, place = contact.postal_address.split("\n")
    postcode, city = place.split(" ", 1)
    adr = card.add("adr")
    adr.value = vobject.vcard.Address(street=street, city=city, code=postcode, country="Deutschland")
    adr.type_param = ["work"]
    card.add("note").value = note_text(contact)
    return card.serialize()


def vcard_row():
    import vobject

    from contacts.vcard import vcard_for

    items = contacts()
    own = "".join(vcard_for(contact) for contact in items)
    library = "".join(vobject_card(contact) for contact in items)

    def texts(data):
        return [
            (card.fn.value, card.note.value, sorted(tel.value for tel in card.contents["tel"]))
            for card in vobject.readComponents(data)
        ]

    same = texts(own) == texts(library)
    return (
        f"vCards, {CONTACTS} Kontakte",
        best(lambda: [vcard_for(contact) for contact in items], 20) / CONTACTS,
        best(lambda: [vobject_card(contact) for contact in items], 20) / CONTACTS,
        "gleich" if same else "VERSCHIEDEN",
        over_75_octets(own) + over_75_octets(library),
    )


def over_75_octets(text: str) -> int:
    return sum(1 for line in text.split("\r\n") if len(line.encode()) > 75)


def permissions_policy_row():
    from django_permissions_policy import PermissionsPolicyMiddleware

    # What core.security did before the library: one constant string, set by its headers middleware.
    constant = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)
    request = RequestFactory().get("/")

    def own(request):
        response = HttpResponse()
        response.setdefault("Permissions-Policy", constant)
        return response

    library = PermissionsPolicyMiddleware(lambda request: HttpResponse())
    same = own(request)["Permissions-Policy"] == library(request)["Permissions-Policy"]
    return (
        "Permissions-Policy je Antwort",
        best(lambda: own(request), 2000),
        best(lambda: library(request), 2000),
        "gleich" if same else f"VERSCHIEDEN: {library(request)['Permissions-Policy']}",
        0,
    )


def fragment_row(request):
    """Measured with Redis as in production (REDIS_URL, default a scratch database on the local server):
    with a per-process cache the generation lives in the database, which this bench does not set up."""
    from django.core.cache import caches
    from django.test import override_settings

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    redis = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url, "KEY_PREFIX": "bench-libraries"}
    with override_settings(CACHES={"default": redis}):
        from core.cache.generation import current_generation, open_request_scope, remember_for_request

        cache = caches["default"]
        try:
            cache.clear()
        except Exception as exc:  # noqa: BLE001
            return ("Fragment aus dem Cache (Redis)", 0.0, 0.0, f"übersprungen: {exc}", 0)
        own = Template(
            '{% load portal_tags %}{% sitewide_cache "bench" %}<p>Neueste Beiträge</p>{% endsitewide_cache %}'
        )
        # The generation as a vary-on key: without it {% wagtailcache %} would serve the old fragment after
        # a change until its timeout.
        library = Template(
            '{% load wagtail_cache %}{% wagtailcache 3600 "bench" generation %}<p>Neueste Beiträge</p>'
            "{% endwagtailcache %}"
        )
        # As in a request: the generation is read once (PageCacheMiddleware opens the scope).
        open_request_scope()
        generation = current_generation()
        assert generation is not None, "Redis antwortet nicht"
        remember_for_request(generation)

        def render_own():
            return own.render(Context({"request": request}))

        def render_library():
            return library.render(Context({"request": request, "generation": generation}))

        same = render_own() == render_library()
        row = (
            "Fragment aus dem Cache (Redis)",
            best(render_own, 2000),
            best(render_library, 2000),
            "gleich" if same else "VERSCHIEDEN",
            0,
        )
        cache.clear()
    return row


def main():
    request = RequestFactory().get("/aktuelles/", HTTP_HOST="localhost")
    rows = [calendar_row(request), vcard_row(), permissions_policy_row(), fragment_row(request)]
    print(f"{'Aufgabe':<32} {'eigen µs':>10} {'Bibliothek µs':>14} {'Faktor':>7}  Inhalt  Zeilen > 75 Oktette")
    for name, own, library, same, long_lines in rows:
        print(f"{name:<32} {own:>10.1f} {library:>14.1f} {library / own:>7.1f}  {same:<7} {long_lines}")
    return 0 if all(row[3] in ("gleich",) or row[3].startswith("übersprungen") for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
