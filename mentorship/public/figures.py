"""The mentorship figures on the home page (municipalities hosted, adopting, provinces reached), offered to
the portal through its headline-figures hook; the same definitions as the impact page, which they link to."""

from django.urls import reverse
from django.utils.translation import ngettext

from portal.figures import HeadlineFigure

from ..selectors import municipality_reach_counts


def headline_figures() -> list[HeadlineFigure]:
    """Three figures from one query."""
    counts = municipality_reach_counts()
    impact_url = reverse("impact")
    hosted, adopting, provinces = counts["hosted"], counts["adopting"], counts["provinces_reached"]
    return [
        HeadlineFigure(
            key="hosted",
            value=hosted,
            label=ngettext(
                "municipality hosted on a study visit", "municipalities hosted on study visits", hosted
            ),
            order=20,
            url=impact_url,
        ),
        HeadlineFigure(
            key="adopting",
            value=adopting,
            label=ngettext(
                "municipality adopting a practice", "municipalities adopting a practice", adopting
            ),
            order=30,
            url=impact_url,
        ),
        HeadlineFigure(
            key="provinces_reached",
            value=provinces,
            label=ngettext(
                "province reached by the practices adopted",
                "provinces reached by the practices adopted",
                provinces,
            ),
            order=40,
            url=impact_url,
        ),
    ]
