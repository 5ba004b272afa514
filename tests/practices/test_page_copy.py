"""Copying a practice (the admin's Copy action) makes a new practice that nobody has adopted yet."""

from django.urls import reverse

import pytest

from practices.factories import PracticePageFactory
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_a_copied_practice_starts_with_no_adoptions():
    original = PracticePageFactory(adoption_count=7)
    copy = original.copy(update_attrs={"title": "Kopya", "slug": "kopya"})
    assert PracticePage.objects.get(pk=copy.pk).adoption_count == 0
    assert PracticePage.objects.get(pk=original.pk).adoption_count == 7
    assert copy.theme_id == original.theme_id  # everything else is copied


def test_copy_through_the_admin_resets_the_count(client, admin_user):
    original = PracticePageFactory(adoption_count=3)
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[original.pk]),
        {
            "new_title": "Kopya uygulama",
            "new_slug": "kopya-uygulama",
            "new_parent_page": original.get_parent().pk,
        },
    )
    assert response.status_code == 302
    copy = PracticePage.objects.get(slug="kopya-uygulama")
    assert copy.adoption_count == 0
