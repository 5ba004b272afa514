"""Impact figures for the public impact page (aggregates, never people).

`figures` computes the numbers in a fixed number of queries; `map` draws Turkey's provinces as inline SVG
from the boundaries in `data/` (Natural Earth, public domain).
"""

from .figures import ImpactFigures, impact_figures

__all__ = ["ImpactFigures", "impact_figures"]
