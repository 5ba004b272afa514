"""Search routes: the search page (per language: /ara/, /en/ara/) and the JSON API (unprefixed), mounted by
portal.urls."""

from django.urls import path

from . import views
from .api import search_api

urlpatterns = [path("ara/", views.search_view, name="search")]
api_urlpatterns = [path("api/", search_api.urls)]
