import pytest

from magazine.tests.utils import build_tree


@pytest.fixture
def tree(db):
    """(home, magazine index, news index) with per-partner sections and the editorial groups."""
    return build_tree()
