"""Bulk generator of varied, published practices for scale tests (``manage.py generate_practices``).

Creating pages one by one through treebeard costs several queries per page (path lookup, parent update,
revision, search index). Here pages are inserted in batches instead: tree paths are computed from the
library page's last child, ``wagtailcore_page`` rows are bulk-created, then the ``PracticePage`` rows
(multi-table inheritance, so through ``_insert`` on the child table), then the many-to-many through rows,
tags, metrics and replication steps; finally the library page's ``numchild`` is recounted. Generated pages
are live but have no revision (``latest_revision`` stays null), which Wagtail's page views and admin
explorer accept: the first edit in the admin creates the first revision.
"""

import datetime
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from taggit.models import Tag

from portal.adapters import insert_rows, tree_child_path, tree_path_step
from portal.cache import bump_public_cache_version
from portal.provinces import PROVINCES

from ..models import (
    SDG,
    BudgetBand,
    EvidenceLevel,
    PracticeIndexPage,
    PracticeMetric,
    PracticePage,
    PracticeStatus,
    PracticeTag,
    ReplicationStep,
    TargetGroup,
    Theme,
)
from ..services import practices_bulk_created
from . import content

Progress = Callable[[int, int, float], None]
TURKISH_ASCII = str.maketrans("çğıİöşüÇĞÖŞÜâîû", "cgiIosuCGOSUaiu")

# (core title, theme slug, suitable target groups, SDGs)
SERVICES: tuple[tuple[str, str, tuple[str, ...], tuple[int, ...]], ...] = (
    ("Sağlık Taraması", "saglik", ("yaslilar", "kadinlar", "cocuklar"), (3,)),
    ("Anne-Bebek Destek Programı", "saglik", ("bebekler", "kadinlar", "aileler"), (3, 5)),
    (
        "Psikososyal Destek Merkezi",
        "sosyal-hizmetler",
        ("yetiskinler", "gencler", "multeciler-gocmenler"),
        (3, 10),
    ),
    ("Evde Bakım Ekibi", "sosyal-hizmetler", ("yaslilar", "engelli-bireyler"), (3, 10)),
    ("Etüt ve Kütüphane Merkezi", "egitim", ("cocuklar", "gencler"), (4,)),
    ("Kariyer ve Beceri Merkezi", "egitim", ("gencler", "yetiskinler", "kadinlar"), (4, 8)),
    ("Mahalle Kreşi", "egitim", ("cocuklar", "kadinlar", "aileler"), (4, 5)),
    ("Üretici Kadın Kooperatifi", "tarim", ("kadinlar", "dezavantajli-haneler"), (2, 5, 8)),
    ("Kent Bostanı", "tarim", ("yetiskinler", "yaslilar", "aileler"), (2, 11, 12)),
    ("Tohum Takas Ağı", "tarim", ("yetiskinler", "kadinlar"), (2, 15)),
    ("Çocuk Sanat Atölyesi", "kultur-ve-sanat", ("cocuklar", "dezavantajli-haneler"), (4, 10)),
    ("Gençlik Müzik Atölyesi", "kultur-ve-sanat", ("gencler",), (4, 11)),
    ("Mahalle Sineması", "kultur-ve-sanat", ("aileler", "yaslilar", "cocuklar"), (11,)),
    ("Engelsiz Ulaşım Hattı", "engelli-hizmetleri", ("engelli-bireyler", "yaslilar"), (10, 11)),
    ("Engelli Spor Okulu", "engelli-hizmetleri", ("engelli-bireyler", "cocuklar", "gencler"), (3, 10)),
    ("İşaret Dili Destek Hattı", "engelli-hizmetleri", ("engelli-bireyler",), (10, 16)),
    ("Kadın Danışma Merkezi", "kadin-ve-aile", ("kadinlar", "aileler"), (5, 16)),
    ("Aile Danışmanlığı Programı", "kadin-ve-aile", ("aileler", "cocuklar"), (5, 16)),
    ("Sosyal Market", "gida-guvencesi", ("dezavantajli-haneler", "aileler"), (1, 2)),
    ("Dijital Gıda Kartı", "gida-guvencesi", ("dezavantajli-haneler", "multeciler-gocmenler"), (1, 2)),
    ("Kent Lokantası", "gida-guvencesi", ("dezavantajli-haneler", "yaslilar", "yetiskinler"), (1, 2, 12)),
)
QUALIFIERS = (
    "Mahalle",
    "Gezici",
    "Dijital",
    "Toplum Temelli",
    "Yaşlı Dostu",
    "Engelsiz",
    "Kırsal",
    "Kentsel",
    "Gönüllü Destekli",
    "Yeşil",
    "Kuşaklararası",
    "Kapsayıcı",
)
TAGS = (
    "mahalle ölçeği",
    "mobil hizmet",
    "gönüllülük",
    "onurlu yardım",
    "erken çocukluk",
    "koruyucu sağlık",
    "kadın istihdamı",
    "kooperatifçilik",
    "sosyal uyum",
    "erişilebilirlik",
    "dijital dönüşüm",
    "iklim uyumu",
    "gıda israfı",
    "yaşlı sağlığı",
    "gençlik",
    "sanat eğitimi",
    "çocuk hakları",
    "bakım veren desteği",
    "kırsal kalkınma",
    "yerel üretim",
    "veriye dayalı planlama",
    "kamu-STK iş birliği",
    "katılımcılık",
    "psikososyal destek",
    "engelli sporu",
    "kısa tedarik zinciri",
    "göç ve uyum",
    "yoksullukla mücadele",
    "kapsayıcı tasarım",
    "toplum sağlığı",
)
UNITS = (
    "Sosyal Hizmetler Dairesi Başkanlığı",
    "Sosyal Politikalar Ofisi",
    "Kadın ve Aile Hizmetleri Dairesi",
    "Sağlık İşleri Dairesi Başkanlığı",
    "Kültür ve Sosyal İşler Dairesi",
    "Tarımsal Hizmetler Dairesi",
    "Engelli Hizmetleri Şube Müdürlüğü",
    "Gençlik ve Spor Hizmetleri Dairesi",
)
OPENINGS = (
    "{unit}, {place} genelinde {group} için",
    "{place} merkezli bu uygulama, {group} için",
    "{year} yılında başlayan program, {place} ölçeğinde {group} için",
)
PURPOSES = (
    "hizmete erişimi kolaylaştıran, mahalle ölçeğinde işleyen bir model sunuyor.",
    "ihtiyaç tespiti, yönlendirme ve izlemeyi tek bir süreçte birleştiriyor.",
    "kamu kurumları ve sivil toplumla birlikte sürdürülebilir bir destek ağı kuruyor.",
    "düşük maliyetle başlatılıp kademeli olarak büyütülebilen bir yaklaşım öneriyor.",
)
STEP_TITLES = (
    ("İhtiyacı ölçün", "Mahalle verisi ve paydaş görüşmeleriyle ihtiyacı ve hedef grubu belirleyin.", "1 ay"),
    ("Ortakları belirleyin", "Kamu kurumları ve sivil toplumla iş birliği protokolü imzalayın.", "1–2 ay"),
    (
        "Ekibi kurun ve eğitin",
        "Gerekli personeli belirleyin, görev tanımlarını yazın ve eğitim verin.",
        "1 ay",
    ),
    (
        "Pilot uygulamayı başlatın",
        "Tek bir mahallede üç aylık pilot uygulama yapın ve geri bildirim toplayın.",
        "3 ay",
    ),
    (
        "İzleyin ve yaygınlaştırın",
        "Göstergeleri raporlayın; sonuçlara göre hizmeti diğer mahallelere taşıyın.",
        "Sürekli",
    ),
)
METRIC_LABELS = (("Yararlanan kişi", "kişi"), ("Yararlanan hane", "hane"), ("Memnuniyet oranı", "%"))
PROVINCE_PLATES = [province.plate for province in PROVINCES]
PROVINCE_NAMES = {province.plate: province.name for province in PROVINCES}


@dataclass
class GenerateResult:
    run_id: str
    created: int = 0
    seconds: float = 0.0
    indexed: bool = False
    sample_titles: list[str] = field(default_factory=list)


def ascii_slug(text: str, *, max_length: int = 60) -> str:
    return slugify(text.translate(TURKISH_ASCII))[:max_length].strip("-")


def new_run_id() -> str:
    # Not from the seeded generator: two runs with the same seed must still get different slugs.
    return uuid.uuid4().hex[:6]


@dataclass(frozen=True)
class Vocabulary:
    themes: dict[str, Theme]
    groups: dict[str, TargetGroup]
    sdgs: dict[int, SDG]
    tags: dict[str, Tag]


def ensure_vocabulary(*, dry_run: bool) -> Vocabulary:
    """Themes and target groups from the demo content (created when missing) and the tag vocabulary."""
    if not dry_run:
        for order, data in enumerate(content.THEMES, start=1):
            Theme.objects.get_or_create(
                slug=data.slug,
                defaults={"name": data.name, "description": data.description, "sort_order": order * 10},
            )
        for data in content.TARGET_GROUPS:
            TargetGroup.objects.get_or_create(
                slug=data.slug, defaults={"name": data.name, "life_stage_order": data.life_stage_order}
            )
        existing = set(Tag.objects.filter(name__in=TAGS).values_list("name", flat=True))
        for name in TAGS:
            if name not in existing:
                Tag.objects.create(name=name)  # taggit picks a unique slug on save
    return Vocabulary(
        themes=Theme.objects.in_bulk(field_name="slug"),
        groups=TargetGroup.objects.in_bulk(field_name="slug"),
        sdgs=SDG.objects.in_bulk(field_name="number"),
        tags={tag.name: tag for tag in Tag.objects.filter(name__in=TAGS)},
    )


@dataclass
class PracticeSpec:
    """Everything one generated practice needs, decided before anything is written."""

    title: str
    slug: str
    theme_slug: str
    group_slugs: list[str]
    sdg_numbers: list[int]
    tag_names: list[str]
    fields: dict
    metrics: list[tuple[str, Decimal, str, int]]
    published_at: datetime.datetime


def make_spec(rng: random.Random, *, number: int, run_id: str, today: datetime.date) -> PracticeSpec:
    core, theme_slug, group_pool, sdg_pool = rng.choice(SERVICES)
    # About a third in Mersin, the rest spread over Türkiye, as a metropolitan library would look.
    plate = 33 if rng.random() < 0.35 else rng.choice(PROVINCE_PLATES)
    place = PROVINCE_NAMES[plate]
    title = f"{rng.choice(QUALIFIERS)} {core} – {place}"
    start_year = rng.randint(2008, today.year)
    unit = rng.choice(UNITS)
    groups = rng.sample(group_pool, k=rng.randint(1, len(group_pool)))
    group_names = ", ".join(
        next(g.name for g in content.TARGET_GROUPS if g.slug == s).lower() for s in groups
    )
    summary = (
        rng.choice(OPENINGS).format(unit=unit, place=place, group=group_names, year=start_year)
        + " "
        + rng.choice(PURPOSES)
    )[:300]
    beneficiaries_count = rng.randint(40, 25_000)
    published_at = timezone.now() - datetime.timedelta(
        days=rng.randint(0, 5 * 365), seconds=rng.randint(0, 86_400)
    )
    fields = {
        "introduction": f"{place} için uyarlanabilir bir {core.lower()} modeli.",
        "summary": summary,
        "featured": False,
        "implementing_unit": unit,
        "start_year": start_year,
        "status": rng.choices(PracticeStatus.values, weights=(6, 2, 2))[0],
        "evidence_level": rng.choice(EvidenceLevel.values),
        "province": plate,
        "location": f"{place} merkez ve çevre mahalleler",
        "budget_band": rng.choice(BudgetBand.values),
        "funding_sources": rng.choice(
            ("Belediye bütçesi", "Belediye bütçesi ve hibe", "Belediye bütçesi ve bağışlar")
        ),
        "staff_needed": f"{rng.randint(2, 12)} kişilik ekip",
        "time_to_launch": f"{rng.randint(2, 12)} ay",
        "legal_basis": f"{content.LAW_5393_14}; {content.LAW_5216_7}",
        "beneficiaries": group_names.capitalize(),
        "beneficiaries_count": beneficiaries_count,
        "last_reviewed": today - datetime.timedelta(days=rng.randint(0, 800)),
        "problem": f"<p>{place} genelinde {group_names} için bu alandaki hizmetler yetersiz kalıyordu.</p>",
        "approach": f"<p>{unit}, {core.lower()} modelini mahalle ölçeğinde kurdu ve ortaklarla yürüttü.</p>",
        "results": f"<p>Uygulama {beneficiaries_count} kişiye ulaştı; hizmete erişim arttı.</p>",
        "lessons": "<p>Ortaklarla yazılı protokol ve düzenli izleme, sürdürülebilirliğin anahtarı oldu.</p>",
        "contact_unit": unit,
        "contact_email": content.OFFICE_EMAIL,
        "contact_phone": content.OFFICE_PHONE,
    }
    label, unit_label = rng.choice(METRIC_LABELS)
    metric_year = rng.randint(start_year, today.year)
    metrics = [
        (
            label,
            Decimal(rng.randint(50, 100) if unit_label == "%" else beneficiaries_count),
            unit_label,
            metric_year,
        ),
        ("Yıllık bütçe", Decimal(rng.randint(1, 400)) / 10, "milyon TL", metric_year),
    ]
    return PracticeSpec(
        title=title,
        slug=f"{ascii_slug(title, max_length=50)}-{run_id}-{number}",
        theme_slug=theme_slug,
        group_slugs=groups,
        sdg_numbers=sorted(set(sdg_pool) | set(rng.sample(range(1, 18), k=rng.randint(0, 2)))),
        tag_names=rng.sample(TAGS, k=rng.randint(2, 5)),
        fields=fields,
        metrics=metrics,
        published_at=published_at,
    )


def _insert_child_rows(objs: list[PracticePage]) -> None:
    """Insert only the PracticePage table rows (the Page rows exist); bulk_create refuses MTI models."""
    fields = PracticePage._meta.local_concrete_fields
    step = max(1, connection.ops.bulk_batch_size(fields, objs))
    for start in range(0, len(objs), step):
        insert_rows(PracticePage, objs[start : start + step], fields=fields, using=connection.alias)


def _write_batch(
    specs: list[PracticeSpec],
    *,
    index_page: Page,
    first_step: int,
    vocabulary: Vocabulary,
    content_type: ContentType,
) -> list[int]:
    depth = index_page.depth + 1
    pages = []
    for offset, spec in enumerate(specs):
        pages.append(
            Page(
                title=spec.title,
                draft_title=spec.title,
                slug=spec.slug,
                content_type=content_type,
                path=tree_child_path(
                    Page, parent_path=index_page.path, depth=depth, step=first_step + offset
                ),
                depth=depth,
                numchild=0,
                url_path=f"{index_page.url_path}{spec.slug}/",
                locale_id=index_page.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=spec.published_at,
                last_published_at=spec.published_at,
            )
        )
    pages = Page.objects.bulk_create(pages)
    if any(page.pk is None for page in pages):  # backends that cannot return ids from a bulk insert
        by_path = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
        for page in pages:
            page.pk = page.id = by_path[page.path]

    practices = []
    for page, spec in zip(pages, specs, strict=True):
        practice = PracticePage(page_ptr_id=page.pk, theme=vocabulary.themes[spec.theme_slug], **spec.fields)
        practices.append(practice)
    _insert_child_rows(practices)

    group_through = PracticePage.target_groups.through
    sdg_through = PracticePage.sdgs.through
    group_rows, sdg_rows, tag_rows, metric_rows, step_rows = [], [], [], [], []
    for page, spec in zip(pages, specs, strict=True):
        group_rows += [
            group_through(practicepage_id=page.pk, targetgroup=vocabulary.groups[s]) for s in spec.group_slugs
        ]
        sdg_rows += [sdg_through(practicepage_id=page.pk, sdg=vocabulary.sdgs[n]) for n in spec.sdg_numbers]
        tag_rows += [
            PracticeTag(content_object_id=page.pk, tag=vocabulary.tags[name]) for name in spec.tag_names
        ]
        metric_rows += [
            PracticeMetric(
                page_id=page.pk,
                locale_id=page.locale_id,
                sort_order=i,
                label=label,
                value=value,
                unit=unit,
                year=year,
            )
            for i, (label, value, unit, year) in enumerate(spec.metrics)
        ]
        step_rows += [
            ReplicationStep(
                page_id=page.pk,
                locale_id=page.locale_id,
                sort_order=i,
                title=title,
                description=description,
                duration=duration,
            )
            for i, (title, description, duration) in enumerate(STEP_TITLES[:3])
        ]
    group_through.objects.bulk_create(group_rows)
    sdg_through.objects.bulk_create(sdg_rows)
    PracticeTag.objects.bulk_create(tag_rows)
    PracticeMetric.objects.bulk_create(metric_rows)
    ReplicationStep.objects.bulk_create(step_rows)
    return [page.pk for page in pages]


def _index(ids: list[int]) -> None:
    # Everything the page's search fields read, fetched per batch rather than per page.
    objs = list(
        PracticePage.objects.filter(pk__in=ids)
        .select_related("theme")
        .prefetch_related("tags", "target_groups")
    )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(PracticePage, objs)


def generate_practices(
    *,
    count: int,
    seed: int | None = None,
    batch_size: int = 1000,
    dry_run: bool = False,
    update_index: bool = True,
    progress: Progress | None = None,
) -> GenerateResult:
    """Create ``count`` live practices under the library, batch by batch (each batch in one transaction)."""
    started = time.monotonic()
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    today = datetime.date.today()
    result = GenerateResult(run_id=new_run_id())
    vocabulary = ensure_vocabulary(dry_run=dry_run)
    if dry_run:
        result.sample_titles = [
            make_spec(rng, number=n, run_id=result.run_id, today=today).title for n in range(5)
        ]
        result.seconds = time.monotonic() - started
        return result

    index_page = PracticeIndexPage.objects.filter(locale__language_code="tr").order_by("pk").get()
    content_type = ContentType.objects.get_for_model(PracticePage)
    number = 0
    while number < count:
        size = min(batch_size, count - number)
        specs = [make_spec(rng, number=number + i, run_id=result.run_id, today=today) for i in range(size)]
        with transaction.atomic():
            # Lock the library row so concurrent runs cannot hand out the same tree paths.
            parent = Page.objects.select_for_update().get(pk=index_page.pk)
            last_child = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .first()
            )
            first_step = tree_path_step(Page, last_child.path) + 1 if last_child else 1
            ids = _write_batch(
                specs,
                index_page=parent,
                first_step=first_step,
                vocabulary=vocabulary,
                content_type=content_type,
            )
            Page.objects.filter(pk=parent.pk).update(
                numchild=Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
            )
            if update_index:
                _index(ids)
                practices_bulk_created.send(sender=PracticePage, page_ids=tuple(ids))
        if not result.sample_titles:
            result.sample_titles = [spec.title for spec in specs[:5]]
        number += size
        result.created = number
        if progress:
            progress(number, count, time.monotonic() - started)
    result.indexed = update_index
    # Bulk inserts send no publish signals, so tell the public page cache itself that the library changed.
    bump_public_cache_version()
    result.seconds = time.monotonic() - started
    return result
