"""What a page says about itself when its link is shared or crawled: canonical address, Open Graph and
Twitter card tags, and schema.org JSON-LD rendered as inert data.

Every address is absolute and comes from the Wagtail Site the page belongs to (``page.get_url_parts``),
which ``portal.site_address`` keeps in step with ``SITE_BASE_URL``; nothing is taken from the request's
Host header, so a page cached for one visitor never tells the next one about another host.
"""

import datetime
import json
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from wagtail.models import Page

SCHEMA_CONTEXT = "https://schema.org"
# Open Graph locales of the interface languages (og:locale wants language_TERRITORY).
OG_LOCALES = {"tr": "tr_TR", "en": "en_GB"}
# The characters that could end a <script> element or start an HTML comment inside it; JSON allows the
# \uXXXX form of any character, so the data reads the same (what Django's json_script does).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class SharedImage:
    """An image as a link preview shows it: an absolute address of a rendition, its size and alt text."""

    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class ShareMetadata:
    """Everything components/_share_meta.html writes into a page's <head>."""

    canonical_url: str
    title: str
    description: str
    og_type: str = "website"
    image: SharedImage | None = None
    published_time: datetime.datetime | None = None
    modified_time: datetime.datetime | None = None
    section: str = ""
    tags: tuple[str, ...] = ()
    structured_data: dict[str, Any] | None = field(default=None, hash=False)

    @property
    def site_name(self) -> str:
        return gettext("Practice Atlas")

    @property
    def locale(self) -> str:
        return OG_LOCALES.get((get_language() or "tr").split("-")[0], OG_LOCALES["tr"])

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image else "summary"


def site_root_url(page: Page, request=None) -> str:
    """Scheme and host of the Wagtail Site serving `page`, e.g. ``https://atlas.example.gov.tr``."""
    url_parts = page.get_url_parts(request=request)
    return (url_parts[1] if url_parts else "") or ""


def absolute(root_url: str, url: str) -> str:
    """`url` unchanged when it is already absolute (e.g. images in object storage), else under `root_url`."""
    return url if "://" in url else f"{root_url}{url}"


def json_ld(data: dict[str, Any] | None) -> SafeString:
    """``<script type="application/ld+json">`` with `data`, escaped like json_script: a value can never close
    the element, and browsers treat the block as data (the strict CSP allows it; nothing is executed)."""
    if not data:
        return SafeString("")
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    escaped = mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - no < > & left to break out
    return format_html('<script type="application/ld+json">{}</script>', escaped)


def page_share_metadata(*, page: Page, request=None, description: str = "") -> ShareMetadata:
    """Canonical address and card tags of an ordinary page (no image, a website card)."""
    return ShareMetadata(
        canonical_url=page.get_full_url(request=request) or "",
        title=page.seo_title or page.title,
        description=description or getattr(page, "search_description", "") or "",
    )
