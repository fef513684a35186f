//! Addresses that never break (`abierto check --previous PLACE`): the portal
//! is compared with a previous build of it, and each dataset that build
//! published and this one no longer has — under its id or among any
//! dataset's `former_ids` — is an error: its page, downloads, datapackage and
//! API file would answer 404, breaking the links and scripts people wrote.
//!
//! `PLACE` is where the previous build's addresses are read from, in order:
//! an output folder (the `.abierto-manifest` the writer leaves, else its
//! `sitemap.xml`), a `sitemap.xml` file, or the address of the published
//! `sitemap.xml` (`https://…/sitemap.xml`, asked for once). A sitemap lists
//! pages only; the manifest also lists the downloads, which help to guess
//! which new dataset a vanished one became.

use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Dataset, Site};
use crate::msg;
use crate::output::OutputFile;
use crate::output::urls::{DatasetAddress, Route, Urls};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;
use std::time::Duration;

/// The previous build's addresses, relative to its base (`datos/x/y/`).
pub struct Previous {
    /// Where they were read from, as the user wrote it.
    place: String,
    /// The address each dataset page had, by dataset id.
    datasets: BTreeMap<String, String>,
    /// The files each dataset's downloads had, by dataset id.
    downloads: BTreeMap<String, BTreeSet<String>>,
}

/// Reads the previous build's addresses from `place` (see the module's doc).
pub fn read(place: &str) -> Result<Previous, Diagnostic> {
    let unreadable = |error: String| {
        Diagnostic::error(
            place,
            msg!("check-previous-unreadable", place = place, error = error),
        )
        .help(msg!("check-previous-help"))
    };
    let routes = if place.starts_with("http://") || place.starts_with("https://") {
        sitemap_routes(&fetch(place).map_err(unreadable)?)
    } else {
        let path = Path::new(place);
        match crate::output::writer::published_files(path) {
            Some(files) => files.iter().map(|f| route_of_file(f)).collect(),
            None => {
                let file = if path.is_dir() {
                    path.join("sitemap.xml")
                } else {
                    path.to_path_buf()
                };
                let text = std::fs::read_to_string(&file).map_err(|e| unreadable(e.to_string()))?;
                sitemap_routes(&text)
            }
        }
    };
    let previous = Previous::from_routes(place, &routes);
    if previous.datasets.is_empty() {
        return Err(
            Diagnostic::error(place, msg!("check-previous-no-datasets", place = place))
                .help(msg!("check-previous-help")),
        );
    }
    Ok(previous)
}

impl Previous {
    fn from_routes(place: &str, routes: &[Route]) -> Previous {
        let mut datasets = BTreeMap::new();
        let mut downloads: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for route in routes {
            let Some(address) = DatasetAddress::of(route) else {
                continue;
            };
            let id = address.dataset_id.to_string();
            if *route == Urls::dataset(&id) {
                datasets.insert(id, route.as_str().to_string());
            } else if route.as_str().starts_with("descargas/") {
                let file = route.file_name().to_string();
                downloads.entry(id).or_default().insert(file);
            }
        }
        Previous {
            place: place.to_string(),
            datasets,
            downloads,
        }
    }
}

/// Each dataset of `previous` whose page this build (`files`) no longer has.
pub fn check(site: &Site, files: &[OutputFile], previous: &Previous) -> Vec<Diagnostic> {
    let published: HashSet<&str> = files.iter().map(|f| f.route.as_str()).collect();
    let urls = Urls::new(&site.portal.base_url);
    previous
        .datasets
        .iter()
        .filter(|(_, route)| !published.contains(route.as_str()))
        .map(|(id, _)| {
            let url = urls.absolute(&Urls::dataset(id));
            let message = msg!(
                "check-dataset-gone",
                id = id,
                url = url,
                place = &previous.place
            );
            match successor(site, previous, id) {
                Some(new) => Diagnostic::error(new.source_file.clone(), message).help(msg!(
                    "check-dataset-gone-renamed-help",
                    id = id,
                    new = &new.id
                )),
                None => {
                    let (participant, name) = id.split_once('/').unwrap_or(("", id));
                    Diagnostic::error(format!("participants/{participant}/{name}.toml"), message)
                        .help(msg!("check-dataset-gone-help", id = id))
                }
            }
            .code(Code::AddressGone)
        })
        .collect()
}

/// The dataset a vanished one most likely became: a dataset of the same
/// participant that the previous build did not have, sharing a download's
/// file name with it, else with the most similar name (the ids' part after
/// the participant, which every candidate shares and would make any two
/// ids look alike).
fn successor<'s>(site: &'s Site, previous: &Previous, gone: &str) -> Option<&'s Dataset> {
    let (participant, gone_name) = gone.split_once('/')?;
    let candidates = site
        .datasets
        .iter()
        .filter(|d| d.participant == participant && !previous.datasets.contains_key(&d.id));
    let old_files = previous.downloads.get(gone);
    let shares_a_file = |d: &&Dataset| {
        d.resources.iter().any(|r| match &r.location {
            crate::model::ResourceLocation::Local { file_name, .. } => {
                old_files.is_some_and(|files| files.contains(file_name))
            }
            _ => false,
        })
    };
    let candidates: Vec<&Dataset> = candidates.collect();
    candidates.iter().copied().find(shares_a_file).or_else(|| {
        candidates
            .iter()
            .map(|d| (strsim::jaro_winkler(&d.slug, gone_name), *d))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, d)| d)
    })
}

/// A file of the manifest as an address: `datos/x/index.html` is `datos/x/`.
fn route_of_file(file: &str) -> Route {
    let page = file
        .strip_suffix("index.html")
        .filter(|p| p.is_empty() || p.ends_with('/'));
    Route::published(page.unwrap_or(file))
}

/// The addresses a sitemap lists, relative to the portal's base (the
/// longest start every address shares, up to a `/`: the home page's).
fn sitemap_routes(text: &str) -> Vec<Route> {
    let locs: Vec<String> = text
        .split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</loc>").map(|(loc, _)| loc.trim()))
        .map(|loc| loc.replace("&amp;", "&"))
        .collect();
    let Some(first) = locs.first() else {
        return Vec::new();
    };
    let mut base = first.len();
    for loc in &locs {
        base = base.min(
            first
                .bytes()
                .zip(loc.bytes())
                .take_while(|(a, b)| a == b)
                .count(),
        );
    }
    let base = first[..base].rfind('/').map_or(0, |i| i + 1);
    locs.iter()
        .map(|loc| Route::published(&loc[base..]))
        .collect()
}

/// The text at an `http(s)` address.
fn fetch(address: &str) -> Result<String, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into();
    let mut answer = agent.get(address).call().map_err(|e| e.to_string())?;
    answer
        .body_mut()
        .with_config()
        .limit(256 * 1024 * 1024)
        .read_to_string()
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sitemap_gives_addresses_relative_to_the_portal() {
        let sitemap = "<urlset><url><loc>https://x.github.io/red/</loc></url>\
            <url><loc>https://x.github.io/red/datos/xalapa/semaforos/</loc></url>\
            <url><loc>https://x.github.io/red/datos/f/formato/csv/</loc></url></urlset>";
        let routes = sitemap_routes(sitemap);
        assert_eq!(
            routes.iter().map(Route::as_str).collect::<Vec<_>>(),
            ["", "datos/xalapa/semaforos/", "datos/f/formato/csv/"]
        );
        let previous = Previous::from_routes("sitemap.xml", &routes);
        assert_eq!(
            previous.datasets.keys().collect::<Vec<_>>(),
            ["xalapa/semaforos"]
        );
    }

    #[test]
    fn manifest_files_are_addresses_and_downloads_are_kept_by_dataset() {
        let routes: Vec<Route> = [
            "index.html",
            "datos/xalapa/semaforos/index.html",
            "datos/xalapa/semaforos/datapackage.json",
            "descargas/xalapa/semaforos/semaforos.csv",
            "descargas/xalapa/semaforos/utf-8/semaforos.csv",
        ]
        .iter()
        .map(|f| route_of_file(f))
        .collect();
        assert_eq!(routes[1].as_str(), "datos/xalapa/semaforos/");
        let previous = Previous::from_routes("public", &routes);
        assert_eq!(
            previous.downloads["xalapa/semaforos"]
                .iter()
                .collect::<Vec<_>>(),
            ["semaforos.csv"]
        );
    }
}
