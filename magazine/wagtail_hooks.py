from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from magazine.models import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Autorinnen und Autoren"
    add_to_admin_menu = False
    list_display = ["name", "role", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["name", "role"]
    ordering = ["name"]


register_snippet(AuthorViewSet)
