"""The impact page in a real browser: the map of Turkey, no sideways scrolling at 390 px, axe clean."""

import pytest

from mentorship.factories import AdoptionFactory, AdoptionMetricFactory, MunicipalityFactory, VisitFactory
from mentorship.models import AdoptionStage, MunicipalityKind, VisitStatus
from practices.factories import PracticeMetricFactory, PracticePageFactory, ThemeFactory

from .conftest import VIEWPORTS, assert_accessible


def impact_data():
    """Long names, large numbers and percentages: what made the page wider than a phone before."""
    theme = ThemeFactory(name="Dezavantajlı Hane Halkları ve Sosyal Yardımlaşma")
    practice = PracticePageFactory(title="Mevsimlik Tarım İşçisi Çocuklarına Eğitim Desteği", theme=theme)
    households = PracticeMetricFactory(page=practice, label="Yararlanan hane", value=9300, unit="hane")
    share = PracticeMetricFactory(page=practice, label="Okula devam oranı", value=40, unit="%")
    for n, (name, province) in enumerate([("Kahramanmaraş Büyükşehir", 46), ("Şanlıurfa Eyyübiye", 63)]):
        municipality = MunicipalityFactory(
            name=f"{name} Belediyesi", province=province, kind=MunicipalityKind.DISTRICT
        )
        VisitFactory(municipality=municipality, status=VisitStatus.COMPLETED)
        # Published adaptations: their figures and what they changed are on the page beside the origin's.
        adoption = AdoptionFactory(
            municipality=municipality,
            practice=practice,
            stage=AdoptionStage.ADOPTED,
            show_publicly=True,
            changed="Servis güzergâhları mahalle muhtarlıklarıyla birlikte yeniden planlandı; "
            "mevsimlik göç takvimine göre dönem başı kayıt haftası eklendi.",
        )
        AdoptionMetricFactory(
            adoption=adoption, origin_metric=households, label=households.label, value=1250 + n
        )
        AdoptionMetricFactory(adoption=adoption, origin_metric=share, label=share.label, value=35, unit="%")
    VisitFactory(
        municipality=MunicipalityFactory(name="Yenişehir Belediyesi", province=33), status="requested"
    )


@pytest.mark.parametrize("language", ["tr", "en"])
def test_impact_page_fits_the_screen_and_shows_the_map(page, viewport, screenshot, live_server, language):
    impact_data()
    # The address decides the language of a public page: English lives under /en/.
    address = "/en/etki/" if language == "en" else "/etki/"
    assert page.goto(address).status == 200
    assert page.locator("html").get_attribute("lang") == language
    # The table alternative is folded away; open it, as the widest part of the page.
    page.locator(".impact-table-alt summary").click()
    width = VIEWPORTS[viewport]["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    svg = page.locator("svg.impact-map__svg")
    assert svg.is_visible()
    assert svg.locator("path.province").count() == 81
    box = svg.bounding_box()
    assert box["width"] <= width and box["width"] >= 0.8 * min(width, 960) - 40
    assert page.locator(".impact-map__host").count() == 1
    html = page.content()
    if language == "tr":
        assert "9.300" in html and "%40" in html
    else:
        assert "9,300" in html and "40%" in html
    assert_accessible(page, f"impact page ({language}, {viewport})")
    screenshot(page, f"impact-{language}")
