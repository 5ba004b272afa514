"""Public mentorship views: the study-visit request, its confirmation, the privacy notice, impact."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from portal.cache import cache_public_response
from portal.models import PortalSettings

from .. import impact, ratelimit
from .forms import VisitRequestForm, plausible_ids
from .services import visit_request_submit

RATE_SCOPE = "visit-request"


def _render_form(request, form: VisitRequestForm, *, status: int = 200):
    portal_settings = PortalSettings.for_request(request)
    context = {"form": form, "portal_settings": portal_settings}
    return render(request, "mentorship/public/visit_request.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@csrf_protect
def visit_request(request):
    """GET shows the form (with ?practice= preselected); POST records a request and redirects (PRG)."""
    if request.method == "POST":
        limit = ratelimit.hit_request(request, scope=RATE_SCOPE, setting="VISIT_REQUEST_RATE_LIMIT")
        if not limit.allowed:
            response = render(
                request,
                "mentorship/public/rate_limited.html",
                {"retry_after_minutes": max(1, (limit.retry_after + 59) // 60)},
                status=429,
            )
            response["Retry-After"] = str(limit.retry_after)
            return response
        form = VisitRequestForm(request.POST)
        if form.is_spam:
            # Tell the bot it worked; store nothing.
            return redirect("visit_request_done")
        if not form.is_valid():
            return _render_form(request, form, status=400)
        portal_settings = PortalSettings.for_request(request)
        visit_request_submit(
            request=form.to_request(consent_text_version=portal_settings.consent_text_version)
        )
        return redirect("visit_request_done")
    # Practices from ?practice=… are offered and ticked; the form drops ids that are not live and public.
    preselected = plausible_ids(request.GET.getlist("practice"))
    form = VisitRequestForm(initial={"practices": preselected}, offered=preselected)
    return _render_form(request, form)


@never_cache
def visit_request_done(request):
    return render(request, "mentorship/public/visit_request_done.html", {"title": _("Request received")})


@cache_public_response
def privacy_notice(request):
    """The information notice (aydınlatma metni), on its own page, apart from the consent checkbox."""
    return render(
        request,
        "mentorship/public/privacy_notice.html",
        {"portal_settings": PortalSettings.for_request(request)},
    )


@cache_public_response
def impact_page(request):
    """Aggregates only: counts, a map of municipality names, the funnel, per-theme and per-practice data."""
    return render(
        request, "mentorship/public/impact.html", {"impact": impact.impact_figures(request=request)}
    )
