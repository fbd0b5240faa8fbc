"""Invalidation: any change to content that a page may show bumps the content generation.

Deliberately coarse: a page saved, published, unpublished, moved or deleted; a contact, snippet, image,
setting or view restriction saved or deleted. A model that changes on every request (a hit counter, a
log) opts out with `page_cache_ignore = True` on the class or in settings.PAGE_CACHE_IGNORE_MODELS.
"""

import functools
import logging

from django.apps import apps as global_apps
from django.conf import settings
from django.db import connections, transaction

from . import generation as gen

logger = logging.getLogger(__name__)

WATCHED_APPS = {"contacts", "portal", "magazine"}
WATCHED_MODELS = {
    "wagtailcore.site",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailsearchpromotions.searchpromotion",
    "wagtaildocs.document",
    "wagtailimages.image",
    "taggit.tag",
}


@functools.cache
def shows_on_pages(model) -> bool:
    """Whether a change to `model` can change what a public page shows."""
    from wagtail.contrib.forms.models import AbstractFormSubmission
    from wagtail.images.models import AbstractRendition
    from wagtail.models import Page

    if getattr(model, "page_cache_ignore", False) or issubclass(model, (AbstractRendition, AbstractFormSubmission)):
        return False
    label = model._meta.label_lower
    if label in {name.lower() for name in getattr(settings, "PAGE_CACHE_IGNORE_MODELS", ())}:
        return False
    return issubclass(model, Page) or model._meta.app_label in WATCHED_APPS or label in WATCHED_MODELS


def _purge_frontend_cache() -> None:
    """With a CDN or proxy configured, purge every live page: menus and footers make them all depend on it."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public().specific(defer=True).iterator())
    batch.purge()


def after_commit() -> None:
    if not gen.generation_in_database():
        # In the cache the first bump was visible before the commit: a page rendered from the old data in
        # the meantime must not be served afterwards. In the database the bump commits with the content.
        gen.bump_generation()
    try:
        _purge_frontend_cache()
    except Exception:  # a CDN that does not answer must not break publishing
        logger.exception("Frontend-Cache konnte nicht geleert werden")


def content_changed(using: str = "default") -> None:
    """Invalidate now, inside the writer's transaction, and finish once it commits."""
    gen.bump_generation(using)
    connection = connections[using]
    # One callback per transaction is enough, however many objects it saves.
    if connection.in_atomic_block and any(func is after_commit for _s, func, _r in connection.run_on_commit):
        return
    transaction.on_commit(after_commit, using=using, robust=True)


def _on_model_change(sender, instance=None, using="default", raw=False, **kwargs):
    if raw or sender is None or sender._meta.apps is not global_apps:
        return  # fixtures and the historical models of data migrations: post_migrate bumps once instead
    if shows_on_pages(sender):
        content_changed(using or "default")


def _on_page_signal(sender, instance=None, **kwargs):
    content_changed()


def _after_migrate(sender, using="default", **kwargs):
    if sender.name == "core":
        content_changed(using)


def connect_invalidation_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    post_save.connect(_on_model_change, dispatch_uid="pagecache_post_save")
    m2m_changed.connect(_on_model_change, dispatch_uid="pagecache_m2m")
    # post_delete only for the models we watch: a receiver for all senders would disable Django's fast
    # deletes everywhere. Deleting a page of any type deletes its wagtailcore.Page row, so Page covers them.
    for model in global_apps.get_models():
        if shows_on_pages(model) and (not issubclass(model, Page) or model is Page):
            post_delete.connect(_on_model_change, sender=model, dispatch_uid=f"pagecache_delete_{model._meta.label}")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_on_page_signal, dispatch_uid=f"pagecache_{id(signal)}")
    post_migrate.connect(_after_migrate, dispatch_uid="pagecache_post_migrate")
