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
    # Each demo contact's history starts with its creation and first publication; reloading adds nothing.
    from wagtail.models import ModelLogEntry

    from contacts.models import Contact

    contact = Contact.objects.get(key="starke-stelle")
    entries = ModelLogEntry.objects.for_instance(contact)
    assert sorted(entries.values_list("action", flat=True)) == ["wagtail.create", "wagtail.publish"]
    assert contact.revisions.count() == 2  # one per load: the first change compares with the last load


@pytest.mark.django_db
def test_demo_content_is_german_and_flagged_as_demo(demo_content):
    from portal.models import StandardPage

    assert demo_content.title == "Stark im Amt"
    assert demo_content.is_demo
    assert {"impressum", "datenschutz"} <= set(StandardPage.objects.values_list("slug", flat=True))
    assert Bundesland.objects.count() == 16


@pytest.mark.django_db
def test_every_demo_page_passes_the_checks_an_editor_saving_it_would_meet(demo_content):
    """An editor who opens a demo page and saves it unchanged must not meet an error (heading order,
    required fields, lengths): the demo content follows the rules the admin enforces."""
    from django.core.exceptions import ValidationError
    from wagtail.fields import StreamField

    refused = {}
    for page in Page.objects.filter(depth__gt=1).specific():
        try:
            page.full_clean()
            for field in page._meta.get_fields():
                if isinstance(field, StreamField):
                    value = getattr(page, field.name)
                    field.stream_block.clean(value)
        except ValidationError as error:
            refused[page.url_path] = str(error)[:300]
    assert refused == {}


@pytest.mark.django_db
def test_every_demo_page_opens_in_the_editor(demo_content, client, django_user_model):
    """The editor converts rich text for Draftail; HTML it cannot read (a `<br>` instead of `<br/>`) is a 500
    for whoever opens the page."""
    client.force_login(django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x"))
    failing = {}
    for page in Page.objects.filter(depth__gt=1):
        status = client.get(f"/admin/pages/{page.pk}/edit/").status_code
        if status != 200:
            failing[page.url_path] = status
    assert failing == {}
