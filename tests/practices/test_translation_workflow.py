"""The review workflow applies to translations (issue 15): an editor translating a practice in
wagtail-localize's editor submits it for review; it waits for publishers exactly as a Turkish page does;
"Approve" publishes the English page with the translated texts, "Request changes" returns it to the editor.
Everything through the admin's URLs."""

from urllib.parse import urlencode

from django.core import mail
from django.urls import reverse

from wagtail.models import Page, WorkflowState

import pytest
from wagtail_localize.models import StringSegment

from practices.demo.loader import DemoResult
from practices.demo.translations import english_locale, load_english_home_and_library
from practices.factories import PracticePageFactory
from practices.models import PracticePage
from practices.translation_review import synced_translation_for
from practices.translation_review_admin import URL_NAME
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

TITLE = "Yaşlılara Mobil Sağlık Taraması"
ENGLISH_TITLE = "Mobile Health Screening for Older People"


@pytest.fixture
def original():
    load_english_home_and_library(DemoResult(), lambda message: None)
    page = PracticePageFactory(title=TITLE, slug="yaslilara-mobil-tarama")
    page.save_revision().publish()
    return page


def translate_this_page(client, page) -> PracticePage:
    """ "Translate this page" -> English -> Submit, as the editor does it."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [english_locale().pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    return PracticePage.objects.get(translation_key=page.translation_key, locale=english_locale())


def save_segment(client, english: PracticePage, source_text: str, text: str) -> None:
    """The translation editor's "Save" on one segment (its PUT to wagtail-localize's API)."""
    translation = synced_translation_for(page=english)
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content.decode()[:2000]


def submit(client, page):
    return client.post(reverse(URL_NAME, args=[page.pk]), HTTP_ACCEPT_LANGUAGE="en")


def review_states(page) -> list[WorkflowState]:
    return list(WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page.pk)))


@pytest.fixture
def english_in_review(client, editor, original):
    client.force_login(editor)
    english = translate_this_page(client, original)
    save_segment(client, english, TITLE, ENGLISH_TITLE)
    response = submit(client, english)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[english.pk])
    return english


def approve(client, page, *, action: str = "approve", comment: str = ""):
    state = page.current_workflow_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state.pk])
    return client.post(url, {"comment": comment})


def test_the_translation_editor_offers_the_editor_submit_for_review(client, editor, original):
    client.force_login(editor)
    english = translate_this_page(client, original)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]), HTTP_ACCEPT_LANGUAGE="en")
    content = html.content.decode()
    assert "js-translation-editor" in content  # wagtail-localize's editor, not Wagtail's form
    assert f'action="{reverse(URL_NAME, args=[english.pk])}"' in content
    assert "Submit to İncele ve yayımla" in content


def test_an_editor_submits_a_translation_and_it_waits_for_publishers(
    client, editor, publisher, original, english_in_review
):
    english = english_in_review
    [state] = review_states(english)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    assert state.current_task_state.task.name == "Yayıncı onayı"
    english.refresh_from_db()
    assert not english.live
    assert english.get_latest_revision_as_object().title == ENGLISH_TITLE
    # The Turkish original is untouched and in no workflow.
    original.refresh_from_db()
    assert (original.title, original.live, original.has_unpublished_changes) == (TITLE, True, False)
    assert review_states(original) == []
    # Publishers are notified as for a Turkish page.
    assert any("publisher@example.test" in message.to for message in mail.outbox)


def test_the_publishers_dashboard_lists_it_awaiting_review(client, publisher, english_in_review):
    client.force_login(publisher)
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en")
    content = response.content.decode()
    assert "Awaiting your review" in content
    assert ENGLISH_TITLE in content


def test_a_publisher_approving_publishes_the_english_page_with_the_translated_title(
    client, publisher, original, english_in_review
):
    client.force_login(publisher)
    response = approve(client, english_in_review, comment="Good.")
    assert response.status_code in (200, 302)
    english = PracticePage.objects.get(pk=english_in_review.pk)
    assert english.live
    assert english.title == ENGLISH_TITLE
    assert review_states(english)[0].status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert client.get(english.url).status_code == 200
    original.refresh_from_db()
    assert original.title == TITLE


def test_request_changes_returns_it_to_the_editor_who_resubmits(client, editor, publisher, english_in_review):
    english = english_in_review
    client.force_login(publisher)
    approve(client, english, action="reject", comment="The title reads oddly.")
    [state] = review_states(english)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    english.refresh_from_db()
    assert not english.live

    client.force_login(editor)
    editor_view = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "The title reads oddly." in editor_view.content.decode()
    assert "Resubmit to Yayıncı onayı" in editor_view.content.decode()
    save_segment(client, english, TITLE, "Mobile Health Checks for Older People")
    submit(client, english)
    [state] = review_states(english)  # the same workflow, resumed
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(publisher)
    approve(client, english)
    english.refresh_from_db()
    assert (english.live, english.title) == (True, "Mobile Health Checks for Older People")


def test_saving_and_submitting_again_in_review_starts_no_second_workflow_and_keeps_the_text(
    client, editor, publisher, english_in_review
):
    english = english_in_review
    revisions = english.revisions.count()
    save_segment(client, english, TITLE, "Screening Older People")
    response = submit(client, english)
    assert response.status_code == 302
    assert len(review_states(english)) == 1
    assert english.revisions.count() == revisions
    # The later text is kept in the translation editor for the next round; the review approves what was sent.
    translation = synced_translation_for(page=english)
    assert translation.source.stringsegment_set.get(string__data=TITLE).string.translations.get(
        locale=english.locale
    ).data == ("Screening Older People")
    client.force_login(publisher)
    approve(client, english)
    english.refresh_from_db()
    assert english.title == ENGLISH_TITLE


def test_a_live_translation_in_review_keeps_its_published_text_until_approved(
    client, editor, publisher, english_in_review
):
    english = english_in_review
    client.force_login(publisher)
    approve(client, english)
    client.force_login(editor)
    save_segment(client, english, TITLE, "Health Screening at Home")
    submit(client, english)
    english = PracticePage.objects.get(pk=english.pk)
    assert english.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    # The public page still shows the approved text; the revision in review has the new one.
    assert english.title == ENGLISH_TITLE
    assert english.get_latest_revision_as_object().title == "Health Screening at Home"
    client.logout()
    assert ENGLISH_TITLE in client.get(english.url).content.decode()

    client.force_login(publisher)
    approve(client, english)
    english.refresh_from_db()
    assert english.title == "Health Screening at Home"


def test_get_asks_for_confirmation_and_changes_nothing(client, editor, original):
    client.force_login(editor)
    english = translate_this_page(client, original)
    response = client.get(reverse(URL_NAME, args=[english.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Submit to İncele ve yayımla" in response.content.decode()
    assert review_states(english) == []


def test_a_user_who_cannot_edit_the_page_is_denied(client, editor, original):
    client.force_login(editor)
    english = translate_this_page(client, original)
    client.force_login(make_user("mentor", "Mentors"))  # in the admin, but no right to edit pages
    for response in (submit(client, english), client.get(reverse(URL_NAME, args=[english.pk]))):
        # Wagtail's answer to PermissionDenied in the admin: back to the dashboard with an error message.
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert review_states(english) == []
    assert not english.revisions.filter(user__username="mentor").exists()


def test_an_anonymous_visitor_is_sent_to_the_login(client, editor, original):
    client.force_login(editor)
    english = translate_this_page(client, original)
    client.logout()
    response = submit(client, english)
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
    assert review_states(english) == []


def test_a_page_that_is_not_a_translation_has_no_such_action(client, editor, original):
    client.force_login(editor)
    assert submit(client, original).status_code == 404
    root = client.get(reverse(URL_NAME, args=[Page.objects.get(depth=1).pk]))
    assert (root.status_code, root["Location"]) == (302, reverse("wagtailadmin_home"))  # the root: denied


def test_one_home_page_and_one_library_per_language(client, admin_user, original):
    """Both languages have their home page and library (the English ones are translations); no second
    Turkish one can be added, from the model's rule or the admin's form."""
    from portal.models import HomePage
    from practices.models import PracticeIndexPage

    homes = HomePage.objects.all()
    assert sorted(homes.values_list("locale__language_code", flat=True)) == ["en", "tr"]
    assert PracticeIndexPage.objects.filter(locale=english_locale()).count() == 1
    root = Page.objects.get(depth=1)
    assert not HomePage.can_create_at(root)
    for home in homes:
        assert not PracticeIndexPage.can_create_at(home)

    client.force_login(admin_user)
    add = reverse("wagtailadmin_pages:add", args=["portal", "homepage", root.pk])
    response = client.post(add, {"title": "İkinci ana sayfa", "slug": "ikinci", "action-publish": "1"})
    assert response.status_code in (302, 403)
    assert HomePage.objects.count() == 2


def test_a_home_page_can_be_created_where_its_language_has_none(original):
    """The rule is per language (``max_count = 1`` counted the English translation too): with the Turkish home
    page deleted and the English one left, a Turkish one can be added again."""
    from portal.models import HomePage

    root = Page.objects.get(depth=1)
    assert not HomePage.can_create_at(root)
    HomePage.objects.get(locale=root.locale).delete()
    assert HomePage.objects.filter(locale=english_locale()).exists()
    assert HomePage.can_create_at(root)


@pytest.fixture
def sync(client, django_capture_on_commit_callbacks):
    """ "Sync translated pages" with "Publish immediately" ticked (wagtail-localize publishes on commit)."""

    def run(page):
        from wagtail_localize.models import TranslationSource

        source = TranslationSource.objects.get_for_instance(page)
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, {"publish_translations": "on"})

    return run


def test_sync_translated_pages_is_the_reviewed_view():
    from django.urls import resolve

    from practices.translation_review_admin import ReviewedUpdateTranslationsView

    url = reverse("wagtail_localize:update_translations", args=[1])
    assert resolve(url).func.view_class is ReviewedUpdateTranslationsView


def test_an_editor_syncing_cannot_publish_the_translations_immediately(client, editor, original, sync):
    client.force_login(editor)
    english = translate_this_page(client, original)
    response = sync(original)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] != reverse("wagtailadmin_home")  # synced, not refused
    english.refresh_from_db()
    assert not english.live
    source = synced_translation_for(page=english).source
    form = client.get(
        reverse("wagtail_localize:update_translations", args=[source.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Publishing is for publishers" in form.content.decode()


def test_a_user_who_may_publish_can_still_sync_and_publish_immediately(
    client, editor, admin_user, original, sync
):
    client.force_login(editor)
    english = translate_this_page(client, original)
    client.force_login(admin_user)
    response = sync(original)
    assert response.status_code == 302, response.content.decode()[:2000]
    english.refresh_from_db()
    assert english.live


def test_a_publisher_can_approve_from_the_translation_editor_and_the_editor_cannot(
    client, editor, publisher, english_in_review
):
    english = english_in_review
    task_state = english.current_workflow_state.current_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "approve", task_state.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert approve_url not in client.get(edit_url).content.decode()  # the editor's view: no approval

    client.force_login(publisher)
    assert f'action="{approve_url}"' in client.get(edit_url).content.decode()
    response = client.post(approve_url, {"comment": "", "next": edit_url})
    assert (response.status_code, response["Location"]) == (302, edit_url)
    english.refresh_from_db()
    assert (english.live, english.title) == (True, ENGLISH_TITLE)
