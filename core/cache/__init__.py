"""Caching for the portal, in four small modules.

- `backend`: the Redis settings (django-redis, failing safe: Redis down means cache misses, not errors).
- `generation`: the content generation, one number shared by every process of an installation, and the
  values kept per generation (`generation_cached`, `chosen_instances`).
- `pagecache`: the middleware that answers anonymous page views from the cache.
- `invalidation`: the signals that bump the generation when content that pages show changes.

Every cached page and value lives under the generation it was built in; any change to content bumps it,
so everything built before goes stale at once, in every process.
"""

from .generation import bump_generation, chosen_instances, current_generation, generation_cached

__all__ = ["bump_generation", "chosen_instances", "current_generation", "generation_cached"]
