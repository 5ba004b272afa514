"""Demo events and publications for ``load_demo``: two past and two upcoming events (dates relative to the
day of loading) and three publications, looked up by slug and only created when missing."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from wagtail.models import Locale

from ..models import (
    EventIndexPage,
    EventKind,
    EventPage,
    PracticePage,
    PublicationDocument,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
    Theme,
)

OFFICE_PLACE = "Sosyal Politikalar Ofisi toplantı salonu, Mersin"


@dataclass(frozen=True)
class DemoEvent:
    slug: str
    title: str
    kind: str
    days_from_today: int
    hour: int
    hours: int
    capacity: int
    summary: str
    body: str
    practices: tuple[str, ...]
    themes: tuple[str, ...]
    place: str = OFFICE_PLACE
    online_url: str = ""


EVENTS = (
    DemoEvent(
        slug="evde-bakim-hizmeti-kurulum-egitimi",
        title="Evde bakım hizmeti kurulum eğitimi",
        kind=EventKind.TRAINING,
        days_from_today=-60,
        hour=10,
        hours=5,
        capacity=30,
        summary="Evde bakım hizmetini kurmak isteyen belediyeler için vaka yönetimi, ekip ve bütçe eğitimi.",
        body="<p>Vaka yönetimi, ekip kurulumu, bütçe ve mevzuat; öğleden sonra örnek vakalar üzerinde "
        "çalışma.</p>",
        practices=("evde-bakim-hizmeti",),
        themes=("sosyal-hizmetler",),
    ),
    DemoEvent(
        slug="sosyal-market-paylasim-toplantisi",
        title="Sosyal market paylaşım toplantısı",
        kind=EventKind.SHARING_SESSION,
        days_from_today=-21,
        hour=14,
        hours=2,
        capacity=40,
        summary="Sosyal market ve dijital gıda kartı uygulayan belediyelerin deneyimlerini paylaştığı "
        "toplantı.",
        body="<p>Üç belediye sunumu ve soru-cevap.</p>",
        practices=("sosyal-market", "sefkat-kart-dijital-gida-karti"),
        themes=("sosyal-hizmetler",),
        place="",
        online_url="https://toplanti.example/sosyal-market",
    ),
    DemoEvent(
        slug="mahalle-kresleri-saha-ziyareti",
        title="Mahalle kreşleri saha ziyareti",
        kind=EventKind.FIELD_VISIT,
        days_from_today=12,
        hour=9,
        hours=4,
        capacity=15,
        summary="Üç mahalle kreşinde bir sabah: ebeveynlerle, eğitmenlerle ve yöneticilerle görüşme.",
        body="<p>Toplanma 09.00'da ofiste; servisle kreşlere geçilir.</p>",
        practices=("mahalle-kresleri",),
        themes=("egitim",),
    ),
    DemoEvent(
        slug="yasli-sagligi-taramasi-egitimi",
        title="Yaşlılara mobil sağlık taraması eğitimi",
        kind=EventKind.TRAINING,
        days_from_today=26,
        hour=10,
        hours=3,
        capacity=25,
        summary="Mobil sağlık taraması ekibini kurmak ve yaşlı hanelere ulaşmak için uygulamalı eğitim.",
        body="<p>Ekip, araç, tarama protokolü ve yönlendirme.</p>",
        practices=("yaslilara-mobil-saglik-taramasi",),
        themes=("saglik",),
    ),
)


@dataclass(frozen=True)
class DemoPublication:
    slug: str
    title: str
    kind: str
    days_ago: int
    summary: str
    findings: str
    recommendations: str
    practices: tuple[str, ...]
    themes: tuple[str, ...]


PUBLICATIONS = (
    DemoPublication(
        slug="yalniz-yasayan-yaslilar-saha-calismasi",
        title="Yalnız yaşayan yaşlılar: saha çalışması",
        kind=PublicationKind.FIELD_STUDY,
        days_ago=90,
        summary="Dört mahallede 400 hanede yalnız yaşayan yaşlıların bakım ve sağlık ihtiyaçları.",
        findings="<p>Görüşülen yaşlıların üçte biri düzenli sağlık kontrolüne ulaşamıyor; evde bakım "
        "talebi en çok 75 yaş üstünde.</p>",
        recommendations="<p>Mobil sağlık taraması ile evde bakım hizmeti aynı vaka kaydında "
        "birleştirilmeli.</p>",
        practices=("yaslilara-mobil-saglik-taramasi", "evde-bakim-hizmeti"),
        themes=("saglik", "sosyal-hizmetler"),
    ),
    DemoPublication(
        slug="gida-destegi-politika-notu",
        title="Onurlu gıda desteği: politika notu",
        kind=PublicationKind.POLICY_NOTE,
        days_ago=45,
        summary="Koli yardımından sosyal markete ve dijital karta geçiş için belediyelere öneriler.",
        findings="<p>Seçme hakkı tanınan hanelerde israf azalıyor, başvuru yükü düşüyor.</p>",
        recommendations="<ol><li>Hak sahipliği tek veri tabanında tutulmalı.</li>"
        "<li>Yerel esnafla sözleşme modeli kullanılmalı.</li></ol>",
        practices=("sosyal-market", "sefkat-kart-dijital-gida-karti"),
        themes=("sosyal-hizmetler",),
    ),
    DemoPublication(
        slug="erken-cocukluk-yillik-rapor",
        title="Erken çocukluk hizmetleri yıllık raporu",
        kind=PublicationKind.REPORT,
        days_ago=20,
        summary="Mahalle kreşleri ve yeni doğan destek paketinin bir yıllık sonuçları.",
        findings="<p>Kreşlere devam eden çocukların annelerinin çalışma oranı arttı.</p>",
        recommendations="<p>Kreş kapasitesi göç alan mahallelerde önceliklendirilmeli.</p>",
        practices=("mahalle-kresleri", "yeni-dogan-destek-paketi"),
        themes=("egitim",),
    ),
)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def load_outreach(result, log) -> None:
    """Create the demo events and publications that are missing (counted in the loader's DemoResult)."""
    from .documents import summary_pdf
    from .loader import demo_document

    count = result.count

    def document(*, title: str, filename: str, summary: str):
        data = summary_pdf(title=title, summary=summary, steps=(), footer="Sosyal Politikalar Ofisi")
        return demo_document(result, title=title, filename=filename, data=data)

    # The Turkish lists (the English ones, translations, list these events until they are translated).
    default = Locale.get_default()
    events_index = EventIndexPage.objects.filter(locale=default).order_by("pk").first()
    publications_index = PublicationIndexPage.objects.filter(locale=default).order_by("pk").first()
    slugs = {slug for item in (*EVENTS, *PUBLICATIONS) for slug in item.practices}
    practices: dict[str, PracticePage] = {}
    # The first page with a slug is the Turkish original (translations, created later, share its slug).
    for practice in PracticePage.objects.filter(slug__in=slugs).order_by("-pk"):
        practices[practice.slug] = practice
    themes = Theme.objects.in_bulk(field_name="slug")
    today = timezone.localdate()
    if events_index is not None:
        existing = set(EventPage.objects.child_of(events_index).values_list("slug", flat=True))
        for data in EVENTS:
            if data.slug in existing:
                count("events", False)
                continue
            start = _at(today + datetime.timedelta(days=data.days_from_today), data.hour)
            page = EventPage(
                title=data.title,
                slug=data.slug,
                kind=data.kind,
                start=start,
                end=start + datetime.timedelta(hours=data.hours),
                place=data.place,
                online_url=data.online_url,
                capacity=data.capacity,
                summary=data.summary,
                body=data.body,
            )
            page.practices = [practices[slug] for slug in data.practices if slug in practices]
            page.themes = [themes[slug] for slug in data.themes if slug in themes]
            events_index.add_child(instance=page)
            page.save_revision().publish()
            count("events", True)
            log(f"  + etkinlik: {data.title}")
    if publications_index is not None:
        existing = set(PublicationPage.objects.child_of(publications_index).values_list("slug", flat=True))
        for data in PUBLICATIONS:
            if data.slug in existing:
                count("publications", False)
                continue
            page = PublicationPage(
                title=data.title,
                slug=data.slug,
                kind=data.kind,
                publication_date=today - datetime.timedelta(days=data.days_ago),
                authors="Sosyal Politikalar Ofisi",
                summary=data.summary,
                findings=data.findings,
                recommendations=data.recommendations,
            )
            page.practices = [practices[slug] for slug in data.practices if slug in practices]
            page.themes = [themes[slug] for slug in data.themes if slug in themes]
            pdf = document(title=data.title, filename=f"{data.slug}.pdf", summary=data.summary)
            page.documents = [PublicationDocument(document=pdf, title=data.title)]
            publications_index.add_child(instance=page)
            page.save_revision().publish()
            count("publications", True)
            log(f"  + yayın: {data.title}")
