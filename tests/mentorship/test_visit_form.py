"""The mentors' visit form: practices are chosen in Wagtail's chooser, never listed from the whole library."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from mentorship.factories import MunicipalityFactory, VisitFactory
from mentorship.models import Visit, VisitStatus
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("mentorship_visits:add")
CHOOSER_URL = reverse("mentorship_practice_chooser:choose")
CHOOSER_RESULTS_URL = reverse("mentorship_practice_chooser:choose_results")


def edit_url(visit: Visit) -> str:
    return reverse("mentorship_visits:edit", args=(visit.pk,))


def visit_data(municipality, practices=(), **overrides) -> dict:
    data = {
        "municipality": municipality.pk,
        "status": VisitStatus.REQUESTED,
        "date": "",
        "preferred_dates": "Mart sonu",
        "format": "hosted",
        "participants": "",
        "contact": "",
        "request_message": "",
        "notes": "",
        "practice_links": inline_formset([{"practice": practice.pk} for practice in practices]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def mentor_client(client, mentor):
    client.force_login(mentor)
    return client


def test_the_add_form_lists_no_practice_and_offers_the_chooser(mentor_client):
    titles = [PracticePageFactory(title=f"Kütüphane uygulaması {n}").title for n in range(3)]
    html = mentor_client.get(ADD_URL).content.decode()
    assert not any(title in html for title in titles)
    assert 'name="practice_links-TOTAL_FORMS"' in html
    assert "Bir uygulama seçin" in html  # "Choose a practice"


def test_the_form_page_runs_the_same_queries_whatever_the_size_of_the_library(mentor_client):
    for _ in range(3):
        PracticePageFactory()
    mentor_client.get(ADD_URL)
    with CaptureQueriesContext(connection) as small:
        small_size = len(mentor_client.get(ADD_URL).content)
    for _ in range(30):
        PracticePageFactory()
    with CaptureQueriesContext(connection) as large:
        large_size = len(mentor_client.get(ADD_URL).content)
    assert len(large.captured_queries) == len(small.captured_queries)
    assert large_size == small_size


def test_a_mentor_adds_a_visit_with_several_practices(mentor_client):
    municipality = MunicipalityFactory()
    practices = [PracticePageFactory(), PracticePageFactory()]
    response = mentor_client.post(ADD_URL, visit_data(municipality, practices))
    assert response.status_code == 302
    assert set(Visit.objects.get().practices.all()) == set(practices)


def test_the_edit_form_shows_the_chosen_practices_and_can_remove_one(mentor_client):
    kept, removed = PracticePageFactory(title="Kalan uygulama"), PracticePageFactory(title="Çıkan uygulama")
    other = PracticePageFactory(title="Seçilmemiş uygulama")
    visit = VisitFactory(practices=[kept, removed])
    html = mentor_client.get(edit_url(visit)).content.decode()
    assert "Kalan uygulama" in html and "Çıkan uygulama" in html
    assert other.title not in html

    links = {link.practice_id: link for link in visit.practice_links.all()}
    rows = [
        {"id": links[kept.pk].pk, "practice": kept.pk},
        {"id": links[removed.pk].pk, "practice": removed.pk, "DELETE": "on"},
    ]
    data = visit_data(visit.municipality, status=visit.status, date=visit.date or "")
    data.update(nested_form_data({"practice_links": inline_formset(rows, initial=2)}))
    response = mentor_client.post(edit_url(visit), data)
    assert response.status_code == 302
    assert list(visit.practices.all()) == [kept]


def test_a_form_with_an_error_keeps_the_chosen_practices(mentor_client):
    municipality = MunicipalityFactory()
    chosen = PracticePageFactory(title="Seçilen uygulama")
    response = mentor_client.post(
        ADD_URL, visit_data(municipality, [chosen], status=VisitStatus.SCHEDULED, date="")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Seçilen uygulama" in html
    assert f'name="practice_links-0-practice" value="{chosen.pk}"' in html
    assert not Visit.objects.exists()


@pytest.mark.parametrize("kind", ["draft", "restricted"])
def test_only_published_public_practices_can_be_chosen(mentor_client, kind):
    practice = PracticePageFactory(live=kind != "draft", title="Gizli uygulama")
    if kind == "restricted":
        PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.LOGIN)
    response = mentor_client.post(ADD_URL, visit_data(MunicipalityFactory(), [practice]))
    assert response.status_code == 200
    assert "Yayımlanmış bir uygulama seçin." in response.content.decode()  # "Choose a published practice."
    assert not Visit.objects.exists()
    listing = mentor_client.get(CHOOSER_URL, {"multiple": 1}).content.decode()
    assert "Gizli uygulama" not in listing


def test_a_practice_chosen_twice_is_an_error_at_the_row(mentor_client):
    practice = PracticePageFactory()
    response = mentor_client.post(ADD_URL, visit_data(MunicipalityFactory(), [practice, practice]))
    assert response.status_code == 200
    assert not Visit.objects.exists()


def test_a_practice_unpublished_after_the_visit_stays_on_it(mentor_client):
    practice = PracticePageFactory()
    visit = VisitFactory(practices=[practice])
    practice.unpublish()
    link = visit.practice_links.get()
    data = visit_data(visit.municipality, status=visit.status, date=visit.date or "", notes="Not eklendi")
    data.update(
        nested_form_data(
            {"practice_links": inline_formset([{"id": link.pk, "practice": practice.pk}], initial=1)}
        )
    )
    assert mentor_client.post(edit_url(visit), data).status_code == 302
    assert list(visit.practices.all()) == [practice]


def test_the_chooser_lists_published_practices_a_page_at_a_time_and_searches_titles(mentor_client):
    for n in range(25):
        PracticePageFactory(title=f"Uygulama numara {n:02d}")
    PracticePageFactory(title="Sosyal Market")
    listing = mentor_client.get(CHOOSER_URL, {"multiple": 1}).content.decode()
    # A page of 20, by title: "Sosyal Market" and the first 19 numbered practices.
    assert "Sosyal Market" in listing
    assert len(set(re.findall(r"Uygulama numara \d\d", listing))) == 19
    found = mentor_client.get(CHOOSER_RESULTS_URL, {"multiple": 1, "q": "sosyal"}).content.decode()
    assert "Sosyal Market" in found and "Uygulama numara" not in found
