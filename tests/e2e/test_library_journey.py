"""A visiting official browses the library in a browser: home, theme filter, practice, replication kit."""

import re

from playwright.sync_api import expect

from practices.factories import (
    PracticeMetricFactory,
    PracticePageFactory,
    ReplicationStepFactory,
    TargetGroupFactory,
    ThemeFactory,
)

from .conftest import open_details


def test_official_filters_the_library_and_opens_a_replication_kit(page, screenshot):
    health = ThemeFactory(name="Sağlık", slug="saglik")
    culture = ThemeFactory(name="Kültür ve Sanat", slug="kultur-sanat")
    elderly = TargetGroupFactory(name="Yaşlılar", slug="yaslilar")
    screening = PracticePageFactory(
        title="Yaşlılara Mobil Sağlık Taraması", theme=health, target_groups=[elderly], featured=True
    )
    ReplicationStepFactory(page=screening, title="Mahalle muhtarlarıyla görüşün", duration="2 hafta")
    PracticeMetricFactory(page=screening, label="Taranan yaşlı", value=3150, unit="kişi")
    PracticePageFactory(title="Çocuk Sanat Atölyeleri", theme=culture)

    page.goto("/")
    expect(page.locator("h1")).to_be_visible()
    # The stylesheet is served and applied (no CDN, no missing static files).
    assert page.evaluate(
        "[...document.styleSheets].some(s => s.href && s.href.endsWith('atlas.css') && s.cssRules.length > 0)"
    )
    expect(page.get_by_role("link", name="Yaşlılara Mobil Sağlık Taraması").first).to_be_visible()

    page.locator("main a[href='/uygulamalar/']").first.click()
    page.wait_for_url("**/uygulamalar/")
    results = page.locator("section.results")
    expect(results.get_by_role("link", name="Yaşlılara Mobil Sağlık Taraması")).to_be_visible()
    expect(results.get_by_role("link", name="Çocuk Sanat Atölyeleri")).to_be_visible()

    # On a phone the results come first and the filters open from "Filtreler".
    filters = page.locator("#filter-form")
    health_box = filters.get_by_role("checkbox", name=re.compile(r"^Sağlık \(1\)"))
    open_details(page, "#filters")
    health_box.check()
    filters.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"theme=saglik"))
    open_details(page, "#filters")  # closed again on a phone, so the results come first
    expect(health_box).to_be_checked()
    # The applied filter shows as a removable chip beside the count.
    expect(results.locator(".chip--removable")).to_contain_text("Sağlık")
    expect(results.get_by_role("link", name="Yaşlılara Mobil Sağlık Taraması")).to_be_visible()
    expect(results.get_by_role("link", name="Çocuk Sanat Atölyeleri")).to_have_count(0)

    results.get_by_role("link", name="Yaşlılara Mobil Sağlık Taraması").click()
    page.wait_for_url(f"**{screening.url}")
    expect(page.locator("h1")).to_have_text("Yaşlılara Mobil Sağlık Taraması")
    expect(page.get_by_text("Taranan yaşlı")).to_be_visible()
    expect(page.get_by_text("Mahalle muhtarlarıyla görüşün").first).to_be_visible()

    page.locator(f"a[href='{screening.url}kit/']").click()
    page.wait_for_url(f"**{screening.url}kit/")
    expect(page.locator("h1")).to_contain_text("Yaşlılara Mobil Sağlık Taraması")
    expect(page.get_by_text("Mahalle muhtarlarıyla görüşün").first).to_be_visible()
    expect(page.get_by_text("2 hafta").first).to_be_visible()
    screenshot(page, "library-to-kit")
