//! The one place that knows the portal's addresses: every page, download and
//! asset has a [`Route`] here, and a route gives its link, its absolute URL and
//! its file in the output. Links are root-relative and carry the base path, so
//! a portal deployed under `/repo/` (GitHub project pages) works as is.

//!
//! # The portal's addresses
//!
//! | route | what |
//! |---|---|
//! | `/` | home: the network at a glance |
//! | `/datos/` | catalog (search box and facets with JavaScript; everything listed without); `/datos/<participant>/<dataset>/` one page per dataset |
//! | `/datos/<participant>/<dataset>/explorar/<resource>/` (`<resource>-hoja-<n>/` per sheet) | the explorer of a table: every row, sorted and filtered in the browser from `datos.bin` beside it (format: `analyse::explore`) |
//! | `/datos/<participant>/<dataset>/mapa/<resource>/` (`<resource>-hoja-<n>/` per sheet) | a map's data for the interactive map: `mapa.json`, tiles `t/<z>/<x>/<y>.json`, properties `p/<n>.json`, colours `c/<n>.json` (format: `analyse::map`) |
//! | `/datos/f/<facet>/<value>/` | the catalog narrowed to one facet value, for browsers without JavaScript (categories and keywords use `/categorias/`, `/etiquetas/`) |
//! | `/buscar/indice/<xx>.json`, `/buscar/docs/<n>.json` | search index: terms by their first two letters (postings `[doc, score, gap, score…]`, title 8 › keywords/participant 4 › columns 2 › text 1); what a hit shows, 64 documents a file. `search.js` fetches only the shards of the query's words |
//! | `/descargas/<participant>/<dataset>/<file>` | data files, byte for byte |
//! | `/descargas/<participant>/<dataset>/utf-8/<file>` | UTF-8 copy of a CSV that is not UTF-8 |
//! | `/participantes/<id>/limite/` | a participant's `boundary` as map data (format: `analyse::map`) |
//! | `/mapa/` | the network's map data: each participant's outline or point (format: `analyse::map`) |
//! | `/participantes/<id>/actualizacion/` | a participant's datasets against their update rhythm |
//! | `/inventario/` | planned datasets, by participant |
//! | `/historias/`, `/historias/<participant>/<story>/`, `/historias/<story>/` | stories; files beside a story (cover, images it links to) under its folder; `/historias/novedades.xml` Atom feed of stories (never drafts) |
//! | `/categorias/<id>/`, `/etiquetas/<keyword>/` | datasets by theme and keyword |
//! | `/<page>/` | plain pages from `pages/` |
//! | `/datos/<former id>/` | redirect page of a renamed dataset (`former_ids`) to its new address |
//! | `/api/` | "API y datos abiertos": what the portal publishes for machines |
//! | `/catalog.jsonld`, `/catalog.ttl`, `/participantes/<id>/catalog.{jsonld,ttl}` | DCAT-AP 3 catalogs (published datasets only) |
//! | `/data.json` | DCAT-US / POD 1.1 inventory (planned datasets too, without distribution) |
//! | `/datos/<participant>/<dataset>/datapackage.json` | Frictionless Data Package of a published dataset |
//! | `/catalogo.csv`, `/novedades.xml`, `/sitemap.xml`, `/robots.txt` | catalog CSV, Atom feed, sitemap |
//! | `/api/v1/datasets.json`, `/api/v1/datasets/<participant>/<dataset>.json` | static JSON API |
//! | `/assets/<name>.<hash>.css` | theme assets, fingerprinted |
//! | `/404.html`, `/.nojekyll` | hosting |

use crate::slug::slugify;

/// A place in the portal, relative to its base: `""` (home), `"datos/"`,
/// `"descargas/xalapa/semaforos/semaforos.csv"`. Folder routes end in `/`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Route(String);

impl Route {
    /// The file that holds this route in the output folder (`/` separated).
    pub fn output_file(&self) -> String {
        if self.0.is_empty() || self.0.ends_with('/') {
            format!("{}index.html", self.0)
        } else {
            self.0.clone()
        }
    }

    /// A route read back from the page cache, which holds only routes this module made.
    pub(crate) fn from_cache(route: String) -> Route {
        Route(route)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last segment: the name a download is saved under.
    pub fn file_name(&self) -> &str {
        self.0.rsplit('/').next().unwrap_or("")
    }
}

/// Builds routes, links and absolute URLs for one base URL.
#[derive(Debug, Clone)]
pub struct Urls {
    /// Absolute, ending in `/`: `https://example.github.io/red/`.
    base_url: String,
    /// The path part of `base_url`, ending in `/`: `/red/`.
    base_path: String,
}

impl Urls {
    pub fn new(base_url: &str) -> Urls {
        let base_url = if base_url.ends_with('/') {
            base_url.to_string()
        } else {
            format!("{base_url}/")
        };
        let after_scheme = base_url
            .split_once("://")
            .map_or(base_url.as_str(), |(_, rest)| rest);
        let base_path = after_scheme
            .find('/')
            .map_or("/", |i| &after_scheme[i..])
            .to_string();
        Urls {
            base_url,
            base_path,
        }
    }

    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// The link to a route, as written in a page: `/red/datos/`.
    pub fn href(&self, route: &Route) -> String {
        format!("{}{}", self.base_path, route.0)
    }

    /// The absolute URL of a route: `https://example.github.io/red/datos/`.
    pub fn absolute(&self, route: &Route) -> String {
        format!("{}{}", self.base_url, route.0)
    }

    /// An absolute URL naming a thing described on a page (an RDF node):
    /// `https://example.github.io/red/datos/xalapa/semaforos/#dataset`.
    pub fn absolute_fragment(&self, route: &Route, fragment: &str) -> String {
        format!("{}{}#{fragment}", self.base_url, route.0)
    }

    pub fn home() -> Route {
        Route(String::new())
    }

    pub fn catalog() -> Route {
        Route("datos/".into())
    }

    pub fn dataset(id: &str) -> Route {
        Route(format!("datos/{id}/"))
    }

    /// The explorer of a table: a CSV resource's (`sheet` `None`), or the
    /// `sheet`-th (0-based) sheet's of a workbook.
    pub fn explorer(dataset_id: &str, resource_slug: &str, sheet: Option<usize>) -> Route {
        match sheet {
            None => Route(format!("datos/{dataset_id}/explorar/{resource_slug}/")),
            Some(i) => Route(format!(
                "datos/{dataset_id}/explorar/{resource_slug}-hoja-{}/",
                i + 1
            )),
        }
    }

    /// The folder of a resource's map data (`sheet`: its index in a workbook).
    pub fn map_data(dataset_id: &str, resource_slug: &str, sheet: Option<usize>) -> Route {
        match sheet {
            None => Route(format!("datos/{dataset_id}/mapa/{resource_slug}/")),
            Some(i) => Route(format!(
                "datos/{dataset_id}/mapa/{resource_slug}-hoja-{}/",
                i + 1
            )),
        }
    }

    /// A file of a map's folder (`mapa.json`, `t/3/1/2.json`).
    pub fn map_file(folder: &Route, relative: &str) -> Route {
        Route(format!("{}{relative}", folder.0))
    }

    /// The data an explorer reads, beside its page.
    pub fn explorer_data(explorer: &Route) -> Route {
        Route(format!("{}datos.bin", explorer.0))
    }

    /// The address a renamed dataset had under its former id: the same place a
    /// dataset page of that id would be, so old links and bookmarks land there.
    pub fn former_dataset(former_id: &str) -> Route {
        Urls::dataset(former_id)
    }

    /// A local data file of a dataset, published byte for byte.
    pub fn download(dataset_id: &str, file_name: &str) -> Route {
        Route(format!("descargas/{dataset_id}/{file_name}"))
    }

    /// The UTF-8 copy of a data file that is not UTF-8 (same name, in `utf-8/`).
    pub fn utf8_copy(dataset_id: &str, file_name: &str) -> Route {
        Route(format!("descargas/{dataset_id}/utf-8/{file_name}"))
    }

    /// One sheet of a spreadsheet, as CSV: `csv/<file stem>-<sheet>.csv`.
    pub fn sheet_csv(dataset_id: &str, file_name: &str, sheet: &str) -> Route {
        let sheet = match slugify(sheet) {
            s if s.is_empty() => "hoja".to_string(),
            s => s,
        };
        Route(format!(
            "descargas/{dataset_id}/csv/{}-{sheet}.csv",
            file_stem(file_name)
        ))
    }

    /// A KML file converted to GeoJSON: `geojson/<file stem>.geojson`.
    pub fn geojson_conversion(dataset_id: &str, file_name: &str) -> Route {
        Route(format!(
            "descargas/{dataset_id}/geojson/{}.geojson",
            file_stem(file_name)
        ))
    }

    pub fn participants() -> Route {
        Route("participantes/".into())
    }

    pub fn participant(id: &str) -> Route {
        Route(format!("participantes/{id}/"))
    }

    /// The folder of a participant's boundary map data (`boundary`), drawn
    /// under its maps and on the network's map.
    pub fn boundary_map(id: &str) -> Route {
        Route(format!("participantes/{id}/limite/"))
    }

    /// The folder of the network's map data (the home page's map).
    pub fn network_map() -> Route {
        Route("mapa/".to_string())
    }

    /// A participant's freshness page: its datasets against their update rhythm.
    pub fn participant_freshness(id: &str) -> Route {
        Route(format!("participantes/{id}/actualizacion/"))
    }

    pub fn inventory() -> Route {
        Route("inventario/".into())
    }

    pub fn stories() -> Route {
        Route("historias/".into())
    }

    pub fn story(id: &str) -> Route {
        Route(format!("historias/{id}/"))
    }

    /// A file beside a story (its cover, an image it shows), published next to
    /// its page so the story's relative links work: `historias/xalapa/check-bus/portada.png`.
    pub fn story_file(story_id: &str, relative: &str) -> Route {
        Route(format!("historias/{story_id}/{relative}"))
    }

    /// The Atom feed of stories.
    pub fn stories_feed() -> Route {
        Route("historias/novedades.xml".into())
    }

    pub fn categories() -> Route {
        Route("categorias/".into())
    }

    pub fn category(id: &str) -> Route {
        Route(format!("categorias/{id}/"))
    }

    pub fn keywords() -> Route {
        Route("etiquetas/".into())
    }

    pub fn keyword(keyword: &str) -> Route {
        Route(format!("etiquetas/{}/", keyword_slug(keyword)))
    }

    /// The catalog narrowed to one value of a facet, for browsers without
    /// JavaScript: `datos/f/formato/csv/` (four segments, so never a dataset's).
    pub fn facet(facet: &str, value: &str) -> Route {
        Route(format!("datos/f/{facet}/{value}/"))
    }

    /// The folder of the search index's term shards (`buscar/indice/tr.json`).
    pub fn search_shards() -> Route {
        Route("buscar/indice/".into())
    }

    pub fn search_shard(shard: &str) -> Route {
        Route(format!("buscar/indice/{shard}.json"))
    }

    /// The folder of the search results' metadata (`buscar/docs/0.json`).
    pub fn search_docs() -> Route {
        Route("buscar/docs/".into())
    }

    pub fn search_docs_file(number: usize) -> Route {
        Route(format!("buscar/docs/{number}.json"))
    }

    pub fn page(slug: &str) -> Route {
        Route(format!("{slug}/"))
    }

    /// A theme asset (CSS, JS), its name fingerprinted by the caller.
    pub fn asset(file_name: &str) -> Route {
        Route(format!("assets/{file_name}"))
    }

    /// A file from the site's `static/` folder, at the same place in the output.
    pub fn static_file(relative: &str) -> Route {
        Route(relative.to_string())
    }

    pub fn not_found() -> Route {
        Route("404.html".into())
    }

    /// The network's DCAT-AP catalog, as JSON-LD and as Turtle.
    pub fn dcat_catalog(format: RdfFormat) -> Route {
        Route(format!("catalog.{}", format.extension()))
    }

    /// One participant's DCAT-AP catalog.
    pub fn participant_dcat_catalog(id: &str, format: RdfFormat) -> Route {
        Route(format!("participantes/{id}/catalog.{}", format.extension()))
    }

    /// The DCAT-US / Project Open Data 1.1 inventory, where harvesters look for it.
    pub fn data_json() -> Route {
        Route("data.json".into())
    }

    /// The Frictionless Data Package of a dataset.
    pub fn datapackage(dataset_id: &str) -> Route {
        Route(format!("datos/{dataset_id}/datapackage.json"))
    }

    /// The catalog as a spreadsheet: one row per resource.
    pub fn catalog_csv() -> Route {
        Route("catalogo.csv".into())
    }

    /// The Atom feed of new and updated datasets.
    pub fn feed() -> Route {
        Route("novedades.xml".into())
    }

    pub fn sitemap() -> Route {
        Route("sitemap.xml".into())
    }

    pub fn robots() -> Route {
        Route("robots.txt".into())
    }

    /// The page that tells developers what the portal publishes for machines.
    pub fn developers() -> Route {
        Route("api/".into())
    }

    /// The static JSON API: the list of all datasets.
    pub fn api_datasets() -> Route {
        Route("api/v1/datasets.json".into())
    }

    /// The static JSON API: one dataset.
    pub fn api_dataset(dataset_id: &str) -> Route {
        Route(format!("api/v1/datasets/{dataset_id}.json"))
    }

    /// A marker file for hosts (e.g. `.nojekyll`).
    pub fn root_file(name: &str) -> Route {
        Route(name.to_string())
    }
}

/// The two ways a DCAT catalog is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdfFormat {
    JsonLd,
    Turtle,
}

impl RdfFormat {
    pub fn extension(self) -> &'static str {
        match self {
            RdfFormat::JsonLd => "jsonld",
            RdfFormat::Turtle => "ttl",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            RdfFormat::JsonLd => "application/ld+json",
            RdfFormat::Turtle => "text/turtle",
        }
    }
}

fn file_stem(file_name: &str) -> &str {
    file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem)
}

/// Keywords group by their slug, so "Tránsito" and "transito" are one keyword.
pub fn keyword_slug(keyword: &str) -> String {
    let slug = slugify(keyword);
    if slug.is_empty() {
        "-".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_the_base_path() {
        let urls = Urls::new("https://example.github.io/red");
        assert_eq!(urls.base_path(), "/red/");
        assert_eq!(
            urls.href(&Urls::dataset("xalapa/semaforos")),
            "/red/datos/xalapa/semaforos/"
        );
        assert_eq!(
            urls.absolute(&Urls::catalog()),
            "https://example.github.io/red/datos/"
        );
        assert_eq!(Urls::home().output_file(), "index.html");
        assert_eq!(
            Urls::keyword("Tránsito").output_file(),
            "etiquetas/transito/index.html"
        );
        assert_eq!(Urls::new("https://a.org").href(&Urls::home()), "/");
        assert_eq!(
            Urls::former_dataset("xalapa/semaforos-2014").output_file(),
            "datos/xalapa/semaforos-2014/index.html"
        );
        assert_eq!(
            Urls::sheet_csv("jalisco/mide", "mide.xlsx", "Diccionario de datos").as_str(),
            "descargas/jalisco/mide/csv/mide-diccionario-de-datos.csv"
        );
        assert_eq!(
            Urls::geojson_conversion("puebla/museos", "museos.kml").file_name(),
            "museos.geojson"
        );
    }
}
