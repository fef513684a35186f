//! `portal.toml`: the portal's title, address, language, licences and categories.

use super::ids::{self, IdProblem};
use super::toml_file;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::model::{
    Category, Forge, Language, License, Logo, Maps, Portal, Repository, built_in_licenses,
};
use crate::msg;
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PortalFile {
    title: String,
    #[serde(default)]
    description: String,
    base_url: Option<Spanned<String>>,
    #[serde(default)]
    language: Language,
    #[serde(default)]
    theme: Option<Spanned<String>>,
    default_license: Option<Spanned<String>>,
    accent_color: Option<Spanned<String>>,
    logo: Option<String>,
    repository: Option<Spanned<String>>,
    branch: Option<Spanned<String>>,
    preview_rows: Option<Spanned<i64>>,
    #[serde(default)]
    categories: Vec<CategoryFile>,
    #[serde(default)]
    licenses: Vec<LicenseFile>,
    #[serde(default)]
    check: CheckFile,
    #[serde(default)]
    build: BuildFile,
    maps: Option<MapsFile>,
    #[serde(default)]
    history: HistoryFile,
}

/// `[history]`: what the datasets' history publishes.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct HistoryFile {
    /// Previous versions of each data file published as downloads (0: links to the forge).
    keep_versions: Option<Spanned<i64>>,
}

/// `[maps]`: a basemap under the data.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MapsFile {
    /// A PMTiles archive under `static/`.
    basemap: Option<Spanned<String>>,
    /// A raster tile server, `https://…/{z}/{x}/{y}.png`.
    tiles: Option<Spanned<String>>,
    attribution: Option<Spanned<String>>,
}

/// `[build]`: limits of what a build reads.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BuildFile {
    /// The largest data file a build reads and publishes, e.g. `"100 MB"`.
    max_file_size: Option<Spanned<String>>,
    /// Tables with more rows get no explorer; `0` turns explorers off.
    explore_max_rows: Option<Spanned<i64>>,
}

/// `[check]`: findings the site shows on purpose.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CheckFile {
    /// Warning codes (or `code:file`) that `check --strict` tolerates.
    #[serde(default)]
    allow: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    id: Spanned<String>,
    title: String,
    #[serde(default)]
    description: String,
}

/// A licence the site declares, in `portal.toml` or in a descriptor's `[license]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LicenseFile {
    pub id: String,
    pub name: String,
    pub url: Spanned<String>,
}

impl LicenseFile {
    pub fn validate(self, source: &SourceText) -> Result<License, Diagnostic> {
        Ok(License {
            url: toml_file::url(source, &self.url, &["http", "https"])?,
            id: self.id,
            name: self.name,
        })
    }
}

/// The address of a portal that does not say its own (a local preview).
pub const DEFAULT_BASE_URL: &str = "http://localhost/";
const DEFAULT_PREVIEW_ROWS: usize = 20;
/// Rows a table may have for its explorer to be made, unless `[build] explore_max_rows` says.
pub const DEFAULT_EXPLORE_MAX_ROWS: u64 = 1_000_000;
/// The most `explore_max_rows` may say: past it a browser could not hold the table.
const MOST_EXPLORE_ROWS: i64 = 10_000_000;
/// Git and GitHub refuse files over 100 MB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// Reads `portal.toml`; `None` when its syntax is broken (every problem
/// found is reported).
pub fn load(source: &SourceText, diagnostics: &Diagnostics) -> Option<Portal> {
    let read = toml_file::parse::<PortalFile>(source, &source.text);
    read.problems.into_iter().for_each(|d| diagnostics.push(d));
    let file = read.value?;
    let values = Values {
        source,
        diagnostics,
    };
    if !read.dropped.key("title") {
        values.checked(Some(&file.title), |source, text| title(source, text));
    }
    values.checked(file.theme.as_ref(), |source, theme| {
        theme_name(source, theme)
    });
    let licenses = licenses(source, file.licenses, diagnostics);
    let default_license = values.checked(file.default_license, |source, id| {
        known_license(source, id, &licenses)
    });
    let branch = file.branch.as_ref();
    Some(Portal {
        title: file.title,
        description: file.description,
        source_file: source.name.clone(),
        description_line: 1,
        base_url: values.or(file.base_url, DEFAULT_BASE_URL.to_string(), base_url),
        language: file.language,
        default_license,
        accent_color: values.checked(file.accent_color, accent_color),
        logo: file.logo.map(Logo::Static),
        preview_rows: values.or(file.preview_rows, DEFAULT_PREVIEW_ROWS, preview_rows),
        max_file_bytes: values.or(
            file.build.max_file_size,
            DEFAULT_MAX_FILE_BYTES,
            max_file_bytes,
        ),
        explore_max_rows: values.or(
            file.build.explore_max_rows,
            DEFAULT_EXPLORE_MAX_ROWS,
            explore_max_rows,
        ),
        keep_versions: values.or(file.history.keep_versions, 0, keep_versions),
        // Said in the order the file's sections are checked.
        categories: categories(source, file.categories, diagnostics),
        licenses,
        check_allow: file.check.allow,
        repository: values.checked(file.repository, |source, url| {
            repository(source, url, branch)
        }),
        maps: file
            .maps
            .map(|maps| maps_section(source, maps, diagnostics)),
    })
}

/// The values of `portal.toml` checked one by one: a wrong one is reported
/// and read as absent, so every mistake of the file is said in one run.
struct Values<'a> {
    source: &'a SourceText,
    diagnostics: &'a Diagnostics,
}

impl Values<'_> {
    /// `value` as `check` reads it; `None` when it is absent or wrong (reported).
    fn checked<V, T>(
        &self,
        value: Option<V>,
        check: impl FnOnce(&SourceText, &V) -> Result<T, Diagnostic>,
    ) -> Option<T> {
        let value = value?;
        check(self.source, &value)
            .map_err(|d| self.diagnostics.push(d))
            .ok()
    }

    /// `value` as `check` reads it, or `default` when it is absent or wrong (reported).
    fn or<V, T>(
        &self,
        value: Option<V>,
        default: T,
        check: impl FnOnce(&SourceText, &V) -> Result<T, Diagnostic>,
    ) -> T {
        self.checked(value, check).unwrap_or(default)
    }
}

/// `[maps]`: `tiles` an `https` address with `{z}`, `{x}` and `{y}`, said
/// with its `attribution`; `basemap` a `.pmtiles` file under `static/`.
fn maps_section(source: &SourceText, maps: MapsFile, diagnostics: &Diagnostics) -> Maps {
    let tiles = maps.tiles.and_then(|tiles| {
        let placeholders = ["{z}", "{x}", "{y}"]
            .iter()
            .all(|p| tiles.get_ref().contains(p));
        let url = toml_file::url(source, &tiles, &["https"])
            .map_err(|d| diagnostics.push(d))
            .ok()?;
        if !placeholders {
            diagnostics.push(
                source
                    .error(tiles.span().start, msg!("load-maps-tiles", url = &url))
                    .help(msg!("load-maps-tiles-help")),
            );
            return None;
        }
        if maps.attribution.is_none() {
            diagnostics.push(
                source
                    .error(tiles.span().start, msg!("load-maps-attribution"))
                    .help(msg!("load-maps-attribution-help")),
            );
        }
        Some(url)
    });
    let basemap = maps.basemap.map(|basemap| {
        diagnostics.push(
            crate::diagnostics::Diagnostic::warning(
                &source.name,
                msg!("load-maps-basemap", path = basemap.get_ref()),
            )
            .at(source, basemap.span().start)
            .help(msg!("load-maps-basemap-help")),
        );
        basemap.into_inner()
    });
    Maps {
        tiles,
        attribution: maps.attribution.map(|a| a.into_inner()),
        basemap,
    }
}

/// The most `keep_versions` may say.
const MOST_KEPT_VERSIONS: i64 = 1000;

fn keep_versions(source: &SourceText, n: &Spanned<i64>) -> Result<usize, Diagnostic> {
    if (0..=MOST_KEPT_VERSIONS).contains(n.get_ref()) {
        return Ok(*n.get_ref() as usize);
    }
    Err(source
        .error(
            n.span().start,
            msg!("load-keep-versions", max = MOST_KEPT_VERSIONS as u64),
        )
        .help(msg!("load-keep-versions-help")))
}

/// `repository` (and `branch`): the web address of the site's git repository,
/// `https://HOST/OWNER/REPO`, on GitHub, GitLab or a Gitea/Forgejo host.
fn repository(
    source: &SourceText,
    url: &Spanned<String>,
    branch: Option<&Spanned<String>>,
) -> Result<Repository, Diagnostic> {
    let wrong = || {
        source
            .error(
                url.span().start,
                msg!("load-not-a-repository", url = url.get_ref().trim()),
            )
            .help(msg!("load-not-a-repository-help"))
    };
    let text = toml_file::url(source, url, &["https"]).map_err(|_| wrong())?;
    let text = text.trim_end_matches('/').trim_end_matches(".git");
    let rest = &text["https://".len()..];
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or("").to_ascii_lowercase();
    let path: Vec<&str> = parts.collect();
    if host.is_empty()
        || path.len() < 2
        || path.iter().any(|p| p.is_empty() || p.contains(['?', '#']))
    {
        return Err(wrong());
    }
    let forge = match host.as_str() {
        "github.com" => Forge::GitHub,
        h if h == "gitlab.com" || h.starts_with("gitlab.") => Forge::GitLab,
        _ => Forge::Gitea,
    };
    let branch = match branch {
        Some(b) if b.get_ref().trim().is_empty() || b.get_ref().contains(char::is_whitespace) => {
            return Err(source
                .error(
                    b.span().start,
                    msg!("load-not-a-branch", branch = b.get_ref()),
                )
                .help(msg!("load-not-a-branch-help")));
        }
        Some(b) => b.get_ref().trim().to_string(),
        None => "main".to_string(),
    };
    Ok(Repository {
        url: text.to_string(),
        forge,
        branch,
        dir: String::new(),
    })
}

fn title(source: &SourceText, title: &str) -> Result<(), Diagnostic> {
    if title.trim().is_empty() {
        return Err(
            Diagnostic::error(&source.name, msg!("load-portal-empty-title"))
                .help(msg!("load-portal-empty-title-help")),
        );
    }
    Ok(())
}

fn theme_name(source: &SourceText, theme: &Spanned<String>) -> Result<(), Diagnostic> {
    if theme.get_ref() != "default" {
        return Err(source
            .error(
                theme.span().start,
                msg!("load-unknown-theme", theme = theme.get_ref()),
            )
            .help(msg!("load-unknown-theme-help")));
    }
    Ok(())
}

/// The built-in licences and those the portal declares.
fn licenses(
    source: &SourceText,
    declared: Vec<LicenseFile>,
    diagnostics: &Diagnostics,
) -> Vec<License> {
    let mut licenses = built_in_licenses();
    for declared in declared {
        match declared.validate(source) {
            Ok(license) => licenses.push(license),
            Err(d) => diagnostics.push(d),
        }
    }
    licenses
}

fn known_license(
    source: &SourceText,
    id: &Spanned<String>,
    licenses: &[License],
) -> Result<License, Diagnostic> {
    licenses
        .iter()
        .find(|l| l.id == *id.get_ref())
        .cloned()
        .ok_or_else(|| unknown_license(source, id, licenses))
}

/// A portal's `base_url`: an `http(s)` address, given a final `/`.
pub(super) fn base_url(source: &SourceText, url: &Spanned<String>) -> Result<String, Diagnostic> {
    toml_file::url(source, url, &["http", "https"]).map(with_trailing_slash)
}

/// An `accent_color`: `#rrggbb`.
pub(super) fn accent_color(
    source: &SourceText,
    colour: &Spanned<String>,
) -> Result<String, Diagnostic> {
    let text = colour.get_ref();
    let is_hex = text.len() == 7
        && text.starts_with('#')
        && text[1..].chars().all(|c| c.is_ascii_hexdigit());
    if !is_hex {
        return Err(source
            .error(
                colour.span().start,
                msg!("load-not-a-colour", colour = text),
            )
            .help(msg!("load-not-a-colour-help")));
    }
    Ok(text.clone())
}

fn preview_rows(source: &SourceText, rows: &Spanned<i64>) -> Result<usize, Diagnostic> {
    if (1..=1000).contains(rows.get_ref()) {
        return Ok(*rows.get_ref() as usize);
    }
    Err(source
        .error(
            rows.span().start,
            msg!("load-preview-rows", min = 1u32, max = 1000u32),
        )
        .help(msg!("load-preview-rows-help", rows = DEFAULT_PREVIEW_ROWS)))
}

/// `[build] explore_max_rows`: from 0 (no explorers) to what an explorer can hold.
fn explore_max_rows(source: &SourceText, rows: &Spanned<i64>) -> Result<u64, Diagnostic> {
    if (0..=MOST_EXPLORE_ROWS).contains(rows.get_ref()) {
        return Ok(*rows.get_ref() as u64);
    }
    Err(source
        .error(
            rows.span().start,
            msg!("load-explore-max-rows", max = MOST_EXPLORE_ROWS as u64),
        )
        .help(msg!(
            "load-explore-max-rows-help",
            rows = DEFAULT_EXPLORE_MAX_ROWS
        )))
}

fn max_file_bytes(source: &SourceText, size: &Spanned<String>) -> Result<u64, Diagnostic> {
    parse_size(size.get_ref()).ok_or_else(|| {
        source
            .error(
                size.span().start,
                msg!("load-not-a-size", size = size.get_ref()),
            )
            .help(msg!("load-not-a-size-help"))
    })
}

/// The declared categories whose ids are valid and unique.
fn categories(
    source: &SourceText,
    declared: Vec<CategoryFile>,
    diagnostics: &Diagnostics,
) -> Vec<Category> {
    let mut categories: Vec<Category> = Vec::new();
    for category in declared {
        let id = category.id.get_ref();
        // An empty id is let through, and one without letters is told to be written as ``.
        let written_as = match ids::check_id(id) {
            Ok(()) => None,
            Err(IdProblem::WriteAs(slug)) => Some(slug),
            Err(IdProblem::NoLetters) => (!id.is_empty()).then(String::new),
        };
        if let Some(slug) = written_as {
            diagnostics.push(
                source
                    .error(
                        category.id.span().start,
                        msg!("load-category-id-not-segment", id = id),
                    )
                    .help(msg!("load-write-as", id = slug)),
            );
            continue;
        }
        if categories.iter().any(|c| c.id == *id) {
            diagnostics.push(
                source
                    .error(
                        category.id.span().start,
                        msg!("load-category-twice", id = id),
                    )
                    .help(msg!("load-category-twice-help")),
            );
            continue;
        }
        categories.push(Category {
            id: id.clone(),
            title: category.title,
            description: category.description,
        });
    }
    categories
}

/// A size such as `100 MB`, `1.5 GB` or `512 KB` (units of 1024), in bytes.
pub fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let number: f64 = text[..split].parse().ok()?;
    let unit: u64 = match text[split..].trim().to_ascii_uppercase().as_str() {
        "B" => 1,
        "KB" => 1024,
        "MB" => 1024 * 1024,
        "GB" => 1024 * 1024 * 1024,
        _ => return None,
    };
    let bytes = number * unit as f64;
    (bytes.is_finite() && bytes >= 1.0 && bytes < u64::MAX as f64).then_some(bytes as u64)
}

/// The error for a licence id that is neither built in nor declared.
pub fn unknown_license(source: &SourceText, id: &Spanned<String>, known: &[License]) -> Diagnostic {
    let ids: Vec<String> = known.iter().map(|l| l.id.clone()).collect();
    let known = ids.join(", ");
    let help = match toml_file::nearest(id.get_ref(), &ids) {
        Some(best) => msg!(
            "load-unknown-license-nearest",
            nearest = best,
            known = known
        ),
        None => msg!("load-unknown-license-declare", known = known),
    };
    source
        .error(
            id.span().start,
            msg!("load-unknown-license", id = id.get_ref()),
        )
        .help(help)
}

fn with_trailing_slash(mut url: String) -> String {
    if !url.ends_with('/') {
        url.push('/');
    }
    url
}

/// The language a site's messages are in: its `language` (Spanish unless set),
/// or `None` when the folder has no readable `portal.toml` (the command then
/// follows the environment). Read leniently: a portal.toml with mistakes still
/// says which language to report them in.
pub fn site_language(root: &std::path::Path) -> Option<Language> {
    let text = std::fs::read_to_string(root.join(crate::load::layout::PORTAL_FILE)).ok()?;
    let english = match text.parse::<toml::Table>() {
        Ok(table) => table.get("language").and_then(|l| l.as_str()) == Some("en"),
        // A file that does not parse: its `language = "en"` line, if it has one.
        Err(_) => text.lines().any(|line| {
            let line = line.trim();
            line.starts_with("language") && line.ends_with("\"en\"")
        }),
    };
    Some(if english { Language::En } else { Language::Es })
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_are_read_with_their_unit() {
        assert_eq!(parse_size("100 MB"), Some(100 * 1024 * 1024));
        assert_eq!(parse_size("1.5gb"), Some(1536 * 1024 * 1024));
        assert_eq!(parse_size("512 KB"), Some(512 * 1024));
        assert_eq!(parse_size("10B"), Some(10));
        for bad in [
            "",
            "MB",
            "100",
            "-1 MB",
            "0 KB",
            "1e3 MB",
            "1.2.3 MB",
            "9999999999999 GB",
        ] {
            assert_eq!(parse_size(bad), None, "{bad}");
        }
    }
}
