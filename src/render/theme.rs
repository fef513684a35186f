//! The theme: templates (the default theme's, overridden by name by the site's
//! own `templates/`) and its assets, published under fingerprinted names so a
//! new deploy is seen at once despite caches.

use crate::diagnostics::{Diagnostic, display_path};
use crate::messages::Message;
use crate::model::Site;
use crate::msg;
use sha2::{Digest, Sha256};

/// Templates of the default theme, by name.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "catalog.html",
        include_str!("../../themes/default/templates/catalog.html"),
    ),
    (
        "dataset_list.html",
        include_str!("../../themes/default/templates/dataset_list.html"),
    ),
    (
        "dataset.html",
        include_str!("../../themes/default/templates/dataset.html"),
    ),
    (
        "participants.html",
        include_str!("../../themes/default/templates/participants.html"),
    ),
    (
        "freshness.html",
        include_str!("../../themes/default/templates/freshness.html"),
    ),
    (
        "participant.html",
        include_str!("../../themes/default/templates/participant.html"),
    ),
    (
        "inventory.html",
        include_str!("../../themes/default/templates/inventory.html"),
    ),
    (
        "stories.html",
        include_str!("../../themes/default/templates/stories.html"),
    ),
    (
        "story.html",
        include_str!("../../themes/default/templates/story.html"),
    ),
    (
        "categories.html",
        include_str!("../../themes/default/templates/categories.html"),
    ),
    (
        "keywords.html",
        include_str!("../../themes/default/templates/keywords.html"),
    ),
    (
        "explore.html",
        include_str!("../../themes/default/templates/explore.html"),
    ),
    (
        "history.html",
        include_str!("../../themes/default/templates/history.html"),
    ),
    (
        "change.html",
        include_str!("../../themes/default/templates/change.html"),
    ),
    (
        "page.html",
        include_str!("../../themes/default/templates/page.html"),
    ),
    (
        "api.html",
        include_str!("../../themes/default/templates/api.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "embed.html",
        include_str!("../../themes/default/templates/embed.html"),
    ),
    (
        "redirect.html",
        include_str!("../../themes/default/templates/redirect.html"),
    ),
    (
        "atom.xml",
        include_str!("../../themes/default/templates/atom.xml"),
    ),
    (
        "sitemap.xml",
        include_str!("../../themes/default/templates/sitemap.xml"),
    ),
    (
        "robots.txt",
        include_str!("../../themes/default/templates/robots.txt"),
    ),
    (
        "_headers",
        include_str!("../../themes/default/templates/_headers"),
    ),
    (
        "partials/dataset_item.html",
        include_str!("../../themes/default/templates/partials/dataset_item.html"),
    ),
    (
        "partials/story_item.html",
        include_str!("../../themes/default/templates/partials/story_item.html"),
    ),
    (
        "partials/map.html",
        include_str!("../../themes/default/templates/partials/map.html"),
    ),
    (
        "partials/preview_table.html",
        include_str!("../../themes/default/templates/partials/preview_table.html"),
    ),
    (
        "partials/dataset_breadcrumbs.html",
        include_str!("../../themes/default/templates/partials/dataset_breadcrumbs.html"),
    ),
    (
        "partials/history_entry.html",
        include_str!("../../themes/default/templates/partials/history_entry.html"),
    ),
];

/// Assets of the default theme: (name, extension, content). `map.js` loads
/// Leaflet (vendored unchanged from npm, `static/vendor/leaflet/README.md`)
/// only when a map comes into view.
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "style",
        "css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "abierto",
        "js",
        include_bytes!("../../themes/default/static/abierto.js"),
    ),
    (
        "search",
        "js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "explore",
        "js",
        include_bytes!("../../themes/default/static/explore.js"),
    ),
    (
        "map",
        "js",
        include_bytes!("../../themes/default/static/map.js"),
    ),
    (
        "leaflet",
        "js",
        include_bytes!("../../themes/default/static/vendor/leaflet/leaflet.js"),
    ),
    (
        "leaflet",
        "css",
        include_bytes!("../../themes/default/static/vendor/leaflet/leaflet.css"),
    ),
];

/// The images Leaflet's stylesheet names (`images/…`, beside it): published
/// under their own names, as the stylesheet asks for them.
const LEAFLET_IMAGES: &[(&str, &[u8])] = &[
    (
        "layers.png",
        include_bytes!("../../themes/default/static/vendor/leaflet/images/layers.png"),
    ),
    (
        "layers-2x.png",
        include_bytes!("../../themes/default/static/vendor/leaflet/images/layers-2x.png"),
    ),
    (
        "marker-icon.png",
        include_bytes!("../../themes/default/static/vendor/leaflet/images/marker-icon.png"),
    ),
];

/// A theme asset as published: its file name (fingerprinted but for
/// Leaflet's images) and content.
pub struct Asset {
    /// `style.3fa2b1c9.css`, `images/layers.png`
    pub file_name: String,
    pub content: &'static [u8],
}

/// The theme's assets, each named after its content's hash, by name and
/// extension (`style.css`, `leaflet.js`), then Leaflet's images.
pub fn assets() -> Vec<(String, Asset)> {
    let fingerprinted = ASSETS.iter().map(|(name, extension, content)| {
        let digest = Sha256::digest(content);
        let fingerprint: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
        (
            format!("{name}.{extension}"),
            Asset {
                file_name: format!("{name}.{fingerprint}.{extension}"),
                content,
            },
        )
    });
    let images = LEAFLET_IMAGES.iter().map(|(name, content)| {
        (
            format!("images/{name}"),
            Asset {
                file_name: format!("images/{name}"),
                content,
            },
        )
    });
    fingerprinted.chain(images).collect()
}

/// The text of every template: the theme's, replaced or joined by the site's
/// `templates/` files of the same name.
pub fn template_sources(site: &Site) -> Result<Vec<(String, String)>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut sources: Vec<(String, String)> = TEMPLATES
        .iter()
        .map(|(n, c)| (n.to_string(), c.to_string()))
        .collect();
    for (name, path) in &site.template_overrides {
        let file = display_path(&site.root, path);
        match std::fs::read_to_string(path) {
            Ok(content) => match sources.iter_mut().find(|(n, _)| n == name) {
                Some(existing) => existing.1 = content,
                None => sources.push((name.clone(), content)),
            },
            Err(error) => problems.push(Diagnostic::error(
                file,
                msg!("render-template-unreadable", error = error.to_string()),
            )),
        }
    }
    if problems.is_empty() {
        Ok(sources)
    } else {
        Err(problems)
    }
}

/// The problem of a template that failed to render.
pub fn template_failed(template: &str, error: &tera::Error) -> Message {
    msg!(
        "render-template-failed",
        template = template,
        error = error.to_string()
    )
}

/// Compiles templates read by [`template_sources`].
pub fn compile(sources: Vec<(String, String)>) -> Result<tera::Tera, Vec<Diagnostic>> {
    let mut tera = tera::Tera::new();
    tera.register_filter("xml", super::catalogs::xml_filter);
    if let Err(error) = tera.add_raw_templates(sources) {
        return Err(vec![
            Diagnostic::error(
                "templates",
                msg!("render-template-error", error = error.to_string()),
            )
            .help(msg!("render-template-error-help")),
        ]);
    }
    Ok(tera)
}
