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
//! | `/datos/f/<facet>/<value>/` | the catalog narrowed to one facet value, for browsers without JavaScript (categories and keywords use `/categorias/`, `/etiquetas/`) |
//! | `/buscar/` | search results: datasets, stories, participants and pages, each labelled (the search form of every page leads here with JavaScript, to the catalog without) |
//! | `/buscar/indice/<xx>.json`, `/buscar/docs/<n>.json` | search index: terms by their first two letters (postings `[doc, score, gap, score…]`, title 8 › keywords/participant 4 › columns 2 › text 1); what a hit shows, 64 documents a file. `search.js` fetches only the shards of the query's words |
//! | `/descargas/<participant>/<dataset>/<file>` | data files, byte for byte |
//! | `/descargas/<participant>/<dataset>/utf-8/<file>` | UTF-8 copy of a CSV that is not UTF-8 |
//! | `/descargas/<participant>/<dataset>/estandar/<file>` | standard copy (UTF-8, `,`, decimal points, same rows) of a CSV that is not comma-separated with decimal points |
//! | `/datos/<participant>/<dataset>/historial/` (`pagina-<n>/` beyond 50 entries), `…/historial/<commit>/`, `…/historial.xml` | a dataset's history from git: every commit that changed it; one commit's changes with samples of the rows; its Atom feed. `/datos/historial.xml`: every dataset's data changes |
//! | `/descargas/<participant>/<dataset>/versiones/<commit>/<file>` | a previous version of a data file (`[history] keep_versions`) |
//! | `/participantes/<id>/actualizacion/` | a participant's datasets against their update rhythm |
//! | `/inventario/` | planned datasets, by participant |
//! | `/historias/`, `/historias/<participant>/<story>/`, `/historias/<story>/` | stories; files beside a story (cover, images it links to) under its folder; `/historias/novedades.xml` Atom feed of stories (never drafts) |
//! | `/categorias/<id>/`, `/etiquetas/<keyword>/` | datasets by theme and keyword |
//! | `/<page>/` | plain pages from `pages/` |
//! | `/datos/<former id>/…`, `/descargas/<former id>/…`, `/api/v1/datasets/<former id>.json`, `/insertar/datos/<former id>/…` | every address a renamed dataset (`former_ids`) had: its pages (the dataset's, its explorers', its embeds') redirect to the new ones; its files (downloads, made files, datapackage, API file) are copies of the new ones ([`DatasetAddress`]) |
//! | `/insertar/historias/<story>/<n>/`, `/insertar/datos/<participant>/<dataset>/<resource>-mapa/` (`-tabla/`, `-hoja-<n>/`, `-propiedades/`) | «Insertar»: a story's n-th figure, a dataset's map or preview, alone on a page made to be framed by other sites; the only pages `_headers` lets other sites frame |
//! | `/_headers` | framing rules for hosts that read the file (Netlify, Cloudflare Pages) |
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

    /// An address of a previous build, read from its manifest or sitemap
    /// (`datos/xalapa/semaforos/`), to compare with this build's.
    pub fn published(relative: &str) -> Route {
        Route(relative.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last segment: the name a download is saved under.
    pub fn file_name(&self) -> &str {
        self.0.rsplit('/').next().unwrap_or("")
    }
}

/// An address that belongs to one dataset (its page and the pages under it,
/// its datapackage, its downloads and the files made from them, its API
/// file, its embeds), split around the dataset's id so that the same address
/// can be written for another id (a former one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetAddress<'a> {
    pub dataset_id: &'a str,
    before: &'static str,
    after: &'a str,
}

impl DatasetAddress<'_> {
    /// The dataset's address of `route`, if it is one.
    pub fn of(route: &Route) -> Option<DatasetAddress<'_>> {
        const SCOPES: [&str; 4] = [
            "datos/",
            "descargas/",
            "api/v1/datasets/",
            "insertar/datos/",
        ];
        let before = SCOPES
            .into_iter()
            .filter(|scope| route.0.starts_with(scope))
            .max_by_key(|scope| scope.len())?;
        let rest = &route.0[before.len()..];
        let participant_end = rest.find('/')?;
        let dataset_end = rest[participant_end + 1..]
            .find(['/', '.'])
            .map(|i| participant_end + 1 + i)?;
        let (dataset_id, after) = rest.split_at(dataset_end);
        // `api/v1/datasets/<id>.json` ends in `.json`; every other address goes on with `/`.
        let well_formed = match before {
            "api/v1/datasets/" => after == ".json",
            _ => after.starts_with('/'),
        };
        (well_formed && !dataset_id.ends_with('/')).then_some(DatasetAddress {
            dataset_id,
            before,
            after,
        })
    }

    /// The same address for the dataset `id`.
    pub fn with_id(&self, id: &str) -> Route {
        Route(format!("{}{id}{}", self.before, self.after))
    }

    /// Whether it is a page (the browser is sent on) rather than a file (copied).
    pub fn is_page(&self) -> bool {
        self.after.ends_with('/')
    }

    /// Whether only its own page reads it (an explorer's data), so an old address needs none.
    pub fn serves_its_page_only(&self) -> bool {
        self.before == "datos/" && self.after.starts_with("/explorar/") && !self.is_page()
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

    /// A dataset's history of changes: its first page (`page` 1), then
    /// `historial/pagina-2/`…
    pub fn dataset_history(dataset_id: &str, page: usize) -> Route {
        match page {
            0 | 1 => Route(format!("datos/{dataset_id}/historial/")),
            n => Route(format!("datos/{dataset_id}/historial/pagina-{n}/")),
        }
    }

    /// One commit's changes to a dataset, with samples of the rows it changed.
    pub fn dataset_change(dataset_id: &str, short_commit: &str) -> Route {
        Route(format!("datos/{dataset_id}/historial/{short_commit}/"))
    }

    /// The Atom feed of a dataset's changes.
    pub fn dataset_history_feed(dataset_id: &str) -> Route {
        Route(format!("datos/{dataset_id}/historial.xml"))
    }

    /// The Atom feed of every dataset's data changes.
    pub fn history_feed() -> Route {
        Route("datos/historial.xml".into())
    }

    /// A previous version of a data file (`[history] keep_versions`).
    pub fn previous_version(dataset_id: &str, short_commit: &str, file_name: &str) -> Route {
        Route(format!(
            "descargas/{dataset_id}/versiones/{short_commit}/{file_name}"
        ))
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

    /// The standard copy of a CSV (UTF-8, `,`, decimal points; same name, in `estandar/`).
    pub fn standard_copy(dataset_id: &str, file_name: &str) -> Route {
        Route(format!("descargas/{dataset_id}/estandar/{file_name}"))
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

    /// The search results page.
    pub fn search() -> Route {
        Route("buscar/".into())
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

    /// The folder of the pages made to be framed by other sites.
    pub fn embeds() -> Route {
        Route("insertar/".into())
    }

    /// The page of a story's `number`-th figure (chart, table or map), to be framed.
    pub fn story_embed(story_id: &str, number: usize) -> Route {
        Route(format!("insertar/historias/{story_id}/{number}/"))
    }

    /// The page of one of a dataset's figures (`<resource>-mapa`, a preview's
    /// `<resource>-tabla`…), to be framed.
    pub fn dataset_embed(dataset_id: &str, figure: &str) -> Route {
        Route(format!("insertar/datos/{dataset_id}/{figure}/"))
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

    /// The headers hosts that read the file send (Netlify, Cloudflare Pages).
    pub fn headers() -> Route {
        Route("_headers".into())
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

    #[test]
    fn every_address_of_a_dataset_can_be_written_for_its_former_id() {
        let renamed = |route: Route| {
            let address = DatasetAddress::of(&route)
                .unwrap_or_else(|| panic!("{route:?} belongs to a dataset"));
            assert_eq!(address.dataset_id, "xalapa/semaforos", "{route:?}");
            (
                address.with_id("xalapa/semaforos-2014").0,
                address.is_page(),
            )
        };
        let id = "xalapa/semaforos";
        assert_eq!(
            renamed(Urls::dataset(id)),
            ("datos/xalapa/semaforos-2014/".into(), true)
        );
        assert_eq!(
            renamed(Urls::download(id, "semaforos.csv")),
            (
                "descargas/xalapa/semaforos-2014/semaforos.csv".into(),
                false
            )
        );
        assert_eq!(
            renamed(Urls::standard_copy(id, "semaforos.csv")).0,
            "descargas/xalapa/semaforos-2014/estandar/semaforos.csv"
        );
        assert_eq!(
            renamed(Urls::api_dataset(id)),
            ("api/v1/datasets/xalapa/semaforos-2014.json".into(), false)
        );
        assert_eq!(
            renamed(Urls::datapackage(id)).0,
            "datos/xalapa/semaforos-2014/datapackage.json"
        );
        let explorer = Urls::explorer(id, "semaforos", None);
        assert_eq!(
            renamed(explorer.clone()).0,
            "datos/xalapa/semaforos-2014/explorar/semaforos/"
        );
        let data = Urls::explorer_data(&explorer);
        assert!(DatasetAddress::of(&data).unwrap().serves_its_page_only());
        assert!(
            !DatasetAddress::of(&explorer)
                .unwrap()
                .serves_its_page_only()
        );
        for other in [
            Urls::catalog(),
            Urls::api_datasets(),
            Urls::participant("xalapa"),
            Route("datos/xalapa/".into()),
            Route("descargas/xalapa".into()),
        ] {
            assert_eq!(DatasetAddress::of(&other), None, "{other:?}");
        }
    }
}
