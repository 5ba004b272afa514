"""Shared base of the site: the image model, the abstract BasePage, the home page and site settings."""

from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .figures import headline_figures
from .sharing import page_share_metadata


class PortalImage(AbstractImage):
    """Wagtail image whose alt text (``description``) is mandatory: every image is described."""

    description = models.CharField(
        max_length=255,
        verbose_name=_("alt text"),
        help_text=_("Describe the image for people who cannot see it."),
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    @property
    def alt_text(self) -> str:
        return self.description


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["image", "filter_spec", "focal_point_key"], name="unique_rendition"
            )
        ]


class BasePage(Page):
    """Fields every public page has: an introduction used in listings and meta descriptions."""

    introduction = models.TextField(
        blank=True,
        max_length=500,
        verbose_name=_("introduction"),
        help_text=_("Shown under the title and used as the page description in search engines."),
    )

    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's: the restrictions of this page and its ancestors, an alias's taken from its source page.

        Wagtail reads the ancestors, then the restrictions: two queries on every page served. Here one query
        reads this page and its ancestors with whether each carries a restriction; a page with none (nearly
        all) needs nothing more. Where the line has an alias, Wagtail's own method decides.
        """
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        line = list(
            Page.objects.filter(path__in=paths)
            .annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
            .values_list("pk", "alias_of_id", "restricted")
        )
        if self.alias_of_id or any(alias_of for _pk, alias_of, _restricted in line):
            return super().get_view_restrictions()
        restricted = [pk for pk, _alias_of, is_restricted in line if is_restricted]
        if not restricted:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=restricted)


class HomePage(BasePage):
    """The site root: mission, featured practices, themes and headline figures."""

    mission_title = models.CharField(max_length=200, blank=True, verbose_name=_("mission title"))
    mission = RichTextField(
        blank=True, features=["bold", "italic", "link", "ol", "ul"], verbose_name=_("mission")
    )
    hero_image = models.ForeignKey(
        PortalImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("mission_title"), FieldPanel("mission"), FieldPanel("hero_image")],
            heading=_("Mission"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        """One home page per language, not one in all (``max_count = 1`` was broken by every translation):
        none can be added in the parent's language (the root's is the default, Turkish) once one exists; the
        English one is made by translating the Turkish one, which creates no page from the admin's form."""
        return super().can_create_at(parent) and not cls.objects.filter(locale_id=parent.locale_id).exists()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Computed from the data of every app that registers figures, never typed into the page.
        context["figures"] = headline_figures()
        context["share"] = page_share_metadata(page=self, request=request, description=self.introduction)
        return context


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Contact details of the office and the personal-data information notice (aydınlatma metni)."""

    office_name = models.CharField(
        max_length=200, default="Sosyal Politikalar Ofisi", verbose_name=_("office name")
    )
    address = models.TextField(blank=True, verbose_name=_("address"))
    email = models.EmailField(blank=True, verbose_name=_("e-mail"))
    phone = models.CharField(max_length=40, blank=True, verbose_name=_("phone"))
    privacy_notice = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h2", "h3"],
        verbose_name=_("privacy notice (aydınlatma metni)"),
        help_text=_(
            "The retention period is added below this text from the CONTACT_RETENTION_DAYS setting, the "
            "same value the retention job uses: do not state another period here."
        ),
    )
    privacy_notice_en = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h2", "h3"],
        verbose_name=_("privacy notice in English"),
        help_text=_("Shown on English pages; empty: the Turkish notice is shown, marked as Turkish."),
    )
    consent_text = models.TextField(
        blank=True,
        verbose_name=_("explicit consent text"),
        help_text=_("The sentence a visitor agrees to when ticking the consent box."),
    )
    consent_text_version = models.CharField(
        max_length=20, default="1", verbose_name=_("consent text version")
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("office_name"), FieldPanel("address"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("privacy_notice"),
                FieldPanel("privacy_notice_en"),
                FieldPanel("consent_text"),
                FieldPanel("consent_text_version"),
            ],
            heading=_("Personal data"),
        ),
    ]

    @property
    def localized_privacy_notice(self) -> tuple[str, str]:
        """(the notice in the active language, its language): the English one on English pages when
        written, else the Turkish one, which templates mark with lang="tr"."""
        if (translation.get_language() or "").startswith("en") and self.privacy_notice_en:
            return self.privacy_notice_en, "en"
        return self.privacy_notice, "tr"

    class Meta:
        verbose_name = _("portal settings")


class ScheduledRun(models.Model):
    """One period of one periodic task, claimed once: the unique row makes the scheduler safe to run twice."""

    job = models.CharField(max_length=200, verbose_name=_("job"))
    period_start = models.DateTimeField(verbose_name=_("period start"))
    enqueued_at = models.DateTimeField(auto_now_add=True, verbose_name=_("enqueued at"))
    task_result_id = models.CharField(max_length=64, blank=True, verbose_name=_("task result id"))

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        ordering = ["-period_start", "job"]
        constraints = [
            models.UniqueConstraint(fields=["job", "period_start"], name="scheduled_run_once_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.job} @ {self.period_start:%Y-%m-%d %H:%M}"
