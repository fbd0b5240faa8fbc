from django import template
from django.utils.safestring import mark_safe

from portal.seo import seo_context

register = template.Library()


@register.inclusion_tag("components/seo_meta_tags.html", takes_context=True)
def seo_meta(context):
    request = context.get("request")
    data = seo_context(context.get("page"), request)
    # Escaped by portal.seo.json_ld for use inside <script>: "<", ">" and "&" never appear raw.
    data["json_ld"] = [mark_safe(item) for item in data["json_ld"]]  # noqa: S308
    data["request"] = request
    return data
