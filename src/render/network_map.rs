//! The network's map on the home page: each participant's outline (its
//! `boundary`), or, where it has none, a point at the middle of its data's
//! maps, linked to its page; coloured by kind (state, municipality…). Its
//! data is made here, in memory, with the same builder as a data file's map,
//! and published under `/mapa/`.

use super::Translation;
use super::map_figure::{self, Basemap, Figure};
use super::map_svg::Layer;
use crate::analyse::map::MapBuilder;
use crate::analyse::map::files::MapFiles;
use crate::analyse::table::TableBuilder;
use crate::analyse::{Analysis, BBox, MapLayer, Shape, degrees};
use crate::model::{Participant, Site};
use crate::output::urls::Urls;
use crate::output::{Content, Origin, OutputFile};

/// The home page's map and its files.
pub struct NetworkMap {
    /// The `<figure>`.
    pub html: String,
    pub files: Vec<OutputFile>,
}

/// The network's map, when a participant has a place to show.
pub fn network_map(
    site: &Site,
    analysis: &Analysis,
    urls: &Urls,
    t: &Translation,
) -> Option<NetworkMap> {
    let columns: Vec<String> = ["participant", "name", "kind", "state"]
        .iter()
        .map(|key| t.ui(&format!("network_map_{key}")).to_string())
        .collect();
    let mut table = TableBuilder::new(0);
    table.header(&columns, columns.len(), 1);
    let mut builder = MapBuilder::new(Some(MapFiles::in_memory()));
    let mut links = Vec::new();
    for (number, participant) in site.participants.iter().enumerate() {
        let Some(shapes) = place(analysis, site, participant) else {
            continue;
        };
        let kind = t
            .kinds
            .get(participant.kind.key())
            .cloned()
            .unwrap_or_default();
        let cells = [
            participant.short_name.as_str(),
            participant.name.as_str(),
            kind.as_str(),
            participant.state.as_deref().unwrap_or(""),
        ];
        table.row(&cells, cells.len(), number + 2);
        let before = builder.kept();
        builder.add(number as u64, &shapes, &participant.short_name, &cells);
        if builder.kept() > before {
            links.push(urls.href(&Urls::participant(&participant.id)));
        }
    }
    let (table, _) = table.finish();
    let (map, files) = builder.finish_in_memory(&columns, Some(0), &table.profile);
    let map = map?;
    let folder = Urls::network_map();
    let files = files
        .into_iter()
        .map(|(name, bytes)| OutputFile {
            route: Urls::map_file(&folder, &name),
            content: Content::Bytes(bytes.into()),
            origin: Origin::Portal,
        })
        .collect();
    let kinds = kinds(&map);
    let layer = Layer {
        map: &map,
        kinds,
        rows: false,
    };
    let title = t.ui("network_map_title").to_string();
    let caption = t
        .ui("network_map_caption")
        .replace("{count}", &t.integer(map.count));
    let basemap: Option<Basemap> = map_figure::basemap(site);
    let html = map_figure::figure(
        &Figure {
            layer: &layer,
            id: "mapa-red",
            title: &title,
            caption: &caption,
            colouring: map.usual_colouring(),
            data: map.data.as_ref().map(|_| folder.clone()),
            context: &[],
            basemap: basemap.as_ref(),
            class: "network-map",
            links: &links,
        },
        urls,
        t,
    );
    Some(NetworkMap { html, files })
}

/// What the map draws of a participant: its boundary's outline, or a point
/// at the middle of its datasets' maps, or nothing.
fn place(analysis: &Analysis, site: &Site, participant: &Participant) -> Option<Vec<Shape>> {
    if let Some((boundary, _)) = map_figure::boundary(site, analysis, &participant.id) {
        let shapes = outline(boundary);
        if !shapes.is_empty() {
            return Some(shapes);
        }
    }
    let mut bbox: Option<BBox> = None;
    for dataset in site
        .datasets
        .iter()
        .filter(|d| d.participant == participant.id)
    {
        for resource in &dataset.resources {
            let crate::model::ResourceLocation::Local { path, .. } = &resource.location else {
                continue;
            };
            let Some(facts) = analysis.facts(path) else {
                continue;
            };
            for (_, map) in facts.maps() {
                bbox = Some(bbox.map_or(map.bbox, |b| b.union(map.bbox)));
            }
        }
    }
    let b = bbox?;
    Some(vec![Shape::Point([
        (b.west + b.east) / 2.0,
        (b.south + b.north) / 2.0,
    ])])
}

/// A boundary's polygons, from its static map's drawing, in degrees.
fn outline(boundary: &MapLayer) -> Vec<Shape> {
    boundary
        .preview
        .features
        .iter()
        .flat_map(|f| &f.shapes)
        .filter_map(|shape| match shape {
            Shape::Polygon(rings) => Some(Shape::Polygon(
                rings
                    .iter()
                    .map(|ring| ring.iter().map(|p| degrees(*p)).collect())
                    .collect(),
            )),
            _ => None,
        })
        .collect()
}

/// The geometry types the network's map holds.
fn kinds(map: &MapLayer) -> Vec<&'static str> {
    let mut kinds = Vec::new();
    let shapes = || map.preview.features.iter().flat_map(|f| &f.shapes);
    if shapes().any(|s| matches!(s, Shape::Polygon(_))) {
        kinds.push("Polygon");
    }
    if shapes().any(|s| matches!(s, Shape::Point(_))) {
        kinds.push("Point");
    }
    kinds
}
