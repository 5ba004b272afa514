"""The public study-visit request at /ziyaret-talebi/: good and bad input, honeypot, rate limit, CSRF."""

import datetime
import re
from contextlib import contextmanager
from unittest import mock

from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from mentorship.factories import MunicipalityFactory
from mentorship.models import (
    ContactPerson,
    ContactSource,
    Municipality,
    MunicipalityKind,
    Visit,
    VisitFormat,
    VisitPurpose,
    VisitStatus,
)
from mentorship.public import selectors
from portal.models import PortalSettings
from practices.factories import PracticePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

# The address decides the language of a public page (portal.languages): messages are asserted in English
# (the msgids), so the form is used at its English address; Turkish visitors use it at the root.
URL = "/en/ziyaret-talebi/"
TURKISH_URL = "/ziyaret-talebi/"


@pytest.fixture(autouse=True)
def fresh_rate_limit(settings):
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
        "delegation_size": "8",
        "preferred_format": "hosted",
        "purpose": "learn",
        "message": "Ekibimizle gelmek istiyoruz.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@contextmanager
def limit_of(size: int):
    """Lists at most `size` practices without a search (60 in production)."""
    with mock.patch.object(selectors, "PRACTICE_LIST_LIMIT", size):
        yield


def nothing_created():
    return Visit.objects.count() == 0 and ContactPerson.objects.count() == 0 and not mail.outbox


def test_get_shows_the_form_with_a_csrf_token_and_is_never_cached(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert b'name="csrfmiddlewaretoken"' in response.content
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    with translation.override("tr"):
        assert reverse("visit_request") == TURKISH_URL
    assert client.get(TURKISH_URL).status_code == 200


def test_form_helps_browsers_and_keeps_the_honeypot_out_of_the_tab_order(client):
    html = client.get(URL).content.decode()
    honeypot = re.search(r'<input[^>]*name="website"[^>]*>', html).group(0)
    assert 'tabindex="-1"' in honeypot
    assert 'autocomplete="off"' in honeypot
    assert re.search(r'<input[^>]*name="email"[^>]*autocomplete="email"', html)
    today = timezone.localdate().isoformat()
    assert re.search(rf'<input[^>]*name="preferred_date_1"[^>]*min="{today}"', html)


def practice_boxes(html: str) -> list[str]:
    return re.findall(r'<input[^>]*name="practices"[^>]*>', html)


def ticked_ids(html: str) -> list[int]:
    boxes = [box for box in practice_boxes(html) if "checked" in box]
    return [int(re.search(r'value="(\d+)"', box).group(1)) for box in boxes]


def test_practice_from_the_query_string_is_preselected_and_listed_first(client):
    theme = ThemeFactory(name="Sosyal Hizmetler")
    practice = PracticePageFactory(title="Zeytin Dalı", theme=theme)
    other = PracticePageFactory(title="Aşevi", theme=theme)
    html = client.get(URL, {"practice": practice.pk}).content.decode()
    assert ticked_ids(html) == [practice.pk]
    boxes = practice_boxes(html)
    assert f'value="{practice.pk}"' in boxes[0], "the preselected practice comes first"
    assert any(f'value="{other.pk}"' in box for box in boxes[1:])


def test_practices_are_offered_as_checkboxes_grouped_by_theme(client):
    health, culture = ThemeFactory(name="Sağlık", sort_order=1), ThemeFactory(name="Kültür", sort_order=2)
    PracticePageFactory(title="Mobil Sağlık Taraması", theme=health)
    PracticePageFactory(title="Evde Bakım", theme=health)
    PracticePageFactory(title="Mahalle Kütüphanesi", theme=culture)
    html = client.get(URL).content.decode()
    groups = re.findall(
        r'<fieldset class="practice-group" data-practice-group>\s*<legend>(.*?)</legend>(.*?)</fieldset>',
        html,
        re.S,
    )
    assert [theme for theme, _ in groups] == ["Sağlık", "Kültür"]
    assert re.findall(r"<span>([^<]+)</span>", groups[0][1]) == ["Evde Bakım", "Mobil Sağlık Taraması"]
    assert "Mahalle Kütüphanesi" in groups[1][1]
    assert ticked_ids(html) == []
    # Each box sits inside its label: the whole line is the target.
    box_in_label = r'<label class="choice" for="id_practices_\d+"><input type="checkbox" name="practices"'
    assert re.search(box_in_label, html)


def test_practices_within_a_theme_are_in_turkish_alphabetical_order(client):
    theme = ThemeFactory(name="Sosyal Hizmetler")
    for title in ("Dede Evi", "İnci Kulübü", "Çocuk Kulübü", "Irmak Parkı", "Cami Avlusu", "Şefkat Evi"):
        PracticePageFactory(title=title, theme=theme)
    html = client.get(URL).content.decode()
    titles = re.findall(r'name="practices"[^>]*> <span>([^<]+)</span>', html)
    assert titles == ["Cami Avlusu", "Çocuk Kulübü", "Dede Evi", "Irmak Parkı", "İnci Kulübü", "Şefkat Evi"]


def test_drafts_and_private_practices_are_never_listed(client):
    PracticePageFactory(title="Yayındaki uygulama")
    PracticePageFactory(title="Taslak uygulama", live=False)
    html = client.get(URL).content.decode()
    assert "Yayındaki uygulama" in html and "Taslak uygulama" not in html
    assert len(practice_boxes(html)) == 1


def test_a_large_library_is_not_listed_whole_but_searched(client, settings):
    many = [PracticePageFactory(title=f"Uygulama {n:02}") for n in range(5)]
    chosen = many[3]
    # The limit is 60; a smaller one keeps the test quick, the rule is the same.
    html = client.get(URL, {"practice": chosen.pk}).content.decode()
    assert len(practice_boxes(html)) == 5
    with limit_of(3):
        html = client.get(URL, {"practice": chosen.pk}).content.decode()
        assert ticked_ids(html) == [chosen.pk] and len(practice_boxes(html)) == 1
        assert "There are 5 practices: search for them" in html
        assert '<input type="search" id="id_practice_query" name="q"' in html
        assert f'<input type="hidden" name="practice" value="{chosen.pk}">' in html


def test_the_practice_search_narrows_the_list_by_title_or_theme_in_any_spelling(client):
    children = ThemeFactory(name="Çocuk ve Aile")
    PracticePageFactory(title="Oyun Evleri", theme=children)
    PracticePageFactory(title="Çocuk Kulübü", theme=ThemeFactory(name="Eğitim"))
    PracticePageFactory(title="Kent Bostanları", theme=ThemeFactory(name="Tarım"))
    for query in ("cocuk", "ÇOCUK", "Çocuk", "çocuk"):
        html = client.get(URL, {"q": query}).content.decode()
        titles = set(re.findall(r'name="practices"[^>]*> <span>([^<]+)</span>', html))
        assert titles == {"Oyun Evleri", "Çocuk Kulübü"}, query
        assert f'value="{query}"' in html, "the search box keeps what was typed"
    html = client.get(URL, {"q": "bostan kent"}).content.decode()
    assert re.findall(r'name="practices"[^>]*> <span>([^<]+)</span>', html) == ["Kent Bostanları"]
    html = client.get(URL, {"q": "yokboyle"}).content.decode()
    assert practice_boxes(html) == [] and "No other practice matches" in html


def test_a_search_keeps_the_preselected_practices_ticked_and_first(client):
    chosen = PracticePageFactory(title="Sosyal Market")
    PracticePageFactory(title="Kent Bostanları")
    html = client.get(URL, {"practice": chosen.pk, "q": "bostan"}).content.decode()
    assert ticked_ids(html) == [chosen.pk]
    assert f'value="{chosen.pk}"' in practice_boxes(html)[0] and len(practice_boxes(html)) == 2
    assert f'href="{URL}?practice={chosen.pk}">' in html, "clearing the search keeps the choice"


@pytest.mark.parametrize("query", ["%", "_", ".*", "(", "[a-z]", "\\", "'; drop table x; --", "ı" * 500])
def test_odd_practice_searches_are_only_text(client, query):
    PracticePageFactory(title="Sosyal Market")
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert "Sosyal Market" not in response.content.decode()


@pytest.mark.parametrize("address", [TURKISH_URL, URL])
def test_form_queries_do_not_grow_with_the_library(client, django_assert_num_queries, address):
    theme = ThemeFactory(name="Sağlık", name_en="Health")
    practices = [PracticePageFactory(theme=theme) for _ in range(3)]
    client.get(address)
    # Session and site settings, municipalities, view restrictions (twice: form and list), chosen, listed,
    # the themes and target groups a municipality may say it needs. The chosen practices' theme names in
    # English come with them (no query per chosen practice under /en/). The header's section addresses
    # are kept per process since issue 17 (practices.sections): 10 -> 9.
    with django_assert_num_queries(9):
        client.get(address, {"practice": practices[0].pk})
    for _ in range(25):
        PracticePageFactory()
    client.get(address)  # the first view after new pages reads the section addresses again (one query)
    with django_assert_num_queries(9):
        response = client.get(address, {"practice": practices[0].pk})
    html = response.content.decode()
    assert len(practice_boxes(html)) == 28
    theme_name = "Health" if address == URL else "Sağlık"
    assert f'<span class="choice__meta">({theme_name})</span>' in html, "the chosen practice's theme"
    assert f"<legend>{theme_name}</legend>" in html, "the listed practices' group"
    with limit_of(10), django_assert_num_queries(10):  # + counting the library once it is too big to list
        response = client.get(address, {"practice": practices[0].pk})
    assert len(practice_boxes(response.content.decode())) == 1


def test_a_rejected_request_keeps_the_chosen_practices_ticked(client):
    chosen, other = PracticePageFactory(title="Seçilen uygulama"), PracticePageFactory()
    left = PracticePageFactory(title="Seçilmeyen uygulama")
    response = client.post(URL, valid_data(practices=[chosen.pk, other.pk], email="not-an-email"))
    assert response.status_code == 400
    html = response.content.decode()
    assert ticked_ids(html) == [chosen.pk, other.pk]
    assert any(f'value="{left.pk}"' in box and "checked" not in box for box in practice_boxes(html))


@pytest.mark.parametrize("value", ["999999", "abc", "-1", "1e9", "", "%00", "9" * 40])
def test_unknown_or_malformed_practice_in_the_query_string_is_ignored(client, value):
    PracticePageFactory()
    response = client.get(URL, {"practice": value})
    assert response.status_code == 200
    assert ticked_ids(response.content.decode()) == []


def test_a_draft_practice_cannot_be_preselected_or_requested(client):
    draft = PracticePageFactory(live=False)
    html = client.get(URL, {"practice": draft.pk}).content.decode()
    boxes = re.findall(r'<input[^>]*name="practices"[^>]*>', html)
    assert not any(f'value="{draft.pk}"' in tag for tag in boxes)


def test_valid_request_stores_the_visit_and_its_contact_and_mails_the_office_and_the_requester(
    client, portal_settings, django_capture_on_commit_callbacks
):
    municipality = MunicipalityFactory(name="Deneme Belediyesi")
    practices = [PracticePageFactory(title="Sosyal Market"), PracticePageFactory(title="Kent Bostanları")]
    data = valid_data(
        municipality=municipality.pk,
        practices=[p.pk for p in practices],
        delegation_size="12",
        preferred_format="online",
        purpose="adopt",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data)

    assert response.status_code == 302
    assert response["Location"] == f"{URL}alindi/"
    visit = Visit.objects.get()
    contact = ContactPerson.objects.get()
    assert visit.status == VisitStatus.REQUESTED
    assert visit.municipality == municipality
    assert visit.contact == contact
    assert visit.date is None
    assert data["preferred_date_1"] in visit.preferred_dates
    assert set(visit.practices.all()) == set(practices)
    assert visit.delegation_size == 12
    assert (visit.format, visit.purpose) == (VisitFormat.ONLINE, VisitPurpose.ADOPT)
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

    office, copy = sorted(mail.outbox, key=lambda message: message.to != ["ofis@example.test"])
    assert len(mail.outbox) == 2
    assert office.to == ["ofis@example.test"]
    office_text = office.subject + office.body
    assert "Deneme Belediyesi" in office_text
    for fact in ("Online meeting", "12", "We plan to adopt or adapt a practice", "Sosyal Market"):
        assert fact in office.body
    # The person's details stay in the admin, not in the office's mailbox.
    for personal in ("Deneme Kişi Birinci", "deneme.kisi@example.org", "0555 000 00 01", "Ekibimizle"):
        assert personal not in office_text

    # The requester gets a plain-text copy of what they asked for, at the address they gave.
    assert copy.to == ["deneme.kisi@example.org"]
    assert not getattr(copy, "alternatives", None) and copy.content_subtype == "plain"
    assert portal_settings.office_name in copy.subject
    for fact in ("Deneme Kişi Birinci", "Deneme Belediyesi", "Online meeting", "Number of people: 12"):
        assert fact in copy.body
    assert "Kent Bostanları, Sosyal Market" in copy.body
    assert data["preferred_date_1"] in copy.body
    assert "not an appointment yet" in copy.body
    # Their free text is not mailed back (the form must not relay any text to any address).
    assert "Ekibimizle" not in copy.body

    done = client.get(response["Location"])
    assert done.status_code == 200


def test_the_requester_copy_is_in_the_language_the_form_was_used_in(
    client, django_capture_on_commit_callbacks
):
    data = valid_data(municipality=MunicipalityFactory().pk, purpose="exchange")
    with django_capture_on_commit_callbacks(execute=True):
        # The browser's language does not choose: the address the form was used at does.
        client.post(TURKISH_URL, data, HTTP_ACCEPT_LANGUAGE="en")
        client.post(URL, data | {"email": "english@example.org"}, HTTP_ACCEPT_LANGUAGE="tr")
    copies = {message.to[0]: message for message in mail.outbox if message.to != ["ofis@example.test"]}
    # Lines whose Turkish translation is already in the catalogue.
    assert "Preferred dates:" in copies["english@example.org"].body
    turkish = copies["deneme.kisi@example.org"].body
    assert "Preferred dates" not in turkish and "Tercih edilen tarihler:" in turkish


@pytest.mark.parametrize("failing", ["office", "requester"])
def test_a_mail_that_cannot_be_sent_loses_nothing_and_is_logged(
    client, failing, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    from django.core.mail.backends.locmem import EmailBackend

    send = EmailBackend.send_messages

    def flaky(backend, messages):
        if any((message.to == ["ofis@example.test"]) == (failing == "office") for message in messages):
            raise ConnectionRefusedError("mail server down")
        return send(backend, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", flaky)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_data(municipality=MunicipalityFactory().pk))
    assert response.status_code == 302
    assert Visit.objects.count() == 1 and ContactPerson.objects.count() == 1
    assert len(mail.outbox) == 1, "the other mail still goes"
    logged = [record for record in caplog.records if record.levelname == "ERROR"]
    assert any(f"visit request {Visit.objects.get().pk}" in record.getMessage() for record in logged)
    # The log names the visit, never the person.
    assert not any("deneme.kisi@example.org" in record.getMessage() for record in logged)


def test_no_copy_is_sent_once_the_contact_was_anonymised(db):
    from mentorship.factories import VisitRequestFactory
    from mentorship.public.services import confirm_request_to_requester
    from mentorship.services import contact_anonymise

    visit = VisitRequestFactory()
    contact_anonymise(contact=visit.contact)
    assert confirm_request_to_requester.call(visit.pk, "tr") is False
    assert not mail.outbox


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
    assert len(mail.outbox) == 4  # the office and the requester, twice


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
    "unknown practice": ({"practices": ["999999"]}, "practices", "not published"),
    "draft practice": ({"practices": ["DRAFT"]}, "practices", "not published"),
    "delegation of 0": ({"delegation_size": "0"}, "delegation_size", "from 1 to 200"),
    "delegation of 500": ({"delegation_size": "500"}, "delegation_size", "from 1 to 200"),
    "delegation as text": ({"delegation_size": "on iki"}, "delegation_size", "in digits"),
    "negative delegation": ({"delegation_size": "-3"}, "delegation_size", "from 1 to 200"),
    "missing delegation": ({"delegation_size": ""}, "delegation_size", "how many people"),
    "unknown format": ({"preferred_format": "on_site"}, "preferred_format", "valid choice"),
    "missing purpose": ({"purpose": None}, "purpose", "purpose"),
    "other purpose without a word": ({"purpose": "other", "message": ""}, "message", "purpose"),
    "missing municipality": ({}, "municipality", "Choose your municipality|Belediyenizi listeden seçin"),
    "typed municipality without kind and province": (
        {"new_municipality_name": "Yenibelde"},
        "new_municipality_kind",
        "kind|türünü",
    ),
    "bad phone": ({"phone": "call me maybe"}, "phone", "digits|rakam"),
    "practice id past the integer range": ({"practices": ["9" * 25]}, "practices", "not published"),
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
    if overrides.get("practices") == ["DRAFT"]:
        overrides["practices"] = [PracticePageFactory(live=False).pk]
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
    assert re.search(r"<title>Error: ", html), "the page title says the form was refused"
    # Everything typed is kept.
    if field != "contact_name":
        assert 'value="Deneme Kişi Birinci"' in html
    if "message" not in overrides:
        assert "Ekibimizle gelmek istiyoruz." in html
    if field != "email":
        assert 'value="deneme.kisi@example.org"' in html
    typed_size = data.get("delegation_size", "")
    assert re.search(rf'<input type="text" name="delegation_size" value="{re.escape(typed_size)}"', html) or (
        not typed_size and not re.search(r'name="delegation_size" value=', html)
    )
    if "purpose" in data:
        assert re.search(rf'<input type="radio" name="purpose" value="{data["purpose"]}"[^>]*checked', html)
    assert nothing_created()


def test_the_error_summary_lists_each_error_once_as_a_link_without_doubled_punctuation(
    client, portal_settings
):
    data = valid_data(municipality=MunicipalityFactory().pk, consent=None, email="x", delegation_size="500")
    data["practices"] = ["999999"]
    html = client.post(URL, data).content.decode()
    summary = re.search(r'<div class="message message--error error-summary"(.*?)</div>', html, re.S).group(0)
    assert 'id="error-summary"' in summary and 'tabindex="-1"' in summary and "autofocus" not in html
    links = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', summary)
    # In the order of the page: practices, the visit, the municipality, the person, consent.
    assert [anchor for anchor, _ in links] == [
        "id_practices_group",
        "id_delegation_size",
        "id_email",
        "id_consent",
    ]
    consent = dict(links)["id_consent"]
    assert consent == "Consent: Please tick the consent box; we cannot store your request without it."
    for _, text in links:
        assert not re.search(r"[.:;,]\s*[.:;,]", text.replace("&#x27;", "'")), text
    # The summary comes before the heading, first in the main content.
    assert html.index('id="error-summary"') < html.index("<h1>")


def test_honeypot_pretends_success_but_stores_and_sends_nothing(client, django_capture_on_commit_callbacks):
    municipality = MunicipalityFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_data(municipality=municipality.pk, website="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == f"{URL}alindi/"
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
    consent = r'<label class="consent-option" for="id_consent">(.*?)</label>'
    consent_label = re.search(consent, html, re.S).group(1)
    assert "Aydınlatma metni" not in consent_label
    assert portal_settings.consent_text in consent_label
    # The label wraps the box, so the whole sentence is the target.
    assert re.search(r'<input type="checkbox" name="consent"', consent_label)
    notice = re.search(r'<section class="form-section privacy-notice".*?</section>', html, re.S).group(0)
    assert 'href="/en/kisisel-veriler/"' in notice, "the notice's own page in the form's language"
    assert re.search(r"<details>.*Aydınlatma metni: verileriniz", notice, re.S)
    turkish = client.get(TURKISH_URL).content.decode()
    assert 'href="/kisisel-veriler/"' in turkish
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


def test_mentors_see_the_requested_size_and_purpose_in_the_admin(client, mentor, settings):
    from mentorship.factories import VisitRequestFactory

    settings.LANGUAGE_CODE = "en"
    visit = VisitRequestFactory(delegation_size=14, purpose=VisitPurpose.EXCHANGE, format=VisitFormat.ONLINE)
    client.force_login(mentor)
    html = client.get(reverse("mentorship_visits:edit", args=[visit.pk]), HTTP_ACCEPT_LANGUAGE="en").content
    html = html.decode()
    assert re.search(r'<input[^>]*name="delegation_size"[^>]*value="14"', html)
    assert re.search(r'<option value="exchange" selected>', html)
    inspect = client.get(reverse("mentorship_visits:inspect", args=[visit.pk])).content.decode()
    assert "Exchange of experience between municipalities" in inspect and "14" in inspect


def test_the_database_refuses_a_delegation_outside_1_to_200(db):
    from django.db import IntegrityError, transaction

    from mentorship.factories import VisitRequestFactory

    for size in (0, 201):
        with pytest.raises(IntegrityError), transaction.atomic():
            VisitRequestFactory(delegation_size=size)
