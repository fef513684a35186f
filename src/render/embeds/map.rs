//! `{{ mapa(…) }}`: the static SVG map of a KML or GeoJSON resource, or of
//! the latitude/longitude columns of a table, drawn by `render/map_svg.rs`
//! as on the dataset page, with its description as caption.

use super::{Cx, Found, escape};
use crate::analyse::FileContent;
use crate::msg;
use crate::render::map_svg::{self, Layer, MapText};

pub fn map(cx: &Cx) -> Found<String> {
    let source = cx.source().map_err(|p| vec![p])?;
    let title = cx.text("titulo").map_err(|p| vec![p])?;
    let sheet = cx.text("hoja").map_err(|p| vec![p])?;
    let not_a_map = || {
        vec![super::Problem::new(
            cx.value_column("recurso"),
            msg!(
                "render-embed-nothing-to-map",
                resource = &source.resource.title
            ),
            msg!("render-embed-nothing-to-map-help"),
        )]
    };
    let Some((_, _, facts)) = source.local else {
        return Err(not_a_map());
    };
    let layer = match &facts.content {
        FileContent::Geo { geo, .. } => Layer::of_geo(geo),
        FileContent::Csv { .. } | FileContent::Workbook { .. } => facts
            .tables()
            .into_iter()
            .find(|(name, _)| sheet.is_none() || *name == sheet.as_deref())
            .and_then(|(_, table)| table.points.as_ref())
            .and_then(Layer::of_points),
        _ => None,
    };
    let Some(layer) = layer else {
        return Err(not_a_map());
    };
    let title = title.unwrap_or_else(|| format!("{}: {}", cx.ui("map"), source.resource.title));
    let mut description = layer.description(cx.t());
    if !layer.complete {
        description = format!("{description} {}", cx.ui("map_partial"));
    }
    let svg = map_svg::render(
        layer.shapes,
        layer.bbox,
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
