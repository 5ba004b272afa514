"""Production URLs plus /bench/minimal/: the cheapest Django response, the ceiling pages are compared to."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal, name="bench_minimal"), *portal_urlpatterns]
