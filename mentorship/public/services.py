"""The public study-visit request: one service that records it, and the task that tells the office."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from django_tasks import task

from practices.models import PracticePage

from ..models import ContactPerson, ContactSource, Municipality, Visit, VisitFormat, VisitStatus


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
    practices: tuple[PracticePage, ...] = field(default_factory=tuple)
    message: str = ""


def format_preferred_dates(dates: tuple[datetime.date, ...]) -> str:
    return ", ".join(day.isoformat() for day in dates)


@transaction.atomic
def visit_request_submit(*, request: VisitRequest, now: datetime.datetime | None = None) -> Visit:
    """Record a public request: the municipality (found or created), a consenting contact, a requested Visit.

    The office is e-mailed after the transaction commits, through the task queue, so a mail failure neither
    loses the request nor shows the visitor an error.
    """
    now = now or timezone.now()
    if request.municipality is not None:
        municipality = request.municipality
    elif request.new_municipality is not None:
        typed = request.new_municipality
        municipality, _created = Municipality.objects.get_or_create(
            kind=typed.kind, province=typed.province, name=typed.name.strip()
        )
    else:
        raise ValueError("A visit request needs a municipality.")
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
        format=VisitFormat.HOSTED,
        preferred_dates=format_preferred_dates(request.preferred_dates),
        request_message=request.message.strip(),
        contact=contact,
        created_at=now,
    )
    if request.practices:
        visit.practices.set(request.practices)
    transaction.on_commit(lambda: notify_office_of_request.enqueue(visit.pk))
    return visit


def _admin_url(visit: Visit) -> str:
    try:
        path = reverse("mentorship_visits:edit", args=[visit.pk])
    except NoReverseMatch:  # the admin viewset is not registered (e.g. a trimmed test configuration)
        path = "/admin/"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def notify_office_of_request(visit_id: int) -> bool:
    """E-mail the office that a request arrived. The mail names the municipality, dates and practices only;
    the person's details stay in the admin (personal data is not copied into mailboxes)."""
    visit = Visit.objects.select_related("municipality").filter(pk=visit_id).first()
    if visit is None or not settings.OFFICE_EMAIL:
        return False
    context = {
        "visit": visit,
        "practices": list(visit.practices.order_by("title").values_list("title", flat=True)),
        "admin_url": _admin_url(visit),
    }
    send_mail(
        subject=_("Practice Atlas: study visit request from %(municipality)s")
        # One line whatever was typed: a header with a line break would be refused by the mail library.
        % {"municipality": " ".join(str(visit.municipality).split())},
        message=render_to_string("mentorship/public/visit_request_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[settings.OFFICE_EMAIL],
    )
    return True
