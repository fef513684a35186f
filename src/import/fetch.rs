//! `--fetch`: each remote resource downloaded into its participant's `datos/`
//! folder, so the imported portal hosts, previews and checksums it; within a
//! size limit per file and one for the whole run. What is not downloaded
//! (a web page or API rather than a file, over a limit, a server's refusal)
//! stays a link, and the report names it with the reason.

use super::http::{Client, HttpLimits, HttpProblem};
use super::{Imported, ImportedResource, Note};
use crate::load::PARTICIPANTS_DIR;
use crate::messages::{Arg, Message};
use crate::msg;
use crate::slug::slugify;
use std::collections::BTreeSet;
use std::path::Path;

/// The data folder of a participant, where downloads go.
const DATA_DIR: &str = "datos";

/// Formats that name a web page or a service, not a file to download.
const NOT_FILES: &[&str] = &[
    "HTML",
    "HTM",
    "API",
    "WEB",
    "WMS",
    "WFS",
    "ESRI REST",
    "ARCGIS",
    "URL",
    "LINK",
];

#[derive(Debug, Clone)]
pub struct FetchLimits {
    /// The largest file downloaded.
    pub per_file: u64,
    /// All the files of the run together.
    pub total: u64,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            per_file: 100 * 1024 * 1024,
            total: 1024 * 1024 * 1024,
        }
    }
}

/// What `--fetch` did.
#[derive(Debug, Default)]
pub struct FetchReport {
    /// Files downloaded: their path in the site and size.
    pub downloaded: Vec<(String, u64)>,
    /// Resources left as links, each with the reason.
    pub skipped: Vec<Note>,
    pub bytes: u64,
}

/// Downloads every resource of `imported` it can; the downloaded ones get a `path`.
pub fn fetch_all(
    site: &Path,
    imported: &mut Imported,
    limits: &FetchLimits,
    http: &HttpLimits,
) -> FetchReport {
    let mut run = Run {
        site,
        client: Client::new(http),
        limits,
        report: FetchReport::default(),
        names: BTreeSet::new(),
    };
    for dataset in &mut imported.datasets {
        for (index, resource) in dataset.resources.iter_mut().enumerate() {
            if let Err(message) = run.fetch(&dataset.participant, resource) {
                run.report.skipped.push(Note {
                    source: dataset.source.clone(),
                    field: format!("resources[{}]", index + 1),
                    message,
                });
            }
        }
    }
    run.report
}

/// One `--fetch` run: what it downloaded so far, and the file names taken.
struct Run<'a> {
    site: &'a Path,
    client: Client,
    limits: &'a FetchLimits,
    report: FetchReport,
    names: BTreeSet<String>,
}

impl Run<'_> {
    /// Downloads one resource of `participant` into its data folder (or finds
    /// it there from a previous run) and gives it its `path`; `Err` says why
    /// it stays a link.
    fn fetch(&mut self, participant: &str, resource: &mut ImportedResource) -> Result<(), Message> {
        let format = resource.format.clone().unwrap_or_default().to_uppercase();
        if NOT_FILES.contains(&format.as_str()) {
            return Err(msg!(
                "import-fetch-not-a-file",
                url = &resource.url,
                format = &format
            ));
        }
        let left = self.limits.total.saturating_sub(self.report.bytes);
        if left == 0 {
            return Err(msg!(
                "import-fetch-total",
                url = &resource.url,
                limit = Arg::size(self.limits.total)
            ));
        }
        let name = file_name(
            &resource.url,
            &resource.title,
            &format,
            participant,
            &mut self.names,
        );
        let relative = format!("{DATA_DIR}/{name}");
        let folder = self.site.join(PARTICIPANTS_DIR).join(participant);
        let path = folder.join(&relative);
        if !path.exists() {
            let limit = self.limits.per_file.min(left);
            let bytes = download(&self.client, &resource.url, &path, limit, &format)
                .map_err(|why| msg!("import-fetch-skipped", url = &resource.url, why = why))?;
            self.report.bytes += bytes;
            self.report.downloaded.push((
                format!("{PARTICIPANTS_DIR}/{participant}/{relative}"),
                bytes,
            ));
        }
        resource.path = Some(relative);
        Ok(())
    }
}

/// Downloads `url` to `path` (nothing is left there if it fails).
fn download(
    client: &Client,
    url: &str,
    path: &Path,
    limit: u64,
    format: &str,
) -> Result<u64, Message> {
    let write_problem =
        |e: std::io::Error| msg!("import-fetch-cannot-write", error = e.to_string());
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(write_problem)?;
    }
    let partial = path.with_extension("abierto-partial");
    let mut file = std::fs::File::create(&partial).map_err(write_problem)?;
    let result = client.download(url, limit, &mut file);
    drop(file);
    let outcome = match result {
        Ok(_) if format != "HTML" && is_web_page(&partial) => Err(msg!("import-fetch-web-page")),
        Ok(bytes) => std::fs::rename(&partial, path)
            .map(|_| bytes)
            .map_err(write_problem),
        Err(HttpProblem::TooLarge(limit)) => {
            Err(msg!("import-fetch-too-large", limit = Arg::size(limit)))
        }
        Err(problem) => Err(problem.message()),
    };
    if outcome.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    outcome
}

/// Whether a downloaded file is an HTML page (a login, an error, a viewer).
fn is_web_page(path: &Path) -> bool {
    use std::io::Read;
    let mut start = [0u8; 512];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut start))
        .unwrap_or(0);
    let text = String::from_utf8_lossy(&start[..read])
        .trim_start()
        .to_lowercase();
    text.starts_with("<!doctype html") || text.starts_with("<html")
}

/// A file name for a resource: the address's last segment (or its title)
/// made a slug with its extension, unique in the participant's folder.
fn file_name(
    url: &str,
    title: &str,
    format: &str,
    participant: &str,
    names: &mut BTreeSet<String>,
) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let last =
        crate::percent::decode_lossy(path.trim_end_matches('/').rsplit('/').next().unwrap_or(""));
    let (stem, extension) = match last.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            (stem.to_string(), ext.to_lowercase())
        }
        _ => (title.to_string(), format.to_lowercase()),
    };
    let stem = Some(slugify(&stem))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "recurso".to_string());
    let extension = Some(slugify(&extension))
        .filter(|e| !e.is_empty())
        .unwrap_or_else(|| "dat".to_string());
    let mut name = format!("{stem}.{extension}");
    let mut n = 2;
    while !names.insert(format!("{participant}/{name}")) {
        name = format!("{stem}-{n}.{extension}");
        n += 1;
    }
    name
}
