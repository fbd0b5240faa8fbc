"""Partner names in sentences use the grammatical forms editors set: "Beiträge, die der Deutsche Städtetag
verantwortet", "Website des Deutschen Städtetags"; without them the text falls back to a neutral form."""

import pytest

from magazine.models import MagazineSectionPage
from portal.models import PartnerPage

pytestmark = pytest.mark.django_db


def test_partner_forms_in_section_and_partner_page_with_neutral_fallback(client, demo_content):
    staedtetag = PartnerPage.objects.get(slug="deutscher-staedtetag")
    assert staedtetag.name_genitive == "des Deutschen Städtetags"
    partner_html = client.get(staedtetag.url).content.decode()
    assert "Website des Deutschen Städtetags" in partner_html
    assert "Website von Deutscher Städtetag" not in partner_html

    section = MagazineSectionPage.objects.live().filter(partner=staedtetag).first()
    assert section is not None
    section_html = client.get(section.url).content.decode()
    assert "Beiträge, die <a" in section_html and ">der Deutsche Städtetag</a> verantwortet." in section_html

    PartnerPage.objects.filter(pk=staedtetag.pk).update(name_nominative="", name_genitive="", name_dative="")
    from django.core.cache import cache

    cache.clear()
    assert "Website: Deutscher Städtetag" in client.get(staedtetag.url).content.decode()
    fallback = client.get(section.url).content.decode()
    assert "Verantwortlich für diese Beiträge:" in fallback and "die Deutscher Städtetag" not in fallback
