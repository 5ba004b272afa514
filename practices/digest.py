"""Keeping PracticeDigest current: related practices ranked when a practice is published, adopters when
adoptions change, both read by the practice page in one query.

- A practice saved live (a publish, or a factory's save) gets its stems and related practices computed
  here, and every candidate it was compared with may take it into its own list (the score is symmetric).
- Unpublishing, deleting or restricting a practice removes its digest and recomputes the digests that listed
  it; the page filters the listed practices by live and public again when it reads them, so a stale entry is
  never shown.
- The adopters block comes from the app that records adoptions through the ``practices_adopters_block``
  Wagtail hook (practices never imports it): a function taking a list of practice ids and returning
  ``{practice id: JSON-able block}``. That app calls ``digest_refresh_adopters`` when adoptions change.
- ``manage.py rebuild_practice_digests`` recomputes every row; ``digest_differences`` compares the stored rows
  with a fresh computation (used by the test and by ``--check``).
- The rendered fragment (see "Rendered fragment" below): the page's request-independent HTML, rendered by
  the first public view after any change and stored; every change above marks it stale, and so do renames
  of themes, target groups, SDGs and tags and edits of images and documents (practices.signals).
"""

import functools
import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db.models import CharField, Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.template import Template as DjangoTemplate
from django.template.library import InclusionNode
from django.template.loader import get_template
from django.template.loader_tags import ExtendsNode, IncludeNode
from django.utils import translation

from wagtail import hooks
from wagtail.models import PageViewRestriction

from portal.templatetags.portal_languages import CACHE_ATTRIBUTE as ALTERNATES_ATTRIBUTE
from portal.templatetags.portal_languages import language_alternates

from . import similarity
from .models import PracticeDigest, PracticePage, PracticeTag
from .sharing import hero_share_image

ADOPTERS_HOOK = "practices_adopters_block"
STORED = 6  # kept per practice, so a listed practice that goes away leaves spares
SHOWN = 3  # shown on the page
POOL = 200  # candidates per practice: the ones sharing the most tags, and the newest of the same theme

Progress = Callable[[int, int], None]


def not_restricted() -> Q:
    """Pages outside every private section, decided by the database in the same query (Wagtail's
    PageQuerySet.public() first reads every restriction in a query of its own)."""
    # A restriction applies to its page and every page below it: its page's path begins the candidate's.
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"), output_field=CharField())
    )
    return ~Q(Exists(restricted))


def eligible() -> QuerySet[PracticePage]:
    """Practices that may be listed as related: published and public."""
    return PracticePage.objects.live().filter(not_restricted())


def reader_scope(locale_pk: int | None, translation_key) -> Q:
    """The practices a reader of a page in this locale may be offered (as selectors.practices_for_reader
    decides for the address's language), never the page's own original or translations."""
    from portal.languages import locale_id

    default_pk = locale_id(settings.LANGUAGE_CODE)
    if default_pk is None or locale_pk is None:
        return Q()
    if locale_pk == default_pk:
        return Q(locale_id=default_pk)
    translated = eligible().filter(locale_id=locale_pk).values("translation_key")
    readable = Q(locale_id=locale_pk) | (Q(locale_id=default_pk) & ~Q(translation_key__in=translated))
    return readable & ~Q(translation_key=translation_key)


def _in_scope(subject: similarity.Profile, other: similarity.Profile) -> bool:
    from portal.languages import locale_id

    default_pk = locale_id(settings.LANGUAGE_CODE)
    if subject.locale_id is None or default_pk is None:
        return True
    if subject.locale_id == default_pk:
        return other.locale_id == default_pk
    same_original = str(other.translation_key) == str(subject.translation_key)
    return other.locale_id == subject.locale_id or (other.locale_id == default_pk and not same_original)


# Profiles ------------------------------------------------------------------------------------------------


def _recency(value) -> float:
    return value.timestamp() if value else 0.0


def profile_of(practice: PracticePage) -> similarity.Profile:
    """From the page in memory (its cluster), so a revision being published is compared as it will be seen."""
    return similarity.Profile(
        page_id=practice.pk,
        theme_id=practice.theme_id,
        tag_ids=frozenset(tag.pk for tag in practice.tags.all() if tag.pk),
        group_ids=frozenset(group.pk for group in practice.target_groups.all() if group.pk),
        stems=frozenset(practice.search_stems.split()),
        recency=_recency(practice.first_published_at),
        locale_id=practice.locale_id,
        translation_key=str(practice.translation_key),
    )


def load_profiles(page_ids: Iterable[int], *, cache: dict | None = None) -> dict[int, similarity.Profile]:
    """Profiles of eligible practices from their stored digests (three queries for the ones not cached)."""
    cache = cache if cache is not None else {}
    wanted = [pk for pk in set(page_ids) if pk not in cache]
    if wanted:
        rows = list(
            eligible()
            .filter(pk__in=wanted)
            .values_list(
                "pk", "theme_id", "first_published_at", "digest__stems", "locale_id", "translation_key"
            )
        )
        found = [row[0] for row in rows]
        tags: dict[int, set[int]] = {pk: set() for pk in found}
        for page_id, tag_id in PracticeTag.objects.filter(content_object_id__in=found).values_list(
            "content_object_id", "tag_id"
        ):
            tags[page_id].add(tag_id)
        groups: dict[int, set[int]] = {pk: set() for pk in found}
        through = PracticePage.target_groups.through
        for page_id, group_id in through.objects.filter(practicepage_id__in=found).values_list(
            "practicepage_id", "targetgroup_id"
        ):
            groups[page_id].add(group_id)
        for pk, theme_id, published, stems, locale_pk, translation_key in rows:
            cache[pk] = similarity.Profile(
                page_id=pk,
                theme_id=theme_id,
                tag_ids=frozenset(tags[pk]),
                group_ids=frozenset(groups[pk]),
                stems=frozenset(stems.split()) if stems else frozenset(),
                recency=_recency(published),
                locale_id=locale_pk,
                translation_key=str(translation_key),
            )
    return {pk: cache[pk] for pk in page_ids if pk in cache}


def candidate_ids(subject: similarity.Profile) -> list[int]:
    """The pool: eligible practices its readers may be offered, sharing the most of its tags, then the
    newest of its theme (bounded)."""
    scope = reader_scope(subject.locale_id, subject.translation_key)
    sharing: list[int] = []
    if subject.tag_ids:
        sharing = list(
            PracticeTag.objects.filter(
                tag_id__in=subject.tag_ids, content_object__in=eligible().filter(scope)
            )
            .exclude(content_object_id=subject.page_id)
            .values("content_object_id")
            .annotate(shared=Count("tag_id"))
            .order_by("-shared", "-content_object_id")
            .values_list("content_object_id", flat=True)[:POOL]
        )
    same_theme: list[int] = []
    if subject.theme_id is not None:
        same_theme = list(
            eligible()
            .filter(scope, theme_id=subject.theme_id)
            .exclude(pk__in=[subject.page_id, *sharing])
            .order_by("-first_published_at", "-pk")
            .values_list("pk", flat=True)[:POOL]
        )
    return sharing + same_theme


def compute_related(
    subject: similarity.Profile, *, cache: dict | None = None, include: similarity.Profile | None = None
) -> tuple[list[list], list[similarity.Profile], similarity.Idf]:
    """The subject's ranked related practices, its pool and the pool's IDF. ``include``: a practice being
    saved, compared from memory (its tags reach the database only after the save's signal)."""
    pool_ids = [pk for pk in candidate_ids(subject) if include is None or pk != include.page_id]
    pool = list(load_profiles(pool_ids, cache=cache).values())
    if (
        include is not None
        and include.page_id != subject.page_id
        and _shares(subject, include)
        and _in_scope(subject, include)
    ):
        pool.append(include)
    idf = similarity.Idf.of([subject, *pool])
    return similarity.rank(subject, pool, limit=STORED, idf=idf), pool, idf


def _shares(a: similarity.Profile, b: similarity.Profile) -> bool:
    return bool(a.tag_ids & b.tag_ids) or (a.theme_id is not None and a.theme_id == b.theme_id)


# Adopters ------------------------------------------------------------------------------------------------


def adopters_blocks(page_ids: Sequence[int]) -> dict[int, dict | None]:
    """The adopters block of each practice from the hook's providers (None where no app provides one)."""
    blocks: dict[int, dict | None] = dict.fromkeys(page_ids)
    for provider in hooks.get_hooks(ADOPTERS_HOOK):
        blocks.update(provider(list(page_ids)))
    return blocks


def digest_refresh_adopters(*, page_ids: Iterable[int]) -> None:
    """Store the adopters block of these practices (called by the app that records adoptions)."""
    ids = sorted(set(page_ids))
    if not ids:
        return
    existing = set(PracticeDigest.objects.filter(page_id__in=ids).values_list("page_id", flat=True))
    for page_id, block in adopters_blocks(ids).items():
        if page_id in existing:
            PracticeDigest.objects.filter(page_id=page_id).update(adopters=block, fragment=stale_fragment())


# Upkeep --------------------------------------------------------------------------------------------------


PROPAGATE_MAX = 50  # lists recomputed when a practice is published; the rest wait for the rebuild command


def digest_refresh(practice: PracticePage, *, propagate: bool = True) -> PracticeDigest:
    """Recompute one live practice's digest from the page in memory; with ``propagate``, recompute the lists
    of the practices it was compared with that name it or would now take it (best first, bounded)."""
    subject = profile_of(practice)
    cache: dict[int, similarity.Profile] = {}
    related, pool, idf = compute_related(subject, cache=cache)
    digest = PracticeDigest(
        page_id=practice.pk,
        stems=" ".join(sorted(subject.stems)),
        related=related,
        adopters=adopters_blocks([practice.pk])[practice.pk],
        # Rendered by the next view: its tags and children reach the database only after this signal.
        fragment=stale_fragment(),
    )
    digest.save()
    if propagate:
        stored = PracticeDigest.objects.filter(page_id__in=[p.page_id for p in pool]).only(
            "page_id", "related"
        )
        by_id = {profile.page_id: profile for profile in pool}
        affected = []
        for other in stored:
            value = similarity.score(subject, by_id[other.page_id], idf)
            names_it = any(row[0] == subject.page_id for row in other.related)
            room = len(other.related) < STORED or value >= min(row[1] for row in other.related)
            if names_it or (room and value >= similarity.MIN_SCORE):
                affected.append((value, other.page_id))
        affected.sort(reverse=True)
        pool_ids = set(by_id)
        # Lists that named this practice while it is no longer in their pool are recomputed too; the pages
        # that show its card (title, summary, image may have changed) render their fragment again.
        naming = listing(subject.page_id)
        # Its translations' cards link to it or mark their language by whether it exists (practice_link).
        translations = set(
            PracticePage.objects.filter(translation_key=practice.translation_key).values_list("pk", flat=True)
        )
        # Its translations name it among their addresses in other languages (the stored alternates).
        others = translations - {practice.pk}
        fragments_clear(page_ids=set(naming) | others | set(naming_any(others)))
        stale = [pk for pk in naming if pk not in pool_ids]
        cache[subject.page_id] = subject
        _recompute([pk for _value, pk in affected[:PROPAGATE_MAX]] + stale, cache=cache, include=subject)
    return digest


def listing(page_id: int) -> list[int]:
    """Practices whose stored related list names ``page_id``."""
    return [
        digest.page_id
        for digest in PracticeDigest.objects.only("page_id", "related").exclude(page_id=page_id)
        if any(row[0] == page_id for row in digest.related)
    ]


def naming_any(page_ids: set[int]) -> list[int]:
    """Practices whose stored related list names any of ``page_ids`` (one pass over the lists)."""
    if not page_ids:
        return []
    return [
        digest.page_id
        for digest in PracticeDigest.objects.only("page_id", "related")
        if any(row[0] in page_ids for row in digest.related)
    ]


def _recompute(
    page_ids: Iterable[int], *, cache: dict | None = None, include: similarity.Profile | None = None
) -> None:
    cache = cache if cache is not None else {}
    profiles = load_profiles(page_ids, cache=cache)
    changed = []
    for digest in PracticeDigest.objects.filter(page_id__in=list(profiles)).only("page_id", "related"):
        related, _pool, _idf = compute_related(profiles[digest.page_id], cache=cache, include=include)
        if related != digest.related:
            digest.related = related
            digest.fragment = stale_fragment()
            changed.append(digest)
    PracticeDigest.objects.bulk_update(changed, ["related", "fragment"], batch_size=500)


def digest_remove(*, page_ids: Iterable[int]) -> None:
    """Practices that are no longer listed (unpublished, deleted, made private): drop their digests and
    recompute the lists that named them."""
    ids = set(page_ids)
    if not ids:
        return
    PracticeDigest.objects.filter(page_id__in=ids).delete()
    naming = {pk for page_id in ids for pk in listing(page_id)} - ids
    _recompute(naming)
    # Its translations' alternates and the cards of its translations mark whether it is live.
    keys = PracticePage.objects.filter(pk__in=ids).values("translation_key")
    translations = set(PracticePage.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
    fragments_clear(page_ids=(translations - ids) | set(naming_any(translations - ids)))


def digest_for_view(practice: PracticePage) -> PracticeDigest:
    """The stored digest of a served practice (read with the page by ``served_practices()``, else one query);
    computed and stored if missing (a practice created by a bulk insert, or before this table existed),
    without touching other practices' lists."""
    if PracticePage.digest.is_cached(practice):
        digest = getattr(practice, "digest", None)  # None: read with the page, and there is none
    else:
        digest = PracticeDigest.objects.filter(page_id=practice.pk).defer("stems").first()
    if digest is None:
        digest = digest_refresh(practice, propagate=False)
    return digest


# Rebuild and check -------------------------------------------------------------------------------------


def _stems_batches(page_ids: list[int], batch: int = 200):
    for start in range(0, len(page_ids), batch):
        pages = (
            PracticePage.objects.filter(pk__in=page_ids[start : start + batch])
            .select_related("theme")
            .prefetch_related(
                "tags", "target_groups", "replication_steps", "partners", "metrics", "documents"
            )
        )
        yield {page.pk: " ".join(sorted(set(page.search_stems.split()))) for page in pages}


def fresh_digests(*, progress: Progress | None = None) -> dict[int, PracticeDigest]:
    """Every eligible practice's digest computed from scratch (not saved)."""
    page_ids = list(eligible().order_by("pk").values_list("pk", flat=True))
    total = len(page_ids) * 2
    stems: dict[int, str] = {}
    for batch in _stems_batches(page_ids):
        stems |= batch
        if progress:
            progress(len(stems), total)
    # The profiles from the fresh stems, not from the stored rows.
    cache: dict[int, similarity.Profile] = {}
    load_profiles(page_ids, cache=cache)
    for pk in page_ids:
        profile = cache[pk]
        cache[pk] = similarity.Profile(
            page_id=pk,
            theme_id=profile.theme_id,
            tag_ids=profile.tag_ids,
            group_ids=profile.group_ids,
            stems=frozenset(stems[pk].split()),
            recency=profile.recency,
        )
    blocks = adopters_blocks(page_ids)
    digests = {}
    marker = stale_fragment()
    for done, pk in enumerate(page_ids, start=1):
        related, _pool, _idf = compute_related(cache[pk], cache=cache)
        digests[pk] = PracticeDigest(
            page_id=pk, stems=stems[pk], related=related, adopters=blocks[pk], fragment=marker
        )
        if progress and (done % 50 == 0 or done == len(page_ids)):
            progress(len(page_ids) + done, total)
    return digests


def digest_rebuild(*, progress: Progress | None = None) -> int:
    """Recompute and store every digest; drop the digests of practices no longer eligible. Every rendered
    fragment is marked stale (each page renders it again on its next view), so the nightly rebuild also
    catches a change no signal reported."""
    digests = fresh_digests(progress=progress)
    PracticeDigest.objects.exclude(page_id__in=list(digests)).delete()
    existing = set(PracticeDigest.objects.values_list("page_id", flat=True))
    PracticeDigest.objects.bulk_create([d for pk, d in digests.items() if pk not in existing], batch_size=500)
    PracticeDigest.objects.bulk_update(
        [d for pk, d in digests.items() if pk in existing],
        ["stems", "related", "adopters", "fragment"],
        batch_size=500,
    )
    return len(digests)


def digest_differences(*, related: bool = True) -> list[str]:
    """Where the stored digests differ from a fresh computation (empty when they agree)."""
    fresh = fresh_digests()
    stored = {d.page_id: d for d in PracticeDigest.objects.all()}
    problems = [f"practice {pk}: no digest" for pk in fresh if pk not in stored]
    problems += [
        f"practice {pk}: digest of a practice that is not listed" for pk in stored if pk not in fresh
    ]
    for pk, digest in fresh.items():
        row = stored.get(pk)
        if row is None:
            continue
        if row.stems != digest.stems:
            problems.append(f"practice {pk}: stems differ")
        if row.adopters != digest.adopters:
            problems.append(f"practice {pk}: adopters {row.adopters!r} != {digest.adopters!r}")
        if related and row.related != digest.related:
            problems.append(f"practice {pk}: related {row.related!r} != {digest.related!r}")
    return problems


# Rendered fragment ---------------------------------------------------------------------------------------
#
# The case study's request-independent parts (facts and tags, sections, adopters, gallery, the publications
# citing it, related cards)
# as HTML, rendered from these partials by the page's first public view after a change and stored in the
# digest with the rows the rest of the page needs (steps and tags for the share metadata). A view emits it
# instead of loading the relations (two queries) and rendering them, while:
# - its "fingerprint" is this build's (the partials' sources, everything they include, the media URL): a
#   deploy that changes a template renders every page live once, then stores the new HTML;
# - its "language" is the address's and the page is in that language (a practice shown untranslated under
#   /en/ renders live);
# - the request is not a preview (a preview renders the draft live and never stores).
# It also keeps the page's addresses in the other languages (the header's switch and the hreflang links),
# which a translation's publish or unpublish marks stale.
# Every change that can alter it replaces it with a stale marker (a fresh value each time, so a view that
# rendered from rows read before the change cannot store over the marker: see fragment_store).

FRAGMENT_FORMAT = 4
FRAGMENT_PARTS = {
    "hero": "components/_practice_hero.html",
    "aside": "components/_practice_aside.html",
    "body": "components/_practice_body.html",
    "publications": "components/_practice_publications.html",
    "related": "components/_practice_related.html",
}


def stale_fragment() -> dict[str, int]:
    return {"stale": time.time_ns()}


def fragments_clear(*, page_ids: Iterable[int] | None = None) -> int:
    """Mark the fragments of these practices (all when None) stale: their next view renders them again."""
    rows = PracticeDigest.objects.all()
    if page_ids is not None:
        ids = list(set(page_ids))
        if not ids:
            return 0
        rows = rows.filter(page_id__in=ids)
    return rows.update(fragment=stale_fragment())


def _template_names(template: DjangoTemplate, seen: set[str]) -> None:
    """The templates a template includes (constant names), extends or renders through inclusion tags."""
    for node in template.nodelist.get_nodes_by_type((IncludeNode, InclusionNode, ExtendsNode)):
        if isinstance(node, InclusionNode):
            names = [node.filename] if isinstance(node.filename, str) else []
        else:
            expression = node.template if isinstance(node, IncludeNode) else node.parent_name
            names = [expression.var] if isinstance(getattr(expression, "var", None), str) else []
        for name in names:
            if name not in seen:
                seen.add(name)
                _template_names(get_template(name).template, seen)


@functools.cache
def fragment_fingerprint() -> str:
    """This build's fingerprint of the stored HTML: the sources of the fragment's partials and of everything
    they include, the media URL and the format (once per process)."""
    names = set(FRAGMENT_PARTS.values())
    for name in list(names):
        _template_names(get_template(name).template, names)
    digest = hashlib.sha256(f"{FRAGMENT_FORMAT}|{settings.MEDIA_URL}".encode())
    for name in sorted(names):
        digest.update(name.encode() + b"\0" + get_template(name).template.source.encode() + b"\0")
    return digest.hexdigest()[:20]


def fragment_current(fragment: dict | None, *, language: str) -> bool:
    """Whether a stored fragment may be emitted for a page shown in ``language`` by this build."""
    return (
        bool(fragment)
        and fragment.get("fingerprint") == fragment_fingerprint()
        and (fragment.get("language") == language)
    )


def fragment_render(context: dict[str, Any], *, request, language: str) -> dict[str, Any]:
    """The fragment from a page's live context (practices.selectors.practice_page_context plus "page",
    "adopters_block" and "citing_publications"): each part rendered as the page's live includes render it,
    plus the share rows."""
    values = {**context, "request": request}
    fragment: dict[str, Any] = {"fingerprint": fragment_fingerprint(), "language": language}
    for part, name in FRAGMENT_PARTS.items():
        fragment[part] = get_template(name).render(values)
    fragment["steps"] = [
        {"title": s.title, "description": s.description, "resources": s.resources, "duration": s.duration}
        for s in context["steps"]
    ]
    fragment["tags"] = [{"name": tag.name, "slug": tag.slug} for tag in context["tags"]]
    fragment["untranslated"] = list(context.get("untranslated", []))
    fragment["share_image"] = hero_share_image(context.get("hero_image"))
    # The page's address in every language (header switch, hreflang links), for a request without a query:
    # the portal's tag computes it now (one query) and keeps it on the request for this page's template.
    if not request.META.get("QUERY_STRING"):
        fragment["path"] = request.path
        fragment["alternates"] = language_alternates({"request": request, "page": context["page"]})
    return fragment


def fragment_alternates(request, fragment: dict[str, Any]) -> None:
    """Hand the stored alternates to the portal's tag (no query) when the request is the one they were
    computed for: the same address without a query string."""
    if fragment.get("path") == request.path and not request.META.get("QUERY_STRING"):
        setattr(request, ALTERNATES_ATTRIBUTE, fragment["alternates"])


def live_context(practice: PracticePage, stored: PracticeDigest) -> dict[str, Any]:
    """What the page shows besides its own fields, loaded now from the digest's rows (three queries): the
    context its live includes render and its fragment is rendered from."""
    from .outreach_selectors import publications_citing
    from .selectors import practice_page_context

    context = practice_page_context(practice, related=stored.related_ids, limit=SHOWN)
    context["adopters_block"] = stored.adopters
    # Policy notes and field studies that cover this practice (one query).
    context["citing_publications"] = publications_citing(practice)
    context["untranslated"] = untranslated_fields(practice)
    mark_rows_left_untranslated(practice, context)
    context["source_language"] = settings.LANGUAGE_CODE
    return context


# A translation's text fields the page shows: where one still holds the original's text (a segment left
# untranslated), the page marks it with the original's language (issue 15).
TRANSLATED_TEXT_FIELDS = (
    "title",
    "summary",
    "problem",
    "approach",
    "results",
    "lessons",
    "implementing_unit",
    "location",
    "funding_sources",
    "staff_needed",
    "time_to_launch",
    "legal_basis",
    "beneficiaries",
    "contact_unit",
)


def untranslated_fields(practice: PracticePage) -> list[str]:
    """The text fields of a translation equal to its original's (one query; none for an original)."""
    from .models.untranslated import fields_left_untranslated

    return fields_left_untranslated(practice, TRANSLATED_TEXT_FIELDS)


# The texts of each kind of case-study row the page shows.
ROW_TEXT_FIELDS = {
    "metrics": ("label",),
    "steps": ("title", "description", "resources", "duration"),
    "partners": ("name", "role"),
    "documents": ("title",),
    "gallery": ("caption",),
}


def mark_rows_left_untranslated(practice: PracticePage, context: dict[str, Any]) -> None:
    """On a translation, give each case-study row ``text_languages``: its text fields still equal to the
    original row's (paired by translation key), mapped to the original's language, which the lang_attribute
    filter marks. One query per kind of row shown, on a translation's live render only."""
    from portal.languages import locale_id

    default_pk = locale_id(settings.LANGUAGE_CODE)
    if default_pk is None or practice.locale_id == default_pk:
        return
    for name, fields in ROW_TEXT_FIELDS.items():
        rows = context.get(name) or []
        if not rows:
            continue
        both = [default_pk, practice.locale_id]
        found = (
            type(rows[0])
            .objects.filter(page__translation_key=practice.translation_key, page__locale_id__in=both)
            .values("pk", "translation_key", "page__locale_id", *fields)
        )
        key_of = {row["pk"]: row["translation_key"] for row in found if row["page__locale_id"] != default_pk}
        originals = {row["translation_key"]: row for row in found if row["page__locale_id"] == default_pk}
        for row in rows:
            original = originals.get(key_of.get(row.pk))
            row.text_languages = {
                field: settings.LANGUAGE_CODE
                for field in fields
                if original
                and str(getattr(row, field) or "").strip()
                and getattr(row, field) == original[field]
            }


def fragment_differences(*, request_for: Callable[[str], Any]) -> list[str]:
    """Current stored fragments (and cards, practices.cards) that differ from a fresh render for a request of
    the address they were stored for (``request_for(path)``, e.g. a RequestFactory's get); empty when they
    agree. Those of another build or marked stale are not emitted, so not compared."""
    from .cards import card_differences

    problems = []
    for row in PracticeDigest.objects.all():
        problems += card_differences(row, request_for=request_for)
        language = row.fragment.get("language") or ""
        if not fragment_current(row.fragment, language=language):
            continue
        practice = PracticePage.objects.select_related("theme", "hero_image").get(pk=row.page_id)
        request = request_for(row.fragment.get("path") or practice.url)
        with translation.override(language):
            fresh = fragment_render(
                live_context(practice, row) | {"page": practice}, request=request, language=language
            )
        for key in sorted((set(fresh) | set(row.fragment)) - {"card"}):
            if fresh.get(key) != row.fragment.get(key):
                problems.append(f"practice {row.page_id}: fragment {key!r} differs from a fresh render")
    return problems


def fragment_store(digest: PracticeDigest, fragment: dict[str, Any]) -> bool:
    """Store a fragment rendered from ``digest`` as read, unless the row changed since (one UPDATE). The
    practice's stored card (practices.cards) stays: nothing it shows changed while the row did not."""
    rows = PracticeDigest.objects.filter(page_id=digest.page_id, fragment=digest.fragment)
    if "card" in digest.fragment:
        fragment = {**fragment, "card": digest.fragment["card"]}
    return bool(rows.update(fragment=fragment))
