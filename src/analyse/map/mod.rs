//! Maps of data files: the features of a KML or GeoJSON file, or the points of
//! a table's coordinate columns, kept as they arrive in world coordinates and
//! simplified once to the finest zoom a map shows (`simplify.rs`, `store.rs`,
//! `builder.rs`); at the end of the file's single read, drawn as a preview at
//! the resolution of the page's static map (`preview.rs`), coloured by the
//! columns that can colour them (`colour.rs`) and cut into tiles (`tiles.rs`,
//! `clip.rs`) in the map's folder (`files.rs`), which the portal publishes
//! beside the dataset page for its interactive map:
//!
//! | file | what |
//! |---|---|
//! | `mapa.json` | box, feature count, zooms, the tiles' tree, the properties' columns |
//! | `t/<z>/<x>/<y>.json` | a tile (format: `tiles.rs`) |
//! | `p/<n>.json` | the properties of features `256·n` to `256·n + 255` |
//! | `c/<n>.json` | each feature's class when coloured by one column |
//!
//! Memory is bounded: vertices live in one flat array (24 bytes each), at most
//! [`MAX_KEPT_VERTICES`] after simplification, and features of one point in
//! another, at most [`MAX_KEPT_POINTS`]; past that, features are counted but
//! no longer drawn, and the map says it is partial. Properties go to disk as
//! they are read.

mod builder;
mod clip;
pub mod colour;
pub mod files;
mod preview;
mod simplify;
mod store;
mod tiles;

use super::geometry::BBox;
use serde::{Deserialize, Serialize};

pub use builder::MapBuilder;
pub use colour::{Colouring, Scale};
pub use preview::{PREVIEW_PIXELS, Preview, PreviewFeature};

/// The least span a map frames, in world units: a single point is shown
/// with the area a preview's width covers at [`MAX_ZOOM`] (about 3 km).
pub const MIN_SPAN: f64 = PREVIEW_PIXELS / (256.0 * (1u32 << MAX_ZOOM) as f64);
/// Vertices kept for the map after simplification; past this, features are
/// counted and boxed but not drawn.
pub const MAX_KEPT_VERTICES: usize = 3_000_000;
/// The deepest zoom the map's data serves (1 pixel ≈ 4.8 m at the equator).
pub const MAX_ZOOM: u8 = 15;
/// Features that are one point each kept for the map (24 bytes each).
pub const MAX_KEPT_POINTS: usize = 1_000_000;
/// Bytes of feature names kept for drawing.
const MAX_NAME_BYTES: usize = 4 * 1024 * 1024;
/// Characters of a feature's name kept for drawing.
const MAX_NAME_CHARS: usize = 80;

/// A map of a file or a table: what pages draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapLayer {
    /// Features with something to draw.
    pub count: u64,
    /// The box of every position drawn, in degrees.
    pub bbox: BBox,
    /// `false` when features were left out (more vertices than a map keeps).
    pub complete: bool,
    /// The static map's drawing.
    pub preview: Preview,
    /// The columns that can colour the map.
    pub colourings: Vec<Colouring>,
    /// The colouring used unless a page asks for another.
    pub default_colouring: Option<usize>,
    /// The interactive map's files, when they were written.
    pub data: Option<MapData>,
}

impl MapLayer {
    /// The colouring by a column, by its name.
    pub fn colouring(&self, column: &str) -> Option<&Colouring> {
        self.colourings.iter().find(|c| c.column == column)
    }

    /// The colouring used unless a page asks for another.
    pub fn usual_colouring(&self) -> Option<&Colouring> {
        self.default_colouring.and_then(|i| self.colourings.get(i))
    }
}

/// The folder of a map's files in the analysis cache.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapData {
    /// Its name in the cache's files (`<key>-<sha>.map`).
    pub folder: String,
    /// Its files, relative to it (`mapa.json`, `t/3/1/2.json`…).
    pub files: Vec<String>,
    /// The SHA-256 of everything written to it.
    pub sha256: String,
}

/// The column whose values name features: `name`, `nombre`, `NOMGEO`, `titulo`…
pub fn name_column(columns: &[String]) -> Option<usize> {
    const NAMES: [&str; 8] = [
        "name", "nombre", "nom", "nomgeo", "titulo", "title", "label", "etiqueta",
    ];
    let plain: Vec<String> = columns
        .iter()
        .map(|c| deunicode::deunicode(c).to_lowercase())
        .collect();
    NAMES
        .iter()
        .find_map(|n| plain.iter().position(|c| c == n))
        .or_else(|| {
            plain
                .iter()
                .position(|c| c.starts_with("nom") || c.starts_with("name"))
        })
}
