"""Views behind the library's routable pages: listing, tag pages, the case study and its kit."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from taggit.models import Tag

from . import selectors
from .forms import LibraryFilterForm

PAGE_SIZE = 12


def paginate(request, queryset, *, per_page: int = PAGE_SIZE):
    """Return (page, error); an unknown page number is reported, never raised as a 500."""
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw), None
    except PageNotAnInteger:
        return paginator.page(1), _("“%(page)s” is not a page number; showing the first page.") % {"page": raw[:20]}
    except EmptyPage:
        return None, _("There is no page %(page)s; the list has %(count)d page(s).") % {
            "page": raw[:20],
            "count": paginator.num_pages,
        }


def querystring_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def library_view(request, *, index_page):
    form = LibraryFilterForm(request.GET or None)
    status = 200
    if form.is_bound and not form.is_valid():
        filters, sort = selectors.PracticeFilters(), None
        status = 400
    else:
        data = form.cleaned_data if form.is_bound else {}
        filters, sort = selectors.PracticeFilters.from_form_data(data), data.get("sort")
    queryset = selectors.with_listing_data(
        selectors.sort_practices(selectors.filter_practices(selectors.published_practices(), filters), sort)
    )
    page, page_error = paginate(request, queryset)
    if page is None:
        status = 404
    response = index_page.render(
        request,
        context_overrides={
            "form": form,
            "page_obj": page,
            "page_error": page_error,
            "querystring": querystring_without_page(request),
            "active_filters": form.is_bound and form.is_valid() and any(v for k, v in form.cleaned_data.items() if k != "sort"),
        },
    )
    response.status_code = status
    return response


def tag_view(request, *, index_page, tag_slug: str):
    tag = get_object_or_404(Tag, slug=tag_slug)
    queryset = selectors.with_listing_data(
        selectors.sort_practices(
            selectors.filter_practices(selectors.published_practices(), selectors.PracticeFilters(tags=(tag.slug,))),
            "title",
        )
    )
    page, page_error = paginate(request, queryset)
    if page is None:
        raise Http404(page_error)
    return index_page.render(
        request,
        template="pages/practice_tag_page.html",
        context_overrides={"tag": tag, "page_obj": page, "page_error": page_error, "querystring": ""},
    )


def practice_view(request, *, practice):
    context = selectors.case_study_sections(practice)
    context["related_practices"] = selectors.related_practices(practice)
    return practice.render(request, context_overrides=context)


def kit_view(request, *, practice):
    return practice.render(
        request, template="pages/practice_kit.html", context_overrides=selectors.case_study_sections(practice)
    )
