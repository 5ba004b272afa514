"""Impact figures for the public impact page and the practice pages (aggregates, never people).

`figures` computes the numbers in a fixed number of queries; `map` draws Turkey's provinces as inline SVG
from the boundaries in `data/` (Natural Earth, public domain).
"""

from .figures import ImpactFigures, PracticeAdopters, impact_figures, practice_adopters

__all__ = ["ImpactFigures", "PracticeAdopters", "impact_figures", "practice_adopters"]
