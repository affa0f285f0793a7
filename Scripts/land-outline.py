#!/usr/bin/env python3
"""Writes Sources/WebApp/Land/land-110m.path: the land of Natural Earth's 1:110m countries as one
SVG path on the world map's plane (equirectangular, 720 x 360: x = (lon + 180) * 2,
y = (90 - lat) * 2), simplified for a small map.

Input: naturalearth_lowres.shp, as shipped in PyPI's geopandas==0.14.4 wheel
(geopandas/datasets/naturalearth_lowres/). The shapefile is read here by hand (polygon records
only), so nothing but Python is needed:

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*'
    python3 Scripts/land-outline.py geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp > Sources/WebApp/Land/land-110m.path
"""
import struct
import sys

WIDTH, HEIGHT = 720.0, 360.0
TOLERANCE = 0.8   # Douglas-Peucker tolerance, in map units (half a degree is one unit)
MIN_AREA = 2.0    # rings smaller than this (square map units) are dropped


def rings(path):
    """Every polygon ring of the shapefile, as lists of (lon, lat)."""
    data = open(path, "rb").read()
    offset = 100
    while offset < len(data):
        _, length = struct.unpack(">ii", data[offset:offset + 8])
        record = data[offset + 8:offset + 8 + length * 2]
        offset += 8 + length * 2
        (kind,) = struct.unpack("<i", record[:4])
        if kind != 5:  # only polygons; null shapes are skipped
            continue
        parts, points = struct.unpack("<ii", record[36:44])
        starts = list(struct.unpack(f"<{parts}i", record[44:44 + 4 * parts])) + [points]
        base = 44 + 4 * parts
        coords = [struct.unpack("<dd", record[base + 16 * i:base + 16 * i + 16]) for i in range(points)]
        for a, b in zip(starts, starts[1:]):
            yield coords[a:b]


def project(lon, lat):
    return ((lon + 180) / 360 * WIDTH, (90 - lat) / 180 * HEIGHT)


def simplify(points, tolerance):
    """Douglas-Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, None
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def area(points):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))) / 2


def number(value):
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def main():
    pieces = []
    for ring in rings(sys.argv[1]):
        points = simplify([project(lon, lat) for lon, lat in ring], TOLERANCE)
        if len(points) < 4 or area(points) < MIN_AREA:
            continue
        if points[0] == points[-1]:
            points = points[:-1]
        pieces.append("M" + "L".join(f"{number(x)} {number(y)}" for x, y in points) + "Z")
    sys.stdout.write("".join(pieces) + "\n")


main()
