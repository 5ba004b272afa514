"""Each role against the admin views Wagtail's advisories cluster in: previews, revisions, history, copy,
choosers, image and document views. A mentor signs in to the admin but must see no drafts or media."""

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.models import Collection

import pytest

from practices.factories import ImageFactory, PracticePageFactory

pytestmark = pytest.mark.django_db

SECRET = "gizli-revizyon-metni"
DRAFT_TITLE = "Yayımlanmamış gizli uygulama"


@pytest.fixture
def objects(admin_user):
    practice = PracticePageFactory(title=DRAFT_TITLE, slug="yayimlanmamis")
    practice.unpublish()
    practice.summary = SECRET
    first = practice.save_revision(user=admin_user)
    practice.summary = SECRET + " 2"
    second = practice.save_revision(user=admin_user)
    # wagtail-factories would put the image in a collection of its own; the office uses the root one.
    image = ImageFactory(title="Gizli görsel " + SECRET, collection=Collection.get_first_root_node())
    document = Document.objects.create(title="Gizli belge " + SECRET, file=ContentFile(b"x", name="not.txt"))
    return {"page": practice, "first": first, "second": second, "image": image, "document": document}


def page_views(o) -> dict[str, str]:
    page = o["page"].pk
    return {
        "preview": reverse("wagtailadmin_pages:preview_on_edit", args=[page]),
        "view draft": reverse("wagtailadmin_pages:view_draft", args=[page]),
        "edit": reverse("wagtailadmin_pages:edit", args=[page]),
        "revisions": reverse("wagtailadmin_pages:revisions_index", args=[page]),
        "revision view": reverse("wagtailadmin_pages:revisions_view", args=[page, o["first"].pk]),
        "revision compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=[page, o["first"].pk, o["second"].pk]
        ),
        "history": reverse("wagtailadmin_pages:history", args=[page]),
        "history results": reverse("wagtailadmin_pages:history_results", args=[page]),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=[page]),
        "copy": reverse("wagtailadmin_pages:copy", args=[page]),
        "usage": reverse("wagtailadmin_pages:usage", args=[page]),
    }


def image_views(o) -> dict[str, str]:
    image = o["image"].pk
    return {
        "image index": reverse("wagtailimages:index"),
        "image edit": reverse("wagtailimages:edit", args=[image]),
        "image usage": reverse("wagtailimages:image_usage", args=[image]),
        "image preview": reverse("wagtailimages:preview", args=[image, "original"]),
        "image chooser": reverse("wagtailimages_chooser:choose"),
        "image chosen": reverse("wagtailimages_chooser:chosen", args=[image]),
    }


def document_views(o) -> dict[str, str]:
    document = o["document"].pk
    return {
        "document index": reverse("wagtaildocs:index"),
        "document edit": reverse("wagtaildocs:edit", args=[document]),
        "document usage": reverse("wagtaildocs:document_usage", args=[document]),
        "document chooser": reverse("wagtaildocs_chooser:choose"),
        "document chosen": reverse("wagtaildocs_chooser:chosen", args=[document]),
    }


def client_for(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def reached(client, url: str) -> int | str:
    """The final status after redirects, or "dashboard" when a refusal bounced the user to /admin/."""
    response = client.get(url, follow=True)
    if response.redirect_chain and response.redirect_chain[-1][0] in ("/admin/", "/admin/login/"):
        return "dashboard"
    return response.status_code


def refused_without_leak(response) -> bool:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    return response.status_code != 200 and SECRET not in text and DRAFT_TITLE not in text


def test_mentor_sees_no_draft_page_views(mentor, objects):
    client = client_for(mentor)
    results = {name: client.get(url) for name, url in page_views(objects).items()}
    leaks = {name: r.status_code for name, r in results.items() if not refused_without_leak(r)}
    assert leaks == {}
    # Where a refusal redirects (to the dashboard), the page it lands on shows nothing either.
    for name, url in page_views(objects).items():
        followed = client.get(url, follow=True)
        assert SECRET not in followed.content.decode() and DRAFT_TITLE not in followed.content.decode(), name


def test_mentor_sees_no_images_or_documents(mentor, objects):
    client = client_for(mentor)
    views = {**image_views(objects), **document_views(objects)}
    choosers = {"image chooser", "document chooser"}
    statuses = {name: client.get(url).status_code for name, url in views.items() if name not in choosers}
    assert {name: status for name, status in statuses.items() if status == 200} == {}
    for name, url in views.items():
        response = client.get(url, follow=True)
        # The chooser modals open (Wagtail shows them to any admin user) but list nothing.
        assert SECRET not in response.content.decode(), name


def test_mentor_page_chooser_does_not_reveal_unpublished_titles(mentor, objects):
    client = client_for(mentor)
    for name in ("wagtailadmin_choose_page", "wagtailadmin_choose_page_search"):
        response = client.get(reverse(name), {"q": "gizli"})
        assert DRAFT_TITLE not in response.content.decode(), name
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[objects["page"].get_parent().pk]))
    assert DRAFT_TITLE not in response.content.decode()


@pytest.mark.parametrize("role", ["editor", "publisher", "admin_user"])
def test_editorial_roles_can_review_drafts(request, role, objects):
    client = client_for(request.getfixturevalue(role))
    # Followed: the revisions list now redirects into the page history, image previews to the file.
    statuses = {name: reached(client, url) for name, url in page_views(objects).items()}
    assert statuses == dict.fromkeys(statuses, 200)


@pytest.mark.parametrize("role", ["editor", "publisher", "admin_user"])
def test_editorial_roles_can_manage_documents(request, role, objects):
    client = client_for(request.getfixturevalue(role))
    # Followed: the revisions list now redirects into the page history, image previews to the file.
    statuses = {name: reached(client, url) for name, url in document_views(objects).items()}
    assert statuses == dict.fromkeys(statuses, 200)


@pytest.mark.parametrize("role", ["editor", "publisher", "admin_user"])
def test_editorial_roles_can_manage_images(request, role, objects):
    client = client_for(request.getfixturevalue(role))
    # Followed: the revisions list now redirects into the page history, image previews to the file.
    statuses = {name: reached(client, url) for name, url in image_views(objects).items()}
    assert statuses == dict.fromkeys(statuses, 200)


def mentorship_admin_urls() -> dict[str, str]:
    """Index views of the mentorship records in the Wagtail admin."""
    viewsets = ("municipalities", "contacts", "visits", "follow_ups", "adoptions")
    return {name: reverse(f"mentorship_{name}:index") for name in viewsets}


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_editorial_roles_see_no_mentorship_records(request, role):
    urls = mentorship_admin_urls()
    client = client_for(request.getfixturevalue(role))
    statuses = {model: client.get(url).status_code for model, url in urls.items()}
    assert {model: status for model, status in statuses.items() if status == 200} == {}


@pytest.mark.parametrize("role", ["mentor", "admin_user"])
def test_mentoring_roles_reach_mentorship_records(request, role):
    client = client_for(request.getfixturevalue(role))
    statuses = {model: client.get(url).status_code for model, url in mentorship_admin_urls().items()}
    assert statuses == dict.fromkeys(statuses, 200)


def mentorship_action_urls() -> dict[str, str]:
    """One-record actions of the mentorship admin: triage, merge, results, mark done, stage, completion."""
    from mentorship.factories import (
        AdoptionFactory,
        FollowUpFactory,
        MunicipalityFactory,
        VisitRequestFactory,
    )

    request = VisitRequestFactory(municipality=MunicipalityFactory(confirmed=False))
    adoption = AdoptionFactory()
    follow_up = FollowUpFactory()
    return {
        "schedule": reverse("mentorship_visits:schedule", args=[request.pk]),
        "decline": reverse("mentorship_visits:decline", args=[request.pk]),
        "confirm": reverse("mentorship_municipalities:confirm", args=[request.municipality_id]),
        "merge": reverse("mentorship_municipalities:merge", args=[request.municipality_id]),
        "results": reverse("mentorship_adoptions:results", args=[adoption.pk]),
        "mark done": reverse("mentorship_follow_ups:mark_done", args=[follow_up.pk]),
        "change stage": reverse("mentorship_adoptions:change_stage", args=[adoption.pk]),
        "complete": reverse("mentorship_visits:complete", args=[follow_up.visit_id]),
    }


def data_untouched() -> bool:
    from mentorship.models import AdoptionMetric, FollowUp, Municipality, Visit, VisitStatus

    return (
        Visit.objects.filter(status=VisitStatus.REQUESTED).count() == 1
        and Municipality.objects.filter(confirmed=False).count() == 1
        and not FollowUp.objects.filter(done_at__isnull=False).exists()
        and not AdoptionMetric.objects.exists()
    )


@pytest.mark.parametrize("role", ["editor", "publisher", None])
def test_editorial_roles_and_anonymous_visitors_cannot_use_the_mentorship_actions(request, role):
    urls = mentorship_action_urls()
    if role is None:
        client = Client(raise_request_exception=False)
    else:
        client = client_for(request.getfixturevalue(role))
    reached = {}
    for name, url in urls.items():
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"reason": "x", "date": "2030-01-01", "into": "1"})
            refused = response.status_code in (403, 405) or (
                response.status_code == 302 and response.url.split("?")[0] in ("/admin/", "/admin/login/")
            )
            if not refused:
                reached[f"{method} {name}"] = response.status_code
    assert reached == {}
    assert data_untouched()


def test_the_action_check_can_fail(mentor):
    """A mentor does reach the actions (so the refusals above are the permission check at work)."""
    urls = mentorship_action_urls()
    client = client_for(mentor)
    statuses = {
        name: client.get(url).status_code
        for name, url in urls.items()
        if name not in ("confirm", "mark done")
    }
    assert statuses == dict.fromkeys(statuses, 200)


@pytest.fixture
def kvkk_objects(admin_user):
    """A contact person, an archived adoption and a failed background task, for the issue 12 views."""
    import datetime

    from django_tasks_db.models import DBTaskResult

    from mentorship import services
    from mentorship.factories import ContactPersonFactory, MunicipalityFactory

    contact = ContactPersonFactory(name="Gizli Kişi " + SECRET, email="gizli@belediye.example.test")
    adoption, _created = services.adoption_get_or_create(
        municipality=MunicipalityFactory(), practice=PracticePageFactory(), user=admin_user
    )
    services.adoption_archive(adoption=adoption)
    result = DBTaskResult.objects.create(
        args_kwargs={"args": [SECRET], "kwargs": {}},
        task_path="portal.tasks.publish_scheduled_pages",
        backend_name="default",
        run_after=datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC),
        status="FAILED",
        traceback=SECRET,
    )
    return {"contact": contact, "adoption": adoption, "task": result}


def kvkk_views(o) -> dict[str, str]:
    contact = o["contact"].pk
    return {
        "erase person": reverse("mentorship_contact_erase", args=[contact]),
        "personal data file": reverse("mentorship_contact_data", args=[contact]),
        "archived adoptions": reverse("mentorship_adoptions:index") + "?archived=1",
        "archived adoption": reverse("mentorship_adoptions:inspect", args=[o["adoption"].pk]),
    }


def task_views(o) -> dict[str, str]:
    return {
        "background tasks": reverse("portal_background_tasks"),
        "background tasks results": reverse("portal_background_tasks_results"),
        "background task": reverse("portal_background_task", args=[o["task"].pk]),
    }


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_editorial_roles_reach_no_personal_data_or_task_views(request, role, kvkk_objects):
    client = client_for(request.getfixturevalue(role))
    views = {**kvkk_views(kvkk_objects), **task_views(kvkk_objects)}
    leaks = {
        name: r.status_code for name, url in views.items() if not refused_without_leak(r := client.get(url))
    }
    assert leaks == {}
    for name, url in views.items():  # POSTs change nothing either
        assert client.post(url).status_code in (302, 403, 405), name
    kvkk_objects["contact"].refresh_from_db()
    assert not kvkk_objects["contact"].is_anonymised


@pytest.mark.parametrize("role", ["mentor", "admin_user"])
def test_mentoring_roles_reach_the_personal_data_views(request, role, kvkk_objects):
    client = client_for(request.getfixturevalue(role))
    statuses = {name: client.get(url).status_code for name, url in kvkk_views(kvkk_objects).items()}
    assert statuses == dict.fromkeys(statuses, 200)


def test_only_superusers_see_background_tasks(mentor, admin_user, kvkk_objects):
    mentor_client = client_for(mentor)
    refused = {
        name: r.status_code
        for name, url in task_views(kvkk_objects).items()
        if refused_without_leak(r := mentor_client.get(url))
    }
    assert set(refused) == set(task_views(kvkk_objects))
    admin_client = client_for(admin_user)
    statuses = {name: admin_client.get(url).status_code for name, url in task_views(kvkk_objects).items()}
    assert statuses == dict.fromkeys(statuses, 200)
