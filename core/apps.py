from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared layer every app builds on: base page, shared blocks, cache, Wagtail patches, security."""

    name = "core"
    verbose_name = "Stark im Amt: gemeinsame Grundlagen"
