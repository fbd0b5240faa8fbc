"""Images and documents that appear somewhere change only through a reviewed path.

Wagtail lets anyone with "add" permission change and delete what they uploaded themselves. A partner's
editor could then replace the file of an image that a published article shows (theirs or another
partner's, who chose it), and the live page would change without approval. Here that right of owners
lasts only while the file is used nowhere (Wagtail's reference index: pages, snippets such as an author's
portrait, rich text links to documents). Once it is used, only groups with "change" permission on its
collection ("Freigabe", "Site-Administration") change or delete it; editors upload a new file and put
it into their page, which then goes through the approval workflow. docs/security.md, issue 17.
"""

from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.models import ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

CHANGING = {"change", "delete"}


def in_use(model) -> Exists:
    """True for the model's objects that anything refers to (Wagtail's reference index).

    A subquery on the index's (to_content_type, to_object_id) index: a list of every used id would grow
    with the content and travel into the query as thousands of parameters."""
    content_type = ReferenceIndex._get_base_content_type(model)
    return Exists(
        ReferenceIndex.objects.filter(
            to_content_type=content_type, to_object_id=Cast(OuterRef("pk"), output_field=CharField())
        )
    )


class ReviewedChangesPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def is_in_use(self, instance) -> bool:
        return ReferenceIndex.get_references_to(instance).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        allowed = super().user_has_any_permission_for_instance(user, actions, instance)
        if not allowed or not CHANGING & set(actions) or (set(actions) - CHANGING):
            return allowed
        if user.is_active and user.is_superuser:
            return True
        # Granted by ownership alone? Then only while nobody sees the file anywhere.
        if self._check_perm(user, ["change"], collection=instance.collection):
            return True
        return not self.is_in_use(instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if not CHANGING & set(actions) or (set(actions) - CHANGING) or (user.is_active and user.is_superuser):
            return instances
        by_collection = Q(collection__in=self._collections_with_perm(user, ["change"]))
        return instances.filter(by_collection | ~in_use(self.model))


def register_reviewed_change_policies() -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    models = [(get_image_model(), "wagtailimages.Image"), (get_document_model(), "wagtaildocs.Document")]
    for model, auth_model in models:
        policy = ReviewedChangesPermissionPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user")
        register_permission_policy(model, policy, exact_class=True)  # wins over the apps' own, registered later
