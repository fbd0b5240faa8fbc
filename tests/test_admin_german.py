"""The admin in German for every role: each page a role can open is walked, and none may show an English
Wagtail string or a known bad translation that core/locale/de corrects (issue 19)."""

import gettext
import html
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Site

from contacts.models import Contact
from contacts.suggestion_admin import suggestion_viewset
from contacts.wagtail_hooks import contact_viewset
from magazine.editorial import APPROVERS, PARTNER_EDITORS, SITE_ADMINS
from portal.models import EmergencySettings

LOCALE = Path(__file__).resolve().parent.parent / "core" / "locale" / "de" / "LC_MESSAGES"

# What an editor reported seeing, or what Wagtail's catalogue would show, in place of German.
LEFTOVERS = [
    "Go-Live",
    "Go live",
    "Kommentarbenachichtigungen",
    "Seite-Objekt",
    "Objekt wartet",
    "Reviewer",
    "a minute ago",
    "minutes ago",
    "Site name",
    "Root page",
    '"label": "Image"',
    ">Home<",
]


def leftovers(body: str) -> list[str]:
    text = html.unescape(body)
    return [word for word in LEFTOVERS if word in text]


def admin_pages_of(client, urls) -> dict[str, list[str]]:
    found = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        words = leftovers(response.content.decode())
        if words:
            found[url] = words
    return found


def user_in(*groups, superuser=False):
    model = get_user_model()
    name = "chefin" if superuser else re.sub(r"\W", "", groups[0].lower())[:30]
    if superuser:
        return model.objects.create_superuser(name, f"{name}@example.org", "pw")
    user = model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def page_of(type_name: str) -> Page:
    return next(p for p in Page.objects.live().specific() if type(p).__name__ == type_name)


@pytest.fixture
def admin_urls(demo_content):
    article, guidance, lotse = page_of("ArticlePage"), page_of("GuidancePage"), page_of("LotsePage")
    contact = Contact.objects.order_by("pk").first()
    contacts = [
        reverse(contact_viewset.get_url_name("list")),
        reverse(contact_viewset.get_url_name("edit"), args=[contact.pk]),
        reverse(contact_viewset.get_url_name("review")),
        reverse(contact_viewset.get_url_name("import")),
        reverse(suggestion_viewset.get_url_name("index")),
        reverse(contact_viewset.chooser_viewset.get_url_name("choose")),
    ]
    common = [reverse("wagtailadmin_home"), reverse("wagtailadmin_account")]
    return {
        "site_admin": common
        + [
            reverse("wagtailadmin_explore", args=[article.get_parent().pk]),
            reverse("wagtailadmin_pages:edit", args=[article.pk]),
            reverse("wagtailadmin_pages:edit", args=[guidance.pk]),
            reverse("wagtailadmin_pages:edit", args=[lotse.pk]),
            reverse("wagtailadmin_pages:history", args=[article.pk]),
            reverse("wagtailsites:index"),
            reverse("wagtailsites:edit", args=[Site.objects.get(is_default_site=True).pk]),
            reverse("wagtailimages:index"),
            reverse("wagtaildocs:index"),
            reverse("wagtailadmin_workflows:index"),
            reverse("wagtailadmin_reports:locked_pages"),
            reverse("wagtailadmin_reports:site_history"),
            reverse("portal_content_review"),
            reverse("portal_emergency_history", args=[EmergencySettings.objects.get().pk]),
            *contacts,
        ],
        "editor": common
        + [
            reverse("wagtailadmin_pages:edit", args=[article.pk]),
            reverse("wagtailadmin_explore", args=[article.get_parent().pk]),
        ],
        "approver": common + [reverse("wagtailadmin_pages:edit", args=[article.pk])],
        "contact_staff": common + contacts,
    }


@pytest.mark.django_db
def test_every_role_sees_the_admin_in_german(client, admin_urls):
    users = {
        "site_admin": user_in(SITE_ADMINS, superuser=True),
        "editor": user_in(PARTNER_EDITORS[0].group),
        "approver": user_in(APPROVERS),
        "contact_staff": user_in("Kontaktpflege"),
    }
    found = {}
    for role, user in users.items():
        client.force_login(user)
        for url, words in admin_pages_of(client, admin_urls[role]).items():
            found[f"{role} {url}"] = words
        client.logout()
    client.force_login(users["editor"])
    editor_page = html.unescape(client.get(admin_urls["editor"][2]).content.decode())
    assert "Adresse und Suche" in editor_page  # the tab named for what it holds, not "Veröffentlichung"
    assert found == {}, "\n".join(f"{page}: {words}" for page, words in found.items())


def test_the_walk_would_see_wagtails_own_german():
    """Without core/locale, the account page would say what Wagtail's catalogue says, and the walk sees it."""
    import wagtail.users

    upstream = gettext.translation("django", Path(wagtail.users.__file__).parent / "locale", ["de"])
    label = upstream.gettext("updated comments notifications")
    assert "Kommentarbenachichtigungen" in leftovers(f"<label>{label}</label>")


def test_compiled_catalogue_matches_its_source():
    """core/locale/de: the .mo Django reads says what the .po says (run msgfmt after an edit)."""
    source = LOCALE / "django.po"
    compiled = gettext.GNUTranslations(open(LOCALE / "django.mo", "rb"))  # noqa: SIM115

    def text(quoted: str) -> str:
        joined = "".join(re.findall(r'"(.*)"', quoted))
        return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), joined)

    entries = re.findall(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', source.read_text() + "\n", flags=re.M)
    assert len(entries) > 5
    for msgid, msgstr in entries:
        if text(msgid):
            assert compiled.gettext(text(msgid)) == text(msgstr), text(msgid)
