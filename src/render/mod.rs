//! Render: turns a loaded, analysed site into the files of the portal: pages
//! from the theme's templates, downloads, theme assets, static files and the
//! machine-readable catalogs.

mod cache;
pub mod catalogs;
mod data_view;
pub mod embeds;
mod facets;
mod i18n;
mod map_svg;
pub mod markdown;
mod pages;
mod sanitize;
pub mod search;
mod theme;
mod views;

pub use i18n::Translation;

use crate::analyse::Analysis;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{ResourceLocation, Site};
use crate::output::urls::{Route, Urls};
use crate::output::writer::{Content, OutputFile};
use cache::{Bundle, Fingerprint, PageContext};
use markdown::{LinkResolver, MarkdownSource};
use std::collections::HashMap;
use std::sync::Arc;

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
    /// What the page shows, for messages.
    pub origin: String,
}

/// A page as rendered, or as found unchanged in the cache.
struct RenderedPage {
    route: Route,
    origin: String,
    fingerprint: Option<Fingerprint>,
    html: Arc<Vec<u8>>,
    /// Rendered by this run (not reused).
    fresh: bool,
}

/// Renders every file of the portal. Problems (template errors, broken id
/// links) go to `diagnostics`.
pub fn render_site(
    site: &Site,
    analysis: &Analysis,
    options: &RenderOptions,
    diagnostics: &Diagnostics,
) -> Vec<OutputFile> {
    render_site_cached(
        site,
        analysis,
        options,
        diagnostics,
        &mut RenderCache::default(),
    )
}

/// Pages rendered in earlier runs: a page whose template and data are the
/// same as last time is not rendered again. What a page shows is all in its
/// context, so comparing context fingerprints finds exactly the pages a change
/// touches, whatever the change was.
#[derive(Default)]
pub struct RenderCache {
    templates: Option<(Vec<(String, String)>, tera::Tera)>,
    /// The last run's pages, by address (`serve`): fingerprint and bytes.
    pages: HashMap<Route, (Fingerprint, Arc<Vec<u8>>)>,
    /// The last run's catalogs (`serve`), with the fingerprint of what they were made from.
    catalogs: Option<(Fingerprint, Vec<OutputFile>)>,
    /// Keep the pages in the bundle on disk for the next process (`build`)
    /// instead of in memory for the next run.
    pub persist: bool,
    /// Pages rendered by the last run, and pages in all.
    pub last_rendered: usize,
    pub last_pages: usize,
}

/// What every page's fingerprint also depends on: the templates, the
/// rendering settings and the program that renders.
fn render_salt(sources: &[(String, String)], options: &RenderOptions) -> Vec<u8> {
    let program = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{:?} {}", m.modified().ok(), m.len()))
        .unwrap_or_default();
    cache::fingerprint_of(&(env!("CARGO_PKG_VERSION"), program, options.minify, sources))
}

/// Like [`render_site`], rendering only the pages whose template or data
/// changed since the run that filled `cache`.
pub fn render_site_cached(
    site: &Site,
    analysis: &Analysis,
    options: &RenderOptions,
    diagnostics: &Diagnostics,
    cache: &mut RenderCache,
) -> Vec<OutputFile> {
    let sources = match theme::template_sources(site) {
        Ok(sources) => sources,
        Err(problems) => {
            problems.into_iter().for_each(|d| diagnostics.push(d));
            return Vec::new();
        }
    };
    if cache
        .templates
        .as_ref()
        .is_none_or(|(known, _)| *known != sources)
    {
        // Other templates: every page may change.
        cache.pages.clear();
        cache.templates = None;
        match theme::compile(sources.clone()) {
            Ok(tera) => cache.templates = Some((sources, tera)),
            Err(problems) => {
                problems.into_iter().for_each(|d| diagnostics.push(d));
                return Vec::new();
            }
        }
    }
    let urls = Urls::new(&site.portal.base_url);
    let t = Translation::for_language(site.portal.language);
    let assets = theme::assets();
    let common = pages::CommonContext::new(site, &urls, &t, &assets).values();
    let step = std::time::Instant::now();
    let views = views::Views::new(site, &urls, &t, options.include_drafts);
    let records = catalogs::Records::new(site, analysis, &urls);
    let facets = facets::Facets::new(&views, views.today);
    crate::timing::phase("views", step);
    let step = std::time::Instant::now();
    let documents = search::documents(&views, options.include_drafts);
    let index = search::index::build(&documents);
    crate::timing::phase("index", step);
    let step = std::time::Instant::now();
    let finder = pages::Finder {
        facets: &facets,
        shards: index.shard_list(),
        dataset_docs: site.datasets.len(),
    };
    let Some((templates, tera)) = &cache.templates else {
        return Vec::new();
    };
    let salt = render_salt(templates, options);
    // A first run looks in the bundle the last build left.
    let bundle_path = analysis.cache_dir().map(Bundle::path);
    let bundle = match &bundle_path {
        Some(path) if cache.pages.is_empty() => Bundle::open(path),
        _ => None,
    };
    let previous = &cache.pages;
    let render_page = |job: PageJob| {
        let PageJob {
            route,
            template,
            context,
            origin,
        } = job;
        let context = context();
        let fingerprint = context.fingerprint(&salt, template);
        let known = fingerprint.and_then(|fingerprint| {
            previous
                .get(&route)
                .filter(|(known, _)| *known == fingerprint)
                .map(|(_, html)| Arc::clone(html))
                .or_else(|| bundle.as_ref()?.get(&fingerprint).map(Arc::new))
        });
        let (html, fresh) = match known {
            Some(html) => (html, false),
            None => match tera.render(template, context.values()) {
                Ok(html) if options.minify => (Arc::new(minify(html.as_bytes())), true),
                Ok(html) => (Arc::new(html.into_bytes()), true),
                Err(error) => {
                    diagnostics.push(
                        Diagnostic::error(origin, format!("the template `{template}` failed: {error}"))
                            .help("if the site overrides this template in templates/, check the names it uses"),
                    );
                    return None;
                }
            },
        };
        Some(RenderedPage {
            route,
            origin,
            fingerprint,
            html,
            fresh,
        })
    };
    let sources = pages::Sources {
        views: &views,
        analysis,
        records: &records,
        common: &common,
        finder: &finder,
    };
    let (rendered, story_files) = pages::all(sources, options, diagnostics, render_page);

    crate::timing::phase("pages", step);
    let step = std::time::Instant::now();
    cache.last_pages = rendered.len();
    cache.last_rendered = rendered.iter().filter(|page| page.fresh).count();

    // The catalogs depend on datasets, participants, portal and data, not
    // on stories or pages: after a story edit they are the last run's.
    let catalogs_fingerprint = cache::catalogs_fingerprint(site, analysis, &salt);
    let known_catalogs = cache
        .catalogs
        .take()
        .filter(|(fingerprint, _)| *fingerprint == catalogs_fingerprint)
        .map(|(_, made)| made)
        .or_else(|| bundle.as_ref()?.files(&catalogs_fingerprint));
    let catalog_files = match known_catalogs {
        Some(made) => Some(made),
        None => {
            let (made, problems) = catalogs::files(&records, tera);
            // Catalogs made with a problem are made again next time, so it is reported again.
            let clean = problems.is_empty();
            problems.into_iter().for_each(|d| diagnostics.push(d));
            clean.then_some(made)
        }
    };

    if cache.persist {
        let listing = catalog_files.as_deref().map(cache::route_listing);
        let mut kept: Vec<(Fingerprint, &[u8])> = rendered
            .iter()
            .filter_map(|page| Some((page.fingerprint?, page.html.as_slice())))
            .collect();
        if let (Some(listing), Some(made)) = (&listing, &catalog_files) {
            kept.push((catalogs_fingerprint, listing));
            kept.extend(made.iter().filter_map(|file| match &file.content {
                Content::Bytes(bytes) => Some((
                    cache::file_key(&catalogs_fingerprint, &file.route),
                    bytes.as_slice(),
                )),
                Content::CopyOf(_) => None,
            }));
        }
        if let Some(path) = &bundle_path
            && !bundle.is_some_and(|b| b.holds_exactly(&kept))
        {
            // A bundle that cannot be written only costs the next build time.
            let _ = Bundle::write(path, &kept);
        }
    } else {
        cache.pages = rendered
            .iter()
            .filter_map(|page| {
                Some((
                    page.route.clone(),
                    (page.fingerprint?, Arc::clone(&page.html)),
                ))
            })
            .collect();
        cache.catalogs = catalog_files
            .clone()
            .map(|made| (catalogs_fingerprint, made));
    }
    let mut files: Vec<OutputFile> = rendered
        .into_iter()
        .map(|page| OutputFile {
            route: page.route,
            content: Content::Bytes(page.html),
            origin: page.origin,
        })
        .collect();
    crate::timing::phase("catalogs", step);
    let step = std::time::Instant::now();

    let pages: Vec<Route> = files.iter().map(|f| f.route.clone()).collect();
    files.extend(story_files);
    files.extend(catalogs::story_feed_and_sitemap(
        &records,
        &views,
        &pages,
        tera,
        diagnostics,
    ));
    files.extend(catalog_files.unwrap_or_default());
    for (_, asset) in &assets {
        files.push(OutputFile {
            route: Urls::asset(&asset.file_name),
            content: Content::Bytes(asset.content.as_bytes().to_vec().into()),
            origin: format!("theme asset {}", asset.file_name),
        });
    }
    for (shard, json) in index.shards {
        files.push(OutputFile {
            route: Urls::search_shard(&shard),
            content: Content::Bytes(json.into_bytes().into()),
            origin: "search index".into(),
        });
    }
    for (number, json) in index.docs.into_iter().enumerate() {
        files.push(OutputFile {
            route: Urls::search_docs_file(number),
            content: Content::Bytes(json.into_bytes().into()),
            origin: "search index".into(),
        });
    }
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
                    origin: source_file.clone(),
                });
                if let Some(facts) = analysis.facts(path) {
                    files.extend(made_files(
                        analysis,
                        facts,
                        &dataset.id,
                        file_name,
                        source_file,
                    ));
                }
            }
        }
    }
    for relative in &site.static_files {
        let name = crate::diagnostics::display_path(std::path::Path::new(""), relative);
        files.push(OutputFile {
            route: Urls::static_file(&name),
            content: Content::CopyOf(site.root.join(crate::load::STATIC_DIR).join(relative)),
            origin: format!("static/{name}"),
        });
    }
    crate::timing::phase("files", step);
    // GitHub Pages publishing from a branch must not run Jekyll on the portal.
    files.push(OutputFile {
        route: Urls::root_file(".nojekyll"),
        content: Content::Bytes(Vec::new().into()),
        origin: "abierto".into(),
    });
    files
}

/// The files made from a data file: its UTF-8 copy, its sheets as CSV, its GeoJSON conversion.
fn made_files(
    analysis: &Analysis,
    facts: &crate::analyse::FileFacts,
    dataset_id: &str,
    file_name: &str,
    source_file: &str,
) -> Vec<OutputFile> {
    use crate::analyse::Content as Data;
    let made = |route: Route, name: &str| OutputFile {
        route,
        content: Content::CopyOf(analysis.made_file(name)),
        origin: format!("{source_file} (converted)"),
    };
    match &facts.content {
        Data::Csv {
            utf8_copy: Some(name),
            ..
        } => vec![made(Urls::utf8_copy(dataset_id, file_name), name)],
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

/// Resolves `dataset:`, `participant:`, `story:` and `page:` links against the site.
pub struct IdLinks<'a> {
    pub site: &'a Site,
    pub urls: &'a Urls,
}

impl LinkResolver for IdLinks<'_> {
    fn resolve(&self, destination: &str) -> Option<Result<String, String>> {
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
            "page" => (
                Urls::page(id),
                site.pages.iter().any(|p| p.slug == id),
                Box::new(site.pages.iter().map(|p| p.slug.as_str())),
            ),
            _ => return None,
        };
        if exists {
            return Some(Ok(self.urls.href(&route)));
        }
        let nearest = known
            .map(|k| (strsim::jaro_winkler(id, k), k))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| format!("did you mean `{kind}:{k}`?"));
        Some(Err(
            nearest.unwrap_or_else(|| format!("no {kind} has the id `{id}`"))
        ))
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
            origin: source.file.to_string(),
        };
        used.lock().unwrap_or_else(|e| e.into_inner()).push(file);
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
    let files = used.into_inner().unwrap_or_else(|e| e.into_inner());
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
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
