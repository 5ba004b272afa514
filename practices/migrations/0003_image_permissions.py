"""Let Editors and Publishers upload and choose images.

Wagtail checks image permissions against ``wagtailimages.Image`` even with a custom image model
(``get_permission_policy()`` uses ``auth_model="wagtailimages.Image"``), so the ``portal.*portalimage``
permissions granted in 0002 alone left both groups unable to upload.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]
GROUPS = ["Editors", "Publishers"]


def grant_image_permissions(apps, schema_editor):
    # Permissions are normally created after migrate; a fresh database needs them now.
    app_config = apps.get_app_config("wagtailimages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root_collection = Collection.objects.get(depth=1)
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=IMAGE_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=GROUPS):
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def revoke_image_permissions(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    GroupCollectionPermission.objects.filter(
        group__name__in=GROUPS,
        permission__content_type__app_label="wagtailimages",
        permission__codename__in=IMAGE_PERMISSIONS,
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0002_initial_data"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant_image_permissions, revoke_image_permissions)]
