"""Plane geometry for the impact map: Douglas–Peucker simplification that keeps shared borders shared.

Simplifying each province on its own would leave slivers and gaps where two provinces meet, because the
two copies of their common border lose different points. Here rings are cut into chains at the points
where the set of provinces on either side changes; each chain is simplified once and given to every ring
that runs along it, so neighbours still fit together exactly.
"""

from collections import defaultdict
from collections.abc import Sequence

Point = tuple[float, float]
Ring = list[Point]


def _segment_distance(point: Point, start: Point, end: Point) -> float:
    """Distance from `point` to the segment start–end."""
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    if length == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """The points of an open line that keep it within `tolerance` of the original; both ends are kept."""
    if len(points) <= 2:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = 0, -1.0
        for index in range(first + 1, last):
            d = _segment_distance(points[index], points[first], points[last])
            if d > distance:
                farthest, distance = index, d
        if distance > tolerance:
            keep[farthest] = True
            stack.extend(((first, farthest), (farthest, last)))
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring_area(ring: Sequence[Point]) -> float:
    """Unsigned area (shoelace formula)."""
    total = 0.0
    for index, (x1, y1) in enumerate(ring):
        x2, y2 = ring[(index + 1) % len(ring)]
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def _open(ring: Sequence[Point]) -> Ring:
    """The ring without its closing point and without repeated consecutive points."""
    points: Ring = []
    for point in ring:
        if not points or points[-1] != point:
            points.append(point)
    while len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def _edge(a: Point, b: Point) -> tuple[Point, Point]:
    return (a, b) if a <= b else (b, a)


def _junctions(rings: list[Ring]) -> set[Point]:
    """Points where a chain must end: more than two neighbours, or different rings on the two sides."""
    users: dict[tuple[Point, Point], set[int]] = defaultdict(set)
    neighbours: dict[Point, set[Point]] = defaultdict(set)
    for number, ring in enumerate(rings):
        for index, point in enumerate(ring):
            following = ring[(index + 1) % len(ring)]
            users[_edge(point, following)].add(number)
            neighbours[point].add(following)
            neighbours[following].add(point)
    junctions = set()
    for point, around in neighbours.items():
        if len(around) != 2:
            junctions.add(point)
            continue
        first, second = around
        if users[_edge(point, first)] != users[_edge(point, second)]:
            junctions.add(point)
    return junctions


class _ChainSimplifier:
    """Simplifies each chain once, whichever direction a ring runs along it."""

    def __init__(self, tolerance: float):
        self.tolerance = tolerance
        self.done: dict[tuple[Point, ...], list[Point]] = {}

    def __call__(self, chain: list[Point]) -> list[Point]:
        backwards = chain[::-1]
        forwards = tuple(chain) <= tuple(backwards)
        key = tuple(chain) if forwards else tuple(backwards)
        if key not in self.done:
            self.done[key] = douglas_peucker(key, self.tolerance)
        simplified = self.done[key]
        return simplified if forwards else simplified[::-1]


def _rotate_to_canonical(ring: Ring) -> Ring:
    """A ring with no junction (an island, or a border shared whole) starts at its smallest point and runs
    towards its smaller neighbour, so every ring made of the same points is cut the same way."""
    start = ring.index(min(ring))
    rotated = ring[start:] + ring[:start]
    if rotated[-1] < rotated[1]:
        rotated = [rotated[0], *rotated[:0:-1]]
    return rotated


def simplify_rings(rings: Sequence[Sequence[Point]], tolerance: float) -> list[Ring]:
    """Every ring simplified to within `tolerance`, common borders the same way in each ring.

    Rings are returned open (no repeated closing point), in the given order; a ring reduced to fewer
    than three points comes back empty.
    """
    opened = [_open(ring) for ring in rings]
    junctions = _junctions([ring for ring in opened if len(ring) >= 3])
    simplify = _ChainSimplifier(tolerance)
    result: list[Ring] = []
    for ring in opened:
        if len(ring) < 3:
            result.append([])
            continue
        cuts = [index for index, point in enumerate(ring) if point in junctions]
        if cuts:
            ring = ring[cuts[0] :] + ring[: cuts[0]]
            cuts = [index - cuts[0] for index in cuts]
        else:
            ring = _rotate_to_canonical(ring)
            # Two fixed points on a closed loop: its start and the point farthest from it.
            far = max(
                range(len(ring)),
                key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2,
            )
            cuts = [0, far] if far else [0]
        closed = [*ring, ring[0]]
        simplified: Ring = []
        for first, last in zip(cuts, [*cuts[1:], len(ring)], strict=True):
            chain = simplify(closed[first : last + 1])
            simplified.extend(chain[:-1])
        result.append(simplified if len(set(simplified)) >= 3 else [])
    return result
