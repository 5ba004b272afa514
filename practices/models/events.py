"""Trainings, sharing sessions and field visits the office holds: EventIndexPage (/egitimler/) and EventPage.

Registrations are personal data and belong to the mentorship app; this module knows nothing of them (the
page's registration box comes from mentorship's `{% event_registration %}` tag).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from portal.models import BasePage

from .untranslated import ServesUntranslatedChildren, served_language_context

EVENT_BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]
PAST_EVENTS_SHOWN = 24


class EventKind(models.TextChoices):
    TRAINING = "training", _("Training")
    SHARING_SESSION = "sharing_session", _("Sharing session")
    FIELD_VISIT = "field_visit", _("Field visit")


class EventIndexPage(ServesUntranslatedChildren, BasePage):
    """The list of trainings and sessions: upcoming first (soonest on top), then past ones (latest first).
    One per home page, so one per language (the English home's is a translation of the Turkish list); it
    lists the events of its language and the Turkish ones with no translation in it, which it also serves
    below itself (/en/trainings/<slug>/, practices.models.untranslated)."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["practices.EventPage"]
    max_count_per_parent = 1
    template = "pages/event_index_page.html"

    class Meta:
        verbose_name = _("events list")

    @property
    def untranslated_child_model(self):
        return EventPage

    def get_context(self, request, *args, **kwargs):
        from practices.outreach_selectors import events_past, events_upcoming

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["upcoming_events"] = events_upcoming(now=now, reader_locale=self.locale_id)
        context["past_events"] = events_past(now=now, limit=PAST_EVENTS_SHOWN, reader_locale=self.locale_id)
        return context


class EventPage(RoutablePageMixin, BasePage):
    """One training, sharing session or field visit, with its place or online link and its capacity."""

    # Text the page shows, marked with its language where a translation left it untranslated.
    shown_text_fields = ("title", "summary", "place", "body")

    kind = models.CharField(
        max_length=20, choices=EventKind.choices, default=EventKind.TRAINING, verbose_name=_("kind")
    )
    start = models.DateTimeField(verbose_name=_("starts at"), help_text=_("Istanbul time."))
    end = models.DateTimeField(verbose_name=_("ends at"), help_text=_("Istanbul time."))
    place = models.CharField(
        max_length=250,
        blank=True,
        verbose_name=_("place"),
        help_text=_("Address of the venue, if in person."),
    )
    online_url = models.URLField(
        blank=True, verbose_name=_("online link"), help_text=_("Meeting link, if online.")
    )
    capacity = models.PositiveIntegerField(
        validators=[MinValueValidator(1)],
        verbose_name=_("capacity"),
        help_text=_("Registrations are refused once this many people have registered."),
    )
    registration_open = models.BooleanField(
        default=True,
        verbose_name=_("registration open"),
        help_text=_("Untick to close registration before the event is full."),
    )
    summary = models.CharField(max_length=300, verbose_name=_("summary"))
    body = RichTextField(features=EVENT_BODY_FEATURES, blank=True, verbose_name=_("programme"))
    practices = ParentalManyToManyField(
        "practices.PracticePage", blank=True, related_name="events", verbose_name=_("practices")
    )
    themes = ParentalManyToManyField(
        "practices.Theme", blank=True, related_name="events", verbose_name=_("themes")
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("summary"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("place"), FieldPanel("online_url")]),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_open")]),
            ],
            heading=_("Event"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("practices"), FieldPanel("themes", widget=forms.CheckboxSelectMultiple)],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("place"),
        APIField("capacity"),
        APIField("summary"),
    ]

    parent_page_types = ["practices.EventIndexPage"]
    subpage_types: list[str] = []
    template = "pages/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="event_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_capacity_positive"),
        ]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The event must end after it starts.")})
        if not self.place and not self.online_url:
            raise ValidationError({"place": _("Give the place, the online link, or both.")})

    def get_context(self, request, *args, **kwargs):
        from practices.outreach_selectors import event_links

        context = super().get_context(request, *args, **kwargs)
        context.update(event_links(self))
        context.update(served_language_context(request, self, text_fields=self.shown_text_fields))
        context["calendar_url"] = context["served_url"] + self.reverse_subpage("calendar")
        return context

    def has_started(self, *, now=None) -> bool:
        return self.start <= (now or timezone.now())

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.place

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("takvim/", name="calendar")
    def calendar(self, request):
        """The event as a calendar file anyone can add (no personal data: the event's own fields only)."""
        from practices.events import event_calendar

        response = HttpResponse(
            event_calendar(event=self, url=self.get_full_url(request)),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response
