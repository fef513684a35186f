//! The addresses of the portal's files: downloads and the copies made of
//! them, map data, the search index, feeds, catalogs and the static API,
//! theme assets and files for hosts.

use super::{Owner, Route, Urls, every, of_id, story_owner};
use crate::slug::slugify;

impl Urls {
    /// The Atom feed of a dataset's changes.
    pub fn dataset_history_feed(dataset_id: &str) -> Route {
        of_id(dataset_id, format!("datos/{dataset_id}/historial.xml"))
    }

    /// The Atom feed of every dataset's data changes.
    pub fn history_feed() -> Route {
        every("datos/historial.xml")
    }

    /// A previous version of a data file (`[history] keep_versions`).
    pub fn previous_version(dataset_id: &str, short_commit: &str, file_name: &str) -> Route {
        of_id(
            dataset_id,
            format!("descargas/{dataset_id}/versiones/{short_commit}/{file_name}"),
        )
    }

    /// The folder of a resource's map data (`sheet`: its index in a workbook).
    pub fn map_data(dataset_id: &str, resource_slug: &str, sheet: Option<usize>) -> Route {
        match sheet {
            None => of_id(
                dataset_id,
                format!("datos/{dataset_id}/mapa/{resource_slug}/"),
            ),
            Some(i) => of_id(
                dataset_id,
                format!("datos/{dataset_id}/mapa/{resource_slug}-hoja-{}/", i + 1),
            ),
        }
    }

    /// A file of a map's folder (`mapa.json`, `t/3/1/2.json`).
    pub fn map_file(folder: &Route, relative: &str) -> Route {
        Route(format!("{}{relative}", folder.0), folder.1.clone())
    }

    /// The data an explorer reads, beside its page.
    pub fn explorer_data(explorer: &Route) -> Route {
        Route(format!("{}datos.bin", explorer.0), explorer.1.clone())
    }

    /// A local data file of a dataset, published byte for byte.
    pub fn download(dataset_id: &str, file_name: &str) -> Route {
        of_id(dataset_id, format!("descargas/{dataset_id}/{file_name}"))
    }

    /// The UTF-8 copy of a data file that is not UTF-8 (same name, in `utf-8/`).
    pub fn utf8_copy(dataset_id: &str, file_name: &str) -> Route {
        of_id(
            dataset_id,
            format!("descargas/{dataset_id}/utf-8/{file_name}"),
        )
    }

    /// The standard copy of a CSV (UTF-8, `,`, decimal points; same name, in `estandar/`).
    pub fn standard_copy(dataset_id: &str, file_name: &str) -> Route {
        of_id(
            dataset_id,
            format!("descargas/{dataset_id}/estandar/{file_name}"),
        )
    }

    /// One sheet of a spreadsheet, as CSV: `csv/<file stem>-<sheet>.csv`.
    pub fn sheet_csv(dataset_id: &str, file_name: &str, sheet: &str) -> Route {
        let sheet = match slugify(sheet) {
            s if s.is_empty() => "hoja".to_string(),
            s => s,
        };
        let path = format!(
            "descargas/{dataset_id}/csv/{}-{sheet}.csv",
            file_stem(file_name)
        );
        of_id(dataset_id, path)
    }

    /// A KML file converted to GeoJSON: `geojson/<file stem>.geojson`.
    pub fn geojson_conversion(dataset_id: &str, file_name: &str) -> Route {
        let path = format!(
            "descargas/{dataset_id}/geojson/{}.geojson",
            file_stem(file_name)
        );
        of_id(dataset_id, path)
    }

    /// The folder of a participant's boundary map data (`boundary`), drawn
    /// under its maps and on the network's map.
    pub fn boundary_map(id: &str) -> Route {
        Route(
            format!("participantes/{id}/limite/"),
            Owner::Participant(id.to_string()),
        )
    }

    /// The folder of the network's map data (the home page's map).
    pub fn network_map() -> Route {
        every("mapa/")
    }

    /// A file beside a story (its cover, an image it shows), published next to
    /// its page so the story's relative links work: `historias/xalapa/check-bus/portada.png`.
    pub fn story_file(story_id: &str, relative: &str) -> Route {
        Route(
            format!("historias/{story_id}/{relative}"),
            story_owner(story_id),
        )
    }

    /// The Atom feed of stories.
    pub fn stories_feed() -> Route {
        every("historias/novedades.xml")
    }

    /// The folder of the search index's term shards (`buscar/indice/tr.json`).
    pub fn search_shards() -> Route {
        every("buscar/indice/")
    }

    pub fn search_shard(shard: &str) -> Route {
        every(format!("buscar/indice/{shard}.json"))
    }

    /// The folder of the search results' metadata (`buscar/docs/0.json`).
    pub fn search_docs() -> Route {
        every("buscar/docs/")
    }

    pub fn search_docs_file(number: usize) -> Route {
        every(format!("buscar/docs/{number}.json"))
    }

    /// A theme asset (CSS, JS), its name fingerprinted by the caller.
    pub fn asset(file_name: &str) -> Route {
        every(format!("assets/{file_name}"))
    }

    /// A file from the site's `static/` folder, at the same place in the output.
    pub fn static_file(relative: &str) -> Route {
        every(relative)
    }

    /// The network's DCAT-AP catalog, as JSON-LD and as Turtle.
    pub fn dcat_catalog(format: RdfFormat) -> Route {
        every(format!("catalog.{}", format.extension()))
    }

    /// One participant's DCAT-AP catalog.
    pub fn participant_dcat_catalog(id: &str, format: RdfFormat) -> Route {
        Route(
            format!("participantes/{id}/catalog.{}", format.extension()),
            Owner::Participant(id.to_string()),
        )
    }

    /// The DCAT-US / Project Open Data 1.1 inventory, where harvesters look for it.
    pub fn data_json() -> Route {
        every("data.json")
    }

    /// The Frictionless Data Package of a dataset.
    pub fn datapackage(dataset_id: &str) -> Route {
        of_id(dataset_id, format!("datos/{dataset_id}/datapackage.json"))
    }

    /// The catalog as a spreadsheet: one row per resource.
    pub fn catalog_csv() -> Route {
        every("catalogo.csv")
    }

    /// The Atom feed of new and updated datasets.
    pub fn feed() -> Route {
        every("novedades.xml")
    }

    pub fn sitemap() -> Route {
        every("sitemap.xml")
    }

    pub fn robots() -> Route {
        every("robots.txt")
    }

    /// The headers hosts that read the file send (Netlify, Cloudflare Pages).
    pub fn headers() -> Route {
        every("_headers")
    }

    /// The static JSON API: the list of all datasets.
    pub fn api_datasets() -> Route {
        every("api/v1/datasets.json")
    }

    /// The static JSON API: one dataset.
    pub fn api_dataset(dataset_id: &str) -> Route {
        of_id(dataset_id, format!("api/v1/datasets/{dataset_id}.json"))
    }

    /// A participant portal's logo, published beside its participant page.
    pub fn participant_logo(participant: &str, file_name: &str) -> Route {
        Route(
            format!("participantes/{participant}/{file_name}"),
            Owner::Participant(participant.to_string()),
        )
    }

    /// A marker file for hosts (e.g. `.nojekyll`).
    pub fn root_file(name: &str) -> Route {
        every(name)
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
