"""Starting synonym groups (Turkish variants and the English words for themes and target groups), and the
permission for Editors and Publishers to maintain them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = [
    ("engelli, engelliler, özel gereksinimli, engellilik, disabled, disability, disabilities", "target group"),
    ("yaşlı, yaşlılar, 65 yaş üstü, ileri yaş, elderly, older people, senior, seniors, ageing", "target group"),
    ("çocuk, çocuklar, children, child, kids", "target group"),
    ("bebek, bebekler, yenidoğan, infant, infants, baby, babies, newborn", "target group"),
    ("genç, gençler, gençlik, youth, young people", "target group"),
    ("kadın, kadınlar, women, woman", "target group"),
    ("aile, aileler, hane, family, families, household", "target group"),
    ("dezavantajlı, yoksul, yoksulluk, disadvantaged, poverty, low income", "target group"),
    ("göçmen, mülteci, migrant, migrants, refugee, refugees", "target group"),
    ("sağlık, health, healthcare", "theme"),
    ("eğitim, education, school, schooling", "theme"),
    ("sosyal hizmetler, sosyal hizmet, social services, social care", "theme"),
    ("tarım, agriculture, farming", "theme"),
    ("kültür, culture", "theme"),
    ("sanat, art, arts", "theme"),
    ("engelli hizmetleri, disability services", "theme"),
    ("gıda, gıda güvencesi, food, food security, nutrition", "theme"),
    ("istihdam, iş, employment, jobs", "topic"),
    ("ulaşım, transport, transportation", "topic"),
    ("belediye, municipality, local government", "topic"),
]
CODENAMES = ["add_synonymgroup", "change_synonymgroup", "delete_synonymgroup", "view_synonymgroup"]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms, note in GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms, defaults={"note": note})
    # Permissions are normally created after all migrations; create them now to grant them.
    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="search", codename__in=CODENAMES))
    for group in Group.objects.filter(name__in=["Editors", "Publishers"]):
        group.permissions.add(*permissions)


def unseed(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(terms__in=[terms for terms, _ in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_synonym_group"),
        ("practices", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
