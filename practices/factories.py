"""Test data builders for the library (factory_boy + wagtail-factories); used by tests only."""

import datetime

from django.utils import timezone

from wagtail.models import Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from portal.models import PortalImage

from .models import (
    SDG,
    EventIndexPage,
    EventKind,
    EventPage,
    PracticeDocument,
    PracticeGalleryImage,
    PracticeIndexPage,
    PracticeMetric,
    PracticePage,
    PracticePartner,
    PublicationDocument,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
    ReplicationStep,
    TargetGroup,
    Theme,
)

PUBLISHED_FROM = datetime.datetime(2025, 1, 1, 9, 0, tzinfo=datetime.UTC)


class ImageFactory(wagtail_factories.ImageFactory):
    description = factory.Sequence(lambda n: f"Görsel açıklaması {n}")

    class Meta:
        model = PortalImage


class ThemeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")

    class Meta:
        model = Theme
        django_get_or_create = ("slug",)


class TargetGroupFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Hedef grup {n}")
    slug = factory.Sequence(lambda n: f"hedef-grup-{n}")
    life_stage_order = factory.Sequence(int)

    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)


def practice_index_page() -> PracticeIndexPage:
    """The library page created by the initial-data migration."""
    return PracticeIndexPage.objects.filter(locale__language_code="tr").order_by("pk").first()


class PracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Uygulama {n}")
    slug = factory.Sequence(lambda n: f"uygulama-{n}")
    parent = factory.LazyFunction(practice_index_page)
    summary = factory.Faker("sentence", nb_words=12, locale="tr_TR")
    theme = factory.SubFactory(ThemeFactory)
    implementing_unit = "Sosyal Politikalar Dairesi"
    start_year = 2020
    budget_band = "low"
    problem = "<p>Sorun tanımı.</p>"
    approach = "<p>Yaklaşım.</p>"
    results = "<p>Sonuçlar.</p>"
    lessons = "<p>Dersler ve riskler.</p>"
    contact_unit = "Sosyal Politikalar Ofisi"
    last_reviewed = factory.LazyFunction(datetime.date.today)
    # Published in creation order, so "newest first" is predictable in tests.
    first_published_at = factory.Sequence(lambda n: PUBLISHED_FROM + datetime.timedelta(minutes=n))
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        model = PracticePage
        skip_postgeneration_save = True

    # Parental many-to-many relations live in memory until the page is saved again.
    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)
            self.save()

    @factory.post_generation
    def sdgs(self, create, extracted, **kwargs):
        if create and extracted:
            self.sdgs.set(SDG.objects.filter(number__in=extracted))
            self.save()

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)
            self.save()


class PracticeMetricFactory(DjangoModelFactory):
    page = factory.SubFactory(PracticePageFactory)
    label = "Yararlanan hane"
    value = 1200
    unit = "hane"
    year = 2024

    class Meta:
        model = PracticeMetric


class ReplicationStepFactory(DjangoModelFactory):
    page = factory.SubFactory(PracticePageFactory)
    title = factory.Sequence(lambda n: f"Adım {n}")
    description = "Adımın açıklaması."
    resources = "2 sosyal hizmet uzmanı"
    duration = "1 ay"

    class Meta:
        model = ReplicationStep


class PracticePartnerFactory(DjangoModelFactory):
    page = factory.SubFactory(PracticePageFactory)
    name = factory.Sequence(lambda n: f"Ortak kurum {n}")
    role = "Eğitim desteği"
    url = "https://example.org/"

    class Meta:
        model = PracticePartner


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Belge {n}")
    file = factory.django.FileField(filename="rehber.pdf", data=b"%PDF-1.4 test")


class PracticeDocumentFactory(DjangoModelFactory):
    page = factory.SubFactory(PracticePageFactory)
    document = factory.SubFactory(DocumentFactory)
    title = factory.Sequence(lambda n: f"Uygulama rehberi {n}")

    class Meta:
        model = PracticeDocument


class PracticeGalleryImageFactory(DjangoModelFactory):
    page = factory.SubFactory(PracticePageFactory)
    image = factory.SubFactory(ImageFactory)
    caption = factory.Sequence(lambda n: f"Etkinlikten bir kare {n}")

    class Meta:
        model = PracticeGalleryImage


def event_index_page() -> EventIndexPage:
    """The events list created by the migration (practices 0005)."""
    return EventIndexPage.objects.get(locale=Locale.get_default())


def publication_index_page() -> PublicationIndexPage:
    """The publications list created by the migration (practices 0005)."""
    return PublicationIndexPage.objects.get(locale=Locale.get_default())


class EventPageFactory(wagtail_factories.PageFactory):
    """An upcoming training in two weeks, in person, for 20 people."""

    title = factory.Sequence(lambda n: f"Eğitim {n}")
    slug = factory.Sequence(lambda n: f"egitim-{n}")
    parent = factory.LazyFunction(event_index_page)
    kind = EventKind.TRAINING
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=14))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3))
    place = "Sosyal Politikalar Ofisi toplantı salonu"
    capacity = 20
    summary = factory.Faker("sentence", nb_words=10, locale="tr_TR")
    body = "<p>Program.</p>"

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def practices(self, create, extracted, **kwargs):
        if create and extracted:
            self.practices.set(extracted)
            self.save()

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save()


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Politika notu {n}")
    slug = factory.Sequence(lambda n: f"politika-notu-{n}")
    parent = factory.LazyFunction(publication_index_page)
    kind = PublicationKind.POLICY_NOTE
    publication_date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    summary = factory.Faker("sentence", nb_words=12, locale="tr_TR")
    findings = "<p>Bulgular.</p>"
    recommendations = "<p>Öneriler.</p>"

    class Meta:
        model = PublicationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def practices(self, create, extracted, **kwargs):
        if create and extracted:
            self.practices.set(extracted)
            self.save()

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save()


class PublicationDocumentFactory(DjangoModelFactory):
    page = factory.SubFactory(PublicationPageFactory)
    document = factory.SubFactory(DocumentFactory)
    title = factory.Sequence(lambda n: f"Rapor {n}")

    class Meta:
        model = PublicationDocument
