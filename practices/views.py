"""Views behind the library's routable pages: listing, tag pages, the case study and its kit."""

from collections.abc import Sequence

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _

from taggit.models import Tag

from portal.errors import NotFoundForVisitors

from . import listing, selectors
from .forms import LibraryFilterForm

PAGE_SIZE = 12


def find_practices(*, filters: selectors.PracticeFilters, sort: str | None, page: object) -> Sequence:
    """The one place the library and tag pages get their results (from the listing provider, lazily:
    only the page asked for is loaded)."""
    return listing.LazyListing(filters=filters, sort=sort, page_size=PAGE_SIZE, page_hint=page)


def paginate(request, results: Sequence) -> tuple[Page | None, str | None]:
    """Return (page, message): a page "number" that is not a number shows the first page with a message;
    a number out of range (0, -1, past the end) gives None and says how many pages there are."""
    paginator = Paginator(results, PAGE_SIZE)
    raw = request.GET.get("page", "1")
    try:
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
):
    results = find_practices(filters=filters, sort=sort, page=request.GET.get("page", "1"))
    page, page_error = paginate(request, results)
    context |= {"page_obj": page, "page_error": page_error, "querystring": querystring_without_page(request)}
    response = index_page.render(request, template=template, context_overrides=context)
    # A page number out of range is a 404 (with a way back to page one) so crawlers do not index it.
    response.status_code = 404 if page is None else status
    return response


def library_view(request, *, index_page):
    form = LibraryFilterForm(request.GET or None)
    filters, sort, status = selectors.PracticeFilters(), None, 200
    if form.is_bound:
        if form.is_valid():
            filters = selectors.PracticeFilters.from_form_data(form.cleaned_data)
            sort = form.cleaned_data.get("sort")
        else:
            # The page still lists every practice under the message, with what was typed kept in the form.
            status = 400
    return render_listing(
        request,
        index_page=index_page,
        template=None,
        filters=filters,
        sort=sort,
        context={"form": form, "active_filters": form.has_active_filters},
        status=status,
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


def practice_view(request, *, practice):
    context = selectors.case_study_sections(practice) | selectors.case_study_media(practice)
    context["related_practices"] = selectors.related_practices(practice, tags=context["tags"])
    return practice.render(request, context_overrides=context)


def kit_view(request, *, practice):
    context = selectors.case_study_sections(practice)
    return practice.render(request, template="pages/practice_kit.html", context_overrides=context)
