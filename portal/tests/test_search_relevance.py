"""The relevance set (portal/search_relevance.py) on the demo content: officials' queries answered well.

"Well" means an accepted page among the first three results. PostgreSQL is what production runs: there the
search must answer at least 95 % of the set. SQLite, the embedded default, has no German dictionary and no
trigram similarity; the Python fallbacks (word forms from the portal's own vocabulary, difflib for typos)
stand in for them. It is held to 85 %: measured at 100 % on the demo content with its synonyms, and at
82 % with all synonyms deleted (PostgreSQL: 84 %). So the floor fails when synonyms stop being applied
or a fallback breaks, and still leaves room for new pages that push an accepted page from the top three.
`make search-eval` prints the share, the worst misses and the query times.
"""

import pytest

from portal.search_eval import evaluate, report, share

pytestmark = pytest.mark.django_db

POSTGRES_SHARE = 0.95
ANY_DATABASE_SHARE = 0.85


@pytest.mark.postgres
def test_postgres_answers_95_percent_of_the_relevance_set(demo_content):
    results = evaluate()
    assert share(results) >= POSTGRES_SHARE, report(results)


def test_every_database_answers_most_of_the_relevance_set(demo_content):
    results = evaluate()
    assert share(results) >= ANY_DATABASE_SHARE, report(results)


def test_no_query_of_the_set_ends_in_no_results(demo_content, client):
    # The portal can answer every query of the set: none may show "Keine Treffer".
    missing = [r.case.query for r in evaluate() if not r.top]
    assert missing == []
