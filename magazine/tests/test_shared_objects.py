"""Objects that several partners' live pages share, attacked by a partner's editor (issue 17, item 2).

An author's bio, an image's file or a document shows at once on every live page that uses it, so a change
to it is a change to those pages without approval. Editors of partner A try it on what partner B's
published articles use; "Freigabe" may.
"""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file

from magazine.editorial import APPROVERS
from magazine.models import ArticleAuthor, Author
from magazine.tests.test_workflow import STAEDTETAG_EDITORS, make_user
from magazine.tests.utils import add_article, magazine_section, make_image

pytestmark = pytest.mark.django_db

LANDKREISTAG_EDITORS = "Redaktion Deutscher Landkreistag"


def refused(client, url, data=None) -> bool:
    """Wagtail refuses with 403 (scripts) or a redirect to the dashboard (browsers): the view did not run."""
    method = client.post if data is not None else client.get
    as_script = method(url, data or {}, HTTP_X_REQUESTED_WITH="XMLHttpRequest").status_code == 403
    as_browser = method(url, data or {})
    return as_script and as_browser.status_code == 302 and as_browser["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def other_partners_article(tree):
    _, magazine, _ = tree
    return add_article(magazine_section(magazine, "deutscher-landkreistag"), "beitrag-des-landkreistags")


def test_an_editor_cannot_change_the_author_of_another_partners_live_article(tree, client, other_partners_article):
    author = Author.objects.create(name="Erika Beispiel", bio="Bürgermeisterin, schreibt über Hass im Netz.")
    ArticleAuthor.objects.create(page=other_partners_article, author=author, sort_order=0)
    client.force_login(make_user("redakteurin", STAEDTETAG_EDITORS))
    edit = reverse("wagtailsnippets_magazine_author:edit", args=(author.pk,))
    forged = {"name": "Erika Beispiel", "role": "", "bio": "Gefälschte Biografie", "portrait": ""}
    assert refused(client, edit)
    assert refused(client, edit, forged)
    assert refused(client, reverse("wagtailsnippets_magazine_author:delete", args=(author.pk,)), {})
    author.refresh_from_db()
    assert author.bio == "Bürgermeisterin, schreibt über Hass im Netz."
    # A new author may still be added (it shows only once a page with it has been approved).
    added = client.post(reverse("wagtailsnippets_magazine_author:add"), {"name": "Neue Autorin", "bio": ""})
    assert added.status_code == 302 and Author.objects.filter(name="Neue Autorin").exists()

    client.force_login(make_user("freigabe", APPROVERS))
    assert client.post(edit, {**forged, "bio": "Korrigiert durch die Freigabe"}).status_code == 302
    author.refresh_from_db()
    assert author.bio == "Korrigiert durch die Freigabe"


def test_an_image_in_use_is_changed_only_by_those_who_approve(tree, client):
    _, magazine, _ = tree
    editor = make_user("redakteurin", STAEDTETAG_EDITORS)
    image = make_image("Rathaus")
    image.uploaded_by_user = editor
    image.save()
    client.force_login(editor)
    edit = reverse("wagtailimages:edit", args=(image.pk,))
    assert client.get(edit).status_code == 200  # their own upload, used nowhere yet: theirs to fix

    # Partner B chooses it (the chooser lists images across partners) and B's article is published.
    other = make_user("landkreistag", LANDKREISTAG_EDITORS)
    client.force_login(other)
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert "Rathaus" in chooser.content.decode()
    add_article(magazine_section(magazine, "deutscher-landkreistag"), "mit-bild", image=image)

    client.force_login(editor)
    file_before = image.file.name
    replaced = {"title": "Rathaus", "file": get_test_image_file(filename="anderes.png")}
    assert refused(client, edit)
    assert refused(client, edit, replaced)
    assert refused(client, reverse("wagtailimages:delete", args=(image.pk,)), {})
    image.refresh_from_db()
    assert image.file.name == file_before
    # The listing offers no edit link for it either.
    listing = client.get(reverse("wagtailimages:index")).content.decode()
    assert edit not in listing
    # The same rule for the lists of what the editor may change (a subquery on the reference index).
    from wagtail.images.permissions import permission_policy

    unused = make_image("Unbenutzt")
    unused.uploaded_by_user = editor
    unused.save()
    changeable = set(permission_policy.instances_user_has_any_permission_for(editor, ["change"]))
    assert unused in changeable and image not in changeable

    client.force_login(make_user("freigabe", APPROVERS))
    assert client.get(edit).status_code == 200


def test_a_document_linked_from_a_live_page_cannot_be_deleted_by_its_uploader(tree, client):
    _, magazine, _ = tree
    editor = make_user("redakteurin", STAEDTETAG_EDITORS)
    document = get_document_model().objects.create(title="Merkblatt", uploaded_by_user=editor)
    body = [("paragraph", f'<p>Das <a linktype="document" id="{document.pk}">Merkblatt</a> hilft.</p>')]
    add_article(magazine_section(magazine, "deutscher-staedtetag"), "mit-merkblatt", body=body)
    client.force_login(editor)
    assert refused(client, reverse("wagtaildocs:delete", args=(document.pk,)), {})
    assert refused(client, reverse("wagtaildocs:edit", args=(document.pk,)))
    assert get_document_model().objects.filter(pk=document.pk).exists()


def test_running_the_setup_again_takes_back_what_editors_were_given_before(tree):
    from django.contrib.auth.models import Group, Permission

    from magazine.editorial import setup_editorial_groups

    group = Group.objects.get(name=STAEDTETAG_EDITORS)
    group.permissions.add(Permission.objects.get(content_type__app_label="magazine", codename="change_author"))
    setup_editorial_groups(log=lambda message: None)
    assert not group.permissions.filter(codename__in=["change_author", "delete_author"]).exists()
    assert Group.objects.get(name=APPROVERS).permissions.filter(codename="change_author").exists()
