"""What the tests of English pages share: the demo's English home page and lists, a published translation,
and reading a page's language and its hreflang alternates."""

import re

from wagtail.models import Page

from practices.demo.loader import DemoResult
from practices.demo.translations import english_locale, load_english_home_and_library


def load_english_site() -> DemoResult:
    """The demo's English home page, library, events and publications lists, loaded without output."""
    return load_english_home_and_library(DemoResult(), lambda message: None)


def publish_translation(page: Page, *, title: str, slug: str) -> Page:
    """What an editor's "Translate" makes, retitled and published."""
    translated = page.specific.copy_for_translation(english_locale())
    translated.title = translated.draft_title = title
    translated.slug = slug
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def html_lang(html: str) -> str:
    return re.search(r'<html[^>]* lang="([^"]+)"', html).group(1)


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
