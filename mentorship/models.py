"""The mentors' records: municipalities, their contacts, visits, follow-ups and per-practice adoptions.

State changes with rules (stage changes, visit completion, anonymisation, reminders) live in services.py.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from portal.provinces import PROVINCE_BY_PLATE, PROVINCE_CHOICES
from practices.models import BudgetBand, PopulationBand

FIRST_PLATE = 1
LAST_PLATE = 81


class MunicipalityKind(models.TextChoices):
    METROPOLITAN = "metropolitan", _("Metropolitan municipality")
    PROVINCIAL = "provincial", _("Provincial municipality")
    DISTRICT = "district", _("District municipality")


class Municipality(models.Model):
    """A municipality the office hosts, mentors or talks to. Its name is public; its people are not."""

    name = models.CharField(max_length=150, verbose_name=_("name"))
    kind = models.CharField(max_length=20, choices=MunicipalityKind.choices, verbose_name=_("kind"))
    population_band = models.CharField(
        max_length=20, choices=PopulationBand.choices, blank=True, verbose_name=_("population band")
    )
    province = models.PositiveSmallIntegerField(
        choices=PROVINCE_CHOICES,
        validators=[MinValueValidator(FIRST_PLATE), MaxValueValidator(LAST_PLATE)],
        verbose_name=_("province"),
    )
    district = models.CharField(max_length=100, blank=True, verbose_name=_("district"))
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        verbose_name=_("latitude"),
        help_text=_("Leave empty to use the province centre."),
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        verbose_name=_("longitude"),
        help_text=_("Leave empty to use the province centre."),
    )
    website = models.URLField(blank=True, verbose_name=_("website"))
    # Needs, recorded by mentors (or offered as themes and groups with a visit request): what matchmaking
    # (mentorship.matchmaking) compares with practices.
    needed_themes = models.ManyToManyField(
        "practices.Theme", blank=True, related_name="+", verbose_name=_("themes it needs")
    )
    needed_target_groups = models.ManyToManyField(
        "practices.TargetGroup",
        blank=True,
        related_name="+",
        verbose_name=_("target groups it wants to serve"),
    )
    budget_band = models.CharField(
        max_length=20,
        choices=BudgetBand.choices,
        blank=True,
        verbose_name=_("budget it can make available"),
    )
    needs_notes = models.TextField(
        blank=True,
        verbose_name=_("constraints and notes"),
        help_text=_("What limits it: staff, legal basis, timing. About the institution, never about people."),
    )
    is_demo = models.BooleanField(
        default=False, verbose_name=_("demo record"), help_text=_("Created by the demo-data command.")
    )
    # Names typed by the public are unverified (anything can be typed): they stay off every public page,
    # list and API until a mentor confirms them or merges them into an existing municipality.
    confirmed = models.BooleanField(
        default=True,
        verbose_name=_("confirmed"),
        help_text=_(
            "A municipality typed in by a visitor stays unconfirmed, and is never shown publicly, until a "
            "mentor confirms it or merges it into an existing one."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "province", "name"], name="municipality_unique_kind_province"
            ),
            models.CheckConstraint(
                condition=Q(province__gte=FIRST_PLATE, province__lte=LAST_PLATE),
                name="municipality_province_plate_range",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MunicipalityKind.values), name="municipality_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        if self.kind == MunicipalityKind.DISTRICT and self.province in PROVINCE_BY_PLATE:
            return f"{self.name} ({PROVINCE_BY_PLATE[self.province].name})"
        return self.name

    @property
    def province_name(self) -> str:
        province = PROVINCE_BY_PLATE.get(self.province)
        return province.name if province else ""

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """Own coordinates, else the province centre (so every municipality can go on the map)."""
        if self.latitude is not None and self.longitude is not None:
            return float(self.latitude), float(self.longitude)
        province = PROVINCE_BY_PLATE.get(self.province)
        return (province.lat, province.lon) if province else None


class ContactSource(models.TextChoices):
    VISIT_REQUEST = "visit_request", _("Public visit request")
    MENTOR = "mentor", _("Entered by a mentor")


class ContactPerson(models.Model):
    """A person at a municipality. Personal data (KVKK): shown in the admin only, erasable."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("municipality")
    )
    name = models.CharField(max_length=150, verbose_name=_("name"))
    role = models.CharField(max_length=150, blank=True, verbose_name=_("role"))
    email = models.EmailField(blank=True, verbose_name=_("e-mail"))
    phone = models.CharField(max_length=30, blank=True, verbose_name=_("phone"))
    consent_given_at = models.DateTimeField(null=True, blank=True, verbose_name=_("consent given at"))
    consent_text_version = models.CharField(max_length=30, blank=True, verbose_name=_("consent text version"))
    source = models.CharField(
        max_length=20, choices=ContactSource.choices, default=ContactSource.MENTOR, verbose_name=_("source")
    )
    anonymised_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("anonymised at")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(source__in=ContactSource.values), name="contact_source_valid"),
            # A public request may only store a person who gave explicit consent.
            models.CheckConstraint(
                condition=~Q(source=ContactSource.VISIT_REQUEST) | Q(consent_given_at__isnull=False),
                name="contact_request_needs_consent",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None


class VisitFormat(models.TextChoices):
    HOSTED = "hosted", _("Hosted study visit")
    ON_SITE = "on_site", _("On-site visit")
    ONLINE = "online", _("Online meeting")


class VisitPurpose(models.TextChoices):
    """Why a municipality asks for a visit (public request form); "other" is explained in the message."""

    ADOPT = "adopt", _("We plan to adopt or adapt a practice")
    LEARN = "learn", _("We want to learn about a practice before deciding")
    EXCHANGE = "exchange", _("Exchange of experience between municipalities")
    OTHER = "other", _("Something else (please say in your message)")


DELEGATION_SIZE_MIN = 1
DELEGATION_SIZE_MAX = 200


class VisitStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    SCHEDULED = "scheduled", _("Scheduled")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    # A request the office turned down (the requester is told why); "cancelled" is a visit that was planned.
    DECLINED = "declined", _("Declined")


class Visit(ClusterableModel):
    """A study visit, on-site visit or online meeting; public requests start as "requested" without a date.

    Clusterable so the admin form can edit the practices discussed as chooser rows (VisitPractice).
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="visits", verbose_name=_("municipality")
    )
    date = models.DateField(
        null=True, blank=True, verbose_name=_("date"), help_text=_("Required once the visit is scheduled.")
    )
    preferred_dates = models.TextField(blank=True, verbose_name=_("preferred dates"))
    format = models.CharField(
        max_length=20, choices=VisitFormat.choices, default=VisitFormat.HOSTED, verbose_name=_("format")
    )
    status = models.CharField(
        max_length=20, choices=VisitStatus.choices, default=VisitStatus.REQUESTED, verbose_name=_("status")
    )
    mentors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="mentored_visits", verbose_name=_("mentors")
    )
    practices = models.ManyToManyField(
        "practices.PracticePage",
        through="VisitPractice",
        blank=True,
        related_name="visits",
        verbose_name=_("practices discussed"),
    )
    participants = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("number of participants")
    )
    delegation_size = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(DELEGATION_SIZE_MIN), MaxValueValidator(DELEGATION_SIZE_MAX)],
        verbose_name=_("delegation size (requested)"),
        help_text=_("How many people the municipality said would come, when it asked for the visit."),
    )
    purpose = models.CharField(
        max_length=20, choices=VisitPurpose.choices, blank=True, verbose_name=_("purpose of the visit")
    )
    request_message = models.TextField(blank=True, verbose_name=_("message with the request"))
    request_language = models.CharField(
        max_length=10,
        blank=True,
        editable=False,
        verbose_name=_("language of the request"),
        help_text=_("The language the requester used the form in; replies to them are written in it."),
    )
    decline_reason = models.TextField(
        blank=True,
        verbose_name=_("reason for declining"),
        help_text=_("Sent to the requester when the request is declined."),
    )
    notes = models.TextField(blank=True, verbose_name=_("notes"))
    # Needs ticked on the public form for a municipality mentors already confirmed: a proposal they apply
    # to the municipality (or discard) from the request's page, never added unseen (mentorship.services).
    proposed_themes = models.ManyToManyField(
        "practices.Theme", blank=True, related_name="+", verbose_name=_("themes proposed with the request")
    )
    proposed_target_groups = models.ManyToManyField(
        "practices.TargetGroup",
        blank=True,
        related_name="+",
        verbose_name=_("target groups proposed with the request"),
    )
    contact = models.ForeignKey(
        ContactPerson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("contact person"),
    )
    scheduled_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("scheduled at"))
    completed_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("completed at"))
    created_at = models.DateTimeField(default=timezone.now, editable=False, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = [models.F("date").desc(nulls_first=True), "-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=VisitStatus.values), name="visit_status_valid"),
            models.CheckConstraint(condition=Q(format__in=VisitFormat.values), name="visit_format_valid"),
            models.CheckConstraint(
                condition=Q(purpose="") | Q(purpose__in=VisitPurpose.values), name="visit_purpose_valid"
            ),
            models.CheckConstraint(
                condition=Q(delegation_size__isnull=True)
                | Q(delegation_size__gte=DELEGATION_SIZE_MIN, delegation_size__lte=DELEGATION_SIZE_MAX),
                name="visit_delegation_size_range",
            ),
            models.CheckConstraint(
                condition=(
                    ~Q(status__in=[VisitStatus.SCHEDULED, VisitStatus.COMPLETED]) | Q(date__isnull=False)
                ),
                name="visit_scheduled_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=VisitStatus.DECLINED) | ~Q(decline_reason=""),
                name="visit_declined_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["status", "date"], name="visit_status_date_idx")]

    def __str__(self) -> str:
        when = self.date.isoformat() if self.date else _("date to be agreed")
        return f"{self.municipality} – {when}"

    def save(self, *args, **kwargs):
        # Remember when a visit first left the request stage, so retention can tell never-held requests apart.
        if self.status in (VisitStatus.SCHEDULED, VisitStatus.COMPLETED) and self.scheduled_at is None:
            self.scheduled_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "scheduled_at"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.status in (VisitStatus.SCHEDULED, VisitStatus.COMPLETED) and self.date is None:
            raise ValidationError({"date": _("A scheduled visit needs a date.")})

    def mentor_names(self) -> str:
        """Comma-separated mentors (uses prefetched rows when the list view prefetched them)."""
        return ", ".join(user.get_full_name() or user.get_username() for user in self.mentors.all())

    mentor_names.short_description = _("mentors")

    def practice_titles(self) -> str:
        return ", ".join(practice.title for practice in self.practices.all())

    practice_titles.short_description = _("practices discussed")


class VisitPractice(Orderable):
    """One practice discussed at a visit: the row behind Visit.practices, edited with a chooser in the admin.

    The table is the one Django created for the plain many-to-many field (migration 0003 keeps its rows).
    """

    visit = ParentalKey(
        Visit, on_delete=models.CASCADE, related_name="practice_links", verbose_name=_("visit")
    )
    practice = models.ForeignKey(
        "practices.PracticePage",
        on_delete=models.CASCADE,
        related_name="+",
        db_column="practicepage_id",
        verbose_name=_("practice"),
    )

    class Meta(Orderable.Meta):
        db_table = "mentorship_visit_practices"
        unique_together = [("visit", "practice")]
        verbose_name = _("practice discussed")
        verbose_name_plural = _("practices discussed")

    def __str__(self) -> str:
        return str(self.practice)


class AdoptionStage(models.TextChoices):
    INTERESTED = "interested", _("Interested")
    VISITED = "visited", _("Visited")
    PLANNING = "planning", _("Planning")
    PILOTING = "piloting", _("Piloting")
    ADOPTED = "adopted", _("Adopted")
    SCALED = "scaled", _("Scaled")
    DROPPED = "dropped", _("Dropped")


# Order of the forward path; "dropped" sits outside it.
STAGE_ORDER: dict[str, int] = {
    AdoptionStage.INTERESTED: 0,
    AdoptionStage.VISITED: 1,
    AdoptionStage.PLANNING: 2,
    AdoptionStage.PILOTING: 3,
    AdoptionStage.ADOPTED: 4,
    AdoptionStage.SCALED: 5,
}
ADOPTED_STAGES = (AdoptionStage.ADOPTED, AdoptionStage.SCALED)
FINAL_STAGES = (AdoptionStage.ADOPTED, AdoptionStage.SCALED, AdoptionStage.DROPPED)


class ActiveAdoptionManager(models.Manager):
    """The default manager: archived adoptions are hidden from every list, count and chooser.

    Their rows and history stay (`Adoption.all_objects`, and an event's `adoption` through the base manager).
    """

    def get_queryset(self):
        return super().get_queryset().filter(archived_at__isnull=True)


class AllAdoptionsManager(models.Manager):
    """Every adoption, archived ones included: history, backups, related lookups."""


class Adoption(models.Model):
    """A municipality's path with one practice; change the stage only via services.adoption_change_stage.

    An adoption with history is never deleted: services.adoption_archive hides it and keeps its events.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="adoptions", verbose_name=_("municipality")
    )
    practice = models.ForeignKey(
        "practices.PracticePage",
        on_delete=models.CASCADE,
        related_name="adoptions",
        verbose_name=_("practice"),
    )
    stage = models.CharField(
        max_length=20,
        choices=AdoptionStage.choices,
        default=AdoptionStage.INTERESTED,
        verbose_name=_("stage"),
    )
    stage_changed_at = models.DateTimeField(default=timezone.now, verbose_name=_("stage changed at"))
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentored_adoptions",
        verbose_name=_("responsible mentor"),
    )
    kept = models.TextField(blank=True, verbose_name=_("what was kept of the original practice"))
    changed = models.TextField(blank=True, verbose_name=_("what was changed, and why"))
    show_publicly = models.BooleanField(
        default=False,
        verbose_name=_("publish this adaptation"),
        help_text=_(
            "Once adopted, show the municipality's name (linked to its website), what it kept and changed, "
            "and its figures on the practice page and the impact page, beside the origin's. Never any "
            "person. Only with the municipality's agreement."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, verbose_name=_("created at"))
    archived_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("archived at"),
        help_text=_("Archived adoptions are hidden from lists and figures; their history is kept."),
    )

    objects = ActiveAdoptionManager()
    all_objects = AllAdoptionsManager()

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["municipality__name", "practice__title"]
        # Related lookups (an event's adoption, a follow-up's adoption) must still reach archived rows.
        base_manager_name = "all_objects"
        constraints = [
            # One live adoption per (municipality, practice); archived ones keep their history beside it.
            models.UniqueConstraint(
                fields=["municipality", "practice"],
                condition=Q(archived_at__isnull=True),
                name="adoption_unique_municipality_practice",
            ),
            models.CheckConstraint(condition=Q(stage__in=AdoptionStage.values), name="adoption_stage_valid"),
        ]
        indexes = [models.Index(fields=["stage", "stage_changed_at"], name="adoption_stage_changed_idx")]

    def __str__(self) -> str:
        return f"{self.municipality} – {self.practice}"

    def validate_constraints(self, exclude=None):
        # archived_at is on no form, but the one-live-adoption rule is conditional on it: a form would skip
        # the check and the database would answer with an error page instead of a message.
        super().validate_constraints(exclude=set(exclude or ()) - {"archived_at"})

    @property
    def is_adopted(self) -> bool:
        return self.stage in ADOPTED_STAGES


class AdoptionMetric(models.Model):
    """The adopter's own value for a metric, shown beside the practice's value at origin."""

    adoption = models.ForeignKey(
        Adoption, on_delete=models.CASCADE, related_name="metrics", verbose_name=_("adoption")
    )
    origin_metric = models.ForeignKey(
        "practices.PracticeMetric",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adopter_values",
        verbose_name=_("metric at origin"),
    )
    label = models.CharField(max_length=150, verbose_name=_("label"))
    value = models.DecimalField(max_digits=14, decimal_places=2, verbose_name=_("value"))
    unit = models.CharField(max_length=50, blank=True, verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("year"))

    class Meta:
        verbose_name = _("adoption metric")
        verbose_name_plural = _("adoption metrics")
        ordering = ["adoption", "label"]
        constraints = [
            # One value per metric at origin (the latest the adopter reported); own metrics are free.
            models.UniqueConstraint(
                fields=["adoption", "origin_metric"], name="adoption_metric_once_per_origin"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.value} {self.unit}".strip()


class AppendOnlyError(TypeError):
    """Raised by any attempt to edit or delete an adoption event."""


# Foreign keys Django's deletion collector may set to NULL when the user or document they point to is
# erased or deleted: the event stays, only the reference to the person or file goes.
NULLABLE_EVENT_REFERENCES = frozenset({"user", "evidence_document"})


class AdoptionEventQuerySet(models.QuerySet):
    """Bulk edits and deletes are refused, so the history cannot be rewritten through the ORM either."""

    def update(self, **kwargs):
        if kwargs and set(kwargs) <= NULLABLE_EVENT_REFERENCES and all(v is None for v in kwargs.values()):
            return super().update(**kwargs)
        raise AppendOnlyError("Adoption events are append-only.")

    def delete(self):
        raise AppendOnlyError("Adoption events are append-only; they cannot be deleted.")

    delete.queryset_only = True


class AdoptionEvent(models.Model):
    """One stage change of an adoption. Append-only: the history is never rewritten."""

    # PROTECT: an adoption with history cannot be deleted (it is archived instead).
    adoption = models.ForeignKey(
        Adoption, on_delete=models.PROTECT, related_name="events", verbose_name=_("adoption")
    )
    from_stage = models.CharField(
        max_length=20, choices=AdoptionStage.choices, blank=True, verbose_name=_("from stage")
    )
    to_stage = models.CharField(max_length=20, choices=AdoptionStage.choices, verbose_name=_("to stage"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("changed at"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    note = models.TextField(blank=True, verbose_name=_("note"))
    evidence_url = models.URLField(blank=True, verbose_name=_("evidence link"))
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evidence document"),
    )

    objects = AdoptionEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("adoption event")
        verbose_name_plural = _("adoption events")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(to_stage__in=AdoptionStage.values), name="adoption_event_to_valid"
            ),
            models.CheckConstraint(
                condition=Q(from_stage="") | Q(from_stage__in=AdoptionStage.values),
                name="adoption_event_from_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.adoption}: {self.from_stage or '–'} → {self.to_stage}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("Adoption events are append-only; create a new event instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Adoption events are append-only; they cannot be deleted.")


class FollowUp(models.Model):
    """A promised action after a visit or for an adoption. Overdue = open and due before today."""

    action = models.CharField(max_length=255, verbose_name=_("action"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mentorship_follow_ups",
        verbose_name=_("assignee"),
    )
    due_date = models.DateField(verbose_name=_("due date"))
    done_at = models.DateTimeField(null=True, blank=True, verbose_name=_("done at"))
    visit = models.ForeignKey(
        Visit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("visit"),
    )
    adoption = models.ForeignKey(
        Adoption,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("adoption"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(visit__isnull=False) & Q(adoption__isnull=True))
                | (Q(visit__isnull=True) & Q(adoption__isnull=False)),
                name="follow_up_visit_xor_adoption",
            ),
        ]
        indexes = [models.Index(fields=["assignee", "done_at", "due_date"], name="follow_up_open_idx")]

    def __str__(self) -> str:
        return self.action

    def clean(self):
        super().clean()
        if (self.visit_id is None) == (self.adoption_id is None):
            raise ValidationError(_("Attach the follow-up to either a visit or an adoption (exactly one)."))

    def validate_constraints(self, exclude=None):
        # clean() states the visit-or-adoption rule in words; without this the form would repeat it as
        # "Constraint “follow_up_visit_xor_adoption” is violated." (the database still enforces it).
        if (self.visit_id is None) == (self.adoption_id is None):
            exclude = {*(exclude or ()), "visit", "adoption"}
        super().validate_constraints(exclude=exclude)

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def municipality(self) -> Municipality:
        return self.visit.municipality if self.visit_id else self.adoption.municipality


class ReminderKind(models.TextChoices):
    FOLLOW_UP = "follow_up", _("Follow-up")
    STALLED_ADOPTION = "stalled_adoption", _("Stalled adoption")


class ReminderLog(models.Model):
    """One reminder about one item on one day; the unique constraints make the reminder command idempotent."""

    kind = models.CharField(max_length=20, choices=ReminderKind.choices, verbose_name=_("kind"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("recipient")
    )
    follow_up = models.ForeignKey(
        FollowUp,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("follow-up"),
    )
    adoption = models.ForeignKey(
        Adoption,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("adoption"),
    )
    date = models.DateField(verbose_name=_("date"))
    sent_at = models.DateTimeField(default=timezone.now, verbose_name=_("sent at"))

    class Meta:
        verbose_name = _("reminder log entry")
        verbose_name_plural = _("reminder log")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind=ReminderKind.FOLLOW_UP, follow_up__isnull=False, adoption__isnull=True)
                    | Q(kind=ReminderKind.STALLED_ADOPTION, follow_up__isnull=True, adoption__isnull=False)
                ),
                name="reminder_log_one_item",
            ),
            models.UniqueConstraint(
                fields=["follow_up", "date"],
                condition=Q(follow_up__isnull=False),
                name="reminder_log_follow_up_once_a_day",
            ),
            models.UniqueConstraint(
                fields=["adoption", "recipient", "date"],
                condition=Q(adoption__isnull=False),
                name="reminder_log_adoption_once_a_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeedToken(models.Model):
    """The secret in a mentor's private ICS feed URL; regenerate to revoke the old URL."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed_token",
        verbose_name=_("user"),
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token, verbose_name=_("token"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")

    def __str__(self) -> str:
        return str(self.user)


class EventRegistration(models.Model):
    """A person registered for a training, sharing session or field visit (a practices.EventPage).

    Personal data (KVKK): shown in the mentors' admin only, never on public pages; anonymised
    CONTACT_RETENTION_DAYS after the event ends (mentorship.privacy). The organisation stays, so the impact
    page can count the municipalities trained.
    """

    event = models.ForeignKey(
        "practices.EventPage", on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    name = models.CharField(max_length=150, verbose_name=_("name"))
    organisation = models.CharField(max_length=200, verbose_name=_("municipality or organisation"))
    role = models.CharField(max_length=150, blank=True, verbose_name=_("role"))
    email = models.EmailField(verbose_name=_("e-mail"))
    phone = models.CharField(max_length=30, blank=True, verbose_name=_("phone"))
    consent_given_at = models.DateTimeField(verbose_name=_("consent given at"))
    consent_text_version = models.CharField(max_length=30, blank=True, verbose_name=_("consent text version"))
    language = models.CharField(max_length=10, blank=True, verbose_name=_("language"))
    attended = models.BooleanField(
        default=False, verbose_name=_("attended"), help_text=_("Tick after the event for those who came.")
    )
    reminder_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("reminder sent at")
    )
    anonymised_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("anonymised at")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, verbose_name=_("registered at"))

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One registration per address and event (erased ones no longer hold an address).
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(anonymised_at__isnull=True),
                name="event_registration_once_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None
