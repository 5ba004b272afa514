"""The sitemap: every live public Wagtail page (with the addresses a page adds itself, e.g. the library's
tag pages) and the public views other apps register; every address is on SITE_BASE_URL, never the request's
host."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from .site_address import site_address

# URL names of public views that are not Wagtail pages (e.g. the impact page); apps append theirs from
# AppConfig.ready(), so portal names no view of the apps above it.
SITEMAP_VIEWS: list[str] = []


class ViewSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return list(dict.fromkeys(SITEMAP_VIEWS))

    def location(self, item: str) -> str:
        return reverse(item)

    # Django would prefix the request's scheme and host; the portal has one public address.
    def get_protocol(self, protocol=None) -> str:
        return site_address().scheme

    def get_domain(self, site=None) -> str:
        return site_address().netloc


# Wagtail's page sitemap takes its addresses from the Site (kept on SITE_BASE_URL by sync_site_address).
SITEMAPS = {"pages": PageSitemap, "views": ViewSitemap}
