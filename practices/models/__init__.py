"""The good-practice library: taxonomy snippets, the library index, the structured case study, events and
publications."""

from .digest import PracticeDigest
from .events import EventIndexPage, EventKind, EventPage
from .pages import (
    PracticeDocument,
    PracticeGalleryImage,
    PracticeIndexPage,
    PracticeMetric,
    PracticePage,
    PracticePartner,
    PracticeTag,
    ReplicationStep,
)
from .publications import PublicationDocument, PublicationIndexPage, PublicationKind, PublicationPage
from .readiness import PopulationBand, ReadinessCheckCount, ReadinessDimension, ReadinessResultBand
from .taxonomy import SDG, BudgetBand, EvidenceLevel, PracticeStatus, TargetGroup, Theme

__all__ = [
    "SDG",
    "BudgetBand",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EvidenceLevel",
    "PopulationBand",
    "PracticeDigest",
    "PracticeDocument",
    "PracticeGalleryImage",
    "PracticeIndexPage",
    "PracticeMetric",
    "PracticePage",
    "PracticePartner",
    "PracticeStatus",
    "PracticeTag",
    "PublicationDocument",
    "PublicationIndexPage",
    "PublicationKind",
    "PublicationPage",
    "ReadinessCheckCount",
    "ReadinessDimension",
    "ReadinessResultBand",
    "ReplicationStep",
    "TargetGroup",
    "Theme",
]
