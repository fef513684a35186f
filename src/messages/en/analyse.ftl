# analyse

analyse-in-sheet = sheet «{ $sheet }»: { $message }
analyse-too-large = this file is { $size }, more than the portal's limit of { $limit }: it is not read
analyse-too-large-help = split it (e.g. by year) or host it elsewhere and give the resource a `url`; the limit is `[build] max_file_size` in portal.toml

## CSV reading

analyse-open-quote = a quoted cell is never closed: the rest of the file was read as one cell
analyse-open-quote-help = close the quote (`"`) or write a quote inside a cell as `""`
analyse-copy-failed = cannot write the UTF-8 copy of this file: { $error }
analyse-standard-copy-failed = cannot write the standard copy (UTF-8, commas, decimal points) of this file: { $error }
analyse-invalid-bytes = bytes that are not valid { $encoding } ({ $count ->
        [one] { $count } cell in all
       *[other] { $count } cells in all
    }); they are shown as �
analyse-invalid-bytes-help = save the file as UTF-8, or declare its encoding with `encoding = "windows-1252"` in the resource
analyse-huge-cell = a cell is longer than 1 MB: is this really a CSV file?
analyse-huge-cell-help = the preview shows only the start of long cells

## Tables

analyse-duplicate-column = the column name `{ $name }` appears twice in the header
analyse-duplicate-column-help = give each column its own name, so the data dictionary can describe it
analyse-unnamed-columns = { $count ->
        [one] column { $columns } has no name in the header; it is shown as `columna_N`
       *[other] columns { $columns } have no name in the header; they are shown as `columna_N`
    }
analyse-unnamed-columns-help = write a name for every column in the first row
analyse-too-many-columns = the table has { $count } columns; only the first { $max } are described
analyse-too-many-columns-help = a table this wide is hard to reuse; consider splitting it
analyse-ragged-row = this row has { $width } cells where the header has { $columns }
analyse-ragged-row-help = every row should have as many cells as the header: check for a missing or extra separator
analyse-ragged-rows = { $count } rows in all have a different number of cells than the header
analyse-misfits = the column `{ $column }` holds values of type { $kind } but { $count } do not fit (for example «{ $example }»)
analyse-misfits-help = correct those cells, so the column can be used as a whole
analyse-empty-column = the column `{ $column }` is empty in every row
analyse-empty-column-help = remove the column or fill it in
# A Table Schema type (`string`, `integer`, `number`, `boolean`, `date`…) as a message names it.
analyse-schema-type = { $kind }

## Declared schemas

analyse-field-not-in-file = resource «{ $resource }»: the field `{ $field }` is documented but the file has no such column
analyse-field-type-mismatch = resource «{ $resource }»: the field `{ $field }` is declared `{ $declared }` but its values look { $kind } (for example «{ $example }»)

## Kinds of file

analyse-empty-file = this data file is empty
analyse-empty-file-help = publish the file with its data, or remove the resource
analyse-lfs-pointer = this file is a Git LFS pointer, not the data: the portal would publish a 130-byte stand-in
analyse-lfs-pointer-help = run `git lfs pull` (or check out with Git LFS) before building, or publish the data itself
analyse-binary-csv = this file is not text: it holds bytes no CSV has (it may be a spreadsheet or an archive)
analyse-binary-csv-help = export the data as CSV, or set `format` to what the file really is
analyse-unreadable = cannot read this data file: { $error }
analyse-cache-failed = cannot create the analysis cache here: { $error }
analyse-cache-failed-help = set ABIERTO_CACHE_DIR to a folder abierto may write to

## Spreadsheets

analyse-workbook-too-big = this spreadsheet is too big to preview (more than 200 MB); it is published as it is
analyse-workbook-unreadable = cannot open this spreadsheet: { $error }
analyse-workbook-unreadable-help = check that the file is a real XLSX, XLS or ODS (open it and save it again)
analyse-sheet-unreadable = cannot read the sheet «{ $sheet }»: { $error }
analyse-sheet-copy-failed = cannot write the CSV copy of the sheet «{ $sheet }»

## Maps

analyse-geo-no-geometry = feature { $feature } has no geometry: it is in the table, not on the map
analyse-geo-no-geometry-help = give it a geometry in the GIS, or leave it if it has no place
analyse-geo-invalid-geometry = the geometry of feature { $feature } is not valid (an unknown type, coordinates that are not numbers or nested wrongly, a line of one point or a ring of less than four): only its valid parts are drawn
analyse-geo-invalid-geometry-help = check the feature in the GIS and export the file again
analyse-geo-out-of-range = feature { $feature } has coordinates that are not longitude and latitude in degrees (beyond ±180, ±90): they are not drawn
analyse-geo-out-of-range-help = the file may be in projected coordinates (metres, such as UTM): export it in WGS 84 (EPSG:4326)
analyse-geo-swapped = feature { $feature } has its coordinates swapped: they read as latitude, longitude, but GeoJSON and KML write longitude first; they are not drawn
analyse-geo-swapped-help = swap the two numbers of each position (longitude, then latitude), or export the file again from the GIS
analyse-geo-crs-unknown = this GeoJSON says its coordinates are in «{ $crs }», a system abierto does not read: its features are not drawn where they are
analyse-geo-crs-unknown-help = export the file in WGS 84 (EPSG:4326, longitude and latitude); abierto also reads UTM zones 11 to 16 north (EPSG:32611 to 32616), EPSG:6372 and EPSG:3857
analyse-geo-crs-late = this GeoJSON says its coordinates are in «{ $crs }», but says it after its features: they were read as longitude and latitude and are not drawn where they are
analyse-geo-crs-late-help = export the file again from the GIS (with `crs` before `features`), or better in WGS 84 (EPSG:4326)
analyse-geo-flaws = { $count } features in all { $kind ->
        [missing] have no geometry
        [invalid] have an invalid geometry
        [swapped] have their coordinates swapped
       *[other] have coordinates out of range
    }
analyse-geojson-invalid = this GeoJSON is not valid JSON: { $error }
analyse-geojson-invalid-help = open it with a GeoJSON validator (or re-export it from the GIS) and fix the place shown
analyse-not-geojson = this JSON is not GeoJSON: it has no `type` of FeatureCollection, Feature or geometry
analyse-not-geojson-help = a GeoJSON file starts with {"{"}"type": "FeatureCollection", "features": […]{"}"}
analyse-map-failed = the interactive map of this file could not be written ({ $error }); the page shows its static map
analyse-kml-malformed = this KML is not well-formed XML ({ $error }); only the placemarks before this point are shown
analyse-kml-malformed-help = re-export the file from the GIS, or fix the element at this line
analyse-kml-too-deep = the KML nests elements too deeply; reading stopped
analyse-kml-unclosed = the KML ends before `<{ $element }>` is closed
analyse-kml-unclosed-help = the file may have been cut short: export it again
analyse-not-kml = this file has no `<kml>` element: it does not look like KML
analyse-not-kml-help = check that the file is the KML the descriptor names
analyse-kml-no-placemarks = this KML has no placemarks

## Personal data

analyse-personal-data-kind = { $kind ->
        [curp] CURPs
        [rfc] RFCs
        [clabe] CLABE account numbers
        [card] card numbers
        [voter-key] INE voter keys
        [email] e-mail addresses
        [nss] social security numbers (NSS)
        [name] people's names
        [address] street addresses
        [birth-date] birth dates
       *[phone] phone numbers
    }
analyse-explorer-failed = cannot prepare this table's explorer data: { $error }
analyse-boundary-not-polygons = `boundary` names «{ $path }», which has no polygons: a boundary is the participant's outline
analyse-boundary-not-polygons-help = save the participant's limit from the GIS as a GeoJSON or KML of polygons (the outline of the municipality or state)

## History (git)

history-shallow = the repository is a partial copy (a shallow clone): the datasets' history of changes starts at the oldest commit this copy has
history-shallow-help = for the whole history, clone the whole repository (`git fetch --unshallow`; in GitHub Actions, `fetch-depth: 0` in `actions/checkout`)
