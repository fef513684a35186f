//! The datasets by theme: the page of each facet value (for browsers without
//! JavaScript), the categories and keywords with a page for each.

use super::Builder;
use crate::model::Site;
use crate::output::urls::{Route, Urls};
use crate::render::PageJob;
use crate::render::facets::{Facet, FacetValue};
use crate::render::views::{DatasetSummary, Views};
use serde::Serialize;

/// A link with a count beside it (a category and its datasets).
#[derive(Serialize)]
pub(super) struct CountedLink {
    href: String,
    text: String,
    count: usize,
}

/// `dataset_list.html`'s data (`catalog.html` made these pages once): the
/// datasets of one facet value, category or keyword.
#[derive(Serialize)]
struct DatasetList<'a> {
    heading: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    intro: Option<String>,
    /// The catalog's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    back: Option<String>,
    datasets: Vec<&'a DatasetSummary>,
}

/// `categories.html`'s data.
#[derive(Serialize)]
struct Categories<'a> {
    categories: &'a [CountedLink],
}

/// `keywords.html`'s data.
#[derive(Serialize)]
struct Keywords {
    keywords: Vec<CountedLink>,
}

/// Each category, with how many datasets (published and planned, as keyword pages count) it has.
pub(super) fn category_links(views: &Views) -> Vec<CountedLink> {
    let site = views.site;
    site.portal
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
        .collect()
}

/// The template of the lists of datasets: `catalog.html` for a site that
/// overrides it and not `dataset_list.html`, as its override made them before.
fn list_template(site: &Site) -> &'static str {
    let overrides = |name: &str| site.template_overrides.iter().any(|(n, _)| n == name);
    if overrides("catalog.html") && !overrides("dataset_list.html") {
        "catalog.html"
    } else {
        "dataset_list.html"
    }
}

/// One page per facet value (categories and keywords have theirs).
pub(super) fn facet_value_jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let template = list_template(b.views.site);
    b.finder
        .facets
        .facets
        .iter()
        .filter(|facet| !matches!(facet.key, "categoria" | "etiqueta"))
        .flat_map(|facet| facet.values.iter().map(move |value| (facet, value)))
        .map(|(facet, value)| {
            let route = Urls::facet(facet.key, &value.value);
            b.job(route, template, move |route| {
                facet_value_page(b, route, facet, value)
            })
        })
        .collect()
}

fn facet_value_page(
    b: &Builder,
    route: &Route,
    facet: &Facet,
    value: &FacetValue,
) -> crate::render::cache::PageContext {
    let t = b.views.t;
    let facets = b.finder.facets;
    let title = format!("{}: {}", facet.label, value.text);
    let intro = (facet.key == "frescura").then(|| {
        format!(
            "{} {}.",
            t.ui("facet_freshness_as_of"),
            t.date(facets.today)
        )
    });
    let list = DatasetList {
        heading: &title,
        intro,
        back: Some(b.views.urls.href(&Urls::catalog())),
        datasets: b.views.all_at(|i| facets.has(i, facet.key, &value.value)),
    };
    b.context(b.meta(route, &title, &title, "datos"), &list)
}

/// The categories' page, then one page per category.
pub(super) fn category_jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let t = b.views.t;
    let texts = ["categories", "categories_intro", "datos"];
    let index = b.titled_job((Urls::categories(), "categories.html"), texts, || {
        Categories {
            categories: &b.categories,
        }
    });
    let template = list_template(b.views.site);
    let pages = b.views.site.portal.categories.iter().map(|category| {
        b.job(Urls::category(&category.id), template, move |route| {
            let title = format!("{}: {}", t.ui("category"), category.title);
            let meta = b.meta(route, &title, &category.description, "datos");
            let list = DatasetList {
                heading: &category.title,
                intro: Some(category.description.clone()),
                back: None,
                datasets: b.views.all_where(|d| d.categories.contains(&category.id)),
            };
            b.context(meta, &list)
        })
    });
    std::iter::once(index).chain(pages).collect()
}

/// The keywords' page, then one page per keyword.
pub(super) fn keyword_jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let t = b.views.t;
    let texts = ["keywords", "keywords_intro", "datos"];
    let index = b.titled_job((Urls::keywords(), "keywords.html"), texts, || {
        let keywords = b
            .keywords
            .iter()
            .map(|(slug, text, count)| CountedLink {
                href: b.views.urls.href(&Urls::keyword(slug)),
                text: text.clone(),
                count: *count,
            })
            .collect();
        Keywords { keywords }
    });
    let template = list_template(b.views.site);
    let pages = b.keywords.iter().map(|(slug, text, _)| {
        b.job(Urls::keyword(slug), template, move |route| {
            let title = format!("{} {text}", t.ui("datasets_with_keyword"));
            let list = DatasetList {
                heading: &title,
                intro: None,
                back: None,
                datasets: b.views.with_keyword(slug),
            };
            b.context(b.meta(route, &title, &title, "datos"), &list)
        })
    });
    std::iter::once(index).chain(pages).collect()
}
