//! A run of rendering against the last one: the cache kept between runs,
//! each page rendered or found unchanged, the catalogs made or found again,
//! and what is kept for the next run (in memory for `serve`, in the bundle
//! on disk for `build`).

use super::cache::{self, Bundle, Fingerprint};
use super::catalogs::{self, Records};
use super::theme::{self, template_failed};
use super::{PageJob, RenderOptions};
use crate::analyse::Analysis;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Site;
use crate::msg;
use crate::output::urls::Route;
use crate::output::{Content, Origin, OutputFile};
use crate::progress::Stage;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Pages rendered in earlier runs: a page whose template and data are the
/// same as last time is not rendered again. What a page shows is all in its
/// context, so comparing context fingerprints finds exactly the pages a change
/// touches, whatever the change was.
#[derive(Default)]
pub struct RenderCache {
    pub(super) templates: Option<(Vec<(String, String)>, tera::Tera)>,
    /// The last run's pages, by address (`serve`): fingerprint and bytes.
    pub(super) pages: HashMap<Route, (Fingerprint, Arc<Vec<u8>>)>,
    /// The last run's catalogs (`serve`), with the fingerprint of what they were made from.
    catalogs: Option<(Fingerprint, Vec<OutputFile>)>,
    /// Keep the pages in the bundle on disk for the next process (`build`)
    /// instead of in memory for the next run.
    pub persist: bool,
    /// Pages rendered by the last run, and pages in all.
    pub last_rendered: usize,
    pub last_pages: usize,
    /// The participant whose own portal this cache renders (`None`: the
    /// network's): each portal keeps its own bundle.
    pub participant: Option<String>,
}

/// A page as rendered, or as found unchanged in the cache.
pub(super) struct RenderedPage {
    route: Route,
    fingerprint: Option<Fingerprint>,
    html: Arc<Vec<u8>>,
    /// Rendered by this run (not reused).
    fresh: bool,
}

impl RenderedPage {
    pub(super) fn route(&self) -> &Route {
        &self.route
    }

    pub(super) fn into_file(self) -> OutputFile {
        OutputFile {
            route: self.route,
            content: Content::Bytes(self.html),
            origin: Origin::Portal,
        }
    }
}

/// What every page's fingerprint also depends on: the templates, the
/// rendering settings and the program that renders.
pub(super) fn render_salt(sources: &[(String, String)], options: &RenderOptions) -> Vec<u8> {
    let program = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{:?} {}", m.modified().ok(), m.len()))
        .unwrap_or_default();
    cache::fingerprint_of(&(env!("CARGO_PKG_VERSION"), program, options.minify, sources))
}

/// Renders each page, unless the last run (or the last build's bundle) has
/// it with the same fingerprint.
pub(super) struct PageRenderer<'a> {
    /// Counts the pages as they are made.
    pub(super) stage: &'a Stage,
    pub(super) tera: &'a tera::Tera,
    pub(super) salt: &'a [u8],
    pub(super) previous: &'a HashMap<Route, (Fingerprint, Arc<Vec<u8>>)>,
    pub(super) bundle: Option<&'a Bundle>,
    pub(super) options: &'a RenderOptions,
    pub(super) diagnostics: &'a Diagnostics,
}

impl PageRenderer<'_> {
    /// The page of `job`, found again or rendered; `None` when its template failed (reported).
    pub(super) fn render(&self, job: PageJob) -> Option<RenderedPage> {
        let PageJob {
            route,
            template,
            context,
        } = job;
        self.stage.advance(0);
        let context = context();
        let fingerprint = context.fingerprint(self.salt, template);
        let known = fingerprint.and_then(|fingerprint| {
            self.previous
                .get(&route)
                .filter(|(known, _)| *known == fingerprint)
                .map(|(_, html)| Arc::clone(html))
                .or_else(|| self.bundle?.get(&fingerprint).map(Arc::new))
        });
        let (html, fresh) = match known {
            Some(html) => (html, false),
            None => match self.tera.render(template, context.values()) {
                Ok(html) if self.options.minify => (Arc::new(minify(html.as_bytes())), true),
                Ok(html) => (Arc::new(html.into_bytes()), true),
                Err(error) => {
                    self.diagnostics.push(
                        Diagnostic::error(route.output_file(), template_failed(template, &error))
                            .help(msg!("render-template-failed-help")),
                    );
                    return None;
                }
            },
        };
        Some(RenderedPage {
            route,
            fingerprint,
            html,
            fresh,
        })
    }
}

fn minify(html: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: true,
        minify_js: true,
        ..minify_html::Cfg::new()
    };
    minify_html::minify(html, &cfg)
}

impl RenderCache {
    /// The cache of the network's portal (`participant` `None`) or of a
    /// participant's own; `persist`: keep the pages on disk (see [`RenderCache::persist`]).
    pub fn for_portal(participant: Option<String>, persist: bool) -> RenderCache {
        RenderCache {
            participant,
            persist,
            ..RenderCache::default()
        }
    }

    /// Compiles the site's templates unless they are the last run's (other
    /// templates: every page may change). False after a problem, reported.
    pub(super) fn compile_templates(&mut self, site: &Site, diagnostics: &Diagnostics) -> bool {
        let sources = match theme::template_sources(site) {
            Ok(sources) => sources,
            Err(problems) => {
                problems.into_iter().for_each(|d| diagnostics.push(d));
                return false;
            }
        };
        if self
            .templates
            .as_ref()
            .is_none_or(|(known, _)| *known != sources)
        {
            self.pages.clear();
            self.templates = None;
            match theme::compile(sources.clone()) {
                Ok(tera) => self.templates = Some((sources, tera)),
                Err(problems) => {
                    problems.into_iter().for_each(|d| diagnostics.push(d));
                    return false;
                }
            }
        }
        true
    }

    /// Where the bundle is kept, and the bundle the last build left when
    /// this is a first run (no page in memory).
    pub(super) fn last_bundle(&self, analysis: &Analysis) -> (Option<PathBuf>, Option<Bundle>) {
        let participant = self.participant.as_deref();
        let bundle_path = analysis
            .cache_dir()
            .map(|dir| Bundle::path(dir, participant));
        let bundle = match &bundle_path {
            Some(path) if self.pages.is_empty() => Bundle::open(path),
            _ => None,
        };
        (bundle_path, bundle)
    }

    /// The catalogs: the last run's or the bundle's when what they are made
    /// from (`fingerprint`) is the same, else made again. They depend on
    /// datasets, participants, portal and data, not on stories or pages:
    /// after a story edit they are the last run's. `None` when made
    /// with a problem (reported, and made again next time so that it is
    /// reported again).
    pub(super) fn catalog_files(
        &mut self,
        fingerprint: Fingerprint,
        bundle: Option<&Bundle>,
        records: &Records,
        tera: &tera::Tera,
        diagnostics: &Diagnostics,
    ) -> Option<Vec<OutputFile>> {
        let known = self
            .catalogs
            .take()
            .filter(|(known, _)| *known == fingerprint)
            .map(|(_, made)| made)
            .or_else(|| bundle?.files(&fingerprint));
        if known.is_some() {
            return known;
        }
        let (made, problems) = catalogs::files(records, tera);
        let clean = problems.is_empty();
        problems.into_iter().for_each(|d| diagnostics.push(d));
        clean.then_some(made)
    }

    /// Keeps this run's pages and catalogs (with the fingerprint of what they
    /// are made from) for the next run: in the bundle
    /// at `bundle_path` when persisting (rewritten unless `bundle` already
    /// holds exactly them), else in memory.
    pub(super) fn keep(
        &mut self,
        rendered: &[RenderedPage],
        (catalog_files, catalogs_fingerprint): (Option<&[OutputFile]>, Fingerprint),
        bundle: Option<Bundle>,
        bundle_path: Option<&Path>,
    ) {
        self.last_pages = rendered.len();
        self.last_rendered = rendered.iter().filter(|page| page.fresh).count();
        if !self.persist {
            self.pages = rendered
                .iter()
                .filter_map(|page| {
                    Some((
                        page.route.clone(),
                        (page.fingerprint?, Arc::clone(&page.html)),
                    ))
                })
                .collect();
            self.catalogs = catalog_files.map(|made| (catalogs_fingerprint, made.to_vec()));
            return;
        }
        let listing = catalog_files.map(cache::route_listing);
        let catalogs = catalog_files.zip(listing.as_deref());
        let kept = bundle_entries(rendered, catalogs, &catalogs_fingerprint);
        if let Some(path) = bundle_path
            && !bundle.is_some_and(|b| b.holds_exactly(&kept))
        {
            // A bundle that cannot be written only costs the next build time.
            let _ = Bundle::write(path, &kept);
        }
    }
}

/// What the bundle keeps: each page by its fingerprint, and the catalogs
/// (their listing under their fingerprint, each file under its key).
fn bundle_entries<'a>(
    rendered: &'a [RenderedPage],
    catalogs: Option<(&'a [OutputFile], &'a [u8])>,
    catalogs_fingerprint: &Fingerprint,
) -> Vec<(Fingerprint, &'a [u8])> {
    let mut kept: Vec<(Fingerprint, &[u8])> = rendered
        .iter()
        .filter_map(|page| Some((page.fingerprint?, page.html.as_slice())))
        .collect();
    if let Some((made, listing)) = catalogs {
        kept.push((*catalogs_fingerprint, listing));
        kept.extend(made.iter().filter_map(|file| match &file.content {
            Content::Bytes(bytes) => Some((
                cache::file_key(catalogs_fingerprint, &file.route),
                bytes.as_slice(),
            )),
            Content::CopyOf(_) => None,
        }));
    }
    kept
}
