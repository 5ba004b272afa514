"""The replication kit's downloads, beside each practice's address: ``…/<practice>/kit.pdf`` and ``kit.zip``.

Mounted by portal.urls before Wagtail's page URLs, which allow no dot in a path; the path is matched to a
page by its tree position, never by a hard-coded library address.
"""

from django.urls import re_path

from . import kit_views

KIT_DOWNLOAD = r"^(?P<page_path>(?:[\w\-]+/)+)kit\.(?P<kind>pdf|zip)$"

urlpatterns = [re_path(KIT_DOWNLOAD, kit_views.kit_download, name="practice_kit_download")]
