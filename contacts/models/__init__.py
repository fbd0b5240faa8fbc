"""Contacts and the taxonomy that guidance, the Lotse and the contact finder share.

`records`: Bundesland, the taxonomy (situation, channel, phase) and the contact records staff keep;
`finder`: the finder's form and query; `pages`: the finder page and the Starke Stelle page; `open_data`: the
licence of the open data.
"""

from .open_data import OpenDataSettings
from .pages import ContactFinderPage, StarkeStellePage
from .records import (
    DEFAULT_REVIEW_AFTER_DAYS,
    PHONE_MESSAGE,
    PHONE_PATTERN,
    Bundesland,
    Channel,
    Contact,
    ContactForm,
    ContactKind,
    ContactPhone,
    ContactQuerySet,
    Phase,
    Situation,
    TaxonomyTerm,
    normalize_phone_number,
    review_after_days,
)
from .suggestions import OPEN_STATUSES, ContactSuggestion, SuggestionStatus

__all__ = [
    "OPEN_STATUSES",
    "ContactSuggestion",
    "SuggestionStatus",
    "DEFAULT_REVIEW_AFTER_DAYS",
    "PHONE_MESSAGE",
    "PHONE_PATTERN",
    "Bundesland",
    "Channel",
    "Contact",
    "ContactFinderPage",
    "ContactForm",
    "ContactKind",
    "ContactPhone",
    "ContactQuerySet",
    "OpenDataSettings",
    "Phase",
    "Situation",
    "StarkeStellePage",
    "TaxonomyTerm",
    "normalize_phone_number",
    "review_after_days",
]
