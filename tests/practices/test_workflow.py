"""Editorial workflow in the admin: Editors submit for review but cannot publish; Publishers approve."""

from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from practices.factories import PracticePageFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


def edit_form_data(page, *, title: str, action: str) -> dict:
    """Everything the PracticePage edit form posts, with a new title and the button pressed."""
    group = TargetGroupFactory()
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "introduction": "",
            "summary": page.summary,
            "featured": "",
            "theme": page.theme_id,
            "tags": "gıda, dayanışma",
            "implementing_unit": page.implementing_unit,
            "start_year": page.start_year,
            "status": page.status,
            "evidence_level": page.evidence_level,
            "province": page.province,
            "location": "",
            "budget_band": page.budget_band,
            "funding_sources": "",
            "staff_needed": "",
            "time_to_launch": "",
            "legal_basis": "",
            "beneficiaries": "",
            "beneficiaries_count": "",
            "last_reviewed": page.last_reviewed.isoformat(),
            "problem": rich_text("Sorun."),
            "approach": rich_text("Yaklaşım."),
            "results": rich_text("Sonuç."),
            "lessons": rich_text(""),
            "contact_unit": page.contact_unit,
            "contact_email": "",
            "contact_phone": "",
            "seo_title": "",
            "search_description": "",
            "metrics": inline_formset([]),
            "replication_steps": inline_formset([]),
            "partners": inline_formset([]),
            "documents": inline_formset([]),
            "gallery_images": inline_formset([]),
            "comments": inline_formset([]),
            action: action,
        }
    )
    data["target_groups"] = [group.pk]
    data["sdgs"] = ["3"]
    return data


@pytest.fixture
def draft_practice():
    practice = PracticePageFactory(title="Taslak uygulama")
    practice.unpublish()
    practice.refresh_from_db()
    return practice


def edit(client, page, *, title: str, action: str):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form_data(page, title=title, action=action)
    )


def test_editor_pressing_publish_saves_a_draft_but_does_not_publish(client, editor, draft_practice):
    client.force_login(editor)
    response = edit(client, draft_practice, title="Editörün başlığı", action="action-publish")
    assert response.status_code == 302, response.content.decode()[:3000]
    draft_practice.refresh_from_db()
    assert draft_practice.get_latest_revision_as_object().title == "Editörün başlığı"
    assert not draft_practice.live
    assert client.get(draft_practice.url or "/uygulamalar/taslak-uygulama/").status_code == 404


def test_editor_submitting_for_review_starts_the_workflow(client, editor, draft_practice):
    client.force_login(editor)
    response = edit(client, draft_practice, title="İncelemeye gönderildi", action="action-submit")
    assert response.status_code == 302, response.content.decode()[:3000]
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(draft_practice.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Yayıncı onayı"
    draft_practice.refresh_from_db()
    assert not draft_practice.live


def approve_url(page, state) -> str:
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )


def test_publisher_approving_the_review_publishes_the_practice(client, editor, publisher, draft_practice):
    client.force_login(editor)
    edit(client, draft_practice, title="Onaylanacak uygulama", action="action-submit")
    state = WorkflowState.objects.get(object_id=str(draft_practice.pk))

    client.force_login(publisher)
    response = client.post(approve_url(draft_practice, state), {"comment": "Uygun."})
    assert response.status_code in (200, 302)
    draft_practice.refresh_from_db()
    assert draft_practice.live
    assert draft_practice.title == "Onaylanacak uygulama"
    client.logout()
    assert client.get(draft_practice.url).status_code == 200


def test_editor_cannot_approve_their_own_submission(client, editor, draft_practice):
    client.force_login(editor)
    edit(client, draft_practice, title="Kendi onayı", action="action-submit")
    state = WorkflowState.objects.get(object_id=str(draft_practice.pk))
    response = client.post(approve_url(draft_practice, state), {"comment": ""})
    assert response.status_code in (302, 403)
    draft_practice.refresh_from_db()
    assert not draft_practice.live


def test_publisher_can_publish_directly(client, publisher, draft_practice):
    client.force_login(publisher)
    response = edit(client, draft_practice, title="Doğrudan yayın", action="action-publish")
    assert response.status_code == 302, response.content.decode()[:3000]
    draft_practice.refresh_from_db()
    assert draft_practice.live
    assert draft_practice.title == "Doğrudan yayın"


def test_editor_can_preview_a_practice(client, editor, draft_practice):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft_practice.pk])
    data = edit_form_data(draft_practice, title="Önizleme başlığı", action="action-none")
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    assert "Önizleme başlığı" in response.content.decode()
