import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from contacts.models import Bundesland, Situation


@pytest.mark.django_db
def test_loading_demo_content_twice_changes_nothing():
    call_command("load_demo_content", stdout=io.StringIO())
    first = (Page.objects.count(), Situation.objects.count(), sorted(Page.objects.values_list("url_path", flat=True)))
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    second = (Page.objects.count(), Situation.objects.count(), sorted(Page.objects.values_list("url_path", flat=True)))
    assert first == second
    assert "Demo-Inhalte geladen" in out.getvalue()


@pytest.mark.django_db
def test_demo_content_is_german_and_flagged_as_demo(demo_content):
    from portal.models import StandardPage

    assert demo_content.title == "Stark im Amt"
    assert demo_content.is_demo
    assert {"impressum", "datenschutz"} <= set(StandardPage.objects.values_list("slug", flat=True))
    assert Bundesland.objects.count() == 16
