"""Wagtail's inline scripts get the CSP nonce; everything else in its templates stays as Wagtail wrote it."""

from pathlib import Path

from django.template import engines

from core.template_loaders import INLINE_SCRIPT, WAGTAIL_DIR, add_nonces


def test_only_plain_inline_scripts_get_the_nonce():
    source = (
        '<script>a()</script><script type="text/javascript">b()</script>'
        '<script src="/static/x.js"></script><script type="application/json">{}</script>'
    )
    assert add_nonces(source) == (
        '<script nonce="{% csp_nonce %}">a()</script><script nonce="{% csp_nonce %}">b()</script>'
        '<script src="/static/x.js"></script><script type="application/json">{}</script>'
    )


def test_every_wagtail_template_with_an_inline_script_is_loaded_with_nonces():
    with_inline = [
        path for path in Path(WAGTAIL_DIR).rglob("templates/**/*.html")
        if "/tests/" not in str(path) and INLINE_SCRIPT.search(path.read_text())
    ]
    assert with_inline  # Wagtail 8 still has them (date pickers, inline panels, search promotions)
    engine = engines["django"].engine
    for path in with_inline:
        name = str(path).split("/templates/", 1)[1]
        template = engine.get_template(name)
        loaded = template.source
        assert not INLINE_SCRIPT.search(loaded), name
        assert 'nonce="{% csp_nonce %}"' in loaded, name
