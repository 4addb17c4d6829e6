"""Load the official place lists shipped in data/places/ (SCB län and kommuner, Danish regions
and kommuner) plus every ISO 3166-1 country, and the Swedish and Danish places' map positions.
Used by data migrations and by `load_places`; running it again only changes rows whose data
changed."""

import csv
from decimal import Decimal
from pathlib import Path

from django.utils import translation
from django_countries import countries

DATA_DIR = Path(__file__).resolve().parent / "data" / "places"
LABEL_LANGUAGES = ["sv", "en", "da", "nb", "nn", "fi", "is"]
NORDIC = ["SE", "DK", "NO", "FI", "IS"]


def _read(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _identifier(kind, country, code):
    return country if kind == "country" else f"{country}-{code}"


def place_rows():
    """Every place as (kind, country, code, name, names, parent key) in dependency order."""
    for code in NORDIC + [code for code, _name in countries if code not in NORDIC]:
        names = {}
        for language in LABEL_LANGUAGES:
            with translation.override(language):
                names[language] = str(countries.name(code))
        yield ("country", code, code, names["en"], names, None)
    for row in _read("se_regions.csv"):
        names = {"sv": row["name_sv"], "en": row["name_en"], "da": row["name_da"]}
        yield ("region", "SE", row["code"], row["name_sv"], names, ("country", "SE", "SE"))
    for row in _read("dk_regions.csv"):
        names = {"da": row["name_da"], "sv": row["name_sv"], "en": row["name_en"]}
        yield ("region", "DK", row["code"], row["name_da"], names, ("country", "DK", "DK"))
    for country, file_name in (("SE", "se_municipalities.csv"), ("DK", "dk_municipalities.csv")):
        for row in _read(file_name):
            parent = ("region", country, row["region_code"])
            yield ("municipality", country, row["code"], row["name"], {}, parent)


def load_places(place_model, log=None):
    """Create or update the official places; returns (created, updated, unchanged)."""
    existing = {(p.kind, p.country, p.code): p for p in place_model.objects.all()}
    created = updated = unchanged = 0
    for kind, country, code, name, names, parent_key in place_rows():
        parent = existing[parent_key] if parent_key else None
        place = existing.get((kind, country, code))
        if place is None:
            place = place_model.objects.create(
                kind=kind,
                country=country,
                code=code,
                identifier=_identifier(kind, country, code),
                name=name,
                names=names,
                parent=parent,
            )
            existing[(kind, country, code)] = place
            created += 1
        elif (place.name, place.names, place.parent_id) != (name, names, parent and parent.pk):
            place.name, place.names, place.parent = name, names, parent
            place.save(update_fields=["name", "names", "parent"])
            updated += 1
        else:
            unchanged += 1
        if log and (created + updated + unchanged) % 200 == 0:
            log(f"  … {created + updated + unchanged} places processed")
    return created, updated, unchanged


def load_centres(place_model):
    """Set the shipped map positions (data/places/centres.csv, see its README) on Swedish and
    Danish regions and municipalities; returns how many changed. Separate from `load_places`
    because the migration that first loaded the places predates the coordinate fields."""
    changed = 0
    for row in _read("centres.csv"):
        point = (Decimal(row["latitude"]), Decimal(row["longitude"]))
        changed += (
            place_model.objects.filter(kind=row["kind"], country=row["country"], code=row["code"])
            .exclude(latitude=point[0], longitude=point[1])
            .update(latitude=point[0], longitude=point[1])
        )
    return changed
