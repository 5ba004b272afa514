"""Public pages run a fixed number of queries whether the library holds 5 or 50 practices (no N+1)."""

import pytest

from practices.factories import (
    ImageFactory,
    PracticeDocumentFactory,
    PracticeGalleryImageFactory,
    PracticeMetricFactory,
    PracticePageFactory,
    PracticePartnerFactory,
    ReplicationStepFactory,
    TargetGroupFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

# Pinned: a change here means a page gained or lost queries; check for N+1 before updating a number.
# Issue 15 (English under /en/) adds to every page: Wagtail's routing looks up the active Locale (+1, with
# WAGTAIL_I18N_ENABLED), the page's translation for the hreflang links and the switch (+1), and the header's
# library link in the address's language (+1, the home page already had it).
EXPECTED_QUERIES = {
    # home: 17 -> 15 (issue 11): featured practices in one pass instead of a top-up pass (-4); the library's
    # address for the theme shortcuts (+1) and the mentorship figures (+1) through the figures hook.
    "home": 17,
    # library 18 (issue 11): the filter panel's counts come from the search facets, counted with the total in
    # one UNION query by the database (replacing the count query).
    "library": 21,
    "library_filtered": 21,
    # practice 25 -> 26 (issue 16): the publications that cover the practice (one query).
    # practice 26 -> 16 (issue 17; 13 before the English commit added the locale and language links): related
    # practices and adopters from the stored digest (one query), the
    # case study's nine relations in one UNION query, every image's renditions in one (selectors.
    # practice_page_context); routing (4) and Wagtail's privacy check (2) are unchanged.
    "practice": 16,
    "kit": 17,
    "tag": 17,
}


def build_library(count: int):
    """`count` practices, each with a hero image, tags, target groups and a theme, some featured."""
    themes = [ThemeFactory() for _ in range(3)]
    groups = [TargetGroupFactory() for _ in range(4)]
    practices = [
        PracticePageFactory(
            hero_image=ImageFactory(),
            theme=themes[n % 3],
            target_groups=groups[: 1 + n % 4],
            tags=["ortak", f"etiket-{n % 5}"],
            sdgs=[1 + n % 17],
            featured=n < 2,
            beneficiaries_count=100,
        )
        for n in range(count)
    ]
    practice = practices[0]
    PracticeMetricFactory(page=practice)
    ReplicationStepFactory(page=practice)
    PracticePartnerFactory(page=practice)
    PracticeDocumentFactory(page=practice)
    PracticeGalleryImageFactory(page=practice)
    return practice


def urls_for(practice) -> dict[str, str]:
    return {
        "home": "/",
        "library": "/uygulamalar/",
        "library_filtered": f"/uygulamalar/?theme={practice.theme.slug}&sdg=1&sdg=2&sort=title",
        "practice": practice.url,
        "kit": practice.url + "kit/",
        "tag": "/uygulamalar/etiket/ortak/",
    }


@pytest.mark.parametrize("count", [5, 50])
def test_public_pages_run_a_constant_number_of_queries(client, django_assert_num_queries, count):
    urls = urls_for(build_library(count))
    for page_name, url in urls.items():
        # The first visit creates image renditions; from then on every visit is the same.
        assert client.get(url).status_code == 200, url
        with django_assert_num_queries(EXPECTED_QUERIES[page_name]):
            response = client.get(url)
        assert response.status_code == 200, url
