"""Turns the demo content of ``practices.demo.content`` into rows, idempotently.

Everything is looked up by a natural key (slugs, image/document titles, usernames) and only created
when missing; rows that already exist are left alone, so running the loader twice changes nothing and an
editor's later edits to demo content are never overwritten.
"""

import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from portal.adapters import set_document_file_metadata, set_image_file_metadata
from portal.models import HomePage, PortalSettings
from portal.site_address import site_base_url, site_sync_address

from ..models import (
    SDG,
    PracticeDocument,
    PracticeGalleryImage,
    PracticeIndexPage,
    PracticeMetric,
    PracticePage,
    PracticePartner,
    ReplicationStep,
    TargetGroup,
    Theme,
)
from ..services import practice_create
from . import content
from .documents import summary_pdf
from .images import abstract_image

Log = Callable[[str], None]
HERO_SIZE = (1200, 675)
GALLERY_SIZE = (800, 533)


@dataclass
class DemoResult:
    """What the loader created (counts) and the objects other demo steps may build on."""

    created: dict[str, int] = field(default_factory=dict)
    practices: dict[str, PracticePage] = field(default_factory=dict)
    users: dict[str, object] = field(default_factory=dict)
    # (username, demo password or None when it was changed since, role)
    logins: list[tuple[str, str | None, str]] = field(default_factory=list)

    def count(self, what: str, created: bool) -> None:
        self.created[what] = self.created.get(what, 0) + int(created)


def paragraphs(texts: tuple[str, ...]) -> str:
    return "".join(f"<p>{escape(text, quote=False)}</p>" for text in texts)


def load_themes(result: DemoResult, log: Log) -> dict[str, Theme]:
    themes = {}
    for order, data in enumerate(content.THEMES, start=1):
        theme, created = Theme.objects.get_or_create(
            slug=data.slug,
            defaults={"name": data.name, "description": data.description, "sort_order": order * 10},
        )
        result.count("themes", created)
        if created:
            log(f"  + tema: {theme.name}")
        themes[data.slug] = theme
    return themes


def load_target_groups(result: DemoResult, log: Log) -> dict[str, TargetGroup]:
    groups = {}
    for data in content.TARGET_GROUPS:
        group, created = TargetGroup.objects.get_or_create(
            slug=data.slug, defaults={"name": data.name, "life_stage_order": data.life_stage_order}
        )
        result.count("target groups", created)
        if created:
            log(f"  + hedef grup: {group.name}")
        groups[data.slug] = group
    return groups


def demo_image(
    result: DemoResult, *, title: str, alt: str, palette: tuple[str, ...], seed: str, size: tuple[int, int]
):
    """The image with this title, drawn and stored the first time only."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        result.count("images", False)
        return existing
    data = abstract_image(title=title.split(" – ")[0], palette=palette, seed=seed, size=size)
    image = image_model(title=title, description=alt, width=size[0], height=size[1])
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{seed}.jpg")
    set_image_file_metadata(image)
    image.save()
    result.count("images", True)
    return image


def demo_document(result: DemoResult, *, title: str, filename: str, data: bytes):
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing:
        result.count("documents", False)
        return existing
    document = document_model(title=title)
    document.file = ContentFile(data, name=filename)
    set_document_file_metadata(document)
    document.save()
    result.count("documents", True)
    return document


def replication_checklist(data: content.PracticeData) -> bytes:
    lines = [data.title, "=" * len(data.title), "", data.summary, "", "Uyarlama kontrol listesi", ""]
    for number, (title, description, resources, duration) in enumerate(data.steps, start=1):
        lines += [
            f"[ ] {number}. {title} ({duration})",
            f"    {description}",
            f"    Kaynaklar: {resources}",
            "",
        ]
    lines += [
        f"Yasal dayanak: {data.legal_basis}",
        f"İletişim: {data.contact_unit} <{data.contact_email}>",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def build_practice(
    data: content.PracticeData,
    *,
    result: DemoResult,
    themes: dict[str, Theme],
    groups: dict[str, TargetGroup],
    sdgs: dict[int, SDG],
    today: datetime.date,
) -> PracticePage:
    """An unsaved PracticePage with every field, inline child and generated file of the demo practice."""
    hero = demo_image(
        result,
        title=f"{data.title} – kapak",
        alt=data.hero_alt,
        palette=data.palette,
        seed=f"{data.slug}-kapak",
        size=HERO_SIZE,
    )
    gallery = [
        demo_image(
            result,
            title=f"{data.title} – galeri {number}",
            alt=alt,
            palette=data.palette[1:] + data.palette[:1],
            seed=f"{data.slug}-galeri-{number}",
            size=GALLERY_SIZE,
        )
        for number, alt in enumerate(data.gallery_alts, start=1)
    ]
    summary_document = demo_document(
        result,
        title=f"{data.title} – uygulama özeti (PDF)",
        filename=f"{data.slug}-ozet.pdf",
        data=summary_pdf(
            title=data.title,
            summary=data.summary,
            steps=[f"{title}: {description}" for title, description, _, _ in data.steps],
            footer=f"{content.PORTAL_SETTINGS['office_name']} – {data.contact_email}",
        ),
    )
    checklist_document = demo_document(
        result,
        title=f"{data.title} – uyarlama kontrol listesi (TXT)",
        filename=f"{data.slug}-kontrol-listesi.txt",
        data=replication_checklist(data),
    )
    practice = PracticePage(
        title=data.title,
        slug=data.slug,
        introduction=data.introduction,
        summary=data.summary,
        hero_image=hero,
        featured=data.featured,
        theme=themes[data.theme],
        implementing_unit=data.implementing_unit,
        start_year=data.start_year,
        status=data.status,
        evidence_level=data.evidence_level,
        province=data.province,
        location=data.location,
        budget_band=data.budget_band,
        funding_sources=data.funding_sources,
        staff_needed=data.staff_needed,
        time_to_launch=data.time_to_launch,
        legal_basis=data.legal_basis,
        beneficiaries=data.beneficiaries,
        beneficiaries_count=data.beneficiaries_count,
        last_reviewed=today - datetime.timedelta(days=data.reviewed_days_ago),
        problem=paragraphs(data.problem),
        approach=paragraphs(data.approach),
        results=paragraphs(data.results),
        lessons=paragraphs(data.lessons),
        contact_unit=data.contact_unit,
        contact_email=data.contact_email,
        contact_phone=content.OFFICE_PHONE,
    )
    practice.target_groups = [groups[slug] for slug in data.target_groups]
    practice.sdgs = [sdgs[number] for number in data.sdgs]
    practice.metrics = [
        PracticeMetric(sort_order=i, label=label, value=Decimal(str(value)), unit=unit, year=year)
        for i, (label, value, unit, year) in enumerate(data.metrics)
    ]
    practice.replication_steps = [
        ReplicationStep(
            sort_order=i, title=title, description=description, resources=resources, duration=duration
        )
        for i, (title, description, resources, duration) in enumerate(data.steps)
    ]
    practice.partners = [
        PracticePartner(sort_order=i, name=name, role=role, url=url)
        for i, (name, role, url) in enumerate(data.partners)
    ]
    practice.documents = [
        PracticeDocument(sort_order=0, document=summary_document, title="Uygulama özeti"),
        PracticeDocument(sort_order=1, document=checklist_document, title="Uyarlama kontrol listesi"),
    ]
    practice.gallery_images = [
        PracticeGalleryImage(sort_order=i, image=image, caption=image.description)
        for i, image in enumerate(gallery)
    ]
    return practice


def load_practices(
    result: DemoResult, log: Log, *, themes: dict[str, Theme], groups: dict[str, TargetGroup]
) -> dict[str, PracticePage]:
    # The Turkish library (its English translation gets translations of these pages: demo.translations).
    index_page = PracticeIndexPage.objects.filter(locale__language_code="tr").order_by("pk").first()
    index_page = index_page or PracticeIndexPage.objects.order_by("pk").first()
    sdgs = SDG.objects.in_bulk(field_name="number")
    existing = {page.slug: page for page in PracticePage.objects.child_of(index_page)}
    today = datetime.date.today()
    practices = {}
    for data in content.PRACTICES:
        if data.slug in existing:
            practices[data.slug] = existing[data.slug]
            result.count("practices", False)
            continue
        page = build_practice(data, result=result, themes=themes, groups=groups, sdgs=sdgs, today=today)
        practices[data.slug] = practice_create(index_page=index_page, practice=page, tags=data.tags)
        result.count("practices", True)
        log(f"  + uygulama: {data.title} ({page.url_path})")
    return practices


def load_home_page(result: DemoResult, log: Log) -> None:
    home = HomePage.objects.filter(locale__language_code="tr").order_by("pk").first()
    if home is None:
        log("  ! ana sayfa yok: migrate çalıştırıldı mı?")
        return
    data = content.HOME_PAGE
    if home.mission and home.hero_image_id:
        result.count("home page", False)
        return
    home.title = home.draft_title = data["title"]
    home.introduction = data["introduction"]
    home.mission_title = data["mission_title"]
    home.mission = data["mission"]
    home.hero_image = demo_image(
        result,
        title="Sosyal Politikalar Ofisi – yaşam döngüsü",
        alt=data["hero_alt"],
        palette=("#fdf6ec", "#0f5c6e", "#f2a541", "#c8553d", "#4f9da6"),
        seed="ana-sayfa",
        size=HERO_SIZE,
    )
    home.save_revision(log_action=True).publish()
    result.count("home page", True)
    log(f"  + ana sayfa içeriği: {data['title']}")


def load_portal_settings(result: DemoResult, log: Log) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        log("  ! varsayılan site yok: portal ayarları atlandı")
        return
    settings_obj = PortalSettings.for_site(site)
    changed = []
    for name, value in content.PORTAL_SETTINGS.items():
        current = getattr(settings_obj, name)
        # Only fill values still at their empty/model default: an editor's own settings win.
        at_default = current in ("", None, PortalSettings._meta.get_field(name).default)
        if at_default and current != value:
            setattr(settings_obj, name, value)
            changed.append(name)
    if changed:
        settings_obj.save()
        log(f"  + portal ayarları: {', '.join(changed)}")
    result.count("portal settings", bool(changed))


def load_site_address(result: DemoResult, log: Log) -> None:
    """The Wagtail Site on SITE_BASE_URL, as `migrate` leaves it, so demo links never say localhost."""
    sync = site_sync_address()
    if sync is None:
        log("  ! varsayılan site yok: site adresi atlandı")
        return
    if sync.changed:
        log(f"  + site adresi: {site_base_url()} ({sync.before} → {sync.after})")
    result.count("site address", sync.changed)


def load_users(result: DemoResult, log: Log) -> None:
    user_model = get_user_model()
    for username, group_name, password in content.DEMO_USERS:
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@atlas.example"}
        )
        if created:
            user.set_password(password)
            user.is_superuser = user.is_staff = group_name is None
            user.save()
            log(f"  + kullanıcı: {username}")
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        result.count("users", created)
        result.users[username] = user
        # Show the password only while it is still the demo one (someone may have changed it since).
        shown = password if created or user.check_password(password) else None
        result.logins.append((username, shown, group_name or "superuser"))


@transaction.atomic
def load_library(*, log: Log, with_users: bool) -> DemoResult:
    """Load every piece of the library's demo content; see the module docstring for the idempotency rules."""
    result = DemoResult()
    log("Temalar ve hedef gruplar…")
    themes = load_themes(result, log)
    groups = load_target_groups(result, log)
    log("Uygulamalar…")
    result.practices = load_practices(result, log, themes=themes, groups=groups)
    log("Eğitimler ve yayınlar…")
    from .outreach import load_outreach

    load_outreach(result, log)
    log("Ana sayfa, portal ayarları ve site adresi…")
    load_home_page(result, log)
    load_portal_settings(result, log)
    load_site_address(result, log)
    log("English pages, names and privacy notice…")
    from .translations import load_english

    load_english(result, log)
    if with_users:
        log("Demo kullanıcıları…")
        load_users(result, log)
    return result
