//! Render: turns a loaded, analysed site into the files of the portal: pages
//! from the theme's templates, downloads, theme assets, static files and the
//! machine-readable catalogs.

mod cache;
pub mod catalogs;
mod changes;
mod data_view;
pub mod embeds;
mod facets;
mod figures;
mod files;
mod i18n;
mod incremental;
mod map_figure;
mod map_style;
mod map_svg;
pub mod markdown;
mod network_map;
mod pages;
mod sanitize;
mod scope;
pub mod search;
mod theme;
mod views;

pub use i18n::Translation;
pub use incremental::RenderCache;
pub use scope::Scope;

use crate::analyse::Analysis;
use crate::diagnostics::Diagnostics;
use crate::history::History;
use crate::messages::Message;
use crate::model::{Page, Site};
use crate::msg;
use crate::output::urls::{Route, Urls};
use crate::output::{Content, Origin, OutputFile};
use crate::progress::Progress;
use crate::sync::Unpoisoned;
use cache::PageContext;
use incremental::{PageRenderer, RenderedPage};
use markdown::{LinkResolver, MarkdownSource};

/// Choices that change what is rendered.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Minify HTML (on for `build` unless turned off).
    pub minify: bool,
    /// Render `draft = true` stories (for `serve`).
    pub include_drafts: bool,
}

/// One page to render: where it goes, with which template, and how to make
/// its data (made when the page is rendered, then dropped).
pub struct PageJob<'a> {
    pub route: Route,
    pub template: &'static str,
    pub context: Box<dyn FnOnce() -> PageContext + Send + 'a>,
}

/// Renders every file of the portal `scope` says, rendering only the pages
/// whose template or data changed since the run that filled `cache`.
/// Problems (template errors, broken id links) go to `diagnostics`.
pub fn render_site_cached(
    scope: &Scope,
    analysis: &Analysis,
    history: &History,
    options: &RenderOptions,
    diagnostics: &Diagnostics,
    cache: &mut RenderCache,
    progress: &Progress,
) -> Vec<OutputFile> {
    let site = scope.here();
    if !cache.compile_templates(site, diagnostics) {
        return Vec::new();
    }
    let urls = &scope.urls;
    let t = scope.translation();
    let made = made(scope, &t, analysis, history, options.include_drafts);
    let step = std::time::Instant::now();
    let finder = pages::Finder::new(&made.facets, &made.index, made.counts);
    // Held here while the cache is updated; put back once rendered.
    let Some((templates, compiled)) = cache.templates.take() else {
        return Vec::new();
    };
    let tera = &compiled;
    let salt = incremental::render_salt(&templates, options);
    let (bundle_path, bundle) = cache.last_bundle(analysis);
    let stage = progress.counter(msg!("progress-render"));
    let renderer = PageRenderer {
        stage: &stage,
        tera,
        salt: &salt,
        previous: &cache.pages,
        bundle: bundle.as_ref(),
        options,
        diagnostics,
    };
    let sources = pages::Sources {
        whole: scope.whole(),
        views: &made.views,
        analysis,
        history,
        records: &made.records,
        common: &made.common,
        finder: &finder,
        network_map: made.network.as_ref().map(|n| n.html.as_str()),
    };
    let (rendered, story_files) =
        pages::all(sources, options, diagnostics, |job| renderer.render(job));
    stage.finish();
    crate::timing::phase("pages", step);
    let step = std::time::Instant::now();
    let catalogs_fingerprint = cache::catalogs_fingerprint(site, analysis, history, &salt, urls);
    let catalog_files = cache.catalog_files(
        catalogs_fingerprint,
        bundle.as_ref(),
        &made.records,
        tera,
        diagnostics,
    );
    let kept = (catalog_files.as_deref(), catalogs_fingerprint);
    cache.keep(&rendered, kept, bundle, bundle_path.as_deref());
    let page_routes: Vec<Route> = rendered.iter().map(|page| page.route().clone()).collect();
    let mut files: Vec<OutputFile> = rendered.into_iter().map(RenderedPage::into_file).collect();
    crate::timing::phase("catalogs", step);
    let step = std::time::Instant::now();
    files.extend(story_files);
    files.extend(catalogs::story_feed_sitemap_and_headers(
        &made.records,
        &made.views,
        &page_routes,
        tera,
        diagnostics,
    ));
    cache.templates = Some((templates, compiled));
    files.extend(catalog_files.unwrap_or_default());
    files.extend(files::not_pages(site, analysis, &made.assets, made.index));
    files.extend(made.network.map(|n| n.files).unwrap_or_default());
    let files = with_former_and_kept_files(site, history, urls, &t, files);
    crate::timing::phase("files", step);
    files
}

/// What the pages and catalogs of a portal are made from.
struct Made<'a> {
    /// The theme's assets, fingerprinted.
    assets: Vec<(String, theme::Asset)>,
    /// What every page's template is given.
    common: pages::CommonValues,
    views: views::Views<'a>,
    records: catalogs::Records<'a>,
    facets: facets::Facets,
    index: search::index::SearchIndex,
    /// How many documents of each kind the search finds.
    counts: search::Counts,
    /// The home page's map of the network, and its data.
    network: Option<network_map::NetworkMap>,
}

/// The site as its pages and catalogs see it, its facets and its search index.
fn made<'a>(
    scope: &'a Scope,
    t: &'a Translation,
    analysis: &'a Analysis,
    history: &'a History,
    include_drafts: bool,
) -> Made<'a> {
    let assets = theme::assets();
    let common = pages::CommonContext::new(scope, t, &assets).values();
    let (views, records, facets) = crate::timing::timed("views", || {
        let views = views::Views::new(scope, t, include_drafts);
        let (site, whole) = (scope.here(), &scope.whole().portal);
        let records = catalogs::Records::new(site, whole, analysis, history, &scope.urls, t);
        let facets = facets::Facets::new(&views, views.today);
        (views, records, facets)
    });
    let (index, counts) = crate::timing::timed("index", || {
        search::index_and_counts(&views, analysis, include_drafts)
    });
    let network = network_map::network_map(scope.here(), analysis, &scope.urls, t);
    Made {
        assets,
        common,
        views,
        records,
        facets,
        index,
        counts,
        network,
    }
}

/// `files` with copies of a renamed dataset's files at its former addresses
/// and the previous versions of data files the history keeps.
fn with_former_and_kept_files(
    site: &Site,
    history: &History,
    urls: &Urls,
    t: &Translation,
    mut files: Vec<OutputFile>,
) -> Vec<OutputFile> {
    let former = files::former_addresses(site, &files);
    files.extend(former);
    let changes = changes::Changes {
        site,
        history,
        urls,
        t,
    };
    files.extend(site.datasets.iter().flat_map(|d| changes.kept_files(d)));
    files
}

/// Resolves `dataset:`, `participant:`, `story:` and `page:` links against
/// the whole site: what this portal does not hold (another participant's
/// dataset, a page it does not keep) is linked on the network's portal.
pub struct IdLinks<'a> {
    pub site: &'a Site,
    /// The plain pages of this portal.
    pub pages: &'a [Page],
    pub urls: &'a Urls,
}

impl LinkResolver for IdLinks<'_> {
    fn resolve(&self, destination: &str) -> Option<Result<String, Message>> {
        let (kind, id) = destination.split_once(':')?;
        let id = id.trim_matches('/');
        let site = self.site;
        // The id is looked up, and the known ids only walked (borrowed) when
        // it is wrong: a national portal resolves tens of thousands of links.
        let (route, exists, known): (Route, bool, Box<dyn Iterator<Item = &str>>) = match kind {
            "dataset" => (
                Urls::dataset(id),
                site.dataset(id).is_some(),
                Box::new(site.datasets.iter().map(|d| d.id.as_str())),
            ),
            "participant" => (
                Urls::participant(id),
                site.participant(id).is_some(),
                Box::new(site.participants.iter().map(|p| p.id.as_str())),
            ),
            "story" => (
                Urls::story(id),
                site.story(id).is_some(),
                Box::new(site.stories.iter().map(|s| s.id.as_str())),
            ),
            "page" if self.pages.iter().any(|p| p.slug == id) => {
                (Urls::page(id), true, Box::new(std::iter::empty()))
            }
            "page" => (
                Urls::network_page(id),
                site.pages.iter().any(|p| p.slug == id),
                Box::new(self.pages.iter().map(|p| p.slug.as_str())),
            ),
            _ => return None,
        };
        // Something whose file did not load has its errors
        // reported there: the link gets the address it will have.
        let unloaded = match kind {
            "dataset" => &site.unloaded.datasets,
            "participant" => &site.unloaded.participants,
            "story" => &site.unloaded.stories,
            _ => &site.unloaded.pages,
        }
        .contains(id);
        if exists || unloaded {
            return Some(Ok(self.urls.href(&route)));
        }
        let nearest = known
            .map(|k| (strsim::jaro_winkler(id, k), k))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| msg!("render-link-nearest", kind = kind, id = k));
        Some(Err(nearest.unwrap_or_else(|| {
            msg!("render-link-no-id", kind = kind, id = id)
        })))
    }
}

/// A story's (or page's) Markdown: embeds rendered, raw HTML sanitized, and
/// files beside it that it links to relatively published under `folder`
/// (the story's own address), the links pointing there. Returns the HTML and
/// the files to copy.
pub fn story_markdown(
    text: &str,
    source: MarkdownSource,
    links: &IdLinks,
    embeds: &embeds::Embeds,
    folder: Option<&(dyn Fn(&str) -> Route + Sync)>,
    diagnostics: &Diagnostics,
) -> (markdown::Rendered, Vec<OutputFile>) {
    let site_folder = links.site.root.join(
        std::path::Path::new(source.file)
            .parent()
            .unwrap_or(std::path::Path::new("")),
    );
    let site_folder = std::fs::canonicalize(&site_folder).unwrap_or(site_folder);
    let used = std::sync::Mutex::new(Vec::new());
    let relative = |url: &str| -> Option<String> {
        let route_of = folder?;
        let path = url.split(['#', '?']).next().unwrap_or("");
        let decoded = crate::percent::decode_lossy(path);
        if decoded.is_empty()
            || decoded.contains(':')
            || decoded.starts_with(['/', '\\'])
            || decoded.split(['/', '\\']).any(|part| part == "..")
        {
            return None;
        }
        let real = std::fs::canonicalize(site_folder.join(&decoded)).ok()?;
        if !real.starts_with(&site_folder) || !real.is_file() {
            return None;
        }
        let file = OutputFile {
            route: route_of(&decoded),
            content: Content::CopyOf(real),
            origin: Origin::Site(source.file.to_string()),
        };
        used.lock().unpoisoned().push(file);
        Some(format!("{}{url}", links.urls.href(&route_of(""))))
    };
    let story = markdown::StoryText {
        embeds: Some(embeds),
        relative: &relative,
    };
    let rendered = markdown::render_story(text, &source, links, &story);
    for problem in &rendered.problems {
        diagnostics.push(problem.clone());
    }
    let files = used.into_inner().unpoisoned();
    (rendered, files)
}

/// Markdown of a site file, rendered with its id links checked.
pub fn markdown_html(
    text: &str,
    file: &str,
    first_line: usize,
    links: &IdLinks,
    diagnostics: &Diagnostics,
) -> markdown::Rendered {
    let rendered = markdown::render(text, &MarkdownSource { file, first_line }, links);
    for problem in &rendered.problems {
        diagnostics.push(problem.clone());
    }
    rendered
}

/// Text for HTML and SVG: markup characters escaped.
pub(crate) fn escape(text: &str) -> String {
    escape_markup(text, "&#39;", |_| true)
}

/// Markup characters of `text` escaped (`'` as `apostrophe`), and the
/// characters `keep` refuses dropped: one escape for HTML and for XML.
pub(crate) fn escape_markup(text: &str, apostrophe: &str, keep: fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apostrophe),
            c if keep(c) => out.push(c),
            _ => {}
        }
    }
    out
}
