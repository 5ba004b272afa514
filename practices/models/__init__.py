"""The good-practice library: taxonomy snippets, the library index and the structured case study."""

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
from .taxonomy import SDG, BudgetBand, EvidenceLevel, PracticeStatus, TargetGroup, Theme

__all__ = [
    "SDG",
    "BudgetBand",
    "EvidenceLevel",
    "PracticeDocument",
    "PracticeGalleryImage",
    "PracticeIndexPage",
    "PracticeMetric",
    "PracticePage",
    "PracticePartner",
    "PracticeStatus",
    "PracticeTag",
    "ReplicationStep",
    "TargetGroup",
    "Theme",
]
