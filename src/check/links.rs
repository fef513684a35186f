//! Links in stories and pages: `#anchors` must name a heading of the same
//! text, relative links a file of the site, root-relative links (`/datos/…`)
//! a page of the portal (and its anchor an id on that page). Id links
//! (`dataset:…`) are checked by the Markdown renderer. External links are
//! collected for `--external` (see `external.rs`).

use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Message;
use crate::model::Site;
use crate::msg;
use crate::output::urls::{Route, Urls};
use crate::output::{Content, OutputFile};
use crate::render::markdown::{self, LinkResolver, MarkdownSource};
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// A link found in a Markdown file.
#[derive(Debug, Clone)]
pub struct Link {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub destination: String,
}

struct NoIds;
impl LinkResolver for NoIds {
    fn resolve(&self, _: &str) -> Option<Result<String, crate::messages::Message>> {
        None
    }
}

/// What the link checks found.
#[derive(Default)]
pub struct LinkReport {
    pub problems: Vec<Diagnostic>,
    /// `http(s)://` links, for `--external`.
    pub external: Vec<Link>,
    /// Site files that stories and pages link to (images beside a story…).
    pub referenced_files: BTreeSet<PathBuf>,
}

/// Checks the links of every story and page against the site and its rendered output.
pub fn check(site: &Site, files: &[OutputFile]) -> LinkReport {
    let urls = Urls::new(&site.portal.base_url);
    let outputs: HashMap<String, &OutputFile> =
        files.iter().map(|f| (f.route.output_file(), f)).collect();
    let mut report = LinkReport::default();
    let texts = site
        .stories
        .iter()
        .map(|s| (&s.source_file, &s.body, s.body_first_line))
        .chain(
            site.pages
                .iter()
                .map(|p| (&p.source_file, &p.body, p.body_first_line)),
        );
    for (file, body, first_line) in texts {
        let source = MarkdownSource { file, first_line };
        let anchors: BTreeSet<String> = markdown::render(body, &source, &NoIds)
            .headings
            .into_iter()
            .map(|h| h.id)
            .collect();
        for link in links_of(file, body, first_line) {
            check_link(site, &urls, &outputs, &anchors, link, &mut report);
        }
    }
    report
}

/// The links and images of a Markdown text, with their file positions.
pub fn links_of(file: &str, body: &str, first_line: usize) -> Vec<Link> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut links = Vec::new();
    let mut lines = markdown::LineCounter::new(body);
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let destination = match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => dest_url.to_string(),
            _ => continue,
        };
        // Point at the destination itself when it is written inline.
        let text = &body[range.clone()];
        let offset = range.start + text.find(&format!("({destination}")).map_or(0, |i| i + 1);
        let before = &body[..offset];
        let line = first_line + lines.newlines_before(offset);
        let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count()
            + 1;
        links.push(Link {
            file: file.to_string(),
            line,
            column,
            destination,
        });
    }
    links
}

/// A link that names nothing, as the error `check` reports.
fn problem(link: &Link, message: Message, help: Message) -> Diagnostic {
    Diagnostic::error(&link.file, message)
        .at_position(link.line, link.column)
        .code(Code::BrokenLink)
        .help(help)
}

fn check_link(
    site: &Site,
    urls: &Urls,
    outputs: &HashMap<String, &OutputFile>,
    anchors: &BTreeSet<String>,
    link: Link,
    report: &mut LinkReport,
) {
    let destination = link.destination.trim();
    let lower = destination.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        report.external.push(link);
        return;
    }
    if destination.is_empty()
        || lower.contains(':') && !lower.starts_with('/') && !lower.starts_with('#')
    {
        return; // mailto:, tel:, dataset:… (checked by the renderer)
    }
    let (path, fragment) = match destination.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (destination, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let found = if path.is_empty() {
        anchor_problem(&link, anchors, fragment)
    } else if let Some(rooted) = path.strip_prefix('/') {
        rooted_problem(&link, destination, urls, outputs, rooted, fragment)
            .filter(|_| !waits_on_unloaded(site, urls, rooted))
    } else {
        relative_problem(site, &link, destination, path, &mut report.referenced_files)
    };
    report.problems.extend(found);
}

/// The error for `#fragment` when no heading of the text has that id.
fn anchor_problem(
    link: &Link,
    anchors: &BTreeSet<String>,
    fragment: Option<&str>,
) -> Option<Diagnostic> {
    let fragment = fragment.filter(|f| !anchors.contains(*f))?;
    let known = anchors.iter().map(|a| format!("#{a}")).collect::<Vec<_>>();
    Some(problem(
        link,
        msg!("check-anchor-missing", fragment = fragment),
        if known.is_empty() {
            msg!("check-anchor-missing-none")
        } else {
            msg!("check-anchor-missing-headings", headings = known.join(", "))
        },
    ))
}

/// The error for a root-relative link (`rooted`: its path after `/`) that
/// leaves the portal, names no page of it, or an anchor the page lacks.
fn rooted_problem(
    link: &Link,
    destination: &str,
    urls: &Urls,
    outputs: &HashMap<String, &OutputFile>,
    rooted: &str,
    fragment: Option<&str>,
) -> Option<Diagnostic> {
    let base = urls.base_path().trim_start_matches('/');
    let Some(route) = rooted.strip_prefix(base) else {
        return Some(problem(
            link,
            msg!(
                "check-link-leaves-base",
                destination = destination,
                base = urls.base_path()
            ),
            msg!("check-link-leaves-base-help"),
        ));
    };
    let route = crate::percent::decode_lossy(route);
    let file = if route.is_empty() || route.ends_with('/') {
        format!("{route}index.html")
    } else if outputs.contains_key(&route) {
        route.clone()
    } else {
        format!("{route}/index.html")
    };
    let Some(output) = outputs.get(&file) else {
        return Some(problem(
            link,
            msg!("check-link-no-page", destination = destination),
            msg!("check-link-no-page-help"),
        ));
    };
    let fragment = fragment?;
    match &output.content {
        Content::Bytes(bytes) if !has_id(bytes, fragment) => Some(problem(
            link,
            msg!(
                "check-page-no-anchor",
                page = urls.base_path().to_string() + &route,
                fragment = fragment
            ),
            msg!("check-page-no-anchor-help"),
        )),
        _ => None,
    }
}

/// Whether a root-relative link (`rooted`: its path after `/`) goes to the
/// pages or downloads of a dataset, participant, story or page whose file did not load:
/// its errors are reported there, and the page comes once they are fixed.
fn waits_on_unloaded(site: &Site, urls: &Urls, rooted: &str) -> bool {
    let base = urls.base_path().trim_start_matches('/');
    let Some(route) = rooted.strip_prefix(base) else {
        return false;
    };
    let route = crate::percent::decode_lossy(route);
    let under = |prefix: Route| route.starts_with(prefix.as_str());
    site.unloaded
        .datasets
        .iter()
        .any(|id| under(Urls::dataset(id)) || under(Urls::download(id, "")))
        || site
            .unloaded
            .participants
            .iter()
            .any(|id| under(Urls::participant(id)))
        || site
            .unloaded
            .stories
            .iter()
            .any(|id| under(Urls::story(id)))
        || site
            .unloaded
            .pages
            .iter()
            .any(|slug| under(Urls::page(slug)))
}

/// The error for a relative link that names no file of the site beside its
/// text; the file it names is added to `referenced`.
fn relative_problem(
    site: &Site,
    link: &Link,
    destination: &str,
    path: &str,
    referenced: &mut BTreeSet<PathBuf>,
) -> Option<Diagnostic> {
    let dir = Path::new(&link.file).parent().unwrap_or(Path::new(""));
    let target = normalise(&dir.join(crate::percent::decode_lossy(path)));
    let on_disk = site.root.join(&target);
    if target.starts_with("..") || !on_disk.is_file() {
        return Some(problem(
            link,
            msg!("check-link-no-file", destination = destination),
            msg!("check-link-no-file-help"),
        ));
    }
    referenced.insert(on_disk);
    None
}

fn has_id(html: &[u8], id: &str) -> bool {
    let html = String::from_utf8_lossy(html);
    ["id=\"", "id=", "id='"].iter().any(|p| {
        html.match_indices(&format!("{p}{id}")).any(|(i, m)| {
            let next = html[i + m.len()..].chars().next();
            matches!(next, Some('"' | '\'' | ' ' | '>') | None)
        })
    })
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
