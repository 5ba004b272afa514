"""The "Practices due for review" admin report and the last-reviewed date on the public page."""

import datetime

from django.contrib.auth.models import User
from django.urls import reverse

import pytest

from practices.factories import PracticePageFactory
from practices.selectors import practices_due_for_review

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def practices():
    return {
        "fresh": PracticePageFactory(title="Yeni gözden geçirildi", last_reviewed=days_ago(30)),
        "old": PracticePageFactory(title="Eski inceleme", last_reviewed=days_ago(400)),
        "oldest": PracticePageFactory(title="En eski inceleme", last_reviewed=days_ago(900)),
        "edge": PracticePageFactory(title="Tam bir yıl", last_reviewed=days_ago(365)),
    }


def test_selector_lists_practices_reviewed_more_than_twelve_months_ago_oldest_first(practices):
    assert [p.title for p in practices_due_for_review()] == ["En eski inceleme", "Eski inceleme"]


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_editors_and_publishers_see_the_report(client, request, practices, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("practices_review_due"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("En eski inceleme") < html.index("Eski inceleme")
    assert "Yeni gözden geçirildi" not in html
    assert "Tam bir yıl" not in html


def test_report_is_in_the_reports_menu(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("practices_review_due") in html


def test_report_exports_csv(client, editor, practices):
    client.force_login(editor)
    response = client.get(reverse("practices_review_due") + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "En eski inceleme" in body


def test_anonymous_visitors_are_sent_to_the_login_page(client, practices):
    response = client.get(reverse("practices_review_due"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_users_without_admin_access_cannot_see_the_report(client, practices):
    citizen = User.objects.create_user("vatandas", password="pass")
    client.force_login(citizen)
    response = client.get(reverse("practices_review_due"))
    assert response.status_code in (302, 403)
    assert "En eski inceleme" not in response.content.decode()


def test_public_page_shows_the_last_reviewed_date(client):
    practice = PracticePageFactory(last_reviewed=datetime.date(2025, 3, 14))
    html = client.get(practice.url).content.decode()
    assert '<time datetime="2025-03-14">' in html
