//! KML styles, as `kml.rs` reads them: the colours of each `<Style id>`
//! (`PolyStyle`, `LineStyle`, `IconStyle`), `<StyleMap>`s to their normal
//! style, and the style each placemark names (`<styleUrl>#id</styleUrl>`) or
//! holds inline. Colours are KML's `aabbggrr`, given as CSS `#rrggbb`.

use std::collections::HashMap;

/// The colours of one style.
#[derive(Debug, Default, Clone)]
struct Colours {
    polygon: Option<String>,
    line: Option<String>,
    icon: Option<String>,
}

/// The styles of a KML file, collected as it is read.
#[derive(Debug, Default)]
pub struct Styles {
    styles: HashMap<String, Colours>,
    /// A `StyleMap`'s id and the style its `normal` pair points to.
    maps: HashMap<String, String>,
    /// The id of the `Style` being read (`""`: an inline style of a placemark).
    current: Option<String>,
    /// The id of the `StyleMap` being read, and the key of its `Pair`.
    current_map: Option<String>,
    pair_key: String,
    /// Inline styles are kept under a name of their own, one per placemark.
    inline: usize,
}

impl Styles {
    /// An element opens, with its `id` attribute when it has one; gives the
    /// name an inline style of a placemark gets, when one starts.
    pub fn start(
        &mut self,
        element: &str,
        id: Option<String>,
        in_placemark: bool,
    ) -> Option<String> {
        match element {
            "Style" if in_placemark && id.is_none() => {
                self.inline += 1;
                let name = format!("\u{0}inline-{}", self.inline);
                self.current = Some(name.clone());
                return Some(name);
            }
            "Style" => self.current = id,
            "StyleMap" => self.current_map = id,
            _ => {}
        }
        None
    }

    /// An element closes with its text, inside `parent`.
    pub fn end(&mut self, element: &str, parent: &str, text: &str) {
        match (element, parent) {
            ("Style", _) => self.current = None,
            ("StyleMap", _) => self.current_map = None,
            ("key", "Pair") => self.pair_key = text.trim().to_string(),
            ("styleUrl", "Pair") if self.pair_key == "normal" => {
                if let Some(map) = &self.current_map {
                    self.maps.insert(map.clone(), style_id(text));
                }
            }
            ("color", kind @ ("PolyStyle" | "LineStyle" | "IconStyle")) => {
                let (Some(id), Some(colour)) = (&self.current, css_colour(text)) else {
                    return;
                };
                let colours = self.styles.entry(id.clone()).or_default();
                let slot = match kind {
                    "PolyStyle" => &mut colours.polygon,
                    "LineStyle" => &mut colours.line,
                    _ => &mut colours.icon,
                };
                *slot = Some(colour);
            }
            _ => {}
        }
    }

    /// The colour a placemark's style gives a geometry of `kind`
    /// (`Polygon`, `LineString`, `Point`), falling back on its other colours.
    pub fn colour(&self, style: &str, kind: &str) -> Option<&str> {
        let id = self.maps.get(style).map_or(style, String::as_str);
        let c = self.styles.get(id)?;
        let order = match kind {
            "Point" => [&c.icon, &c.polygon, &c.line],
            "LineString" => [&c.line, &c.polygon, &c.icon],
            _ => [&c.polygon, &c.line, &c.icon],
        };
        order.into_iter().flatten().next().map(String::as_str)
    }
}

/// The id a `styleUrl` names: `#id`, `file.kml#id`, `id`.
pub fn style_id(url: &str) -> String {
    let url = url.trim();
    url.rsplit('#').next().unwrap_or(url).to_string()
}

/// KML's `aabbggrr` as CSS `#rrggbb` (the alpha left out).
fn css_colour(kml: &str) -> Option<String> {
    let kml = kml.trim().trim_start_matches('#');
    if kml.len() != 8 || !kml.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let (bb, gg, rr) = (&kml[2..4], &kml[4..6], &kml[6..8]);
    Some(format!("#{rr}{gg}{bb}").to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_read_in_kmls_order_and_style_maps_lead_to_their_normal_style() {
        assert_eq!(css_colour("7f00ff7f").as_deref(), Some("#7fff00"));
        assert_eq!(css_colour("FF0000FF").as_deref(), Some("#ff0000"));
        assert_eq!(css_colour("red"), None);
        let mut styles = Styles::default();
        styles.start("Style", Some("verde".into()), false);
        styles.end("color", "PolyStyle", "7f00ff00");
        styles.end("color", "LineStyle", "ff0000ff");
        styles.end("Style", "Document", "");
        styles.start("StyleMap", Some("mapa".into()), false);
        styles.end("key", "Pair", "normal");
        styles.end("styleUrl", "Pair", "#verde");
        styles.end("StyleMap", "Document", "");
        assert_eq!(styles.colour("verde", "Polygon"), Some("#00ff00"));
        assert_eq!(styles.colour("verde", "LineString"), Some("#ff0000"));
        assert_eq!(styles.colour("mapa", "Point"), Some("#00ff00"));
        assert_eq!(styles.colour("nada", "Point"), None);
        assert_eq!(style_id("estilos.kml#verde"), "verde");
    }
}
