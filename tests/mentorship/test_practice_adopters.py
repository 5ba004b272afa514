"""“Adopted elsewhere” on a practice page: counted always, named (linked, with what was kept and changed) only
where a mentor marked the adoption to be shown, and never a person; a fixed number of queries."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from mentorship.factories import (
    AdoptionFactory,
    AdoptionMetricFactory,
    ContactPersonFactory,
    MunicipalityFactory,
)
from mentorship.forms import AdoptionForm
from mentorship.models import AdoptionStage
from mentorship.public.adopters import practice_adopters
from practices.factories import PracticeMetricFactory, PracticePageFactory

pytestmark = pytest.mark.django_db

ADOPTERS_QUERIES = 2


def adopted_practice(*, public: int, private: int = 0):
    """A practice adopted by `public` municipalities marked to be shown and `private` ones that are not,
    each with a website, a story, a metric and a contact person; plus a pilot and a dropped adoption."""
    practice = PracticePageFactory()
    origin = PracticeMetricFactory(page=practice, label="Yararlanan", value=500, unit="kişi")
    adoptions = []
    for n in range(public + private):
        shown = n < public
        prefix = "Açık" if shown else "Gizli"
        municipality = MunicipalityFactory(
            name=f"{prefix} Belediye {n:02d}", website=f"https://{prefix.lower()}{n}.example.org/"
        )
        ContactPersonFactory(municipality=municipality, name=f"Kişi {prefix} {n}", email=f"k{n}@ornek.test")
        adoption = AdoptionFactory(
            municipality=municipality,
            practice=practice,
            stage=AdoptionStage.ADOPTED if n % 2 else AdoptionStage.SCALED,
            kept=f"{prefix} korunan {n}",
            changed=f"{prefix} değişen {n}",
            show_publicly=shown,
        )
        AdoptionMetricFactory(
            adoption=adoption, origin_metric=origin, label="Yararlanan", value=9300 + n, unit="kişi"
        )
        adoptions.append(adoption)
    AdoptionFactory(
        practice=practice,
        stage=AdoptionStage.PILOTING,
        municipality__name="Henüz Pilotta",
        show_publicly=True,
    )
    AdoptionFactory(
        practice=practice, stage=AdoptionStage.DROPPED, municipality__name="Vazgeçen", show_publicly=True
    )
    return practice, adoptions


def adopted_by_section(client, practice, *, path: str = "", **headers) -> str:
    html = client.get(path or practice.url, **headers).content.decode()
    return re.search(r'<section class="adopted-by".*?</section>', html, re.S).group(0)


def test_every_adopter_is_counted_but_only_the_ones_marked_public_are_named(client):
    practice, adoptions = adopted_practice(public=2, private=3)
    section = adopted_by_section(client, practice)
    count = re.search(r'class="adopted-by__count">(.*?)</p>', section, re.S).group(1)
    assert re.search(r"\b5\b", count)
    for adoption in adoptions[:2]:
        municipality = adoption.municipality
        assert f'<a href="{municipality.website}" rel="external noopener">{municipality}</a>' in section
        assert adoption.kept in section and adoption.changed in section
    for adoption in adoptions[2:]:
        assert str(adoption.municipality) not in section
        assert adoption.municipality.website not in section
        assert adoption.kept not in section and adoption.changed not in section
    assert re.search(r'class="adopted-by__unnamed">\s*3\b', section)
    # Pilots and dropped adoptions are neither counted nor named, even when marked to be shown.
    assert "Henüz Pilotta" not in section and "Vazgeçen" not in section


def test_a_named_adopter_without_a_website_is_plain_text(client):
    practice, adoptions = adopted_practice(public=1)
    municipality = adoptions[0].municipality
    municipality.website = ""
    municipality.save()
    section = adopted_by_section(client, practice)
    assert f'<h3 class="adopter__name">{municipality}</h3>' in section


def test_with_no_adopter_marked_public_no_name_and_no_figure_of_theirs_is_shown(client):
    practice, _adoptions = adopted_practice(public=0, private=2)
    section = adopted_by_section(client, practice)
    assert re.search(r'class="adopted-by__count">[^<]*\b2\b', section)
    assert "Gizli" not in section
    assert "metric-comparison" not in section  # their figures would name them
    assert "9.300" not in section and "9300" not in section


def test_named_adopters_figures_are_shown_in_turkish_number_format(client):
    practice, _adoptions = adopted_practice(public=1)
    section = adopted_by_section(client, practice)
    assert "9.300 kişi" in section and "9300" not in section
    # The address decides the language (Accept-Language no longer does on public pages); the digest stores
    # raw numbers, so the English page formats the same block the Turkish view stored in its own way.
    english = adopted_by_section(client, practice, path=f"/en{practice.url}")
    assert "9,300 kişi" in english and "9.300" not in english


def test_no_person_ever_appears_on_the_practice_page(client):
    practice, adoptions = adopted_practice(public=2, private=1)
    html = client.get(practice.url).content.decode()
    for adoption in adoptions:
        for contact in adoption.municipality.contacts.all():
            assert contact.name not in html and contact.email not in html and contact.phone not in html


def test_adopters_selector_runs_two_queries_whatever_the_number(django_assert_num_queries):
    for public, private in ((1, 0), (6, 6)):
        practice, adoptions = adopted_practice(public=public, private=private)
        with django_assert_num_queries(ADOPTERS_QUERIES):
            adopters = practice_adopters(practice=practice)
        assert adopters.count == public + private
        assert [story.municipality for story in adopters.stories] == sorted(
            str(adoption.municipality) for adoption in adoptions[:public]
        )
        assert len(adopters.comparison[0].adopters) == public


def test_adopters_selector_skips_the_metrics_query_when_nobody_is_named(django_assert_num_queries):
    practice, _adoptions = adopted_practice(public=0, private=4)
    with django_assert_num_queries(1):
        adopters = practice_adopters(practice=practice)
    assert (adopters.count, adopters.stories, adopters.comparison) == (4, [], [])


@pytest.mark.parametrize("size", [1, 8])
def test_practice_page_query_count_does_not_grow_with_adopters(client, django_assert_num_queries, size):
    practice, _adoptions = adopted_practice(public=size, private=size)
    baseline_practice, _ = adopted_practice(public=1)
    # First views render and store each page's fragment (a publish may mark the other's stale).
    client.get(practice.url)
    client.get(baseline_practice.url)
    with CaptureQueriesContext(connection) as baseline:
        client.get(baseline_practice.url)
    with django_assert_num_queries(len(baseline.captured_queries)):
        assert client.get(practice.url).status_code == 200


def test_show_publicly_is_off_by_default_and_in_the_mentors_form():
    adoption = AdoptionFactory(stage=AdoptionStage.ADOPTED)
    assert adoption.show_publicly is False
    assert "show_publicly" in AdoptionForm.base_fields
