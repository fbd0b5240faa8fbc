"""Every role's admin menu leads only where the role may go: each link in the sidebar opens (issue 19).

Before, editors saw Kontakte › "Zu prüfen" and got "Sie haben keine Berechtigung" on clicking it.
"""

import json
import re

import pytest
from django.urls import reverse

from magazine.editorial import APPROVERS, PARTNER_EDITORS, SITE_ADMINS
from tests.test_admin_german import user_in

ROLES = {
    "editor": [PARTNER_EDITORS[0].group],
    "approver": [APPROVERS],
    "contact_staff": ["Kontaktpflege"],
    "site_admin": [SITE_ADMINS],
}


def menu_urls(client) -> dict[str, str]:
    """The sidebar's menu items (label → URL), read from the props Wagtail renders for its sidebar."""
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    script = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', page, re.S)
    props = json.loads(script.group(1))
    found = {}

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type", "").endswith("LinkMenuItem") and "url" in node.get("_args", [{}])[0]:
                args = node["_args"][0]
                found[args.get("label", args["url"])] = args["url"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_menu_item_a_role_sees_opens(client, demo_content, role):
    client.force_login(user_in(*ROLES[role]))
    items = menu_urls(client)
    assert items, "kein Menü gefunden"
    refused = {}
    for label, url in items.items():
        if not url.startswith("/admin/") or url.startswith("/admin/logout"):
            continue
        response = client.get(url)
        home = response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        if response.status_code in (403, 404) or home:
            refused[label] = (url, response.status_code)
    assert refused == {}
    if role == "editor":
        assert "Zu prüfen" not in items and "Import (CSV)" not in items and "Vorschläge" not in items
    if role == "contact_staff":
        assert {"Alle Kontakte", "Zu prüfen", "Vorschläge", "Import (CSV)"} <= set(items)
