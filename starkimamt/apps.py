from django.apps import AppConfig


class StarkImAmtConfig(AppConfig):
    """The project package as an app: wires the page-cache invalidation and rendition warming to signals."""

    name = "starkimamt"
    verbose_name = "Stark im Amt"

    def ready(self):
        from starkimamt.cache import connect_invalidation_signals, install_restriction_shortcuts
        from starkimamt.renditions import connect_rendition_signals
        from starkimamt.routing import install_site_lookup_cache

        connect_invalidation_signals()
        install_restriction_shortcuts()
        install_site_lookup_cache()
        connect_rendition_signals()
