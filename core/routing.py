"""Routing a request from the site root to a deep page in two queries instead of two per level.

Wagtail's `Page.route` walks one level at a time: fetch the child by slug, then its specific object.
`FastRouteMixin` (on the home page, where every request starts) fetches all pages on the way in one
query by their url_path, and only the last one's specific object. Pages on the way that route on
their own (RoutablePageMixin and friends) still get the rest of the path, exactly as before. The pages
on the way are kept on the result for breadcrumbs (`route_ancestors`), so these need no query either.
"""

from django.http import Http404
from wagtail.models import Page
from wagtail.url_routing import RouteResult


def _routes_itself(page) -> bool:
    return page.specific_class is not None and page.specific_class.route is not Page.route


class FastRouteMixin:
    def route(self, request, path_components):
        if not path_components:
            page = self
            if self.get_deferred_fields():  # the site's root, as core.patches keeps it: load it to render it
                from core.cache import generation_cached

                model = type(self)
                page = generation_cached(f"site-root-page:{self.pk}", lambda: model._default_manager.get(pk=self.pk))
            return super(FastRouteMixin, page).route(request, path_components)
        prefixes = [self.url_path + "/".join(path_components[: i + 1]) + "/" for i in range(len(path_components))]
        on_the_way = getattr(self, "route_pages", None)  # handed down by a FastRouteMixin page above
        if on_the_way is None:
            on_the_way = {
                page.url_path: page
                # No ORDER BY: a dict needs none, and Django hashes every selected column to compile one.
                for page in Page.objects.filter(url_path__in=prefixes, path__startswith=self.path).order_by()
            }
        # Breadcrumbs are complete only from the site root or when the page above handed its ancestors down.
        inherited = getattr(self, "route_ancestors", None)
        current, ancestors = self, list(inherited) if inherited is not None else []
        for index, prefix in enumerate(prefixes):
            if current is not self and _routes_itself(current):
                # A FastRouteMixin page further down routes on without querying these again.
                current.route_pages, current.route_ancestors = on_the_way, ancestors
                # Pages that route with their base fields alone opt out of fetching their own ones.
                deferred = getattr(current.specific_class, "route_deferred", False)
                return (current.specific_deferred if deferred else current.specific).route(
                    request, path_components[index:]
                )
            child = on_the_way.get(prefix)
            if child is None or child.depth != current.depth + 1:
                raise Http404
            child._cached_parent_obj = current  # treebeard's get_parent() uses it: no query
            ancestors.append(current)
            current = child
        page = current.specific
        page._cached_parent_obj = current._cached_parent_obj
        if inherited is not None or self.depth <= 2:
            page.route_ancestors = ancestors
        if _routes_itself(page):
            return page.route(request, [])
        if not page.live:
            raise Http404
        return RouteResult(page)
