//! The list of the portal's pages: for each, its route, template and data.

use super::cache::PageContext;
use super::catalogs::{self, Alternate, Records};
use super::embeds::Embeds;
use super::facets::Facets;
use super::markdown::MarkdownSource;
use super::theme::Asset;
use super::views::{Link, Views};
use super::{IdLinks, PageJob, RenderOptions, Translation, markdown_html, story_markdown};
use crate::analyse::Analysis;
use crate::diagnostics::Diagnostics;
use crate::model::{Dataset, Site, Status};
use crate::output::urls::{Route, Urls};
use crate::output::writer::{Content, OutputFile};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// What every page needs: the portal's name, menu, assets and texts.
#[derive(Serialize)]
pub struct CommonContext {
    title: String,
    lang: &'static str,
    home: String,
    css: String,
    js: String,
    /// The catalog's search and filters (only the catalog loads it).
    search_js: String,
    logo: Option<String>,
    accent_color: Option<String>,
    nav: Vec<NavItem>,
    /// Addresses of the portal's index pages, by name.
    links: SectionLinks,
    footer_links: Vec<Link>,
    /// The network's catalogs and feed, for `<link rel="alternate">`.
    alternates: Vec<Alternate>,
    #[serde(skip)]
    ui: std::collections::BTreeMap<String, String>,
}

/// The common context as template values, made once and shared by every
/// page (cheap to clone), with the fingerprints of what they were made from.
pub struct CommonValues {
    site: (tera::Value, Vec<u8>),
    t: (tera::Value, Vec<u8>),
}

impl CommonContext {
    pub fn values(&self) -> CommonValues {
        CommonValues {
            site: (
                tera::Value::from_serializable(self),
                super::cache::fingerprint_of(self),
            ),
            t: (
                tera::Value::from_serializable(&self.ui),
                super::cache::fingerprint_of(&self.ui),
            ),
        }
    }

    pub fn new(
        site: &Site,
        urls: &Urls,
        t: &Translation,
        assets: &[(&str, Asset)],
    ) -> CommonContext {
        let asset_href = |name: &str| {
            assets
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, a)| urls.href(&Urls::asset(&a.file_name)))
                .unwrap_or_default()
        };
        let nav_item = |section: &str, route: Route, text: &str| NavItem {
            section: section.to_string(),
            href: urls.href(&route),
            text: text.to_string(),
        };
        let mut nav = vec![
            nav_item("datos", Urls::catalog(), t.ui("datasets")),
            nav_item("participantes", Urls::participants(), t.ui("participants")),
            nav_item("historias", Urls::stories(), t.ui("stories")),
            nav_item("inventario", Urls::inventory(), t.ui("inventory")),
        ];
        // The first plain pages by `order` (e.g. "Acerca") join the menu; all are in the footer.
        nav.extend(
            site.pages
                .iter()
                .filter(|p| p.order > 0)
                .take(1)
                .map(|p| nav_item(&p.slug, Urls::page(&p.slug), &p.title)),
        );
        let mut footer_links: Vec<Link> = site
            .pages
            .iter()
            .map(|p| Link {
                href: urls.href(&Urls::page(&p.slug)),
                text: p.title.clone(),
            })
            .collect();
        footer_links.push(Link {
            href: urls.href(&Urls::developers()),
            text: t.ui("developers_title").to_string(),
        });
        let links = SectionLinks {
            catalog: urls.href(&Urls::catalog()),
            participants: urls.href(&Urls::participants()),
            stories: urls.href(&Urls::stories()),
            inventory: urls.href(&Urls::inventory()),
            categories: urls.href(&Urls::categories()),
            keywords: urls.href(&Urls::keywords()),
        };
        CommonContext {
            title: site.portal.title.clone(),
            lang: site.portal.language.code(),
            home: urls.href(&Urls::home()),
            css: asset_href("style"),
            js: asset_href("abierto"),
            search_js: asset_href("search"),
            logo: site
                .portal
                .logo
                .as_deref()
                .map(|l| urls.href(&Urls::static_file(l))),
            accent_color: site.portal.accent_color.clone(),
            nav,
            links,
            footer_links,
            alternates: catalogs::site_alternates(urls, t, &site.portal.title),
            ui: t.ui.clone(),
        }
    }
}

/// An entry of the main menu.
#[derive(Serialize)]
struct NavItem {
    /// The section it leads to, to mark it as current.
    section: String,
    href: String,
    text: String,
}

#[derive(Serialize)]
struct SectionLinks {
    catalog: String,
    participants: String,
    stories: String,
    inventory: String,
    categories: String,
    keywords: String,
}

/// A link with a count beside it (a category and its datasets).
#[derive(Serialize)]
struct CountedLink {
    href: String,
    text: String,
    count: usize,
}

/// The title, description and address of one page, for `<head>`.
#[derive(Serialize)]
struct PageMeta {
    title: String,
    description: String,
    canonical: String,
    /// The menu section the page belongs to, to mark it as current.
    section: String,
}

struct Builder<'a> {
    views: &'a Views<'a>,
    common: &'a CommonValues,
}

impl<'a> Builder<'a> {
    /// A page whose data `make` fills in when the page is rendered (so that
    /// a national portal never holds every page's data at once).
    fn job<'j>(
        &self,
        route: Route,
        template: &'static str,
        make: impl FnOnce(&Route) -> PageContext + Send + 'j,
    ) -> PageJob<'j> {
        PageJob {
            origin: format!("page {}", route.output_file()),
            context: Box::new({
                let route = route.clone();
                move || make(&route)
            }),
            route,
            template,
        }
    }

    /// What every page's data starts with: the common values and the page's
    /// title, description and menu section.
    fn context(&self, route: &Route, title: &str, description: &str, section: &str) -> PageContext {
        let mut context = PageContext::new();
        let (site, site_fingerprint) = &self.common.site;
        context.insert_shared("site", site.clone(), site_fingerprint);
        let (t, t_fingerprint) = &self.common.t;
        context.insert_shared("t", t.clone(), t_fingerprint);
        context.insert(
            "page",
            &PageMeta {
                title: title.to_string(),
                description: description.to_string(),
                canonical: self.views.urls.absolute(route),
                section: section.to_string(),
            },
        );
        context
    }
}

/// What the catalog's search and filters need: the facets and where the index is.
pub struct Finder<'a> {
    pub facets: &'a Facets,
    /// Names of the index's term shards, space separated.
    pub shards: String,
    /// How many of the search documents are datasets (the rest are stories).
    pub dataset_docs: usize,
}

/// A dataset card of the catalog, with what filtering needs.
#[derive(Serialize)]
struct CatalogEntry<'a> {
    dataset: &'a super::views::DatasetSummary,
    /// Its number in the search index.
    doc: usize,
    /// `participante:xalapa tipo:municipio …`
    facets: String,
}

/// What the pages are made from.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub views: &'a Views<'a>,
    pub analysis: &'a Analysis,
    pub records: &'a Records<'a>,
    pub common: &'a CommonValues,
    pub finder: &'a Finder<'a>,
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
    let Sources {
        views,
        analysis,
        records,
        common,
        finder,
    } = sources;
    let site = views.site;
    let t = views.t;
    let links = &IdLinks {
        site,
        urls: views.urls,
    };
    let builder = &Builder { views, common };

    let participants: Vec<_> = site
        .participants
        .iter()
        .map(|p| views.participant_summary(p))
        .collect();
    // Closures below borrow these; each page's closure moves the references in.
    let participants = &participants;
    // Category pages list published and planned datasets, as keyword pages do.
    let categories: Vec<_> = site
        .portal
        .categories
        .iter()
        .map(|c| CountedLink {
            href: views.urls.href(&Urls::category(&c.id)),
            text: c.title.clone(),
            count: site
                .datasets
                .iter()
                .filter(|d| d.categories.contains(&c.id))
                .count(),
        })
        .collect();
    let categories = &categories;
    let keywords = views.keywords();
    let keywords = &keywords;
    let embeds = &Embeds {
        site,
        analysis,
        urls: views.urls,
        t,
    };
    // Files beside the stories (covers, images they show), by address.
    let story_files: Mutex<BTreeMap<Route, OutputFile>> = Mutex::default();
    let story_files = &story_files;
    // Declared after what its pages borrow.
    let mut jobs = Vec::new();

    // Home: the network at a glance.
    jobs.push(builder.job(Urls::home(), "index.html", move |route| {
        let mut context = builder.context(
            route,
            &site.portal.title,
            &crate::render::markdown::summary(&site.portal.description, 200),
            "inicio",
        );
        let published: Vec<&Dataset> = site
            .datasets
            .iter()
            .filter(|d| d.status == Status::Published)
            .collect();
        let mut latest: Vec<&Dataset> = published.clone();
        latest.sort_by(|a, b| {
            b.modified
                .or(b.issued)
                .cmp(&a.modified.or(a.issued))
                .then_with(|| a.id.cmp(&b.id))
        });
        let description = markdown_html(
            &site.portal.description,
            crate::load::PORTAL_FILE,
            1,
            links,
            diagnostics,
        );
        context.insert("description_html", &description.html);
        context.insert(
            "counts",
            &serde_json::json!({
                "participants": site.participants.len(),
                "datasets": published.len(),
                "resources": published.iter().map(|d| d.resources.len()).sum::<usize>(),
                "stories": views.stories.len(),
                "planned": site.datasets.len() - published.len(),
            }),
        );
        context.insert("participants", participants);
        let latest: Vec<_> = latest
            .iter()
            .take(6)
            .filter_map(|d| views.dataset_summary_of(&d.id))
            .collect();
        context.insert("latest_datasets", &latest);
        context.insert(
            "latest_stories",
            &views.stories.iter().take(3).collect::<Vec<_>>(),
        );
        context
    }));

    // Catalog.
    jobs.push(builder.job(Urls::catalog(), "catalog.html", move |route| {
        let mut context =
            builder.context(route, t.ui("catalog_title"), t.ui("catalog_intro"), "datos");
        let entries: Vec<CatalogEntry> = views
            .all_where(|_| true)
            .into_iter()
            .filter_map(|summary| {
                let doc = site
                    .datasets
                    .binary_search_by(|d| d.id.cmp(&summary.id))
                    .ok()?;
                Some(CatalogEntry {
                    dataset: summary,
                    doc,
                    facets: finder.facets.attribute(doc),
                })
            })
            .collect();
        context.insert("entries", &entries);
        context.insert("facets", &finder.facets.facets);
        context.insert(
            "finder",
            &serde_json::json!({
                "shards": finder.shards,
                "shards_href": views.urls.href(&Urls::search_shards()),
                "docs_href": views.urls.href(&Urls::search_docs()),
                "docs_per_file": crate::render::search::index::DOCS_PER_FILE,
                "dataset_docs": finder.dataset_docs,
                "today": finder.facets.today.to_string(),
                "recent_days": super::facets::RECENT_DAYS,
            }),
        );
        context.insert("categories", categories);
        context
    }));

    // One page per facet value, for browsers without JavaScript (categories
    // and keywords have theirs below).
    for facet in &finder.facets.facets {
        if matches!(facet.key, "categoria" | "etiqueta") {
            continue;
        }
        for value in &facet.values {
            let route = Urls::facet(facet.key, &value.value);
            jobs.push(builder.job(route, "catalog.html", move |route| {
                let title = format!("{}: {}", facet.label, value.text);
                let mut context = builder.context(route, &title, &title, "datos");
                context.insert("heading", &title);
                if facet.key == "frescura" {
                    context.insert(
                        "intro",
                        &format!(
                            "{} {}.",
                            t.ui("facet_freshness_as_of"),
                            t.date(finder.facets.today)
                        ),
                    );
                }
                context.insert("back", &views.urls.href(&Urls::catalog()));
                context.insert(
                    "datasets",
                    &views.all_at(|i| finder.facets.has(i, facet.key, &value.value)),
                );
                context
            }));
        }
    }

    // Dataset pages.
    for dataset in &site.datasets {
        jobs.push(
            builder.job(Urls::dataset(&dataset.id), "dataset.html", move |route| {
                dataset_page(
                    builder,
                    route,
                    dataset,
                    analysis,
                    records,
                    links,
                    diagnostics,
                )
            }),
        );
    }

    // Participants.
    jobs.push(
        builder.job(Urls::participants(), "participants.html", move |route| {
            let mut context = builder.context(
                route,
                t.ui("participants"),
                t.ui("participants_intro"),
                "participantes",
            );
            context.insert("participants", participants);
            context
        }),
    );
    for participant in &site.participants {
        jobs.push(builder.job(
            Urls::participant(&participant.id),
            "participant.html",
            move |route| {
                let mut context = builder.context(
                    route,
                    &participant.name,
                    &crate::render::markdown::summary(&participant.description, 200),
                    "participantes",
                );
                let description = markdown_html(
                    &participant.description,
                    &participant.source_file,
                    participant.description_line,
                    links,
                    diagnostics,
                );
                context.insert("participant", &views.participant_summary(participant));
                context.insert("participant_id", &participant.id);
                context.insert(
                    "alternates",
                    &catalogs::participant_alternates(
                        views.urls,
                        t,
                        &participant.id,
                        &participant.name,
                    ),
                );
                context.insert("description_html", &description.html);
                context.insert("website", &participant.website);
                context.insert("email", &participant.email);
                context.insert("joined", &participant.joined.map(|d| views.date(d)));
                context.insert(
                    "datasets",
                    &views.published_where(|d| d.participant == participant.id),
                );
                context.insert(
                    "planned",
                    &views.planned_where(|d| d.participant == participant.id),
                );
                let stories: Vec<_> = views
                    .built_stories(options.include_drafts)
                    .zip(&views.stories)
                    .filter(|(s, _)| s.participant.as_deref() == Some(participant.id.as_str()))
                    .map(|(_, summary)| summary)
                    .collect();
                context.insert("stories", &stories);
                context
            },
        ));

        // Freshness: each dataset against its promised rhythm.
        jobs.push(builder.job(
            Urls::participant_freshness(&participant.id),
            "freshness.html",
            move |route| {
                let mut context = builder.context(
                    route,
                    &format!("{}: {}", t.ui("freshness_title"), participant.short_name),
                    t.ui("freshness_intro"),
                    "participantes",
                );
                context.insert("participant", &views.participant_summary(participant));
                context.insert(
                    "datasets",
                    &views.all_where(|d| d.participant == participant.id),
                );
                context.insert("today", &views.date(views.today));
                context
            },
        ));
    }

    // Inventory of planned datasets, by participant.
    jobs.push(
        builder.job(Urls::inventory(), "inventory.html", move |route| {
            let mut context = builder.context(
                route,
                t.ui("planned_datasets"),
                t.ui("planned_intro"),
                "inventario",
            );
            let groups: Vec<_> = site
                .participants
                .iter()
                .map(|p| {
                    (
                        views.participant_summary(p),
                        views.planned_where(|d| d.participant == p.id),
                    )
                })
                .filter(|(_, planned)| !planned.is_empty())
                .collect();
            context.insert("groups", &groups);
            context
        }),
    );

    // Stories.
    jobs.push(builder.job(Urls::stories(), "stories.html", move |route| {
        let mut context =
            builder.context(route, t.ui("stories"), t.ui("stories_intro"), "historias");
        context.insert("stories", &views.stories);
        context.insert("feed", &stories_feed_link(views));
        context
    }));
    for (story, summary) in views
        .built_stories(options.include_drafts)
        .zip(&views.stories)
    {
        jobs.push(
            builder.job(Urls::story(&story.id), "story.html", move |route| {
                let folder = |relative: &str| Urls::story_file(&story.id, relative);
                let (body, mut files) = story_markdown(
                    &story.body,
                    MarkdownSource {
                        file: &story.source_file,
                        first_line: story.body_first_line,
                    },
                    links,
                    embeds,
                    Some(&folder),
                    diagnostics,
                );
                if let Some(cover) = &story.cover {
                    files.push(OutputFile {
                        route: Urls::story_file(&story.id, &cover.relative),
                        content: Content::CopyOf(cover.path.clone()),
                        origin: story.source_file.clone(),
                    });
                }
                // The files a story shows are found while its text is rendered,
                // so every run makes each story's data, even when the page is unchanged.
                story_files
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend(files.into_iter().map(|file| (file.route.clone(), file)));
                let words = story.body.split_whitespace().count();
                let mut context =
                    builder.context(route, &story.title, &summary.summary, "historias");
                context.insert("story", summary);
                context.insert("feed", &stories_feed_link(views));
                context.insert("body_html", &body.html);
                context.insert("reading_minutes", &words.div_ceil(200).max(1));
                context.insert(
                    "headings",
                    &body
                        .headings
                        .iter()
                        .filter(|h| h.level == 2)
                        .collect::<Vec<_>>(),
                );
                let datasets: Vec<_> = story
                    .datasets
                    .iter()
                    .filter_map(|id| views.dataset_summary_of(id))
                    .collect();
                context.insert("datasets", &datasets);
                context
            }),
        );
    }

    // Categories and keywords.
    jobs.push(
        builder.job(Urls::categories(), "categories.html", move |route| {
            let mut context =
                builder.context(route, t.ui("categories"), t.ui("categories_intro"), "datos");
            context.insert("categories", categories);
            context
        }),
    );
    for category in &site.portal.categories {
        jobs.push(
            builder.job(Urls::category(&category.id), "catalog.html", move |route| {
                let mut context = builder.context(
                    route,
                    &format!("{}: {}", t.ui("category"), category.title),
                    &category.description,
                    "datos",
                );
                context.insert("heading", &category.title);
                context.insert("intro", &category.description);
                context.insert(
                    "datasets",
                    &views.all_where(|d| d.categories.contains(&category.id)),
                );
                context
            }),
        );
    }
    jobs.push(
        builder.job(Urls::keywords(), "keywords.html", move |route| {
            let mut context =
                builder.context(route, t.ui("keywords"), t.ui("keywords_intro"), "datos");
            let keyword_links: Vec<_> = keywords
                .iter()
                .map(|(slug, text, count)| CountedLink {
                    href: views.urls.href(&Urls::keyword(slug)),
                    text: text.clone(),
                    count: *count,
                })
                .collect();
            context.insert("keywords", &keyword_links);
            context
        }),
    );
    for (slug, text, _) in keywords {
        jobs.push(
            builder.job(Urls::keyword(slug), "catalog.html", move |route| {
                let title = format!("{} {text}", t.ui("datasets_with_keyword"));
                let mut context = builder.context(route, &title, &title, "datos");
                context.insert("heading", &title);
                context.insert("datasets", &views.with_keyword(slug));
                context
            }),
        );
    }

    // What the portal publishes for machines, told to developers.
    jobs.push(builder.job(Urls::developers(), "api.html", move |route| {
        let mut context = builder.context(
            route,
            t.ui("developers_title"),
            t.ui("developers_intro"),
            "api",
        );
        context.insert("files", &catalogs::developer_page(records));
        context
    }));

    // Plain pages and 404.
    for page in &site.pages {
        jobs.push(
            builder.job(Urls::page(&page.slug), "page.html", move |route| {
                let (body, _) = story_markdown(
                    &page.body,
                    MarkdownSource {
                        file: &page.source_file,
                        first_line: page.body_first_line,
                    },
                    links,
                    embeds,
                    None,
                    diagnostics,
                );
                let mut context = builder.context(
                    route,
                    &page.title,
                    &crate::render::markdown::summary(&page.body, 200),
                    &page.slug,
                );
                context.insert("body_html", &body.html);
                context
            }),
        );
    }
    redirect_pages(builder, site, &mut jobs);
    jobs.push(builder.job(Urls::not_found(), "404.html", move |route| {
        builder.context(
            route,
            t.ui("not_found_title"),
            t.ui("not_found_text"),
            "404",
        )
    }));

    let rendered = jobs.into_par_iter().filter_map(&render).collect();
    let story_files = std::mem::take(&mut *story_files.lock().unwrap_or_else(|e| e.into_inner()));
    (rendered, story_files.into_values().collect())
}

/// The stories' Atom feed, for `<link rel="alternate">`.
fn stories_feed_link(views: &Views) -> catalogs::Alternate {
    catalogs::Alternate {
        href: views.urls.href(&Urls::stories_feed()),
        media_type: "application/atom+xml",
        title: format!(
            "{}: {}",
            views.site.portal.title,
            views.t.ui("stories_feed")
        ),
    }
}

fn dataset_page(
    builder: &Builder,
    route: &Route,
    dataset: &Dataset,
    analysis: &Analysis,
    records: &Records,
    links: &IdLinks,
    diagnostics: &Diagnostics,
) -> PageContext {
    let views = builder.views;
    let t = views.t;
    let summary = views
        .dataset_summary_of(&dataset.id)
        .expect("every dataset has a summary");
    let mut context = builder.context(route, &dataset.title, &summary.summary, "datos");
    let description = markdown_html(
        &dataset.description,
        &dataset.source_file,
        dataset.description_line,
        links,
        diagnostics,
    );
    let describe = |text: &str, line: usize| {
        markdown_html(text, &dataset.source_file, line, links, diagnostics).html
    };
    let participant = views.site.participant(&dataset.participant);
    let missing: Vec<&str> = crate::check::metadata::completeness(dataset, views.site)
        .map(|c| c.missing().map(|f| f.field).collect())
        .unwrap_or_default();
    context.insert("completeness_missing", &missing);
    context.insert(
        "participant_freshness_href",
        &views
            .urls
            .href(&Urls::participant_freshness(&dataset.participant)),
    );
    let absolute = views.urls.absolute(&Urls::dataset(&dataset.id));
    let citation = dataset.license.requires_citation().then(|| {
        let publisher = participant.map_or(dataset.participant.clone(), |p| {
            format!("{} ({})", p.name, p.short_name)
        });
        format!(
            "{}. {publisher}. {absolute}. {}: {}.",
            dataset.title,
            t.ui("consulted_on"),
            t.ui("date_placeholder")
        )
    });
    let temporal = dataset
        .temporal
        .as_ref()
        .and_then(|range| match (range.start, range.end) {
            (Some(start), Some(end)) => Some(format!("{} – {}", t.date(start), t.date(end))),
            (Some(start), None) => Some(format!("{} –", t.date(start))),
            (None, Some(end)) => Some(format!("– {}", t.date(end))),
            (None, None) => None,
        });
    let stories = views.stories_about(&dataset.id);
    context.insert("dataset", summary);
    context.insert("description_html", &description.html);
    context.insert("keywords", &views.keyword_links(&dataset.keywords));
    context.insert("categories", &views.category_links(&dataset.categories));
    context.insert("license", &dataset.license);
    context.insert("citation", &citation);
    context.insert("issued", &dataset.issued.map(|d| views.date(d)));
    context.insert("modified_date", &dataset.modified.map(|d| views.date(d)));
    context.insert(
        "frequency",
        &dataset.frequency.and_then(|f| t.frequencies.get(f.key())),
    );
    context.insert("temporal", &temporal);
    context.insert("spatial", &dataset.spatial);
    context.insert(
        "contact_name",
        &dataset.contact.as_ref().and_then(|c| c.name.clone()),
    );
    context.insert(
        "contact_email",
        &dataset.contact.as_ref().and_then(|c| c.email.clone()),
    );
    context.insert("resources", &views.resources(dataset, analysis, describe));
    context.insert("stories", &stories);
    context.insert("status_published", &(dataset.status == Status::Published));
    context.insert("json_ld", &catalogs::dataset_json_ld(records, &dataset.id));
    context.insert(
        "alternates",
        &records
            .get(&dataset.id)
            .map(|record| catalogs::dataset_alternates(views.urls, t, record))
            .unwrap_or_default(),
    );
    context
}

/// For each former id of a renamed dataset, a page at the old address that
/// sends the reader (and search engines, through the canonical link) to the new one.
fn redirect_pages<'j>(builder: &'j Builder, site: &'j Site, jobs: &mut Vec<PageJob<'j>>) {
    let urls = builder.views.urls;
    let t = builder.views.t;
    for dataset in &site.datasets {
        for former in &dataset.former_ids {
            jobs.push(builder.job(
                Urls::former_dataset(former),
                "redirect.html",
                move |route| {
                    let target = Urls::dataset(&dataset.id);
                    let mut context =
                        builder.context(route, &dataset.title, t.ui("moved_text"), "datos");
                    context.insert(
                        "page",
                        &PageMeta {
                            title: dataset.title.clone(),
                            description: t.ui("moved_text").to_string(),
                            canonical: urls.absolute(&target),
                            section: "datos".to_string(),
                        },
                    );
                    context.insert("target", &urls.href(&target));
                    context.insert("former_id", former);
                    context
                },
            ));
        }
    }
}
