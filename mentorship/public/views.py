"""Public mentorship views: the study-visit request, its confirmation, the privacy notice, impact."""

from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from portal.cache import cache_public_response
from portal.models import PortalSettings

from .. import impact, privacy, ratelimit
from .forms import VisitRequestForm, plausible_ids
from .selectors import QUERY_MAX_LENGTH, practice_options
from .services import visit_request_submit

RATE_SCOPE = "visit-request"
PRACTICE_QUERY_PARAMETER = "q"


def _render_form(request, form: VisitRequestForm, *, chosen_ids: list[int], query: str = "", status=200):
    portal_settings = PortalSettings.for_request(request)
    context = {
        "form": form,
        "portal_settings": portal_settings,
        "practice_options": practice_options(query=query, chosen_ids=chosen_ids),
        "practice_query_parameter": PRACTICE_QUERY_PARAMETER,
        "practice_query_max_length": QUERY_MAX_LENGTH,
    }
    return render(request, "mentorship/public/visit_request.html", context, status=status)


def rate_limited_response(request, limit: ratelimit.RateLimitResult):
    """429 with Retry-After and a page saying when to try again (every public form answers the same way)."""
    response = render(
        request,
        "mentorship/public/rate_limited.html",
        {"retry_after_minutes": max(1, (limit.retry_after + 59) // 60)},
        status=429,
    )
    response["Retry-After"] = str(limit.retry_after)
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@csrf_protect
def visit_request(request):
    """GET shows the form (?practice= preselected, ?q= narrows the practice list); POST records a request
    and redirects (PRG), or shows the form again with every error and everything typed."""
    if request.method == "POST":
        limit = ratelimit.hit_request(request, scope=RATE_SCOPE, setting="VISIT_REQUEST_RATE_LIMIT")
        if not limit.allowed:
            return rate_limited_response(request, limit)
        form = VisitRequestForm(request.POST)
        if form.is_spam:
            # Tell the bot it worked; store nothing.
            return redirect("visit_request_done")
        if not form.is_valid():
            # The ticked practices stay ticked (those still published; the error says if one was not).
            chosen = plausible_ids(request.POST.getlist("practices"))
            return _render_form(request, form, chosen_ids=chosen, status=400)
        portal_settings = PortalSettings.for_request(request)
        visit_request_submit(
            request=form.to_request(
                consent_text_version=portal_settings.consent_text_version,
                language=translation.get_language() or "",
            )
        )
        return redirect("visit_request_done")
    # Practices from ?practice=… come first and ticked; ids that are not live and public are dropped.
    chosen = plausible_ids(request.GET.getlist("practice"))
    query = request.GET.get(PRACTICE_QUERY_PARAMETER, "")
    return _render_form(request, VisitRequestForm(), chosen_ids=chosen, query=query)


@never_cache
def visit_request_done(request):
    return render(request, "mentorship/public/visit_request_done.html", {"title": _("Request received")})


@cache_public_response
def privacy_notice(request):
    """The information notice (aydınlatma metni), on its own page, apart from the consent checkbox."""
    return render(
        request,
        "mentorship/public/privacy_notice.html",
        # The retention period comes from the setting the retention job reads, never from editable text.
        {"portal_settings": PortalSettings.for_request(request), "retention": privacy.retention_policy()},
    )


@cache_public_response
def impact_page(request):
    """Aggregates only: counts, a map of municipality names, the funnel, per-theme and per-practice data."""
    return render(
        request, "mentorship/public/impact.html", {"impact": impact.impact_figures(request=request)}
    )
