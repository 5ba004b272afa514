"""Public URLs of the mentorship app that are not Wagtail pages (mounted at the site root)."""

from django.urls import path

from . import views

urlpatterns = [
    path("takvim/<str:token>.ics", views.calendar_feed, name="mentorship_calendar_feed"),
]
