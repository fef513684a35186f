//! Import (`abierto import jkan|ckan|dcat`): another portal's catalog becomes
//! participants, dataset descriptors and categories of a site. Each source is
//! read into the neutral [`Imported`] value ([`jkan`], [`ckan`], [`dcat`], with
//! [`source`] decoding files and [`http`] asking servers); [`fetch`] downloads
//! the resources when asked; [`write`] turns the whole into files, updating
//! what an earlier import wrote and nobody edited since, and keeping the rest.
//! What has no place in abierto is a [`Note`] naming the source file and field,
//! and a comment in the descriptor.

mod ckan;
mod dates;
mod dcat;
mod fetch;
mod html;
mod http;
mod jkan;
pub mod mapping;
mod report;
mod source;
mod write;

pub use http::HttpLimits;
pub use report::{Group, ImportReport};

use crate::messages::Message;
use crate::model::{Date, Frequency};
use crate::scaffold::Refusal;
use std::path::{Path, PathBuf};

/// The kinds of catalog an import reads; the key of the descriptors it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceKind {
    #[default]
    Jkan,
    Ckan,
    Dcat,
}

impl SourceKind {
    /// How the source is named in files and messages.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Jkan => "jkan",
            SourceKind::Ckan => "ckan",
            SourceKind::Dcat => "dcat",
        }
    }
}

/// Something said about the source: its file or item, its field, what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The source file or item (`_datasets/ciclovias.md`, `ckan.json › accidentes`).
    pub source: String,
    /// The field (`license`, `resources[2].url`); empty for the whole item.
    pub field: String,
    pub message: Message,
}

/// A catalog read from another portal, in abierto's terms.
#[derive(Debug, Default)]
pub struct Imported {
    pub kind: SourceKind,
    pub participants: Vec<ImportedParticipant>,
    pub datasets: Vec<ImportedDataset>,
    /// The source's categories (themes, groups), by the title datasets give them.
    pub categories: Vec<ImportedCategory>,
    /// Items of the source that became nothing, each with the reason.
    pub skipped: Vec<Note>,
    /// Notes about no one dataset (a participant's kind, a licence list).
    pub notes: Vec<Note>,
    /// How many datasets the source says it holds (CKAN's `count`), when it says.
    pub declared: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct ImportedParticipant {
    /// A slug: the participant's folder.
    pub id: String,
    /// The source's identifier of the organization (re-imports find the file by it).
    pub source_id: String,
    pub name: String,
    /// `municipio`, `estado`, `federal` or `organizacion`.
    pub kind: &'static str,
    /// Whether `kind` was guessed from nothing (and defaulted).
    pub kind_defaulted: bool,
    pub description: String,
    pub website: Option<String>,
    pub email: Option<String>,
}

impl ImportedParticipant {
    /// A participant whose kind is guessed from its name (and noted for review).
    pub fn named(
        id: String,
        source_id: String,
        name: String,
        notes: &mut Vec<Note>,
        source: &str,
    ) -> Self {
        let guessed = mapping::participant_kind(&name);
        let message = match guessed {
            Some((kind, word)) => crate::msg!(
                "import-kind-guessed",
                name = &name,
                kind = kind,
                word = word
            ),
            None => crate::msg!("import-kind-unknown", name = &name),
        };
        notes.push(Note {
            source: source.to_string(),
            field: "title".to_string(),
            message,
        });
        ImportedParticipant {
            id,
            source_id,
            kind: guessed.map_or("organizacion", |(kind, _)| kind),
            kind_defaulted: guessed.is_none(),
            description: String::new(),
            website: None,
            email: None,
            name,
        }
    }
}

/// A category of the source: the title datasets name it by, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedCategory {
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, Default)]
pub struct ImportedDataset {
    pub participant: String,
    /// A slug: the descriptor's file name.
    pub slug: String,
    /// The source's own identifier of the dataset, kept in the descriptor.
    pub source_id: String,
    /// The source file or item, as notes name it.
    pub source: String,
    /// The dataset's page on the source portal, when known.
    pub source_page: Option<String>,
    pub title: String,
    pub description: String,
    pub keywords: Vec<String>,
    /// Category titles as the source names them.
    pub categories: Vec<String>,
    pub license: LicenseChoice,
    pub issued: Option<Date>,
    pub modified: Option<Date>,
    pub frequency: Option<Frequency>,
    pub temporal: Option<(Option<Date>, Option<Date>)>,
    pub spatial: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub resources: Vec<ImportedResource>,
    /// What could not be mapped, each naming its field.
    pub notes: Vec<Note>,
}

impl ImportedDataset {
    /// Notes `message` about `field` of this dataset's source.
    fn note(&mut self, field: impl Into<String>, message: Message) {
        self.notes.push(Note {
            source: self.source.clone(),
            field: field.into(),
            message,
        });
    }

    /// Adds a keyword once.
    fn add_keyword(&mut self, keyword: &str) {
        let keyword = keyword.trim();
        if !keyword.is_empty() && !self.keywords.iter().any(|k| k == keyword) {
            self.keywords.push(keyword.to_string());
        }
    }

    /// Adds a category (by title) once, unless it says "no category".
    fn add_category(&mut self, title: &str) {
        let title = title.trim();
        if !title.is_empty()
            && !mapping::is_no_category(title)
            && !self.categories.iter().any(|c| c == title)
        {
            self.categories.push(title.to_string());
        }
    }

    /// Keeps an e-mail address as the contact's, or notes that it is not one.
    fn set_contact_email(&mut self, field: &str, email: String) {
        if mapping::is_email(&email) {
            let address = email.trim();
            self.contact_email = Some(
                address
                    .strip_prefix("mailto:")
                    .unwrap_or(address)
                    .to_string(),
            );
        } else {
            self.note(field, crate::msg!("import-not-an-email", email = email));
        }
    }

    /// Sets a date read from `value`, or notes that it is not one.
    fn set_date(&mut self, field: &str, value: &str, which: fn(&mut Self) -> &mut Option<Date>) {
        match dates::date(value) {
            Some(day) => *which(self) = Some(day),
            None => self.note(field, crate::msg!("import-not-a-date", value = value)),
        }
    }

    /// Sets the frequency read from `value`, or notes that it is not one.
    fn set_frequency(&mut self, field: &str, value: &str) {
        match mapping::frequency(value) {
            Some(frequency) => self.frequency = Some(frequency),
            None => self.note(field, crate::msg!("import-not-a-frequency", value = value)),
        }
    }

    /// Sets the period read from `value`, or notes that it is not one.
    fn set_temporal(&mut self, field: &str, value: &str) {
        match dates::period(value) {
            Some(range) => self.temporal = Some(range),
            None => self.note(field, crate::msg!("import-not-a-period", value = value)),
        }
    }

    /// Adds a resource with a web address (percent-encoded when it needs
    /// it), or notes why it has none. `field` names it in the source.
    fn add_resource(&mut self, field: String, resource: ResourceFound) {
        let title = resource
            .title
            .unwrap_or_else(|| format!("Recurso {}", self.resources.len() + 1));
        let Some(written) = resource.url else {
            self.note(field, crate::msg!("import-resource-no-url", title = title));
            return;
        };
        match mapping::web_url(&written) {
            Some(url) => {
                if url != written.trim() {
                    self.note(
                        format!("{field}.url"),
                        crate::msg!("import-url-encoded", url = written.trim()),
                    );
                }
                self.resources.push(ImportedResource {
                    title,
                    url,
                    format: resource.format.map(|f| mapping::format_name(&f)),
                    description: resource.description.unwrap_or_default(),
                    path: None,
                });
            }
            None => self.note(
                format!("{field}.url"),
                crate::msg!("import-resource-not-web", title = title, url = written),
            ),
        }
    }
}

/// A resource as a source gives it, before it is checked.
#[derive(Debug, Default)]
struct ResourceFound {
    title: Option<String>,
    url: Option<String>,
    format: Option<String>,
    description: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ImportedResource {
    pub title: String,
    pub url: String,
    pub format: Option<String>,
    pub description: String,
    /// The file downloaded by `--fetch`, relative to the descriptor's folder.
    pub path: Option<String>,
}

/// The licence a dataset arrives with: never one its source did not grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LicenseChoice {
    /// A built-in licence id.
    Id(String),
    /// A licence of the dataset's own (a `[license]` table); without an
    /// address of its own, the dataset's page at the source stands for it.
    Custom { name: String, url: Option<String> },
    /// The source states no licence: the descriptor says so, with the
    /// source's page about it when there is one.
    NotDeclared { url: Option<String> },
}

impl Default for LicenseChoice {
    fn default() -> Self {
        LicenseChoice::NotDeclared { url: None }
    }
}

/// What an import may do beyond reading: download resources, ask servers.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// `--fetch`: download each remote resource within these limits.
    pub fetch: Option<fetch::FetchLimits>,
    pub http: HttpLimits,
}

pub use fetch::FetchLimits;

/// `abierto import jkan DIR --into SITE`.
pub fn import_jkan(
    dir: &Path,
    site: &Path,
    options: &ImportOptions,
) -> Result<ImportReport, Refusal> {
    crate::scaffold::require_site(site)?;
    let imported = jkan::read_jkan(dir)?;
    finish(site, imported, options)
}

/// `abierto import ckan FILE|URL --into SITE`.
pub fn import_ckan(
    from: &str,
    site: &Path,
    options: &ImportOptions,
) -> Result<ImportReport, Refusal> {
    crate::scaffold::require_site(site)?;
    let imported = if http::is_web_address(from) {
        ckan::read_live(from, &options.http)?
    } else {
        let path = PathBuf::from(from);
        let text = source::read_text(&path)?;
        ckan::read_ckan(&text, &source::file_label(&path))?
    };
    finish(site, imported, options)
}

/// `abierto import dcat FILE|URL --into SITE`.
pub fn import_dcat(
    from: &str,
    site: &Path,
    options: &ImportOptions,
) -> Result<ImportReport, Refusal> {
    crate::scaffold::require_site(site)?;
    let (text, label) = if http::is_web_address(from) {
        (http::get_text(from, &options.http)?, from.to_string())
    } else {
        let path = PathBuf::from(from);
        (source::read_text(&path)?, source::file_label(&path))
    };
    let imported = dcat::read_dcat(&text, &label)?;
    finish(site, imported, options)
}

fn finish(
    site: &Path,
    mut imported: Imported,
    options: &ImportOptions,
) -> Result<ImportReport, Refusal> {
    let fetched = options
        .fetch
        .as_ref()
        .map(|limits| fetch::fetch_all(site, &mut imported, limits, &options.http));
    let mut report = write::write_into(site, imported)?;
    report.fetched = fetched;
    Ok(report)
}
