"""The public study-visit request: one service that records it, and the tasks that e-mail the office, send
the requester a copy of what they asked for and, later, the office's answer (a date, or why not)."""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import ReferenceIndex, Site

from django_tasks import task

from portal.models import PortalSettings
from practices.models import PracticePage, TargetGroup, Theme

from ..models import ContactPerson, ContactSource, Municipality, Visit, VisitFormat, VisitStatus

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewMunicipality:
    """A municipality typed in by the visitor because it was not in the list."""

    name: str
    kind: str
    province: int


@dataclass(frozen=True)
class VisitRequest:
    """What a visitor sent with the public form (already validated)."""

    contact_name: str
    email: str
    consent_text_version: str
    municipality: Municipality | None = None
    new_municipality: NewMunicipality | None = None
    role: str = ""
    phone: str = ""
    preferred_dates: tuple[datetime.date, ...] = ()
    delegation_size: int | None = None
    preferred_format: str = VisitFormat.HOSTED
    purpose: str = ""
    practices: tuple[PracticePage, ...] = field(default_factory=tuple)
    # Needs the visitor ticked: added to a new municipality's, proposed on the request for a confirmed one.
    needed_themes: tuple[Theme, ...] = field(default_factory=tuple)
    needed_target_groups: tuple[TargetGroup, ...] = field(default_factory=tuple)
    message: str = ""
    # The language the visitor used the form in: their copy of the request is written in it.
    language: str = ""


def format_preferred_dates(dates: tuple[datetime.date, ...]) -> str:
    return ", ".join(day.isoformat() for day in dates)


@transaction.atomic
def visit_request_submit(*, request: VisitRequest, now: datetime.datetime | None = None) -> Visit:
    """Record a public request: the municipality (found or created), a consenting contact, a requested Visit.

    The office and the requester are e-mailed after the transaction commits, through the task queue, so a
    mail failure neither loses the request nor shows the visitor an error (it is logged).
    """
    now = now or timezone.now()
    if request.municipality is not None:
        municipality = request.municipality
    elif request.new_municipality is not None:
        typed = request.new_municipality
        # A typed name is unverified: it stays unconfirmed (never shown publicly) until a mentor confirms it
        # or merges it into an existing municipality.
        municipality, _created = Municipality.objects.get_or_create(
            kind=typed.kind, province=typed.province, name=typed.name.strip(), defaults={"confirmed": False}
        )
    else:
        raise ValueError("A visit request needs a municipality.")
    if not municipality.confirmed and request.municipality is not None:
        raise ValueError("A visitor can only choose a confirmed municipality.")
    # A municipality mentors confirmed keeps the needs they recorded: what a visitor ticks is a proposal on
    # the request, applied from its admin page. A new (unconfirmed) one gets them at once, as mentors review
    # it anyway before confirming it.
    needs_are_proposed = municipality.confirmed
    if not needs_are_proposed:
        if request.needed_themes:
            municipality.needed_themes.add(*request.needed_themes)
        if request.needed_target_groups:
            municipality.needed_target_groups.add(*request.needed_target_groups)
    contact = ContactPerson.objects.create(
        municipality=municipality,
        name=request.contact_name.strip(),
        role=request.role.strip(),
        email=request.email.strip(),
        phone=request.phone.strip(),
        consent_given_at=now,
        consent_text_version=request.consent_text_version,
        source=ContactSource.VISIT_REQUEST,
        created_at=now,
    )
    visit = Visit.objects.create(
        municipality=municipality,
        status=VisitStatus.REQUESTED,
        # The format asked for; mentors change it if another is agreed.
        format=request.preferred_format,
        preferred_dates=format_preferred_dates(request.preferred_dates),
        delegation_size=request.delegation_size,
        purpose=request.purpose,
        request_message=request.message.strip(),
        request_language=request.language or settings.LANGUAGE_CODE,
        contact=contact,
        created_at=now,
    )
    if needs_are_proposed:
        if request.needed_themes:
            visit.proposed_themes.set(request.needed_themes)
        if request.needed_target_groups:
            visit.proposed_target_groups.set(request.needed_target_groups)
    if request.practices:
        visit.practices.set(request.practices)
        # set() adds the rows in bulk, without the save signal Wagtail's reference index listens to: without
        # this a practice's "Usage" page would not count the requests that ask for it.
        ReferenceIndex.create_or_update_for_object(visit)
    language = visit.request_language
    transaction.on_commit(lambda: enqueue_logged(notify_office_of_request.enqueue, visit.pk))
    transaction.on_commit(lambda: enqueue_logged(confirm_request_to_requester.enqueue, visit.pk, language))
    return visit


def enqueue_logged(enqueue: Callable, *args) -> None:
    """Queue a mail task; if the queue itself fails the request is already stored, so log and go on."""
    try:
        enqueue(*args)
    except Exception:
        logger.exception("Could not queue an e-mail about visit request %s", args[0])


def _admin_url(visit: Visit) -> str:
    try:
        path = reverse("mentorship_visits:edit", args=[visit.pk])
    except NoReverseMatch:  # the admin viewset is not registered (e.g. a trimmed test configuration)
        path = "/admin/"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _one_line(text: object) -> str:
    # A header with a line break would be refused by the mail library, whatever was typed.
    return " ".join(str(text).split())


def _office() -> tuple[PortalSettings, str]:
    """The office's settings (name, address) and the address replies to the requester go to."""
    site = Site.objects.filter(is_default_site=True).first()
    office = PortalSettings.for_site(site) if site is not None else PortalSettings()
    return office, office.email or settings.OFFICE_EMAIL


def _request_context(visit: Visit) -> dict:
    return {
        "visit": visit,
        "practices": list(visit.practices.order_by("title").values_list("title", flat=True)),
    }


@task()
def notify_office_of_request(visit_id: int) -> bool:
    """E-mail the office that a request arrived. The mail names the municipality, dates, format, size,
    purpose and practices only; the person's details stay in the admin (not copied into mailboxes)."""
    visit = Visit.objects.select_related("municipality").filter(pk=visit_id).first()
    if visit is None or not settings.OFFICE_EMAIL:
        return False
    context = _request_context(visit) | {"admin_url": _admin_url(visit)}
    try:
        send_mail(
            subject=_("Practice Atlas: study visit request from %(municipality)s")
            % {"municipality": _one_line(visit.municipality)},
            message=render_to_string("mentorship/public/visit_request_email.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[settings.OFFICE_EMAIL],
        )
    except Exception:
        # The request is stored and shows in the admin; the log tells the office a mail went missing.
        logger.exception("Could not e-mail the office about visit request %s", visit_id)
        return False
    return True


@task()
def confirm_request_to_requester(visit_id: int, language: str) -> bool:
    """Send the person who asked a plain-text copy of what they requested, in the language they used.

    Their own message is not repeated, which makes the form a poor relay for mail to strangers; replies go
    to the office.
    """
    visit = Visit.objects.select_related("municipality", "contact").filter(pk=visit_id).first()
    contact = visit.contact if visit is not None else None
    if contact is None or contact.is_anonymised or not contact.email:
        return False
    office, office_email = _office()
    with translation.override(language):
        context = _request_context(visit) | {
            "contact": contact,
            "office_name": office.office_name,
            "office_email": office_email,
        }
        message = EmailMessage(
            subject=_("Your study visit request to %(office)s") % {"office": _one_line(office.office_name)},
            body=render_to_string("mentorship/public/visit_request_confirmation_email.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[contact.email],
            reply_to=[office_email] if office_email else None,
        )
    try:
        message.send()
    except Exception:
        # The address is personal data: the log names the visit, whose contact is in the admin.
        logger.exception("Could not send the requester's copy of visit request %s", visit_id)
        return False
    return True


DECISION_TEMPLATES = {
    VisitStatus.SCHEDULED: "mentorship/public/visit_request_scheduled_email.txt",
    VisitStatus.DECLINED: "mentorship/public/visit_request_declined_email.txt",
}


@task()
def notify_requester_of_decision(visit_id: int) -> bool:
    """Tell the person who asked what the office decided: the date of the visit, or why it declined.

    In the language they used the form in; the mentors' names and notes are not in it (replies go to the
    office). Nothing is sent to an erased contact or for a request that is no longer scheduled or declined.
    """
    visit = Visit.objects.select_related("municipality", "contact").filter(pk=visit_id).first()
    contact = visit.contact if visit is not None else None
    if (
        contact is None
        or contact.is_anonymised
        or not contact.email
        or visit.status not in DECISION_TEMPLATES
    ):
        return False
    office, office_email = _office()
    with translation.override(visit.request_language or settings.LANGUAGE_CODE):
        context = _request_context(visit) | {
            "contact": contact,
            "office_name": office.office_name,
            "office_email": office_email,
        }
        subject = (
            _("Your study visit on %(date)s") % {"date": visit.date.isoformat()}
            if visit.status == VisitStatus.SCHEDULED
            else _("Your study visit request to %(office)s") % {"office": _one_line(office.office_name)}
        )
        message = EmailMessage(
            subject=subject,
            body=render_to_string(DECISION_TEMPLATES[visit.status], context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[contact.email],
            reply_to=[office_email] if office_email else None,
        )
    try:
        message.send()
    except Exception:
        logger.exception("Could not tell the requester of visit request %s the office's decision", visit_id)
        return False
    return True
