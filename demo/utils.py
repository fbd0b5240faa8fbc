"""The one way demo content writes pages: find by slug below a parent, update or create, publish."""

from wagtail.models import Page
from wagtail.rich_text import RichText  # noqa: F401  (re-exported for demo modules)


def upsert_page(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """Create or update the child `slug` of `parent` as a `model` and publish it.

    Running the demo loader again updates the same pages instead of adding copies. A page of another type
    at that slug is an error: the loader stops rather than guess.
    """
    if hasattr(model, "is_demo"):
        fields.setdefault("is_demo", True)
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        page = existing.specific
        if not isinstance(page, model):
            raise RuntimeError(
                f"Unter {parent.url_path} liegt „{slug}“ als {type(page).__name__}, erwartet {model.__name__}."
            )
        for name, value in fields.items():
            setattr(page, name, value)
    else:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    page.full_clean()
    page.save_revision(log_action=False).publish(log_action=False)
    return page.specific_class.objects.get(pk=page.pk)


def paragraph(html: str) -> tuple[str, str]:
    return ("paragraph", html)


def heading(text: str, level: str = "h2") -> tuple[str, dict]:
    return ("heading", {"text": text, "level": level})


def callout(kind: str, title: str, html: str) -> tuple[str, dict]:
    return ("callout", {"kind": kind, "title": title, "text": RichText(html)})
