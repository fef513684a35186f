#!/usr/bin/env python3
"""What an import of a JKAN portal kept: figures for BENCHMARKS.md.

    bench/import_figures.py JKAN_DIR SITE_DIR

JKAN_DIR is the JKAN site's folder (a checkout of its repository, outside this
one); SITE_DIR the abierto site `abierto import jkan JKAN_DIR --into SITE_DIR`
wrote. The source is read with PyYAML, independently of abierto's importer
(a tab where YAML forbids one is read as a space, as Jekyll's Psych does), and
each descriptor is found by the `# abierto-import: jkan dataset:<id>` line the
import writes. Prints, over the source's datasets:

- resources: the source's resources with an address, and how many arrived;
- keywords: datasets with tags in the source whose descriptor has them all;
- licences: datasets whose descriptor states the licence the source states
  (a built-in one by its address or name, the source's own by its name, or
  "not stated" when the source states none or "not specified"), and datasets
  whose descriptor shows a licence the source did not grant (must be 0);
- dates: datasets with a date in the source (created, modified,
  metadata_modified, as dateutil reads it) whose descriptor has issued or modified.
"""

import pathlib
import re
import sys
import tomllib

import yaml
from dateutil import parser as dateparser

NOT_STATED = ("not specified", "notspecified", "no especificada", "sin licencia")
BUILT_IN = {
    "cc-by-4.0": ("creativecommons.org/licenses/by/4.0",),
    "cc0-1.0": ("creativecommons.org/publicdomain/zero/1.0", "opendefinition.org/licenses/cc-zero"),
    "odbl-1.0": ("opendatacommons.org/licenses/odbl",),
    "pddl-1.0": ("opendatacommons.org/licenses/pddl",),
    "cc-by-sa-4.0": ("creativecommons.org/licenses/by-sa/4.0",),
    "libre-uso-mx": ("datos.gob.mx/libreusomx",),
}


def front(path):
    text = path.read_text(encoding="utf-8-sig")
    match = re.match(r"---\r?\n(.*?)\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)", text, re.S)
    if not match:
        return None
    try:
        return yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return yaml.safe_load(match.group(1).replace("\t", " "))


def source_licences(jkan):
    listed = {}
    data = jkan / "_data" / "licenses.yml"
    if data.exists():
        items = yaml.safe_load(data.read_text(encoding="utf-8"))
        items = items.get("items", []) if isinstance(items, dict) else items
        for item in items or []:
            listed[str(item.get("name", "")).strip().lower()] = str(item.get("url") or "")
    return listed


def descriptors(site):
    found = {}
    for path in (site / "participants").rglob("*.toml"):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        match = re.match(r"# abierto-import: jkan dataset:(\S+) ", first)
        if match:
            found[match.group(1)] = tomllib.loads(path.read_text(encoding="utf-8"))
    return found


def is_date(value):
    if value is None:
        return False
    if hasattr(value, "year"):
        return True
    text = str(value).strip()
    if not re.search(r"\d{4}", text) or text.upper().startswith("R/P") or re.fullmatch(r"\d{4}", text):
        return False
    try:
        dateparser.parse(text)
        return True
    except (ValueError, OverflowError):
        return False


def licence_arrived(written, descriptor, listed):
    """Whether the descriptor states what the source states; and whether it grants more."""
    table = descriptor.get("license")
    stated_none = not written or any(w in str(written).lower() for w in NOT_STATED)
    if stated_none:
        ok = isinstance(table, dict) and table.get("id") == "no-declarada"
        return ok, not ok
    url = listed.get(str(written).strip().lower(), str(written))
    for licence, addresses in BUILT_IN.items():
        if any(a in url for a in addresses):
            return table == licence, table != licence
    ok = isinstance(table, dict) and table.get("name", "").strip().lower() == str(written).strip().lower()
    return ok, not ok


def main(jkan, site):
    listed = source_licences(jkan)
    written = descriptors(site)
    figures = dict.fromkeys(
        ["datasets", "arrived", "resources", "resources_kept", "tagged", "tags_kept",
         "licences", "licences_kept", "granted_more", "dated", "dates_kept"], 0)
    for path in sorted((jkan / "_datasets").rglob("*.md")):
        data = front(path)
        if not isinstance(data, dict):
            continue
        figures["datasets"] += 1
        source_id = str(path.relative_to(jkan / "_datasets").with_suffix(""))
        descriptor = written.get(source_id)
        if descriptor is None:
            continue
        figures["arrived"] += 1
        resources = [r for r in data.get("resources") or [] if isinstance(r, dict) and r.get("url")]
        figures["resources"] += len(resources)
        figures["resources_kept"] += min(len(resources), len(descriptor.get("resources", [])))
        tags = [t.get("name") if isinstance(t, dict) else t for t in data.get("tags") or []]
        tags = [str(t).strip() for t in tags if t is not None and str(t).strip()]
        if tags:
            figures["tagged"] += 1
            kept = set(descriptor.get("keywords", []))
            figures["tags_kept"] += all(t in kept for t in tags)
        figures["licences"] += 1
        ok, more = licence_arrived(data.get("license"), descriptor, listed)
        figures["licences_kept"] += ok
        figures["granted_more"] += more
        if any(is_date(data.get(k)) for k in ("created", "modified", "metadata_modified", "issued")):
            figures["dated"] += 1
            figures["dates_kept"] += bool(descriptor.get("issued") or descriptor.get("modified"))

    def share(part, whole):
        return f"{part} of {whole} ({100 * part / whole:.1f} %)" if whole else "none in the source"

    print(f"datasets with descriptors: {share(figures['arrived'], figures['datasets'])}")
    print(f"resources kept:            {share(figures['resources_kept'], figures['resources'])}")
    print(f"keywords arrived:          {share(figures['tags_kept'], figures['tagged'])}")
    print(f"licences arrived:          {share(figures['licences_kept'], figures['licences'])}")
    print(f"licences not granted:      {figures['granted_more']}")
    print(f"dates arrived:             {share(figures['dates_kept'], figures['dated'])}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
