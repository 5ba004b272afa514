"""The readiness self-check's vocabulary and the only thing it stores: anonymous monthly counts.

The questions and the scoring live in practices.readiness; these choices are here because a replication step
names the dimension it addresses (ReplicationStep.readiness_dimension) and the counts name a result band.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PopulationBand(models.TextChoices):
    """A municipality's size: asked by the self-check and recorded on a municipality by mentors."""

    UNDER_10K = "lt10k", _("under 10,000")
    FROM_10K = "10k-50k", _("10,000 - 50,000")
    FROM_50K = "50k-250k", _("50,000 - 250,000")
    FROM_250K = "250k-1m", _("250,000 - 1 million")
    OVER_1M = "gt1m", _("over 1 million")


class ReadinessDimension(models.TextChoices):
    POPULATION = "population", _("Population")
    BUDGET = "budget", _("Budget")
    STAFF = "staff", _("Staff")
    LEGAL = "legal", _("Legal basis")
    PARTNERS = "partners", _("Partners")
    BACKING = "backing", _("Political backing")


class ReadinessResultBand(models.TextChoices):
    READY = "ready", _("Ready to start")
    PARTLY = "partly", _("Partly ready (one or two gaps)")
    EARLY = "early", _("Early stage (three gaps or more)")


class ReadinessCheckCount(models.Model):
    """How many self-checks ended in one result band for one theme in one month: a demand signal for
    mentors. Deliberately nothing else: no answers, no practice, no address, no time of day."""

    theme = models.ForeignKey(
        "practices.Theme",
        # A deleted theme takes its counts with it: they mean nothing without it.
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("theme"),
    )
    band = models.CharField(max_length=10, choices=ReadinessResultBand.choices, verbose_name=_("result band"))
    month = models.DateField(verbose_name=_("month"), help_text=_("The first day of the month."))
    count = models.PositiveIntegerField(default=0, verbose_name=_("self-checks"))

    class Meta:
        verbose_name = _("readiness self-check count")
        verbose_name_plural = _("readiness self-check counts")
        ordering = ["-month", "theme", "band"]
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "band", "month"],
                name="readiness_count_one_row_per_cell",
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="readiness_count_month_first_day"),
            models.CheckConstraint(
                condition=Q(band__in=ReadinessResultBand.values), name="readiness_count_band_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.theme} {self.get_band_display()}: {self.count}"
