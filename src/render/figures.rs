//! The figures of a data file that other sites can show («Insertar»): its
//! map and the previews of its tables, named as its dataset page names them
//! (which also names their pages under `/insertar/`), and the boxes with
//! their `<iframe>` code under them on the dataset page.

use super::data_view::{Context, DataView};
use super::map_svg::Layer;
use crate::analyse::{FileContent, FileFacts, Table};
use crate::output::urls::Urls;

/// Which of a data file's tables: the one of a CSV, a workbook's sheet, a map's features.
#[derive(Debug, Clone, Copy)]
pub enum TableOf {
    Csv,
    Sheet(usize),
    Features,
}

impl TableOf {
    /// The table's id on its dataset page, which also names its embed page.
    pub fn id(self, resource_slug: &str) -> String {
        match self {
            TableOf::Csv => format!("{resource_slug}-tabla"),
            TableOf::Sheet(i) => format!("{resource_slug}-hoja-{}", i + 1),
            TableOf::Features => format!("{resource_slug}-propiedades"),
        }
    }
}

/// The name of a resource's map among its figures (and of its embed page).
pub fn map_id(resource_slug: &str) -> String {
    format!("{resource_slug}-mapa")
}

/// The figures of a data file that other sites can show («Insertar»): its
/// map, then each table that has rows to preview, by id.
pub fn figures(facts: &FileFacts, resource_slug: &str) -> Vec<String> {
    let has_rows = |table: &Table| !table.preview.is_empty();
    let (map, tables): (bool, Vec<TableOf>) = match &facts.content {
        FileContent::Csv { csv, .. } => (
            csv.table.points.is_some(),
            has_rows(&csv.table)
                .then_some(TableOf::Csv)
                .into_iter()
                .collect(),
        ),
        FileContent::Workbook { sheets } => (
            false,
            sheets
                .iter()
                .enumerate()
                .filter(|(_, s)| has_rows(&s.table))
                .map(|(i, _)| TableOf::Sheet(i))
                .collect(),
        ),
        FileContent::Geo { geo, .. } => (
            Layer::of_geo(geo).is_some(),
            (geo.features > 0 && has_rows(&geo.properties))
                .then_some(TableOf::Features)
                .into_iter()
                .collect(),
        ),
        FileContent::LfsPointer { .. } | FileContent::Other => (false, Vec::new()),
    };
    let map = map.then(|| map_id(resource_slug));
    map.into_iter()
        .chain(tables.into_iter().map(|t| t.id(resource_slug)))
        .collect()
}

/// «Insertar» under the map and each preview: the code to show it on another site.
pub(super) fn share_figures(cx: &Context, view: &mut DataView) {
    use super::embeds::share::{Frame, share_box};
    let share = |name: &str, frame: Frame, of: &str| {
        let route = Urls::dataset_embed(cx.dataset_id, name);
        let title = format!("{}: {of}", frame.name(cx.t));
        share_box(
            cx.urls,
            cx.t,
            &route,
            &title,
            frame,
            &format!("insertar-{name}"),
        )
    };
    if view.map.is_some() {
        let name = map_id(&cx.resource.slug);
        view.map_share = Some(share(&name, Frame::Map, &cx.resource.title));
    }
    for table in view.tables.iter_mut().filter(|t| !t.rows.is_empty()) {
        let of = match &table.heading {
            Some(sheet) => format!("{} — {sheet}", cx.resource.title),
            None => cx.resource.title.clone(),
        };
        table.share = Some(share(&table.id, Frame::Table, &of));
    }
}
