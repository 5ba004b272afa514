"""Registering for an event on its page: good and bad input, consent, capacity, closed and past events,
honeypot, rate limit, the confirmation e-mail with its calendar file and no personal data on public pages."""

import datetime

from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

import pytest
from icalendar import Calendar

from mentorship.factories import EventRegistrationFactory
from mentorship.models import EventRegistration
from mentorship.public.registration import (
    RegistrationRefused,
    RegistrationRequest,
    RegistrationState,
    event_availability,
    event_registration_submit,
)
from practices.factories import EventPageFactory, PracticePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit(settings):
    # The event pages exist in Turkish only (the address decides the language): the tests check structure
    # (error ids, data attributes), not wording.
    settings.VISIT_REQUEST_RATE_LIMIT = "100/h"
    settings.TRUSTED_PROXY_COUNT = 0
    cache.clear()
    yield
    cache.clear()


def register_url(event) -> str:
    return f"/etkinlik-kaydi/{event.pk}/"


def valid_data(**overrides) -> dict:
    data = {
        "name": "Ayşe Yılmaz",
        "organisation": "Yenişehir Belediyesi",
        "role": "Sosyal hizmet uzmanı",
        "email": "ayse@yenisehir.example",
        "phone": "0324 000 00 00",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_event_page_shows_the_form_and_the_seats_left(client):
    event = EventPageFactory(capacity=12)
    EventRegistrationFactory(event=event)
    response = client.get(event.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="event-registration-form"' in html
    assert 'data-seats-left="11"' in html
    assert 'name="consent"' in html and 'name="website"' in html
    assert "/kisisel-veriler/" in html  # the information notice, as on the visit request


def test_a_valid_registration_is_stored_with_consent_and_confirmed_with_a_calendar_file(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SITE_BASE_URL = "https://atlas.example"
    practice = PracticePageFactory()
    event = EventPageFactory(practices=[practice])
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(event), valid_data())
    assert response.status_code == 302
    assert response["Location"].endswith(f"/etkinlik-kaydi/{event.pk}/alindi/")
    registration = EventRegistration.objects.get()
    assert registration.event_id == event.pk
    assert registration.organisation == "Yenişehir Belediyesi"
    assert registration.consent_given_at >= before
    assert registration.language == "tr"  # the language of the address the form was used at
    # The confirmation: to the person, with the event's .ics attached (the online link would be in it).
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ayse@yenisehir.example"]
    assert event.title in message.subject
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == event.title
    assert entry.decoded("dtstart") == event.start
    assert str(entry["uid"]) == f"event-{event.pk}@atlas.example"
    done = client.get(response["Location"])
    assert done.status_code == 200 and event.title in done.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"consent": None}, "consent"),
        ({"email": "not-an-address"}, "email"),
        ({"name": ""}, "name"),
        ({"organisation": ""}, "organisation"),
        ({"phone": "call me"}, "phone"),
        ({"name": "Ayşe\nBcc: x@y.z"}, "name"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_keeps_what_was_typed(client, overrides, field):
    event = EventPageFactory()
    response = client.post(register_url(event), valid_data(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html  # the message beside the field
    assert f'href="#id_{field}"' in html  # and in the error summary, linking to it
    assert 'id="error-summary"' in html
    assert 'value="Yenişehir Belediyesi"' in html or field == "organisation"
    assert not EventRegistration.objects.exists()
    assert mail.outbox == []


def test_the_same_address_cannot_register_twice(client):
    event = EventPageFactory()
    assert client.post(register_url(event), valid_data()).status_code == 302
    response = client.post(register_url(event), valid_data(name="Başka"))
    assert response.status_code == 400
    assert 'id="id_email_error"' in response.content.decode()
    assert EventRegistration.objects.count() == 1


def test_no_registration_beyond_capacity(client):
    event = EventPageFactory(capacity=2)
    EventRegistrationFactory.create_batch(2, event=event)
    page = client.get(event.url).content.decode()
    assert 'data-event-state="full"' in page and "event-registration-form" not in page
    response = client.post(register_url(event), valid_data())
    assert response.status_code == 409
    assert 'data-refused="full"' in response.content.decode()
    assert EventRegistration.objects.count() == 2


def test_a_past_event_takes_no_registration(client):
    start = timezone.now() - datetime.timedelta(days=3)
    event = EventPageFactory(start=start, end=start + datetime.timedelta(hours=2))
    assert 'data-event-state="past"' in client.get(event.url).content.decode()
    assert client.post(register_url(event), valid_data()).status_code == 409
    assert not EventRegistration.objects.exists()


def test_a_closed_event_takes_no_registration(client):
    event = EventPageFactory(registration_open=False)
    assert 'data-event-state="closed"' in client.get(event.url).content.decode()
    assert client.post(register_url(event), valid_data()).status_code == 409
    assert not EventRegistration.objects.exists()


def test_an_unpublished_event_is_not_found(client):
    event = EventPageFactory()
    event.unpublish()
    assert client.post(register_url(event), valid_data()).status_code == 404
    assert client.post("/etkinlik-kaydi/999999/", valid_data()).status_code == 404


def test_the_honeypot_pretends_success_and_stores_nothing(client):
    event = EventPageFactory()
    response = client.post(register_url(event), valid_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not EventRegistration.objects.exists()
    assert mail.outbox == []


def test_the_rate_limit_answers_429_with_retry_after(client, settings):
    settings.VISIT_REQUEST_RATE_LIMIT = "2/h"
    event = EventPageFactory()
    for n in range(2):
        client.post(register_url(event), valid_data(email=f"kisi{n}@example.test"))
    response = client.post(register_url(event), valid_data(email="kisi9@example.test"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert EventRegistration.objects.count() == 2


def test_the_form_needs_a_csrf_token():
    event = EventPageFactory()
    response = Client(enforce_csrf_checks=True).post(register_url(event), valid_data())
    assert response.status_code == 403
    assert not EventRegistration.objects.exists()


def test_a_get_on_the_registration_address_goes_back_to_the_event(client):
    event = EventPageFactory()
    response = client.get(register_url(event))
    assert response.status_code == 302 and response["Location"].endswith(event.url)


def test_the_service_refuses_the_seat_after_the_last_one():
    event = EventPageFactory(capacity=1)

    def request(email):
        return RegistrationRequest(
            event_id=event.pk, name="A", organisation="B", email=email, consent_text_version="1"
        )

    event_registration_submit(request=request("a@example.test"))
    with pytest.raises(RegistrationRefused) as refused:
        event_registration_submit(request=request("b@example.test"))
    assert refused.value.state == RegistrationState.FULL
    assert event_availability(event=event).state == RegistrationState.FULL


def test_public_pages_show_no_registrant_data(client):
    event = EventPageFactory()
    registration = EventRegistrationFactory(
        event=event, name="Gizli Kişi", email="gizli@example.test", phone="0555 555 55 55"
    )
    pages = [event.url, event.get_parent().url, event.url + "takvim/", "/etki/"]
    for url in pages:
        body = client.get(url).content.decode()
        for secret in (registration.name, registration.email, registration.phone):
            assert secret not in body, (url, secret)


def test_the_public_calendar_file_is_valid_and_keeps_the_online_link_private(client):
    event = EventPageFactory(place="", online_url="https://meet.example/gizli-oda")
    response = client.get(event.url + "takvim/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == event.title
    assert entry.decoded("dtend") == event.end
    assert "gizli-oda" not in response.content.decode()
