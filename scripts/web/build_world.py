"""Build the dashboard's world outline (``src/strife/web/world.json``) from Natural Earth.

Usage::

    .venv/bin/python scripts/web/build_world.py [--wheel geopandas-0.14.4-py3-none-any.whl]

The source is Natural Earth's 1:110m admin-0 countries (public domain), as shipped inside the
geopandas 0.14 wheel on PyPI (``geopandas/datasets/naturalearth_lowres``; BSD-3-Clause
package; the data itself is public domain). Without ``--wheel`` the wheel is fetched with
``pip download`` (no dependencies, nothing installed). The shapefile and its attribute table
are read here with a few lines of ``struct`` (no GIS library), coordinates are rounded to
0.1 degree, and the result is written as a compact GeoJSON FeatureCollection with each
country's ISO alpha-3 code and name.
"""

from __future__ import annotations

import argparse
import itertools
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

WHEEL = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parents[2] / "src" / "strife" / "web" / "world.json"
POLYGON = 5
Ring = list[tuple[float, float]]


def shapes(data: bytes) -> Iterator[list[Ring]]:
    """The rings of each record of a polygon shapefile (main file), in file order."""
    pos = 100
    while pos < len(data):
        _, words = struct.unpack(">ii", data[pos : pos + 8])
        content = data[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        (kind,) = struct.unpack("<i", content[:4])
        if kind != POLYGON:
            yield []
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts]))
        base = 44 + 4 * n_parts
        coords = struct.unpack(f"<{2 * n_points}d", content[base : base + 16 * n_points])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        bounds = [*parts, n_points]
        yield [points[bounds[i] : bounds[i + 1]] for i in range(n_parts)]


def records(data: bytes, encoding: str) -> Iterator[dict[str, str]]:
    """The rows of a dBASE attribute table, every value as stripped text."""
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    for i in range(n_records):
        row = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        offset, values = 1, {}
        for name, length in fields:
            values[name] = row[offset : offset + length].decode(encoding).strip()
            offset += length
        yield values


def simplify(ring: Ring) -> Ring:
    """Round to 0.1 degree and drop repeated points; a ring that collapses is dropped."""
    out: Ring = []
    for lon, lat in ring:
        point = (round(lon, 1), round(lat, 1))
        if not out or out[-1] != point:
            out.append(point)
    return out if len(out) >= 4 else []


def signed_area(ring: Ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def polygons(rings: list[Ring]) -> list[list[Ring]]:
    """Group shapefile rings (outer clockwise, holes after their outer) as GeoJSON wants."""
    out: list[list[Ring]] = []
    for ring in filter(None, map(simplify, rings)):
        if signed_area(ring) < 0:  # clockwise: an outer ring; GeoJSON wants it anticlockwise
            out.append([ring[::-1]])
        elif out:
            out[-1].append(ring[::-1])
    return out


def feature(rings: list[Ring], row: dict[str, str]) -> dict[str, object] | None:
    parts = polygons(rings)
    if not parts:
        return None
    return {
        "type": "Feature",
        "properties": {"iso_a3": row.get("iso_a3", ""), "name": row.get("name", "")},
        "geometry": {"type": "MultiPolygon", "coordinates": parts},
    }


def read_wheel(wheel: Path) -> tuple[bytes, bytes, str]:
    """The shapefile, its attribute table and the table's encoding (the .cpg file)."""
    with zipfile.ZipFile(wheel) as archive:
        encoding = archive.read(f"{MEMBER}.cpg").decode("ascii").strip()
        return archive.read(f"{MEMBER}.shp"), archive.read(f"{MEMBER}.dbf"), encoding


def download_wheel(folder: Path) -> Path:
    command = [sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-q", "-d", str(folder)]
    subprocess.run(command, check=True)
    return next(folder.glob("geopandas-*.whl"))


def build(wheel: Path) -> list[dict[str, object]]:
    """The countries of the wheel's Natural Earth shapefile as GeoJSON features."""
    shp, dbf, encoding = read_wheel(wheel)
    rows = records(dbf, encoding)
    features = [feature(rings, row) for rings, row in zip(shapes(shp), rows, strict=True)]
    return [f for f in features if f is not None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a geopandas 0.14 wheel (else downloaded)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        features = build(args.wheel or download_wheel(Path(tmp)))
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries (public domain), rounded to 0.1 degree",
        "features": features,
    }
    text = json.dumps(collection, separators=(",", ":")) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"{len(features)} countries, {len(text.encode()):,} bytes -> {args.out}")


if __name__ == "__main__":
    main()
