"""Wagtail's own templates with a CSP nonce on their inline scripts, so the admin needs no 'unsafe-inline'.

Wagtail 8 still writes a few inline <script> blocks (date and time pickers, InlinePanel,
MultipleChooserPanel, the search promotions forms). Instead of copying those templates (and missing
Wagtail's changes on every upgrade), this loader adds `nonce="{% csp_nonce %}"` to every plain inline
<script> of a template that comes from the wagtail package. Scripts with `src` or a data type
(`application/json`, templates) are left as they are. docs/security.md, issue 17.
"""

import re
from pathlib import Path

import wagtail
from django.template.loaders.app_directories import Loader as AppDirectoriesLoader

WAGTAIL_DIR = str(Path(wagtail.__file__).resolve().parent)
INLINE_SCRIPT = re.compile(r'<script(?: type="text/javascript")?>')
NONCED_SCRIPT = '<script nonce="{% csp_nonce %}">'


def add_nonces(source: str) -> str:
    return INLINE_SCRIPT.sub(NONCED_SCRIPT, source)


class NoncedWagtailScriptsLoader(AppDirectoriesLoader):
    def get_contents(self, origin):
        contents = super().get_contents(origin)
        if str(origin.name).startswith(WAGTAIL_DIR):
            return add_nonces(contents)
        return contents
