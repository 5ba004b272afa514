"""Synonym groups editors maintain in the admin; every search backend expands queries with them."""

import uuid

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

# The single-valued facet columns of SearchDocument: the facet engine reads them (search/backends/facets.py)
# and the covering index search_doc_facets includes them.
FACET_COLUMNS = (
    "theme_slug",
    "theme_name",
    "status",
    "evidence_level",
    "budget_band",
    "province",
    "start_year",
)


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


class SearchDocument(models.Model):
    """One live, public practice as the database backend searches, filters, sorts and counts it.

    Kept current by search.documents_store (signals on publish, unpublish, delete, move, privacy change,
    adoption counts and taxonomy renames); `manage.py rebuild_search_documents` recomputes them all. Text
    columns hold folded words between single spaces (" cocuk oyun evleri "), so a word is matched with
    LIKE '% word %' on any database; PostgreSQL matches `vector` (GIN index) instead.
    """

    page = models.OneToOneField(
        "practices.PracticePage",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_document",
        verbose_name=_("practice"),
    )
    translation_key = models.UUIDField(verbose_name=_("translation key"))
    language = models.CharField(max_length=8, verbose_name=_("language"))
    # The languages whose readers see this document: "|tr|" or "|tr|en|" (the Turkish original of a
    # practice with no English translation is shown to English readers too).
    serves = models.CharField(max_length=64, verbose_name=_("shown in languages"))
    title_folded = models.TextField(verbose_name=_("folded title and tags"))
    body_folded = models.TextField(verbose_name=_("folded body"))
    stems = models.TextField(verbose_name=_("stems"))
    # PostgreSQL only (NULL elsewhere): title A, body B, stems C, in the language's text search config.
    vector = SearchVectorField(null=True, verbose_name=_("text search vector"))

    title_sort = models.TextField(verbose_name=_("title sort key"))
    adoption_count = models.PositiveIntegerField(default=0, verbose_name=_("adoption count"))
    start_year = models.PositiveSmallIntegerField(null=True, verbose_name=_("start year"))
    first_published_at = models.DateTimeField(null=True, verbose_name=_("first published at"))

    theme_slug = models.CharField(max_length=255, blank=True, verbose_name=_("theme"))
    theme_name = models.CharField(max_length=255, blank=True, verbose_name=_("theme name"))
    status = models.CharField(max_length=20, verbose_name=_("status"))
    evidence_level = models.CharField(max_length=20, verbose_name=_("evidence level"))
    budget_band = models.CharField(max_length=20, verbose_name=_("budget band"))
    province = models.PositiveSmallIntegerField(verbose_name=_("province"))

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [
            models.Index(fields=["-first_published_at", "-page"], name="search_doc_newest"),
            models.Index(fields=["title_sort", "page"], name="search_doc_title"),
            models.Index(fields=["-adoption_count", "title_sort"], name="search_doc_adopted"),
            models.Index(fields=["-start_year", "title_sort"], name="search_doc_start_year"),
            models.Index(fields=["translation_key"], name="search_doc_translation"),
            # PostgreSQL: browsing counts every facet from this index alone (an index-only scan reads about a
            # tenth of the pages the rows fill); other databases ignore `include`.
            models.Index(
                fields=["serves"],
                include=["page", *FACET_COLUMNS],
                name="search_doc_facets",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.page_id} ({self.language})"


class SearchFacetValue(models.Model):
    """One value of a many-valued facet (target group, tag, SDG) of a search document, with its label."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="facet_values", verbose_name=_("document")
    )
    facet = models.CharField(max_length=16, verbose_name=_("facet"))
    key = models.CharField(max_length=255, verbose_name=_("value"), help_text=_("Its value in URLs."))
    name = models.CharField(max_length=255, verbose_name=_("label"))
    # The facet's own display order: a target group's life stage; unused (0) for tags and SDGs.
    position = models.IntegerField(default=0, verbose_name=_("position"))

    class Meta:
        verbose_name = _("search facet value")
        verbose_name_plural = _("search facet values")
        constraints = [
            models.UniqueConstraint(fields=["document", "facet", "key"], name="search_facet_value_unique")
        ]
        indexes = [models.Index(fields=["facet", "key", "document"], name="search_facet_lookup")]

    def __str__(self) -> str:
        return f"{self.facet}={self.key}"


class SearchDocumentsVersion(models.Model):
    """One row whose token changes, in the same transaction, with every write of search documents or
    synonyms: the key under which search results are kept between requests (search/result_cache.py)."""

    token = models.UUIDField(default=uuid.uuid4, verbose_name=_("token"))

    class Meta:
        verbose_name = _("search documents version")
        verbose_name_plural = _("search documents versions")

    def __str__(self) -> str:
        return str(self.token)
