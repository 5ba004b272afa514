"""Vocabularies that classify practices: themes, target groups (life stages), SDGs and fixed choices."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class PracticeStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    PILOT = "pilot", _("Pilot")


class EvidenceLevel(models.TextChoices):
    PILOT = "pilot", _("Piloted")
    IMPLEMENTED = "implemented", _("Implemented")
    EVALUATED = "evaluated", _("Evaluated")
    REPLICATED = "replicated", _("Replicated elsewhere")


class BudgetBand(models.TextChoices):
    LOW = "low", _("Under 1 million TL")
    MEDIUM = "medium", _("1–10 million TL")
    HIGH = "high", _("10–50 million TL")
    VERY_HIGH = "very_high", _("Over 50 million TL")


class Theme(index.Indexed, models.Model):
    """A policy area such as health or culture and arts; snippet managed by editors."""

    name = models.CharField(max_length=100, unique=True, verbose_name=_("name"))
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=False, verbose_name=_("slug"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("sort order"))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class TargetGroup(index.Indexed, models.Model):
    """A group a practice serves, ordered by life stage from birth to old age."""

    name = models.CharField(max_length=100, unique=True, verbose_name=_("name"))
    slug = models.SlugField(max_length=100, unique=True, verbose_name=_("slug"))
    life_stage_order = models.PositiveSmallIntegerField(
        default=0,
        verbose_name=_("life stage order"),
        help_text=_("Lower numbers come first: infants before children before the elderly."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("life_stage_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["life_stage_order", "name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self) -> str:
        return self.name


class SDG(models.Model):
    """One of the 17 UN Sustainable Development Goals; rows are created by a migration."""

    number = models.PositiveSmallIntegerField(unique=True, verbose_name=_("number"))
    name = models.CharField(max_length=150, verbose_name=_("name"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=17), name="sdg_number_1_to_17"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"
