"""Portal page types and settings, one module per area so that each stays readable."""

from core.models import BasePage  # noqa: F401 (the abstract base of every page type)

from .figures import FiguresPage  # noqa: F401
from .forms import FormField, FormPage  # noqa: F401
from .guidance import (  # noqa: F401
    CaseExampleIndexPage,
    CaseExamplePage,
    GuidanceIndexPage,
    GuidancePage,
    SupporterIndexPage,
    SupporterProfilePage,
)
from .images import PortalImage, PortalRendition  # noqa: F401
from .lotse import LotsePage  # noqa: F401
from .pages import AboutPage, HomePage, PartnerPage, StandardPage  # noqa: F401
from .search import SearchSynonym, UnansweredSearch  # noqa: F401
from .settings import EmergencySettings, NavigationSettings  # noqa: F401
