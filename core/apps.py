import mimetypes

from django.apps import AppConfig

# Image types the admin accepts that Python's built-in table lacks (it reads /etc/mime.types, which slim
# images do not have): without them S3 stores WebP renditions as application/octet-stream.
MEDIA_TYPES = {".webp": "image/webp", ".avif": "image/avif", ".woff2": "font/woff2"}


def register_media_types():
    for extension, media_type in MEDIA_TYPES.items():
        mimetypes.add_type(media_type, extension)


class CoreConfig(AppConfig):
    """The shared layer every app builds on: base page, shared blocks, cache, Wagtail patches, security."""

    name = "core"
    verbose_name = "Stark im Amt: gemeinsame Grundlagen"

    def ready(self):
        from core import checks, patches  # noqa: F401 (checks registers itself)
        from core.cache.invalidation import connect_invalidation_signals
        from core.permission_policies import register_reviewed_change_policies
        from core.renditions import connect_rendition_signals

        connect_invalidation_signals()
        patches.apply()
        connect_rendition_signals()
        register_media_types()
        # Before wagtail.images and wagtail.documents are ready: after their first use none can be set.
        register_reviewed_change_policies()
