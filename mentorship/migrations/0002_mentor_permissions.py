"""Give the Mentors group the mentorship permissions (history view-only); Editors and Publishers get none."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FULL_MODELS = ["municipality", "contactperson", "visit", "followup", "adoption", "adoptionmetric"]
VIEW_ONLY_MODELS = ["adoptionevent"]


def codenames() -> list[str]:
    full = [f"{action}_{model}" for model in FULL_MODELS for action in ("add", "change", "view", "delete")]
    return full + [f"view_{model}" for model in VIEW_ONLY_MODELS]


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; a fresh database needs them now.
    app_config = apps.get_app_config("mentorship")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    mentors, _ = Group.objects.get_or_create(name="Mentors")
    permissions = Permission.objects.filter(content_type__app_label="mentorship", codename__in=codenames())
    mentors.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(content_type__app_label="mentorship", codename__in=codenames())
    for group in Group.objects.filter(name="Mentors"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("mentorship", "0001_initial"),
        ("practices", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
