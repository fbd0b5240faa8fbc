"""The image upload and edit form: the description is the image's alternative text, and says so."""

from django import forms
from wagtail.images.forms import BaseImageForm

from core.alt_text import ALT_TEXT_HELP, FILE_NAME_MESSAGE, looks_like_file_name


class PortalImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].label = "Beschreibung (Alternativtext)"
            self.fields["description"].help_text = (
                f"{ALT_TEXT_HELP} Sie wird vorgelesen, wo das Bild ohne eigenen Alternativtext erscheint, "
                "z. B. als Vorschaubild eines Beitrags."
            )

    def clean_description(self):
        description = self.cleaned_data.get("description", "")
        if looks_like_file_name(description):
            raise forms.ValidationError(FILE_NAME_MESSAGE, code="file_name")
        return description
