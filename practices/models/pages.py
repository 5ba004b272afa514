"""The library's page types: PracticeIndexPage (listing, tag pages) and PracticePage (the case study)."""

import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail_localize.fields import SynchronizedField

from portal.adapters import set_cached_parent
from portal.models import BasePage
from portal.provinces import PROVINCE_BY_PLATE, PROVINCE_CHOICES
from portal.text import fold, html_to_text, stems_of_text

from .api import SDGAPISerializer, TargetGroupAPISerializer, ThemeAPISerializer
from .readiness import ReadinessDimension
from .taxonomy import BudgetBand, EvidenceLevel, PracticeStatus

SECTION_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]
FIRST_START_YEAR = 1990


def current_year_plus_one() -> int:
    return datetime.date.today().year + 1


class PracticeIndexPage(RoutablePageMixin, BasePage):
    """The library at /uygulamalar/: filters, sorting, pagination and tag pages."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["practices.PracticePage"]
    max_count_per_parent = 1  # one per home page, so one per language (the English one is a translation)
    template = "pages/practice_index_page.html"

    class Meta:
        verbose_name = _("practice library")

    def route(self, request, path_components):
        if path_components:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                return self.route_to_practice(request, path_components)
        return super().route(request, path_components)

    def route_to_practice(self, request, path_components):
        """A practice and what its page shows first, in one query (Wagtail's generic routing takes two:
        the child as a plain Page, then its specific row, and the theme and the digest come later)."""
        # At most one (slugs are unique among siblings), unordered: first() adds an ORDER BY to compile.
        found = served_practices().child_of(self).filter(slug=path_components[0]).order_by()[:1]
        practice = next(iter(found), None)
        if practice is None:
            practice = self.untranslated_practice(request, path_components[0])
        if practice is None:
            return super().route(request, path_components)  # a child of another type, or a 404
        set_cached_parent(practice, self)
        return practice.route(request, path_components[1:])

    def untranslated_practice(self, request, slug: str):
        """In a translated library (/en/practices/), a practice of the original library that has no live
        translation here: shown in its own language under this library's address (the page marks its text
        with lang and a notice). One that has a translation is served as that translation. The events and
        publications lists do the same (practices.models.untranslated)."""
        from .untranslated import untranslated_child

        return untranslated_child(self, request, slug=slug, children=served_practices())

    @path("")
    def library(self, request):
        from practices.views import library_view

        return library_view(request, index_page=self)

    @path("etiket/<str:tag_slug>/", name="tag")
    def tag(self, request, tag_slug):
        from practices.views import tag_view

        return tag_view(request, index_page=self, tag_slug=tag_slug)

    def get_sitemap_urls(self, request=None):
        """The library and a page per tag carried by a published practice (one query for the tags)."""
        from practices.selectors import used_tags

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for slug in used_tags().values_list("slug", flat=True):
            urls.append({"location": base + iri_to_uri(self.reverse_subpage("tag", args=[slug]))})
        return urls


def served_practices():
    """Practices as their page is served: with the theme, the hero image and the stored digest (its stems,
    the input of the similarity ranking, left out) read in the same query."""
    return PracticePage.objects.select_related("theme", "hero_image", "digest").defer("digest__stems")


class PracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("practice tag")
        verbose_name_plural = _("practice tags")


class PracticePage(RoutablePageMixin, BasePage):
    """A structured case study another municipality can replicate."""

    summary = models.CharField(max_length=300, verbose_name=_("summary"))
    hero_image = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    featured = models.BooleanField(default=False, verbose_name=_("featured on the home page"))

    theme = models.ForeignKey(
        "practices.Theme", on_delete=models.PROTECT, related_name="practices", verbose_name=_("theme")
    )
    target_groups = ParentalManyToManyField(
        "practices.TargetGroup", related_name="practices", verbose_name=_("target groups")
    )
    sdgs = ParentalManyToManyField(
        "practices.SDG", blank=True, related_name="practices", verbose_name=_("sustainable development goals")
    )
    tags = ClusterTaggableManager(through=PracticeTag, blank=True, verbose_name=_("tags"))

    implementing_unit = models.CharField(max_length=200, verbose_name=_("implementing unit"))
    start_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(FIRST_START_YEAR)], verbose_name=_("start year")
    )
    status = models.CharField(
        max_length=20,
        choices=PracticeStatus.choices,
        default=PracticeStatus.RUNNING,
        verbose_name=_("status"),
    )
    evidence_level = models.CharField(
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.IMPLEMENTED,
        verbose_name=_("evidence level"),
    )
    province = models.PositiveSmallIntegerField(
        choices=PROVINCE_CHOICES,
        default=33,
        validators=[MinValueValidator(1), MaxValueValidator(81)],
        verbose_name=_("province"),
    )
    location = models.CharField(
        max_length=200, blank=True, verbose_name=_("location"), help_text=_("District or neighbourhood.")
    )

    budget_band = models.CharField(max_length=20, choices=BudgetBand.choices, verbose_name=_("budget band"))
    funding_sources = models.CharField(max_length=300, blank=True, verbose_name=_("funding sources"))
    staff_needed = models.CharField(max_length=200, blank=True, verbose_name=_("staff needed"))
    time_to_launch = models.CharField(max_length=100, blank=True, verbose_name=_("time to launch"))
    legal_basis = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("legal basis"),
        help_text=_("For example: Municipal Law No. 5393, Article 14."),
    )
    beneficiaries = models.CharField(max_length=300, blank=True, verbose_name=_("beneficiaries"))
    beneficiaries_count = models.PositiveIntegerField(
        null=True, blank=True, verbose_name=_("number of beneficiaries")
    )
    last_reviewed = models.DateField(default=datetime.date.today, verbose_name=_("last reviewed"))

    problem = RichTextField(features=SECTION_FEATURES, verbose_name=_("problem"))
    approach = RichTextField(features=SECTION_FEATURES, verbose_name=_("approach"))
    results = RichTextField(features=SECTION_FEATURES, verbose_name=_("results"))
    lessons = RichTextField(features=SECTION_FEATURES, blank=True, verbose_name=_("lessons and risks"))

    adoption_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        verbose_name=_("adopting municipalities"),
        help_text=_("Kept up to date by the mentorship app; used to sort by most adopted."),
    )

    contact_unit = models.CharField(max_length=200, verbose_name=_("contact unit"))
    contact_email = models.EmailField(
        blank=True, verbose_name=_("unit e-mail"), help_text=_("A unit address, never a private person's.")
    )
    contact_phone = models.CharField(max_length=40, blank=True, verbose_name=_("unit phone"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("hero_image"), FieldPanel("featured")], heading=_("Overview")
        ),
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("implementing_unit"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("status"), FieldPanel("evidence_level")]),
                FieldRowPanel([FieldPanel("province"), FieldPanel("location")]),
                FieldRowPanel([FieldPanel("budget_band"), FieldPanel("funding_sources")]),
                FieldRowPanel([FieldPanel("staff_needed"), FieldPanel("time_to_launch")]),
                FieldPanel("legal_basis"),
                FieldRowPanel([FieldPanel("beneficiaries"), FieldPanel("beneficiaries_count")]),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Facts"),
        ),
        MultiFieldPanel(
            [FieldPanel("problem"), FieldPanel("approach"), FieldPanel("results"), FieldPanel("lessons")],
            heading=_("Case study"),
        ),
        InlinePanel("metrics", label=_("Metrics"), heading=_("Metrics")),
        InlinePanel("replication_steps", label=_("Replication steps"), heading=_("Replication steps")),
        InlinePanel("partners", label=_("Partners"), heading=_("Partners")),
        InlinePanel("documents", label=_("Documents"), heading=_("Documents")),
        InlinePanel("gallery_images", label=_("Gallery"), heading=_("Gallery")),
        MultiFieldPanel(
            [FieldPanel("contact_unit"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact unit"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("problem"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.SearchField("implementing_unit"),
        index.SearchField("search_body"),
        index.SearchField("search_stems"),
        index.AutocompleteField("title"),
        index.RelatedFields("tags", [index.SearchField("name", boost=3)]),
        index.RelatedFields("theme", [index.SearchField("name")]),
        # Folded copies (portal.text.fold) so "cocuk" finds "çocuk" whatever the database's locale.
        index.SearchField("search_folded_title", boost=4),
        index.SearchField("search_folded_body"),
        index.AutocompleteField("search_folded_title"),
        index.FilterField("theme"),
        index.FilterField("status"),
        index.FilterField("start_year"),
        index.FilterField("province"),
        index.FilterField("evidence_level"),
        index.FilterField("budget_band"),
        index.FilterField("adoption_count"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("theme", serializer=ThemeAPISerializer()),
        APIField("target_groups", serializer=TargetGroupAPISerializer(many=True)),
        APIField("sdgs", serializer=SDGAPISerializer(many=True)),
        APIField("tags"),
        APIField("implementing_unit"),
        APIField("start_year"),
        APIField("status"),
        APIField("evidence_level"),
        APIField("province"),
        APIField("location"),
        APIField("budget_band"),
        APIField("funding_sources"),
        APIField("staff_needed"),
        APIField("time_to_launch"),
        APIField("legal_basis"),
        APIField("beneficiaries"),
        APIField("beneficiaries_count"),
        APIField("last_reviewed"),
        APIField("problem"),
        APIField("approach"),
        APIField("results"),
        APIField("lessons"),
        APIField("metrics"),
        APIField("replication_steps"),
        APIField("partners"),
        APIField("contact_unit"),
    ]

    # wagtail-localize: what a translation takes from its original on every sync. Texts are translated,
    # the texts of the structured children too (metrics, steps, partners, documents and gallery are
    # TranslatableMixin: their rows are synchronised by translation_key and their labels, titles and
    # captions become segments); choices, numbers, the classification (one vocabulary, named in both
    # languages), images, documents' files and the unit's phone come from the original.
    override_translatable_fields = [
        SynchronizedField("contact_phone"),
        SynchronizedField("target_groups"),
        SynchronizedField("sdgs"),
        SynchronizedField("tagged_items"),
    ]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types: list[str] = []
    # A copy is a new practice: no municipality has adopted it yet (the count is the mentorship app's).
    exclude_fields_in_copy = ["adoption_count"]
    template = "pages/practice_page.html"

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    @property
    def province_name(self) -> str:
        province = PROVINCE_BY_PLATE.get(self.province)
        return province.name if province else ""

    @property
    def search_folded_title(self) -> str:
        """Title and tags, folded: indexed with a high boost so they outrank body-only matches."""
        return fold(" ".join([self.title, *(tag.name for tag in self.tags.all())]))

    def search_parts(self) -> list[str]:
        """Everything a person might search for besides title and tags, as plain text: summary, units,
        place, funding, legal basis, classification, the case-study sections, replication steps and their
        resources, partners, metric labels and the text of attached PDF and TXT documents."""
        parts = [
            self.summary,
            self.implementing_unit,
            self.contact_unit,
            self.location,
            self.province_name,
            self.beneficiaries,
            self.funding_sources,
            self.staff_needed,
            self.legal_basis,
        ]
        if self.theme_id:
            parts.append(self.theme.name)
        sections = (self.problem, self.approach, self.results, self.lessons)
        parts += [html_to_text(section) for section in sections]
        # Child rows from the page's cluster, so a revision being published is indexed as it will be seen.
        parts += [group.name for group in self.target_groups.all()]
        for step in self.replication_steps.all():
            parts += [step.title, step.description, step.resources, step.duration]
        parts += [f"{partner.name} {partner.role}" for partner in self.partners.all()]
        parts += [f"{metric.label} {metric.unit}" for metric in self.metrics.all()]
        parts += [f"{document.title} {document.text}" for document in self.documents.all()]
        return [part for part in parts if part]

    @property
    def search_body(self) -> str:
        """The searchable text beyond the sections Wagtail indexes field by field."""
        return " ".join(self.search_parts())

    @property
    def search_folded_body(self) -> str:
        """Everything searchable, folded for searches typed without Turkish letters."""
        return fold(self.search_body)

    @property
    def search_stems(self) -> str:
        """Turkish stems of every searchable word, so "engellilere" finds what "engelli" finds on every
        database (SQLite has no stemmer; PostgreSQL's would not stem folded words)."""
        text = " ".join([self.title, *(tag.name for tag in self.tags.all()), self.search_body])
        return " ".join(stems_of_text(text))

    @property
    def needs_review(self) -> bool:
        from django.conf import settings

        age = datetime.date.today() - self.last_reviewed
        return age.days > settings.PRACTICE_REVIEW_MAX_AGE_DAYS

    @path("")
    def detail(self, request):
        from practices.views import practice_view

        return practice_view(request, practice=self)

    @path("hazirlik/", name="readiness")
    def readiness(self, request):
        from practices.readiness_views import readiness_view

        return readiness_view(request, practice=self)

    @path("hazirlik/pdf/", name="readiness_pdf")
    def readiness_pdf(self, request):
        from practices.readiness_views import readiness_pdf_view

        return readiness_pdf_view(request, practice=self)

    @path("kit/", name="kit")
    def kit(self, request):
        from practices.kit_views import kit_view

        return kit_view(request, practice=self)

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.start_year and self.start_year > current_year_plus_one():
            raise ValidationError({"start_year": _("The start year cannot be in the future.")})


class PracticeChild(TranslatableMixin, Orderable):
    """A row of a practice's inline list (metrics, steps, partners, documents, gallery). Translatable
    (wagtail-localize): a translated practice has its own rows, paired with the original's by
    ``translation_key``, in the page's locale; their text is translated, the rest synchronised."""

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def get_default_locale(self) -> Locale:
        """The locale of the page in memory (one query per page at most, not one per row as Wagtail's
        default, which reads the parent page again for every new row)."""
        page = self._meta.get_field("page").get_cached_value(self, None)
        if page is not None and page.locale_id is not None:
            return page.locale
        return super().get_default_locale()


class PracticeMetric(PracticeChild):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="metrics")
    label = models.CharField(max_length=150, verbose_name=_("label"))
    value = models.DecimalField(max_digits=14, decimal_places=2, verbose_name=_("value"))
    unit = models.CharField(max_length=50, blank=True, verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(FIRST_START_YEAR)], verbose_name=_("year")
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("value"), FieldPanel("unit"), FieldPanel("year")])
    ]
    api_fields = [APIField("label"), APIField("value"), APIField("unit"), APIField("year")]

    class Meta(PracticeChild.Meta):
        verbose_name = _("metric")
        verbose_name_plural = _("metrics")

    def __str__(self) -> str:
        return f"{self.label}: {self.value} {self.unit}".strip()


class ReplicationStep(PracticeChild):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="replication_steps")
    title = models.CharField(max_length=200, verbose_name=_("title"))
    description = models.TextField(verbose_name=_("description"))
    resources = models.CharField(max_length=300, blank=True, verbose_name=_("resources"))
    duration = models.CharField(max_length=100, blank=True, verbose_name=_("duration"))
    readiness_dimension = models.CharField(
        max_length=20,
        choices=ReadinessDimension.choices,
        blank=True,
        verbose_name=_("readiness gap it addresses"),
        help_text=_("Shown in the readiness self-check to a municipality that lacks this."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("resources"), FieldPanel("duration"), FieldPanel("readiness_dimension")]),
    ]
    api_fields = [
        APIField("title"),
        APIField("description"),
        APIField("resources"),
        APIField("duration"),
        APIField("readiness_dimension"),
    ]

    class Meta(PracticeChild.Meta):
        verbose_name = _("replication step")
        verbose_name_plural = _("replication steps")

    def __str__(self) -> str:
        return self.title


class PracticePartner(PracticeChild):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(max_length=200, verbose_name=_("name"))
    role = models.CharField(max_length=200, blank=True, verbose_name=_("role"))
    url = models.URLField(blank=True, verbose_name=_("website"))

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("url")])]
    api_fields = [APIField("name"), APIField("role"), APIField("url")]

    class Meta(PracticeChild.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


class PracticeDocument(PracticeChild):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("title"),
        help_text=_("Leave empty to use the document's title."),
    )

    # The document's text for search, read when the document is linked or replaced (document_text.py).
    text = models.TextField(blank=True, editable=False, verbose_name=_("text"))
    text_document_id = models.PositiveIntegerField(null=True, editable=False)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(PracticeChild.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def save(self, *args, **kwargs):
        if self.document_id and self.text_document_id != self.document_id:
            from practices.document_text import extract_document_text

            self.text = extract_document_text(self.document)
            self.text_document_id = self.document_id
        super().save(*args, **kwargs)

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class PracticeGalleryImage(PracticeChild):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "portal.PortalImage", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    caption = models.CharField(max_length=250, blank=True, verbose_name=_("caption"))

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(PracticeChild.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")
