"""The search page at /ara/: thin view over search.service, never a 500 for any query string."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .forms import SearchForm
from .service import search
from .types import SearchQuery

# Facet name -> (GET parameter, heading); start years are a range filter, shown as counts.
FACET_PARAMS = {
    "theme": ("theme", gettext_lazy("Theme")),
    "target_group": ("target_group", gettext_lazy("Target group")),
    "tag": ("tag", gettext_lazy("Tag")),
    "sdg": ("sdg", gettext_lazy("Sustainable development goal")),
    "status": ("status", gettext_lazy("Status")),
    "province": ("province", gettext_lazy("Province")),
}


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
    facets = [
        {"name": name, "param": param, "label": label, "values": result.facets.get(name, [])}
        for name, (param, label) in FACET_PARAMS.items()
        if result.facets.get(name)
    ]
    context = {
        "form": form,
        "query": query,
        "result": result,
        "facets": facets,
        "years": result.facets.get("start_year", []),
        "page_obj": page_obj,
        "page_error": page_error,
        "querystring": querystring(request),
        "suggestion_url": "?" + urlencode({"q": result.suggestion}) if result.suggestion else "",
        "searched": form.is_bound,
    }
    return render(request, "search/search_page.html", context, status=status)
