"""PracticeDigest: what a practice page shows that does not change between publishes, stored once.

One row per live practice, kept by practices.digest (publish, unpublish, delete, privacy changes) and by the
app that records adoptions (through the ``practices_adopters_block`` hook, see practices.digest); rebuilt by
``manage.py rebuild_practice_digests``. The page reads it with one query instead of ranking related
practices and counting adopters on every view, and emits its stored HTML fragment instead of loading and
rendering the case study's relations (practices.digest, "Rendered fragment").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeDigest(models.Model):
    page = models.OneToOneField(
        "practices.PracticePage",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="digest",
        verbose_name=_("practice"),
    )
    # The distinct Turkish stems of its searchable text (PracticePage.search_stems), space-separated:
    # the input of the text similarity, so other practices' rankings never reload this page.
    stems = models.TextField(blank=True, verbose_name=_("stems"))
    # [[page id, score], ...] best first: published, public practices only (practices.similarity).
    related = models.JSONField(default=list, blank=True, verbose_name=_("related practices"))
    # The adopters block as the adoptions app serialised it; null when no app provides one.
    adopters = models.JSONField(null=True, blank=True, verbose_name=_("adopters"))
    # The page's request-independent HTML (facts, sections, adopters, gallery, related cards), as rendered for
    # its first public view since the last change, plus what the live rest of the page needs from the same
    # rows: {"fingerprint", "language", "aside", "body", "related", "steps", "tags"}; {} until rendered. Used
    # only while "fingerprint" matches this build's templates (practices.digest.fragment_fingerprint).
    fragment = models.JSONField(default=dict, blank=True, verbose_name=_("rendered fragment"))
    computed_at = models.DateTimeField(auto_now=True, verbose_name=_("computed at"))

    class Meta:
        verbose_name = _("practice digest")
        verbose_name_plural = _("practice digests")

    def __str__(self) -> str:
        return f"digest of practice {self.page_id}"

    @property
    def related_ids(self) -> list[int]:
        return [int(pk) for pk, _score in self.related]
