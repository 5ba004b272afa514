"""The readiness self-check page of a practice (``<practice>/hazirlik/``) and its PDF (``hazirlik/pdf/``).

A GET form (the answers are in the address, so the result can be printed, bookmarked or downloaded without
storing anything); the only write is an anonymous monthly count (practices.readiness), made at most once a
day per browser and practice and never for crawlers (practices.readiness_counting). Responses are never
cached: the public page cache keys only on declared parameters, and every set of answers differs.
"""

from django import forms
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from . import kit, readiness
from .models import PracticePage
from .readiness_counting import readiness_check_counted


class ReadinessForm(forms.Form):
    """One required radio question per readiness dimension; anything else in the query string is ignored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for dimension in readiness.DIMENSIONS:
            self.fields[dimension.key] = forms.ChoiceField(
                label=dimension.question,
                choices=dimension.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Please choose an answer."),
                    "invalid_choice": _("Please choose one of the answers listed."),
                },
            )

    @classmethod
    def from_query(cls, query) -> "ReadinessForm":
        """Bound once any question is answered (so stray tracking parameters alone show a fresh form)."""
        asked = any(dimension.key in query for dimension in readiness.DIMENSIONS)
        return cls(query if asked else None)

    def answers(self) -> dict[str, str]:
        return {dimension.key: self.cleaned_data[dimension.key] for dimension in readiness.DIMENSIONS}


def _never_cached(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def readiness_view(request, *, practice: PracticePage):
    form = ReadinessForm.from_query(request.GET)
    result = None
    if form.is_bound and form.is_valid():
        result = readiness.readiness_for_practice(practice, answers=form.answers())
        # Only complete answers reach here; crawlers and a browser's repeats the same day are not counted.
        readiness_check_counted(
            request=request,
            practice_id=practice.pk,
            theme_id=practice.theme_id,
            band=result.band,
            today=timezone.localdate(),
        )
    response = practice.render(
        request,
        template="pages/practice_readiness.html",
        context_overrides={
            "form": form,
            "result": result,
            "query": request.GET.urlencode() if result else "",
        },
    )
    if form.is_bound and not form.is_valid():
        response.status_code = 400
    return _never_cached(response)


def readiness_pdf_view(request, *, practice: PracticePage):
    """The same summary as a PDF; answers that do not validate go back to the form, which says why."""
    form = ReadinessForm.from_query(request.GET)
    if not (form.is_bound and form.is_valid()):
        target = practice.url + practice.reverse_subpage("readiness")
        return _never_cached(HttpResponseRedirect(f"{target}?{request.GET.urlencode()}"))
    result = readiness.readiness_for_practice(practice, answers=form.answers())
    language = translation.get_language() or "tr"
    html = render_to_string(
        "pages/practice_readiness_pdf.html",
        {
            "page": practice,
            "result": result,
            "language": language,
            "check_date": timezone.localdate(),
            "practice_url": practice.full_url or "",
        },
        request=request,
    )
    response = HttpResponse(kit.render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{readiness.download_name(practice)}"'
    return _never_cached(response)
