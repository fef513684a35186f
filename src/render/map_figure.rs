//! A map as a page shows it, the one markup of every map (a dataset's
//! resource, a story's `mapa` embed, the network's map on the home page): a
//! `<figure>` with the static SVG (`map_svg.rs`), the legend, the caption,
//! and, when the map has data for it, what `map.js` needs to put an
//! interactive map in the static one's place (`data-map`, JSON).

use super::map_style::{Legend, legend};
use super::map_svg::{self, Layer, MapText};
use super::{Translation, escape};
use crate::analyse::Analysis;
use crate::analyse::map::{Colouring, MapLayer};
use crate::model::Site;
use crate::output::urls::{Route, Urls};
use serde::Serialize;
use std::fmt::Write;

/// What `map.js` reads from a figure's `data-map`.
#[derive(Serialize)]
pub struct LiveMap {
    /// The map's folder (`…/mapa/<resource>/`): `mapa.json`, tiles, properties.
    pub data: String,
    /// The file of each feature's class, and the colour of each class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colours: Option<LiveColours>,
    /// What the map's container is called for screen readers.
    pub title: String,
    /// Whether its features are a table's rows (a popup says «Fila 12»).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rows: bool,
    /// Outlines drawn under the data (the participant's boundary).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    /// A tile server the portal chose, with its attribution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basemap: Option<Basemap>,
    /// The page of each feature, by id (the network's map: participants).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
}

#[derive(Serialize)]
pub struct LiveColours {
    pub file: String,
    pub classes: Vec<String>,
}

/// A raster tile server (`[maps] tiles`), asked on purpose.
#[derive(Serialize, Clone)]
pub struct Basemap {
    pub tiles: String,
    pub attribution: String,
}

/// Everything a map figure is made of.
pub struct Figure<'a> {
    pub layer: &'a Layer<'a>,
    /// Unique in the page.
    pub id: &'a str,
    pub title: &'a str,
    pub caption: &'a str,
    /// How it is coloured, if at all.
    pub colouring: Option<&'a Colouring>,
    /// Its data's folder, when it has data for the interactive map.
    pub data: Option<Route>,
    /// Outlines to draw under it: their static drawings and data folders.
    pub context: &'a [(&'a MapLayer, Option<Route>)],
    pub basemap: Option<&'a Basemap>,
    /// Extra class of the `<figure>` (`embed embed-map` in stories).
    pub class: &'a str,
    /// The page each feature leads to, by id (none but on the network's map).
    pub links: &'a [String],
}

/// The figure's HTML.
pub fn figure(f: &Figure, urls: &Urls, t: &Translation) -> String {
    let legend = f.colouring.map(|c| legend(c, t));
    let outlines: Vec<&MapLayer> = f.context.iter().map(|(m, _)| *m).collect();
    let svg = map_svg::render(
        f.layer,
        &MapText {
            id: f.id,
            title: f.title,
            description: f.caption,
        },
        &map_svg::Style {
            colouring: f.colouring,
            legend: legend.as_ref(),
            outlines: &outlines,
            links: f.links,
        },
    );
    let live = f.data.as_ref().map(|data| LiveMap {
        data: urls.href(data),
        colours: f.colouring.zip(legend.as_ref()).map(|(c, l)| LiveColours {
            file: c.file.clone(),
            classes: l.entries.iter().map(|e| e.colour.clone()).collect(),
        }),
        title: f.title.to_string(),
        rows: f.layer.rows,
        context: f
            .context
            .iter()
            .filter_map(|(_, r)| r.as_ref().map(|r| urls.href(r)))
            .collect(),
        basemap: f.basemap.cloned(),
        links: f.links.to_vec(),
    });
    let mut html = format!(r#"<figure class="map {}" id="{}""#, f.class, f.id);
    if let Some(live) = live {
        let json = serde_json::to_string(&live).unwrap_or_default();
        let _ = write!(html, r#" data-map="{}""#, escape(&json));
    }
    html.push('>');
    html.push_str(&svg);
    if let Some(legend) = &legend {
        html.push_str(&legend_html(legend, t));
    }
    let _ = write!(
        html,
        "<figcaption>{}</figcaption></figure>",
        escape(f.caption)
    );
    html
}

/// The legend as a list of colour swatches and labels.
fn legend_html(legend: &Legend, t: &Translation) -> String {
    let mut html = format!(
        r#"<div class="map-legend"><p class="map-legend-title">{}</p><ul>"#,
        escape(&t.ui("map_legend").replace("{column}", &legend.column))
    );
    for entry in &legend.entries {
        let _ = write!(
            html,
            r#"<li><span class="map-swatch" style="background:{}"></span>{}</li>"#,
            entry.colour,
            escape(&entry.label)
        );
    }
    html.push_str("</ul></div>");
    html
}

/// A participant's boundary as maps draw it under their data: its map and
/// its data's folder.
pub fn boundary<'a>(
    site: &Site,
    analysis: &'a Analysis,
    participant: &str,
) -> Option<(&'a MapLayer, Option<Route>)> {
    let boundary = site.participant(participant)?.boundary.as_ref()?;
    let (_, map) = analysis.facts(&boundary.path)?.maps().into_iter().next()?;
    let data = map.data.as_ref().map(|_| Urls::boundary_map(participant));
    Some((map, data))
}

/// The portal's tile server (`[maps] tiles`), when it set one.
pub fn basemap(site: &Site) -> Option<Basemap> {
    let maps = site.portal.maps.as_ref()?;
    Some(Basemap {
        tiles: maps.tiles.clone()?,
        attribution: maps.attribution.clone().unwrap_or_default(),
    })
}

/// The texts `map.js` says, each `mapjs_<key>` of the theme's translations, as JSON.
pub fn texts(t: &Translation) -> String {
    let texts: std::collections::BTreeMap<&str, &str> =
        t.ui.iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("mapjs_")?, v.as_str())))
            .collect();
    serde_json::to_string(&texts).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::Shape;
    use crate::analyse::map::MapBuilder;
    use crate::model::Language;

    #[test]
    fn a_figure_carries_its_interactive_map_escaped_and_a_legend() {
        let mut builder = MapBuilder::new(None);
        builder.add(
            0,
            &[Shape::Point([-96.9, 19.5])],
            "\"><script>x</script>",
            &[],
        );
        let map = builder.finish(&[], None, &[]).0.unwrap();
        let layer = Layer {
            map: &map,
            kinds: vec!["Point"],
            rows: false,
        };
        let t = Translation::for_language(Language::Es);
        let urls = Urls::new("https://example.org/red/");
        let html = figure(
            &Figure {
                layer: &layer,
                id: "mapa-x",
                title: "Mapa <x>",
                caption: "1 punto",
                colouring: None,
                data: Some(Urls::map_data("p/d", "x", None)),
                context: &[],
                basemap: None,
                class: "",
                links: &[],
            },
            &urls,
            &t,
        );
        assert!(html.contains(r#"data-map="{&quot;data&quot;:&quot;/red/datos/p/d/mapa/x/&quot;"#));
        assert!(!html.contains("<script>"));
        assert!(html.contains("<figcaption>1 punto</figcaption>"));
    }
}
