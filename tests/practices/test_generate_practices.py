"""``manage.py generate_practices``: bulk-created practices are valid pages visitors and editors can use."""

import io
import re

from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db


def generate(*args: str) -> str:
    out = io.StringIO()
    call_command("generate_practices", *args, stdout=out)
    return out.getvalue()


def library_urls(client) -> set[str]:
    """Every practice URL the public library lists, following its pagination."""
    urls, page = set(), 1
    while True:
        response = client.get(f"/uygulamalar/?sort=title&page={page}")
        if response.status_code == 404:
            return urls
        assert response.status_code == 200
        urls |= set(re.findall(r'href="(/uygulamalar/[a-z0-9-]+/)"', response.content.decode()))
        page += 1


def test_generated_practices_are_live_render_and_are_listed(client):
    output = generate("--count", "50", "--seed", "7", "--batch-size", "20")
    practices = list(PracticePage.objects.live())
    assert len(practices) == 50
    assert "50/50 (100%)" in output
    for practice in practices:
        response = client.get(practice.url)
        assert response.status_code == 200, practice.url
        assert practice.title in response.content.decode()
    assert {practice.url for practice in practices} <= library_urls(client)


def test_generated_pages_keep_the_page_tree_consistent():
    PracticePageFactory()  # an existing child: generated paths must continue after it
    generate("--count", "30", "--batch-size", "7")
    index_page = PracticeIndexPage.objects.get()
    assert index_page.numchild == 31
    assert index_page.get_children().count() == 31
    assert Page.find_problems() == ([], [], [], [], [])
    assert all(page.url_path.startswith(index_page.url_path) for page in index_page.get_children())


def test_generating_twice_gives_new_unique_slugs():
    generate("--count", "10", "--seed", "1")
    generate("--count", "10", "--seed", "1")
    slugs = list(PracticePage.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) == 20


def test_generated_practices_are_varied_and_classified():
    generate("--count", "40", "--seed", "3")
    practices = PracticePage.objects.prefetch_related("target_groups", "tags", "sdgs", "metrics")
    assert len({p.theme_id for p in practices}) >= 4
    assert len({p.province for p in practices}) >= 5
    assert len({p.start_year for p in practices}) >= 5
    for practice in practices:
        assert practice.target_groups.all() and practice.sdgs.all()
        assert 2 <= len(practice.tags.all()) <= 5
        assert practice.metrics.all() and practice.replication_steps.all()
        assert len(practice.summary) <= 300


def test_generated_practices_are_searchable():
    generate("--count", "20", "--seed", "5")
    practice = PracticePage.objects.order_by("pk").first()
    word = practice.title.split()[-1]  # the province name
    assert practice in PracticePage.objects.live().search(word)


def test_generated_practice_opens_in_the_admin_editor(client, admin_user):
    generate("--count", "1")
    practice = PracticePage.objects.get()
    assert practice.latest_revision_id is None
    client.force_login(admin_user)
    assert client.get(f"/admin/pages/{practice.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{practice.get_parent().pk}/").status_code == 200


def test_dry_run_writes_nothing():
    pages_before = Page.objects.count()
    output = generate("--count", "25", "--dry-run", "--seed", "2")
    assert Page.objects.count() == pages_before
    assert "Nothing was written" in output
    assert "25" in output


@pytest.mark.parametrize("args", [("--count", "0"), ("--count", "5", "--batch-size", "0")])
def test_nonsensical_counts_are_refused(args):
    with pytest.raises(CommandError):
        generate(*args)


def test_a_missing_library_page_is_reported_not_crashed():
    PracticeIndexPage.objects.get().delete()
    with pytest.raises(CommandError, match="migrate"):
        generate("--count", "5")
