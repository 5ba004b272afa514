"""The mentorship admin: who reaches which URL, stage change and visit completion, exports, query counts."""

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest

from mentorship.factories import (
    AdoptionFactory,
    ContactPersonFactory,
    FollowUpFactory,
    MunicipalityFactory,
    VisitFactory,
)
from mentorship.models import (
    Adoption,
    AdoptionEvent,
    AdoptionStage,
    Municipality,
    MunicipalityKind,
    Visit,
    VisitStatus,
)
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db

VIEWSETS = {
    "mentorship_municipalities": MunicipalityFactory,
    "mentorship_contacts": ContactPersonFactory,
    "mentorship_visits": VisitFactory,
    "mentorship_follow_ups": FollowUpFactory,
    "mentorship_adoptions": AdoptionFactory,
}


def admin_urls() -> list[tuple[str, str]]:
    """(label, url) for every mentorship admin URL, with one object of each kind."""
    urls = []
    for namespace, factory in VIEWSETS.items():
        pk = factory().pk
        urls += [
            (f"{namespace}:index", reverse(f"{namespace}:index")),
            (f"{namespace}:index_results", reverse(f"{namespace}:index_results")),
            (f"{namespace}:export_csv", reverse(f"{namespace}:index") + "?export=csv"),
            (f"{namespace}:export_xlsx", reverse(f"{namespace}:index") + "?export=xlsx"),
            (f"{namespace}:add", reverse(f"{namespace}:add")),
            (f"{namespace}:edit", reverse(f"{namespace}:edit", args=(pk,))),
            (f"{namespace}:delete", reverse(f"{namespace}:delete", args=(pk,))),
            (f"{namespace}:inspect", reverse(f"{namespace}:inspect", args=(pk,))),
            (f"{namespace}:history", reverse(f"{namespace}:history", args=(pk,))),
        ]
    adoption = Adoption.objects.first()
    visit = Visit.objects.filter(status=VisitStatus.SCHEDULED).first()
    urls += [
        ("change_stage", reverse("mentorship_adoptions:change_stage", args=(adoption.pk,))),
        ("complete_visit", reverse("mentorship_visits:complete", args=(visit.pk,))),
        ("calendar_settings", reverse("mentorship_calendar_settings")),
    ]
    for chooser, pk in (("mentorship_visit_chooser", visit.pk), ("mentorship_adoption_chooser", adoption.pk)):
        urls += [
            (f"{chooser}:choose", reverse(f"{chooser}:choose")),
            (f"{chooser}:choose_results", reverse(f"{chooser}:choose_results")),
            (f"{chooser}:chosen", reverse(f"{chooser}:chosen", args=(pk,))),
            (f"{chooser}:chosen_multiple", reverse(f"{chooser}:chosen_multiple") + f"?id={pk}"),
        ]
    return urls


def is_refused(response, url: str) -> bool:
    if response.status_code == 403:
        return True
    if response.status_code == 302:
        return response.url.split("?")[0] != url.split("?")[0]
    return False


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("editor", False), ("publisher", False), ("mentor", True), ("admin_user", True)],
)
def test_permission_matrix_over_every_mentorship_admin_url(client, request, role, allowed):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    urls = admin_urls()
    assert len(urls) == 5 * 9 + 3 + 2 * 4
    wrong = []
    for label, url in urls:
        response = client.get(url)
        ok = response.status_code == 200
        if (allowed and not ok) or (not allowed and not is_refused(response, url)):
            wrong.append((label, response.status_code))
    assert wrong == []


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_editors_cannot_change_data_by_post(client, request, role):
    client.force_login(request.getfixturevalue(role))
    adoption = AdoptionFactory()
    municipality = adoption.municipality
    responses = [
        client.post(
            reverse("mentorship_adoptions:change_stage", args=(adoption.pk,)), {"to_stage": "planning"}
        ),
        client.post(reverse("mentorship_municipalities:delete", args=(municipality.pk,))),
        client.post(
            reverse("mentorship_municipalities:add"), {"name": "X", "kind": "district", "province": 33}
        ),
    ]
    assert all(r.status_code in (302, 403) for r in responses)
    assert Adoption.objects.get().stage == AdoptionStage.INTERESTED
    assert Municipality.objects.count() == 1


def test_mentor_sees_the_menu_and_editor_does_not(client, mentor, editor):
    client.force_login(mentor)
    assert (
        reverse("mentorship_municipalities:index")
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    client.force_login(editor)
    assert (
        reverse("mentorship_municipalities:index")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


class TestChangeStageView:
    def url(self, adoption):
        return reverse("mentorship_adoptions:change_stage", args=(adoption.pk,))

    def test_backward_move_without_note_shows_the_message_and_keeps_the_input(self, client, mentor):
        client.force_login(mentor)
        adoption = AdoptionFactory(stage=AdoptionStage.PILOTING)
        response = client.post(
            self.url(adoption), {"to_stage": "planning", "note": "", "evidence_url": "https://example.test/x"}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "not gerekir" in html
        assert "https://example.test/x" in html
        assert Adoption.objects.get().stage == AdoptionStage.PILOTING

    def test_forward_move_appends_history_shown_on_the_adoption_page(self, client, mentor):
        client.force_login(mentor)
        adoption = AdoptionFactory()
        response = client.post(self.url(adoption), {"to_stage": "planning", "note": "Meclis kararı alındı"})
        assert response.status_code == 302
        event = AdoptionEvent.objects.get()
        assert (event.to_stage, event.user) == ("planning", mentor)
        page = client.get(response.url).content.decode()
        assert "Meclis kararı alındı" in page

    def test_edit_form_does_not_offer_the_stage(self, client, mentor):
        client.force_login(mentor)
        adoption = AdoptionFactory()
        response = client.post(
            reverse("mentorship_adoptions:edit", args=(adoption.pk,)),
            {"mentor": "", "kept": "Başvuru formu", "changed": "Ekip küçültüldü", "stage": "scaled"},
        )
        assert response.status_code == 302
        adoption.refresh_from_db()
        assert (adoption.kept, adoption.stage) == ("Başvuru formu", AdoptionStage.INTERESTED)

    def test_history_is_read_only_for_mentors(self, client, mentor):
        assert mentor.has_perm("mentorship.view_adoptionevent")
        assert not mentor.has_perm("mentorship.change_adoptionevent")
        assert not mentor.has_perm("mentorship.delete_adoptionevent")
        client.force_login(mentor)
        adoption = AdoptionFactory(stage=AdoptionStage.PLANNING)
        client.post(self.url(adoption), {"to_stage": "piloting"})
        html = client.get(reverse("mentorship_adoptions:inspect", args=(adoption.pk,))).content.decode()
        assert "Stage history" in html or "Aşama geçmişi" in html
        assert "adoptionevent" not in html

    def test_adding_an_adoption_records_its_first_event_and_deleting_keeps_the_count(self, client, mentor):
        client.force_login(mentor)
        municipality, practice = MunicipalityFactory(), PracticePageFactory()
        response = client.post(
            reverse("mentorship_adoptions:add"),
            {
                "municipality": municipality.pk,
                "practice": practice.pk,
                "mentor": mentor.pk,
                "kept": "",
                "changed": "",
            },
        )
        assert response.status_code == 302
        adoption = Adoption.objects.get()
        assert [(e.from_stage, e.to_stage, e.user) for e in adoption.events.all()] == [
            ("", "interested", mentor)
        ]
        adoption.stage = AdoptionStage.ADOPTED
        adoption.save()
        practice.adoption_count = 1
        practice.save(update_fields=["adoption_count"])
        client.post(reverse("mentorship_adoptions:delete", args=(adoption.pk,)))
        practice.refresh_from_db()
        assert not Adoption.objects.exists()
        assert practice.adoption_count == 0

    def test_a_second_adoption_of_the_same_practice_is_a_form_error(self, client, mentor):
        client.force_login(mentor)
        existing = AdoptionFactory()
        response = client.post(
            reverse("mentorship_adoptions:add"),
            {"municipality": existing.municipality.pk, "practice": existing.practice.pk, "kept": "x"},
        )
        assert response.status_code == 200
        assert Adoption.objects.count() == 1


def test_complete_visit_action_moves_adoptions(client, mentor):
    client.force_login(mentor)
    practice = PracticePageFactory()
    visit = VisitFactory(date=timezone.localdate(), practices=[practice])
    response = client.post(reverse("mentorship_visits:complete", args=(visit.pk,)))
    assert response.status_code == 302
    assert Visit.objects.get().status == VisitStatus.COMPLETED
    assert Adoption.objects.get().stage == AdoptionStage.VISITED


def test_visit_form_refuses_completed_status_and_scheduled_without_date(client, mentor):
    client.force_login(mentor)
    municipality = MunicipalityFactory()
    url = reverse("mentorship_visits:add")
    base = {"municipality": municipality.pk, "format": "hosted", "preferred_dates": "Mart sonu"}
    response = client.post(url, {**base, "status": "scheduled", "date": ""})
    assert response.status_code == 200
    assert "Planlanmış bir ziyaretin tarihi olmalıdır." in response.content.decode()
    assert "Mart sonu" in response.content.decode()
    response = client.post(url, {**base, "status": "completed", "date": "2026-01-01"})
    assert response.status_code == 200
    assert not Visit.objects.exists()


def test_municipality_page_shows_contacts_visits_follow_ups_and_adoptions(client, mentor):
    client.force_login(mentor)
    municipality = MunicipalityFactory()
    contact = ContactPersonFactory(municipality=municipality)
    visit = VisitFactory(municipality=municipality, notes="x")
    follow_up = FollowUpFactory(visit=visit)
    adoption = AdoptionFactory(municipality=municipality)
    html = client.get(reverse("mentorship_municipalities:inspect", args=(municipality.pk,))).content.decode()
    for text in (contact.name, contact.email, follow_up.action, adoption.practice.title):
        assert text in html
    assert reverse("mentorship_visits:inspect", args=(visit.pk,)) in html


def test_csv_export_contains_the_filtered_rows_only(client, mentor):
    client.force_login(mentor)
    metropolitan = MunicipalityFactory.create_batch(2, kind=MunicipalityKind.METROPOLITAN)
    district = MunicipalityFactory(kind=MunicipalityKind.DISTRICT)
    response = client.get(
        reverse("mentorship_municipalities:index"), {"kind": "metropolitan", "export": "csv"}
    )
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    names = {row["Name"] if "Name" in row else row[next(iter(row))] for row in rows}
    assert names == {m.name for m in metropolitan}
    assert district.name not in names


def test_xlsx_export_opens_and_lists_rows(client, mentor):
    client.force_login(mentor)
    adoptions = AdoptionFactory.create_batch(3)
    response = client.get(reverse("mentorship_adoptions:index"), {"export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = list(workbook.active.iter_rows(min_row=2, values_only=True))
    assert len(values) == len(adoptions)


def test_dashboard_panels_for_mentors_only(client, mentor, editor):
    today = timezone.localdate()
    VisitFactory(mentors=[mentor], date=today + datetime.timedelta(days=2))
    FollowUpFactory(assignee=mentor, due_date=today - datetime.timedelta(days=2), action="Raporu gönder")
    AdoptionFactory(
        stage=AdoptionStage.PLANNING, stage_changed_at=timezone.now() - datetime.timedelta(days=120)
    )
    client.force_login(mentor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for panel_id in (
        "mentorship-upcoming-visits",
        "mentorship-overdue-follow-ups",
        "mentorship-adoption-funnel",
        "mentorship-stalled-adoptions",
    ):
        assert panel_id in html
    assert "Raporu gönder" in html
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "mentorship-adoption-funnel" not in html
    assert "Raporu gönder" not in html


LIST_FACTORIES = {
    "mentorship_municipalities": lambda n: MunicipalityFactory.create_batch(n),
    "mentorship_contacts": lambda n: ContactPersonFactory.create_batch(n),
    "mentorship_visits": lambda n: [
        VisitFactory(mentors=[FollowUpFactory.assignee.get_factory()()], practices=[PracticePageFactory()])
        for _ in range(n)
    ],
    "mentorship_follow_ups": lambda n: FollowUpFactory.create_batch(n),
    "mentorship_adoptions": lambda n: AdoptionFactory.create_batch(n),
}


# Queries per list page: session, user, permissions, filter choices, count, rows, prefetches. Pinned so an
# N+1 (a column that queries per row) shows up as a failure at 30 rows.
LIST_QUERIES = {
    "mentorship_municipalities": 11,
    "mentorship_contacts": 11,
    "mentorship_visits": 14,
    "mentorship_follow_ups": 12,
    "mentorship_adoptions": 12,  # 13 before the practice filter (a select of the whole library) was dropped
}


@pytest.mark.parametrize("namespace", list(LIST_FACTORIES))
def test_admin_list_query_count_is_constant_in_the_number_of_rows(
    client, mentor, namespace, django_assert_num_queries
):
    client.force_login(mentor)
    url = reverse(f"{namespace}:index")
    LIST_FACTORIES[namespace](5)
    client.get(url)  # warm per-process caches (content types, site)
    with django_assert_num_queries(LIST_QUERIES[namespace]):
        assert client.get(url).status_code == 200
    LIST_FACTORIES[namespace](25)
    with django_assert_num_queries(LIST_QUERIES[namespace]):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 20  # the first page of 30 rows


def test_list_filters_by_mentor_status_and_date_range(client, mentor):
    client.force_login(mentor)
    today = timezone.localdate()
    mine = VisitFactory(mentors=[mentor], date=today + datetime.timedelta(days=3))
    VisitFactory(mentors=[mentor], date=today + datetime.timedelta(days=60))
    VisitFactory(date=today + datetime.timedelta(days=3))
    response = client.get(
        reverse("mentorship_visits:index"),
        {
            "mentors": mentor.pk,
            "status": "scheduled",
            "date_from": today.isoformat(),
            "date_to": (today + datetime.timedelta(days=10)).isoformat(),
        },
    )
    assert list(response.context["object_list"]) == [mine]


def test_follow_up_overdue_filter(client, mentor):
    client.force_login(mentor)
    today = timezone.localdate()
    overdue = FollowUpFactory(due_date=today - datetime.timedelta(days=1))
    FollowUpFactory(due_date=today)
    FollowUpFactory(due_date=today - datetime.timedelta(days=1), done_at=timezone.now())
    response = client.get(reverse("mentorship_follow_ups:index"), {"overdue": "true"})
    assert list(response.context["object_list"]) == [overdue]


def test_adoption_pages_never_list_the_library_and_refuse_drafts(client, mentor):
    client.force_login(mentor)
    listed = PracticePageFactory(title="Listede olmamalı")
    adoption = AdoptionFactory(practice=PracticePageFactory(title="Benimsenen uygulama"))
    for url in (reverse("mentorship_adoptions:add"), reverse("mentorship_adoptions:index")):
        assert listed.title not in client.get(url).content.decode()
    found = client.get(reverse("mentorship_adoptions:index"), {"q": "Benimsenen"})
    assert list(found.context["object_list"]) == [adoption]
    draft = PracticePageFactory(live=False)
    response = client.post(
        reverse("mentorship_adoptions:add"), {"municipality": MunicipalityFactory().pk, "practice": draft.pk}
    )
    assert response.status_code == 200
    assert "Yayımlanmış bir uygulama seçin." in response.content.decode()  # "Choose a published practice."
    assert Adoption.objects.count() == 1
