"""The sitemap: every live public Wagtail page in every language (with the addresses a page adds itself,
e.g. the library's tag pages) and the public views other apps register, each with its ``hreflang``
alternates (the page's live translations, x-default the Turkish one); every address is on SITE_BASE_URL,
never the request's host."""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse

from wagtail.contrib.sitemaps import Sitemap as WagtailPageSitemap
from wagtail.models import Page

from .languages import language_of_locale
from .site_address import site_address

# URL names of public views that are not Wagtail pages (e.g. the impact page); apps append theirs from
# AppConfig.ready(), so portal names no view of the apps above it.
SITEMAP_VIEWS: list[str] = []


class ViewSitemap(Sitemap):
    changefreq = "daily"
    # Each view once per language (Turkish at the root, English under /en/), each naming the other.
    i18n = True
    alternates = True
    x_default = True

    def items(self) -> list[str]:
        return list(dict.fromkeys(SITEMAP_VIEWS))

    def location(self, item: str) -> str:
        return reverse(item)

    # Django would prefix the request's scheme and host; the portal has one public address.
    def get_protocol(self, protocol=None) -> str:
        return site_address().scheme

    def get_domain(self, site=None) -> str:
        return site_address().netloc


class PageSitemap(WagtailPageSitemap):
    """Wagtail's page sitemap over the site's root page and its translations (the English home is the
    Turkish one's sibling), with each page's live translations as alternates. Addresses come from the Site
    (kept on SITE_BASE_URL by sync_site_address)."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for path in roots.values_list("path", flat=True):
            under_a_root |= Q(path__startswith=path)
        return (
            Page.objects.filter(under_a_root).live().public().order_by("path").defer_streamfields().specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        addresses: dict = defaultdict(dict)
        for item in items:
            language = language_of_locale(item.locale_id)
            addresses[item.translation_key][language] = item.get_full_url(self.request)
        urls = []
        last_mods = set()
        for item in items:
            translations = addresses[item.translation_key]
            for number, url_info in enumerate(item.get_sitemap_urls(self.request)):
                if number == 0 and len(translations) > 1:
                    url_info["alternates"] = [
                        {"lang_code": code, "location": location}
                        for code, location in sorted(translations.items())
                        if code and location
                    ]
                    if settings.LANGUAGE_CODE in translations:
                        url_info["alternates"].append(
                            {"lang_code": "x-default", "location": translations[settings.LANGUAGE_CODE]}
                        )
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


SITEMAPS = {"pages": PageSitemap, "views": ViewSitemap}
