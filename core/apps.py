from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared layer every app builds on: base page, shared blocks, cache, Wagtail patches, security."""

    name = "core"
    verbose_name = "Stark im Amt: gemeinsame Grundlagen"

    def ready(self):
        from core import patches
        from core.cache.invalidation import connect_invalidation_signals
        from core.renditions import connect_rendition_signals

        connect_invalidation_signals()
        patches.apply()
        connect_rendition_signals()
