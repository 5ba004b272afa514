"""Smoke test: every factory builds a saved, valid object, so tests can rely on them."""

import pytest

from practices import factories

pytestmark = pytest.mark.django_db

FACTORIES = [
    factories.ImageFactory,
    factories.ThemeFactory,
    factories.TargetGroupFactory,
    factories.PracticePageFactory,
    factories.PracticeMetricFactory,
    factories.ReplicationStepFactory,
    factories.PracticePartnerFactory,
    factories.DocumentFactory,
    factories.PracticeDocumentFactory,
    factories.PracticeGalleryImageFactory,
    factories.EventPageFactory,
    factories.PublicationPageFactory,
    factories.PublicationDocumentFactory,
]


@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda f: f.__name__)
def test_factory_builds_a_saved_valid_object(factory_class):
    obj = factory_class()
    assert obj.pk is not None
    obj.full_clean()


def test_practice_factory_builds_a_live_published_page_under_the_library():
    practice = factories.PracticePageFactory(
        target_groups=[factories.TargetGroupFactory()], sdgs=[1, 3], tags=["gıda", "dayanışma"]
    )
    practice.refresh_from_db()
    assert practice.live
    assert practice.first_published_at is not None
    assert practice.get_parent().specific == factories.practice_index_page()
    assert practice.target_groups.count() == 1
    assert sorted(practice.sdgs.values_list("number", flat=True)) == [1, 3]
    assert sorted(practice.tags.names()) == ["dayanışma", "gıda"]
