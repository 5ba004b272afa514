"""Synonym groups editors maintain in the admin; every search backend expands queries with them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class SynonymGroup(models.Model):
    """Words or phrases that mean the same to a searcher: typing any one finds practices using any other.

    English words for themes and target groups sit in the same groups as their Turkish terms, so English
    queries find the (mostly Turkish) practices.
    """

    terms = models.TextField(
        verbose_name=_("terms"),
        help_text=_(
            "Words or phrases that mean the same, separated by commas, "
            "e.g. engelli, özel gereksinimli, disabled."
        ),
    )
    note = models.CharField(max_length=200, blank=True, verbose_name=_("note"))

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")

    def __str__(self) -> str:
        return self.terms[:100]

    @property
    def term_list(self) -> list[str]:
        return [term for term in (" ".join(part.split()) for part in self.terms.split(",")) if term]
