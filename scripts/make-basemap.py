#!/usr/bin/env python3
"""Reduces Natural Earth's 1:110m admin-0 countries (public domain), as the npm package
world-atlas 2.0.2 ships them in TopoJSON (countries-110m.json), to the compact basemap the maps
draw: assets/basemap/north-america-110m.json.

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 scripts/make-basemap.py /tmp/package/countries-110m.json > assets/basemap/north-america-110m.json

The TopoJSON arcs are decoded (quantized, delta-encoded), those touching North America's box
are kept as polylines, and each is labelled a coast (used by one country) or a border (shared
by two). Coordinates are rounded to 0.01 degree (about 1 km, far below 1:110m's detail).
"""
import json
import sys

WEST, EAST, SOUTH, NORTH = -170.0, -50.0, 5.0, 75.0


def decode(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def uses(topology):
    count = {}

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, int):
            index = node if node >= 0 else ~node
            count[index] = count.get(index, 0) + 1

    for geometry in topology["objects"]["countries"]["geometries"]:
        walk(geometry.get("arcs", []))
    return count


def main(path):
    topology = json.load(open(path))
    arcs = decode(topology)
    count = uses(topology)
    coast, borders = [], []
    for index, points in enumerate(arcs):
        inside = any(WEST <= x <= EAST and SOUTH <= y <= NORTH for x, y in points)
        if not inside or len(points) < 2:
            continue
        (borders if count.get(index, 0) > 1 else coast).append([list(p) for p in points])
    out = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via world-atlas 2.0.2 "
                  "(countries-110m.json); reduced by scripts/make-basemap.py",
        "box": {"west": WEST, "east": EAST, "south": SOUTH, "north": NORTH},
        "coast": coast,
        "borders": borders,
    }
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
