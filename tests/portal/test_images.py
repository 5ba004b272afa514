"""Every image needs alt text: the admin refuses an upload without it and labels the field clearly."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest
from PIL import Image

from portal.models import PortalImage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    return client


def png_file() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(buffer, format="PNG")
    return SimpleUploadedFile("atolye.png", buffer.getvalue(), content_type="image/png")


def upload(client, **data):
    payload = {"title": "Atölyeden bir kare", "file": png_file(), "collection": "1", **data}
    return client.post(reverse("wagtailimages:add"), payload)


def test_upload_without_alt_text_is_refused_with_a_message(editor_client):
    response = upload(editor_client, description="")
    assert response.status_code == 200
    form = response.context["form"]
    assert "description" in form.errors
    assert "This field is required." in response.content.decode()
    assert not PortalImage.objects.exists()


def test_upload_with_alt_text_is_accepted(editor_client):
    response = upload(editor_client, description="Çocuklar resim atölyesinde boyama yapıyor")
    assert response.status_code == 302, response.context["form"].errors
    image = PortalImage.objects.get()
    assert image.description == "Çocuklar resim atölyesinde boyama yapıyor"
    assert image.alt_text == image.description


def test_image_form_labels_the_field_as_alt_text(editor_client):
    response = editor_client.get(reverse("wagtailimages:add"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'for="id_description"' in html
    label = html[html.index('for="id_description"') :][:200]
    assert "Alt text" in label
    assert "Describe the image for people who cannot see it." in html


def test_alt_text_is_required_by_the_model_too():
    field = PortalImage._meta.get_field("description")
    assert not field.blank
