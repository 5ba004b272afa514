"""``manage.py backup`` then ``manage.py restore`` into an emptied database brings everything back."""

import io
import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.documents.models import Document
from wagtail.models import Page, Revision

import pytest

from portal.management.backup_format import flush_database
from portal.models import PortalImage
from practices.factories import ImageFactory, PracticeMetricFactory, PracticePageFactory, TargetGroupFactory
from practices.models import PracticeDocument, PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_caches_afterwards():
    """The restore re-creates content types inside the test's transaction; after the rollback the
    per-process content-type cache and the page caches would name rows that no longer exist."""
    yield
    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def media_on_disk(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return settings.MEDIA_ROOT


def mentorship_available() -> bool:
    if not apps.is_installed("mentorship"):
        return False
    try:
        from mentorship import factories, models, services  # noqa: F401
    except ImportError:
        return False
    return all(hasattr(models, name) for name in ("Municipality", "Visit", "Adoption", "AdoptionEvent"))


def wipe():
    """Empty every table, as a fresh server's database would be before the restore."""
    flush_database("default")
    for name in list(default_storage.listdir("")[0]):
        for file_name in default_storage.listdir(name)[1]:
            default_storage.delete(f"{name}/{file_name}")


@pytest.fixture
def site_content(editor, admin_user):
    image = ImageFactory(description="Mahalle atölyesinde çocuklar resim yapıyor")
    practice = PracticePageFactory(hero_image=image, target_groups=[TargetGroupFactory()], tags=["çocuk"])
    PracticeMetricFactory(page=practice)
    practice.summary = "İkinci sürüm özeti"
    practice.save_revision(user=editor, log_action=True)
    document = Document.objects.create(
        title="Uygulama rehberi", file=ContentFile(b"%PDF-1.7\n%%EOF\n", name="rehber.pdf")
    )
    PracticeDocument.objects.create(page=practice, document=document, title="Rehber")
    practice.save_revision(user=admin_user).publish()
    draft = PracticePageFactory()
    draft.title = "Taslak başlık"
    draft.save_revision(user=editor)
    content = {"practice": practice, "draft": draft, "image": image, "document": document}
    if mentorship_available():
        from mentorship import factories, services

        visit = factories.VisitFactory(practices=[practice], mentors=[editor])
        adoption, _ = services.adoption_get_or_create(
            municipality=visit.municipality, practice=practice, user=editor
        )
        services.adoption_change_stage(
            adoption=adoption, to_stage="visited", user=editor, note="Ziyaret yapıldı"
        )
        content.update(visit=visit, adoption=adoption)
    return content


def snapshot() -> dict:
    """What must survive: every page, revision, image reference, document and mentorship record."""
    state = {
        "pages": sorted(Page.objects.values_list("pk", "path", "title", "live", "has_unpublished_changes")),
        "revisions": sorted(
            Revision.objects.values_list("pk", "object_id", "content_type__model", "user__username")
        ),
        "practices": sorted(
            PracticePage.objects.values_list(
                "pk", "hero_image_id", "theme__slug", "summary", "latest_revision_id"
            )
        ),
        "images": sorted(PortalImage.objects.values_list("pk", "file", "description", "width", "height")),
        "documents": sorted(Document.objects.values_list("pk", "file", "title")),
        "practice_documents": sorted(PracticeDocument.objects.values_list("page_id", "document_id")),
        "tags": sorted(PracticePage.tags.through.objects.values_list("content_object_id", "tag__name")),
    }
    if mentorship_available():
        from mentorship.models import Adoption, AdoptionEvent, Municipality, Visit

        state["municipalities"] = sorted(Municipality.objects.values_list("pk", "name", "province"))
        state["visits"] = sorted(Visit.objects.values_list("pk", "municipality_id", "status", "date"))
        state["adoptions"] = sorted(
            Adoption.objects.values_list("pk", "municipality_id", "practice_id", "stage")
        )
        state["adoption_events"] = sorted(
            AdoptionEvent.objects.values_list(
                "pk", "adoption_id", "from_stage", "to_stage", "note", "user__username"
            )
        )
    return state


def test_round_trip_restores_every_page_revision_image_document_and_mentorship_record(
    media_on_disk, tmp_path, site_content, client
):
    before = snapshot()
    assert before["revisions"] and before["images"] and before["documents"]
    backup_dir = tmp_path / "backup"
    out = io.StringIO()
    call_command("backup", str(backup_dir), stdout=out)
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert manifest["counts"]["wagtailcore.revision"] == len(before["revisions"])
    assert manifest["media"]["files"] >= 2

    wipe()
    assert Page.objects.count() == 0 and PortalImage.objects.count() == 0
    assert not default_storage.exists(site_content["image"].file.name)

    call_command("restore", str(backup_dir), stdout=out)
    assert snapshot() == before
    image = PortalImage.objects.get(pk=site_content["image"].pk)
    assert default_storage.exists(image.file.name)
    assert default_storage.open(site_content["document"].file.name).read().startswith(b"%PDF")
    if mentorship_available():
        assert before["adoption_events"], "the adoption history was part of the round trip"

    # The restored site works: the practice page renders with its image and document, users can log in.
    practice = PracticePage.objects.get(pk=site_content["practice"].pk)
    response = client.get(practice.url)
    assert response.status_code == 200
    assert "Rehber" in response.content.decode()
    assert client.login(username="editor", password="pass")


def test_restore_refuses_a_database_with_content_unless_forced(media_on_disk, tmp_path, site_content):
    backup_dir = tmp_path / "backup"
    call_command("backup", str(backup_dir), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already has content"):
        call_command("restore", str(backup_dir), stdout=io.StringIO())

    PracticePageFactory(title="Yedekten sonra eklenen")
    call_command("restore", str(backup_dir), "--force", stdout=io.StringIO())
    assert not PracticePage.objects.filter(title="Yedekten sonra eklenen").exists()
    assert PracticePage.objects.filter(pk=site_content["practice"].pk).exists()


def test_a_freshly_migrated_database_counts_as_empty():
    from portal.management.commands.restore import content_found

    assert content_found() == []


def test_backup_refuses_to_overwrite_a_non_empty_directory(tmp_path):
    (tmp_path / "old.txt").write_text("keep me")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path), stdout=io.StringIO())
    assert (tmp_path / "old.txt").read_text() == "keep me"


def test_restore_rejects_a_directory_without_manifest(tmp_path):
    with pytest.raises(CommandError, match="manifest"):
        call_command("restore", str(tmp_path), stdout=io.StringIO())


def test_a_failed_restore_leaves_the_database_unchanged(media_on_disk, tmp_path, site_content):
    backup_dir = tmp_path / "backup"
    call_command("backup", str(backup_dir), stdout=io.StringIO())
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    manifest["counts"]["wagtailcore.page"] += 1  # as if a page went missing from data.json
    (backup_dir / "manifest.json").write_text(json.dumps(manifest))
    before = snapshot()
    with pytest.raises(CommandError, match="differ from the manifest"):
        call_command("restore", str(backup_dir), "--force", stdout=io.StringIO())
    assert snapshot() == before


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (
            lambda d: (d / "data.json").write_bytes((d / "data.json").read_bytes()[:-500]),
            "data.json could not",
        ),
        (
            lambda d: (d / "data.json").write_text('[{"model": "wagtailcore.page", "pk": 1, "fields": {'),
            "damaged",
        ),
        (lambda d: (d / "data.json").write_bytes(b"\xff\xfe\x00garbage"), "damaged"),
        (lambda d: (d / "manifest.json").write_text('{"format": 1, "coun'), "manifest.json is damaged"),
        (lambda d: (d / "manifest.json").write_bytes(b"\xff\xfe"), "manifest.json is damaged"),
    ],
)
def test_a_damaged_backup_ends_with_a_clear_error_and_changes_nothing(
    media_on_disk, tmp_path, site_content, damage, message
):
    backup_dir = tmp_path / "backup"
    call_command("backup", str(backup_dir), stdout=io.StringIO())
    damage(backup_dir)
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(backup_dir), "--force", stdout=io.StringIO())
    assert snapshot() == before
