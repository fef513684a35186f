"""Shows that validate.py fails damaged catalogs: each damage is made to a fresh copy
of a portal that validate.py has just passed, and the check it concerns must then
report the violation named here. Exits 1 if any damage goes unnoticed.

Usage: selftest.py PORTAL_DIR BASE_URL STANDARDS_DIR
"""

import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import rdflib

import validate as v

DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


def edit(path: Path, change: Callable[[str], str]) -> None:
    text = path.read_text()
    changed = change(text)
    if changed == text:
        raise AssertionError(f"the damage did not change {path}")
    path.write_text(changed)


def drop_network_catalog(portal: Path) -> None:
    (portal / "catalog.ttl").unlink()
    (portal / "catalog.jsonld").unlink()


def untitled_datasets(portal: Path) -> None:
    """The network catalog, its datasets without dct:title (only that catalog is kept)."""
    for other in portal.glob("participantes/*/catalog.*"):
        other.unlink()
    graph = rdflib.Graph().parse(portal / "catalog.ttl", format="turtle")
    removed = 0
    for dataset in list(graph.subjects(rdflib.RDF.type, DCAT.Dataset)):
        for title in list(graph.objects(dataset, DCT.title)):
            graph.remove((dataset, DCT.title, title))
            removed += 1
    assert removed, "no dataset title to remove"
    graph.serialize(portal / "catalog.ttl", format="turtle")
    graph.serialize(portal / "catalog.jsonld", format="json-ld")


def untitled_data_json(portal: Path) -> None:
    path = portal / "data.json"
    data = json.loads(path.read_text())
    del data["dataset"][0]["title"]
    path.write_text(json.dumps(data))


def empty_data_json(portal: Path) -> None:
    path = portal / "data.json"
    data = json.loads(path.read_text())
    data["dataset"] = []
    path.write_text(json.dumps(data))


def local_csv_resources(portal: Path, base_url: str) -> list[Path]:
    found = []
    for package in sorted(portal.glob("datos/**/datapackage.json")):
        for resource in json.loads(package.read_text()).get("resources", []):
            path = v.local_path(portal, base_url, resource.get("path", ""))
            if path is not None and path.suffix == ".csv" and resource.get("schema"):
                found.append(path)
    assert found, "no local CSV resource with a schema"
    return found


def missing_data_file(base_url: str) -> Callable[[Path], None]:
    return lambda portal: local_csv_resources(portal, base_url)[0].unlink()


def short_row(base_url: str) -> Callable[[Path], None]:
    """A row of one cell appended to a published CSV (whatever its delimiter)."""

    def damage(portal: Path) -> None:
        path = local_csv_resources(portal, base_url)[0]
        text = path.read_text()
        path.write_text(text + ("" if text.endswith("\n") else "\n") + "solo\n")

    return damage


def no_entries(feed: str) -> Callable[[Path], None]:
    return lambda portal: edit(portal / feed, lambda t: re.sub(r"<entry>.*?</entry>", "", t, flags=re.S))


def no_feed_id(feed: str) -> Callable[[Path], None]:
    # The feed's own <id> comes before its first entry.
    return lambda portal: edit(portal / feed, lambda t: re.sub(r"<id>[^<]*</id>", "", t, count=1))


def empty_sitemap(portal: Path) -> None:
    edit(portal / "sitemap.xml", lambda t: re.sub(r"<url>.*?</url>", "", t, flags=re.S))


def no_json_ld(portal: Path) -> None:
    for page in portal.glob("datos/**/index.html"):
        page.write_text(re.sub(r'<script type="?application/ld\+json"?>.*?</script>', "", page.read_text(), flags=re.S))


def no_datasets_listed(portal: Path) -> None:
    path = portal / "api/v1/datasets.json"
    data = json.loads(path.read_text())
    data["datasets"] = []
    path.write_text(json.dumps(data))


def fake_frictionless(folder: Path) -> str:
    """A `frictionless` that calls every package invalid and names no error."""
    script = folder / "frictionless"
    script.write_text('#!/bin/sh\necho \'{"valid": false, "errors": [], "tasks": []}\'\n')
    script.chmod(0o755)
    return str(script)


def main() -> int:
    portal, base_url, standards = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    if not base_url.endswith("/"):
        base_url += "/"
    frictionless_cli = str(Path(sys.executable).parent / "frictionless")
    with tempfile.TemporaryDirectory() as temporary:
        fake = fake_frictionless(Path(temporary))
        dcat = lambda p: v.validate_dcat(p, standards)  # noqa: E731
        data_json = lambda p: v.validate_data_json(p, standards)  # noqa: E731
        packages = lambda p: v.validate_datapackages(p, base_url, frictionless_cli)  # noqa: E731
        feeds = lambda p: v.validate_feeds(p, base_url)  # noqa: E731
        schema_org = lambda p: v.validate_schema_org(p, base_url)  # noqa: E731
        damages = [
            ("no network catalog.ttl", drop_network_catalog, dcat, "the network's catalog was not written"),
            ("datasets without a title", untitled_datasets, dcat, "http://purl.org/dc/terms/title"),
            ("data.json dataset without a title", untitled_data_json, data_json, "'title' is a required property"),
            ("data.json with no dataset", empty_data_json, data_json, "lists no dataset"),
            ("a data file missing", missing_data_file(base_url), packages, "is not in the portal"),
            ("a row with a missing cell", short_row(base_url), packages, "missing-cell"),
            (
                "frictionless invalid without errors",
                lambda p: None,
                lambda p: v.validate_datapackages(p, base_url, fake),
                "not valid without naming an error",
            ),
            ("a feed with no entry", no_entries("novedades.xml"), feeds, "novedades.xml: the feed has no entry"),
            (
                "a stories feed with no entry",
                no_entries("historias/novedades.xml"),
                feeds,
                "historias/novedades.xml: the feed has no entry",
            ),
            (
                "a stories feed without its id",
                no_feed_id("historias/novedades.xml"),
                feeds,
                "historias/novedades.xml: the feed has no <id>",
            ),
            ("a sitemap with no URL", empty_sitemap, feeds, "sitemap.xml: lists no page"),
            ("dataset pages without JSON-LD", no_json_ld, schema_org, "expected one schema.org Dataset, found 0"),
            ("no dataset listed", no_datasets_listed, schema_org, "no dataset page carries a schema.org Dataset"),
        ]
        unnoticed = []
        for name, damage, check, expected in damages:
            copy = Path(temporary) / "portal"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(portal, copy)
            print(f"== self-test: {name}")
            v.problems.clear()
            damage(copy)
            check(copy)
            if not any(expected in p for p in v.problems):
                unnoticed.append(f"{name}: no violation containing {expected!r} (got {v.problems})")
        v.problems.clear()
    if unnoticed:
        print("\nvalidate.py let damaged catalogs pass:")
        for line in unnoticed:
            print(f"  {line}")
        return 1
    print(f"\nself-test: all {len(damages)} damaged copies failed as they should")
    return 0


if __name__ == "__main__":
    sys.exit(main())
