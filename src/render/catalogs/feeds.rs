//! For feed readers, search engines and hosts: the Atom feeds of new and
//! updated datasets and of stories, `sitemap.xml` of every page, `robots.txt`
//! pointing to it, and `_headers` (who may frame the pages). Each is a theme
//! template (`atom.xml`, `sitemap.xml`, `robots.txt`, `_headers`) that a
//! site's `templates/` overrides by name; what they show is computed here.

use super::records::{DatasetRecord, Records};
use crate::diagnostics::Diagnostic;
use crate::history;
use crate::model::{Date, Story};
use crate::msg;
use crate::output::urls::{Route, Urls};
use crate::render::Translation;
use crate::render::changes::Changes;
use crate::render::theme::template_failed;
use serde::Serialize;

/// How many datasets the feed lists, newest first.
const FEED_ENTRIES: usize = 50;

/// What `atom.xml` shows: the feed's id and self link (`id`), its title,
/// update time, the portal as author, the page it mirrors, and its entries.
#[derive(Serialize)]
struct Feed {
    language: &'static str,
    id: String,
    title: String,
    updated: String,
    author: String,
    page: String,
    entries: Vec<Entry>,
}

/// A dataset or a story of a feed.
#[derive(Serialize)]
struct Entry {
    id: String,
    title: String,
    updated: String,
    published: Option<String>,
    authors: Vec<String>,
    link: String,
    categories: Vec<EntryCategory>,
    summary: String,
}

/// A category of an entry: a dataset's has a label (the category's title).
#[derive(Serialize)]
struct EntryCategory {
    term: String,
    label: Option<String>,
}

/// A page of `sitemap.xml`, with the date its content last changed when known.
#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
}

/// The Atom feed of datasets, newest change first.
pub fn atom_feed(records: &Records, tera: &tera::Tera) -> Result<Vec<u8>, Diagnostic> {
    let urls = records.urls;
    let mut dated: Vec<_> = records
        .published()
        .filter_map(|r| r.dataset.modified.or(r.dataset.issued).map(|d| (d, r)))
        .collect();
    dated.sort_by(|(a, ra), (b, rb)| b.cmp(a).then_with(|| ra.dataset.id.cmp(&rb.dataset.id)));
    dated.truncate(FEED_ENTRIES);
    let entries = dated
        .into_iter()
        .map(|(date, record)| Entry {
            id: record.identifier.clone(),
            title: record.dataset.title.clone(),
            updated: timestamp(date),
            published: record.dataset.issued.map(timestamp),
            authors: vec![record.publisher.name.clone()],
            link: record.landing_page.clone(),
            categories: records
                .categories(record.dataset)
                .into_iter()
                .map(|c| EntryCategory {
                    term: c.id.clone(),
                    label: Some(c.title.clone()),
                })
                .collect(),
            summary: crate::render::markdown::summary(&record.dataset.description, 400),
        })
        .collect();
    let feed = Feed {
        title: records.site.portal.title.clone(),
        id: urls.absolute(&Urls::feed()),
        page: urls.absolute(&Urls::catalog()),
        ..feed(records, entries)
    };
    render(tera, "atom.xml", &feed, "catalog novedades.xml")
}

/// The Atom feed of stories, newest first (drafts never: a feed is what is published).
pub fn stories_feed(
    records: &Records,
    stories_title: &str,
    tera: &tera::Tera,
) -> Result<Vec<u8>, Diagnostic> {
    let site = records.site;
    let urls = records.urls;
    let entries = site
        .stories
        .iter()
        .filter(|s| !s.draft)
        .take(FEED_ENTRIES)
        .map(|story| story_entry(records, story))
        .collect();
    let feed = Feed {
        title: format!("{}: {stories_title}", site.portal.title),
        id: urls.absolute(&Urls::stories_feed()),
        page: urls.absolute(&Urls::stories()),
        ..feed(records, entries)
    };
    render(tera, "atom.xml", &feed, "stories feed")
}

fn story_entry(records: &Records, story: &Story) -> Entry {
    let site = records.site;
    let page = records.urls.absolute(&Urls::story(&story.id));
    let authors = if story.authors.is_empty() {
        let participant = story
            .participant
            .as_deref()
            .and_then(|p| site.participant(p));
        vec![participant.map_or(site.portal.title.clone(), |p| p.name.clone())]
    } else {
        story.authors.clone()
    };
    Entry {
        id: page.clone(),
        title: story.title.clone(),
        updated: timestamp(story.date),
        published: Some(timestamp(story.date)),
        authors,
        link: page,
        categories: story
            .tags
            .iter()
            .map(|tag| EntryCategory {
                term: tag.clone(),
                label: None,
            })
            .collect(),
        summary: story
            .summary
            .clone()
            .unwrap_or_else(|| crate::render::markdown::summary(&story.body, 400)),
    }
}

/// The Atom feed of each dataset's history (`…/historial.xml`) and of every
/// dataset's data changes (`/datos/historial.xml`), newest first.
pub fn history_feeds(
    records: &Records,
    tera: &tera::Tera,
) -> Result<Vec<(Route, Vec<u8>)>, Diagnostic> {
    let site = records.site;
    let urls = records.urls;
    let t = Translation::for_language(site.portal.language);
    let changes = Changes {
        site,
        history: records.history,
        urls,
        t: &t,
    };
    let mut made = Vec::new();
    let mut data_changes = Vec::new();
    for record in &records.datasets {
        let dataset = record.dataset;
        let entries = records.history.of(&dataset.id);
        if entries.is_empty() {
            continue;
        }
        let feed_entries = entries
            .iter()
            .take(FEED_ENTRIES)
            .map(|entry| history_entry(&changes, record, entry, false))
            .collect();
        let route = Urls::dataset_history_feed(&dataset.id);
        let feed = Feed {
            title: format!("{}: {}", t.ui("history"), dataset.title),
            id: urls.absolute(&route),
            page: urls.absolute(&Urls::dataset_history(&dataset.id, 1)),
            ..feed(records, feed_entries)
        };
        made.push((route, render(tera, "atom.xml", &feed, "history feed")?));
        data_changes.extend(
            entries
                .iter()
                .filter(|e| e.changes_data())
                .take(FEED_ENTRIES)
                .map(|entry| (entry, record)),
        );
    }
    if !records.history.in_repository {
        return Ok(made);
    }
    data_changes.sort_by(|(a, ra), (b, rb)| {
        b.commit
            .seconds
            .cmp(&a.commit.seconds)
            .then_with(|| ra.dataset.id.cmp(&rb.dataset.id))
    });
    data_changes.truncate(FEED_ENTRIES);
    let entries = data_changes
        .into_iter()
        .map(|(entry, record)| history_entry(&changes, record, entry, true))
        .collect();
    let feed = Feed {
        title: format!("{}: {}", site.portal.title, t.ui("history_portal_feed")),
        id: urls.absolute(&Urls::history_feed()),
        page: urls.absolute(&Urls::catalog()),
        ..feed(records, entries)
    };
    made.push((
        Urls::history_feed(),
        render(tera, "atom.xml", &feed, "history feed")?,
    ));
    Ok(made)
}

/// A commit's entry in a history feed (`titled`: the dataset's title before the message).
fn history_entry(
    changes: &Changes,
    record: &DatasetRecord,
    entry: &history::Entry,
    titled: bool,
) -> Entry {
    let dataset = record.dataset;
    let urls = changes.urls;
    let view = changes.entry(dataset, entry);
    let history_page = Urls::dataset_history(&dataset.id, 1);
    let link = match &view.changes_href {
        Some(_) => urls.absolute(&Urls::dataset_change(&dataset.id, entry.commit.short_id())),
        None => urls.absolute(&history_page),
    };
    Entry {
        id: urls.absolute_fragment(
            &history_page,
            &format!("cambio-{}", entry.commit.short_id()),
        ),
        title: if titled {
            format!("{}: {}", dataset.title, entry.commit.title)
        } else {
            entry.commit.title.clone()
        },
        updated: entry.commit.timestamp(),
        published: None,
        authors: vec![entry.commit.author.clone()]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect(),
        link,
        categories: Vec::new(),
        summary: changes.summary(&view),
    }
}

/// A feed of `entries`, updated when its newest entry was, by the portal;
/// its own title, id and page still to set.
fn feed(records: &Records, entries: Vec<Entry>) -> Feed {
    // Timestamps of one form sort as their dates do.
    let updated = entries.iter().map(|e| &e.updated).max().cloned();
    Feed {
        language: records.language,
        id: String::new(),
        title: String::new(),
        updated: updated.unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string()),
        author: records.site.portal.title.clone(),
        page: String::new(),
        entries,
    }
}

/// Every page of the portal, with the date its content last changed when known.
pub fn sitemap(
    urls: &Urls,
    pages: &[(Route, Option<Date>)],
    tera: &tera::Tera,
) -> Result<Vec<u8>, Diagnostic> {
    let urls: Vec<SitemapUrl> = pages
        .iter()
        .map(|(route, lastmod)| SitemapUrl {
            loc: urls.absolute(route),
            lastmod: lastmod.map(|d| d.to_string()),
        })
        .collect();
    #[derive(Serialize)]
    struct Sitemap {
        urls: Vec<SitemapUrl>,
    }
    render(
        tera,
        "sitemap.xml",
        &Sitemap { urls },
        "catalog sitemap.xml",
    )
}

/// Crawlers read `robots.txt` only at a host's root: a portal under a sub-path
/// publishes it anyway, for hosts that serve the portal at their root.
pub fn robots(urls: &Urls, tera: &tera::Tera) -> Result<Vec<u8>, Diagnostic> {
    #[derive(Serialize)]
    struct Robots {
        sitemap: String,
    }
    let robots = Robots {
        sitemap: urls.absolute(&Urls::sitemap()),
    };
    render(tera, "robots.txt", &robots, "catalog robots.txt")
}

/// `_headers`, for hosts that read one (Netlify, Cloudflare Pages): no other
/// site may frame a page of the portal but those under `/insertar/`, made to
/// be framed. The rules name each top folder of the portal's pages, never
/// every path (`/*`): a path two rules match gets both headers on one host
/// and the last one on another, and two policies would forbid framing.
pub fn headers(urls: &Urls, pages: &[Route], tera: &tera::Tera) -> Result<Vec<u8>, Diagnostic> {
    #[derive(Serialize)]
    struct Headers {
        home: String,
        folders: Vec<String>,
        embeds: String,
    }
    let embeds = Urls::embeds();
    let folders: std::collections::BTreeSet<String> = pages
        .iter()
        .filter(|route| !route.as_str().starts_with(embeds.as_str()))
        .filter_map(|route| route.as_str().split_once('/'))
        .map(|(folder, _)| urls.href(&Urls::page(folder)))
        .collect();
    let headers = Headers {
        home: urls.href(&Urls::home()),
        folders: folders.into_iter().collect(),
        embeds: urls.href(&embeds),
    };
    render(tera, "_headers", &headers, "_headers")
}

/// The text of a template, shown `data`; a failure is reported at `origin`.
fn render(
    tera: &tera::Tera,
    template: &str,
    data: &impl Serialize,
    origin: &str,
) -> Result<Vec<u8>, Diagnostic> {
    tera::Context::from_serialize(data)
        .and_then(|context| tera.render(template, &context))
        .map(String::into_bytes)
        .map_err(|error| {
            Diagnostic::error(origin, template_failed(template, &error))
                .help(msg!("render-template-failed-help"))
        })
}

fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// The template filter `xml`: text escaped for XML text and attributes, as safe.
pub fn xml_filter(
    text: std::borrow::Cow<'_, str>,
    _: tera::Kwargs,
    _: &tera::State,
) -> tera::Value {
    tera::Value::safe_string(&xml(&text))
}

/// Text for XML: markup characters escaped, characters XML forbids dropped.
fn xml(text: &str) -> String {
    crate::render::escape_markup(text, "&apos;", xml_char)
}

/// Whether XML 1.0 allows the character: tab, newline and carriage return of
/// the control characters, and not U+FFFE nor U+FFFF.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || c == '\u{fffe}' || c == '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(xml("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }

    #[test]
    fn text_through_the_xml_filter_is_not_escaped_again() {
        let template = ("t.xml".to_string(), "{{ x | xml }} {{ x }}".to_string());
        let tera = crate::render::theme::compile(vec![template]).unwrap();
        let data = serde_json::json!({ "x": "a'&<\u{1}" });
        let out = render(&tera, "t.xml", &data, "t").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a&apos;&amp;&lt; a&#39;&amp;&lt;\u{1}"
        );
    }
}
