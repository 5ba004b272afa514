"""Search routes: the search page and the JSON API (mounted at the site root by portal.urls)."""

from django.urls import path

from . import views
from .api import search_api

urlpatterns = [
    path("ara/", views.search_view, name="search"),
    path("api/", search_api.urls),
]
