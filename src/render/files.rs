//! The files of the portal that are not pages nor catalogs: theme assets,
//! the search index, downloads (and the files made from them), static files;
//! and the copies of a renamed dataset's files at its former addresses.

use super::search::index::SearchIndex;
use super::theme::Asset;
use crate::analyse::explore::Explorer;
use crate::analyse::{Analysis, FileFacts, MapLayer};
use crate::model::{Logo, ResourceLocation, Site};
use crate::output::urls::{DatasetAddress, Route, Urls};
use crate::output::{Content, Origin, OutputFile};
use std::collections::HashMap;

/// Every file of the portal that is not a page nor a catalog, in this order:
/// theme assets, search index, downloads, static files, a participant
/// portal's logo, `.nojekyll`.
pub(super) fn not_pages(
    site: &Site,
    analysis: &Analysis,
    theme_assets: &[(String, Asset)],
    index: SearchIndex,
) -> Vec<OutputFile> {
    let mut files: Vec<OutputFile> = assets(theme_assets).collect();
    files.extend(search_index(index));
    files.extend(downloads(site, analysis));
    files.extend(boundaries(site, analysis));
    files.extend(static_files(site));
    files.extend(participant_logo(site));
    files.push(nojekyll());
    files
}

/// The theme's assets, under their fingerprinted names.
fn assets(assets: &[(String, Asset)]) -> impl Iterator<Item = OutputFile> {
    assets.iter().map(|(_, asset)| OutputFile {
        route: Urls::asset(&asset.file_name),
        content: Content::Bytes(asset.content.to_vec().into()),
        origin: Origin::Portal,
    })
}

/// The search index: its term shards, then its documents.
fn search_index(index: SearchIndex) -> impl Iterator<Item = OutputFile> {
    let shards = index.shards.into_iter().map(|(shard, json)| OutputFile {
        route: Urls::search_shard(&shard),
        content: Content::Bytes(json.into_bytes().into()),
        origin: Origin::Portal,
    });
    let docs = index
        .docs
        .into_iter()
        .enumerate()
        .map(|(number, json)| OutputFile {
            route: Urls::search_docs_file(number),
            content: Content::Bytes(json.into_bytes().into()),
            origin: Origin::Portal,
        });
    shards.chain(docs)
}

/// Each local data file, byte for byte, followed by the files made from it.
fn downloads(site: &Site, analysis: &Analysis) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for dataset in &site.datasets {
        for resource in &dataset.resources {
            if let ResourceLocation::Local {
                path,
                file_name,
                source_file,
            } = &resource.location
            {
                files.push(OutputFile {
                    route: Urls::download(&dataset.id, file_name),
                    content: Content::CopyOf(path.clone()),
                    origin: Origin::Site(source_file.clone()),
                });
                if let Some(facts) = analysis.facts(path) {
                    let file = DataFile {
                        analysis,
                        facts,
                        dataset_id: &dataset.id,
                        file_name,
                        resource_slug: &resource.slug,
                        source_file,
                    };
                    files.extend(file.made_files());
                    files.extend(file.explorer_files());
                    files.extend(file.map_files());
                }
            }
        }
    }
    files
}

/// A local data file of a resource, with what its analysis made of it.
struct DataFile<'a> {
    analysis: &'a Analysis,
    facts: &'a FileFacts,
    dataset_id: &'a str,
    file_name: &'a str,
    resource_slug: &'a str,
    /// The descriptor that names it, for messages.
    source_file: &'a str,
}

impl DataFile<'_> {
    /// The files made from the data file: its UTF-8 and standard copies, its sheets as CSV, its GeoJSON conversion.
    fn made_files(&self) -> Vec<OutputFile> {
        use crate::analyse::FileContent as Data;
        let (dataset_id, file_name) = (self.dataset_id, self.file_name);
        let made = |route: Route, name: &str| OutputFile {
            route,
            content: Content::CopyOf(self.analysis.made_file(name)),
            origin: Origin::Site(self.source_file.to_string()),
        };
        match &self.facts.content {
            Data::Csv {
                utf8_copy,
                standard_copy,
                ..
            } => {
                let utf8 = utf8_copy
                    .iter()
                    .map(|name| made(Urls::utf8_copy(dataset_id, file_name), name));
                let standard = standard_copy
                    .iter()
                    .map(|name| made(Urls::standard_copy(dataset_id, file_name), name));
                utf8.chain(standard).collect()
            }
            Data::Workbook { sheets } => sheets
                .iter()
                .filter_map(|s| {
                    let name = s.csv_file.as_deref()?;
                    Some(made(Urls::sheet_csv(dataset_id, file_name, &s.name), name))
                })
                .collect(),
            Data::Geo {
                geojson_copy: Some(name),
                ..
            } => vec![made(Urls::geojson_conversion(dataset_id, file_name), name)],
            _ => Vec::new(),
        }
    }

    /// The data of each explorer of the data file's tables, beside its page.
    fn explorer_files(&self) -> Vec<OutputFile> {
        explorers(self.facts)
            .into_iter()
            .map(|(sheet, explorer)| OutputFile {
                route: Urls::explorer_data(&Urls::explorer(
                    self.dataset_id,
                    self.resource_slug,
                    sheet,
                )),
                content: Content::CopyOf(self.analysis.made_file(&explorer.file)),
                origin: Origin::Site(self.source_file.to_string()),
            })
            .collect()
    }

    /// The files of each map of the data file, beside its page.
    fn map_files(&self) -> Vec<OutputFile> {
        self.facts
            .maps()
            .into_iter()
            .flat_map(|(sheet, map)| {
                let folder = Urls::map_data(self.dataset_id, self.resource_slug, sheet);
                map_folder(self.analysis, map, &folder, self.source_file)
            })
            .collect()
    }
}

/// The files of a map's data, under `folder`.
fn map_folder(
    analysis: &Analysis,
    map: &MapLayer,
    folder: &Route,
    source_file: &str,
) -> Vec<OutputFile> {
    let Some(data) = &map.data else {
        return Vec::new();
    };
    let dir = analysis.made_file(&data.folder);
    data.files
        .iter()
        .map(|relative| OutputFile {
            route: Urls::map_file(folder, relative),
            content: Content::CopyOf(dir.join(relative)),
            origin: Origin::Site(source_file.to_string()),
        })
        .collect()
}

/// The map data of each participant's boundary.
fn boundaries(site: &Site, analysis: &Analysis) -> Vec<OutputFile> {
    site.participants
        .iter()
        .filter_map(|p| {
            let boundary = p.boundary.as_ref()?;
            let facts = analysis.facts(&boundary.path)?;
            let (_, map) = facts.maps().into_iter().next()?;
            Some(map_folder(
                analysis,
                map,
                &Urls::boundary_map(&p.id),
                &boundary.source_file,
            ))
        })
        .flatten()
        .collect()
}

/// The explorers of a data file's tables, with the sheet each is of (`None` for a CSV).
pub(super) fn explorers(facts: &FileFacts) -> Vec<(Option<usize>, &Explorer)> {
    use crate::analyse::FileContent as Data;
    match &facts.content {
        Data::Csv { csv, .. } => csv.table.explorer.iter().map(|e| (None, e)).collect(),
        Data::Workbook { sheets } => sheets
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((Some(i), s.table.explorer.as_ref()?)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The site's `static/` files, as they are.
fn static_files(site: &Site) -> impl Iterator<Item = OutputFile> {
    site.static_files.iter().map(|relative| {
        let name = crate::diagnostics::display_path(std::path::Path::new(""), relative);
        OutputFile {
            route: Urls::static_file(&name),
            content: Content::CopyOf(site.root.join(crate::load::STATIC_DIR).join(relative)),
            origin: Origin::Site(format!("{}/{name}", crate::load::STATIC_DIR)),
        }
    })
}

/// A participant portal's logo, from beside its participant.toml.
fn participant_logo(site: &Site) -> Option<OutputFile> {
    let Some(Logo::Participant { participant, file }) = &site.portal.logo else {
        return None;
    };
    Some(OutputFile {
        route: Urls::participant_logo(participant, &file.file_name),
        content: Content::CopyOf(file.path.clone()),
        origin: Origin::Site(site.portal.source_file.clone()),
    })
}

/// `.nojekyll`: GitHub Pages publishing from a branch must not run Jekyll on the portal.
fn nojekyll() -> OutputFile {
    OutputFile {
        route: Urls::root_file(".nojekyll"),
        content: Content::Bytes(Vec::new().into()),
        origin: Origin::Portal,
    }
}

/// Every file of a renamed dataset (downloads, made files, datapackage, API
/// file) among `files`, copied to the same address under each former id, so
/// that scripts written against the old addresses keep working. Its pages
/// have redirect pages there instead (`pages/redirects.rs`), and the data an
/// explorer page reads needs no copy.
pub(super) fn former_addresses(site: &Site, files: &[OutputFile]) -> Vec<OutputFile> {
    let formers: HashMap<&str, &[String]> = site
        .datasets
        .iter()
        .filter(|d| !d.former_ids.is_empty())
        .map(|d| (d.id.as_str(), d.former_ids.as_slice()))
        .collect();
    if formers.is_empty() {
        return Vec::new();
    }
    let mut copies = Vec::new();
    for file in files {
        let Some(address) = DatasetAddress::of(&file.route) else {
            continue;
        };
        if address.is_page() || address.serves_its_page_only() {
            continue;
        }
        for former in formers.get(address.dataset_id).copied().unwrap_or_default() {
            copies.push(OutputFile {
                route: address.with_id(former),
                content: file.content.clone(),
                origin: file.origin.clone(),
            });
        }
    }
    copies
}
