"""The impact map's geometry: Douglas–Peucker, and simplification that keeps neighbours' borders shared."""

import itertools
import json
import math

import pytest

from mentorship.impact import map as impact_map
from mentorship.impact.geometry import douglas_peucker, ring_area, simplify_rings


def test_douglas_peucker_keeps_the_ends_and_drops_points_within_the_tolerance():
    line = [(0, 0), (1, 0.1), (2, -0.1), (3, 5), (4, 6), (5, 7.05), (6, 8)]
    assert douglas_peucker(line, 0.5) == [(0, 0), (2, -0.1), (3, 5), (6, 8)]
    assert douglas_peucker(line, 0) == line
    assert douglas_peucker(line[:2], 10) == line[:2]


def test_every_dropped_point_stays_within_the_tolerance():
    wave = [(x / 10, math.sin(x / 7) * 20) for x in range(400)]
    kept = douglas_peucker(wave, 1.5)
    assert len(kept) < len(wave) / 5
    indices = [wave.index(point) for point in kept]
    for first, last in itertools.pairwise(indices):
        (x1, y1), (x2, y2) = wave[first], wave[last]
        for x, y in wave[first + 1 : last]:
            # Distance from the point to the line through the two kept points around it.
            distance = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / math.hypot(x2 - x1, y2 - y1)
            assert distance <= 1.5 + 1e-9


def wiggly(start, end, steps=40, amplitude=0.3):
    (x1, y1), (x2, y2) = start, end
    return [
        (x1 + (x2 - x1) * i / steps + amplitude * math.sin(i * 1.3), y1 + (y2 - y1) * i / steps)
        for i in range(steps + 1)
    ]


def test_two_neighbours_keep_exactly_the_same_border_after_simplification():
    border = wiggly((10, 0), (10, 20))  # shared, run upwards by the left square and downwards by the right
    left = [(0, 0), *border, (0, 20)]
    right = [*border[::-1], (20, 20), (20, 0)]
    simple_left, simple_right = simplify_rings([left, right], 0.5)
    shared_left = [p for p in simple_left if p[0] > 5]
    shared_right = [p for p in simple_right if p[0] > 5 and p[0] < 15]
    assert sorted(shared_left) == sorted(shared_right)
    assert 2 < len(shared_left) < len(border)


def test_an_island_is_simplified_the_same_way_whichever_way_round_it_is_given():
    island = [(10 + 5 * math.cos(a / 20), 10 + 5 * math.sin(a / 20)) for a in range(126)]
    turned = island[40:] + island[:40]
    (one,), (other,) = simplify_rings([island], 0.3), simplify_rings([turned[::-1]], 0.3)
    assert sorted(one) == sorted(other)
    assert ring_area(one) == pytest.approx(ring_area(island), rel=0.1)


def test_a_ring_smaller_than_the_tolerance_vanishes():
    assert simplify_rings([[(0, 0), (0.1, 0), (0.1, 0.1), (0, 0)]], 1.0) == [[]]


def test_the_boundary_data_has_81_provinces_and_the_map_keeps_every_one():
    features = json.loads(impact_map.BOUNDARIES.read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["plate"] for f in features] == list(range(1, 82))
    assert all(f["properties"]["iso_3166_2"] == f"TR-{f['properties']['plate']:02d}" for f in features)
    base = impact_map.basemap()
    assert [p.plate for p in base.provinces] == list(range(1, 82))
    points = sum(p.path.count(",") for p in base.provinces)
    source = sum(
        len(ring)
        for f in features
        for polygon in (
            [f["geometry"]["coordinates"]]
            if f["geometry"]["type"] == "Polygon"
            else f["geometry"]["coordinates"]
        )
        for ring in polygon
    )
    assert points < source / 2  # simplified
    assert points > 1500  # and still recognisably Turkey
