"""Test data builders for the mentorship records (factory_boy); used by tests only."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from practices.factories import EventPageFactory, PracticePageFactory

from .models import (
    Adoption,
    AdoptionMetric,
    AdoptionStage,
    CalendarFeedToken,
    ContactPerson,
    ContactSource,
    EventRegistration,
    FollowUp,
    Municipality,
    MunicipalityKind,
    Visit,
    VisitFormat,
    VisitPurpose,
    VisitStatus,
)


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"kullanici{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.test")
    password = factory.django.Password("pass")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class MunicipalityFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Belediye {n}")
    kind = MunicipalityKind.DISTRICT
    province = factory.Sequence(lambda n: n % 81 + 1)
    district = factory.LazyAttribute(lambda o: o.name)

    class Meta:
        model = Municipality


class ContactPersonFactory(DjangoModelFactory):
    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Kişi Soyadı{n}")
    role = "Sosyal Hizmetler Müdürü"
    email = factory.Sequence(lambda n: f"kisi{n}@belediye.example.test")
    phone = factory.Sequence(lambda n: f"+90 555 000 {n:04d}")
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_text_version = "2026-01"
    source = ContactSource.MENTOR

    class Meta:
        model = ContactPerson


class VisitFactory(DjangoModelFactory):
    municipality = factory.SubFactory(MunicipalityFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    format = VisitFormat.HOSTED
    status = VisitStatus.SCHEDULED
    participants = 4
    # A declined request always says why (the database insists).
    decline_reason = factory.LazyAttribute(
        lambda o: "Bu dönem program dolu." if o.status == VisitStatus.DECLINED else ""
    )

    class Meta:
        model = Visit
        skip_postgeneration_save = True

    @factory.post_generation
    def mentors(self, create, extracted, **kwargs):
        if create and extracted:
            self.mentors.set(extracted)

    @factory.post_generation
    def practices(self, create, extracted, **kwargs):
        if create and extracted:
            self.practices.set(extracted)


class VisitRequestFactory(VisitFactory):
    """A public request: no date yet, a consenting contact."""

    date = None
    status = VisitStatus.REQUESTED
    preferred_dates = "Önümüzdeki ay içinde"
    delegation_size = 6
    purpose = VisitPurpose.LEARN
    contact = factory.SubFactory(
        ContactPersonFactory,
        municipality=factory.SelfAttribute("..municipality"),
        source=ContactSource.VISIT_REQUEST,
    )


class AdoptionFactory(DjangoModelFactory):
    municipality = factory.SubFactory(MunicipalityFactory)
    practice = factory.SubFactory(PracticePageFactory)
    stage = AdoptionStage.INTERESTED

    class Meta:
        model = Adoption


class AdoptionMetricFactory(DjangoModelFactory):
    adoption = factory.SubFactory(AdoptionFactory)
    label = "Yararlanan hane"
    value = 300
    unit = "hane"
    year = 2025

    class Meta:
        model = AdoptionMetric


class FollowUpFactory(DjangoModelFactory):
    action = factory.Sequence(lambda n: f"Uygulama rehberini gönder {n}")
    assignee = factory.SubFactory(UserFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=3))
    visit = factory.SubFactory(VisitFactory)
    adoption = None

    class Meta:
        model = FollowUp


class CalendarFeedTokenFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)

    class Meta:
        model = CalendarFeedToken


class EventRegistrationFactory(DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    name = factory.Sequence(lambda n: f"Katılımcı {n}")
    organisation = factory.Sequence(lambda n: f"Belediye {n}")
    email = factory.Sequence(lambda n: f"katilimci{n}@belediye.example")
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_text_version = "1"
    language = "tr"

    class Meta:
        model = EventRegistration
