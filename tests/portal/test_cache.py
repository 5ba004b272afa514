"""The public page cache: anonymous visitors get stored pages; nothing stale or personal is ever served."""

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

import pytest

from portal.cache import (
    CACHE_HEADER,
    PublicPageCacheMiddleware,
    bump_public_cache_version,
    cache_public_response,
    public_cache_version,
)
from practices.factories import PracticePageFactory, ThemeFactory
from tests.conftest import BrokenCache

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_TIMEOUT = 600
    cache.clear()
    yield
    cache.clear()


def test_second_anonymous_visit_is_served_from_cache_without_queries(
    client, page_cache, django_assert_num_queries
):
    practice = PracticePageFactory()
    first = client.get(practice.url)
    assert first.status_code == 200
    assert first[CACHE_HEADER] == "MISS"

    with django_assert_num_queries(0):
        second = client.get(practice.url)

    assert second[CACHE_HEADER] == "HIT"
    assert second.content == first.content
    # Header middleware still runs around cached responses.
    assert "Content-Security-Policy" in second
    assert "Cookie" in second["Vary"]


def test_cached_pages_set_no_cookie_and_carry_no_csrf_token(client, page_cache):
    practice = PracticePageFactory()
    for _ in range(2):
        response = client.get(practice.url)
        assert not response.cookies
        assert b"csrfmiddlewaretoken" not in response.content


def test_publishing_a_new_title_is_visible_on_the_next_visit(client, page_cache):
    practice = PracticePageFactory(title="Eski başlık")
    client.get(practice.url)
    assert client.get(practice.url)[CACHE_HEADER] == "HIT"

    practice.title = "Yeni başlık"
    practice.save_revision().publish()

    response = client.get(practice.url)
    assert response[CACHE_HEADER] == "MISS"
    assert "Yeni başlık" in response.content.decode()
    # The library listing, cached before, shows the new title too.
    assert "Yeni başlık" in client.get(practice.get_parent().url).content.decode()


def test_a_saved_draft_does_not_change_the_cached_public_page(client, page_cache):
    practice = PracticePageFactory(title="Yayındaki başlık")
    client.get(practice.url)
    practice.title = "Taslak başlık"
    practice.save_revision()

    response = client.get(practice.url)
    assert "Yayındaki başlık" in response.content.decode()
    assert "Taslak başlık" not in response.content.decode()


def test_unpublishing_removes_the_cached_page_at_once(client, page_cache):
    practice = PracticePageFactory()
    url = practice.url
    client.get(url)
    practice.unpublish()
    assert client.get(url).status_code == 404


def test_deleting_a_page_removes_it_from_the_cache(client, page_cache):
    practice = PracticePageFactory()
    url = practice.url
    client.get(url)
    practice.delete()
    assert client.get(url).status_code == 404


def test_editing_a_theme_shown_on_the_page_invalidates_it(client, page_cache):
    theme = ThemeFactory(name="Sağlık")
    practice = PracticePageFactory(theme=theme)
    client.get(practice.url)
    theme.name = "Sağlık ve bakım"
    theme.save()
    response = client.get(practice.url)
    assert response[CACHE_HEADER] == "MISS"
    assert "Sağlık ve bakım" in response.content.decode()


def test_any_app_can_invalidate_with_one_call(client, page_cache):
    practice = PracticePageFactory()
    client.get(practice.url)
    before = public_cache_version()
    bump_public_cache_version()
    assert public_cache_version() != before
    assert client.get(practice.url)[CACHE_HEADER] == "MISS"


def test_logged_in_users_never_get_or_fill_the_cache(client, page_cache, editor):
    practice = PracticePageFactory()
    client.get(practice.url)  # an anonymous visit fills the cache

    client.force_login(editor)
    logged_in = client.get(practice.url)
    assert CACHE_HEADER not in logged_in
    client.get(practice.url)

    client.logout()
    cache.clear()
    client.force_login(editor)
    client.get(practice.url)
    client.logout()
    assert client.get(practice.url)[CACHE_HEADER] == "MISS"  # the editor's visit stored nothing


def test_previews_bypass_the_cache_and_are_not_stored(client, page_cache):
    practice = PracticePageFactory(title="Yayındaki başlık")
    client.get(practice.url)
    draft = practice.get_latest_revision_as_object()
    draft.title = "Önizlenen başlık"

    preview = draft.make_preview_request()

    assert "Önizlenen başlık" in preview.content.decode()
    assert CACHE_HEADER not in preview
    public = client.get(practice.url)
    assert public[CACHE_HEADER] == "HIT"
    assert "Önizlenen başlık" not in public.content.decode()


def test_query_strings_and_languages_are_cached_separately(client, page_cache):
    practice = PracticePageFactory()
    library = practice.get_parent().url
    assert client.get(library)[CACHE_HEADER] == "MISS"
    assert client.get(library + "?sort=title")[CACHE_HEADER] == "MISS"
    assert client.get(library + "?sort=title")[CACHE_HEADER] == "HIT"
    english = client.get("/en" + library)  # the Turkish library, shown under the English address
    assert english[CACHE_HEADER] == "MISS"
    assert english["Content-Language"] == "en"


def test_junk_query_parameters_do_not_make_new_cache_entries(client, page_cache):
    practice = PracticePageFactory(theme=ThemeFactory(slug="saglik"))
    library = practice.get_parent().url
    assert client.get(library)[CACHE_HEADER] == "MISS"
    for n in range(20):  # every one answered from the first entry: none stores another
        response = client.get(library, {f"junk{n}": "x", "utm_source": str(n)})
        assert response.status_code == 200 and response[CACHE_HEADER] == "HIT"
    # Parameters the library reads still make their own entries, junk beside them ignored.
    assert client.get(library, {"theme": "saglik", "fbclid": "1"})[CACHE_HEADER] == "MISS"
    assert client.get(library, {"theme": "saglik", "fbclid": "2"})[CACHE_HEADER] == "HIT"
    assert client.get(library, {"theme": "saglik", "page": "1"})[CACHE_HEADER] == "MISS"


def test_the_library_declares_every_parameter_its_filter_form_reads(db):
    from portal.cache import cached_parameters
    from practices.forms import LibraryFilterForm

    assert {*LibraryFilterForm().fields, "page"} <= cached_parameters()


def test_invalid_filters_and_missing_pages_are_not_cached(client, page_cache):
    practice = PracticePageFactory()
    library = practice.get_parent().url
    for url in (library + "?sdg=99", library + "?page=999", "/yok-boyle-bir-sayfa/"):
        first = client.get(url)
        assert first.status_code in (400, 404), url
        assert CACHE_HEADER not in client.get(url)


def test_posts_are_never_answered_from_the_cache(client, page_cache):
    practice = PracticePageFactory()
    client.get(practice.url)
    assert CACHE_HEADER not in client.post(practice.url)


def test_the_language_switch_is_a_get_that_sets_the_cookie_and_returns(client):
    response = client.get("/dil/", {"language": "en", "next": "/uygulamalar/?sort=title"})
    assert response.status_code == 302
    assert response["Location"] == "/uygulamalar/?sort=title"
    assert response.cookies["django_language"].value == "en"


def test_the_language_switch_refuses_other_sites_and_unknown_languages(client):
    response = client.get("/dil/", {"language": "xx", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert "django_language" not in response.cookies


def _middleware_response(view, request):
    return PublicPageCacheMiddleware(view)(request)


def test_a_response_that_rendered_a_csrf_token_is_not_stored(page_cache):
    @cache_public_response
    def view_with_form(request):
        return HttpResponse(f"<input value='{get_token(request)}'>")

    factory = RequestFactory()
    assert CACHE_HEADER not in _middleware_response(view_with_form, factory.get("/form/"))
    assert CACHE_HEADER not in _middleware_response(view_with_form, factory.get("/form/"))


def test_opted_in_views_are_cached_and_others_are_not(page_cache):
    calls = []

    def plain_view(request):
        calls.append(request.path)
        return HttpResponse("plain")

    factory = RequestFactory()
    for _ in range(2):
        _middleware_response(plain_view, factory.get("/plain/"))
        _middleware_response(cache_public_response(plain_view), factory.get("/opted-in/"))
    assert calls == ["/plain/", "/opted-in/", "/plain/"]


def test_nothing_is_cached_when_the_timeout_is_zero(client, settings):
    settings.PUBLIC_PAGE_CACHE_TIMEOUT = 0
    practice = PracticePageFactory()
    client.get(practice.url)
    assert CACHE_HEADER not in client.get(practice.url)


def test_an_adoption_change_invalidates_public_pages(client, page_cache):
    from mentorship.factories import AdoptionFactory

    practice = PracticePageFactory()
    client.get(practice.url)
    assert client.get(practice.url)[CACHE_HEADER] == "HIT"
    AdoptionFactory(practice=practice)
    assert client.get(practice.url)[CACHE_HEADER] == "MISS"


def test_moving_a_page_invalidates_its_old_address(client, page_cache):
    practice = PracticePageFactory()
    old_url = practice.url
    client.get(old_url)
    practice.move(practice.get_parent().get_parent(), pos="last-child")
    practice.refresh_from_db()
    response = client.get(old_url)
    # Not the cached page: Wagtail's automatic redirect to the new address.
    assert response.status_code == 301
    assert response["Location"] == practice.url


def test_pages_are_served_uncached_when_the_cache_is_down(client, page_cache, monkeypatch):
    practice = PracticePageFactory(title="Önbelleksiz sayfa")
    monkeypatch.setattr("portal.cache.cache", BrokenCache())
    response = client.get(practice.url)
    assert response.status_code == 200
    assert CACHE_HEADER not in response
    assert "Önbelleksiz sayfa" in response.content.decode()


def test_publishing_still_works_when_the_cache_is_down(page_cache, monkeypatch):
    practice = PracticePageFactory()
    monkeypatch.setattr("portal.cache.cache", BrokenCache())
    practice.title = "Yeni başlık"
    practice.save_revision().publish()
    practice.refresh_from_db()
    assert practice.title == "Yeni başlık"
