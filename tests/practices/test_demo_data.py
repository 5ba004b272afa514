"""``manage.py load_demo``: idempotent, complete case studies, demo logins only when settings allow them."""

import io

from django.contrib.auth.models import User
from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

import pytest

from portal.models import HomePage, PortalImage, PortalSettings
from practices.demo import content, content_en
from practices.demo.signals import demo_data_loaded
from practices.models import (
    PracticeDocument,
    PracticeGalleryImage,
    PracticeMetric,
    PracticePage,
    PracticePartner,
    PracticeTag,
    ReplicationStep,
    TargetGroup,
    Theme,
)

pytestmark = pytest.mark.django_db

COUNTED_MODELS = (
    Page,
    PracticePage,
    Theme,
    TargetGroup,
    PortalImage,
    get_document_model(),
    User,
    User.groups.through,
    Revision,
    PracticeTag,
    PracticeMetric,
    ReplicationStep,
    PracticePartner,
    PracticeDocument,
    PracticeGalleryImage,
    PortalSettings,
)


def load_demo() -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("load_demo", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def model_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in COUNTED_MODELS}


@pytest.fixture
def demo_logins_enabled(settings):
    settings.DEMO_LOGINS_ENABLED = True


@pytest.fixture
def one_demo_practice(monkeypatch):
    """Only the first practice: for tests about users and settings, to keep the suite fast."""
    monkeypatch.setattr(content, "PRACTICES", content.PRACTICES[:1])


def test_loading_twice_changes_nothing(demo_logins_enabled):
    load_demo()
    first = model_counts()
    home_revision = HomePage.objects.get(locale__language_code="tr").latest_revision_id
    output, _ = load_demo()
    assert model_counts() == first
    assert HomePage.objects.get(locale__language_code="tr").latest_revision_id == home_revision
    assert "+ uygulama" not in output and "in English" not in output
    assert first["practices.PracticePage"] == len(content.PRACTICES) + len(content_en.PRACTICES)
    assert first["practices.Theme"] >= 8
    assert first["practices.TargetGroup"] >= 10


def test_every_demo_practice_is_a_complete_published_case_study():
    load_demo()
    practices = (
        PracticePage.objects.live()
        .filter(locale__language_code="tr")
        .prefetch_related(
            "target_groups", "sdgs", "tags", "metrics", "replication_steps", "partners", "documents"
        )
    )
    assert practices.count() == len(content.PRACTICES)
    assert practices.filter(featured=True).count() == 3
    for practice in practices:
        assert practice.live_revision_id is not None, practice.slug
        assert 0 < len(practice.summary) <= 300
        for name in ("problem", "approach", "results", "lessons"):
            assert getattr(practice, name).count("<p>") >= 2, (practice.slug, name)
        for name in (
            "introduction",
            "implementing_unit",
            "location",
            "funding_sources",
            "staff_needed",
            "time_to_launch",
            "legal_basis",
            "beneficiaries",
            "contact_unit",
        ):
            assert getattr(practice, name), (practice.slug, name)
        assert practice.beneficiaries_count
        assert practice.contact_email.endswith(".example")
        assert practice.target_groups.all()
        assert practice.sdgs.all()
        assert 3 <= len(practice.tags.all()) <= 5
        assert len(practice.metrics.all()) >= 3
        assert len(practice.replication_steps.all()) >= 4
        assert 1 <= len(practice.partners.all()) <= 3
        assert practice.documents.all()
        assert len(practice.gallery_images.all()) == 2
        images = [practice.hero_image] + [item.image for item in practice.gallery_images.all()]
        assert all(image.description.strip() for image in images), practice.slug
    assert sum(practice.needs_review for practice in practices) >= 2


def test_demo_has_english_pages_as_translations_of_the_turkish_ones(client):
    load_demo()
    english = PracticePage.objects.live().filter(locale__language_code="en")
    assert english.count() == len(content_en.PRACTICES) >= 5
    for page in english:
        original = page.get_translations().get(locale__language_code="tr").specific
        assert page.title != original.title and page.problem != original.problem
        assert (page.theme_id, page.start_year, page.budget_band) == (
            original.theme_id,
            original.start_year,
            original.budget_band,
        )
        assert len(page.replication_steps.all()) == len(original.replication_steps.all())
        assert page.url.startswith("/en/practices/")
    home = client.get("/en/").content.decode()
    assert '<html lang="en">' in home and "Everyone is someone" in home
    library = client.get("/en/practices/").content.decode()
    assert "Newborn Support Package" in library
    assert 'class="card__language">In Turkish<' in library  # the practices with no English version yet
    privacy = client.get("/en/kisisel-veriler/").content.decode()
    assert "How we process your personal data" in privacy


def test_demo_practice_pages_render(client, one_demo_practice):
    load_demo()
    practice = PracticePage.objects.live().first()
    assert client.get(practice.url).status_code == 200
    assert client.get(practice.url + "kit/").status_code == 200
    home = client.get("/")
    assert home.status_code == 200
    assert HomePage.objects.get(locale__language_code="tr").mission in home.content.decode()


def test_demo_users_get_their_groups_and_the_logins_are_printed(demo_logins_enabled, one_demo_practice):
    output, _ = load_demo()
    expected = {username: group for username, group, _password in content.DEMO_USERS}
    for username, group in expected.items():
        user = User.objects.get(username=username)
        if group is None:
            assert user.is_superuser and user.is_staff
        else:
            assert list(user.groups.values_list("name", flat=True)) == [group]
            assert not user.is_superuser
    for username, _group, password in content.DEMO_USERS:
        assert User.objects.get(username=username).check_password(password)
        assert password in output


def test_demo_logins_are_refused_when_the_settings_disable_them(settings, one_demo_practice):
    settings.DEMO_LOGINS_ENABLED = False
    output, errors = load_demo()
    assert not User.objects.exists()
    assert "DEMO_LOGINS_ENABLED" in errors
    assert not any(password in output for _u, _g, password in content.DEMO_USERS)
    assert PracticePage.objects.live().exists(), "content is still loaded"


def test_a_changed_demo_password_is_not_printed_or_reset(demo_logins_enabled, one_demo_practice):
    load_demo()
    username, _group, demo_password = content.DEMO_USERS[0]
    user = User.objects.get(username=username)
    user.set_password("something-else-entirely")
    user.save()
    output, _ = load_demo()
    user.refresh_from_db()
    assert user.check_password("something-else-entirely")
    assert demo_password not in output


def test_portal_settings_are_filled_but_an_editors_values_win(one_demo_practice):
    site_settings = PortalSettings.for_site(HomePage.objects.get().get_site())
    site_settings.email = "ofis@kendi-adresimiz.example"
    site_settings.save()
    load_demo()
    site_settings.refresh_from_db()
    assert site_settings.email == "ofis@kendi-adresimiz.example"
    assert site_settings.consent_text_version == content.PORTAL_SETTINGS["consent_text_version"]
    assert "6698" in site_settings.privacy_notice
    assert site_settings.office_name == content.PORTAL_SETTINGS["office_name"]


def test_other_apps_extend_load_demo_through_the_signal(demo_logins_enabled, one_demo_practice):
    received = {}

    def receiver(sender, log, users, practices, **kwargs):
        received.update(users=users, practices=practices)
        log("extra demo step ran")

    demo_data_loaded.connect(receiver)
    try:
        output, _ = load_demo()
    finally:
        demo_data_loaded.disconnect(receiver)
    assert "extra demo step ran" in output
    assert set(received["users"]) == {username for username, _g, _p in content.DEMO_USERS}
    assert set(received["practices"]) == {content.PRACTICES[0].slug}
