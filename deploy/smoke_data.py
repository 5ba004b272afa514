"""Content for deploy/smoke.sh, made in the running stack's database the way an editor's actions would.

    python deploy/smoke_data.py draft      # a practice saved as a draft: prints SLUG= and TITLE=
    python deploy/smoke_data.py publish SLUG
    python deploy/smoke_data.py media      # a public image, a public and a private document: prints URLs

Run with the same environment as the web process (DJANGO_SETTINGS_MODULE, DATABASE_URL, MEDIA_ROOT, ...).
Uses the factories of requirements-dev.txt, so the smoke builds pages the way the test suite does.
"""

import io
import os
import shlex
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.urls import reverse  # noqa: E402

from wagtail.documents import get_document_model  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Collection, CollectionViewRestriction, Page  # noqa: E402

from PIL import Image  # noqa: E402

PUBLIC_TEXT = b"Practice Atlas smoke test: a public document.\n"
PRIVATE_TEXT = b"Practice Atlas smoke test: a private document.\n"


def emit(**values: str) -> None:
    for key, value in values.items():
        print(f"{key}={shlex.quote(str(value))}")


def draft() -> None:
    from practices.factories import PracticePageFactory

    page = PracticePageFactory(
        title="Smoke test practice",
        slug="smoke-test-practice",
        live=False,
        first_published_at=None,
        last_published_at=None,
    )
    page.save_revision()
    emit(
        SLUG=page.slug,
        TITLE=page.title,
        LIBRARY_PATH=page.get_parent().url,
        VISIT_PATH=reverse("visit_request"),
    )


def publish(slug: str) -> None:
    page = Page.objects.get(slug=slug).specific
    page.get_latest_revision().publish()
    page.refresh_from_db()
    emit(PRACTICE_PATH=page.url, LIVE=page.live)


def media() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), "teal").save(buffer, format="JPEG")
    image = get_image_model()(title="Smoke test image", description="A teal rectangle")
    image.file = ImageFile(buffer, name="smoke-image.jpg")
    image.save()
    rendition = image.get_rendition("width-160")

    documents = get_document_model()
    root = Collection.get_first_root_node()
    public = documents(title="Smoke public document", collection=root)
    public.file = ContentFile(PUBLIC_TEXT, name="smoke-public.txt")
    public.save()
    private_collection = root.add_child(name="Smoke private collection")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    private = documents(title="Smoke private document", collection=private_collection)
    private.file = ContentFile(PRIVATE_TEXT, name="smoke-private.txt")
    private.save()
    emit(
        RENDITION_URL=rendition.url,
        ORIGINAL_URL=image.file.url,
        PUBLIC_DOC_URL=public.url,
        PUBLIC_DOC_FILE_URL=public.file.url,
        PRIVATE_DOC_URL=private.url,
        PRIVATE_DOC_FILE_URL=private.file.url,
    )


if __name__ == "__main__":
    action, *args = sys.argv[1:]
    {"draft": draft, "publish": publish, "media": media}[action](*args)
