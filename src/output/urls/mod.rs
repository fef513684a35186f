//! The one place that knows the portal's addresses: every page, download and
//! asset has a [`Route`] here, and a route gives its link, its absolute URL and
//! its file in the output. Links are root-relative and carry the base path, so
//! a portal deployed under `/repo/` (GitHub project pages) works as is.
//!
//! One source makes several portals: the network's, and each participant's
//! own (`[portal]`, built with `--participant ID`). A route knows whose it is
//! (every portal's, a participant's, or the network's only); a participant
//! portal links to what it holds (its own data, pages and stories) under its
//! base, and to everything else at the network portal's absolute address. A
//! dataset's identifier in every catalog is its address on its participant's
//! own portal when it declares one, else on the network's ([`Urls::identifier`]).

//!
//! The routes of pages are made in `pages.rs`, those of files (downloads,
//! map data, search index, feeds, catalogs, assets) in `files.rs`.
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
//! | `/buscar/` | search results: datasets, stories, participants and pages, each labelled (the search form of every page leads here with JavaScript, to the catalog without) |
//! | `/buscar/indice/<xx>.json`, `/buscar/docs/<n>.json` | search index: terms by their first two letters (postings `[doc, score, gap, score…]`, title 8 › keywords/participant 4 › columns 2 › text 1); what a hit shows, 64 documents a file. `search.js` fetches only the shards of the query's words |
//! | `/descargas/<participant>/<dataset>/<file>` | data files, byte for byte |
//! | `/descargas/<participant>/<dataset>/utf-8/<file>` | UTF-8 copy of a CSV that is not UTF-8 |
//! | `/participantes/<id>/limite/` | a participant's `boundary` as map data (format: `analyse::map`) |
//! | `/mapa/` | the network's map data: each participant's outline or point (format: `analyse::map`) |
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
//! | `/participantes/<id>/<logo>` | a participant portal's logo (on its own portal) |

mod files;
mod pages;

pub use files::RdfFormat;

use crate::slug::slugify;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A place in the portal, relative to its base: `""` (home), `"datos/"`,
/// `"descargas/xalapa/semaforos/semaforos.csv"`. Folder routes end in `/`.
/// Two routes are the same place when their paths are.
#[derive(Debug, Clone)]
pub struct Route(String, Owner);

/// Which portals hold a route.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Owner {
    /// Every portal has its own (home, catalog, category pages, assets…).
    Every,
    /// The portals that show this participant's data: the network's and its own.
    Participant(String),
    /// The network's portal only (a network story, a page others do not keep).
    Network,
}

impl Owner {
    /// The owner of what an id names: `<participant>/<name>` is its participant's.
    fn of_id(id: &str) -> Owner {
        match id.split_once('/') {
            Some((participant, _)) => Owner::Participant(participant.to_string()),
            None => Owner::Every,
        }
    }
}

impl PartialEq for Route {
    fn eq(&self, other: &Route) -> bool {
        self.0 == other.0
    }
}

impl Eq for Route {}

impl std::hash::Hash for Route {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

impl PartialOrd for Route {
    fn partial_cmp(&self, other: &Route) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Route {
    fn cmp(&self, other: &Route) -> std::cmp::Ordering {
        self.0.cmp(&other.0)
    }
}

/// A route every portal has.
fn every(path: impl Into<String>) -> Route {
    Route(path.into(), Owner::Every)
}

/// A route of what an id names (a dataset, a participant's story).
fn of_id(id: &str, path: String) -> Route {
    Route(path, Owner::of_id(id))
}

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
        every(route)
    }

    /// An address of a previous build, read from its manifest or sitemap
    /// (`datos/xalapa/semaforos/`), to compare with this build's.
    pub fn published(relative: &str) -> Route {
        every(relative)
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
        of_id(id, format!("{}{id}{}", self.before, self.after))
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

/// Builds routes, links and absolute URLs for one portal of the network.
#[derive(Debug, Clone)]
pub struct Urls {
    /// Absolute, ending in `/`: `https://example.github.io/red/`.
    base_url: String,
    /// The path part of `base_url`, ending in `/`: `/red/`.
    base_path: String,
    /// The participant whose own portal these are the addresses of (`None`: the network's).
    participant: Option<String>,
    /// Where the network's portal and the participants' own are published.
    portals: Arc<Portals>,
}

/// Where the portals made from one site are published.
#[derive(Debug, Default)]
struct Portals {
    /// The network portal's base URL, ending in `/`.
    network: String,
    /// Each participant that declares a portal of its own, with its base URL.
    own: BTreeMap<String, String>,
}

/// A base URL ending in `/`.
fn with_slash(base_url: &str) -> String {
    if base_url.ends_with('/') {
        base_url.to_string()
    } else {
        format!("{base_url}/")
    }
}

impl Urls {
    /// The addresses of a portal at `base_url` (the network's, its
    /// participants declaring no portal of their own).
    pub fn new(base_url: &str) -> Urls {
        Urls::network(base_url, BTreeMap::new())
    }

    /// The network portal's addresses, `own` naming each participant that
    /// declares a portal of its own and its base URL.
    pub fn network(base_url: &str, own: BTreeMap<String, String>) -> Urls {
        let base_url = with_slash(base_url);
        let own = own
            .into_iter()
            .map(|(p, url)| (p, with_slash(&url)))
            .collect();
        let portals = Portals {
            network: base_url.clone(),
            own,
        };
        Urls::at(base_url, None, Arc::new(portals))
    }

    /// The addresses of `participant`'s own portal at `base_url`, part of the
    /// network whose portal's addresses these are.
    pub fn participant_portal(&self, participant: &str, base_url: &str) -> Urls {
        Urls::at(
            with_slash(base_url),
            Some(participant.to_string()),
            Arc::clone(&self.portals),
        )
    }

    fn at(base_url: String, participant: Option<String>, portals: Arc<Portals>) -> Urls {
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
            participant,
            portals,
        }
    }

    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// Whether this portal holds the route: the network's holds every one, a
    /// participant's those of every portal and its own.
    fn holds(&self, route: &Route) -> bool {
        match (&self.participant, &route.1) {
            (None, _) | (_, Owner::Every) => true,
            (Some(here), Owner::Participant(owner)) => here == owner,
            (Some(_), Owner::Network) => false,
        }
    }

    /// The link to a route, as written in a page: `/red/datos/`; a route this
    /// portal does not hold is linked at the network portal's absolute address.
    pub fn href(&self, route: &Route) -> String {
        if self.holds(route) {
            format!("{}{}", self.base_path, route.0)
        } else {
            self.absolute(route)
        }
    }

    /// The absolute URL of a route: `https://example.github.io/red/datos/`
    /// (on the network's portal when this one does not hold it).
    pub fn absolute(&self, route: &Route) -> String {
        format!("{}{}", self.base_of(route), route.0)
    }

    /// An absolute URL naming a thing described on a page (an RDF node):
    /// `https://example.github.io/red/datos/xalapa/semaforos/#dataset`.
    pub fn absolute_fragment(&self, route: &Route, fragment: &str) -> String {
        format!("{}{}#{fragment}", self.base_of(route), route.0)
    }

    fn base_of(&self, route: &Route) -> &str {
        if self.holds(route) {
            &self.base_url
        } else {
            &self.portals.network
        }
    }

    /// The one address that identifies what a route shows in every catalog
    /// of the network: on its participant's own portal when it declares one,
    /// else on the network's (what every portal holds: on this one).
    pub fn identifier(&self, route: &Route, fragment: Option<&str>) -> String {
        let base = match &route.1 {
            Owner::Every => &self.base_url,
            Owner::Participant(p) => self.portals.own.get(p).unwrap_or(&self.portals.network),
            Owner::Network => &self.portals.network,
        };
        match fragment {
            Some(fragment) => format!("{base}{}#{fragment}", route.0),
            None => format!("{base}{}", route.0),
        }
    }

    /// The network portal's addresses, when these are a participant portal's.
    pub fn network_portal(&self) -> Option<Urls> {
        self.participant.as_ref()?;
        Some(Urls::at(
            self.portals.network.clone(),
            None,
            Arc::clone(&self.portals),
        ))
    }

    /// The addresses of a participant's own portal, when it declares one and
    /// these are the network portal's.
    pub fn own_portal(&self, participant: &str) -> Option<Urls> {
        if self.participant.is_some() {
            return None;
        }
        let base_url = self.portals.own.get(participant)?;
        Some(self.participant_portal(participant, base_url))
    }

    /// The participants with a portal of their own, on the network portal (none on theirs).
    pub fn own_portals(&self) -> Vec<(&str, Urls)> {
        if self.participant.is_some() {
            return Vec::new();
        }
        let portals = self.portals.own.iter();
        portals
            .map(|(p, url)| (p.as_str(), self.participant_portal(p, url)))
            .collect()
    }
}

/// A participant's story is its participant's; a network story the network's.
fn story_owner(story_id: &str) -> Owner {
    match Owner::of_id(story_id) {
        Owner::Every => Owner::Network,
        owner => owner,
    }
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
mod tests;
