//! What a site is once loaded and validated: the portal, its participants,
//! datasets, stories and pages. Later stages read these types; only `load` makes them.

mod dataset;
mod date;
mod frequency;
mod license;
mod participant;
mod portal;
mod story;

pub use dataset::{
    Contact, Dataset, Field, Holds, PersonalDataAcceptance, Resource, ResourceLocation, Status,
    Temporal,
};
pub use date::Date;
pub use frequency::Frequency;
pub use license::{License, built_in_licenses};
pub use participant::{
    Boundary, LogoFile, PageChoice, Participant, ParticipantKind, ParticipantPortal,
};
pub use portal::{Category, Forge, Language, Logo, Maps, Portal, Repository};
pub use story::{Page, Story, StoryFile};

use std::collections::BTreeSet;
use std::path::PathBuf;

/// A whole site, loaded: everything the portal is built from.
pub struct Site {
    /// The site folder.
    pub root: PathBuf,
    pub portal: Portal,
    /// Sorted by id.
    pub participants: Vec<Participant>,
    /// Sorted by id.
    pub datasets: Vec<Dataset>,
    /// Newest first.
    pub stories: Vec<Story>,
    /// In menu order.
    pub pages: Vec<Page>,
    /// Files under `static/`, relative to it, copied to the output as they are.
    pub static_files: Vec<PathBuf>,
    /// Template overrides from `templates/`: (template name, file).
    pub template_overrides: Vec<(String, PathBuf)>,
    /// What the site has files for but could not load (their errors are reported).
    pub unloaded: Unloaded,
}

/// The ids of datasets, participants, stories and pages whose files are in
/// the site but did not load: a story or page that names one waits on that
/// file's errors, and is not reported as naming something unknown.
#[derive(Debug, Clone, Default)]
pub struct Unloaded {
    pub datasets: BTreeSet<String>,
    pub participants: BTreeSet<String>,
    pub stories: BTreeSet<String>,
    /// Plain pages, by slug.
    pub pages: BTreeSet<String>,
}

impl Site {
    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants
            .binary_search_by(|p| p.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.participants[i])
    }

    pub fn dataset(&self, id: &str) -> Option<&Dataset> {
        self.datasets
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.datasets[i])
    }

    /// Whether `id` is a dataset whose descriptor is in the site but did not load.
    pub fn dataset_unloaded(&self, id: &str) -> bool {
        self.unloaded.datasets.contains(id)
    }

    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }

    pub fn page(&self, slug: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.slug == slug)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.portal.categories.iter().find(|c| c.id == id)
    }
}
