from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import two_factor, views
from core.health import healthz
from core.http import favicon
from portal.form_views import submit_form
from portal.search import search_view

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("admin/2fa/", include(two_factor)),  # before admin/: the 2FA gate lets these through
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("kontakte/", include("contacts.urls")),  # open data and vCards, before the page tree
    path("suche/", search_view, name="search"),
    path("formular/<int:page_id>/", submit_form, name="form_submit"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree answers everything else; it must stay last.
urlpatterns += [path("", include(wagtail_urls))]
