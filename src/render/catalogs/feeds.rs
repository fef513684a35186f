//! For feed readers and search engines: the Atom feed of new and updated
//! datasets, `sitemap.xml` of every page, and `robots.txt` pointing to it.

use super::records::Records;
use crate::model::Date;
use crate::output::urls::{Route, Urls};

/// How many datasets the feed lists, newest first.
const FEED_ENTRIES: usize = 50;

pub fn atom_feed(records: &Records) -> String {
    let urls = records.urls;
    let site = records.site;
    let mut entries: Vec<_> = records
        .published()
        .filter_map(|r| r.dataset.modified.or(r.dataset.issued).map(|d| (d, r)))
        .collect();
    entries.sort_by(|(a, ra), (b, rb)| b.cmp(a).then_with(|| ra.dataset.id.cmp(&rb.dataset.id)));
    entries.truncate(FEED_ENTRIES);
    let updated = entries
        .first()
        .map_or("1970-01-01T00:00:00Z".to_string(), |(d, _)| timestamp(*d));
    let mut out = feed_head(
        records,
        &site.portal.title,
        &urls.absolute(&Urls::feed()),
        &urls.absolute(&Urls::catalog()),
        &updated,
    );
    for (date, record) in entries {
        let dataset = record.dataset;
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <id>{}</id>\n", xml(&record.identifier)));
        out.push_str(&format!("    <title>{}</title>\n", xml(&dataset.title)));
        out.push_str(&format!("    <updated>{}</updated>\n", timestamp(date)));
        if let Some(issued) = dataset.issued {
            out.push_str(&format!(
                "    <published>{}</published>\n",
                timestamp(issued)
            ));
        }
        out.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            xml(&record.publisher.name)
        ));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml(&record.landing_page)
        ));
        for category in dataset.categories.iter().filter_map(|c| site.category(c)) {
            out.push_str(&format!(
                "    <category term=\"{}\" label=\"{}\"/>\n",
                xml(&category.id),
                xml(&category.title)
            ));
        }
        out.push_str(&format!(
            "    <summary>{}</summary>\n",
            xml(&crate::render::markdown::summary(&dataset.description, 400))
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// The Atom feed of stories, newest first (drafts never: a feed is what is published).
pub fn stories_feed(records: &Records, views: &crate::render::views::Views) -> String {
    let urls = records.urls;
    let site = records.site;
    let stories: Vec<_> = site
        .stories
        .iter()
        .filter(|s| !s.draft)
        .take(FEED_ENTRIES)
        .collect();
    let updated = stories
        .iter()
        .map(|s| s.date)
        .max()
        .map_or("1970-01-01T00:00:00Z".to_string(), timestamp);
    let feed_url = urls.absolute(&Urls::stories_feed());
    let mut out = feed_head(
        records,
        &format!("{}: {}", site.portal.title, views.t.ui("stories")),
        &feed_url,
        &urls.absolute(&Urls::stories()),
        &updated,
    );
    for story in stories {
        let page = urls.absolute(&Urls::story(&story.id));
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <id>{}</id>\n", xml(&page)));
        out.push_str(&format!("    <title>{}</title>\n", xml(&story.title)));
        out.push_str(&format!(
            "    <updated>{}</updated>\n",
            timestamp(story.date)
        ));
        out.push_str(&format!(
            "    <published>{}</published>\n",
            timestamp(story.date)
        ));
        let participant = story
            .participant
            .as_deref()
            .and_then(|p| site.participant(p))
            .map_or(site.portal.title.clone(), |p| p.name.clone());
        let authors = if story.authors.is_empty() {
            vec![participant]
        } else {
            story.authors.clone()
        };
        for author in authors {
            out.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                xml(&author)
            ));
        }
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml(&page)
        ));
        for tag in &story.tags {
            out.push_str(&format!("    <category term=\"{}\"/>\n", xml(tag)));
        }
        let summary = story
            .summary
            .clone()
            .unwrap_or_else(|| crate::render::markdown::summary(&story.body, 400));
        out.push_str(&format!("    <summary>{}</summary>\n", xml(&summary)));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// Every page of the portal, with the date its content last changed when known.
pub fn sitemap(urls: &Urls, pages: &[(Route, Option<Date>)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (route, lastmod) in pages {
        out.push_str(&format!("  <url><loc>{}</loc>", xml(&urls.absolute(route))));
        if let Some(date) = lastmod {
            out.push_str(&format!("<lastmod>{date}</lastmod>"));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// Crawlers read `robots.txt` only at a host's root: a portal under a sub-path
/// publishes it anyway, for hosts that serve the portal at their root.
pub fn robots(urls: &Urls) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        urls.absolute(&Urls::sitemap())
    )
}

/// The start of an Atom feed: its id and self link (`feed_url`), title,
/// update time, the portal as author, and the page it mirrors (`page_url`).
fn feed_head(
    records: &Records,
    title: &str,
    feed_url: &str,
    page_url: &str,
    updated: &str,
) -> String {
    let portal = xml(&records.site.portal.title);
    let feed_url = xml(feed_url);
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{language}\">\n  \
         <id>{feed_url}</id>\n  \
         <title>{title}</title>\n  \
         <updated>{updated}</updated>\n  \
         <author><name>{portal}</name></author>\n  \
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{feed_url}\"/>\n  \
         <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n",
        language = records.language,
        title = xml(title),
        page = xml(page_url),
    )
}

fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// Text for XML: markup characters escaped, characters XML forbids dropped.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(xml("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }
}
