"""The English tree of the demo (issue 15): the home page, the library, the events and publications lists and
five practices as translations of the Turkish pages (``copy_for_translation``, the same copy Wagtail's and
wagtail-localize's "Translate" make), with the English texts of ``content_en``; the English privacy notice
and taxonomy names.

Idempotent like the rest of the loader: a translation that exists is left alone, so an editor's later edits
are never overwritten.
"""

from collections.abc import Callable

from django.db import transaction

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site

from portal.models import HomePage, PortalSettings

from ..models import EventIndexPage, PracticeIndexPage, PracticePage, PublicationIndexPage, TargetGroup, Theme
from . import content_en
from .loader import DemoResult, paragraphs

Log = Callable[[str], None]
ENGLISH = "en"


def english_locale() -> Locale:
    return Locale.objects.get_or_create(language_code=ENGLISH)[0]


def _publish(translated: Page) -> None:
    translated.save_revision(log_action=True).publish()
    translated.refresh_from_db()


def _translate(page: Page, locale: Locale, **fields) -> Page:
    """The page's translation in ``locale``, created and published with ``fields`` if it does not exist."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translated = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    if "title" in fields:
        translated.draft_title = fields["title"]
    _publish(translated)
    return translated


def load_english_home_and_library(result: DemoResult, log: Log) -> PracticeIndexPage | None:
    default = Locale.get_default()
    home = HomePage.objects.filter(locale=default).order_by("pk").first()
    library = PracticeIndexPage.objects.filter(locale=default).order_by("pk").first()
    if home is None or library is None:
        log("  ! no Turkish home page or library: skipped the English pages")
        return None
    locale = english_locale()
    created = home.get_translation_or_none(locale) is None
    data = content_en.HOME_PAGE
    _translate(
        home,
        locale,
        title=data["title"],
        slug=data["slug"],
        introduction=data["introduction"],
        mission_title=data["mission_title"],
        mission=data["mission"],
    )
    result.count("english pages", created)
    created = library.get_translation_or_none(locale) is None
    english_library = _translate(
        library,
        locale,
        title=content_en.LIBRARY["title"],
        slug=content_en.LIBRARY["slug"],
        introduction=content_en.LIBRARY["introduction"],
    )
    result.count("english pages", created)
    if created:
        log(f"  + English home page and library ({english_library.url_path})")
    load_english_lists(result, log, locale=locale)
    return english_library


def load_english_lists(result: DemoResult, log: Log, *, locale: Locale) -> None:
    """The English events and publications lists, translations of the Turkish ones (after the home page,
    their parent, is translated)."""
    default = Locale.get_default()
    for model, data in (
        (EventIndexPage, content_en.EVENTS_INDEX),
        (PublicationIndexPage, content_en.PUBLICATIONS_INDEX),
    ):
        original = model.objects.filter(locale=default).order_by("pk").first()
        if original is None:
            continue
        created = original.get_translation_or_none(locale) is None
        translated = _translate(
            original, locale, title=data["title"], slug=data["slug"], introduction=data["introduction"]
        )
        result.count("english pages", created)
        if created:
            log(f"  + English list: {translated.title} ({translated.url_path})")


def load_english_practice(data: content_en.EnglishPractice, *, library: PracticeIndexPage, locale: Locale):
    """The English translation of the Turkish practice ``data.source``; None if it does not exist."""
    original = PracticePage.objects.filter(slug=data.source, locale=Locale.get_default()).first()
    if original is None or original.get_translation_or_none(locale) is not None:
        return None
    translated = original.copy_for_translation(locale)
    for name in (
        "title",
        "slug",
        "summary",
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
        setattr(translated, name, getattr(data, name))
    translated.draft_title = data.title
    for section in ("problem", "approach", "results", "lessons"):
        setattr(translated, section, paragraphs(getattr(data, section)))
    # Lists assigned back to the cluster, so the revision (and publishing it) carries the English rows.
    metrics = list(translated.metrics.all())
    for metric, (label, unit) in zip(metrics, data.metrics, strict=False):
        metric.label, metric.unit = label, unit
    steps = list(translated.replication_steps.all())
    for step, (title, description, resources, duration) in zip(steps, data.steps, strict=False):
        step.title, step.description, step.resources, step.duration = title, description, resources, duration
    partners = list(translated.partners.all())
    for partner, (name, role) in zip(partners, data.partners, strict=False):
        partner.name, partner.role = name, role
    documents = list(translated.documents.all())
    for document in documents:
        document.title = {0: "Practice summary (in Turkish)", 1: "Adaptation checklist (in Turkish)"}.get(
            document.sort_order, document.title
        )
    translated.metrics, translated.replication_steps = metrics, steps
    translated.partners, translated.documents = partners, documents
    _publish(translated)
    return translated


def load_english_names() -> None:
    """English names of the demo's themes and target groups (the migration fills them on existing rows;
    a database loaded after it gets them here)."""
    for slug, name in content_en.THEME_NAMES.items():
        Theme.objects.filter(slug=slug, name_en="").update(name_en=name)
    for slug, name in content_en.TARGET_GROUP_NAMES.items():
        TargetGroup.objects.filter(slug=slug, name_en="").update(name_en=name)


def load_english_privacy_notice(result: DemoResult, log: Log) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings_obj = PortalSettings.for_site(site)
    changed = not settings_obj.privacy_notice_en
    if changed:
        settings_obj.privacy_notice_en = content_en.PRIVACY_NOTICE
        settings_obj.save()
        log("  + English privacy notice")
    result.count("portal settings", changed)


def load_english(result: DemoResult, log: Log) -> None:
    load_english_names()
    created_before = set(Page.objects.filter(locale=english_locale()).values_list("pk", flat=True))
    library = load_english_home_and_library(result, log)
    if library is not None:
        locale = english_locale()
        for data in content_en.PRACTICES:
            page = load_english_practice(data, library=library, locale=locale)
            result.count("english practices", page is not None)
            if page is not None:
                log(f"  + practice in English: {page.title}")
    # A new translation starts as a draft with the original's slug, which the loader then changes: the
    # redirects Wagtail makes from those never-public addresses are dropped.
    # (After commit: Wagtail makes them in a task queued on commit.)
    new_pages = list(Page.objects.filter(locale=english_locale()).exclude(pk__in=created_before).values("pk"))
    transaction.on_commit(
        lambda: Redirect.objects.filter(redirect_page__in=[p["pk"] for p in new_pages]).delete()
    )
    load_english_privacy_notice(result, log)
