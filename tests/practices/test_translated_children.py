"""A practice's inline rows are translated with the page (issue 15): metrics, replication steps, partners,
documents and gallery are TranslatableMixin, so wagtail-localize extracts their text as segments, the English
page gets its own rows in its own locale, and the Turkish original keeps its rows untouched."""

from wagtail.models import Locale

import pytest
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from practices.demo.translations import english_locale
from practices.factories import (
    PracticeDocumentFactory,
    PracticeGalleryImageFactory,
    PracticeMetricFactory,
    PracticePageFactory,
    PracticePartnerFactory,
    ReplicationStepFactory,
)
from practices.models import PracticeDocument, PracticeMetric, PracticePartner, ReplicationStep
from practices.selectors import case_study_rows
from tests.english import load_english_site

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Yaşlılara Mobil Sağlık Taraması": "Mobile Health Screening for Older People",
    "Muhtarlarla ihtiyaç haritası": "Map the needs with the neighbourhood heads",
    "Muhtarlarla mahalle mahalle ziyaret listesi çıkarılır.": "List the visits street by street.",
    "Taranan yaşlı": "Older people screened",
    "kişi": "people",
    "İl Sağlık Müdürlüğü": "Provincial Health Directorate",
    "Sağlık personeli": "Health staff",
    "Uygulama rehberi": "Implementation guide",
    "Tarama aracı": "The screening van",
}


@pytest.fixture
def practice():
    load_english_site()
    page = PracticePageFactory(title="Yaşlılara Mobil Sağlık Taraması", slug="yaslilara-mobil-tarama")
    ReplicationStepFactory(
        page=page,
        sort_order=0,
        title="Muhtarlarla ihtiyaç haritası",
        description="Muhtarlarla mahalle mahalle ziyaret listesi çıkarılır.",
        resources="",
        duration="",
    )
    PracticeMetricFactory(page=page, label="Taranan yaşlı", value=1200, unit="kişi")
    PracticePartnerFactory(page=page, name="İl Sağlık Müdürlüğü", role="Sağlık personeli")
    PracticeDocumentFactory(page=page, title="Uygulama rehberi")
    PracticeGalleryImageFactory(page=page, caption="Tarama aracı")
    page.save_revision().publish()
    return page


def segments(source: TranslationSource) -> dict[str, str]:
    """The source's text segments: content path -> source text."""
    return {
        segment.context.path: segment.string.data
        for segment in source.stringsegment_set.select_related("string", "context")
    }


def translate_everything(source: TranslationSource, locale: Locale, words: dict[str, str]) -> None:
    """What an editor does in wagtail-localize's editor: a translation for every segment (kept as it is
    where the test has no English for it, e.g. the summary)."""
    for segment in source.stringsegment_set.select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=words.get(segment.string.data, segment.string.data),
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )


def translate_into_english(practice) -> Translation:
    """The translation wagtail-localize's "Translate this page" starts, with every segment translated."""
    english = english_locale()
    source, _created = TranslationSource.get_or_create_from_instance(practice)
    translation = Translation.objects.create(source=source, target_locale=english)
    translate_everything(source, english, ENGLISH)
    return translation


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """The editor's "Publish in English" (wagtail-localize publishes the revision once the transaction
    commits; the test's transaction never does, so its callbacks are run here)."""

    def run(translation: Translation) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)

    return run


def test_the_children_text_is_extracted_as_segments(practice):
    source, _created = TranslationSource.get_or_create_from_instance(practice)
    paths = segments(source)
    step = practice.replication_steps.get()
    metric = practice.metrics.get()
    assert paths[f"replication_steps.{step.translation_key}.title"] == "Muhtarlarla ihtiyaç haritası"
    assert paths[f"replication_steps.{step.translation_key}.description"].startswith("Muhtarlarla mahalle")
    assert paths[f"metrics.{metric.translation_key}.label"] == "Taranan yaşlı"
    assert paths[f"metrics.{metric.translation_key}.unit"] == "kişi"
    texts = set(paths.values())
    assert {"İl Sağlık Müdürlüğü", "Sağlık personeli", "Uygulama rehberi", "Tarama aracı"} <= texts
    # Numbers, addresses and choices are synchronised, not translated.
    assert not any(path.endswith((".value", ".year", ".url", ".readiness_dimension")) for path in paths)


def test_a_translated_practice_has_its_own_english_rows_and_the_original_keeps_its_own(
    client, practice, publish
):
    english = english_locale()
    translation = translate_into_english(practice)
    publish(translation)

    translated = practice.get_translation(english).specific
    assert translated.live
    step = translated.replication_steps.get()
    assert (step.title, step.locale_id) == ("Map the needs with the neighbourhood heads", english.pk)
    assert step.translation_key == practice.replication_steps.get().translation_key
    assert translated.metrics.get().label == "Older people screened"
    assert translated.metrics.get().value == practice.metrics.get().value  # synchronised
    assert translated.partners.get().name == "Provincial Health Directorate"
    assert translated.documents.get().document_id == practice.documents.get().document_id

    # The Turkish rows are untouched; each page has its own rows in its locale.
    assert ReplicationStep.objects.filter(page=practice).get().title == "Muhtarlarla ihtiyaç haritası"
    assert set(PracticeMetric.objects.values_list("locale__language_code", flat=True)) == {"tr", "en"}

    english_html = client.get(translated.url).content.decode()
    assert "Map the needs with the neighbourhood heads" in english_html
    assert "Older people screened" in english_html
    assert "Provincial Health Directorate" in english_html
    assert "Muhtarlarla ihtiyaç haritası" not in english_html
    turkish_html = client.get(practice.url).content.decode()
    assert "Muhtarlarla ihtiyaç haritası" in turkish_html
    assert "Map the needs with the neighbourhood heads" not in turkish_html


def test_a_changed_step_reaches_the_translation_on_sync_without_losing_the_other_translations(
    practice, publish
):
    english = english_locale()
    translation = translate_into_english(practice)
    publish(translation)
    translated = practice.get_translation(english).specific
    kept_pk = translated.replication_steps.get().pk

    # The editor adds a step to the original and syncs: the new step arrives (untranslated, so in Turkish
    # until translated), the translated one keeps its English text and its row.
    ReplicationStepFactory(page=practice, title="Araç rotası", description="Rota planlanır.", sort_order=1)
    translation.source.update_from_db()
    publish(translation)
    steps = list(translated.replication_steps.order_by("sort_order"))
    assert [s.title for s in steps] == ["Map the needs with the neighbourhood heads", "Araç rotası"]
    assert steps[0].pk == kept_pk
    assert {s.locale_id for s in steps} == {english.pk}


def test_the_case_study_reads_the_rows_of_the_page_it_shows(practice, publish):
    english = english_locale()
    publish(translate_into_english(practice))
    translated = practice.get_translation(english)

    rows = case_study_rows(translated.pk, [])
    assert [s.title for s in rows["steps"][translated.pk]] == ["Map the needs with the neighbourhood heads"]
    assert [d.title for d in rows["documents"][translated.pk]] == ["Implementation guide"]
    rows = case_study_rows(practice.pk, [])
    assert [p.name for p in rows["partners"][practice.pk]] == ["İl Sağlık Müdürlüğü"]


def test_new_rows_take_the_locale_of_their_page(practice):
    translated = practice.copy_for_translation(english_locale())
    partner = PracticePartnerFactory(page=translated, name="Partner")
    assert partner.locale == english_locale()
    document = PracticeDocument.objects.filter(page=translated).get()
    assert document.locale == english_locale()
    assert PracticePartner.objects.filter(page=practice, locale=Locale.get_default()).count() == 1


def test_revisions_saved_before_the_migration_name_their_rows_keys(practice):
    """practices 0011: a revision saved before the rows had keys (a draft, the latest revision
    wagtail-localize reads) gets each row's key and locale, so restoring it keeps the pairing."""
    import importlib

    from django.apps import apps

    from wagtail.models import Revision

    migration = importlib.import_module("practices.migrations.0011_translatable_children_revisions")
    revision = practice.save_revision()
    for child in revision.content["replication_steps"] + revision.content["metrics"]:
        del child["translation_key"], child["locale"]
    Revision.objects.filter(pk=revision.pk).update(content=revision.content)
    assert (
        revision.as_object().replication_steps.get().translation_key
        != practice.replication_steps.get().translation_key
    )

    migration.name_rows_in_revisions(apps, None)

    restored = Revision.objects.get(pk=revision.pk).as_object()
    assert (
        restored.replication_steps.get().translation_key == practice.replication_steps.get().translation_key
    )
    assert restored.metrics.get().translation_key == practice.metrics.get().translation_key
    assert restored.metrics.get().locale_id == practice.locale_id
