//! The catalog's facets: for each (participant, kind, category, keyword, format,
//! licence, frequency, freshness, status) its values, how many datasets have
//! each, and the page that lists them for browsers without JavaScript.

use super::views::Views;
use crate::model::{Dataset, Date, Status};
use crate::output::urls::{Urls, keyword_slug};
use crate::slug::slugify;
use serde::Serialize;
use std::collections::BTreeMap;

/// A facet's values are compared by these keys; they are also the URL query's
/// parameter names (`/datos/?formato=csv&tipo=municipio`).
pub const FACETS: &[&str] = &[
    "participante",
    "tipo",
    "categoria",
    "etiqueta",
    "formato",
    "licencia",
    "frecuencia",
    "frescura",
    "estado",
];

/// A dataset is "recent" when updated (or published) within this many days of the build.
pub const RECENT_DAYS: i64 = 365;

#[derive(Debug, Clone, Serialize)]
pub struct Facet {
    pub key: &'static str,
    pub label: String,
    pub values: Vec<FacetValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FacetValue {
    pub value: String,
    pub text: String,
    pub count: usize,
    /// Its page without JavaScript.
    pub href: String,
}

/// One value of one facet of a dataset: (facet, value, text shown).
type Tag = (&'static str, String, String);

/// Facet values of each dataset, and the facets with their counts.
pub struct Facets {
    /// By dataset, in `site.datasets` order.
    pub of_dataset: Vec<Vec<Tag>>,
    pub facets: Vec<Facet>,
    /// The day freshness was computed for.
    pub today: Date,
}

impl Facets {
    pub fn new(views: &Views, today: Date) -> Facets {
        let of_dataset: Vec<Vec<Tag>> = views
            .site
            .datasets
            .iter()
            .map(|d| tags(views, d, today))
            .collect();
        let mut counts: BTreeMap<(&str, String), (String, usize)> = BTreeMap::new();
        for tags in &of_dataset {
            for (facet, value, text) in tags {
                counts
                    .entry((facet, value.clone()))
                    .or_insert_with(|| (text.clone(), 0))
                    .1 += 1;
            }
        }
        let facets = FACETS
            .iter()
            .map(|&key| {
                let mut values: Vec<FacetValue> = counts
                    .iter()
                    .filter(|((f, _), _)| *f == key)
                    .map(|((_, value), (text, count))| FacetValue {
                        value: value.clone(),
                        text: text.clone(),
                        count: *count,
                        href: views.urls.href(&facet_route(key, value)),
                    })
                    .collect();
                if !matches!(key, "frescura" | "estado") {
                    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
                }
                Facet {
                    key,
                    label: views.t.ui(&format!("facet_{key}")).to_string(),
                    values,
                }
            })
            .filter(|f| !f.values.is_empty())
            .collect();
        Facets {
            of_dataset,
            facets,
            today,
        }
    }

    /// The `data-facets` attribute of a dataset's card: `participante:xalapa tipo:municipio …`.
    pub fn attribute(&self, dataset_index: usize) -> String {
        self.of_dataset[dataset_index]
            .iter()
            .map(|(f, v, _)| format!("{f}:{v}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn has(&self, dataset_index: usize, facet: &str, value: &str) -> bool {
        self.of_dataset[dataset_index]
            .iter()
            .any(|(f, v, _)| *f == facet && v == value)
    }
}

/// Categories and keywords already have their pages; the other facets get `datos/f/…`.
pub fn facet_route(facet: &str, value: &str) -> crate::output::urls::Route {
    match facet {
        "categoria" => Urls::category(value),
        "etiqueta" => Urls::keyword(value),
        _ => Urls::facet(facet, value),
    }
}

fn tags(views: &Views, d: &Dataset, today: Date) -> Vec<Tag> {
    let t = views.t;
    let site = views.site;
    let mut tags: Vec<Tag> = Vec::new();
    if let Some(p) = site.participant(&d.participant) {
        tags.push(("participante", p.id.clone(), p.short_name.clone()));
        let kind = t.kinds.get(p.kind.key()).cloned().unwrap_or_default();
        tags.push(("tipo", p.kind.key().to_string(), kind));
    }
    for c in d.categories.iter().filter_map(|id| site.category(id)) {
        tags.push(("categoria", c.id.clone(), c.title.clone()));
    }
    for k in &d.keywords {
        tags.push(("etiqueta", keyword_slug(k), k.clone()));
    }
    for r in &d.resources {
        tags.push(("formato", slugify(&r.format), r.format.clone()));
    }
    tags.push(("licencia", slugify(&d.license.id), d.license.name.clone()));
    if let Some(f) = d.frequency {
        let text = t.frequencies.get(f.key()).cloned().unwrap_or_default();
        tags.push(("frecuencia", f.key().to_string(), text));
    }
    if let (Status::Published, Some(date)) = (d.status, d.modified.or(d.issued)) {
        let recent = today.days_since_epoch() - date.days_since_epoch() <= RECENT_DAYS;
        let value = if recent { "reciente" } else { "antigua" };
        tags.push((
            "frescura",
            value.into(),
            t.ui(&format!("freshness_{value}")).into(),
        ));
    }
    let (value, text) = match d.status {
        Status::Published => ("publicado", t.ui("status_published")),
        Status::Planned => ("planeado", t.ui("status_planned")),
    };
    tags.push(("estado", value.into(), text.into()));
    // One value once: two CSV files make one "CSV".
    let mut seen = std::collections::BTreeSet::new();
    tags.retain(|(f, v, _)| seen.insert((*f, v.clone())));
    tags
}
