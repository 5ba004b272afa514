"""An editor creates a practice with an image in the Wagtail admin and submits it; a publisher approves it."""

import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from practices.factories import TargetGroupFactory, ThemeFactory, practice_index_page
from practices.models import PracticePage

from .conftest import log_in, submit_admin_form

TITLE = "Mahalle Kreşleri Ağı"


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.SEARCH_BACKEND = "database"
    # Wagtail 8 autosaves the draft in the background: it posts the form while the editor is still typing
    # (half-filled forms fail validation) and turns /add/ into /edit/ mid-journey, so the outcome depended
    # on timing. This journey is about the explicit "submit for review" and approval; autosave is off.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


def choose_snippet(page: Page, field_id: str, item_title: str) -> None:
    """Opens a Wagtail snippet chooser for the field and picks the item by its title."""
    page.locator(f"#{field_id}-chooser button.chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.locator("a[data-chooser-modal-choice]", has_text=item_title).first.click()
    expect(modal).to_be_hidden()
    expect(page.locator(f"#{field_id}")).not_to_have_value("")


def upload_image(page: Page, field_id: str, path: Path, *, title: str, alt_text: str) -> None:
    """Uploads an image through the chooser's upload tab; alt text (the description) is refused when empty."""
    page.locator(f"#{field_id}-chooser button.chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.locator("#tab-label-upload").click()
    modal.locator("#id_image-chooser-upload-file").set_input_files(str(path))
    modal.locator("#id_image-chooser-upload-title").fill(title)
    modal.locator("form[data-chooser-modal-creation-form] button[type=submit]").click()
    # Without alt text the upload is refused, with the error next to the field and the title kept.
    expect(modal.locator("#id_image-chooser-upload-description")).to_have_attribute("aria-invalid", "true")
    expect(modal.locator("#id_image-chooser-upload-title")).to_have_value(title)
    modal.locator("#id_image-chooser-upload-file").set_input_files(str(path))
    modal.locator("#id_image-chooser-upload-title").fill(title)
    modal.locator("#id_image-chooser-upload-description").fill(alt_text)
    modal.locator("form[data-chooser-modal-creation-form] button[type=submit]").click()
    expect(modal).to_be_hidden()
    expect(page.locator(f"#{field_id}")).not_to_have_value("")


def fill_rich_text(page: Page, field_name: str, text: str) -> None:
    editor = page.locator(f"[data-contentpath={field_name}] [role=textbox][contenteditable=true]")
    editor.click()
    expect(editor).to_be_focused()
    page.keyboard.type(text)
    expect(editor).to_have_text(text)
    # Draftail copies its content into the hidden form input a moment later; submit only once it has.
    expect(page.locator(f"input[name={field_name}]")).to_have_value(re.compile(re.escape(text[:10])))


def test_editor_submits_a_practice_with_an_image_and_a_publisher_approves_it(
    new_page, editor, publisher, screenshot, tmp_path
):
    theme = ThemeFactory(name="Eğitim", slug="egitim")
    children = TargetGroupFactory(name="Çocuklar", slug="cocuklar")
    photo = tmp_path / "kres.png"
    Image.new("RGB", (800, 450), (230, 160, 60)).save(photo)
    index = practice_index_page()

    # The editor fills in the case study and submits it for review.
    page = new_page()
    log_in(page, editor.username)
    page.goto(f"/admin/pages/add/practices/practicepage/{index.pk}/")
    # Typed key by key: Wagtail fills the slug from the title on key-up.
    page.locator("#id_title").press_sequentially(TITLE)
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.fill("#id_summary", "Çalışan ebeveynler için mahalle ölçeğinde ücretsiz kreşler.")
    alt_text = "Minderli oyun odasında oynayan çocuklar"
    upload_image(page, "id_hero_image", photo, title="Kreş oyun odası", alt_text=alt_text)
    choose_snippet(page, "id_theme", theme.name)
    page.check(f"input[name=target_groups][value='{children.pk}']")
    page.fill("#id_implementing_unit", "Kadın ve Aile Hizmetleri Dairesi")
    page.fill("#id_start_year", "2022")
    page.select_option("#id_budget_band", index=1)
    fill_rich_text(page, "problem", "Çalışan annelerin çocukları için kreş yok.")
    fill_rich_text(page, "approach", "Mahalle konaklarında kreş açıldı.")
    fill_rich_text(page, "results", "Kreşlere kayıtlı çocuk sayısı arttı.")
    page.fill("#id_contact_unit", "Kadın ve Aile Hizmetleri Dairesi")
    page.locator("footer .w-dropdown__toggle").first.click()
    submit_admin_form(page, page.locator("button[name=action-submit]"))
    expect(page.locator(".messages")).to_contain_text(TITLE)

    practice = PracticePage.objects.get(title=TITLE)
    assert not practice.live
    assert practice.current_workflow_state.status == "in_progress"
    assert practice.hero_image.description == alt_text

    # Not public yet.
    visitor = new_page()
    visitor.goto("/uygulamalar/")
    expect(visitor.get_by_role("link", name=TITLE)).to_have_count(0)

    # The publisher approves it from the dashboard's "awaiting your review" list: approval publishes it
    # (the workflow's only task).
    reviewer = new_page()
    log_in(reviewer, publisher.username)
    reviewer.goto("/admin/")
    approve_url = f"/admin/pages/workflow/action/{practice.pk}/approve/"
    row = reviewer.locator("tr", has=reviewer.locator(f"button[data-workflow-action-url^='{approve_url}']"))
    row.locator(".w-dropdown__toggle").click()
    approve = row.locator(f"button[data-workflow-action-url^='{approve_url}']:not([data-launch-modal])")
    submit_admin_form(reviewer, approve)
    practice.refresh_from_db()
    assert practice.live

    # Now the visitor finds it in the library, in search, and sees the image with its alt text.
    visitor.goto("/uygulamalar/")
    expect(visitor.locator("section.results").get_by_role("link", name=TITLE)).to_be_visible()
    visitor.goto("/ara/?q=kresleri")
    expect(visitor.locator("section.results").get_by_role("link", name=TITLE)).to_be_visible()
    visitor.locator("section.results").get_by_role("link", name=TITLE).click()
    expect(visitor.locator("h1")).to_have_text(TITLE)
    hero = visitor.get_by_role("img", name=alt_text)
    expect(hero).to_have_count(1)
    hero.scroll_into_view_if_needed()
    expect(hero).to_have_js_property("complete", True)
    assert hero.evaluate("img => img.naturalWidth") > 0, "the uploaded hero image did not load"
    screenshot(visitor, "editor-submits-publisher-approves")
