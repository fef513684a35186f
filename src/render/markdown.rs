//! Markdown to HTML: tables, footnotes, heading anchors, and links by id
//! (`dataset:xalapa/semaforos`, `participant:xalapa`, `story:…`, `page:…`)
//! resolved to the portal's addresses and checked. Raw HTML is shown as text.

use crate::diagnostics::Diagnostic;
use crate::slug::slugify;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Where a Markdown text comes from, to place its problems.
pub struct MarkdownSource<'a> {
    /// The file, relative to the site.
    pub file: &'a str,
    /// The file line of the text's first line.
    pub first_line: usize,
}

/// Turns an id link (`dataset:x/y`) into an address, or says why it cannot.
pub trait LinkResolver {
    /// `Some(Ok(href))` for a known id, `Some(Err(help))` for an unknown one,
    /// `None` when `destination` is not an id link.
    fn resolve(&self, destination: &str) -> Option<Result<String, String>>;
}

/// A heading of the text, for a table of contents.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub problems: Vec<Diagnostic>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders Markdown to HTML.
pub fn render(text: &str, source: &MarkdownSource, links: &dyn LinkResolver) -> Rendered {
    let mut problems = Vec::new();
    let mut headings = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut heading_start: Option<usize> = None;

    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let event = match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match links.resolve(&dest_url) {
                    Some(Ok(href)) => CowStr::from(href),
                    Some(Err(help)) => {
                        let line = source.first_line + text[..range.start].matches('\n').count();
                        problems.push(
                            Diagnostic::error(
                                source.file,
                                format!("the link `{dest_url}` names nothing in this portal"),
                            )
                            .at_line(line)
                            .help(help),
                        );
                        dest_url
                    }
                    None => dest_url,
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                heading_start = Some(events.len());
                let level = if level == HeadingLevel::H1 {
                    HeadingLevel::H2
                } else {
                    level
                };
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = heading_start.take() {
                    name_heading(&mut events, start, &mut headings);
                }
                let level = if level == HeadingLevel::H1 {
                    HeadingLevel::H2
                } else {
                    level
                };
                Event::End(TagEnd::Heading(level))
            }
            Event::Start(Tag::Table(alignments)) => {
                events.push(Event::Html(CowStr::from(
                    "<div class=\"table-scroll\" tabindex=\"0\">",
                )));
                Event::Start(Tag::Table(alignments))
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                Event::Html(CowStr::from("</div>"))
            }
            other => other,
        };
        events.push(event);
    }

    let mut html_out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut html_out, events.into_iter());
    Rendered {
        html: html_out,
        headings,
        problems,
    }
}

/// Gives the heading that starts at `events[start]` a unique id, and records it.
fn name_heading(events: &mut [Event], start: usize, headings: &mut Vec<Heading>) {
    let text: String = events[start + 1..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[start] {
        let base = id.as_deref().map(slugify).unwrap_or_else(|| slugify(&text));
        let base = if base.is_empty() {
            "seccion".to_string()
        } else {
            base
        };
        let mut unique = base.clone();
        let mut n = 2;
        while headings.iter().any(|h| h.id == unique) {
            unique = format!("{base}-{n}");
            n += 1;
        }
        *id = Some(CowStr::from(unique.clone()));
        headings.push(Heading {
            level: *level as u8,
            id: unique,
            text,
        });
    }
}

/// Markdown as plain text, for catalogs: paragraphs and list items on their own
/// lines, formatting and link targets dropped, the words kept.
pub fn plain_text(text: &str) -> String {
    let mut plain = String::new();
    for event in Parser::new_ext(text, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => plain.push_str(&t),
            Event::SoftBreak => plain.push(' '),
            Event::HardBreak => plain.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                plain.push_str("\n\n")
            }
            _ => {}
        }
    }
    plain
        .split("\n\n")
        .map(|p| {
            p.split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The first paragraph as plain text, cut at a word boundary near `max_chars`.
pub fn summary(text: &str, max_chars: usize) -> String {
    let mut plain = String::new();
    let mut in_paragraph = false;
    for event in Parser::new_ext(text, options()) {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if !plain.trim().is_empty() => break,
            Event::Text(t) | Event::Code(t) if in_paragraph => plain.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => plain.push(' '),
            _ => {}
        }
    }
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    if plain.chars().count() <= max_chars {
        return plain;
    }
    let cut: String = plain.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoLinks;
    impl LinkResolver for NoLinks {
        fn resolve(&self, destination: &str) -> Option<Result<String, String>> {
            destination
                .starts_with("dataset:")
                .then(|| Err("no such dataset".to_string()))
        }
    }

    #[test]
    fn raw_html_is_shown_as_text_and_headings_get_anchors() {
        let source = MarkdownSource {
            file: "a.md",
            first_line: 5,
        };
        let out = render(
            "# Título\n\n<script>alert(1)</script>\n\n## Título\n\n[x](dataset:a/b)\n",
            &source,
            &NoLinks,
        );
        assert!(out.html.contains("&lt;script&gt;"), "{}", out.html);
        assert!(out.html.contains("<h2 id=\"titulo\">"), "{}", out.html);
        assert!(out.html.contains("<h2 id=\"titulo-2\">"), "{}", out.html);
        assert_eq!(out.problems.len(), 1);
        assert_eq!(out.problems[0].line, Some(11));
    }

    #[test]
    fn summary_takes_the_first_paragraph() {
        assert_eq!(
            summary("Hola *mundo*.\n\nOtro párrafo.", 100),
            "Hola mundo."
        );
        assert_eq!(summary("uno dos tres cuatro", 9), "uno dos…");
    }
}
