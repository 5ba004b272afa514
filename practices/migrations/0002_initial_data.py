"""Initial data the library needs on every installation: the 17 SDGs, the library page,
the Editors / Publishers / Mentors groups with their permissions, and the review workflow."""

import uuid

from django.contrib.auth.management import create_permissions
from django.db import migrations

from portal.migration_helpers import delete_pages_below

SDGS = [
    "Yoksulluğa son",
    "Açlığa son",
    "Sağlıklı ve kaliteli yaşam",
    "Nitelikli eğitim",
    "Toplumsal cinsiyet eşitliği",
    "Temiz su ve sanitasyon",
    "Erişilebilir ve temiz enerji",
    "İnsana yakışır iş ve ekonomik büyüme",
    "Sanayi, yenilikçilik ve altyapı",
    "Eşitsizliklerin azaltılması",
    "Sürdürülebilir şehirler ve topluluklar",
    "Sorumlu üretim ve tüketim",
    "İklim eylemi",
    "Sudaki yaşam",
    "Karasal yaşam",
    "Barış, adalet ve güçlü kurumlar",
    "Amaçlar için ortaklıklar",
]

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
PUBLISHER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("portal", "add_portalimage"),
    ("portal", "change_portalimage"),
    ("portal", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
SNIPPET_PERMISSIONS = ["add_theme", "change_theme", "view_theme", "add_targetgroup", "change_targetgroup", "view_targetgroup"]


def ensure_permissions(apps):
    # Permissions are normally created after migrate; a fresh database needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_initial_data(apps, schema_editor):
    SDG = apps.get_model("practices.SDG")
    for number, name in enumerate(SDGS, start=1):
        SDG.objects.update_or_create(number=number, defaults={"name": name})

    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("portal.HomePage")
    PracticeIndexPage = apps.get_model("practices.PracticeIndexPage")
    home = HomePage.objects.order_by("pk").first()
    if home and not PracticeIndexPage.objects.exists():
        content_type, _ = ContentType.objects.get_or_create(app_label="practices", model="practiceindexpage")
        PracticeIndexPage.objects.create(
            title="Uygulamalar",
            draft_title="Uygulamalar",
            slug="uygulamalar",
            content_type=content_type,
            path=f"{home.path}{home.numchild + 1:04d}",
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}uygulamalar/",
            locale_id=home.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            introduction="Diğer belediyelerin uyarlayabileceği, belgelenmiş iyi uygulama modelleri.",
        )
        Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)

    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore.Collection")
    access_admin = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    # Wagtail's own default groups would grant more than the office's roles allow.
    Group.objects.filter(name="Moderators").delete()
    GroupPagePermission.objects.filter(group__name="Editors").delete()
    GroupCollectionPermission.objects.filter(group__name="Editors").delete()
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ("Editors", "Publishers", "Mentors")}
    for group in groups.values():
        group.permissions.set([access_admin])
    for name, codenames in (("Editors", EDITOR_PAGE_PERMISSIONS), ("Publishers", PUBLISHER_PAGE_PERMISSIONS)):
        group = groups[name]
        for codename in codenames:
            permission = Permission.objects.get(codename=codename, content_type__app_label="wagtailcore")
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
        for app_label, codename in COLLECTION_PERMISSIONS:
            permission = Permission.objects.get(codename=codename, content_type__app_label=app_label)
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root_collection, permission=permission)
        group.permissions.add(*Permission.objects.filter(codename__in=SNIPPET_PERMISSIONS, content_type__app_label="practices"))

    # One workflow for the whole tree: editors submit, publishers approve (which publishes) or reject.
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Yayıncı onayı", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups["Publishers"]])
    Workflow.objects.exclude(name="İncele ve yayımla").update(active=False)
    workflow, _ = Workflow.objects.get_or_create(name="İncele ve yayımla", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_initial_data(apps, schema_editor):
    """Undo create_initial_data: the library page and every page below it, the SDGs, the review workflow and
    the groups it created (Editors is Wagtail's own group and stays, without the permissions added here)."""
    Page = apps.get_model("wagtailcore.Page")
    PracticeIndexPage = apps.get_model("practices.PracticeIndexPage")
    for library in PracticeIndexPage.objects.all():
        parent = Page.objects.filter(depth=library.depth - 1, path=library.path[:-4]).first()
        delete_pages_below(apps, schema_editor, library.path)
        if parent:
            children = Page.objects.filter(depth=parent.depth + 1, path__startswith=parent.path)
            Page.objects.filter(pk=parent.pk).update(numchild=children.count())
    apps.get_model("practices.SDG").objects.all().delete()

    Workflow = apps.get_model("wagtailcore.Workflow")
    Workflow.objects.filter(name="İncele ve yayımla").delete()
    apps.get_model("wagtailcore.GroupApprovalTask").objects.filter(name="Yayıncı onayı").delete()
    apps.get_model("wagtailcore.GroupPagePermission").objects.filter(group__name="Editors").delete()
    apps.get_model("wagtailcore.GroupCollectionPermission").objects.filter(group__name="Editors").delete()
    Group = apps.get_model("auth.Group")
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        editors.permissions.clear()
    Group.objects.filter(name__in=["Publishers", "Mentors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
        ("portal", "0002_create_site"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_initial_data, remove_initial_data)]
