"""Replace Wagtail's default welcome page with the portal's HomePage and make it the default site."""

import uuid

from django.db import migrations

from portal.migration_helpers import delete_pages_below


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("portal.HomePage")

    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    Site.objects.all().delete()
    locale = Locale.objects.order_by("pk").first() or Locale.objects.create(language_code="tr")
    content_type, _ = ContentType.objects.get_or_create(app_label="portal", model="homepage")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Uygulama Atlası",
        draft_title="Uygulama Atlası",
        slug="home",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        translation_key=uuid.uuid4(),
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Uygulama Atlası")


def remove_home_page(apps, schema_editor):
    """Undo create_home_page: the home page, everything below it and its site go; Wagtail's own welcome page
    and default site (wagtailcore 0002) come back, so this migration can run forward again."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    homes = list(Page.objects.filter(depth=2, content_type__app_label="portal", content_type__model="homepage"))
    Site.objects.filter(root_page__in=homes).delete()
    for home in homes:
        delete_pages_below(apps, schema_editor, home.path)
    root = Page.objects.get(depth=1)
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    last = Page.objects.filter(depth=2).order_by("-path").first()
    next_number = int(last.path[-4:]) + 1 if last else 1
    welcome = Page.objects.create(
        title="Welcome to your new Wagtail site!",
        draft_title="Welcome to your new Wagtail site!",
        slug="home",
        content_type=page_type,
        path=f"{root.path}{next_number:04d}",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.order_by("pk").first(),
        translation_key=uuid.uuid4(),
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    if not Site.objects.exists():
        Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
