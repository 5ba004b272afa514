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
# Issue 15 (English under /en/) added to every page: Wagtail's routing looks up the active Locale (+1, with
# WAGTAIL_I18N_ENABLED), the page's translation for the hreflang links and the switch (+1), and the header's
# library link in the address's language (+1, the home page already had it).
# Issue 17 took back, on every page: the header's and footer's section addresses and the footer's office
# details, kept per process until the next publish (practices.sections, portal.office: -2, and the cards'
# library address no longer computed twice), and routing from the home page of the address's language with
# the portal's own locale ids (portal.routing: -1, and -2 under /en/ when an English home page exists).
EXPECTED_QUERIES = {
    # home: 17 -> 15 (issue 11): featured practices in one pass instead of a top-up pass (-4); the library's
    # address for the theme shortcuts (+1) and the mentorship figures (+1) through the figures hook.
    # 17 -> 14 (issue 17).
    # 14 -> 12 (issue 17): the site, the home page and the sections above a page kept per process
    # (portal.routing), Wagtail's privacy check in one query (portal.models.BasePage).
    "home": 12,
    # library 18 (issue 11): the filter panel's counts come from the search facets, counted with the total in
    # one UNION query by the database (replacing the count query). 21 -> 17 (issue 17). 17 -> 12 (issue 17):
    # the filters' vocabulary (themes, target groups, tags, SDGs and the privacy check of the tag query: 5)
    # kept under the search documents' token, read once per view (practices.listing.keep). 12 -> 11: the
    # cards' pages without their tags, which no card shows (search.service.search(cards_only=True)).
    # 11 -> 5 (issue 17): routing as above (-3), the cards kept with each practice's stored fragment, one
    # query for a page of cards instead of their pages, renditions and target groups (practices.cards): the
    # library read again, the privacy check, the token, the cards and the page's English address.
    "library": 5,
    "library_filtered": 5,
    # practice 25 -> 26 (issue 16): the publications that cover the practice (one query).
    # practice 26 -> 16 (issue 17; 13 before the English commit added the locale and language links): related
    # practices and adopters from the stored digest (one query), the
    # case study's nine relations in one UNION query, every image's renditions in one (selectors.
    # practice_page_context); routing (4) and Wagtail's privacy check (2) are unchanged.
    # 16 -> 13 (issue 17): the site chrome above (-2) and routing without Wagtail's Locale query (-1): the
    # site, the home page, the library (two) and the practice.
    # 13 -> 9 (issue 17): the case study's relations, their renditions, the publications citing it and the
    # page's address in English come with the digest (practices.digest, "Rendered fragment"); the hero's
    # renditions remain (one).
    # 9 -> 3 (issue 17): the site, the home page and the library kept per process, the digest read with the
    # practice (practices.models.served_practices), the privacy check in one query: the practice, the
    # privacy check and the hero's renditions. 3 -> 2: the hero and its link-preview rendition are stored
    # in the fragment too.
    "practice": 2,
    # kit 14 -> 9 (issue 17): routing and the privacy check as above.
    "kit": 9,
    # tag 13 -> 12 (issue 17): its cards without their tags, as the library's. 12 -> 6: routing and the
    # stored cards as the library's.
    "tag": 6,
}
# Under /en/ (no English pages in these libraries: the Turkish ones are shown under the English address): a
# Turkish practice under /en/ renders its case study live (its stored fragment is the Turkish address's): 6;
# the cards of Turkish practices link to /en/ addresses, so they are rendered, not stored (+3: their pages,
# renditions and target groups); the kit has no English address to look up (-1). The home page's lookup of
# its English translation is kept with the home page (portal.routing).
EXPECTED_QUERIES_EN = EXPECTED_QUERIES | {
    "practice": 6,
    "library": 8,
    "library_filtered": 8,
    "tag": 9,
    "kit": 8,
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


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("count", [5, 50])
def test_public_pages_run_a_constant_number_of_queries(client, django_assert_num_queries, count, prefix):
    urls = urls_for(build_library(count))
    expected = EXPECTED_QUERIES_EN if prefix else EXPECTED_QUERIES
    for page_name, path in urls.items():
        url = prefix + path
        # The first visit creates image renditions; from then on every visit is the same.
        assert client.get(url).status_code == 200, url
        with django_assert_num_queries(expected[page_name]):
            response = client.get(url)
        assert response.status_code == 200, url
