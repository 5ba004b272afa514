"""Vocabularies that classify practices: themes, target groups (life stages), SDGs and fixed choices."""

from django.conf import settings
from django.db import models
from django.utils import translation
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


class EnglishNameMixin(models.Model):
    """A vocabulary row named in both languages: ``name`` (Turkish) and ``name_en``; one row and one slug per
    value, so filters stay one vocabulary whatever the address's language."""

    name_en = models.CharField(
        max_length=150,
        blank=True,
        verbose_name=_("English name"),
        help_text=_("Shown on English pages; empty: the Turkish name is shown."),
    )

    class Meta:
        abstract = True

    @property
    def display_name(self) -> str:
        """The name in the active language (the Turkish one when there is no translation)."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language.split("-")[0] == "en" and self.name_en:
            return self.name_en
        return self.name


class Theme(EnglishNameMixin, index.Indexed, models.Model):
    """A policy area such as health or culture and arts; snippet managed by editors."""

    name = models.CharField(max_length=100, unique=True, verbose_name=_("name"))
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=False, verbose_name=_("slug"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("sort order"))

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("name_en"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.display_name


class TargetGroup(EnglishNameMixin, index.Indexed, models.Model):
    """A group a practice serves, ordered by life stage from birth to old age."""

    name = models.CharField(max_length=100, unique=True, verbose_name=_("name"))
    slug = models.SlugField(max_length=100, unique=True, verbose_name=_("slug"))
    life_stage_order = models.PositiveSmallIntegerField(
        default=0,
        verbose_name=_("life stage order"),
        help_text=_("Lower numbers come first: infants before children before the elderly."),
    )

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("life_stage_order")]
    search_fields = [index.SearchField("name"), index.SearchField("name_en"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["life_stage_order", "name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self) -> str:
        return self.display_name


class SDG(EnglishNameMixin, models.Model):
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
        return f"{self.number}. {self.display_name}"
