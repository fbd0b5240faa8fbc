"""Every public page has one h1 and no heading that skips a level: the outline screen readers navigate by."""

import re

import pytest

from bench.targets import sitemap_paths

HEADING = re.compile(r"<h([1-6])\b", re.I)


@pytest.mark.django_db
def test_every_public_page_has_one_h1_and_no_skipped_heading_level(demo_content, client):
    problems = {}
    for path in sitemap_paths(client):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        main = html[html.find("<main") : html.find("</main>")]
        levels = [int(level) for level in HEADING.findall(main)]
        if levels.count(1) != 1 or levels[0] != 1:
            problems[path] = f"h1: {levels[:5]}"
            continue
        for before, after in zip(levels, levels[1:], strict=False):
            if after > before + 1:
                problems[path] = f"h{before} → h{after}"
                break
    assert problems == {}
