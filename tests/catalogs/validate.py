"""Validates a built portal's machine-readable catalogs with the standards' own tools.

Usage: validate.py PORTAL_DIR BASE_URL STANDARDS_DIR

- DCAT-AP 3: every catalog.ttl / catalog.jsonld (network and participants) against the
  official SHACL shapes (3.0.1 with its range shapes, and 3.0.0 mandatory + recommended +
  range), with pyshacl, RDFS inference; the Turtle and JSON-LD of a catalog must hold the
  same graph.
- data.json: the Project Open Data 1.1 non-federal JSON Schema (draft-04), loaded from
  STANDARDS_DIR with a local registry (no network), formats checked; plus the required
  fields of the Latin-American Perfil Regional de Metadatos.
- datapackage.json: `frictionless validate` on each, its data read from PORTAL_DIR (the
  base URL is mapped to the folder); resources hosted elsewhere are checked as metadata.
- The Atom feed and sitemap.xml parsed; robots.txt points to the sitemap.
- schema.org: the JSON-LD of every dataset page, extracted with extruct.

Prints every violation and exits 1 if there is any.
"""

import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import extruct
import feedparser
import frictionless
import jsonschema
import pyshacl
import rdflib
from rdflib.compare import isomorphic
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

problems: list[str] = []


def problem(where: str, message: str) -> None:
    problems.append(f"{where}: {message}")
    print(f"  VIOLATION {where}: {message}")


def local_path(portal: Path, base_url: str, url: str) -> Path | None:
    """The file of the portal that a URL under the base URL names."""
    if not url.startswith(base_url):
        return None
    relative = url[len(base_url):].split("#", 1)[0]
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return portal / relative


# DCAT-AP 3 ------------------------------------------------------------------------------

def shapes(standards: Path) -> dict[str, rdflib.Graph]:
    sets = {
        "DCAT-AP 3.0.1": ["dcat-ap-3.0.1/dcat-ap-SHACL.ttl", "dcat-ap-3.0.1/ranges.ttl"],
        "DCAT-AP 3.0.0": [
            "dcat-ap-3.0.0/shapes.ttl",
            "dcat-ap-3.0.0/shapes_recommended.ttl",
            "dcat-ap-3.0.0/range.ttl",
        ],
    }
    graphs = {}
    for name, files in sets.items():
        graph = rdflib.Graph()
        for file in files:
            graph.parse(standards / file, format="turtle")
        # DCAT-AP 3.0.1's ranges.ttl names a few property shapes that no file defines
        # (an upstream slip); pyshacl refuses them. They constrain nothing: drop the links.
        sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
        dangling = [
            (shape, prop)
            for shape, prop in graph.subject_objects(sh.property)
            if graph.value(prop, sh.path) is None
        ]
        for link in dangling:
            graph.remove((link[0], sh.property, link[1]))
        if dangling:
            print(f"  note {name}: ignored {len(dangling)} references to undefined property shapes")
        graphs[name] = graph
    return graphs


def validate_dcat(portal: Path, standards: Path) -> int:
    shape_graphs = shapes(standards)
    catalogs = sorted(portal.glob("catalog.ttl")) + sorted(portal.glob("participantes/*/catalog.ttl"))
    if not (portal / "catalog.ttl").is_file():
        problem("catalog.ttl", "the network's catalog was not written")
    if not catalogs:
        problem("DCAT", "no catalog.ttl was written")
    for turtle in catalogs:
        where = str(turtle.relative_to(portal))
        data = rdflib.Graph()
        try:
            data.parse(turtle, format="turtle")
        except Exception as error:  # noqa: BLE001 - any parse error is a violation
            problem(where, f"is not valid Turtle: {error}")
            continue
        json_ld = turtle.with_suffix(".jsonld")
        other = rdflib.Graph()
        try:
            other.parse(json_ld, format="json-ld")
            if not isomorphic(data, other):
                problem(str(json_ld.relative_to(portal)), "does not hold the same graph as the Turtle")
        except Exception as error:  # noqa: BLE001
            problem(str(json_ld.relative_to(portal)), f"is not valid JSON-LD: {error}")
        warnings: dict[str, int] = {}
        for name, shape_graph in shape_graphs.items():
            conforms, results, text = pyshacl.validate(
                data,
                shacl_graph=shape_graph,
                inference="rdfs",
                abort_on_first=False,
                meta_shacl=False,
                advanced=True,
            )
            sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
            for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
                severity = results.value(result, sh.resultSeverity)
                focus = results.value(result, sh.focusNode)
                path = results.value(result, sh.resultPath)
                message = results.value(result, sh.resultMessage)
                line = f"{name}: {focus} {path}: {message}"
                if name == "DCAT-AP 3.0.0" and str(path) == "http://www.w3.org/ns/dcat#byteSize":
                    # 3.0.0 typed byte sizes xsd:decimal; 3.0.1 corrected it to
                    # xsd:nonNegativeInteger (DCAT 3's range), which the catalogs follow.
                    continue
                if severity == sh.Violation:
                    problem(where, line)
                else:
                    key = f"{name} {severity.split('#')[-1].lower()}: {path or 'node'}"
                    warnings[key] = warnings.get(key, 0) + 1
        for key, count in sorted(warnings.items()):
            print(f"  note {where}: {count} × {key} (recommended, not required)")
        datasets = len(set(data.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/dcat#Dataset"))))
        # A participant with planned datasets only has none; the network always has some.
        if datasets == 0 and where == "catalog.ttl":
            problem(where, "the network's catalog describes no dcat:Dataset")
        print(f"ok  {where} (+ .jsonld): {len(data)} triples, {datasets} datasets, SHACL checked")
    return len(catalogs)


# data.json ------------------------------------------------------------------------------

def validate_data_json(portal: Path, standards: Path) -> None:
    where = "data.json"
    schema_dir = standards / "pod-1.1-non-federal"
    registry = Registry()
    schemas = {}
    for file in sorted(schema_dir.glob("*.json")):
        contents = json.loads(file.read_text())
        resource = Resource(contents=contents, specification=DRAFT4)
        schema_id = contents["id"]
        schemas[file.name] = contents
        for uri in {schema_id, schema_id.rstrip("#")}:
            registry = registry.with_resource(uri, resource)
    catalog_schema = schemas["catalog.json"]
    validator = jsonschema.Draft4Validator(
        catalog_schema,
        registry=registry,
        format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER,
    )
    data = json.loads((portal / "data.json").read_text())
    for error in validator.iter_errors(data):
        problem(where, f"{'/'.join(map(str, error.absolute_path))}: {error.message}")
    # The Perfil Regional de Metadatos (DCAT-AP for Latin America) requires more.
    for index, dataset in enumerate(data.get("dataset", [])):
        at = f"{where} dataset {dataset.get('identifier', index)}"
        for key in ("identifier", "title", "description", "publisher"):
            if not dataset.get(key):
                problem(at, f"Perfil Regional requires `{key}`")
        publisher = dataset.get("publisher") or {}
        for key in ("name", "mbox"):
            if not publisher.get(key):
                problem(at, f"Perfil Regional requires publisher `{key}`")
        if "distribution" not in dataset:
            continue  # a planned dataset: listed in the inventory, nothing to download yet
        for key in ("issued",):
            if not dataset.get(key):
                problem(at, f"Perfil Regional requires `{key}` of a published dataset")
        if "accrualPeriodicity" not in dataset:
            print(f"  note {at}: no accrualPeriodicity (its descriptor says `never`, which ISO 8601 cannot write)")
        for distribution in dataset["distribution"]:
            for key in ("identifier", "title", "downloadURL", "accessURL", "issued", "mediaType"):
                if not distribution.get(key):
                    problem(at, f"distribution {distribution.get('identifier')}: Perfil Regional requires `{key}`")
    if not data.get("dataset"):
        problem(where, "lists no dataset")
    print(f"ok  data.json: {len(data.get('dataset', []))} datasets checked against POD 1.1 and the Perfil Regional")


# Frictionless ---------------------------------------------------------------------------

def validate_datapackages(portal: Path, base_url: str, frictionless_cli: str) -> int:
    packages = sorted(portal.glob("datos/**/datapackage.json"))
    if not packages:
        problem("datapackage.json", "none was written")
    with tempfile.TemporaryDirectory() as temporary:
        for package in packages:
            where = str(package.relative_to(portal))
            descriptor = json.loads(package.read_text())
            # The metadata as published, remote resources included.
            try:
                report = frictionless.Package.validate_descriptor(descriptor)
                if not report.valid:
                    for error in report.flatten(["type", "note"]):
                        problem(where, f"metadata: {error}")
            except Exception as error:  # noqa: BLE001
                problem(where, f"metadata: {error}")
            # The data, read from the built portal instead of the base URL.
            local = dict(descriptor)
            local["resources"] = []
            for resource in descriptor.get("resources", []):
                path = local_path(portal, base_url, resource.get("path", ""))
                if path is None:
                    print(f"  note {where}: resource `{resource.get('name')}` is hosted elsewhere; metadata checked only")
                    continue
                if not path.is_file():
                    problem(where, f"resource `{resource.get('name')}`: {resource['path']} is not in the portal")
                    continue
                local["resources"].append({**resource, "path": str(path.resolve())})
            if not local["resources"]:
                print(f"ok  {where}: metadata only")
                continue
            copy = Path(temporary) / (where.replace("/", "_"))
            copy.write_text(json.dumps(local))
            run = subprocess.run(
                [frictionless_cli, "validate", "--json", "--trusted", str(copy)],
                capture_output=True,
                text=True,
            )
            try:
                report = json.loads(run.stdout)
            except json.JSONDecodeError:
                problem(where, f"frictionless failed: {run.stdout[-2000:]} {run.stderr[-2000:]}")
                continue
            before = len(problems)
            for task in report.get("tasks", []):
                for error in task.get("errors", []):
                    problem(where, f"{task.get('name')}: {error.get('type')}: {error.get('message')}")
                if not task.get("valid", True) and len(problems) == before:
                    problem(where, f"{task.get('name')}: frictionless says invalid without naming an error")
            for error in report.get("errors", []):
                problem(where, f"{error.get('type')}: {error.get('message')}")
            if report.get("valid") is not True:
                if len(problems) == before:
                    problem(where, f"frictionless says the package is not valid without naming an error: {run.stdout[-2000:]}")
                continue
            print(f"ok  {where}: frictionless validate ({len(local['resources'])} resources read)")
    return len(packages)


# Atom, sitemap, robots ------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


FEEDS = ("novedades.xml", "historias/novedades.xml")


def validate_atom(portal: Path, base_url: str, where: str) -> None:
    """One Atom feed of the portal: well-formed, Atom 1.0, with entries linking to its pages."""
    feed_file = portal / where
    if not feed_file.is_file():
        problem(where, "was not written")
        return
    try:
        root = ET.parse(feed_file).getroot()
    except ET.ParseError as error:
        problem(where, f"is not well-formed XML: {error}")
        return
    if root.tag != f"{ATOM}feed":
        problem(where, f"root is {root.tag}, not an Atom feed")
    for key in ("id", "title", "updated"):
        if root.find(f"{ATOM}{key}") is None:
            problem(where, f"the feed has no <{key}>")
    entries = root.findall(f"{ATOM}entry")
    if not entries:
        problem(where, "the feed has no entry")
    for entry in entries:
        for key in ("id", "title", "updated", "link"):
            if entry.find(f"{ATOM}{key}") is None:
                problem(where, f"an entry has no <{key}>")
        link = entry.find(f"{ATOM}link")
        if link is not None:
            target = local_path(portal, base_url, link.get("href", ""))
            if target is None or not target.is_file():
                problem(where, f"entry link {link.get('href')} is not a page of the portal")
    parsed = feedparser.parse(feed_file.read_bytes())
    if parsed.bozo:
        problem(where, f"feedparser: {parsed.bozo_exception}")
    if parsed.version != "atom10":
        problem(where, f"feedparser reads it as {parsed.version!r}, not Atom 1.0")
    print(f"ok  {where}: Atom 1.0, {len(entries)} entries")


def validate_feeds(portal: Path, base_url: str) -> None:
    for feed in FEEDS:
        validate_atom(portal, base_url, feed)
    # The history feeds, when the portal was built from a git repository.
    history = sorted(portal.glob("datos/*/*/historial.xml"))
    if (portal / "datos/historial.xml").is_file():
        history.insert(0, portal / "datos/historial.xml")
    for feed in history:
        validate_atom(portal, base_url, str(feed.relative_to(portal)))

    try:
        root = ET.parse(portal / "sitemap.xml").getroot()
    except (ET.ParseError, FileNotFoundError) as error:
        problem("sitemap.xml", f"is not well-formed XML: {error}")
        return
    if root.tag != f"{SITEMAP}urlset":
        problem("sitemap.xml", f"root is {root.tag}, not a sitemap urlset")
    locations = [loc.text or "" for loc in root.iter(f"{SITEMAP}loc")]
    if not locations:
        problem("sitemap.xml", "lists no page")
    for location in locations:
        target = local_path(portal, base_url, location)
        if target is None or not target.is_file():
            problem("sitemap.xml", f"{location} is not a page of the portal")
    print(f"ok  sitemap.xml: {len(locations)} pages, all present")

    robots = (portal / "robots.txt").read_text()
    if f"Sitemap: {base_url}sitemap.xml" not in robots.splitlines():
        problem("robots.txt", "does not point to the sitemap")


# schema.org -----------------------------------------------------------------------------

def validate_schema_org(portal: Path, base_url: str) -> None:
    data = json.loads((portal / "api/v1/datasets.json").read_text())
    checked = 0
    for summary in data["datasets"]:
        page = local_path(portal, base_url, summary["url"])
        where = str(page.relative_to(portal))
        html = page.read_text()
        found = extruct.extract(html, base_url=summary["url"], syntaxes=["json-ld"], uniform=True)
        datasets = [item for item in found["json-ld"] if item.get("@type") == "Dataset"]
        if summary["status"] == "planned":
            if datasets:
                problem(where, "a planned dataset must not be announced as a schema.org Dataset")
            continue
        if len(datasets) != 1:
            problem(where, f"expected one schema.org Dataset, found {len(datasets)}")
            continue
        item = datasets[0]
        for key in ("name", "description", "url", "identifier", "license", "creator", "distribution", "includedInDataCatalog"):
            if not item.get(key):
                problem(where, f"schema.org Dataset lacks `{key}`")
        if not 50 <= len(item.get("description", "")) <= 5000:
            problem(where, "Google Dataset Search wants a description of 50 to 5000 characters")
        if item.get("identifier") != summary["identifier"]:
            problem(where, "schema.org identifier differs from the catalog's")
        for download in item.get("distribution", []):
            if download.get("@type") != "DataDownload" or not download.get("contentUrl") or not download.get("encodingFormat"):
                problem(where, f"distribution {download} is not a DataDownload with contentUrl and encodingFormat")
        checked += 1
    if checked == 0:
        problem("schema.org", "no dataset page carries a schema.org Dataset")
    print(f"ok  schema.org: {checked} dataset pages carry a Dataset (extruct)")


def main() -> int:
    portal, base_url, standards = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    if not base_url.endswith("/"):
        base_url += "/"
    frictionless_cli = str(Path(sys.executable).parent / "frictionless")
    print(f"Validating the catalogs of {portal} (base URL {base_url})")
    validate_dcat(portal, standards)
    validate_data_json(portal, standards)
    validate_datapackages(portal, base_url, frictionless_cli)
    validate_feeds(portal, base_url)
    validate_schema_org(portal, base_url)
    if problems:
        print(f"\n{len(problems)} violation(s)")
        return 1
    print("\nall catalogs valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
