"""The follow-up form: its visit or adoption is picked in a chooser, never listed from every record."""

import datetime
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

import pytest

from mentorship.factories import AdoptionFactory, FollowUpFactory, MunicipalityFactory, VisitFactory
from mentorship.models import AdoptionStage, FollowUp, MunicipalityKind, VisitFormat, VisitStatus
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("mentorship_follow_ups:add")
VISIT_CHOOSER = "mentorship_visit_chooser"
ADOPTION_CHOOSER = "mentorship_adoption_chooser"
EXACTLY_ONE = ("exactly one", "yalnızca birine")  # the English msgid or its Turkish translation
# Session, user, permissions, profile, locales, the menu's permission checks and the assignee's mentors:
# none per visit or adoption.
ADD_FORM_QUERIES = 10


def edit_url(follow_up: FollowUp) -> str:
    return reverse("mentorship_follow_ups:edit", args=(follow_up.pk,))


def follow_up_data(mentor, *, visit=None, adoption=None, **overrides) -> dict:
    data = {
        "action": "Bütçe şablonunu gönder",
        "assignee": mentor.pk,
        "due_date": "2026-04-01",
        "done_at": "",
        "visit": getattr(visit, "pk", visit) or "",
        "adoption": getattr(adoption, "pk", adoption) or "",
    }
    data.update(overrides)
    return data


def chooser_html(response) -> str:
    """The listing inside a chooser's modal response (the results view answers plain HTML)."""
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


def a_visit(name: str, date: datetime.date | None, **kwargs):
    municipality = MunicipalityFactory(name=name, kind=MunicipalityKind.METROPOLITAN)
    status = VisitStatus.SCHEDULED if date else VisitStatus.REQUESTED
    return VisitFactory(municipality=municipality, date=date, status=status, **kwargs)


@pytest.fixture
def mentor_client(client, mentor):
    client.force_login(mentor)
    return client


# ---- the form ---------------------------------------------------------------------------------------------


def test_the_add_form_lists_no_visit_or_adoption_and_offers_both_choosers(mentor_client):
    visit = a_visit("Listelenmeyen Belediyesi", datetime.date(2026, 3, 12))
    AdoptionFactory(practice=PracticePageFactory(title="Listelenmeyen uygulama"))
    html = mentor_client.get(ADD_URL).content.decode()
    assert visit.municipality.name not in html and "Listelenmeyen uygulama" not in html
    assert '<select name="visit"' not in html and '<select name="adoption"' not in html
    assert reverse(f"{VISIT_CHOOSER}:choose") in html
    assert reverse(f"{ADOPTION_CHOOSER}:choose") in html


def test_the_form_runs_the_same_queries_whatever_the_number_of_visits_and_adoptions(mentor_client):
    follow_up = FollowUpFactory()
    mentor_client.get(ADD_URL)
    with CaptureQueriesContext(connection) as small:
        small_size = len(mentor_client.get(ADD_URL).content)
    with CaptureQueriesContext(connection) as small_edit:
        mentor_client.get(edit_url(follow_up))
    VisitFactory.create_batch(15)
    AdoptionFactory.create_batch(15)
    with CaptureQueriesContext(connection) as large:
        large_size = len(mentor_client.get(ADD_URL).content)
    with CaptureQueriesContext(connection) as large_edit:
        mentor_client.get(edit_url(follow_up))
    assert len(small.captured_queries) == len(large.captured_queries) == ADD_FORM_QUERIES
    assert large_size == small_size
    # The edit form loads its chosen visit's label once (one query), however many visits there are.
    assert len(large_edit.captured_queries) == len(small_edit.captured_queries)


def test_a_mentor_adds_a_follow_up_to_a_visit_chosen_by_id(mentor_client, mentor):
    visit = a_visit("Tepebaşı", datetime.date(2026, 3, 12))
    response = mentor_client.post(ADD_URL, follow_up_data(mentor, visit=visit))
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.visit, follow_up.adoption) == (visit, None)


def test_a_mentor_adds_a_follow_up_to_an_adoption(mentor_client, mentor):
    adoption = AdoptionFactory()
    response = mentor_client.post(ADD_URL, follow_up_data(mentor, adoption=adoption))
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.visit, follow_up.adoption) == (None, adoption)


@pytest.mark.parametrize("parents", ["neither", "both"])
def test_a_follow_up_needs_exactly_one_parent(mentor_client, mentor, parents):
    chosen = {"visit": VisitFactory(), "adoption": AdoptionFactory()} if parents == "both" else {}
    response = mentor_client.post(ADD_URL, follow_up_data(mentor, **chosen))
    assert response.status_code == 200
    html = response.content.decode()
    assert any(message in html for message in EXACTLY_ONE)
    assert "follow_up_visit_xor_adoption" not in html  # said once, in words, not as the constraint's name
    assert not FollowUp.objects.exists()


def test_a_form_with_errors_keeps_the_chosen_visit_and_adoption(mentor_client, mentor):
    visit = a_visit("Tepebaşı", datetime.date(2026, 3, 12))
    adoption = AdoptionFactory(practice=PracticePageFactory(title="Sosyal Market"))
    response = mentor_client.post(ADD_URL, follow_up_data(mentor, visit=visit, action=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'name="visit" value="{visit.pk}"' in html
    assert "Tepebaşı — 12.03.2026" in html
    response = mentor_client.post(ADD_URL, follow_up_data(mentor, adoption=adoption, due_date="not a date"))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'name="adoption" value="{adoption.pk}"' in html
    assert "Sosyal Market" in html
    assert not FollowUp.objects.exists()


@pytest.mark.parametrize("bad_id", ["abc", "-1", "99999999999999999999999", "0"])
def test_an_id_that_is_no_visit_is_a_form_error_not_a_crash(mentor_client, mentor, bad_id):
    response = mentor_client.post(ADD_URL, follow_up_data(mentor, visit=bad_id))
    assert response.status_code == 200
    assert not FollowUp.objects.exists()


def test_the_edit_form_shows_the_chosen_visit_and_can_move_the_follow_up_to_an_adoption(
    mentor_client, mentor
):
    follow_up = FollowUpFactory(visit=a_visit("Tepebaşı", datetime.date(2026, 3, 12)))
    assert "Tepebaşı — 12.03.2026" in mentor_client.get(edit_url(follow_up)).content.decode()
    adoption = AdoptionFactory()
    data = follow_up_data(mentor, adoption=adoption, action=follow_up.action)
    assert mentor_client.post(edit_url(follow_up), data).status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.visit, follow_up.adoption) == (None, adoption)


# ---- the choosers -----------------------------------------------------------------------------------------


def test_the_visit_chooser_lists_newest_first_twenty_a_page(mentor_client):
    start = datetime.date(2026, 1, 1)
    for n in range(25):
        a_visit(f"Belediye {n:02d}", start + datetime.timedelta(days=n))
    html = chooser_html(mentor_client.get(reverse(f"{VISIT_CHOOSER}:choose")))
    assert "Belediye 24 — 25.01.2026" in html
    assert html.index("Belediye 24") < html.index("Belediye 23")
    assert "Belediye 04" not in html  # the 21st newest: on page 2
    page_2 = chooser_html(mentor_client.get(reverse(f"{VISIT_CHOOSER}:choose_results"), {"p": 2}))
    assert "Belediye 04" in page_2 and "Belediye 24" not in page_2


def test_the_visit_chooser_label_says_where_when_and_how(mentor_client):
    a_visit("Tepebaşı", datetime.date(2026, 3, 12), format=VisitFormat.HOSTED)
    a_visit("Odunpazarı", None)
    html = chooser_html(mentor_client.get(reverse(f"{VISIT_CHOOSER}:choose")))
    assert "Tepebaşı — 12.03.2026, " in html
    assert "Odunpazarı — " in html


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("tepe", {"Tepebaşı"}),
        ("12.03.2026", {"Tepebaşı"}),
        ("2026-03-12", {"Tepebaşı"}),
        ("03.2026", {"Tepebaşı", "Odunpazarı"}),
        ("2025", {"Nilüfer"}),
        ("yok böyle", set()),
    ],
)
def test_the_visit_chooser_searches_municipality_names_and_dates(mentor_client, query, found):
    a_visit("Tepebaşı", datetime.date(2026, 3, 12))
    a_visit("Odunpazarı", datetime.date(2026, 3, 30))
    a_visit("Nilüfer", datetime.date(2025, 11, 2))
    html = chooser_html(mentor_client.get(reverse(f"{VISIT_CHOOSER}:choose_results"), {"q": query}))
    assert {name for name in ("Tepebaşı", "Odunpazarı", "Nilüfer") if name in html} == found


def test_the_adoption_chooser_searches_municipality_and_practice_and_labels_the_stage(mentor_client):
    market = AdoptionFactory(
        municipality=MunicipalityFactory(name="Tepebaşı", kind=MunicipalityKind.METROPOLITAN),
        practice=PracticePageFactory(title="Sosyal Market"),
        stage=AdoptionStage.PLANNING,
    )
    AdoptionFactory(
        municipality=MunicipalityFactory(name="Nilüfer", kind=MunicipalityKind.METROPOLITAN),
        practice=PracticePageFactory(title="Kent Bostanı"),
    )
    results = reverse(f"{ADOPTION_CHOOSER}:choose_results")
    by_practice = chooser_html(mentor_client.get(results, {"q": "sosyal"}))
    assert "Tepebaşı — Sosyal Market (" in by_practice
    assert market.get_stage_display() in by_practice.split("Sosyal Market (", 1)[1]
    assert "Kent Bostanı" not in by_practice
    by_municipality = chooser_html(mentor_client.get(results, {"q": "nilüfer"}))
    assert "Kent Bostanı" in by_municipality and "Sosyal Market" not in by_municipality


def test_the_adoption_chooser_lists_newest_first(mentor_client):
    older = AdoptionFactory(practice=PracticePageFactory(title="Eski uyarlama"))
    AdoptionFactory(practice=PracticePageFactory(title="Yeni uyarlama"))
    older.created_at = older.created_at - datetime.timedelta(days=30)
    older.save(update_fields=["created_at"])
    html = chooser_html(mentor_client.get(reverse(f"{ADOPTION_CHOOSER}:choose")))
    assert html.index("Yeni uyarlama") < html.index("Eski uyarlama")


def test_choosing_a_visit_answers_its_id_and_label(mentor_client):
    visit = a_visit("Tepebaşı", datetime.date(2026, 3, 12))
    response = mentor_client.get(reverse(f"{VISIT_CHOOSER}:chosen", args=(visit.pk,)))
    result = json.loads(response.content)["result"]
    assert result["id"] == str(visit.pk)
    assert result["title"].startswith("Tepebaşı — 12.03.2026, ")
    for missing in ("0", "abc", "99999999999999999999999", str(visit.pk + 1000)):
        assert mentor_client.get(reverse(f"{VISIT_CHOOSER}:chosen", args=(missing,))).status_code == 404


def chooser_urls() -> list[str]:
    visit, adoption = VisitFactory(notes="Gizli ziyaret notu"), AdoptionFactory()
    return [
        reverse(f"{VISIT_CHOOSER}:choose"),
        reverse(f"{VISIT_CHOOSER}:choose_results") + "?q=a",
        reverse(f"{VISIT_CHOOSER}:chosen", args=(visit.pk,)),
        reverse(f"{VISIT_CHOOSER}:chosen_multiple") + f"?id={visit.pk}",
        reverse(f"{ADOPTION_CHOOSER}:choose"),
        reverse(f"{ADOPTION_CHOOSER}:choose_results") + "?q=a",
        reverse(f"{ADOPTION_CHOOSER}:chosen", args=(adoption.pk,)),
        reverse(f"{ADOPTION_CHOOSER}:chosen_multiple") + f"?id={adoption.pk}",
    ]


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("editor", False), ("publisher", False), ("mentor", True), ("admin_user", True)],
)
def test_only_mentors_and_admins_open_the_choosers(client, request, role, allowed):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    for url in chooser_urls():
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, url
        elif role == "anonymous":
            assert response.status_code == 302 and response.url.startswith("/admin/login/"), url
        else:
            assert response.status_code in (302, 403), url
            assert response.status_code == 403 or not response.url.startswith(url.split("?")[0]), url


def test_the_choosers_have_no_create_view():
    for namespace in (VISIT_CHOOSER, ADOPTION_CHOOSER):
        with pytest.raises(NoReverseMatch):
            reverse(f"{namespace}:create")
