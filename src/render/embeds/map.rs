//! `{{ mapa(…) }}`: the map of a KML or GeoJSON resource, or of the
//! latitude/longitude columns of a table, as on the dataset page
//! (`render/map_figure.rs`: a static map that becomes interactive), coloured
//! by the column `color=` names or by the map's usual colouring.

use super::{Cx, Found, Problem, escape, parse};
use crate::analyse::FileContent;
use crate::msg;
use crate::render::map_figure::{self, Figure};
use crate::render::map_svg::Layer;

pub fn map(cx: &Cx) -> Found<String> {
    let source = cx.source().map_err(|p| vec![p])?;
    let title = cx.text("titulo").map_err(|p| vec![p])?;
    let sheet = cx.text("hoja").map_err(|p| vec![p])?;
    let not_a_map = || {
        vec![Problem::new(
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
    let (layer, sheet_index) = match &facts.content {
        FileContent::Geo { geo, .. } => (Layer::of_geo(geo), None),
        FileContent::Csv { .. } | FileContent::Workbook { .. } => {
            let found = facts
                .tables()
                .into_iter()
                .enumerate()
                .find(|(_, (name, _))| sheet.is_none() || *name == sheet.as_deref());
            match found {
                Some((i, (name, table))) => {
                    (table.points.as_ref().map(Layer::of_points), name.map(|_| i))
                }
                None => (None, None),
            }
        }
        _ => (None, None),
    };
    let Some(layer) = layer else {
        return Err(not_a_map());
    };
    let colouring = match cx.text("color").map_err(|p| vec![p])? {
        None => layer.map.usual_colouring(),
        Some(column) => Some(colouring(cx, &layer, &column)?),
    };
    let title = title.unwrap_or_else(|| format!("{}: {}", cx.ui("map"), source.resource.title));
    let caption = layer.caption(cx.t());
    let data = layer.data(&source.dataset.id, &source.resource.slug, sheet_index);
    let outlines: Vec<_> =
        map_figure::boundary(cx.site(), cx.analysis(), &source.dataset.participant)
            .into_iter()
            .collect();
    let basemap = map_figure::basemap(cx.site());
    let figure = map_figure::figure(
        &Figure {
            layer: &layer,
            id: &cx.id,
            title: &title,
            caption: &caption,
            colouring,
            data,
            context: &outlines,
            basemap: basemap.as_ref(),
            class: "embed embed-map",
            links: &[],
        },
        cx.urls(),
        cx.t(),
    );
    // The figure's caption is the map's description; the embed's title heads it.
    Ok(format!(
        r#"<div class="embed-map-wrap"><p class="chart-title">{}</p>{figure}{}</div>"#,
        escape(&title),
        cx.source_line(&source),
    ))
}

/// The colouring by the column `color=` names, or why it cannot colour the map.
fn colouring<'a>(
    cx: &Cx,
    layer: &Layer<'a>,
    column: &str,
) -> Found<&'a crate::analyse::map::Colouring> {
    let map = layer.map;
    let folded = parse::fold(column);
    map.colouring(column)
        .or_else(|| {
            map.colourings
                .iter()
                .find(|c| parse::fold(&c.column) == folded)
        })
        .ok_or_else(|| {
            let known: Vec<&str> = map.colourings.iter().map(|c| c.column.as_str()).collect();
            vec![Problem::new(
                cx.value_column("color"),
                msg!("render-embed-no-colour-column", column = column),
                parse::suggestion(column, &known, "column"),
            )]
        })
}
