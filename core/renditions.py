"""Image renditions made ahead of time, so that no visitor waits while an image is resized.

The filter specs come from the templates themselves: every `{% image %}`, `{% srcset_image %}` and
`{% picture %}` tag in the project's templates (and literal `get_rendition("…")` calls in its code) is
collected once. A newly uploaded image gets every spec right after its upload, in a background thread
(WARM_RENDITIONS_ON_UPLOAD), so the editor's first preview does not wait for them (it took 10 s). When
a page or snippet is published, the images it refers to get the renditions of the tags that show that
field (`page.teaser_image` → the specs of tags ending in `.teaser_image`; an image
in a StreamField block → the specs of its block's tags, or all specs when no tag names it). The
`warm_renditions` command does the same for every image in use, e.g. after loading the demo content.
"""

import functools
import logging
import queue
import re
import threading
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

PROJECT_APPS = ("contacts", "portal", "magazine", "starkimamt")
PYTHON_SPEC = re.compile(r"""get_renditions?\(\s*["']([A-Za-z0-9_\-.|{},]+)["']""")


def _template_files() -> list[tuple[Path, str]]:
    roots = [Path(d) for conf in settings.TEMPLATES for d in conf.get("DIRS", [])]
    roots += [Path(settings.BASE_DIR) / app / "templates" for app in PROJECT_APPS]
    found = []
    for root in roots:
        if root.is_dir():
            found += [(path, path.relative_to(root).as_posix()) for path in root.rglob("*.html")]
    return found


@functools.cache
def specs_by_field() -> dict[str, frozenset[str]]:
    """{last name of the image expression: filter specs}, e.g. {"teaser_image": {"width-400|format-avif", …}}."""
    from django.template import engines
    from wagtail.images.models import Filter
    from wagtail.images.templatetags.wagtailimages_tags import ImageNode, SrcsetImageNode

    engine = engines["django"].engine
    found: dict[str, set[str]] = defaultdict(set)
    for path, name in _template_files():
        try:
            nodelist = engine.from_string(path.read_text(encoding="utf-8")).nodelist
        except Exception:  # a template that does not compile on its own (e.g. a fragment) shows no images here
            logger.debug("Vorlage %s übersprungen", name, exc_info=True)
            continue
        for node in nodelist.get_nodes_by_type(ImageNode):
            expression = node.image_expr.var
            field = str(getattr(expression, "var", expression)).rsplit(".", 1)[-1]
            if isinstance(node, SrcsetImageNode):
                found[field].update(Filter.expand_spec(node.filter_specs))
            else:
                found[field].add("|".join(node.filter_specs))
    for app in PROJECT_APPS:
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            for spec in PYTHON_SPEC.findall(path.read_text(encoding="utf-8")):
                found["*"].update(Filter.expand_spec(spec))
    return {field: frozenset(specs) for field, specs in found.items()}


def all_specs() -> set[str]:
    return set().union(*specs_by_field().values()) if specs_by_field() else set()


def _specs_for(model_path: str) -> set[str]:
    field = model_path.rsplit(".", 1)[-1]
    by_field = specs_by_field()
    return set(by_field.get(field, ())) | set(by_field.get("*", ())) or all_specs()


def images_of(obj) -> dict[int, set[str]]:
    """{image id: specs} for the images `obj` refers to (its own fields, StreamFields, inline children)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.images import get_image_model
    from wagtail.models import ReferenceIndex

    image_type = ContentType.objects.get_for_model(get_image_model()).id
    wanted: dict[int, set[str]] = defaultdict(set)
    # Wagtail's own reference extraction knows every field and block type that can hold an image.
    for content_type_id, object_id, model_path, _content_path in ReferenceIndex._extract_references_from_object(obj):
        if content_type_id == image_type and str(object_id).isdigit():
            wanted[int(object_id)] |= _specs_for(model_path)
    return wanted


def warm(wanted: dict[int, set[str]]) -> int:
    """Create the missing renditions; returns how many images were handled."""
    from wagtail.images import get_image_model

    done = 0
    for image in get_image_model().objects.filter(pk__in=wanted):
        specs = sorted(wanted[image.pk])
        if not specs:
            continue
        try:
            image.get_renditions(*specs)
            done += 1
        except Exception:  # a missing or broken file must not stop publishing
            logger.exception("Bildvarianten für Bild %s konnten nicht erzeugt werden", image.pk)
    return done


def warm_in_use() -> int:
    """Renditions for every image that some page or snippet refers to."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.images import get_image_model
    from wagtail.models import ReferenceIndex

    image_type = ContentType.objects.get_for_model(get_image_model())
    wanted: dict[int, set[str]] = defaultdict(set)
    for object_id, model_path in ReferenceIndex.objects.filter(to_content_type=image_type).values_list(
        "to_object_id", "model_path"
    ):
        if str(object_id).isdigit():
            wanted[int(object_id)] |= _specs_for(model_path)
    return warm(wanted)


def _on_published(sender, instance=None, **kwargs):
    if instance is None or not getattr(settings, "WARM_RENDITIONS_ON_PUBLISH", True):
        return
    wanted = images_of(instance)
    if wanted:
        # After the commit, so that the publish itself is never slowed down or rolled back by an image.
        transaction.on_commit(lambda: warm(wanted), robust=True)


# One worker per process takes the uploads in turn: a bulk upload (or generate_load_content) must not start
# a thread and its resizes per image at once. It ends when nothing is left, and the next upload starts one.
_uploads: queue.Queue = queue.Queue()
_worker_lock = threading.Lock()
_worker: threading.Thread | None = None
IDLE_SECONDS = 2.0


def _work_through_uploads() -> None:
    global _worker
    from django.db import connection

    while True:
        try:
            wanted = _uploads.get(timeout=IDLE_SECONDS)
        except queue.Empty:
            with _worker_lock:
                if _uploads.empty():  # checked under the lock that _queue_upload puts under
                    _worker = None
                    return
            continue
        try:
            warm(wanted)
        finally:
            # The worker's own connection, closed after each upload: no idle connection is held open.
            connection.close()
            _uploads.task_done()


def _queue_upload(wanted: dict[int, set[str]]) -> None:
    global _worker
    with _worker_lock:
        _uploads.put(wanted)
        if _worker is None:
            _worker = threading.Thread(target=_work_through_uploads, name="renditions", daemon=True)
            _worker.start()


def wait_for_uploads() -> None:
    """Until the renditions of every queued upload exist (for tests and commands)."""
    _uploads.join()


def _on_image_created(sender, instance=None, created=False, raw=False, **kwargs):
    """A new image gets every spec the templates use: which of them a page will show is not known yet,
    and making all of them costs the editor nothing while it runs after the upload."""
    mode = getattr(settings, "WARM_RENDITIONS_ON_UPLOAD", "background")
    if not created or raw or not mode:
        return
    wanted = {instance.pk: all_specs()}
    if mode == "inline":
        transaction.on_commit(lambda: warm(wanted), robust=True)
    else:
        transaction.on_commit(lambda: _queue_upload(wanted), robust=True)


def connect_rendition_signals() -> None:
    from django.db.models.signals import post_save
    from wagtail.images import get_image_model
    from wagtail.signals import page_published, published

    page_published.connect(_on_published, dispatch_uid="renditions_page_published")
    published.connect(_on_published, dispatch_uid="renditions_published")
    post_save.connect(_on_image_created, sender=get_image_model(), dispatch_uid="renditions_image_created")
