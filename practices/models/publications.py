"""Policy notes, field studies and reports: PublicationIndexPage (/yayinlar/, filterable by kind and theme)
and PublicationPage (summary, findings, recommendations, documents, the practices and themes it covers)."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from portal.models import BasePage

from .untranslated import ServesUntranslatedChildren, served_language_context

PUBLICATION_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]
KIND_PARAMETER = "kind"
THEME_PARAMETER = "theme"


class PublicationKind(models.TextChoices):
    POLICY_NOTE = "policy_note", _("Policy note")
    FIELD_STUDY = "field_study", _("Field study")
    REPORT = "report", _("Report")


class PublicationIndexPage(ServesUntranslatedChildren, BasePage):
    """The publications list, newest first, filtered by ?kind= and ?theme= (a theme's slug). One per home
    page, so one per language; it lists the publications of its language and the Turkish ones with no
    translation in it, which it also serves below itself (/en/publications/<slug>/,
    practices.models.untranslated)."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["practices.PublicationPage"]
    max_count_per_parent = 1
    template = "pages/publication_index_page.html"

    class Meta:
        verbose_name = _("publications list")

    @property
    def untranslated_child_model(self):
        return PublicationPage

    def get_context(self, request, *args, **kwargs):
        from practices.outreach_selectors import publication_filter_options, publications_listed

        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get(KIND_PARAMETER, "")
        kind = kind if kind in PublicationKind.values else ""
        theme = request.GET.get(THEME_PARAMETER, "")[:100]
        context["publications"] = publications_listed(
            kind=kind, theme_slug=theme, reader_locale=self.locale_id
        )
        context["filters"] = publication_filter_options(reader_locale=self.locale_id)
        context["chosen_kind"] = kind
        context["chosen_theme"] = theme
        return context


class PublicationPage(BasePage):
    """A policy note, field study or report: what was found and what the office recommends."""

    # Text the page shows, marked with its language where a translation left it untranslated.
    shown_text_fields = ("title", "summary", "authors", "findings", "recommendations")

    kind = models.CharField(
        max_length=20,
        choices=PublicationKind.choices,
        default=PublicationKind.POLICY_NOTE,
        verbose_name=_("kind"),
    )
    publication_date = models.DateField(default=datetime.date.today, verbose_name=_("publication date"))
    authors = models.CharField(
        max_length=250, blank=True, verbose_name=_("authors"), help_text=_("A unit or team, as printed.")
    )
    summary = models.CharField(max_length=300, verbose_name=_("summary"))
    findings = RichTextField(features=PUBLICATION_FEATURES, verbose_name=_("findings"))
    recommendations = RichTextField(
        features=PUBLICATION_FEATURES, blank=True, verbose_name=_("recommendations")
    )
    practices = ParentalManyToManyField(
        "practices.PracticePage", blank=True, related_name="publications", verbose_name=_("practices")
    )
    themes = ParentalManyToManyField(
        "practices.Theme", blank=True, related_name="publications", verbose_name=_("themes")
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("publication_date"),
                FieldPanel("authors"),
                FieldPanel("summary"),
            ],
            heading=_("Publication"),
        ),
        FieldPanel("findings"),
        FieldPanel("recommendations"),
        InlinePanel("documents", label=_("Documents"), heading=_("Documents")),
        MultiFieldPanel(
            [FieldPanel("practices"), FieldPanel("themes", widget=forms.CheckboxSelectMultiple)],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("findings"),
        index.SearchField("recommendations"),
        index.SearchField("authors"),
        index.AutocompleteField("title"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("publication_date"),
        APIField("authors"),
        APIField("summary"),
        APIField("findings"),
        APIField("recommendations"),
    ]

    parent_page_types = ["practices.PublicationIndexPage"]
    subpage_types: list[str] = []
    template = "pages/publication_page.html"

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def get_context(self, request, *args, **kwargs):
        from practices.outreach_selectors import publication_links

        context = super().get_context(request, *args, **kwargs)
        context.update(publication_links(self))
        context.update(served_language_context(request, self, text_fields=self.shown_text_fields))
        return context


class PublicationDocument(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("title"),
        help_text=_("Leave empty to use the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("publication document")
        verbose_name_plural = _("publication documents")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
