"""Public pages of the mentorship app (mounted at the site root by portal.urls, before Wagtail's pages)."""

from django.urls import path

from .public import registration_views
from .public import views as public_views

urlpatterns = [
    path("ziyaret-talebi/", public_views.visit_request, name="visit_request"),
    path("ziyaret-talebi/alindi/", public_views.visit_request_done, name="visit_request_done"),
    path("kisisel-veriler/", public_views.privacy_notice, name="privacy_notice"),
    path("etki/", public_views.impact_page, name="impact"),
    path("etkinlik-kaydi/<int:event_id>/", registration_views.event_register, name="event_register"),
    path(
        "etkinlik-kaydi/<int:event_id>/alindi/",
        registration_views.event_registration_done,
        name="event_registration_done",
    ),
]
