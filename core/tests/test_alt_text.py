"""What a screen reader would read instead of a description is refused as alternative text."""

import pytest

from core.alt_text import looks_like_file_name, usable_alt_text


@pytest.mark.parametrize(
    "text",
    ["IMG_2041.jpg", "teaser", "Bild", "DSC01234", "Bildschirmfoto 2026-03-01 um 10.15.22", "rathaus-koeln", "foto_3"],
)
def test_file_names_and_placeholders_are_recognised(text):
    assert looks_like_file_name(text)
    assert usable_alt_text(text) == ""


@pytest.mark.parametrize(
    "text", ["Rathaus", "Bürgermeisterin am Rednerpult im Ratssaal", "Ein Stapel Briefe auf dem Schreibtisch", ""]
)
def test_descriptions_are_kept(text):
    assert not looks_like_file_name(text)
    assert usable_alt_text(text) == text
