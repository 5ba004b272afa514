"""The readiness self-check: scoring per dimension, the result page and PDF, bad input, and the rule that
nothing personal is stored (only a monthly count per theme and result band)."""

import datetime
import io

from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

import pytest
from pypdf import PdfReader

from practices import readiness
from practices.factories import PracticePageFactory, PracticePartnerFactory, ReplicationStepFactory
from practices.models import ReadinessCheckCount, ReadinessDimension

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with no browser "seen" today (the counting's de-duplication lives in the cache)."""
    cache.clear()
    yield
    cache.clear()


EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36"
ALL_HAVE = {
    "population": "gt1m",
    "budget": "very_high",
    "staff": "team",
    "legal": "in_place",
    "partners": "committed",
    "backing": "formal",
}
ALL_MISSING = {
    "population": "lt10k",
    "budget": "none",
    "staff": "none",
    "legal": "none",
    "partners": "none",
    "backing": "none",
}


def needs(**overrides) -> readiness.PracticeNeeds:
    values = {
        "budget_band": "medium",
        "staff_needed": "3 sosyal hizmet uzmanı",
        "legal_basis": "5393 sayılı Belediye Kanunu, madde 14",
        "partner_names": ("Halk Eğitim Merkezi",),
        "beneficiaries_count": 30_000,
    }
    return readiness.PracticeNeeds(**(values | overrides))


def gaps_of(answers, **need_overrides) -> set[str]:
    result = readiness.readiness_score(answers=answers, needs=needs(**need_overrides))
    return {item.dimension.key for item in result.gaps}


@pytest.fixture
def practice():
    page = PracticePageFactory(
        slug="cocuk-senligi",
        budget_band="medium",
        staff_needed="2 uzman",
        legal_basis="5393 sayılı Kanun",
        beneficiaries_count=5000,
    )
    ReplicationStepFactory(page=page, title="Bütçe kalemini açın", readiness_dimension="budget")
    ReplicationStepFactory(page=page, title="Meclis kararı alın", readiness_dimension="legal")
    ReplicationStepFactory(page=page, title="Ekibi kurun", readiness_dimension="")
    PracticePartnerFactory(page=page, name="Halk Eğitim Merkezi")
    return page


def url(practice, suffix="hazirlik/") -> str:
    return practice.url + suffix


# Scoring -------------------------------------------------------------------------------------------------


def test_all_have_gives_no_gap_and_the_ready_band():
    result = readiness.readiness_score(answers=ALL_HAVE, needs=needs())
    assert result.gaps == [] and len(result.have) == len(readiness.DIMENSIONS)
    assert result.band == "ready"


def test_all_missing_gives_a_gap_on_every_dimension_the_practice_needs():
    assert gaps_of(ALL_MISSING) == {d.key for d in readiness.DIMENSIONS}
    assert readiness.readiness_score(answers=ALL_MISSING, needs=needs()).band == "early"


@pytest.mark.parametrize(
    ("dimension", "short", "enough"),
    [
        ("population", "lt10k", "10k-50k"),  # 30,000 beneficiaries: a town of under 10,000 cannot hold them
        ("budget", "low", "medium"),
        ("staff", "full_time", "team"),  # "3 …" in staff needed asks for a team
        ("legal", "in_progress", "in_place"),
        ("partners", "talking", "committed"),
        ("backing", "none", "informal"),  # a medium budget needs the mayor's support, not the council's
    ],
)
def test_each_dimension_is_a_gap_just_below_what_the_practice_needs(dimension, short, enough):
    assert gaps_of(ALL_HAVE | {dimension: short}) == {dimension}
    assert gaps_of(ALL_HAVE | {dimension: enough}) == set()


def test_population_band_must_hold_the_practices_beneficiaries():
    assert gaps_of(ALL_HAVE | {"population": "10k-50k"}) == set()  # 30,000 fits under 50,000
    assert gaps_of(ALL_HAVE | {"population": "lt10k"}) == {"population"}


def test_needs_the_practice_does_not_state_are_never_gaps():
    answers = ALL_MISSING | {"budget": "medium", "staff": "part_time", "backing": "informal"}
    unstated = {"staff_needed": "", "legal_basis": "", "partner_names": (), "beneficiaries_count": None}
    assert gaps_of(answers, **unstated) == set()


def test_a_large_budget_needs_a_formal_decision():
    assert gaps_of(ALL_HAVE | {"backing": "informal"}, budget_band="high") == {"backing"}


def test_a_gap_lists_only_the_steps_marked_for_it():
    steps = [
        ReplicationStepFactory.build(title="Bütçe", readiness_dimension="budget"),
        ReplicationStepFactory.build(title="Hukuk", readiness_dimension="legal"),
        ReplicationStepFactory.build(title="Genel", readiness_dimension=""),
    ]
    result = readiness.readiness_score(answers=ALL_HAVE | {"budget": "none"}, needs=needs(), steps=steps)
    (gap,) = result.gaps
    assert [s.title for s in gap.steps] == ["Bütçe"]
    assert all(item.steps == () for item in result.have)


def test_the_dimensions_are_the_replication_step_choices():
    assert [d.key for d in readiness.DIMENSIONS] == ReadinessDimension.values


# The page --------------------------------------------------------------------------------------------------


def test_the_practice_page_links_to_the_self_check(client, practice):
    response = client.get(practice.url, **EN)
    assert url(practice).encode() in response.content


def test_the_link_on_the_practice_page_costs_no_query(rf, practice, django_assert_num_queries):
    request = rf.get(practice.url)
    context = {"page": practice, "request": request}
    render_to_string("components/_readiness_link.html", context)  # the request caches the site's paths
    with django_assert_num_queries(0):
        html = render_to_string("components/_readiness_link.html", context)
    assert url(practice) in html


def test_the_empty_questionnaire_asks_six_questions(client, practice):
    response = client.get(url(practice), **EN)
    assert response.status_code == 200
    assert response.content.count(b'type="radio"') == sum(len(d.choices) for d in readiness.DIMENSIONS)
    assert "no-store" in response["Cache-Control"]
    assert ReadinessCheckCount.objects.count() == 0


def test_the_result_shows_gaps_with_their_steps_and_what_they_have(client, practice):
    answers = ALL_HAVE | {"budget": "low", "legal": "none"}
    response = client.get(url(practice), answers, **EN)
    assert response.status_code == 200
    html = response.content.decode()
    gaps, have = html.split("readiness__list--have")
    assert "Bütçe kalemini açın" in gaps and "Meclis kararı alın" in gaps
    assert "Ekibi kurun" not in html
    assert have.split("</ul>")[0].count("<li>") == 4  # population, staff, partners, backing
    assert "readiness__band--partly" in html
    assert "hazirlik/pdf/?" in html


def test_the_result_costs_three_queries_more_than_the_questionnaire(client, practice):
    """The steps, the partners' names and the count's UPDATE; whatever every page of the portal pays (site,
    routing, settings, header) is the same for both and pinned by tests/practices/test_query_counts.py."""
    # Warm the site and settings caches; creates the count's row (another browser, so the next one counts).
    client.get(url(practice), ALL_HAVE, HTTP_USER_AGENT=BROWSER + " A")
    with CaptureQueriesContext(connection) as questionnaire:
        client.get(url(practice))
    with CaptureQueriesContext(connection) as result:
        client.get(url(practice), ALL_HAVE, HTTP_USER_AGENT=BROWSER)
    assert len(result) == len(questionnaire) + 3
    assert len(questionnaire) <= 12


@pytest.mark.parametrize(
    "query",
    [
        {**ALL_HAVE, "budget": "a-lot"},  # not a choice
        {**ALL_HAVE, "population": "999"},  # out of range
        {k: v for k, v in ALL_HAVE.items() if k != "staff"},  # missing
        {**ALL_HAVE, "legal": "in_place\u200b"},  # junk characters
        {"budget": ["low", "<script>"]},  # repeated and partial
    ],
)
def test_bad_answers_are_form_errors_that_keep_what_was_chosen(client, practice, query):
    response = client.get(url(practice), query, **EN)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html and "field--invalid" in html
    assert "<script>" not in html.split('id="error-summary"')[1].split("</form>")[0]
    if query.get("population") == "gt1m":
        assert 'value="gt1m" id="id_population_4" checked' in html
    assert ReadinessCheckCount.objects.count() == 0


def test_a_null_byte_is_refused_without_an_error_page(client, practice):
    response = client.get(url(practice), {**ALL_HAVE, "legal": "in_place\x00"})
    assert response.status_code == 400
    assert ReadinessCheckCount.objects.count() == 0


def test_unknown_parameters_alone_show_the_fresh_form(client, practice):
    response = client.get(url(practice), {"utm_source": "newsletter", "x": "1"}, **EN)
    assert response.status_code == 200
    assert b'id="error-summary"' not in response.content


def test_the_pdf_is_a_real_pdf_with_the_gaps(client, practice):
    response = client.get(url(practice, "hazirlik/pdf/"), ALL_HAVE | {"budget": "none"}, **EN)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="cocuk-senligi-readiness.pdf"' in response["Content-Disposition"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Bütçe kalemini açın" in text


def test_the_pdf_with_bad_answers_goes_back_to_the_form(client, practice):
    response = client.get(url(practice, "hazirlik/pdf/"), {"budget": "junk"})
    assert response.status_code == 302
    assert response["Location"].startswith(url(practice)) and "budget=junk" in response["Location"]


def test_a_draft_practice_has_no_self_check(client):
    draft = PracticePageFactory(live=False)
    assert client.get(draft.url or "/uygulamalar/" + draft.slug + "/hazirlik/").status_code == 404


# Nothing personal is stored ------------------------------------------------------------------------------


def test_only_a_monthly_count_per_theme_and_band_is_stored(client, practice):
    client.get(practice.url)  # the site's settings row is made on the first request of any page
    tables_before = {table: count_rows(table) for table in connection.introspection.table_names()}
    client.get(url(practice), ALL_HAVE, REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Secret Browser")
    client.get(url(practice), ALL_HAVE, REMOTE_ADDR="198.51.100.9", HTTP_USER_AGENT=BROWSER)
    changed = {table for table in tables_before if count_rows(table) != tables_before[table]}
    assert changed == {ReadinessCheckCount._meta.db_table}
    (row,) = ReadinessCheckCount.objects.values()
    assert set(row) == {"id", "theme_id", "band", "month", "count"}
    assert row == row | {"theme_id": practice.theme_id, "band": "ready", "count": 2}
    assert row["month"].day == 1
    stored = " ".join(str(value) for value in row.values())
    assert "203.0.113" not in stored and "Secret" not in stored


def test_counts_go_in_the_month_cell_whatever_the_day():
    theme_id = PracticePageFactory().theme_id
    readiness.readiness_count_record(theme_id=theme_id, band="early", today=datetime.date(2026, 3, 5))
    readiness.readiness_count_record(theme_id=theme_id, band="early", today=datetime.date(2026, 3, 28))
    readiness.readiness_count_record(theme_id=theme_id, band="early", today=datetime.date(2026, 4, 1))
    assert list(ReadinessCheckCount.objects.order_by("month").values_list("month", "count")) == [
        (datetime.date(2026, 3, 1), 2),
        (datetime.date(2026, 4, 1), 1),
    ]


def count_rows(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 - own names
        return cursor.fetchone()[0]
