"""Security-test fixtures: media written to a temporary directory (documents are served from disk)."""

import pytest


@pytest.fixture
def media_on_disk(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return settings.MEDIA_ROOT


@pytest.fixture
def image_permissions_for_editors(db):
    """Grant Editors and Publishers image rights under the codenames Wagtail checks.

    Wagtail's image permission policy uses wagtailimages.Image's permissions (add_image, change_image,
    choose_image) even with a custom image model; practices/migrations/0002 grants portal.add_portalimage
    etc., which Wagtail never consults, so without this editors cannot upload images at all.
    """
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=["add_image", "change_image", "choose_image"]
    )
    for group in Group.objects.filter(name__in=["Editors", "Publishers"]):
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


@pytest.fixture
def english(settings):
    """Admin messages in English, so assertions match the msgids (Wagtail ships Turkish translations)."""
    settings.LANGUAGE_CODE = "en"
    settings.WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English")]
