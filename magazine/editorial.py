"""Groups, page permissions and the approval workflow of the four partner organisations' editors.

Each partner has a section below "Magazin" and one below "Aktuelles & Termine". Its editors may add and
edit pages there only, never publish; the "Freigabe" group approves or rejects in the workflow on both
sections and publishes. Objects that several partners' live pages share change only through those who
approve: authors ("Freigabe", "Site-Administration"), and images and documents once they are used
(core/permission_policies.py). Safe to run again: it adds what is missing and takes back what an earlier
version gave editors too much of.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from contacts.permissions import ensure_kontaktpflege_group


@dataclass(frozen=True)
class PartnerEditors:
    partner_slug: str  # slug of the portal.PartnerPage below "Über uns"
    group: str


PARTNER_EDITORS = [
    PartnerEditors("deutscher-staedtetag", "Redaktion Deutscher Städtetag"),
    PartnerEditors("deutscher-landkreistag", "Redaktion Deutscher Landkreistag"),
    PartnerEditors("deutscher-staedte-und-gemeindebund", "Redaktion DStGB"),
    PartnerEditors("koerber-stiftung", "Redaktion Körber-Stiftung"),
]
APPROVERS = "Freigabe"
SITE_ADMINS = "Site-Administration"
WORKFLOW = "Freigabe Magazin und Aktuelles"
TASK = "Freigabe durch die Gesamtredaktion"

EDITOR_PAGE_PERMISSIONS = ["add", "change", "lock"]
APPROVER_PAGE_PERMISSIONS = ["add", "change", "lock", "publish", "unlock"]
ALL_PAGE_PERMISSIONS = ["add", "bulk_delete", "change", "lock", "publish", "unlock"]
# Apps whose every model permission site administrators get (settings, users, snippets, redirects, …).
ADMIN_APPS = [
    "auth",
    "contacts",
    "magazine",
    "portal",
    "taggit",
    "wagtailadmin",
    "wagtailcore",
    "wagtaildocs",
    "wagtailforms",
    "wagtailimages",
    "wagtailredirects",
    "wagtailsearchpromotions",
    "wagtailusers",
]


def _perm(app_label: str, codename: str) -> Permission | None:
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def _give_model_perms(group: Group, *names: str) -> None:
    perms = [_perm(*name.split(".", 1)) for name in names]
    group.permissions.add(*[p for p in perms if p is not None])


def _give_page_perms(group: Group, page: Page, types: list[str]) -> None:
    for kind in types:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page")
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _give_image_and_document_perms(group: Group, types: list[str]) -> None:
    # Wagtail's migration creates the root collection; a flushed test database lacks it.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for kind in types:
            permission = _perm(app, f"{kind}_{model}")
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def ensure_sections(index: Page, section_model, partners) -> dict:
    """One section per partner below `index`, found by its partner; created and published if missing."""
    sections = {}
    for partner in partners:
        section = section_model.objects.child_of(index).filter(partner=partner).first()
        if section is None:
            section = section_model(title=partner.title, slug=partner.slug, partner=partner)
            section.is_demo = index.specific.is_demo
            index.add_child(instance=section)
            section.save_revision(log_action=False).publish(log_action=False)
        sections[partner.slug] = section
    return sections


@transaction.atomic
def setup_editorial_groups(log=print) -> dict[str, Group]:
    from magazine.models import MagazineIndexPage, MagazineSectionPage, NewsIndexPage, NewsSectionPage
    from portal.models import PartnerPage

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in [APPROVERS, SITE_ADMINS]}
    for editors in PARTNER_EDITORS:
        groups[editors.group] = Group.objects.get_or_create(name=editors.group)[0]

    # Everyone here works in the admin and chooses images, authors and contacts, and may add a new author.
    for group in groups.values():
        _give_model_perms(
            group, "wagtailadmin.access_admin", "magazine.add_author", "magazine.view_author", "contacts.view_contact"
        )
        _give_image_and_document_perms(group, ["add", "choose"])
    # An author's name, bio and portrait show at once on every partner's live articles: only the groups that
    # approve change them (issue 17). Taken from partner groups that an earlier version gave it to.
    _give_model_perms(groups[APPROVERS], "magazine.change_author")
    _give_image_and_document_perms(groups[APPROVERS], ["change"])  # files in use (core/permission_policies.py)
    for editors in PARTNER_EDITORS:
        groups[editors.group].permissions.remove(
            *[p for p in (_perm("magazine", "change_author"), _perm("magazine", "delete_author")) if p is not None]
        )

    site_admins = groups[SITE_ADMINS]
    site_admins.permissions.add(*Permission.objects.filter(content_type__app_label__in=ADMIN_APPS))
    _give_image_and_document_perms(site_admins, ["add", "change", "choose", "delete"])
    root = Page.get_first_root_node()
    if root is not None:
        _give_page_perms(site_admins, root, ALL_PAGE_PERMISSIONS)

    partners = {p.slug: p for p in PartnerPage.objects.filter(slug__in=[e.partner_slug for e in PARTNER_EDITORS])}
    missing = [e.partner_slug for e in PARTNER_EDITORS if e.partner_slug not in partners]
    if missing:
        log(f"Partnerseiten fehlen, ihre Bereiche werden nicht angelegt: {', '.join(missing)}")

    indexes = [(index, MagazineSectionPage) for index in MagazineIndexPage.objects.all()] + [
        (index, NewsSectionPage) for index in NewsIndexPage.objects.all()
    ]
    if not indexes:
        log("Weder „Magazin“ noch „Aktuelles & Termine“ gibt es: nur die Gruppen wurden angelegt.")

    task = GroupApprovalTask.objects.filter(name=TASK).first() or GroupApprovalTask.objects.create(name=TASK)
    task.groups.add(groups[APPROVERS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    for index, section_model in indexes:
        _give_page_perms(groups[APPROVERS], index, APPROVER_PAGE_PERMISSIONS)
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
        sections = ensure_sections(
            index, section_model, [partners[e.partner_slug] for e in PARTNER_EDITORS if e.partner_slug in partners]
        )
        for editors in PARTNER_EDITORS:
            if editors.partner_slug in sections:
                _give_page_perms(groups[editors.group], sections[editors.partner_slug], EDITOR_PAGE_PERMISSIONS)

    # The contacts app owns the Kontaktpflege group; created here too so one command sets up all groups.
    ensure_kontaktpflege_group()
    remove_wagtail_default_groups(log)
    return groups


WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_wagtail_default_groups(log=print) -> None:
    """Wagtail's initial "Editors" and "Moderators" may edit (and publish) the whole tree.

    A user put there by mistake would bypass the partner sections and the approval workflow, so the
    groups go while nobody is in them; with members they stay and the command says so.
    """
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        if group.user_set.exists():
            log(f"Gruppe „{group.name}“ hat Mitglieder und darf den ganzen Seitenbaum bearbeiten: bitte prüfen.")
        else:
            group.delete()
