"""`{% csp_nonce %}`: the current request's CSP nonce, also where a template has no request in its context.

Wagtail's widget templates (date pickers) are rendered by the form renderer with the widget alone, yet their
inline scripts need the nonce of the page they end up in. Built in (settings TEMPLATES), so that the
templates `core.template_loaders` rewrites need no `{% load %}`.
"""

from django import template

from core.security import current_csp_request

register = template.Library()


@register.simple_tag
def csp_nonce() -> str:
    request = current_csp_request()
    nonce = getattr(request, "csp_nonce", None)
    return str(nonce) if nonce is not None else ""
