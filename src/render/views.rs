//! What each page shows, computed once in Rust and handed to the templates:
//! links already resolved, dates and sizes already written in the portal's language.

use super::i18n::Translation;
use crate::analyse::Analysis;
use crate::model::{Dataset, Participant, ResourceLocation, Site, Status, Story};
use crate::output::urls::{Urls, keyword_slug};
use crate::rules::{completeness, freshness};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub href: String,
    pub text: String,
}

/// A dataset as lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct DatasetSummary {
    pub id: String,
    pub href: String,
    pub title: String,
    pub summary: String,
    pub participant: Link,
    pub formats: Vec<String>,
    pub modified: Option<DateView>,
    pub planned: bool,
    pub expected: Option<DateView>,
    /// Freshness state key (`up-to-date`, `overdue`…), also its CSS class.
    pub freshness: &'static str,
    /// The state in words.
    pub freshness_text: String,
    /// When the next update is (or was) due.
    pub due: Option<DateView>,
    /// Metadata completeness, 0–100 (`None` for a planned dataset).
    pub completeness: Option<u8>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `2014-10-10`, for `<time datetime>`.
    pub iso: String,
    /// `10 de octubre de 2014`.
    pub text: String,
}

/// A story as lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct StorySummary {
    pub href: String,
    pub title: String,
    pub date: DateView,
    pub summary: String,
    pub authors: Vec<String>,
    pub participant: Option<Link>,
    pub cover: Option<CoverView>,
}

/// A story's cover image.
#[derive(Debug, Clone, Serialize)]
pub struct CoverView {
    pub href: String,
    /// Empty for a decorative cover (no `cover_alt`).
    pub alt: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParticipantSummary {
    pub href: String,
    pub name: String,
    pub short_name: String,
    pub kind: String,
    pub state: Option<String>,
    pub dataset_count: usize,
    pub planned_count: usize,
    /// Mean metadata completeness of its published datasets, 0–100.
    pub completeness: Option<u8>,
    /// Datasets past their update date, and planned datasets past their promise.
    pub overdue_count: usize,
    /// Planned datasets past the date they were promised for.
    pub promises_overdue_count: usize,
    pub freshness_href: String,
}

/// One resource on a dataset page.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceView {
    pub slug: String,
    pub title: String,
    pub format: String,
    pub href: String,
    pub remote: bool,
    pub file_name: Option<String>,
    pub size: Option<String>,
    pub bytes: Option<u64>,
    pub sha256: Option<String>,
    pub encoding: Option<String>,
    pub description_html: String,
    /// The documented columns, for resources whose content is not analysed.
    pub fields: Vec<super::data_view::FieldView>,
    /// What the file holds: preview, profile, map, warnings.
    pub data: Option<super::data_view::DataView>,
}

/// Builds the views shared by several pages, once per build.
pub struct Views<'a> {
    /// What this portal shows (see [`super::Scope::here`]).
    pub site: &'a Site,
    /// The whole site: the stories that cite a dataset may be anyone's.
    whole: &'a Site,
    pub urls: &'a Urls,
    pub t: &'a Translation,
    /// Summaries of all datasets, in `site.datasets` order.
    pub datasets: Vec<DatasetSummary>,
    /// Summaries of the built stories, newest first.
    pub stories: Vec<StorySummary>,
    /// Today, for freshness.
    pub today: crate::model::Date,
    /// Each dataset's title as a slug (what lists sort by), in `site.datasets` order.
    title_slugs: Vec<String>,
    /// Keywords grouped by slug: first spelling and the datasets (indices) that have it.
    keywords: std::collections::BTreeMap<String, (String, Vec<usize>)>,
    /// The built stories of the whole site that cite a dataset shown here.
    citing: Vec<StorySummary>,
    /// For each dataset id, the stories (indices in `citing`) that embed or cite it.
    stories_by_dataset: std::collections::HashMap<String, Vec<usize>>,
}

impl<'a> Views<'a> {
    pub fn new(scope: &'a super::Scope, t: &'a Translation, include_drafts: bool) -> Views<'a> {
        let site = scope.here();
        let mut views = Views {
            site,
            whole: scope.whole(),
            urls: &scope.urls,
            t,
            datasets: Vec::new(),
            stories: Vec::new(),
            today: crate::clock::today_or_epoch(),
            title_slugs: site
                .datasets
                .iter()
                .map(|d| crate::slug::slugify(&d.title))
                .collect(),
            keywords: group_keywords(site),
            citing: Vec::new(),
            stories_by_dataset: Default::default(),
        };
        views.datasets = site
            .datasets
            .iter()
            .map(|d| views.dataset_summary(d))
            .collect();
        views.stories = views
            .built_stories(include_drafts)
            .map(|s| views.story_summary(s))
            .collect();
        views.index_citing_stories(include_drafts);
        views
    }

    /// The stories of the whole site that cite a dataset shown here, by dataset.
    fn index_citing_stories(&mut self, include_drafts: bool) {
        let built = (self.whole.stories.iter()).filter(|s| include_drafts || !s.draft);
        for story in built {
            let here = |id: &String| self.site.dataset(id).is_some();
            if !story.datasets.iter().any(here) {
                continue;
            }
            let i = self.citing.len();
            for dataset in story.datasets.iter().filter(|id| here(id)) {
                let stories = self.stories_by_dataset.entry(dataset.clone()).or_default();
                if stories.last() != Some(&i) {
                    stories.push(i);
                }
            }
            let summary = self.story_summary(story);
            self.citing.push(summary);
        }
    }

    pub fn built_stories(&self, include_drafts: bool) -> impl Iterator<Item = &'a Story> + use<'a> {
        self.site
            .stories
            .iter()
            .filter(move |s| include_drafts || !s.draft)
    }

    pub fn date(&self, date: crate::model::Date) -> DateView {
        DateView {
            iso: date.to_string(),
            text: self.t.date(date),
        }
    }

    pub fn participant_link(&self, id: &str) -> Link {
        let text = self
            .whole
            .participant(id)
            .map_or(id, |p| p.short_name.as_str())
            .to_string();
        Link {
            href: self.urls.href(&Urls::participant(id)),
            text,
        }
    }

    fn dataset_summary(&self, dataset: &Dataset) -> DatasetSummary {
        let mut formats: Vec<String> = dataset.resources.iter().map(|r| r.format.clone()).collect();
        formats.sort();
        formats.dedup();
        let fresh = freshness::freshness(dataset, self.today);
        DatasetSummary {
            id: dataset.id.clone(),
            href: self.urls.href(&Urls::dataset(&dataset.id)),
            title: dataset.title.clone(),
            summary: super::markdown::summary(&dataset.description, 220),
            participant: self.participant_link(&dataset.participant),
            formats,
            modified: dataset.modified.or(dataset.issued).map(|d| self.date(d)),
            planned: dataset.status == Status::Planned,
            expected: dataset.expected.map(|d| self.date(d)),
            freshness: fresh.state.key(),
            freshness_text: self
                .t
                .ui(&format!(
                    "freshness_{}",
                    fresh.state.key().replace('-', "_")
                ))
                .to_string(),
            due: fresh.due.map(|d| self.date(d)),
            completeness: completeness::completeness(dataset, self.site).map(|c| c.score),
        }
    }

    fn story_summary(&self, story: &Story) -> StorySummary {
        StorySummary {
            href: self.urls.href(&Urls::story(&story.id)),
            title: story.title.clone(),
            date: self.date(story.date),
            summary: story
                .summary
                .clone()
                .unwrap_or_else(|| super::markdown::summary(&story.body, 220)),
            authors: story.authors.clone(),
            participant: story
                .participant
                .as_deref()
                .map(|p| self.participant_link(p)),
            cover: story.cover.as_ref().map(|cover| CoverView {
                href: self
                    .urls
                    .href(&Urls::story_file(&story.id, &cover.relative)),
                alt: story.cover_alt.clone().unwrap_or_default(),
            }),
        }
    }

    pub fn dataset_summary_of(&self, id: &str) -> Option<&DatasetSummary> {
        self.site
            .datasets
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.datasets[i])
    }

    /// A dataset a story of this portal cites: its summary, made for the
    /// occasion (linked on the network's portal) when this portal does not show it.
    pub fn cited_dataset(&self, id: &str) -> Option<std::borrow::Cow<'_, DatasetSummary>> {
        match self.dataset_summary_of(id) {
            Some(summary) => Some(std::borrow::Cow::Borrowed(summary)),
            None => {
                let dataset = self.whole.dataset(id)?;
                Some(std::borrow::Cow::Owned(self.dataset_summary(dataset)))
            }
        }
    }

    /// Published datasets matching `keep`, sorted by title.
    pub fn published_where(&self, keep: impl Fn(&Dataset) -> bool) -> Vec<&DatasetSummary> {
        self.listed(Status::Published, |i| keep(&self.site.datasets[i]))
    }

    /// Planned datasets matching `keep`, soonest promise first.
    pub fn planned_where(&self, keep: impl Fn(&Dataset) -> bool) -> Vec<&DatasetSummary> {
        self.listed(Status::Planned, |i| keep(&self.site.datasets[i]))
    }

    /// Datasets of one status whose index `keep` accepts, in list order:
    /// published by title, planned by promised date.
    fn listed(&self, status: Status, keep: impl Fn(usize) -> bool) -> Vec<&DatasetSummary> {
        let datasets = &self.site.datasets;
        let mut list: Vec<usize> = (0..datasets.len())
            .filter(|&i| datasets[i].status == status && keep(i))
            .collect();
        match status {
            Status::Published => {
                list.sort_by(|&a, &b| self.title_slugs[a].cmp(&self.title_slugs[b]))
            }
            Status::Planned => list.sort_by(|&a, &b| {
                (datasets[a].expected, &datasets[a].id)
                    .cmp(&(datasets[b].expected, &datasets[b].id))
            }),
        }
        list.into_iter().map(|i| &self.datasets[i]).collect()
    }

    pub fn participant_summary(&self, participant: &Participant) -> ParticipantSummary {
        let count = |status: Status| {
            self.site
                .datasets
                .iter()
                .filter(|d| d.participant == participant.id && d.status == status)
                .count()
        };
        let states = || {
            self.datasets
                .iter()
                .zip(&self.site.datasets)
                .filter(|(_, d)| d.participant == participant.id)
                .map(|(s, _)| s.freshness)
        };
        ParticipantSummary {
            href: self.urls.href(&Urls::participant(&participant.id)),
            name: participant.name.clone(),
            short_name: participant.short_name.clone(),
            kind: self
                .t
                .kinds
                .get(participant.kind.key())
                .cloned()
                .unwrap_or_default(),
            state: participant.state.clone(),
            dataset_count: count(Status::Published),
            planned_count: count(Status::Planned),
            completeness: completeness::participant_score(self.site, &participant.id),
            overdue_count: states()
                .filter(|s| matches!(*s, "overdue" | "promise-overdue"))
                .count(),
            promises_overdue_count: states().filter(|s| *s == "promise-overdue").count(),
            freshness_href: self
                .urls
                .href(&Urls::participant_freshness(&participant.id)),
        }
    }

    pub fn keyword_links(&self, keywords: &[String]) -> Vec<Link> {
        keywords
            .iter()
            .map(|k| Link {
                href: self.urls.href(&Urls::keyword(k)),
                text: k.clone(),
            })
            .collect()
    }

    pub fn category_links(&self, ids: &[String]) -> Vec<Link> {
        ids.iter()
            .filter_map(|id| self.site.category(id))
            .map(|c| Link {
                href: self.urls.href(&Urls::category(&c.id)),
                text: c.title.clone(),
            })
            .collect()
    }

    pub fn resources(
        &self,
        dataset: &Dataset,
        analysis: &Analysis,
        describe: impl Fn(&str, usize) -> String,
    ) -> Vec<ResourceView> {
        let outlines: Vec<_> =
            super::map_figure::boundary(self.site, analysis, &dataset.participant)
                .into_iter()
                .collect();
        let basemap = super::map_figure::basemap(self.site);
        dataset
            .resources
            .iter()
            .map(|resource| {
                let (href, remote, file_name, facts): (
                    String,
                    bool,
                    Option<String>,
                    Option<&crate::analyse::FileFacts>,
                ) = match &resource.location {
                    ResourceLocation::Local {
                        path, file_name, ..
                    } => (
                        self.urls.href(&Urls::download(&dataset.id, file_name)),
                        false,
                        Some(file_name.clone()),
                        analysis.facts(path),
                    ),
                    ResourceLocation::Remote { url } => (url.clone(), true, None, None),
                };
                let data = facts.zip(file_name.as_deref()).map(|(facts, file_name)| {
                    super::data_view::data_view(
                        &super::data_view::Context {
                            t: self.t,
                            urls: self.urls,
                            dataset_id: &dataset.id,
                            file_name,
                            resource,
                            explore_max_rows: self.site.portal.explore_max_rows,
                            outlines: &outlines,
                            basemap: basemap.as_ref(),
                        },
                        facts,
                    )
                });
                let has_tables = data.as_ref().is_some_and(|d| !d.tables.is_empty());
                ResourceView {
                    data,
                    slug: resource.slug.clone(),
                    title: resource.title.clone(),
                    format: resource.format.clone(),
                    href,
                    remote,
                    file_name,
                    size: facts.map(|f| self.t.size(f.bytes)),
                    bytes: facts.map(|f| f.bytes),
                    sha256: facts.map(|f| f.sha256.clone()),
                    encoding: resource.encoding.clone(),
                    description_html: describe(&resource.description, resource.description_line),
                    fields: if has_tables {
                        Vec::new()
                    } else {
                        super::data_view::documented_fields(self.t, resource)
                    },
                }
            })
            .collect()
    }

    /// Published then planned datasets matching `keep` (category and keyword pages list both).
    pub fn all_where(&self, keep: impl Fn(&Dataset) -> bool) -> Vec<&DatasetSummary> {
        self.all_at(|i| keep(&self.site.datasets[i]))
    }

    /// Like [`Views::all_where`], choosing datasets by their index in `site.datasets`.
    pub fn all_at(&self, keep: impl Fn(usize) -> bool) -> Vec<&DatasetSummary> {
        let mut list = self.listed(Status::Published, &keep);
        list.extend(self.listed(Status::Planned, &keep));
        list
    }

    /// The built stories that embed or cite a dataset, newest first: the
    /// network's and other participants' too, linked on the network's portal.
    pub fn stories_about(&self, dataset_id: &str) -> Vec<&StorySummary> {
        self.stories_by_dataset
            .get(dataset_id)
            .map(|indices| indices.iter().map(|&i| &self.citing[i]).collect())
            .unwrap_or_default()
    }

    /// Keywords of all datasets, grouped by slug: (slug, first spelling, dataset count).
    pub fn keywords(&self) -> Vec<(String, String, usize)> {
        self.keywords
            .iter()
            .map(|(slug, (text, datasets))| (slug.clone(), text.clone(), datasets.len()))
            .collect()
    }

    /// Published then planned datasets with a keyword, by its slug.
    pub fn with_keyword(&self, slug: &str) -> Vec<&DatasetSummary> {
        let Some((_, indices)) = self.keywords.get(slug) else {
            return Vec::new();
        };
        let mut list = self.listed(Status::Published, |i| indices.binary_search(&i).is_ok());
        list.extend(self.listed(Status::Planned, |i| indices.binary_search(&i).is_ok()));
        list
    }
}

/// Keywords grouped by slug, once per build (a national portal has thousands
/// of keyword pages; finding each one's datasets by slugging every keyword
/// again would be quadratic).
fn group_keywords(site: &Site) -> std::collections::BTreeMap<String, (String, Vec<usize>)> {
    let mut grouped: std::collections::BTreeMap<String, (String, Vec<usize>)> =
        std::collections::BTreeMap::new();
    for (i, dataset) in site.datasets.iter().enumerate() {
        for keyword in &dataset.keywords {
            let (_, datasets) = grouped
                .entry(keyword_slug(keyword))
                .or_insert_with(|| (keyword.clone(), Vec::new()));
            if datasets.last() != Some(&i) {
                datasets.push(i);
            }
        }
    }
    grouped
}
