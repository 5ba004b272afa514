"""The home page says who it is for, searches, offers the themes with practices as shortcuts, fills its
featured row, and shows headline figures computed from the data of practices and mentorship; the footer
links the privacy notice and the site has a favicon."""

import re

from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks

import pytest

from mentorship.factories import AdoptionFactory, MunicipalityFactory, VisitFactory
from mentorship.models import AdoptionStage, VisitStatus
from portal.figures import HEADLINE_FIGURES_HOOK, HeadlineFigure
from practices.demo import content as demo_content
from practices.factories import PracticePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

# English is the home page's address under /en/ (the Turkish page when it has no translation yet).
ENGLISH = {"path": "/en/"}


def home_html(client, path: str = "/") -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def shown_figures(html: str) -> dict[str, int]:
    """{key: value} of the headline figures, the value read as the visitor sees it (9.300 -> 9300)."""
    items = re.findall(
        r'data-figure="(\w+)">.*?<span class="figures__value">([\d.,]+)</span>', html, flags=re.S
    )
    return {key: int(value.replace(".", "").replace(",", "")) for key, value in items}


def adopting(*, province: int, stage=AdoptionStage.ADOPTED, hosted: bool = True):
    municipality = MunicipalityFactory(province=province)
    if hosted:
        VisitFactory(municipality=municipality, status=VisitStatus.COMPLETED, date=timezone.localdate())
    AdoptionFactory(municipality=municipality, stage=stage)
    return municipality


def test_the_heading_says_what_the_site_is_for_and_the_motto_is_not_the_heading(client):
    html = home_html(client, **ENGLISH)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert "municipality can adopt" in heading
    assert "municipal officials" in html
    assert re.search(r"<title>[^<]*municipality can adopt", html)


def test_search_box_in_the_body_sends_a_get_to_the_search_page(client):
    html = home_html(client)
    form = re.search(r'<form class="home-search"[^>]*>.*?</form>', html, re.S).group(0)
    assert f'action="{reverse("search")}"' in form and 'method="get"' in form
    assert 'name="q"' in form and 'type="search"' in form
    assert re.search(r'<label[^>]*for="home-search-q"', form)
    assert client.get(reverse("search"), {"q": "çocuk"}).status_code == 200


def test_only_themes_with_published_practices_are_shortcuts_with_their_count(client):
    health, culture, empty = (ThemeFactory(name=n) for n in ("Sağlık", "Kültür ve Sanat", "Tarım"))
    PracticePageFactory.create_batch(2, theme=health)
    PracticePageFactory(theme=culture)
    PracticePageFactory(theme=culture, live=False)
    PracticePageFactory(theme=empty, live=False)
    html = home_html(client, **ENGLISH)
    themes = re.search(r'<ul class="theme-list">.*?</ul>', html, re.S).group(0)
    links = re.findall(
        r'<a class="theme-list__link" href="([^"]+)"><span class="theme-list__name">([^<]+)</span> '
        r'<span class="theme-list__count">([^<]+)</span>',
        themes,
    )
    assert {name: count for _href, name, count in links} == {
        "Sağlık": "2 practices",
        "Kültür ve Sanat": "1 practice",
    }
    for href, name, _count in links:
        slug = health.slug if name == "Sağlık" else culture.slug
        assert href == f"/uygulamalar/?theme={slug}"
        assert client.get(href).status_code == 200
    assert "Tarım" not in themes


def test_featured_practices_fill_a_row_of_three_featured_first(client):
    PracticePageFactory.create_batch(4)
    featured = PracticePageFactory(title="Öne Çıkan Uygulama", featured=True)
    PracticePageFactory(title="Yeni Ama Taslak", live=False)
    html = home_html(client)
    grid = re.search(r'<ul class="card-grid card-grid--three">.*?</ul>\s*</section>', html, re.S).group(0)
    titles = re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', grid)
    assert len(titles) == 3
    assert titles[0] == featured.title
    assert "Yeni Ama Taslak" not in grid


def test_headline_figures_are_computed_from_the_data_and_follow_it(client):
    PracticePageFactory.create_batch(4)
    draft = PracticePageFactory(live=False)
    adopting(province=33)
    adopting(province=6, stage=AdoptionStage.SCALED)
    adopting(province=6, hosted=False)
    adopting(province=7, stage=AdoptionStage.PILOTING)  # hosted, not adopting yet
    VisitFactory(status=VisitStatus.REQUESTED)  # in talks only
    assert shown_figures(home_html(client)) == {
        "practices": 4 + 4,  # every adoption above brings its own live practice
        "hosted": 3,
        "adopting": 3,
        "provinces_reached": 2,
    }

    # Change the data, and the figures change with it.
    adopting(province=1, hosted=False)
    draft.save_revision().publish()
    assert shown_figures(home_html(client)) == {
        "practices": 10,
        "hosted": 3,
        "adopting": 4,
        "provinces_reached": 3,
    }


def test_home_and_impact_page_agree_on_the_municipality_figures(client):
    adopting(province=33)
    adopting(province=6, hosted=False)
    home = shown_figures(home_html(client))
    impact = client.get(reverse("impact")).content.decode()
    for key in ("hosted", "adopting"):
        assert home[key] == int(re.search(rf'data-figure="{key}">(\d+)<', impact).group(1)), key


def test_figures_at_zero_are_left_out_rather_than_shown_as_zero(client):
    PracticePageFactory()
    figures = shown_figures(home_html(client))
    assert figures == {"practices": 1}


def test_an_empty_site_shows_no_figures_section(client):
    html = home_html(client)
    assert 'id="figures-heading"' not in html and 'class="figures"' not in html


def test_large_figures_are_grouped_the_turkish_way_and_labels_follow_the_number(client):
    def big():
        return [HeadlineFigure(key="big", value=9300, label="kişiye ulaşıldı", order=1)]

    with hooks.register_temporarily(HEADLINE_FIGURES_HOOK, big):
        html = home_html(client)
    value, label = (
        '<span class="figures__value">9.300</span>',
        '<span class="figures__label">kişiye ulaşıldı</span>',
    )
    assert f"{value} {label}" in html
    PracticePageFactory()
    english = home_html(client, **ENGLISH)
    assert '1</span> <span class="figures__label">practice documented for replication</span>' in english


def test_the_demo_home_text_types_no_figures():
    """Figures typed into the mission would go stale ("16 … 11"); the page computes them instead."""
    assert not re.search(r"\d", demo_content.HOME_PAGE["mission"])
    assert not re.search(r"\d", demo_content.HOME_PAGE["introduction"])


def test_footer_links_the_privacy_notice_on_every_page(client):
    practice = PracticePageFactory()
    privacy = reverse("privacy_notice")
    for url in ("/", practice.url, reverse("search"), reverse("impact")):
        html = client.get(url).content.decode()
        footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)
        assert f'href="{privacy}"' in footer, url
    assert client.get(privacy).status_code == 200


def test_favicon_is_linked_and_favicon_ico_does_not_404(client):
    icon = static("img/favicon.svg")
    assert f'<link rel="icon" href="{icon}" type="image/svg+xml">' in home_html(client)
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == icon
    assert "max-age=86400" in response["Cache-Control"]
    path = finders.find("img/favicon.svg")
    assert path
    with open(path, encoding="utf-8") as svg:
        assert svg.read().lstrip().startswith("<svg")
    assert client.post("/favicon.ico").status_code == 405
