from django import template

register = template.Library()


@register.filter
def tel_uri(number: str) -> str:
    """"0800 300 99 44" → "tel:08003009944"; keeps a leading + for international numbers."""
    digits = "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")
    return f"tel:{digits}"
