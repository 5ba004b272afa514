"""The public study-visit request at /ziyaret-talebi/: good and bad input, honeypot, rate limit, CSRF."""

import datetime
import re

from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from mentorship.factories import MunicipalityFactory
from mentorship.models import ContactPerson, ContactSource, Municipality, MunicipalityKind, Visit, VisitStatus
from portal.models import PortalSettings
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db

URL = "/ziyaret-talebi/"


@pytest.fixture(autouse=True)
def fresh_rate_limit(settings):
    # Messages are asserted in English (the msgids); visitors get Turkish by default.
    settings.LANGUAGE_CODE = "en"
    settings.VISIT_REQUEST_RATE_LIMIT = "100/h"
    settings.OFFICE_EMAIL = "ofis@example.test"
    settings.TRUSTED_PROXY_COUNT = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def portal_settings():
    from wagtail.models import Site

    notice = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    notice.privacy_notice = "<p>Aydınlatma metni: verileriniz yalnızca ziyaret için işlenir.</p>"
    notice.consent_text = "Kişisel verilerimin ziyaret talebim için işlenmesine açık rıza veriyorum."
    notice.consent_text_version = "2026-03"
    notice.save()
    return notice


def valid_data(**overrides) -> dict:
    data = {
        "municipality": "",
        "new_municipality_name": "",
        "new_municipality_kind": "",
        "new_municipality_province": "",
        "contact_name": "Deneme Kişi Birinci",
        "role": "Sosyal Hizmetler Müdürü",
        "email": "deneme.kisi@example.org",
        "phone": "0555 000 00 01",
        "preferred_date_1": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
        "preferred_date_2": "",
        "message": "Ekibimizle gelmek istiyoruz.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def nothing_created():
    return Visit.objects.count() == 0 and ContactPerson.objects.count() == 0 and not mail.outbox


def test_get_shows_the_form_with_a_csrf_token_and_is_never_cached(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert b'name="csrfmiddlewaretoken"' in response.content
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert reverse("visit_request") == URL


def test_form_helps_browsers_and_keeps_the_honeypot_out_of_the_tab_order(client):
    html = client.get(URL).content.decode()
    honeypot = re.search(r'<input[^>]*name="website"[^>]*>', html).group(0)
    assert 'tabindex="-1"' in honeypot
    assert 'autocomplete="off"' in honeypot
    assert re.search(r'<input[^>]*name="email"[^>]*autocomplete="email"', html)
    today = timezone.localdate().isoformat()
    assert re.search(rf'<input[^>]*name="preferred_date_1"[^>]*min="{today}"', html)


def test_practice_from_the_query_string_is_preselected(client):
    practice, other = PracticePageFactory(), PracticePageFactory()
    html = client.get(URL, {"practice": practice.pk}).content.decode()
    checked = re.findall(r'<input[^>]*name="practices"[^>]*>', html)
    assert any(f'value="{practice.pk}"' in tag and "checked" in tag for tag in checked)
    assert not any(f'value="{other.pk}"' in tag and "checked" in tag for tag in checked)


def test_only_the_practice_the_visitor_came_with_is_offered_never_the_whole_library(client):
    practice = PracticePageFactory(title="Gelinen uygulama")
    PracticePageFactory(title="Başka bir uygulama")
    html = client.get(URL, {"practice": practice.pk}).content.decode()
    boxes = re.findall(r'<input[^>]*name="practices"[^>]*>', html)
    assert len(boxes) == 1 and f'value="{practice.pk}"' in boxes[0]
    assert "Gelinen uygulama" in html and "Başka bir uygulama" not in html


def test_without_a_practice_the_form_points_to_the_library_and_the_message(client):
    PracticePageFactory(title="Kütüphanedeki uygulama")
    html = client.get(URL).content.decode()
    assert 'name="practices"' not in html and "Kütüphanedeki uygulama" not in html
    assert 'href="/uygulamalar/"' in html
    assert re.search(r'<p class="help" id="practices_hint">[^<]*message', html)


@pytest.mark.parametrize("query", [{}, {"practice": "PRACTICE"}])
def test_form_queries_do_not_grow_with_the_library(client, django_assert_max_num_queries, query):
    practices = [PracticePageFactory() for _ in range(3)]
    query = {k: (practices[0].pk if v == "PRACTICE" else v) for k, v in query.items()}
    client.get(URL, query)
    with CaptureQueriesContext(connection) as small:
        client.get(URL, query)
    for _ in range(25):
        PracticePageFactory()
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(URL, query)
    assert len(re.findall(r'name="practices"', response.content.decode())) == len(query)


def test_a_rejected_request_keeps_the_chosen_practices_ticked(client):
    chosen, other = PracticePageFactory(title="Seçilen uygulama"), PracticePageFactory()
    response = client.post(URL, valid_data(practices=[chosen.pk, other.pk], email="not-an-email"))
    assert response.status_code == 400
    boxes = re.findall(r'<input[^>]*name="practices"[^>]*>', response.content.decode())
    assert len(boxes) == 2 and all("checked" in box for box in boxes)


@pytest.mark.parametrize("value", ["999999", "abc", "-1", "1e9", "", "%00", "9" * 40])
def test_unknown_or_malformed_practice_in_the_query_string_is_ignored(client, value):
    PracticePageFactory()
    response = client.get(URL, {"practice": value})
    assert response.status_code == 200
    assert b"checked" not in response.content


def test_a_draft_practice_cannot_be_preselected_or_requested(client):
    draft = PracticePageFactory(live=False)
    html = client.get(URL, {"practice": draft.pk}).content.decode()
    boxes = re.findall(r'<input[^>]*name="practices"[^>]*>', html)
    assert not any(f'value="{draft.pk}"' in tag for tag in boxes)


def test_valid_request_with_a_listed_municipality_creates_one_visit_one_contact_and_mails_the_office(
    client, portal_settings, django_capture_on_commit_callbacks
):
    municipality = MunicipalityFactory(name="Deneme Belediyesi")
    practices = [PracticePageFactory(), PracticePageFactory()]
    data = valid_data(municipality=municipality.pk, practices=[p.pk for p in practices])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data)

    assert response.status_code == 302
    assert response["Location"] == reverse("visit_request_done")
    visit = Visit.objects.get()
    contact = ContactPerson.objects.get()
    assert visit.status == VisitStatus.REQUESTED
    assert visit.municipality == municipality
    assert visit.contact == contact
    assert visit.date is None
    assert data["preferred_date_1"] in visit.preferred_dates
    assert set(visit.practices.all()) == set(practices)
    assert visit.request_message == "Ekibimizle gelmek istiyoruz."
    assert contact.source == ContactSource.VISIT_REQUEST
    assert contact.consent_given_at is not None
    assert contact.consent_text_version == "2026-03"
    assert (contact.name, contact.email, contact.phone) == (
        "Deneme Kişi Birinci",
        "deneme.kisi@example.org",
        "0555 000 00 01",
    )
    assert Municipality.objects.count() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ofis@example.test"]
    assert "Deneme Belediyesi" in message.subject + message.body
    # The person's details stay in the admin, not in mailboxes.
    for personal in ("Deneme Kişi Birinci", "deneme.kisi@example.org", "0555 000 00 01"):
        assert personal not in message.subject + message.body

    done = client.get(response["Location"])
    assert done.status_code == 200


def test_typed_municipality_is_created_once_and_reused(client, django_capture_on_commit_callbacks):
    typed = valid_data(
        new_municipality_name="Yenişehir",
        new_municipality_kind=MunicipalityKind.DISTRICT,
        new_municipality_province="33",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(URL, typed).status_code == 302
        assert client.post(URL, typed | {"email": "ikinci@example.org"}).status_code == 302
    municipality = Municipality.objects.get()
    assert (municipality.name, municipality.kind, municipality.province) == ("Yenişehir", "district", 33)
    assert Visit.objects.filter(municipality=municipality).count() == 2
    assert len(mail.outbox) == 2


def past_day() -> str:
    return (timezone.localdate() - datetime.timedelta(days=1)).isoformat()


BAD_INPUTS = {
    "missing consent": ({"consent": None}, "consent", "consent|rıza kutusunu"),
    "bad e-mail": ({"email": "not-an-email"}, "email", "valid email|geçerli"),
    "past date": ({"preferred_date_1": "PAST"}, "preferred_date_1", "in the past|geçmiş bir tarih"),
    "past alternative date": (
        {"preferred_date_2": "PAST"},
        "preferred_date_2",
        "in the past|geçmiş bir tarih",
    ),
    "missing date": ({"preferred_date_1": ""}, "preferred_date_1", "required|zorunlu"),
    "unknown practice": ({"practices": ["999999"]}, "practices", "valid choice|geçerli"),
    "missing municipality": ({}, "municipality", "Choose your municipality|Belediyenizi listeden seçin"),
    "typed municipality without kind and province": (
        {"new_municipality_name": "Yenibelde"},
        "new_municipality_kind",
        "kind|türünü",
    ),
    "bad phone": ({"phone": "call me maybe"}, "phone", "digits|rakam"),
    "practice id past the integer range": ({"practices": ["9" * 25]}, "practices", "valid choice|geçerli"),
    "municipality id past the integer range": (
        {"municipality": "9" * 25},
        "municipality",
        "valid choice|geçerli",
    ),
    "province out of range": (
        {
            "new_municipality_name": "Yenibelde",
            "new_municipality_kind": "district",
            "new_municipality_province": "99",
        },
        "new_municipality_province",
        "valid choice|geçerli",
    ),
    "impossible date": ({"preferred_date_1": "2027-02-30"}, "preferred_date_1", "valid date|geçerli"),
    "missing name": ({"contact_name": ""}, "contact_name", "required|zorunlu"),
    "line break in a typed municipality": (
        {"new_municipality_name": "Yeni\r\nBcc: x@example.org", "new_municipality_kind": "district"},
        "new_municipality_name",
        "one line|tek satırda",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS.keys())
def test_bad_input_is_answered_with_400_a_message_at_the_field_and_the_typed_values_kept(
    client, case, django_capture_on_commit_callbacks
):
    overrides, field, message = BAD_INPUTS[case]
    overrides = {k: (past_day() if v == "PAST" else v) for k, v in overrides.items()}
    data = valid_data(**overrides)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data)

    assert response.status_code == 400
    html = response.content.decode()
    error = re.search(rf'<p class="field__error" id="id_{field}_error">(.*?)</p>', html, re.S)
    assert error, f"no message next to {field}"
    # Asserted in English (see the fixture); the Turkish wording is accepted too should a test run in Turkish.
    assert re.search(message, error.group(1), re.I)
    # The input points at its message, and the summary at the top links to the field.
    assert re.search(rf'aria-describedby="[^"]*id_{field}_error', html)
    assert re.search(rf'class="message message--error error-summary".*?href="#id_{field}', html, re.S)
    # Everything typed is kept.
    if field != "contact_name":
        assert 'value="Deneme Kişi Birinci"' in html
    assert "Ekibimizle gelmek istiyoruz." in html
    if field != "email":
        assert 'value="deneme.kisi@example.org"' in html
    assert nothing_created()


def test_honeypot_pretends_success_but_stores_and_sends_nothing(client, django_capture_on_commit_callbacks):
    municipality = MunicipalityFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_data(municipality=municipality.pk, website="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == reverse("visit_request_done")
    assert nothing_created()


def test_honeypot_is_hidden_by_a_css_class_and_labelled(client):
    html = client.get(URL).content.decode()
    label = "(Leave this field empty|Bu alanı boş bırakın)"
    trap = r'<div class="visually-hidden-trap">\s*<label for="id_website">' + label
    assert re.search(trap, html)
    assert "display:none" not in html.replace(" ", "")
    assert "style=" not in html


def test_rate_limit_answers_429_after_n_posts_from_one_address_only(client, settings):
    settings.VISIT_REQUEST_RATE_LIMIT = "3/h"
    municipality = MunicipalityFactory()
    data = valid_data(municipality=municipality.pk)
    for _ in range(3):
        assert client.post(URL, data, REMOTE_ADDR="203.0.113.7").status_code == 302
    limited = client.post(URL, data, REMOTE_ADDR="203.0.113.7")
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 3600
    assert re.search("Too many requests|Çok fazla talep", limited.content.decode())
    assert Visit.objects.count() == 3
    # A forged X-Forwarded-For does not escape the limit when no proxy is trusted.
    forged = client.post(URL, data, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert forged.status_code == 429
    # Another address is unaffected.
    assert client.post(URL, data, REMOTE_ADDR="203.0.113.8").status_code == 302
    assert Visit.objects.count() == 4


def test_rate_limit_uses_the_forwarded_address_behind_a_trusted_proxy(client, settings):
    settings.VISIT_REQUEST_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXY_COUNT = 1
    data = valid_data(municipality=MunicipalityFactory().pk)
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert client.post(URL, data, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy).status_code == 302
    assert client.post(URL, data, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy).status_code == 429
    assert client.post(URL, data, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy).status_code == 302


def test_csrf_is_enforced(db):
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(URL, valid_data(municipality=MunicipalityFactory().pk))
    assert response.status_code == 403
    assert nothing_created()


def test_post_with_the_token_from_the_form_passes_csrf(db):
    csrf_client = Client(enforce_csrf_checks=True)
    html = csrf_client.get(URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = valid_data(municipality=MunicipalityFactory().pk, csrfmiddlewaretoken=token)
    assert csrf_client.post(URL, data).status_code == 302


def test_information_notice_is_shown_apart_from_the_consent_checkbox(client, portal_settings):
    html = client.get(URL).content.decode()
    consent_label = re.search(r'<label for="id_consent">(.*?)</label>', html, re.S).group(1)
    assert "Aydınlatma metni" not in consent_label
    assert portal_settings.consent_text in consent_label
    assert 'href="/kisisel-veriler/"' in consent_label
    assert re.search(r"<details>.*Aydınlatma metni: verileriniz", html, re.S)
    notice_page = client.get("/kisisel-veriler/")
    assert notice_page.status_code == 200
    assert "Aydınlatma metni: verileriniz" in notice_page.content.decode()


@pytest.mark.parametrize("query", ["?x=%00", "?practice=1&practice=2&practice=x", "?municipality=<script>"])
def test_odd_query_strings_never_give_a_500(client, query):
    # A NUL byte may be refused by the site-wide request checks (400); the form itself ignores the rest.
    assert client.get(URL + query).status_code in (200, 400)


def test_other_methods_are_refused(client):
    assert client.put(URL).status_code == 405


def test_the_form_is_never_stored_in_the_public_page_cache(client, settings):
    settings.PUBLIC_PAGE_CACHE_TIMEOUT = 600
    for _ in range(2):
        response = client.get(URL)
        assert response.status_code == 200
        assert response.get("X-Cache") is None
    assert client.get("/ziyaret-talebi/alindi/").get("X-Cache") is None
