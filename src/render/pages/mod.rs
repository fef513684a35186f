//! The list of the portal's pages: for each, its route, template and data.
//! Each kind of page has its file, with the typed data its template is given
//! (the template's contract); this one lists the pages in order and holds
//! what they are made from.

mod catalog;
mod common;
mod dataset;
mod developers;
mod embed;
mod explore;
mod history;
mod home;
mod inventory;
mod participant;
mod plain;
mod redirects;
mod search;
mod story;
mod taxonomy;

pub use common::{CommonContext, CommonValues};

use super::cache::PageContext;
use super::catalogs::Records;
use super::embeds::Embeds;
use super::embeds::share::SharedFigure;
use super::facets::Facets;
use super::search::Counts;
use super::search::index::SearchIndex;
use super::views::{ParticipantSummary, Views};
use super::{IdLinks, PageJob, RenderOptions};
use crate::analyse::{Analysis, FileFacts};
use crate::diagnostics::Diagnostics;
use crate::history::History;
use crate::model::{Dataset, Resource, ResourceLocation, Site};
use crate::output::OutputFile;
use crate::output::urls::Route;
use crate::sync::Unpoisoned;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// What search and the catalog's filters need: the facets, and the index's
/// shards and documents.
pub struct Finder<'a> {
    pub facets: &'a Facets,
    /// Names of the index's term shards, space separated.
    pub shards: String,
    /// How many of the search documents are of each kind.
    pub counts: Counts,
}

impl<'a> Finder<'a> {
    /// What the search boxes and the catalog's facets need from the index.
    pub fn new(facets: &'a Facets, index: &SearchIndex, counts: Counts) -> Finder<'a> {
        Finder {
            facets,
            shards: index.shard_list(),
            counts,
        }
    }
}

/// What the pages are made from.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    /// The whole site, for what links and embeds name beyond this portal.
    pub whole: &'a Site,
    pub views: &'a Views<'a>,
    pub analysis: &'a Analysis,
    pub history: &'a History,
    pub records: &'a Records<'a>,
    pub common: &'a CommonValues,
    pub finder: &'a Finder<'a>,
    /// The network's map, for the home page.
    pub network_map: Option<&'a str>,
}

/// Every page of the portal, each handed to `render` (on all cores) as soon
/// as its data is made. Returns what `render` returned, and the files beside
/// the stories (covers, images they show).
pub fn all<R: Send>(
    sources: Sources,
    options: &RenderOptions,
    diagnostics: &Diagnostics,
    render: impl Fn(PageJob) -> Option<R> + Sync,
) -> (Vec<R>, Vec<OutputFile>) {
    let builder = Builder::new(sources, options, diagnostics);
    let mut jobs = builder.jobs();
    let routes: Vec<Route> = jobs.iter().map(|job| job.route.clone()).collect();
    jobs.extend(redirects::jobs(&builder, &routes));
    jobs.extend(plain::not_found_jobs(&builder));
    let mut rendered: Vec<R> = jobs.into_par_iter().filter_map(&render).collect();
    // The stories' figures are known once the stories are rendered.
    let figures = std::mem::take(&mut *builder.story_figures.lock().unpoisoned());
    let figure_jobs = embed::story_jobs(&builder, figures);
    rendered.extend(
        figure_jobs
            .into_par_iter()
            .filter_map(&render)
            .collect::<Vec<R>>(),
    );
    let story_files = builder.story_files.into_inner().unpoisoned();
    (rendered, story_files.into_values().collect())
}

/// What the pages are made from, with what several pages share, made once.
struct Builder<'a> {
    views: &'a Views<'a>,
    analysis: &'a Analysis,
    history: &'a History,
    records: &'a Records<'a>,
    common: &'a CommonValues,
    finder: &'a Finder<'a>,
    /// The network's map, for the home page.
    network_map: Option<&'a str>,
    options: &'a RenderOptions,
    diagnostics: &'a Diagnostics,
    links: IdLinks<'a>,
    embeds: Embeds<'a>,
    /// Every participant's summary (the home page and the participants' page).
    participants: Vec<ParticipantSummary>,
    /// Each category with its datasets' count (the catalog and the categories' page).
    categories: Vec<taxonomy::CountedLink>,
    /// Each keyword: slug, text and datasets' count.
    keywords: Vec<(String, String, usize)>,
    /// Files beside the stories (covers, images they show), by address,
    /// found while the stories are rendered.
    story_files: Mutex<BTreeMap<Route, OutputFile>>,
    /// The stories' charts, tables and maps, collected as the stories are
    /// rendered, for their embed pages.
    story_figures: Mutex<Vec<SharedFigure>>,
}

/// The title, description and address of one page, for `<head>`.
#[derive(Serialize)]
struct PageMeta {
    title: String,
    description: String,
    canonical: String,
    /// The menu section the page belongs to, to mark it as current.
    section: String,
    /// The forge's editor for the file the page is made from («Editar esta
    /// página»), when the portal names its `repository`.
    #[serde(skip_serializing_if = "Option::is_none")]
    edit: Option<String>,
    /// Whether the page has an interactive map (and loads `map.js`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    map: bool,
}

impl PageMeta {
    /// The same meta, with the «Editar esta página» link to `site_file`.
    fn edited_in(mut self, b: &Builder, site_file: &str) -> PageMeta {
        self.edit = b.repository().map(|r| r.edit_url(site_file));
        self
    }

    /// The same meta, loading `map.js` when the page has an interactive map.
    fn with_map(mut self, map: bool) -> PageMeta {
        self.map = map;
        self
    }
}

impl<'a> Builder<'a> {
    fn new(
        sources: Sources<'a>,
        options: &'a RenderOptions,
        diagnostics: &'a Diagnostics,
    ) -> Builder<'a> {
        let Sources {
            whole,
            views,
            analysis,
            history,
            records,
            common,
            finder,
            network_map,
        } = sources;
        let site = views.site;
        Builder {
            views,
            analysis,
            history,
            records,
            common,
            finder,
            network_map,
            options,
            diagnostics,
            links: IdLinks {
                site: whole,
                pages: &site.pages,
                urls: views.urls,
            },
            embeds: Embeds {
                site: whole,
                analysis,
                urls: views.urls,
                t: views.t,
                share: None,
            },
            participants: site
                .participants
                .iter()
                .map(|p| views.participant_summary(p))
                .collect(),
            categories: taxonomy::category_links(views),
            keywords: views.keywords(),
            story_files: Mutex::default(),
            story_figures: Mutex::default(),
        }
    }

    /// Every page but those made from the others' addresses (the redirects
    /// of renamed datasets) and the 404 page, in the order the sitemap lists them.
    fn jobs(&self) -> Vec<PageJob<'_>> {
        [
            home::jobs(self),
            catalog::jobs(self),
            search::jobs(self),
            taxonomy::facet_value_jobs(self),
            dataset::jobs(self),
            history::jobs(self),
            explore::jobs(self),
            embed::dataset_jobs(self),
            participant::jobs(self),
            inventory::jobs(self),
            story::jobs(self),
            taxonomy::category_jobs(self),
            taxonomy::keyword_jobs(self),
            developers::jobs(self),
            plain::jobs(self),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// A page whose data `make` fills in when the page is rendered (so that
    /// a national portal never holds every page's data at once).
    fn job<'j>(
        &self,
        route: Route,
        template: &'static str,
        make: impl FnOnce(&Route) -> PageContext + Send + 'j,
    ) -> PageJob<'j> {
        PageJob {
            context: Box::new({
                let route = route.clone();
                move || make(&route)
            }),
            route,
            template,
        }
    }

    /// The `<head>` of the page at `route`: its title, description and menu section.
    /// The page at `route` made with `template`, titled and described by the
    /// theme's texts (`[title, intro, section]`: the two texts' keys and the
    /// page's section), its data made by `data` when it is rendered.
    fn titled_job<'j, T: Serialize>(
        &'j self,
        (route, template): (Route, &'static str),
        [title, intro, section]: [&'static str; 3],
        data: impl FnOnce() -> T + Send + 'j,
    ) -> PageJob<'j> {
        let t = self.views.t;
        self.job(route, template, move |route| {
            let meta = self.meta(route, t.ui(title), t.ui(intro), section);
            self.context(meta, &data())
        })
    }

    fn meta(&self, route: &Route, title: &str, description: &str, section: &str) -> PageMeta {
        PageMeta {
            title: title.to_string(),
            description: description.to_string(),
            canonical: self.views.urls.absolute(route),
            section: section.to_string(),
            edit: None,
            map: false,
        }
    }

    /// Each local resource of every dataset, with the facts of its analysed file.
    fn analysed_resources(
        &self,
    ) -> impl Iterator<Item = (&'a Dataset, &'a Resource, &'a FileFacts)> {
        let analysis = self.analysis;
        self.views.site.datasets.iter().flat_map(move |dataset| {
            dataset.resources.iter().filter_map(move |resource| {
                let ResourceLocation::Local { path, .. } = &resource.location else {
                    return None;
                };
                Some((dataset, resource, analysis.facts(path)?))
            })
        })
    }

    /// Where the site's source is kept, when the portal says.
    fn repository(&self) -> Option<&crate::model::Repository> {
        self.views.site.portal.repository.as_ref()
    }

    /// A page's whole context: the values every page shares (`site`, `t`),
    /// its `page` meta and each field of its template's `data`.
    fn context(&self, page: PageMeta, data: &impl Serialize) -> PageContext {
        let mut context = PageContext::new();
        let (site, site_fingerprint) = &self.common.site;
        context.insert_shared("site", site.clone(), site_fingerprint);
        let (t, t_fingerprint) = &self.common.t;
        context.insert_shared("t", t.clone(), t_fingerprint);
        context.insert("page", &page);
        context.insert_fields(data);
        context
    }
}
