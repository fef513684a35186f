//! Import (`abierto import ckan|jkan`): turns another portal's metadata into
//! participants and dataset descriptors of a site. Each source is read into the
//! neutral [`Imported`] value ([`ckan`], [`jkan`]); [`write`] turns that into
//! files, never overwriting one. What has no place in abierto is reported per
//! dataset and kept as a TOML comment in its descriptor.

mod ckan;
mod jkan;
pub mod mapping;
mod write;

pub use ckan::read_ckan;
pub use jkan::read_jkan;
pub use write::write_into;

use crate::messages::Message;
use crate::model::{Date, Frequency};
use crate::msg;
use crate::scaffold::Refusal;
use std::path::{Path, PathBuf};

/// A catalog read from another portal, in abierto's terms.
#[derive(Debug, Default)]
pub struct Imported {
    pub participants: Vec<ImportedParticipant>,
    pub datasets: Vec<ImportedDataset>,
    /// Notes that are not about one dataset (a participant's kind, a skipped entry), by subject.
    pub notes: Vec<(String, Message)>,
}

#[derive(Debug, Clone)]
pub struct ImportedParticipant {
    /// A slug: the participant's folder.
    pub id: String,
    pub name: String,
    /// `municipio`, `estado`, `federal` or `organizacion`.
    pub kind: &'static str,
    /// Whether `kind` was guessed from nothing (and defaulted).
    pub kind_defaulted: bool,
    pub description: String,
    pub website: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ImportedDataset {
    pub participant: String,
    /// A slug: the descriptor's file name.
    pub slug: String,
    pub title: String,
    pub description: String,
    pub keywords: Vec<String>,
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
    /// What could not be mapped, one sentence each.
    pub unmapped: Vec<Message>,
}

impl ImportedDataset {
    /// Adds the site category a source's group or category stands for, or
    /// notes that portal.toml declares none (`what`: `group` or `category`,
    /// `name` as the source calls it).
    fn add_category(&mut self, found: Option<String>, what: &'static str, name: &str) {
        match found {
            Some(id) if !self.categories.contains(&id) => self.categories.push(id),
            Some(_) => {}
            None => self
                .unmapped
                .push(msg!("import-no-category", what = what, name = name)),
        }
    }

    /// Keeps an e-mail address as the contact's, or notes that it is not one.
    fn set_contact_email(&mut self, email: String) {
        if mapping::is_email(&email) {
            self.contact_email = Some(email);
        } else {
            self.unmapped
                .push(msg!("import-not-an-email", email = email));
        }
    }

    /// Adds a resource with a web address, or notes why it has none.
    fn add_resource(
        &mut self,
        title: String,
        url: Option<String>,
        format: Option<String>,
        description: Option<String>,
    ) {
        match url {
            Some(url) if mapping::is_web_url(&url) => self.resources.push(ImportedResource {
                title,
                url,
                format: format.map(|f| mapping::format_name(&f)),
                description: description.unwrap_or_default(),
            }),
            Some(url) => {
                self.unmapped
                    .push(msg!("import-resource-not-web", title = title, url = url))
            }
            None => self
                .unmapped
                .push(msg!("import-resource-no-url", title = title)),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ImportedResource {
    pub title: String,
    pub url: String,
    pub format: Option<String>,
    pub description: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum LicenseChoice {
    /// None given or none usable: the portal's `default_license` applies.
    #[default]
    SiteDefault,
    /// A built-in licence id.
    Id(String),
    /// A licence of the dataset's own (`[license]` table).
    Custom {
        id: String,
        name: String,
        url: String,
    },
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub created: Vec<PathBuf>,
    /// Participants that existed already and were kept as they were.
    pub kept: Vec<PathBuf>,
    /// Per dataset (`participant/slug`), what could not be mapped or was not written.
    pub notes: Vec<(String, Message)>,
}

/// `abierto import ckan FILE --into SITE`.
pub fn import_ckan(file: &Path, site: &Path) -> Result<ImportReport, Refusal> {
    crate::scaffold::require_site(site)?;
    let text = std::fs::read_to_string(file).map_err(|e| {
        Refusal::new(
            msg!(
                "import-cannot-read",
                path = file.display().to_string(),
                error = e.to_string()
            ),
            msg!("import-cannot-read-help"),
        )
    })?;
    let categories = write::site_categories(site);
    let imported = read_ckan(&text, &categories)?;
    write_into(site, imported)
}

/// `abierto import jkan DIR --into SITE`.
pub fn import_jkan(dir: &Path, site: &Path) -> Result<ImportReport, Refusal> {
    crate::scaffold::require_site(site)?;
    let categories = write::site_categories(site);
    let imported = read_jkan(dir, &categories)?;
    write_into(site, imported)
}
