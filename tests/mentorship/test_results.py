"""Adopters' results: the mentor's screen for the adopter's figures and the adaptation record, and what
"publish this adaptation" puts on the practice page and the impact page (municipality, change, figures)."""

import re
from decimal import Decimal

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from mentorship import services
from mentorship.factories import AdoptionFactory, AdoptionMetricFactory, ContactPersonFactory
from mentorship.models import AdoptionMetric, AdoptionStage
from practices.factories import PracticeMetricFactory, PracticePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_and_no_page_cache(settings):
    settings.LANGUAGE_CODE = "en"
    settings.WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English")]
    settings.PUBLIC_PAGE_CACHE_TIMEOUT = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def adoption():
    practice = PracticePageFactory(title="Gıda Bankası")
    PracticeMetricFactory(page=practice, label="Yararlanan hane", value=1200, unit="hane", year=2024)
    PracticeMetricFactory(page=practice, label="Gönüllü", value=85, unit="kişi", year=2024)
    return AdoptionFactory(
        practice=practice,
        stage=AdoptionStage.ADOPTED,
        municipality__name="Uygulayanköy",
        municipality__website="",
    )


def results_url(adoption) -> str:
    return reverse("mentorship_adoptions:results", args=[adoption.pk])


def post_data(adoption, **overrides) -> dict:
    first, second = adoption.practice.metrics.order_by("sort_order", "pk")
    data = {
        "kept": "Haftalık dağıtım ve gönüllü ağı.",
        "changed": "Kart yerine kupon: ilçede kart okuyucu yoktu.",
        "show_publicly": "on",
        f"value_{first.pk}": "340",
        f"unit_{first.pk}": "",
        f"year_{first.pk}": "2025",
        f"value_{second.pk}": "",
        f"unit_{second.pk}": "kişi",
        f"year_{second.pk}": "",
    }
    return data | overrides


def test_the_screen_lists_every_metric_at_origin_with_its_value(client, mentor, adoption):
    client.force_login(mentor)
    html = client.get(results_url(adoption)).content.decode()
    assert "Yararlanan hane" in html and "Gönüllü" in html
    assert re.search(r"at origin: 1,?200(\.00)? hane", html)
    detail = client.get(reverse("mentorship_adoptions:inspect", args=[adoption.pk])).content.decode()
    assert results_url(adoption) in detail  # reached from the adoption's page


def test_saving_records_the_figures_from_the_origin_metrics_and_the_adaptation(client, mentor, adoption):
    client.force_login(mentor)
    response = client.post(results_url(adoption), post_data(adoption))
    assert response.status_code == 302
    (metric,) = AdoptionMetric.objects.filter(adoption=adoption)
    first = adoption.practice.metrics.order_by("sort_order", "pk").first()
    assert (metric.origin_metric, metric.label, metric.value, metric.unit, metric.year) == (
        first,
        "Yararlanan hane",
        Decimal("340"),
        "hane",  # the origin's unit when none is given
        2025,
    )
    adoption.refresh_from_db()
    assert adoption.kept.startswith("Haftalık") and adoption.changed.startswith("Kart yerine")
    assert adoption.show_publicly is True


def test_saving_again_updates_and_an_emptied_value_removes_the_figure(client, mentor, adoption):
    client.force_login(mentor)
    first = adoption.practice.metrics.order_by("sort_order", "pk").first()
    client.post(results_url(adoption), post_data(adoption))
    client.post(results_url(adoption), post_data(adoption, **{f"value_{first.pk}": "400"}))
    assert AdoptionMetric.objects.get(adoption=adoption).value == 400
    client.post(
        results_url(adoption), post_data(adoption, **{f"value_{first.pk}": "", f"year_{first.pk}": ""})
    )
    assert not AdoptionMetric.objects.filter(adoption=adoption).exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("value", "çok"), ("year", "1800"), ("value", "1" * 20)],
)
def test_bad_figures_are_refused_at_the_field(client, mentor, adoption, field, value):
    first = adoption.practice.metrics.order_by("sort_order", "pk").first()
    client.force_login(mentor)
    response = client.post(results_url(adoption), post_data(adoption, **{f"{field}_{first.pk}": value}))
    assert response.status_code == 200
    assert response.context["form"].errors[f"{field}_{first.pk}"]
    assert not AdoptionMetric.objects.exists()


def test_a_year_without_a_value_is_refused(client, mentor, adoption):
    first = adoption.practice.metrics.order_by("sort_order", "pk").first()
    client.force_login(mentor)
    response = client.post(results_url(adoption), post_data(adoption, **{f"value_{first.pk}": ""}))
    assert response.status_code == 200
    assert response.context["form"].errors[f"value_{first.pk}"]


def test_a_metric_of_another_practice_is_refused(adoption):
    foreign = PracticeMetricFactory(page=PracticePageFactory())
    with pytest.raises(ValidationError):
        services.adoption_results_save(
            adoption=adoption,
            kept="",
            changed="",
            show_publicly=False,
            figures=[services.AdopterFigure(origin_metric_id=foreign.pk, value=Decimal(1))],
        )
    assert not AdoptionMetric.objects.exists()


def test_a_published_adaptation_shows_on_the_practice_page_and_the_impact_page_never_people(
    client, mentor, adoption
):
    ContactPersonFactory(municipality=adoption.municipality, name="Gizli Yetkili", email="gizli@example.org")
    client.force_login(mentor)
    client.post(results_url(adoption), post_data(adoption))
    client.logout()

    practice_html = client.get(adoption.practice.url).content.decode()
    section = re.search(r'<section class="adopted-by".*?</section>', practice_html, re.S).group(0)
    assert "Uygulayanköy" in section and "Kart yerine kupon" in section and "340" in section
    impact_html = client.get("/etki/").content.decode()
    comparison = re.search(r'<section aria-labelledby="comparison-heading">.*?</section>', impact_html, re.S)
    comparison = comparison.group(0)
    adopter = str(adoption.municipality)  # "Uygulayanköy (province)"
    assert f"{adopter}: 340 hane" in comparison and re.search(
        r"1[.,]200 hane", comparison
    )  # beside the origin

    assert "Kart yerine kupon" in comparison  # what changed, beside the figures
    for html in (practice_html, impact_html):
        assert "Gizli Yetkili" not in html and "gizli@example.org" not in html


def test_an_unpublished_adaptation_shows_neither_name_nor_figures(client, mentor, adoption):
    client.force_login(mentor)
    client.post(results_url(adoption), post_data(adoption, show_publicly=""))
    client.logout()
    for url in (adoption.practice.url, "/etki/"):
        html = client.get(url).content.decode()
        assert "Kart yerine kupon" not in html and "340 hane" not in html


def test_figures_of_a_municipality_still_piloting_are_not_published(client, adoption):
    adoption.stage = AdoptionStage.PILOTING
    adoption.show_publicly = True
    adoption.changed = "Pilot değişikliği"
    adoption.save()
    AdoptionMetricFactory(adoption=adoption, origin_metric=adoption.practice.metrics.first(), value=77)
    html = client.get("/etki/").content.decode() + client.get(adoption.practice.url).content.decode()
    # Named as "in talks" on the map (a confirmed municipality), but no adaptation and no figure of it.
    assert "Pilot değişikliği" not in html and "77" not in re.sub(r"<svg.*?</svg>", "", html, flags=re.S)
