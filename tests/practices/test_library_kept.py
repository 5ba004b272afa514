"""The library keeps its filter vocabulary and its filter panel's options under the search documents' token
(practices.listing.keep): a repeated view reads neither again, and any change reaches the next view."""

import pytest

from practices import listing
from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory
from tests.conftest import BrokenCache

pytestmark = pytest.mark.django_db

LIBRARY = "/uygulamalar/"


def page(client, query: str = "", *, prefix: str = "", status: int = 200) -> str:
    response = client.get(prefix + LIBRARY + (f"?{query}" if query else ""))
    assert response.status_code == status, response.content.decode()[:2000]
    return response.content.decode()


@pytest.fixture
def health():
    theme = ThemeFactory(name="Sağlık", name_en="Health", slug="saglik")
    group = TargetGroupFactory(name="Yaşlılar", name_en="Older people", slug="yaslilar")
    PracticePageFactory(title="Yaşlı taraması", theme=theme, target_groups=[group])
    return theme


def test_a_repeated_view_reads_neither_vocabulary_nor_panel_again(client, health, monkeypatch):
    page(client, "theme=saglik&target_group=yaslilar")
    calls = []
    real = listing.keep

    def counting(name, version, parts, compute):
        return real(name, version, parts, lambda: calls.append(name) or compute())

    monkeypatch.setattr(listing, "keep", counting)
    html = page(client, "theme=saglik&target_group=yaslilar")
    assert calls == []
    assert 'value="saglik" checked' in html and "Yaşlı taraması" in html


def test_a_publish_reaches_the_next_view(client, health):
    assert 'Sağlık <span class="options__count">(1)</span>' in page(client)
    draft = PracticePageFactory(title="Evde bakım", theme=health, live=False)
    draft.save_revision().publish()
    html = page(client)
    assert "Evde bakım" in html
    assert 'Sağlık <span class="options__count">(2)</span>' in html


def test_a_theme_rename_reaches_the_next_view(client, health):
    assert "Sağlık" in page(client, "theme=saglik")
    health.name = "Sağlık ve yaşam"
    health.save()
    html = page(client, "theme=saglik")
    assert "Sağlık ve yaşam <span" in html
    assert 'class="card__theme">Sağlık ve yaşam<' in html


def test_a_new_theme_becomes_a_filter_with_its_first_practice(client, health):
    culture = ThemeFactory(name="Kültür", slug="kultur")
    page(client)
    # Creating a theme (or a draft) keeps what was kept; publishing the first practice under it does not.
    draft = PracticePageFactory(title="Halk dansları", theme=culture, live=False)
    draft.save_revision().publish()
    html = page(client, "theme=kultur")
    assert 'value="kultur" checked' in html and "Halk dansları" in html


def test_renaming_an_unused_chosen_theme_reaches_the_next_view(client, health):
    unused = ThemeFactory(name="Kültür", slug="kultur")
    # A chosen value stays visible at zero: its label comes from the kept vocabulary.
    assert "Kültür <span" in page(client, "theme=kultur")
    unused.name = "Kültür ve sanat"
    unused.save()
    assert "Kültür ve sanat <span" in page(client, "theme=kultur")


def test_a_deleted_theme_is_no_longer_a_valid_filter(client, health):
    unused = ThemeFactory(name="Kültür", slug="kultur")
    page(client, "theme=kultur")
    unused.delete()
    page(client, "theme=kultur", status=400)


def test_each_language_gets_its_own_labels(client, health):
    assert "Sağlık <span" in page(client)
    english = page(client, prefix="/en")
    assert "Health <span" in english and "Older people <span" in english
    assert "Sağlık <span" in page(client)


def test_the_library_answers_when_the_cache_is_down(client, health, monkeypatch):
    monkeypatch.setattr("portal.cache.cache", BrokenCache())
    html = page(client, "theme=saglik&target_group=yaslilar")
    assert "Yaşlı taraması" in html and 'value="yaslilar" checked' in html


def test_without_a_version_nothing_is_kept(client, health, settings):
    settings.SEARCH_RESULT_CACHE_TIMEOUT = 0
    assert listing.listing_version() is None
    assert "Yaşlı taraması" in page(client, "theme=saglik")
