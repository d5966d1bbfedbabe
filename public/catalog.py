"""The open data described for machines: a Frictionless datapackage.json and a DCAT JSON-LD record for CKAN."""

from __future__ import annotations

import json
from typing import Any

from public import data
from public.links import Links

DATAPACKAGE = "datapackage.json"
DCAT = "dcat.jsonld"
JSONLD_TYPE = "application/ld+json; charset=utf-8"
_MEDIA = {"json": "application/json", "csv": "text/csv", "atom": "application/atom+xml"}
_FORMATS = {"json": "json", "csv": "csv", "atom": "xml"}
# Table Schema types of recommendations.csv's columns (the rest are strings; an empty cell is a missing value).
_CSV_TYPES = {
    "id": "integer",
    "round": "integer",
    "commitment_number": "integer",
    "voice_seconds": "integer",
    "endorsements": "integer",
}


def _dump(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _resource(f: data.DataFile) -> dict[str, Any]:
    name = f.name.replace(".", "-")
    found: dict[str, Any] = {
        "name": name,
        "path": f.name,
        "format": _FORMATS[f.kind],
        "mediatype": _MEDIA[f.kind],
        "encoding": "utf-8",
        "description": f"JSON Schema: schemas/{f.schema}" if f.kind == "json" else f.name,
    }
    if f.kind == "csv":
        found["profile"] = "tabular-data-resource"
        found["encoding"] = "utf-8-sig"  # the byte-order mark that spreadsheet programs need
        found["schema"] = {
            "fields": [{"name": c, "type": _CSV_TYPES.get(c, "string")} for c in f.fields],
            "missingValues": [""],
            "primaryKey": ["id"],
        }
    return found


def datapackage(licence: str, licence_url: str | None, links: Links, title: str) -> bytes:
    """Return datapackage.json: every open-data file with its format (a Table Schema for the CSV file)."""
    licence_entry: dict[str, Any] = {"name": licence, "title": licence}
    if licence_url:
        licence_entry["path"] = licence_url
    package: dict[str, Any] = {
        "name": "ogp-action-plan-record",
        "title": title,
        "licenses": [licence_entry],
        "resources": [_resource(f) for f in data.files()],
    }
    home = links.absolute("open-data/")
    if home:
        package["homepage"] = home
    return _dump(package)


def dcat(
    licence: str, licence_url: str | None, links: Links, title: str, publisher: str, modified: str | None
) -> bytes:
    """Return dcat.jsonld: a DCAT catalogue of one dataset whose distributions are the open-data files."""
    dataset: dict[str, Any] = {
        "@id": links.data("open-data/#dataset"),
        "@type": "dcat:Dataset",
        "dct:title": title,
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": publisher},
        "dct:spatial": "http://publications.europa.eu/resource/authority/country/JOR",
        "dct:accrualPeriodicity": "http://purl.org/cld/freq/continuous",
        "dcat:landingPage": links.data("open-data/"),
        "dcat:keyword": ["open government partnership", "OGP", "action plan", "Jordan"],
        "dcat:distribution": [_distribution(f, links, licence, licence_url) for f in data.files()],
    }
    if modified:
        dataset["dct:modified"] = {"@value": modified, "@type": "xsd:dateTime"}
    context = {
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }
    catalogue = {
        "@context": context,
        "@id": links.data("open-data/dcat.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": title,
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": publisher},
        "dcat:dataset": [dataset],
    }
    return _dump(catalogue)


def _distribution(f: data.DataFile, links: Links, licence: str, licence_url: str | None) -> dict[str, Any]:
    found: dict[str, Any] = {
        "@type": "dcat:Distribution",
        "dct:title": f.name,
        "dcat:downloadURL": {"@id": links.data(f"open-data/{f.name}")},
        "dcat:mediaType": _MEDIA[f.kind],
        "dct:format": _FORMATS[f.kind].upper(),
        "dct:license": licence_url or licence,
    }
    if f.kind == "json":
        found["dct:conformsTo"] = {"@id": links.data(f"open-data/schemas/{f.schema}")}
    return found
