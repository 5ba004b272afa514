"""The replication kit as one download: a real PDF (text layer, Turkish letters, absolute addresses on the
public site address) and a ZIP of it with the practice's documents, made once per published revision."""

import io
import zipfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wagtail.models import PageViewRestriction

import pytest
from pypdf import PdfReader

from portal.site_address import site_sync_address
from practices import kit
from practices.factories import (
    DocumentFactory,
    PracticeDocumentFactory,
    PracticePageFactory,
    PracticePartnerFactory,
    ReplicationStepFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC = "https://atlas.example.gov.tr"


@pytest.fixture
def public_address(settings):
    settings.SITE_BASE_URL = settings.WAGTAILAPI_BASE_URL = PUBLIC
    site_sync_address()
    return PUBLIC


@pytest.fixture
def practice():
    page = PracticePageFactory(title="Çocuk Gelişimi İçin Ağaç Şenliği", slug="cocuk-senligi")
    ReplicationStepFactory(page=page, title="Paydaş haritasını çıkarın", description="Muhtarlarla görüşün.")
    ReplicationStepFactory(page=page, title="Pilot mahalleyi seçin")
    PracticePartnerFactory(page=page, name="Halk Eğitim Merkezi", url="https://partner.example.org/")
    PracticeDocumentFactory(
        page=page,
        title="Uygulama rehberi",
        document=DocumentFactory(file=ContentFile(b"%PDF-1.4 rehber", name="rehber.pdf")),
    )
    return page


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def download(client, practice, kind: str, *, prefix: str = "", **headers):
    response = client.get(f"{prefix}{practice.url}kit.{kind}", headers=headers)
    body = b"".join(response.streaming_content) if response.status_code == 200 else response.content
    return response, body


def test_kit_pdf_has_a_text_layer_with_title_steps_and_public_addresses(client, public_address, practice):
    response, body = download(client, practice, "pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="cocuk-senligi-kit.pdf"'
    assert body.startswith(b"%PDF-")
    text = pdf_text(body)
    assert "Çocuk Gelişimi İçin Ağaç Şenliği" in text  # ğ ş ı İ ç as real text, not boxes or pictures
    assert "Paydaş haritasını çıkarın" in text
    assert f"{PUBLIC}/uygulamalar/cocuk-senligi/" in text
    document = practice.documents.get().document
    assert f"{PUBLIC}{document.url}" in text  # every document's full address
    assert "https://partner.example.org/" in text
    assert "localhost" not in text and "testserver" not in text
    assert "Sosyal Politikalar Ofisi" in text  # the office's identity
    assert "1 / " in text  # page numbers


def test_kit_pdf_carries_metadata_and_a_qr_code(client, public_address, practice):
    _response, body = download(client, practice, "pdf")
    reader = PdfReader(io.BytesIO(body))
    assert "Çocuk Gelişimi İçin Ağaç Şenliği" in reader.metadata.title
    assert reader.metadata.author == "Sosyal Politikalar Ofisi"
    html = kit.render_kit_pdf  # the QR code is rendered from the same context as the page's
    context = kit.kit_context(practice, office_name="Ofis", language="tr")
    assert context["kit_qr"].startswith("data:image/svg+xml")
    assert context["practice_url"] == f"{PUBLIC}/uygulamalar/cocuk-senligi/"
    assert html


def test_kit_pdf_follows_the_visitors_language(client, public_address, practice):
    _response, english = download(client, practice, "pdf", prefix="/en")  # the English address
    assert "Replication kit: Çocuk Gelişimi" in pdf_text(english)


def test_kit_zip_bundles_the_pdf_and_every_document_under_safe_names(client, public_address, practice):
    PracticeDocumentFactory(
        page=practice,
        title="../../etc/passwd",
        document=DocumentFactory(file=ContentFile("Türkçe metin".encode(), name="kontrol.txt")),
    )
    response, body = download(client, practice, "zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        names = archive.namelist()
        assert names == [
            "cocuk-senligi-kit.pdf",
            "documents/01-uygulama-rehberi.pdf",
            "documents/02-etcpasswd.txt",
        ]
        assert archive.read("documents/01-uygulama-rehberi.pdf") == b"%PDF-1.4 rehber"
        assert archive.read("documents/02-etcpasswd.txt").decode() == "Türkçe metin"
        assert "Paydaş haritasını çıkarın" in pdf_text(archive.read("cocuk-senligi-kit.pdf"))


def test_a_document_missing_from_storage_leaves_the_kit_without_it(client, public_address, practice):
    document = practice.documents.get().document
    default_storage.delete(document.file.name)
    response, body = download(client, practice, "zip")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.namelist() == ["cocuk-senligi-kit.pdf"]


def test_unpublished_practice_has_no_kit(client, practice):
    assert download(client, practice, "pdf")[0].status_code == 200
    url = practice.url
    practice.unpublish()
    assert client.get(f"{url}kit.pdf").status_code == 404
    assert client.get(f"{url}kit.zip").status_code == 404
    assert not default_storage.exists(f"kits/{practice.pk}")  # the stored files went with the publication


def test_draft_never_published_has_no_kit(client):
    draft = PracticePageFactory(live=False, slug="taslak-uygulama")
    assert client.get("/uygulamalar/taslak-uygulama/kit.pdf").status_code == 404
    assert draft.pk


def test_private_practice_has_no_kit_even_for_a_guessed_file(client, practice):
    files = kit.kit_ensure(practice, language="tr")
    assert default_storage.exists(files.pdf)
    PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(f"{practice.url}kit.pdf").status_code == 404
    assert client.get(f"{practice.url}kit.zip").status_code == 404
    assert not default_storage.exists(files.pdf)


@pytest.mark.parametrize(
    "path",
    [
        "/uygulamalar/kit.pdf",  # the library, not a practice
        "/uygulamalar/yok-boyle-bir-uygulama/kit.pdf",
        "/kit.zip",
        "/uygulamalar/cocuk-senligi/kit.exe",
        "/uygulamalar/cocuk-senligikit.pdf",
        "/uygulamalar/cocuk-senligi/kit/kit.pdf",
    ],
)
def test_kit_of_anything_but_a_practice_is_404(client, practice, path):
    assert client.get(path).status_code == 404


def test_kit_download_refuses_posts(client, practice):
    assert client.post(f"{practice.url}kit.pdf").status_code == 405


def test_a_new_publish_gives_a_new_kit_and_the_old_one_is_never_served(client, public_address, practice):
    first_files = kit.kit_files(practice, language="tr")
    assert "Çocuk Gelişimi İçin Ağaç Şenliği" in pdf_text(download(client, practice, "pdf")[1])
    assert default_storage.exists(first_files.pdf)

    practice.title = "Mahalle Şenliği"
    practice.save_revision().publish()
    practice.refresh_from_db()

    text = pdf_text(download(client, practice, "pdf")[1])
    assert "Mahalle Şenliği" in text
    assert "Çocuk Gelişimi İçin Ağaç Şenliği" not in text
    assert kit.kit_files(practice, language="tr").folder != first_files.folder
    assert not default_storage.exists(first_files.pdf)


def test_publishing_makes_the_kit_before_anyone_asks(django_capture_on_commit_callbacks, practice):
    with django_capture_on_commit_callbacks(execute=True):
        practice.save_revision().publish()
    practice.refresh_from_db()
    files = kit.kit_files(practice, language="tr")
    assert default_storage.exists(files.pdf)
    assert default_storage.exists(files.zip)


def test_a_stored_kit_is_served_without_rendering_again(
    client, practice, django_assert_num_queries, monkeypatch
):
    download(client, practice, "pdf")

    def must_not_render(*args, **kwargs):
        raise AssertionError("the stored kit should have been served")

    monkeypatch.setattr(kit, "render_kit_pdf", must_not_render)
    # Site, practice with its view restrictions: nothing else, whatever the practice holds.
    with django_assert_num_queries(3):
        response, body = download(client, practice, "pdf")
    assert response.status_code == 200
    assert body.startswith(b"%PDF-")
    with django_assert_num_queries(3):
        assert download(client, practice, "zip")[0].status_code == 200


def test_kit_page_links_to_both_downloads_and_shows_document_addresses(client, public_address, practice):
    html = client.get(f"{practice.url}kit/").content.decode()
    assert f'href="{practice.url}kit.pdf"' in html
    assert f'href="{practice.url}kit.zip"' in html
    assert (
        f"Source: {PUBLIC}/uygulamalar/cocuk-senligi/"
        in client.get(f"/en{practice.url}kit/").content.decode()
    )
    document = practice.documents.get().document
    assert f'<span class="kit__address">{PUBLIC}{document.url}</span>' in html


def test_demo_sample_documents_are_real_text():
    from practices.demo import content
    from practices.demo.documents import summary_pdf
    from practices.demo.loader import replication_checklist

    data = content.PRACTICES[0]
    steps = [f"{title}: {description}" for title, description, _, _ in data.steps]
    pdf = summary_pdf(title=data.title, summary=data.summary, steps=steps, footer="Sosyal Politikalar Ofisi")
    text = pdf_text(pdf)
    assert data.title in text
    assert data.steps[0][0] in text
    assert "Uyarlama adımları" in text
    checklist = replication_checklist(data).decode("utf-8")
    assert data.steps[0][0] in checklist
