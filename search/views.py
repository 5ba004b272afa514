"""The search page at /ara/: thin view over search.service, never a 500 for any query string."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from practices import selectors
from practices.event_search import events_matching
from practices.filter_panel import build_filter_panel
from practices.outreach_selectors import publications_matching

from .forms import SearchForm
from .service import search
from .types import SearchQuery


def querystring(request, **changes) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@never_cache
@require_GET
def search_view(request):
    form = SearchForm(request.GET or None)
    status, query = 200, SearchQuery()
    if form.is_bound:
        if form.is_valid():
            query = form.to_query()
        else:
            # Keep what was typed; search the valid text alone while the form shows what was wrong.
            status = 400
            text = form.cleaned_data.get("q") or ""
            query = SearchQuery(text=text)
    result = search(query)
    paginator = Paginator(range(result.total), query.page_size)
    page_error, page_obj = None, None
    try:
        page_obj = paginator.page(query.page)
    except EmptyPage:
        status = 404
        page_error = _("There is no page %(page)s; the results have %(count)d page(s).") % {
            "page": query.page,
            "count": paginator.num_pages,
        }
    context = {
        "form": form,
        "query": query,
        "result": result,
        "panel": build_filter_panel(form, result.facets, request.GET),
        "page_obj": page_obj,
        "page_error": page_error,
        "querystring": querystring(request),
        "suggestion_url": "?" + urlencode({"q": result.suggestion}) if result.suggestion else "",
        "searched": form.is_bound,
        # Policy notes, field studies and reports in their own section beside the practices.
        "publications": publications_matching(text=query.text),
        # Upcoming trainings and sessions, likewise (past ones are left out).
        "events": events_matching(text=query.text, now=timezone.now()),
    }
    if result.total == 0 and page_obj is not None:
        # Nothing found: offer the library's themes instead of an empty filter panel.
        context["themes"] = [theme for theme in selectors.themes_with_counts() if theme.practice_count]
    return render(request, "search/search_page.html", context, status=status)
