"""The contact finder: a GET form (Land, situation, kind), the query behind it, and the page it renders.

Everything is server-rendered; the URL carries the whole choice so it can be shared or bookmarked.
"""

from dataclasses import dataclass, field

from django import forms
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode

from contacts.vcard import has_vcard

from .records import Bundesland, Contact, ContactKind, Situation


class FinderForm(forms.Form):
    land = forms.ChoiceField(label="Bundesland", required=False)
    situation = forms.ChoiceField(label="Was ist passiert?", required=False)
    kind = forms.ChoiceField(label="Art der Stelle", required=False)

    def __init__(self, *args, laender, situations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["land"].choices = [("", "Bitte wählen")] + [(land.slug, land.name) for land in laender]
        self.fields["situation"].choices = [("", "Alle Situationen")] + [(s.slug, s.name) for s in situations]
        self.fields["kind"].choices = [("", "Alle Arten"), *ContactKind.choices]
        for name, message in (
            ("land", "Dieses Bundesland kennen wir nicht. Bitte wählen Sie eines aus der Liste."),
            ("situation", "Diese Situation kennen wir nicht. Bitte wählen Sie eine aus der Liste."),
            ("kind", "Diese Art von Stelle kennen wir nicht. Bitte wählen Sie eine aus der Liste."),
        ):
            self.fields[name].error_messages["invalid_choice"] = message


@dataclass
class KindGroup:
    kind: str
    label: str
    contacts: list = field(default_factory=list)


def find_contacts(land: Bundesland | None, situation: Situation | None = None, kind: str = ""):
    """Published contacts for `land` (and always the nationwide ones), optionally narrowed down."""
    queryset = Contact.objects.published()
    if land is None:
        queryset = queryset.filter(nationwide=True)
    else:
        # A subquery, not a join: a contact listed for several Länder must not appear twice.
        regional_ids = Contact.bundeslaender.through.objects.filter(bundesland=land).values("contact_id")
        queryset = queryset.filter(nationwide=True) | queryset.filter(pk__in=regional_ids)
    if situation is not None:
        queryset = queryset.filter(
            pk__in=Contact.situations.through.objects.filter(situation=situation).values("contact_id")
        )
    if kind:
        queryset = queryset.filter(kind=kind)
    # Only what the contact card shows (phones, Länder): the situations were filtered above, not displayed.
    return queryset.prefetch_related("phone_numbers", "bundeslaender").order_by("nationwide", "name")


def group_by_kind(contacts) -> list[KindGroup]:
    """Groups in the order of ContactKind; within a group the Land's own contacts before nationwide ones."""
    groups = {value: KindGroup(value, label) for value, label in ContactKind.choices}
    for contact in contacts:
        groups[contact.kind].contacts.append(contact)
    return [group for group in groups.values() if group.contacts]


def land_first(contacts) -> list:
    """The Land's own contacts first (by name), then the nationwide ones in the order of ContactKind: the
    order of the Land page and of its "Alle Nummern speichern" file."""
    kind_order = {value: index for index, value in enumerate(ContactKind.values)}
    contacts = list(contacts)
    regional = [c for c in contacts if not c.nationwide]
    nationwide = sorted((c for c in contacts if c.nationwide), key=lambda c: (kind_order.get(c.kind, 99), c.name))
    return regional + nationwide


def serve_finder(page, request, land_slug: str | None):
    laender = list(Bundesland.objects.all())
    situations = list(Situation.objects.all())
    by_slug = {land.slug: land for land in laender}

    if land_slug is not None and land_slug not in by_slug:
        raise Http404("Dieses Bundesland gibt es nicht.")

    data = request.GET.copy()
    if land_slug is not None:
        # The clean URL decides the Land; a different ?land= from the form moves to that Land's URL.
        requested = data.get("land")
        if requested and requested != land_slug and requested in by_slug:
            return _redirect_to_land(page, by_slug[requested], data)
        data["land"] = land_slug
    elif data.get("land") in by_slug:
        # The GET form submits to the finder's own URL; send it on to the shareable clean URL.
        return _redirect_to_land(page, by_slug[data["land"]], data)

    form = FinderForm(data, laender=laender, situations=situations)
    valid = form.is_valid()
    cleaned = form.cleaned_data if valid else {}
    land = by_slug.get(land_slug) if land_slug else None
    situation = next((s for s in situations if s.slug == cleaned.get("situation")), None)
    kind = cleaned.get("kind", "")

    request.finder_land = land  # for the page's SEO hooks (canonical URL, title)
    contacts = list(find_contacts(land, situation, kind))
    regional = [c for c in contacts if not c.nationwide]
    nationwide = [c for c in contacts if c.nationwide]
    chosen = {"situation": situation.slug if situation else "", "kind": kind}
    query = urlencode({key: value for key, value in chosen.items() if value})
    vcard_url = ""
    if land is not None and any(has_vcard(c) for c in contacts):
        vcard_url = reverse("contacts:land_vcards", kwargs={"land": land.slug}) + (f"?{query}" if query else "")
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "laender": [(item, page.land_url(item)) for item in laender],
            "land": land,
            "situation": situation,
            "kind_label": ContactKind(kind).label if kind else "",
            "filtered": bool(situation or kind),
            "groups": group_by_kind(contacts),
            # On a Land URL: the Land's own contacts, then the nationwide ones grouped by kind.
            "regional": regional,
            "nationwide_groups": group_by_kind(nationwide),
            "land_title": page.land_title(land) if land else "",
            "land_description": page.get_seo_description(request) if land else "",
            "vcard_url": vcard_url,
            "contact_count": len(contacts),
            "regional_count": len(regional),
            "nationwide_count": len(contacts) - len(regional),
            "reset_url": page.land_url(land) if land else page.url,
        }
    )
    response = TemplateResponse(request, page.get_template(request), context, status=200 if valid else 400)
    return response


def _redirect_to_land(page, land: Bundesland, data):
    params = {key: data.get(key) for key in ("situation", "kind") if data.get(key)}
    url = page.land_url(land)
    return redirect(f"{url}?{urlencode(params)}" if params else url)
