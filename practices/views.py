"""Views behind the library's routable pages: listing, tag pages and the case study (the kit: kit_views)."""

from collections.abc import Sequence

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _

from taggit.models import Tag

from portal.errors import NotFoundForVisitors
from portal.languages import active_language, language_of_locale
from portal.office import office_details

from . import cards, digest, listing, selectors
from .filter_panel import build_filter_panel, render_groups, with_rendered_groups
from .filters import MAX_PAGE
from .forms import LibraryFilterForm, database_vocabularies
from .outreach_selectors import publications_citing
from .sharing import hero_share_image, practice_share_metadata

PAGE_SIZE = 12


def find_practices(
    *,
    filters: selectors.PracticeFilters,
    sort: str | None,
    page: object,
    with_facets: bool = False,
    version: str | None = None,
) -> listing.LazyListing:
    """The one place the library and tag pages get their results (from the listing provider, lazily:
    only the page asked for is loaded)."""
    return listing.LazyListing(
        filters=filters,
        sort=sort,
        page_size=PAGE_SIZE,
        page_hint=page,
        with_facets=with_facets,
        version=version,
    )


def paginate(request, results: Sequence) -> tuple[Page | None, str | None]:
    """Return (page, message): a page "number" that is not a number shows the first page with a message;
    a number out of range (0, -1, past the end) gives None and says how many pages there are."""
    paginator = Paginator(results, PAGE_SIZE)
    raw = request.GET.get("page", "1")
    try:
        if raw.isdigit() and (len(raw) > len(str(MAX_PAGE)) or int(raw) > MAX_PAGE):
            raise EmptyPage(raw)
        return paginator.page(raw), None
    except PageNotAnInteger:
        return paginator.page(1), _("“%(page)s” is not a page number; showing the first page.") % {
            "page": raw[:20]
        }
    except EmptyPage:
        return None, _("There is no page %(page)s; the list has %(count)d page(s).") % {
            "page": raw[:20],
            "count": paginator.num_pages,
        }


def querystring_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def render_listing(
    request,
    *,
    index_page,
    template: str | None,
    filters: selectors.PracticeFilters,
    sort: str | None,
    context: dict,
    status: int = 200,
    form: LibraryFilterForm | None = None,
    version: str | None = None,
):
    results = find_practices(
        filters=filters,
        sort=sort,
        page=request.GET.get("page", "1"),
        with_facets=form is not None,
        version=version,
    )
    page, page_error = paginate(request, results)
    context |= {
        "page_obj": page,
        "page_error": page_error,
        "querystring": querystring_without_page(request),
        # Each card is kept with its practice's stored fragment: a page of cards is one query when warm.
        "cards": cards.listing_cards(request, page.object_list) if page is not None else [],
    }
    if form is not None:
        panel = build_filter_panel(form, results.facets, request.GET)
        # About 200 options: rendered once per kept search result, not on every view.
        groups = listing.keep("filter-groups", results.facets_version, filters, lambda: render_groups(panel))
        context["panel"] = with_rendered_groups(panel, groups)
    response = index_page.render(request, template=template, context_overrides=context)
    # A page number out of range is a 404 (with a way back to page one) so crawlers do not index it.
    response.status_code = 404 if page is None else status
    return response


def library_view(request, *, index_page):
    # One read of the search documents' token for the whole view: the filters' vocabulary (four queries
    # otherwise), the search result and the filter panel are kept under it, so a publish, an unpublish or a
    # renamed theme reaches the next view.
    version = listing.listing_version()
    vocabularies = listing.keep("vocabulary", version, "", database_vocabularies)
    form = LibraryFilterForm(request.GET or None, vocabularies=vocabularies)
    # An invalid form lists every practice under the message, with what was typed kept in the form.
    status = 400 if form.is_bound and not form.is_valid() else 200
    sort = form.cleaned_data.get("sort") if status == 200 and form.is_bound else None
    return render_listing(
        request,
        index_page=index_page,
        template=None,
        filters=form.filters,
        sort=sort,
        context={"form": form, "active_filters": form.has_active_filters},
        status=status,
        form=form,
        version=version,
    )


def tag_view(request, *, index_page, tag_slug: str):
    tag = Tag.objects.filter(slug=tag_slug).first() if "\x00" not in tag_slug else None
    if tag is None:
        raise NotFoundForVisitors(_("There is no tag “%(tag)s”.") % {"tag": tag_slug[:50]})
    return render_listing(
        request,
        index_page=index_page,
        template="pages/practice_tag_page.html",
        filters=selectors.PracticeFilters(tags=(tag.slug,)),
        sort="title",
        context={"tag": tag},
    )


def practice_language_context(request, practice) -> dict:
    """Where the practice is served and, when its text is not in the address's language (a practice with no
    translation, shown under /en/), that text's language, which the page marks with lang and a notice."""
    language = language_of_locale(practice.locale_id) or ""
    return {
        "practice_url": getattr(practice, "served_url", None) or practice.get_url(request),
        "content_language": language if language and language != active_language() else "",
    }


def practice_view(request, *, practice):
    if getattr(request, "is_preview", False):
        # A preview shows the revision in memory (its unsaved children and tags): computed now, never stored.
        context = selectors.case_study_sections(practice) | selectors.case_study_media(practice)
        context["related_practices"] = selectors.related_practices(practice, tags=context["tags"])
        context["adopters_block"] = None
        context["citing_publications"] = publications_citing(practice)
    else:
        # What changes only on publish or adoption comes from the digest (one query): its stored HTML when
        # current, else the relations are loaded (three queries) and the HTML rendered and stored.
        stored = digest.digest_for_view(practice)
        language = active_language()
        own_language = language_of_locale(practice.locale_id) == language
        if own_language and digest.fragment_current(stored.fragment, language=language):
            context = selectors.practice_page_shell(practice, fragment=stored.fragment)
            digest.fragment_alternates(request, stored.fragment)
        else:
            context = digest.live_context(practice, stored)
            if own_language:
                values = context | {"page": practice}
                context["fragment"] = digest.fragment_render(values, request=request, language=language)
                digest.fragment_store(stored, context["fragment"])
    context |= practice_language_context(request, practice)
    # The footer reads the same details, kept per process (portal.office): no query on a warm process.
    office_name = office_details(request)["name"]
    context["share"] = practice_share_metadata(
        practice=practice,
        image=context["share_image"] if "share_image" in context else hero_share_image(context["hero_image"]),
        request=request,
        steps=context["steps"],
        tags=context["tags"],
        office_name=office_name,
    )
    return practice.render(request, context_overrides=context)
