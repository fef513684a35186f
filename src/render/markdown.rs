//! Markdown to HTML: tables, footnotes, heading anchors, and links by id
//! (`dataset:xalapa/semaforos`, `participant:xalapa`, `story:…`, `page:…`)
//! resolved to the portal's addresses and checked. In descriptions raw HTML
//! is shown as text; in stories and pages ([`render_story`]) it passes
//! through the sanitizer, and a paragraph that is an embed line
//! (`{{ tabla(…) }}`) becomes what the [`Embedder`] makes of it.

use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::msg;
use crate::slug::slugify;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

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
    fn resolve(&self, destination: &str) -> Option<Result<String, Message>>;
}

/// A heading of the text, for a table of contents.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// Where an embed line is, to place its problems and name its ids.
pub struct EmbedPlace<'a> {
    pub file: &'a str,
    pub line: usize,
    /// 1, 2, 3… in the text: makes ids unique in the page.
    pub number: usize,
}

/// Turns embed lines (`{{ tabla(…) }}`) into HTML.
pub trait Embedder: Sync {
    /// Whether a line is written as an embed.
    fn is_embed(&self, line: &str) -> bool;
    /// The embed's HTML (trusted: it is not sanitized), or its problems.
    fn render(&self, line: &str, place: &EmbedPlace) -> Result<String, Vec<Diagnostic>>;
}

/// What a story's Markdown may do beyond a description's.
pub struct StoryText<'a> {
    pub embeds: Option<&'a dyn Embedder>,
    /// Rewrites a relative address (a file beside the story); `None` keeps it.
    pub relative: &'a (dyn Fn(&str) -> Option<String> + Sync),
}

/// Marks the place of the n-th embed in the HTML until it is put there
/// (after sanitizing, which it passes unchanged).
fn embed_marker(n: usize) -> String {
    format!("\u{E000}abierto-embed-{n}\u{E000}")
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

/// Renders Markdown to HTML, raw HTML shown as text.
pub fn render(text: &str, source: &MarkdownSource, links: &dyn LinkResolver) -> Rendered {
    render_text(text, source, links, None)
}

/// Renders a story or page: raw HTML sanitized, embeds rendered, relative
/// addresses rewritten.
pub fn render_story(
    text: &str,
    source: &MarkdownSource,
    links: &dyn LinkResolver,
    story: &StoryText,
) -> Rendered {
    render_text(text, source, links, Some(story))
}

fn render_text(
    text: &str,
    source: &MarkdownSource,
    links: &dyn LinkResolver,
    story: Option<&StoryText>,
) -> Rendered {
    let mut r = TextRenderer {
        text,
        source,
        links,
        story,
        events: Vec::new(),
        problems: Vec::new(),
        headings: Vec::new(),
        heading_start: None,
        embeds: Vec::new(),
        anchors: Anchors::default(),
        lines: LineCounter::new(text),
    };
    let mut in_embed = false;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        if in_embed {
            in_embed = !matches!(event, Event::End(TagEnd::Paragraph));
            continue;
        }
        if matches!(event, Event::Start(Tag::Paragraph)) && r.embed_paragraph(range.clone()) {
            in_embed = true;
            continue;
        }
        r.push(event, range.start);
    }
    r.finish()
}

/// One text being rendered: the events so far, with what they found.
struct TextRenderer<'a> {
    text: &'a str,
    source: &'a MarkdownSource<'a>,
    links: &'a dyn LinkResolver,
    story: Option<&'a StoryText<'a>>,
    events: Vec<Event<'a>>,
    problems: Vec<Diagnostic>,
    headings: Vec<Heading>,
    /// Where the heading being read starts in `events`.
    heading_start: Option<usize>,
    /// The HTML of each embed, in order (empty for one with problems).
    embeds: Vec<String>,
    anchors: Anchors,
    lines: LineCounter<'a>,
}

impl<'a> TextRenderer<'a> {
    /// The file line of an offset of the text.
    fn line_of(&mut self, offset: usize) -> usize {
        self.source.first_line + self.lines.newlines_before(offset)
    }

    /// Keeps an error of the text at a file line, with its help.
    fn problem(&mut self, line: usize, message: Message, help: Message) {
        self.problems.push(
            Diagnostic::error(self.source.file, message)
                .at_line(line)
                .help(help),
        );
    }

    /// For a paragraph starting at `range` in a story: when it is one embed
    /// line, its marker is pushed and `true` returned; an embed line among
    /// others is a problem.
    fn embed_paragraph(&mut self, range: Range<usize>) -> bool {
        let Some(embedder) = self.story.and_then(|s| s.embeds) else {
            return false;
        };
        let text = self.text;
        let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let paragraph = &text[line_start..range.end];
        let lines: Vec<&str> = paragraph.trim_end().lines().collect();
        if lines.len() == 1 && embedder.is_embed(lines[0]) {
            let place = EmbedPlace {
                file: self.source.file,
                line: self.line_of(range.start),
                number: self.embeds.len() + 1,
            };
            match embedder.render(lines[0], &place) {
                Ok(html) => self.embeds.push(html),
                Err(found) => {
                    self.problems.extend(found);
                    self.embeds.push(String::new());
                }
            }
            let marker = embed_marker(self.embeds.len());
            self.events.push(Event::Html(CowStr::from(marker)));
            return true;
        }
        if let Some(i) = lines.iter().position(|l| embedder.is_embed(l)) {
            let line = self.line_of(range.start) + i;
            self.problem(
                line,
                msg!("render-embed-in-paragraph"),
                msg!("render-embed-in-paragraph-help"),
            );
        }
        false
    }

    /// Pushes an event (at `offset` in the text), as the portal writes it.
    fn push(&mut self, event: Event<'a>, offset: usize) {
        let event = match event {
            Event::Html(raw) | Event::InlineHtml(raw) if self.story.is_none() => Event::Text(raw),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: self.link_address(dest_url, offset),
                title,
                id,
            }),
            // An image's `data:` address is a picture; a script one is refused.
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if script_scheme(&dest_url).is_some_and(|scheme| scheme != "data:") => {
                let line = self.line_of(offset);
                self.problem(
                    line,
                    msg!("render-image-script", address = dest_url.as_ref()),
                    msg!("render-image-script-help"),
                );
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: CowStr::from(""),
                    title,
                    id,
                })
            }
            // `{key=value}` attributes are dropped: `{onclick=…}` would be a script.
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                self.heading_start = Some(self.events.len());
                Event::Start(Tag::Heading {
                    level: demoted(level),
                    id,
                    classes,
                    attrs: Vec::new(),
                })
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = self.heading_start.take() {
                    name_heading(
                        &mut self.events,
                        start,
                        &mut self.headings,
                        &mut self.anchors,
                    );
                }
                Event::End(TagEnd::Heading(demoted(level)))
            }
            Event::Start(Tag::Table(alignments)) => {
                self.events.push(Event::Html(CowStr::from(
                    "<div class=\"table-scroll\" tabindex=\"0\">",
                )));
                Event::Start(Tag::Table(alignments))
            }
            Event::End(TagEnd::Table) => {
                self.events.push(Event::End(TagEnd::Table));
                Event::Html(CowStr::from("</div>"))
            }
            other => other,
        };
        self.events.push(event);
    }

    /// A link's address: an id link resolved, a script refused (each
    /// problem kept), any other address as written.
    fn link_address(&mut self, dest_url: CowStr<'a>, offset: usize) -> CowStr<'a> {
        match self.links.resolve(&dest_url) {
            Some(Ok(href)) => CowStr::from(href),
            Some(Err(help)) => {
                let line = self.line_of(offset);
                let address = dest_url.as_ref();
                self.problem(line, msg!("render-link-unknown", address = address), help);
                dest_url
            }
            None if script_scheme(&dest_url).is_some() => {
                let line = self.line_of(offset);
                self.problem(
                    line,
                    msg!("render-link-script", address = dest_url.as_ref()),
                    msg!("render-link-script-help"),
                );
                CowStr::from("")
            }
            None => dest_url,
        }
    }

    /// The HTML (a story's sanitized, its embeds put in place), headings and problems.
    fn finish(self) -> Rendered {
        let mut html_out = String::with_capacity(self.text.len() * 3 / 2);
        html::push_html(&mut html_out, self.events.into_iter());
        if let Some(story) = self.story {
            html_out = super::sanitize::clean(&html_out, story.relative);
            for (i, embed) in self.embeds.iter().enumerate() {
                html_out = html_out.replacen(&embed_marker(i + 1), embed, 1);
            }
        }
        Rendered {
            html: html_out,
            headings: self.headings,
            problems: self.problems,
        }
    }
}

/// Headings start at level 2: the page's title is its `<h1>`.
fn demoted(level: HeadingLevel) -> HeadingLevel {
    if level == HeadingLevel::H1 {
        HeadingLevel::H2
    } else {
        level
    }
}

/// The scheme that makes a link run code when followed: `javascript:`,
/// `vbscript:` or `data:` (read as a browser reads it: tabs and newlines
/// removed, leading spaces and control characters ignored, any case).
fn script_scheme(destination: &str) -> Option<&'static str> {
    let plain: String = destination
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .into_iter()
        .find(|scheme| plain.starts_with(scheme))
}

/// Counts the newlines before an offset, going on from the last offset asked
/// about (links come in order), so a text with many links is read once.
pub(crate) struct LineCounter<'a> {
    text: &'a str,
    offset: usize,
    newlines: usize,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            offset: 0,
            newlines: 0,
        }
    }

    pub(crate) fn newlines_before(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            self.offset = 0;
            self.newlines = 0;
        }
        let bytes = &self.text.as_bytes()[self.offset..offset];
        self.newlines += bytes.iter().filter(|b| **b == b'\n').count();
        self.offset = offset;
        self.newlines
    }
}

/// The heading ids given so far, and for each base id the next number to try.
#[derive(Default)]
struct Anchors {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Anchors {
    /// `base`, or `base-2`, `base-3`… the first not given yet.
    fn unique(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        let mut n = self.next.get(&base).copied().unwrap_or(2);
        let mut unique = format!("{base}-{n}");
        while !self.used.insert(unique.clone()) {
            n += 1;
            unique = format!("{base}-{n}");
        }
        self.next.insert(base, n + 1);
        unique
    }
}

/// Gives the heading that starts at `events[start]` a unique id, and records it.
fn name_heading(
    events: &mut [Event],
    start: usize,
    headings: &mut Vec<Heading>,
    anchors: &mut Anchors,
) {
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
        let unique = anchors.unique(base);
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
        fn resolve(&self, destination: &str) -> Option<Result<String, Message>> {
            destination
                .starts_with("dataset:")
                .then(|| Err(crate::msg!("render-link-no-id", kind = "dataset", id = "x")))
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
