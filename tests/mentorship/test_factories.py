"""Every mentorship factory builds a valid, saved object."""

import pytest

from mentorship import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        factories.UserFactory,
        factories.MunicipalityFactory,
        factories.ContactPersonFactory,
        factories.VisitFactory,
        factories.VisitRequestFactory,
        factories.AdoptionFactory,
        factories.AdoptionMetricFactory,
        factories.FollowUpFactory,
        factories.CalendarFeedTokenFactory,
        factories.EventRegistrationFactory,
    ],
)
def test_factory_builds_a_valid_object(factory):
    instance = factory()
    instance.full_clean()
    assert instance.pk is not None
