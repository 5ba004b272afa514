"""The impact map: Turkey's 81 provinces drawn on the server as inline SVG, shaded by relationship.

Boundaries come from `data/tr_provinces.geojson` (Natural Earth admin-1, public domain; see
`data/README.md`), projected and simplified once per process. No tiles, no JavaScript, no request to
anyone else: the page carries the whole map (about 44 KB of SVG).
"""

import functools
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from portal.provinces import PROVINCE_BY_PLATE

from ..selectors import Relationship
from .geometry import Point, ring_area, simplify_rings

BOUNDARIES = Path(__file__).with_name("data") / "tr_provinces.geojson"
# The office's own province (Mersin); the practice pages default to it too.
HOST_PROVINCE = 33
MAP_WIDTH = 1000
MAP_PADDING = 6
# In viewBox units (the map is 1000 wide): a tolerance of 1 keeps every bend a reader can see at 1280 px
# (the map is at most 960 px wide there) and takes the 9,856 points of the data to about 2,300.
SIMPLIFY_TOLERANCE = 1.0
# Islands smaller than this (square viewBox units, ~2 px² on a phone) are left out; a province always
# keeps its largest part.
MIN_ISLAND_AREA = 12.0
STAR_RADIUS = 20


class MapStatus:
    """How far the furthest municipality of a province has come; the map shades each province by it."""

    ADOPTING = "adopting"
    HOSTED = Relationship.HOSTED
    IN_TALKS = Relationship.IN_TALKS
    NONE = "none"
    LABELS = {
        ADOPTING: _("Adopting a practice"),
        HOSTED: _("Hosted for a study visit"),
        IN_TALKS: _("In talks"),
    }
    ORDER = (ADOPTING, HOSTED, IN_TALKS)  # the most advanced first
    # Told apart by lightness and pattern as well as hue; the hatch is defined in the SVG.
    FILLS = {ADOPTING: "#1d7a3a", HOSTED: "#1f5f99", IN_TALKS: "url(#impact-map-hatch)", NONE: "#dde4e0"}


@dataclass(frozen=True)
class ProvinceOutline:
    plate: int
    path: str  # SVG path data in viewBox units


@dataclass(frozen=True)
class Basemap:
    width: int
    height: int
    provinces: tuple[ProvinceOutline, ...]
    project: "Projection"


@dataclass(frozen=True)
class Projection:
    """Equirectangular, x shrunk by the cosine of the middle latitude so Turkey keeps its shape."""

    lon_min: float
    lat_max: float
    x_scale: float
    unit: float
    padding: float

    def __call__(self, lon: float, lat: float) -> Point:
        return (
            self.padding + (lon - self.lon_min) * self.x_scale * self.unit,
            self.padding + (self.lat_max - lat) * self.unit,
        )


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def _path(rings: list[list[Point]]) -> str:
    """SVG path data, one decimal (0.4 px on a phone), no spaces where a comma or a letter will do."""

    def number(value: float) -> str:
        text = f"{value:.1f}"
        return text[:-2] if text.endswith(".0") else text

    return "".join(
        "M" + "L".join(f"{number(x)},{number(y)}" for x, y in ring) + "Z" for ring in rings if ring
    )


@functools.cache
def basemap() -> Basemap:
    """The provinces' outlines, projected and simplified (read and computed once per process)."""
    features = json.loads(BOUNDARIES.read_text(encoding="utf-8"))["features"]
    coordinates = [
        point
        for feature in features
        for polygon in _polygons(feature["geometry"])
        for ring in polygon
        for point in ring
    ]
    lon_min = min(lon for lon, _lat in coordinates)
    lon_max = max(lon for lon, _lat in coordinates)
    lat_min = min(lat for _lon, lat in coordinates)
    lat_max = max(lat for _lon, lat in coordinates)
    x_scale = math.cos(math.radians((lat_min + lat_max) / 2))
    unit = (MAP_WIDTH - 2 * MAP_PADDING) / ((lon_max - lon_min) * x_scale)
    project = Projection(lon_min=lon_min, lat_max=lat_max, x_scale=x_scale, unit=unit, padding=MAP_PADDING)
    height = math.ceil((lat_max - lat_min) * unit + 2 * MAP_PADDING)

    rings: list[list[Point]] = []
    owners: list[int] = []
    for number, feature in enumerate(features):
        for polygon in _polygons(feature["geometry"]):
            for ring in polygon:
                rings.append([project(lon, lat) for lon, lat in ring])
                owners.append(number)
    simplified = simplify_rings(rings, SIMPLIFY_TOLERANCE)
    by_feature: dict[int, list[list[Point]]] = defaultdict(list)
    for owner, ring in zip(owners, simplified, strict=True):
        if ring:
            by_feature[owner].append(ring)
    provinces = []
    for number, feature in enumerate(features):
        parts = sorted(by_feature[number], key=ring_area, reverse=True)
        kept = parts[:1] + [ring for ring in parts[1:] if ring_area(ring) >= MIN_ISLAND_AREA]
        provinces.append(ProvinceOutline(plate=feature["properties"]["plate"], path=_path(kept)))
    return Basemap(width=MAP_WIDTH, height=height, provinces=tuple(provinces), project=project)


# ---- the map of one moment -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapEntry:
    """One municipality the office works with: its name, province and status (a MapStatus value)."""

    name: str
    plate: int
    status: str


@dataclass(frozen=True)
class MapProvince:
    plate: int
    name: str
    path: str
    status: str  # MapStatus value; NONE when no municipality there works with the office
    title: str  # the province and its municipalities by status, shown on hover


@dataclass(frozen=True)
class LegendItem:
    status: str
    label: str
    municipalities: int
    provinces: int

    @property
    def fill(self) -> str:
        return MapStatus.FILLS[self.status]


@dataclass(frozen=True)
class ProvinceGroup:
    status: str
    fill: str
    provinces: list[MapProvince]


@dataclass(frozen=True)
class HostMarker:
    name: str  # the province
    x: float
    y: float
    star: str  # SVG points of a five-pointed star around (x, y)

    @property
    def label_x(self) -> float:
        """The label ends just left of the star and sits below it: over the sea south of Mersin."""
        return round(self.x + STAR_RADIUS / 2, 1)

    @property
    def label_y(self) -> float:
        return round(self.y + 2.8 * STAR_RADIUS, 1)


@dataclass(frozen=True)
class ImpactMap:
    width: int
    height: int
    provinces: list[MapProvince]
    legend: list[LegendItem]
    host: HostMarker

    @property
    def groups(self) -> list[ProvinceGroup]:
        """Provinces by status, one SVG group each (unshaded first)."""
        order = (MapStatus.NONE, *reversed(MapStatus.ORDER))
        return [
            ProvinceGroup(
                status=s, fill=MapStatus.FILLS[s], provinces=[p for p in self.provinces if p.status == s]
            )
            for s in order
        ]


def _star(x: float, y: float, radius: float) -> str:
    points = []
    for index in range(10):
        r = radius if index % 2 == 0 else radius * 0.45
        angle = math.pi / 2 + index * math.pi / 5
        points.append(f"{x + r * math.cos(angle):.1f},{y - r * math.sin(angle):.1f}")
    return " ".join(points)


def host_marker() -> HostMarker:
    province = PROVINCE_BY_PLATE[HOST_PROVINCE]
    x, y = basemap().project(province.lon, province.lat)
    return HostMarker(name=province.name, x=round(x, 1), y=round(y, 1), star=_star(x, y, STAR_RADIUS))


def build_map(entries: Iterable[MapEntry]) -> ImpactMap:
    """The basemap with each province shaded by its furthest municipality, a legend and the office."""
    rank = {status: n for n, status in enumerate(MapStatus.ORDER)}
    labels = {status: str(label) for status, label in MapStatus.LABELS.items()}
    by_province: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    municipalities: dict[str, int] = defaultdict(int)
    for entry in entries:
        by_province[entry.plate][entry.status].append(entry.name)
        municipalities[entry.status] += 1
    provinces = []
    shaded: dict[str, int] = defaultdict(int)
    for outline in basemap().provinces:
        name = PROVINCE_BY_PLATE[outline.plate].name
        statuses = by_province.get(outline.plate, {})
        status = min(statuses, key=rank.__getitem__, default=MapStatus.NONE)
        shaded[status] += 1
        lines = [name] + [
            f"{labels[s]}: {', '.join(sorted(statuses[s]))}" for s in MapStatus.ORDER if s in statuses
        ]
        provinces.append(
            MapProvince(
                plate=outline.plate, name=name, path=outline.path, status=status, title="\n".join(lines)
            )
        )
    legend = [
        LegendItem(status=s, label=labels[s], municipalities=municipalities[s], provinces=shaded[s])
        for s in MapStatus.ORDER
    ]
    base = basemap()
    return ImpactMap(
        width=base.width, height=base.height, provinces=provinces, legend=legend, host=host_marker()
    )
