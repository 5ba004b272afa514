"""Mentorship demo data for ``manage.py load_demo`` (via its ``demo_data_loaded`` signal), idempotent.

The office in Mersin (Akdeniz, Hal Mahallesi) has hosted 16 municipalities and is in talks with 11 more (the
latter invented for the demo and marked so in their visit notes). Histories are replayed at their past dates
through the real services, so AdoptionEvents, the funnel, overdue follow-ups and the impact page all look
like a year of work. Every contact is obviously fictitious: names with "Örnek"/"Deneme" surnames, e-mails at
example.org, phones 0555 000 00 xx.

Idempotency: a municipality is found by (kind, province, name); its visits, contacts, adoptions and
follow-ups are only created when it has no demo visit yet, so running the command twice changes nothing.
"""

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from unittest import mock

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.models import Site

from portal.models import PortalSettings
from portal.provinces import PROVINCES
from practices.models import PracticePage, TargetGroup, Theme

from .models import (
    ADOPTED_STAGES,
    STAGE_ORDER,
    Adoption,
    AdoptionEvent,
    AdoptionMetric,
    AdoptionStage,
    ContactPerson,
    ContactSource,
    FollowUp,
    Municipality,
    MunicipalityKind,
    PopulationBand,
    Visit,
    VisitFormat,
    VisitStatus,
)
from .services import adoption_change_stage, visit_complete

Log = Callable[[str], None]
DEMO_NOTE = "Demo kaydı (kurgusal): "
PLATE_BY_NAME = {province.name: province.plate for province in PROVINCES}
M, P, D = MunicipalityKind.METROPOLITAN, MunicipalityKind.PROVINCIAL, MunicipalityKind.DISTRICT
S = AdoptionStage
PB = PopulationBand

# Practice slugs of the demo library (practices.demo.content).
YD = "yeni-dogan-destek-paketi"
YM = "yaslilara-mobil-saglik-taramasi"
KT = "kadin-tarim-kooperatifi"
EU = "engelsiz-ulasim-hizmeti"
CA = "dezavantajli-mahallede-cocuk-sanat-atolyeleri"
SM = "sosyal-market"
EB = "evde-bakim-hizmeti"
GK = "genclik-kariyer-merkezi"
ES = "engelli-spor-okulu"
KD = "kadin-danisma-merkezi"
SK = "sefkat-kart-dijital-gida-karti"
MK = "mahalle-kresleri"
MT = "mevsimlik-tarim-iscisi-cocuklarina-egitim-destegi"


@dataclass(frozen=True)
class DemoMunicipality:
    name: str
    kind: str
    province: str
    district: str = ""
    lat: float | None = None
    lon: float | None = None
    population: str = ""
    website: str = ""


@dataclass(frozen=True)
class HostedVisit:
    municipality: DemoMunicipality
    date: datetime.date
    participants: int
    # (practice slug, stage the adoption has reached by now)
    adoptions: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TalkingVisit:
    municipality: DemoMunicipality
    scheduled_in_days: int | None  # None: still a request without a date
    practices: tuple[str, ...]
    interested: tuple[str, ...] = ()
    fmt: str = VisitFormat.HOSTED


HOSTED: tuple[HostedVisit, ...] = (
    HostedVisit(
        DemoMunicipality("İstanbul Büyükşehir Belediyesi", M, "İstanbul", population=PB.OVER_1M),
        datetime.date(2024, 3, 14),
        12,
        ((SK, S.SCALED), (EB, S.PILOTING)),
    ),
    HostedVisit(
        DemoMunicipality("Ankara Büyükşehir Belediyesi", M, "Ankara", population=PB.OVER_1M),
        datetime.date(2024, 5, 22),
        8,
        ((SM, S.ADOPTED), (ES, S.PLANNING)),
    ),
    HostedVisit(
        DemoMunicipality("Balıkesir Büyükşehir Belediyesi", M, "Balıkesir", population=PB.OVER_1M),
        datetime.date(2024, 9, 10),
        6,
        ((KT, S.ADOPTED), (MT, S.PILOTING)),
    ),
    HostedVisit(
        DemoMunicipality("Eskişehir Büyükşehir Belediyesi", M, "Eskişehir", population=PB.FROM_250K),
        datetime.date(2024, 11, 5),
        7,
        ((CA, S.ADOPTED), (GK, S.DROPPED)),
    ),
    HostedVisit(
        DemoMunicipality("Tekirdağ Büyükşehir Belediyesi", M, "Tekirdağ", population=PB.FROM_250K),
        datetime.date(2025, 1, 21),
        5,
        ((MT, S.ADOPTED), (KT, S.PLANNING)),
    ),
    HostedVisit(
        DemoMunicipality("Muğla Büyükşehir Belediyesi", M, "Muğla", population=PB.FROM_250K),
        datetime.date(2025, 3, 4),
        9,
        ((YM, S.SCALED), (EU, S.VISITED)),
    ),
    HostedVisit(
        DemoMunicipality("Diyarbakır Büyükşehir Belediyesi", M, "Diyarbakır", population=PB.OVER_1M),
        datetime.date(2025, 4, 16),
        10,
        ((KD, S.ADOPTED), (MK, S.PILOTING)),
    ),
    HostedVisit(
        DemoMunicipality("Artvin Belediyesi", P, "Artvin", population=PB.FROM_10K),
        datetime.date(2025, 5, 27),
        4,
        ((YM, S.ADOPTED),),
    ),
    HostedVisit(
        DemoMunicipality("Giresun Belediyesi", P, "Giresun", population=PB.FROM_50K),
        datetime.date(2025, 6, 18),
        4,
        ((KT, S.PILOTING), (SM, S.PLANNING)),
    ),
    HostedVisit(
        DemoMunicipality("Üsküdar Belediyesi", D, "İstanbul", "Üsküdar", 41.0226, 29.0154, PB.FROM_250K),
        datetime.date(2025, 7, 9),
        6,
        ((YD, S.ADOPTED), (MK, S.PLANNING)),
    ),
    HostedVisit(
        DemoMunicipality("Bayraklı Belediyesi", D, "İzmir", "Bayraklı", 38.4622, 27.1631, PB.FROM_250K),
        datetime.date(2025, 9, 3),
        5,
        ((EU, S.ADOPTED), (ES, S.VISITED)),
    ),
    HostedVisit(
        DemoMunicipality("Çardak Belediyesi", D, "Çanakkale", "Lapseki", 40.3830, 26.7170, PB.UNDER_10K),
        datetime.date(2025, 10, 14),
        3,
        ((KT, S.PLANNING),),
    ),
    HostedVisit(
        DemoMunicipality("Fındıklı Belediyesi", D, "Rize", "Fındıklı", 41.2720, 41.1440, PB.FROM_10K),
        datetime.date(2025, 12, 2),
        3,
        ((YM, S.PILOTING),),
    ),
    HostedVisit(
        DemoMunicipality("Samandağ Belediyesi", D, "Hatay", "Samandağ", 36.0833, 35.9775, PB.FROM_50K),
        datetime.date(2026, 2, 17),
        6,
        ((SM, S.ADOPTED), (KD, S.PLANNING)),
    ),
    HostedVisit(
        DemoMunicipality("Kadirli Belediyesi", D, "Osmaniye", "Kadirli", 37.3740, 36.0960, PB.FROM_50K),
        datetime.date(2026, 5, 12),
        5,
        ((MT, S.PILOTING), (EB, S.DROPPED)),
    ),
    HostedVisit(
        DemoMunicipality(
            "Şehitkamil Belediyesi", D, "Gaziantep", "Şehitkamil", 37.0900, 37.3700, PB.FROM_250K
        ),
        datetime.date(2026, 9, 22),
        8,
        ((SK, S.VISITED), (GK, S.PLANNING)),
    ),
)

TALKING: tuple[TalkingVisit, ...] = (
    TalkingVisit(
        DemoMunicipality("Mezitli Belediyesi", D, "Mersin", "Mezitli", 36.7560, 34.5290), None, (SM,), (SM,)
    ),
    TalkingVisit(
        DemoMunicipality("Tarsus Belediyesi", D, "Mersin", "Tarsus", 36.9177, 34.8927), 12, (MK, YD)
    ),
    TalkingVisit(DemoMunicipality("Kayseri Büyükşehir Belediyesi", M, "Kayseri"), 20, (EB,), (EB,)),
    TalkingVisit(
        DemoMunicipality("Trabzon Büyükşehir Belediyesi", M, "Trabzon"), None, (KT,), (), VisitFormat.ONLINE
    ),
    TalkingVisit(DemoMunicipality("Van Büyükşehir Belediyesi", M, "Van"), None, (KD, MK), (KD,)),
    TalkingVisit(DemoMunicipality("Sinop Belediyesi", P, "Sinop"), 35, (YM,)),
    TalkingVisit(DemoMunicipality("Nevşehir Belediyesi", P, "Nevşehir"), None, (EU,)),
    TalkingVisit(
        DemoMunicipality("Nilüfer Belediyesi", D, "Bursa", "Nilüfer", 40.2130, 28.9870), 8, (GK, ES), (GK,)
    ),
    TalkingVisit(
        DemoMunicipality("Tepebaşı Belediyesi", D, "Eskişehir", "Tepebaşı", 39.7900, 30.4900), None, (CA,)
    ),
    TalkingVisit(
        DemoMunicipality("Kartal Belediyesi", D, "İstanbul", "Kartal", 40.8890, 29.1900),
        50,
        (SK,),
        (),
        VisitFormat.ON_SITE,
    ),
    TalkingVisit(
        DemoMunicipality("Merzifon Belediyesi", D, "Amasya", "Merzifon", 40.8730, 35.4630), None, (MT,), (MT,)
    ),
)

# Recorded needs of some municipalities in talks, for matchmaking: (theme slugs, target group slugs, budget
# band, constraints), slugs of practices.demo.content's vocabulary.
NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, str]] = {
    "Sinop Belediyesi": (
        ("saglik",), ("yaslilar",), "medium", "İki sağlık personeli ayrılabilir; mobil araç yok."
    ),
    "Nevşehir Belediyesi": (
        ("engelli-hizmetleri",), ("engelli-bireyler",), "medium", "Engelli nüfusu dağınık; bütçe sınırlı."
    ),
    "Tepebaşı Belediyesi": (
        ("kultur-ve-sanat", "egitim"), ("cocuklar",), "low", "Kütüphaneler hafta sonu kullanılabilir."
    ),
    "Van Büyükşehir Belediyesi": (
        ("kadin-ve-aile",), ("kadinlar",), "medium", "Danışmanlarda Kürtçe ve Arapça bilgisi gerekli."
    ),
}  # fmt: skip

FIRST_NAMES = (
    "Ayşe", "Mehmet", "Fatma", "Ahmet", "Zeynep", "Mustafa", "Elif", "Hüseyin", "Emine", "Hasan", "Hatice",
    "İbrahim", "Merve", "Ali", "Selin", "Murat", "Derya", "Kemal", "Gül", "Osman", "Sevgi", "Cem", "Buse",
    "Tolga", "Nur", "Serkan", "Pınar",
)  # fmt: skip
SURNAMES = ("Örnekoğlu", "Denemeci", "Kurgusalgil")
ROLES = (
    "Sosyal Hizmetler Müdürü",
    "Strateji Geliştirme Şefi",
    "Kadın ve Aile Hizmetleri Uzmanı",
    "Başkan Yardımcısı",
)

ADAPTATIONS: dict[str, tuple[str, str]] = {
    SK: ("Kart altyapısı ve hak sahipliği ölçütleri aynen alındı.",
         "Anlaşmalı market sayısı ilçe ölçeğine göre artırıldı; başvuru e-Devlet üzerinden alınıyor."),
    SM: ("Bağış kabul ve puanla alışveriş modeli korundu.",
         "Mağaza yerine mahalle muhtarlıklarıyla mobil dağıtım yapılıyor, çünkü kırsal mahalleler dağınık."),
    KT: ("Kooperatif kuruluş adımları ve eğitim programı korundu.",
         "Ürün seçimi yöreye göre değişti (zeytin ve süt ürünleri); satış belediye pazarında yapılıyor."),
    CA: ("Atölye içerikleri ve gönüllü sanatçı ağı modeli alındı.",
         "Atölyeler okul sonrası yerine hafta sonu ve kütüphanelerde yapılıyor."),
    MT: ("Çadır kent okulları ve mentor öğretmen modeli alındı.",
         "Mevsim takvimi fındık hasadına göre kaydırıldı."),
    YM: ("Mobil tarama aracı ve aile hekimine yönlendirme protokolü aynen uygulandı.",
         "Dağ köyleri için araç yerine haftalık sağlık günleri düzenleniyor."),
    KD: ("Danışma hattı ve vaka yönetimi süreçleri korundu.",
         "Kürtçe ve Arapça bilen danışmanlar eklendi."),
    YD: ("Paket içeriği ve ev ziyareti modeli alındı.",
         "Ziyaretler hastane yerine aile sağlığı merkezleriyle planlanıyor."),
    EU: ("Randevulu kapıdan kapıya taşıma modeli alındı.",
         "Araç filosu yerine taksi işletmeleriyle protokol yapıldı."),
}  # fmt: skip

# Share of the origin's value each adopter reached (by adoption order), so values vary but stay plausible.
SHARES = (Decimal("0.35"), Decimal("0.18"), Decimal("0.6"), Decimal("0.25"), Decimal("0.42"))


@dataclass
class DemoCounts:
    municipalities: int = 0
    visits: int = 0
    contacts: int = 0
    adoptions: int = 0
    follow_ups: int = 0
    metrics: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"belediye {self.municipalities}, ziyaret {self.visits}, kişi {self.contacts}, "
            f"benimseme {self.adoptions}, takip {self.follow_ups}, ölçüm {self.metrics}"
        )


@contextmanager
def replay_at(moment: datetime.datetime) -> Iterator[None]:
    """Run the real services as if at a past moment, so their events and timestamps carry that date."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def at_noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(11, 0)))


def contact_identity(n: int) -> tuple[str, str, str]:
    """(name, e-mail, phone) of the n-th demo contact; obviously fictitious and unique."""
    name = f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {SURNAMES[n % len(SURNAMES)]}"
    return name, f"demo.kisi{n:02d}@example.org", f"0555 000 00 {n:02d}"


def demo_contact_identities() -> list[tuple[str, str, str]]:
    """Every demo contact's personal data (the privacy tests scan public output for these)."""
    return [contact_identity(n) for n in range(1, len(HOSTED) + len(TALKING) + 1)]


def _municipality(data: DemoMunicipality, counts: DemoCounts) -> Municipality:
    municipality, created = Municipality.objects.get_or_create(
        kind=data.kind,
        province=PLATE_BY_NAME[data.province],
        name=data.name,
        defaults={
            "district": data.district,
            "latitude": Decimal(str(data.lat)) if data.lat is not None else None,
            "longitude": Decimal(str(data.lon)) if data.lon is not None else None,
            "population_band": data.population,
            "is_demo": True,
        },
    )
    counts.municipalities += int(created)
    return municipality


def _contact(
    municipality: Municipality, n: int, *, source: str, consent_at: datetime.datetime, version: str
) -> tuple[ContactPerson, bool]:
    name, email, phone = contact_identity(n)
    return ContactPerson.objects.get_or_create(
        municipality=municipality,
        email=email,
        defaults={
            "name": name,
            "role": ROLES[n % len(ROLES)],
            "phone": phone,
            "consent_given_at": consent_at,
            "consent_text_version": version,
            "source": source,
            "created_at": consent_at,
        },
    )


def _open_adoption(
    municipality: Municipality,
    practice: PracticePage,
    *,
    mentor,
    moment: datetime.datetime,
    counts: DemoCounts,
) -> Adoption:
    """An "interested" adoption and its first event dated `moment` (what adoption_get_or_create records,
    back-dated: the model's defaults would stamp today and the history would run backwards)."""
    adoption, created = Adoption.objects.get_or_create(
        municipality=municipality,
        practice=practice,
        defaults={"stage": S.INTERESTED, "stage_changed_at": moment, "created_at": moment, "mentor": mentor},
    )
    if created:
        AdoptionEvent.objects.create(
            adoption=adoption,
            from_stage="",
            to_stage=S.INTERESTED,
            created_at=moment,
            user=mentor,
            note="Çalışma ziyareti talebiyle ilgilendiğini bildirdi.",
        )
        counts.adoptions += 1
    return adoption


def _has_demo_visit(municipality: Municipality) -> bool:
    return municipality.visits.filter(notes__startswith=DEMO_NOTE).exists()


def _advance(adoption: Adoption, target: str, *, start: datetime.date, today: datetime.date, user) -> None:
    """Walk an adoption from "visited" to its target stage, one event per step, spaced until today."""
    if target == S.DROPPED:
        path = [S.PLANNING, S.DROPPED]
    elif target in STAGE_ORDER and STAGE_ORDER[target] > STAGE_ORDER[S.VISITED]:
        path = [
            stage
            for stage, order in STAGE_ORDER.items()
            if STAGE_ORDER[S.VISITED] < order <= STAGE_ORDER[target]
        ]
    else:
        return
    span = max((today - start).days - 1, len(path))
    step = min(75, span // (len(path) + 1))
    notes = {
        S.PLANNING: "Belediye meclisine sunulacak uygulama planı hazırlandı.",
        S.PILOTING: "Pilot mahallede uygulama başladı.",
        S.ADOPTED: "Uygulama belediyenin düzenli hizmetleri arasına alındı.",
        S.SCALED: "Uygulama tüm ilçelere yaygınlaştırıldı.",
        S.DROPPED: "Bütçe önceliği değişti; belediye şimdilik vazgeçti.",
    }
    for index, stage in enumerate(path, start=1):
        with replay_at(at_noon(start + datetime.timedelta(days=step * index))):
            adoption_change_stage(adoption=adoption, to_stage=stage, user=user, note=notes[stage])


def _metrics(adoption: Adoption, practice: PracticePage, index: int, year: int, counts: DemoCounts) -> None:
    for offset, origin in enumerate(practice.metrics.order_by("sort_order", "pk")[:2]):
        share = SHARES[(index + offset) % len(SHARES)]
        value = (origin.value * share).quantize(Decimal("1"))
        _metric, created = AdoptionMetric.objects.get_or_create(
            adoption=adoption,
            origin_metric=origin,
            defaults={"label": origin.label, "value": value, "unit": origin.unit, "year": year},
        )
        counts.metrics += int(created)


def _follow_up(
    *, action: str, assignee, due: datetime.date, done: bool, counts: DemoCounts, **target
) -> None:
    _follow, created = FollowUp.objects.get_or_create(
        action=action,
        **target,
        defaults={
            "assignee": assignee,
            "due_date": due,
            "done_at": at_noon(due) if done else None,
        },
    )
    counts.follow_ups += int(created)


def load_hosted(
    item: HostedVisit, n: int, *, practices, mentor, today, version: str, counts: DemoCounts
) -> None:
    municipality = _municipality(item.municipality, counts)
    if _has_demo_visit(municipality):
        return
    discussed = [practices[slug] for slug, _stage in item.adoptions if slug in practices]
    missing = [slug for slug, _stage in item.adoptions if slug not in practices]
    counts.skipped.extend(missing)
    visit_moment = at_noon(item.date)
    contact, created = _contact(
        municipality,
        n,
        source=ContactSource.MENTOR,
        consent_at=visit_moment - datetime.timedelta(days=30),
        version=version,
    )
    counts.contacts += int(created)
    with replay_at(visit_moment - datetime.timedelta(days=30)):
        visit = Visit.objects.create(
            municipality=municipality,
            date=item.date,
            status=VisitStatus.SCHEDULED,
            format=VisitFormat.HOSTED,
            participants=item.participants,
            contact=contact,
            notes=DEMO_NOTE + "Mersin'de (Akdeniz, Hal Mahallesi) ağırlanan çalışma ziyareti.",
            created_at=visit_moment - datetime.timedelta(days=30),
        )
    visit.practices.set(discussed)
    if mentor is not None:
        visit.mentors.set([mentor])
    for practice in discussed:
        _open_adoption(municipality, practice, mentor=mentor, moment=visit.created_at, counts=counts)
    with replay_at(visit_moment):
        visit_complete(visit=visit, user=mentor)
    counts.visits += 1
    for index, (slug, target) in enumerate(item.adoptions):
        practice = practices.get(slug)
        if practice is None:
            continue
        adoption = Adoption.objects.get(municipality=municipality, practice=practice)
        _advance(adoption, target, start=item.date, today=today, user=mentor)
        if target in ADOPTED_STAGES:
            kept, changed = ADAPTATIONS.get(slug, ("", ""))
            # A written adaptation story is one the (invented) municipality agreed to share publicly.
            Adoption.objects.filter(pk=adoption.pk).update(
                kept=kept, changed=changed, show_publicly=bool(kept or changed)
            )
            _metrics(adoption, practice, n + index, min(today.year, item.date.year + 1), counts)
        if mentor is not None and target == S.PILOTING:
            _follow_up(
                action="Pilot dönemin sonuç verilerini iste",
                assignee=mentor,
                due=today + datetime.timedelta(days=(n % 5) + 2),
                done=False,
                counts=counts,
                adoption=adoption,
            )
    if mentor is not None:
        age = (today - item.date).days
        # Old visits: thank-you and kit sent long ago (done); recent ones: some overdue, some due soon.
        if age > 365:
            due, done = item.date + datetime.timedelta(days=14), True
        elif n % 2:
            due, done = today - datetime.timedelta(days=(n % 4) + 3), False
        else:
            due, done = today + datetime.timedelta(days=(n % 6) + 1), False
        _follow_up(
            action="Ziyaret sonrası teşekkür yazısı ve uygulama kitini gönder",
            assignee=mentor,
            due=due,
            done=done,
            counts=counts,
            visit=visit,
        )


def load_talking(
    item: TalkingVisit, n: int, *, practices, mentor, today, version: str, counts: DemoCounts
) -> None:
    municipality = _municipality(item.municipality, counts)
    _record_needs(municipality)
    if _has_demo_visit(municipality):
        return
    asked_at = timezone.now() - datetime.timedelta(days=(n % 9) + 2)
    requested = item.scheduled_in_days is None
    contact, created = _contact(
        municipality,
        n,
        source=ContactSource.VISIT_REQUEST if requested else ContactSource.MENTOR,
        consent_at=asked_at,
        version=version,
    )
    counts.contacts += int(created)
    status = VisitStatus.REQUESTED if requested else VisitStatus.SCHEDULED
    visit = Visit.objects.create(
        municipality=municipality,
        status=status,
        format=item.fmt,
        date=None if requested else today + datetime.timedelta(days=item.scheduled_in_days),
        preferred_dates="Önümüzdeki iki ay içinde, salı veya çarşamba" if requested else "",
        request_message="Ekibimizle uygulamayı yerinde görmek istiyoruz." if requested else "",
        participants=None if requested else 3 + n % 5,
        contact=contact,
        notes=DEMO_NOTE + "görüşme sürüyor; bu belediye ve görüşme demo için uyduruldu.",
        created_at=asked_at,
    )
    visit.practices.set([practices[slug] for slug in item.practices if slug in practices])
    if mentor is not None and not requested:
        visit.mentors.set([mentor])
        _follow_up(
            action="Ziyaret programını ve katılımcı listesini netleştir",
            assignee=mentor,
            due=today + datetime.timedelta(days=max(1, item.scheduled_in_days - 5)),
            done=False,
            counts=counts,
            visit=visit,
        )
    counts.visits += 1
    for slug in item.interested:
        if slug in practices:
            _open_adoption(municipality, practices[slug], mentor=mentor, moment=asked_at, counts=counts)


def _record_needs(municipality: Municipality) -> None:
    """The demo needs of a municipality, unless it already has some (a mentor's edits are kept)."""
    needs = NEEDS.get(municipality.name)
    if needs is None or municipality.needed_themes.exists() or municipality.needed_target_groups.exists():
        return
    theme_slugs, group_slugs, budget_band, notes = needs
    municipality.needed_themes.set(Theme.objects.filter(slug__in=theme_slugs))
    municipality.needed_target_groups.set(TargetGroup.objects.filter(slug__in=group_slugs))
    municipality.budget_band = budget_band
    municipality.needs_notes = notes
    municipality.save(update_fields=["budget_band", "needs_notes"])


def demo_mentor(users: dict):
    mentor = (users or {}).get("mentor")
    if mentor is None:
        mentor = get_user_model().objects.filter(username="mentor", is_active=True).first()
    return mentor


@transaction.atomic
def load_mentorship_demo(*, log: Log, users: dict | None = None, practices: dict | None = None) -> DemoCounts:
    """Create the demo mentorship records (see the module docstring); returns what was created."""
    counts = DemoCounts()
    if practices is None:
        practices = {page.slug: page for page in PracticePage.objects.live().filter(slug__in=_all_slugs())}
    mentor = demo_mentor(users or {})
    today = timezone.localdate()
    site = Site.objects.filter(is_default_site=True).first()
    version = PortalSettings.for_site(site).consent_text_version if site else "1"
    for n, item in enumerate(HOSTED, start=1):
        load_hosted(item, n, practices=practices, mentor=mentor, today=today, version=version, counts=counts)
    for n, item in enumerate(TALKING, start=len(HOSTED) + 1):
        load_talking(item, n, practices=practices, mentor=mentor, today=today, version=version, counts=counts)
    if mentor is None:
        log("  ! demo mentor kullanıcısı yok: takip kayıtları oluşturulmadı, ziyaretlere mentor atanmadı")
    if counts.skipped:
        log(f"  ! bulunamayan demo uygulamaları atlandı: {', '.join(sorted(set(counts.skipped)))}")
    log(f"  Mentorluk demo verisi — yeni: {counts.summary()}")
    return counts


def _all_slugs() -> set[str]:
    slugs = {slug for item in HOSTED for slug, _stage in item.adoptions}
    return slugs | {slug for item in TALKING for slug in item.practices}


def on_demo_data_loaded(sender, *, log: Log, users: dict, practices: dict, **kwargs) -> None:
    """Receiver of practices.demo.signals.demo_data_loaded (connected in MentorshipConfig.ready)."""
    log("Mentorluk: belediyeler, ziyaretler, takipler, benimsemeler…")
    load_mentorship_demo(log=log, users=users, practices=practices)
