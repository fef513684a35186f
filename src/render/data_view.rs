//! What a dataset page shows of a data file's content: its dialect and
//! counts, warnings, the preview table, the data dictionary (documentation
//! merged with the profile), extra downloads (UTF-8 copy, sheet CSVs, GeoJSON)
//! and the map. Every text is computed here; the template only lays it out.

use super::Translation;
use super::figures::TableOf;
use super::map_figure::{self, Basemap, Figure};
use super::map_svg::Layer;
use crate::analyse::MapLayer;
use crate::analyse::schema::{self, FieldDoc};
use crate::analyse::{
    ColumnType, CsvAnalysis, EncodingSource, FileContent, FileFacts, GeoAnalysis, GeoFormat, Sheet,
    Table,
};
use crate::model::Resource;
use crate::msg;
use crate::output::urls::{Route, Urls};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoticeView {
    pub line: Option<String>,
    pub message: String,
    /// The message as HTML: escaped, names quoted in backticks as `<code>`.
    pub message_html: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DownloadView {
    /// Its anchor on the page, when catalogs list it as a distribution of its own.
    pub id: Option<String>,
    pub href: String,
    pub file_name: String,
    pub text: String,
    pub note: Option<String>,
    /// Its size in words («1,2 MB») and in bytes, when it differs from the original's.
    pub size: Option<String>,
    pub bytes: Option<u64>,
    pub sha256: Option<String>,
}

impl DownloadView {
    /// The download of a file made from the original (`name`, in the cache).
    fn made(
        cx: &Context,
        facts: &FileFacts,
        route: &Route,
        name: &str,
        text: String,
    ) -> DownloadView {
        DownloadView {
            id: None,
            href: cx.urls.href(route),
            file_name: route.file_name().to_string(),
            text,
            note: None,
            size: facts.made_bytes.get(name).map(|b| cx.t.size(*b)),
            bytes: facts.made_bytes.get(name).copied(),
            sha256: facts.made_sha256.get(name).cloned(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    pub name: String,
    pub type_text: String,
    pub mismatch: Option<String>,
    pub description: String,
    pub empty: String,
    pub distinct: String,
    pub min: String,
    pub max: String,
    pub top: String,
    pub missing: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    /// Unique in the page.
    pub id: String,
    /// The sheet's name, for workbooks.
    pub heading: Option<String>,
    pub preview_caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub note: Option<String>,
    pub fields_caption: String,
    pub fields: Vec<FieldView>,
    pub download: Option<DownloadView>,
    /// «Explorar los datos»: the table's explorer.
    pub explore: Option<super::views::Link>,
    /// Why the table has no explorer, when it is too big for one.
    pub explore_note: Option<String>,
    /// «Insertar»: the code to show the preview on another site.
    pub share: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    /// The whole `<figure>`: static map, legend, caption, interactive map's data.
    pub html: String,
    /// Whether it becomes interactive (the page then loads `map.js`).
    pub live: bool,
}

/// The content of one local resource, as its page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct DataView {
    pub facts: Vec<Pair>,
    pub notices: Vec<NoticeView>,
    /// Set when the download is not UTF-8 and a copy is offered: says the download is the original.
    pub original_note: Option<String>,
    pub downloads: Vec<DownloadView>,
    pub map: Option<MapView>,
    /// «Insertar»: the code to show the map on another site.
    pub map_share: Option<String>,
    pub tables: Vec<TableView>,
}

pub struct Context<'a> {
    pub t: &'a Translation,
    pub urls: &'a Urls,
    pub dataset_id: &'a str,
    pub file_name: &'a str,
    pub resource: &'a Resource,
    /// `[build] explore_max_rows`.
    pub explore_max_rows: u64,
    /// Outlines drawn under its maps: its participant's boundary.
    pub outlines: &'a [(&'a MapLayer, Option<Route>)],
    /// The portal's tile server, when it has one.
    pub basemap: Option<&'a Basemap>,
}

impl Context<'_> {
    fn ui(&self, key: &str) -> String {
        self.t.ui(key).to_string()
    }

    fn fill(&self, key: &str, values: &[(&str, String)]) -> String {
        let mut text = self.ui(key);
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    fn count(&self, n: u64) -> String {
        self.t.integer(n)
    }
}

pub fn data_view(cx: &Context, facts: &FileFacts) -> DataView {
    let mut view = DataView {
        facts: Vec::new(),
        notices: notices(cx, facts),
        original_note: None,
        downloads: Vec::new(),
        map: None,
        map_share: None,
        tables: Vec::new(),
    };
    match &facts.content {
        FileContent::Csv {
            csv,
            utf8_copy,
            standard_copy,
        } => {
            let copies = Copies {
                utf8: utf8_copy.as_deref(),
                standard: standard_copy.as_deref(),
            };
            csv_view(cx, facts, csv, copies, &mut view)
        }
        FileContent::Workbook { sheets } => workbook_view(cx, facts, sheets, &mut view),
        FileContent::Geo {
            format,
            geo,
            geojson_copy,
        } => geo_view(
            cx,
            facts,
            geo,
            geojson_copy
                .as_deref()
                .filter(|_| *format == GeoFormat::Kml),
            &mut view,
        ),
        FileContent::LfsPointer { .. } | FileContent::Other => {}
    }
    super::figures::share_figures(cx, &mut view);
    view
}

/// The analysis' notices, with their lines.
fn notices(cx: &Context, facts: &FileFacts) -> Vec<NoticeView> {
    facts
        .notices
        .iter()
        .map(|n| {
            let message = n.message.text(cx.t.language);
            NoticeView {
                line: n
                    .line
                    .map(|l| format!("{} {}", cx.ui("line"), cx.count(l as u64))),
                message_html: code_spans(&message),
                message,
            }
        })
        .collect()
}

/// Text made HTML: escaped, each name between backticks (`vacia`) as code.
fn code_spans(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    let closed = parts.len() % 2 == 1;
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let is_code = i % 2 == 1 && (closed || i + 1 < parts.len());
            match (is_code, i % 2 == 1) {
                (true, _) => format!("<code>{}</code>", super::escape(part)),
                (false, true) => format!("`{}", super::escape(part)),
                (false, false) => super::escape(part),
            }
        })
        .collect()
}

/// The copies made of a CSV, by name in the cache.
struct Copies<'a> {
    utf8: Option<&'a str>,
    standard: Option<&'a str>,
}

/// A CSV file: its dialect and counts, its UTF-8 and standard copies, its table and map.
fn csv_view(
    cx: &Context,
    facts: &FileFacts,
    csv: &CsvAnalysis,
    copies: Copies,
    view: &mut DataView,
) {
    let dialect = &csv.dialect;
    let source = match dialect.encoding_source {
        EncodingSource::Declared => cx.ui("encoding_declared"),
        EncodingSource::Bom => cx.ui("encoding_bom"),
        EncodingSource::Detected => cx.ui("encoding_detected"),
    };
    let pair = |label: &str, value: String| Pair {
        label: cx.ui(label),
        value,
    };
    view.facts.push(pair(
        "resource_encoding",
        format!("{} ({source})", dialect.encoding),
    ));
    view.facts.push(pair(
        "separator",
        match dialect.delimiter {
            '\t' => cx.ui("separator_tab"),
            c => format!("«{c}»"),
        },
    ));
    if dialect.decimal_comma {
        view.facts
            .push(pair("decimal_comma", cx.ui("decimal_comma_yes")));
    }
    view.facts.push(pair("rows", cx.count(csv.table.rows)));
    view.facts
        .push(pair("columns_count", cx.count(csv.table.columns as u64)));
    if let Some(name) = copies.utf8 {
        view.original_note =
            Some(cx.fill("original_note", &[("encoding", dialect.encoding.clone())]));
        let route = Urls::utf8_copy(cx.dataset_id, cx.file_name);
        let mut download = DownloadView::made(cx, facts, &route, name, cx.ui("download_utf8"));
        download.note = Some(cx.ui("utf8_note"));
        view.downloads.push(download);
    }
    if let Some(name) = copies.standard {
        let route = Urls::standard_copy(cx.dataset_id, cx.file_name);
        let mut download = DownloadView::made(cx, facts, &route, name, cx.ui("download_standard"));
        download.id = Some(standard_copy_anchor(&cx.resource.slug));
        download.note = Some(cx.ui("standard_note"));
        view.downloads.push(download);
    }
    let slug = &cx.resource.slug;
    let mut table = table_view(cx, &csv.table, None, TableOf::Csv.id(slug), None, true);
    explore_link(cx, &csv.table, None, &mut table);
    view.tables.push(table);
    if let Some(points) = &csv.table.points {
        view.map = Some(map_view(cx, &Layer::of_points(points), None));
    }
}

/// A workbook: its sheets' names, and each sheet's table with its CSV copy.
fn workbook_view(cx: &Context, facts: &FileFacts, sheets: &[Sheet], view: &mut DataView) {
    view.facts.push(Pair {
        label: cx.ui("sheets"),
        value: sheets
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
            .join(", "),
    });
    let documented_sheet = schema::documented_table(&cx.resource.fields, facts)
        .filter(|(_, t)| {
            cx.resource
                .fields
                .iter()
                .any(|f| t.header.iter().any(|h| h == &f.name))
        })
        .and_then(|(name, _)| name);
    for (i, sheet) in sheets.iter().enumerate() {
        let download = sheet.csv_file.as_ref().map(|name| {
            let route = Urls::sheet_csv(cx.dataset_id, cx.file_name, &sheet.name);
            let text = cx.fill("download_sheet_csv", &[("sheet", sheet.name.clone())]);
            DownloadView::made(cx, facts, &route, name, text)
        });
        let mut table = table_view(
            cx,
            &sheet.table,
            Some(&sheet.name),
            TableOf::Sheet(i).id(&cx.resource.slug),
            download,
            documented_sheet == Some(sheet.name.as_str()),
        );
        explore_link(cx, &sheet.table, Some(i), &mut table);
        view.tables.push(table);
        if let (None, Some(points)) = (&view.map, &sheet.table.points) {
            view.map = Some(map_view(cx, &Layer::of_points(points), Some(i)));
        }
    }
}

/// A KML or GeoJSON file: its features and box, its map, its GeoJSON
/// conversion (`geojson_copy`, for KML) and its properties' table.
fn geo_view(
    cx: &Context,
    facts: &FileFacts,
    geo: &GeoAnalysis,
    geojson_copy: Option<&str>,
    view: &mut DataView,
) {
    view.facts.push(Pair {
        label: cx.ui("features"),
        value: cx.count(geo.features),
    });
    let types: Vec<String> = geo
        .geometry_types
        .iter()
        .map(|(kind, n)| format!("{}: {}", cx.t.geometry(kind), cx.count(*n)))
        .collect();
    if !types.is_empty() {
        view.facts.push(Pair {
            label: cx.ui("geometry_types"),
            value: types.join(", "),
        });
    }
    if let Some(layer) = Layer::of_geo(geo) {
        let bbox = layer.map.bbox;
        let corner =
            |lon: f64, lat: f64| format!("{}; {}", cx.t.number(lon, 5), cx.t.number(lat, 5));
        view.facts.push(Pair {
            label: cx.ui("bbox"),
            value: format!(
                "{} — {}",
                corner(bbox.west, bbox.south),
                corner(bbox.east, bbox.north)
            ),
        });
        view.map = Some(map_view(cx, &layer, None));
    }
    if let Some(name) = geojson_copy {
        let route = Urls::geojson_conversion(cx.dataset_id, cx.file_name);
        let download = DownloadView::made(cx, facts, &route, name, cx.ui("download_geojson"));
        view.downloads.push(download);
    }
    if geo.features > 0 {
        let mut table = table_view(
            cx,
            &geo.properties,
            None,
            TableOf::Features.id(&cx.resource.slug),
            None,
            true,
        );
        table.heading = Some(cx.ui("feature_properties"));
        view.tables.push(table);
    }
}

/// The resource's map (`sheet`: the workbook's sheet it is of); its caption
/// says when not every shape is drawn.
fn map_view(cx: &Context, layer: &Layer, sheet: Option<usize>) -> MapView {
    let caption = layer.caption(cx.t);
    let data = layer.data(cx.dataset_id, &cx.resource.slug, sheet);
    let live = data.is_some();
    let html = map_figure::figure(
        &Figure {
            layer,
            id: &format!("mapa-{}", cx.resource.slug),
            title: &format!("{}: {}", cx.ui("map"), cx.resource.title),
            caption: &caption,
            colouring: layer.map.usual_colouring(),
            data,
            context: cx.outlines,
            basemap: cx.basemap,
            class: "",
            links: &[],
        },
        cx.urls,
        cx.t,
    );
    MapView { html, live }
}

/// The anchor of a resource's standard copy on its dataset page, which
/// catalogs name it by (`#recurso-<slug>-estandar`).
pub fn standard_copy_anchor(resource_slug: &str) -> String {
    format!("recurso-{resource_slug}-estandar")
}

fn table_view(
    cx: &Context,
    table: &Table,
    sheet: Option<&str>,
    id: String,
    download: Option<DownloadView>,
    documented: bool,
) -> TableView {
    let shown = table.preview.len() as u64;
    let name = sheet.map_or(cx.resource.title.clone(), |s| {
        format!("{} — {s}", cx.resource.title)
    });
    let preview_caption = msg!(
        "render-preview-caption",
        name = &name,
        shown = cx.count(shown),
        total = cx.count(table.rows),
        count = table.rows
    )
    .text(cx.t.language);
    let columns = table.preview_columns();
    let note = (table.columns > columns).then(|| {
        cx.fill(
            "preview_more_columns",
            &[
                ("shown", cx.count(columns as u64)),
                ("total", cx.count(table.columns as u64)),
            ],
        )
    });
    let fields_doc = if documented {
        schema::fields(&cx.resource.fields, Some(table))
    } else {
        schema::fields(&[], Some(table))
    };
    TableView {
        id,
        heading: sheet.map(|s| format!("{} «{s}»", cx.ui("sheet"))),
        preview_caption,
        header: table.header.iter().take(columns).cloned().collect(),
        rows: table.preview.clone(),
        note,
        fields_caption: format!("{}: {name}", cx.ui("columns")),
        fields: fields_doc.iter().map(|f| field_view(cx, f)).collect(),
        download,
        explore: None,
        explore_note: None,
        share: None,
    }
}

/// «Explorar los datos» under a table (`sheet`: its index in a workbook), or
/// why there is no explorer when the table is too big for one.
fn explore_link(cx: &Context, table: &Table, sheet: Option<usize>, view: &mut TableView) {
    if table.explorer.is_some() {
        let route = Urls::explorer(cx.dataset_id, &cx.resource.slug, sheet);
        view.explore = Some(super::views::Link {
            href: cx.urls.href(&route),
            text: cx.ui("explore_data"),
        });
    } else if cx.explore_max_rows > 0
        && (table.rows > cx.explore_max_rows
            || table.rows * table.header.len() as u64 > crate::analyse::explore::MAX_CELLS)
    {
        view.explore_note = Some(cx.fill(
            "explore_too_big",
            &[("rows", cx.count(cx.explore_max_rows))],
        ));
    }
}

/// The documentation of a remote resource's columns (no data to profile).
pub fn documented_fields(t: &Translation, resource: &Resource) -> Vec<FieldView> {
    schema::fields(&resource.fields, None)
        .iter()
        .map(|f| documentation_only(t, f, String::new(), false))
        .collect()
}

/// A column's view from its documentation alone: no profile to show.
fn documentation_only(t: &Translation, field: &FieldDoc, top: String, missing: bool) -> FieldView {
    FieldView {
        name: field.name.clone(),
        type_text: field
            .declared_type
            .as_deref()
            .map_or_else(String::new, |d| t.schema_type(d).to_string()),
        mismatch: None,
        description: field.description.clone(),
        empty: String::new(),
        distinct: String::new(),
        min: String::new(),
        max: String::new(),
        top,
        missing,
    }
}

fn field_view(cx: &Context, field: &FieldDoc) -> FieldView {
    let Some(profile) = &field.profile else {
        return documentation_only(cx.t, field, cx.ui("not_in_file"), true);
    };
    let inferred = cx.ui(profile.column_type.key());
    let type_text = match &field.declared_type {
        Some(declared) => format!(
            "{} ({} {inferred})",
            cx.t.schema_type(declared),
            cx.ui("detected_as")
        ),
        None => inferred,
    };
    let distinct = if profile.distinct_exact {
        cx.count(profile.distinct)
    } else {
        format!("≈ {}", cx.count(profile.distinct))
    };
    // Numbers are written the page's way, whatever the file's decimal separator.
    let numeric = matches!(
        profile.column_type,
        ColumnType::Integer | ColumnType::Decimal | ColumnType::Latitude | ColumnType::Longitude
    );
    let value = |v: &str| {
        if numeric {
            cx.t.data_number(v)
        } else {
            v.to_string()
        }
    };
    let top = profile
        .top
        .iter()
        .map(|(v, n)| format!("{} ({})", value(v), cx.count(*n)))
        .collect::<Vec<_>>()
        .join(" · ");
    FieldView {
        name: field.name.clone(),
        type_text,
        mismatch: field.type_mismatch.then(|| cx.ui("type_mismatch")),
        description: field.description.clone(),
        empty: cx.count(profile.empty),
        distinct,
        min: profile.min.as_deref().map(value).unwrap_or_default(),
        max: profile.max.as_deref().map(value).unwrap_or_default(),
        top,
        missing: false,
    }
}
