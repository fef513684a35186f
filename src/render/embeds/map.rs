//! `{{ mapa(…) }}`: the static SVG map of a KML or GeoJSON resource, or of
//! the latitude/longitude columns of a table, drawn by `render/map_svg.rs`
//! as on the dataset page, with its description as caption.

use super::{Cx, Found, escape};
use crate::analyse::{BBox, Content, Shape};
use crate::render::map_svg::{self, MapText};

pub fn map(cx: &Cx) -> Found<String> {
    let source = cx.source().map_err(|p| vec![p])?;
    let title = cx.text("titulo").map_err(|p| vec![p])?;
    let sheet = cx.text("hoja").map_err(|p| vec![p])?;
    let not_a_map = || {
        vec![super::Problem::new(
            cx.value_column("recurso"),
            format!("`{}` has nothing to draw on a map", source.resource.title),
            "choose a KML or GeoJSON resource, or a table with latitude and longitude columns",
        )]
    };
    let Some((_, _, facts)) = source.local else {
        return Err(not_a_map());
    };
    let layer: Option<(&[Shape], BBox, u64, String, bool)> = match &facts.content {
        Content::Geo { geo, .. } => geo.bbox.map(|bbox| {
            let kinds = geo
                .geometry_types
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            (
                geo.shapes.as_slice(),
                bbox,
                geo.features,
                kinds,
                geo.shapes_complete,
            )
        }),
        Content::Csv { .. } | Content::Workbook { .. } => facts
            .tables()
            .into_iter()
            .find(|(name, _)| sheet.is_none() || *name == sheet.as_deref())
            .and_then(|(_, table)| table.points.as_ref())
            .and_then(|points| {
                points.bbox.map(|bbox| {
                    (
                        points.shapes.as_slice(),
                        bbox,
                        points.count,
                        "Point".to_string(),
                        points.shapes.len() as u64 == points.count,
                    )
                })
            }),
        _ => None,
    };
    let Some((shapes, bbox, count, kinds, complete)) = layer else {
        return Err(not_a_map());
    };
    let title = title.unwrap_or_else(|| format!("{}: {}", cx.ui("map"), source.resource.title));
    let mut description = cx.fill(
        "map_description",
        &[
            ("count", cx.t().integer(count)),
            ("kinds", kinds),
            ("south", format!("{:.4}", bbox.south)),
            ("north", format!("{:.4}", bbox.north)),
            ("west", format!("{:.4}", bbox.west)),
            ("east", format!("{:.4}", bbox.east)),
        ],
    );
    if !complete {
        description = format!("{description} {}", cx.ui("map_partial"));
    }
    let svg = map_svg::render(
        shapes,
        bbox,
        &MapText {
            id: &cx.id,
            title: &title,
            description: &description,
        },
    );
    Ok(format!(
        r#"<figure class="embed embed-map map"><figcaption class="chart-title">{}</figcaption>{svg}<p class="embed-note">{}</p>{}</figure>"#,
        escape(&title),
        escape(&description),
        cx.source_line(&source),
    ))
}
