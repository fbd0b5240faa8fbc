from wagtail import hooks
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


@hooks.register("construct_homepage_panels")
def add_editor_start_panel(request, panels):
    from magazine.dashboard import EditorStartPanel, pages_sent_back, sections_to_write_in

    # Only for those who write in a partner section (sections_to_write_in leaves out who may publish).
    sections = sections_to_write_in(request.user)
    if sections:
        panels.append(EditorStartPanel(sections, pages_sent_back(request.user)))
