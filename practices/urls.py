"""The replication kit's downloads, beside each practice's address: ``…/<practice>/kit.pdf`` and ``kit.zip``.

Mounted by portal.urls before Wagtail's page URLs, which allow no dot in a path; the path is matched to a
page by its tree position, never by a hard-coded library address.
"""

from django.urls import path

from . import kit_views

# Page paths end in "/" and a kind has none, so no Wagtail page address can match; the view checks both.
urlpatterns = [path("<path:page_path>kit.<str:kind>", kit_views.kit_download, name="practice_kit_download")]
