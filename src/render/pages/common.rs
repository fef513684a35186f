//! What every page shows: the portal's name, menu, footer, assets and texts.

use super::super::Translation;
use super::super::cache::fingerprint_of;
use super::super::catalogs::{self, Alternate};
use super::super::theme::Asset;
use super::super::views::Link;
use crate::model::{Logo, Site};
use crate::output::urls::{Route, Urls};
use serde::Serialize;
use std::collections::BTreeMap;

/// What every page needs: the portal's name, menu, assets and texts.
#[derive(Serialize)]
pub struct CommonContext {
    title: String,
    lang: &'static str,
    home: String,
    css: String,
    js: String,
    /// Search and the catalog's filters (only the results page and the catalog load it).
    search_js: String,
    /// The table explorer (only explorer pages load it).
    explore_js: String,
    /// Interactive maps (only pages with a map load it), and the Leaflet it
    /// loads when a map comes into view.
    map_js: String,
    leaflet_js: String,
    leaflet_css: String,
    /// What `map.js` says, as JSON.
    map_texts: String,
    logo: Option<String>,
    accent_color: Option<String>,
    /// On a participant's own portal: the network's portal it is part of.
    #[serde(skip_serializing_if = "Option::is_none")]
    network: Option<Link>,
    nav: Vec<NavItem>,
    /// Addresses of the portal's index pages, by name.
    links: SectionLinks,
    footer_links: Vec<Link>,
    /// The network's catalogs and feed, for `<link rel="alternate">`.
    alternates: Vec<Alternate>,
    #[serde(skip)]
    ui: BTreeMap<String, String>,
}

/// The common context as template values, made once and shared by every
/// page (cheap to clone), with the fingerprints of what they were made from.
pub struct CommonValues {
    pub(super) site: (tera::Value, Vec<u8>),
    pub(super) t: (tera::Value, Vec<u8>),
}

impl CommonContext {
    pub fn values(&self) -> CommonValues {
        CommonValues {
            site: (tera::Value::from_serializable(self), fingerprint_of(self)),
            t: (
                tera::Value::from_serializable(&self.ui),
                fingerprint_of(&self.ui),
            ),
        }
    }

    pub fn new(
        scope: &super::super::Scope,
        t: &Translation,
        assets: &[(String, Asset)],
    ) -> CommonContext {
        let site = scope.here();
        let urls = &scope.urls;
        let asset_href = |name: &str| {
            assets
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, a)| urls.href(&Urls::asset(&a.file_name)))
                .unwrap_or_default()
        };
        CommonContext {
            title: site.portal.title.clone(),
            lang: site.portal.language.code(),
            home: urls.href(&Urls::home()),
            css: asset_href("style.css"),
            js: asset_href("abierto.js"),
            search_js: asset_href("search.js"),
            explore_js: asset_href("explore.js"),
            map_js: asset_href("map.js"),
            leaflet_js: asset_href("leaflet.js"),
            leaflet_css: asset_href("leaflet.css"),
            map_texts: super::super::map_figure::texts(t),
            logo: site.portal.logo.as_ref().map(|logo| match logo {
                Logo::Static(file) => urls.href(&Urls::static_file(file)),
                Logo::Participant { participant, file } => {
                    urls.href(&Urls::participant_logo(participant, &file.file_name))
                }
            }),
            accent_color: site.portal.accent_color.clone(),
            network: urls.network_portal().map(|network| Link {
                href: network.absolute(&Urls::home()),
                text: scope.whole().portal.title.clone(),
            }),
            nav: nav(site, urls, t),
            links: SectionLinks::new(urls),
            footer_links: footer_links(site, urls, t),
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

/// The main menu: the sections, then the first plain page by `order` (e.g. "Acerca").
fn nav(site: &Site, urls: &Urls, t: &Translation) -> Vec<NavItem> {
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
    nav.extend(
        site.pages
            .iter()
            .filter(|p| p.order > 0)
            .take(1)
            .map(|p| nav_item(&p.slug, Urls::page(&p.slug), &p.title)),
    );
    nav
}

/// The footer's links: every plain page, then the page for developers.
fn footer_links(site: &Site, urls: &Urls, t: &Translation) -> Vec<Link> {
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
    footer_links
}

#[derive(Serialize)]
struct SectionLinks {
    catalog: String,
    search: String,
    participants: String,
    stories: String,
    inventory: String,
    categories: String,
    keywords: String,
}

impl SectionLinks {
    fn new(urls: &Urls) -> SectionLinks {
        SectionLinks {
            catalog: urls.href(&Urls::catalog()),
            search: urls.href(&Urls::search()),
            participants: urls.href(&Urls::participants()),
            stories: urls.href(&Urls::stories()),
            inventory: urls.href(&Urls::inventory()),
            categories: urls.href(&Urls::categories()),
            keywords: urls.href(&Urls::keywords()),
        }
    }
}
