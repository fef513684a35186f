//! A story's raw HTML, made safe and balanced: the HTML a story's Markdown
//! produced goes through ammonia (the sanitizer the Rust ecosystem trusts,
//! built on html5ever's HTML5 parser), which drops `<script>`, `<style>`,
//! event attributes and `javascript:` URLs, and closes what the author left
//! open, so nothing can break the page around it. The portal makes no
//! request to another host: an `<iframe>`, `<embed>` or `<object>`, and an
//! image, video or audio whose file is elsewhere, become a plain link to it.

use ammonia::{Builder, UrlRelative};
use std::borrow::Cow;
use std::collections::HashSet;

/// Elements allowed beyond ammonia's defaults (which cover text, lists,
/// tables, images, `<details>`, `<figure>`…).
const EXTRA_TAGS: &[&str] = &["video", "audio", "source", "track"];
/// Attributes any element may keep.
const GENERIC_ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "role",
    "tabindex",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "lang",
    "title",
];

/// Cleans `html`. `relative` rewrites a relative link or file address (e.g.
/// to the copy of a file beside the story); `None` from it keeps the address.
pub fn clean(html: &str, relative: &(dyn Fn(&str) -> Option<String> + Sync)) -> String {
    let html = external_to_links(html);
    let rewrite = Rewrite { relative };
    let mut builder = Builder::default();
    builder
        .add_tags(EXTRA_TAGS)
        .add_generic_attributes(GENERIC_ATTRIBUTES)
        .add_tag_attributes(
            "video",
            &[
                "src",
                "controls",
                "poster",
                "width",
                "height",
                "preload",
                "muted",
                "loop",
                "playsinline",
            ],
        )
        .add_tag_attributes("audio", &["src", "controls", "preload", "loop"])
        .add_tag_attributes("source", &["src", "type", "media"])
        .add_tag_attributes("track", &["src", "kind", "srclang", "label", "default"])
        .add_tag_attributes("img", &["loading"])
        .add_tag_attributes("th", &["style", "scope"])
        .add_tag_attributes("td", &["style"])
        .add_tag_attributes("a", &["download"])
        .filter_style_properties(HashSet::from(["text-align"]))
        .link_rel(None)
        .url_relative(UrlRelative::Custom(Box::new(rewrite)))
        .attribute_filter(|element, attribute, value| {
            match (element, attribute) {
                // Nothing is fetched from another host.
                ("img" | "video" | "audio" | "source" | "track", "src" | "poster")
                    if is_external(value) =>
                {
                    None
                }
                (_, "tabindex") if !matches!(value.trim(), "0" | "-1") => None,
                _ => Some(Cow::Borrowed(value)),
            }
        });
    builder.clean(&html).to_string()
}

/// Rewrites relative addresses (links to pages, `#anchors` and addresses
/// with a scheme are not relative to the story's folder and stay).
struct Rewrite<'a> {
    relative: &'a (dyn Fn(&str) -> Option<String> + Sync),
}

impl<'a> ammonia::UrlRelativeEvaluate<'a> for Rewrite<'a> {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        if url.starts_with('/') || url.starts_with('#') || url.starts_with('?') {
            return Some(Cow::Borrowed(url));
        }
        Some(match (self.relative)(url) {
            Some(new) => Cow::Owned(new),
            None => Cow::Borrowed(url),
        })
    }
}

/// Whether an address points to another host.
fn is_external(url: &str) -> bool {
    let url = url.trim();
    url.starts_with("//") || url.contains("://")
}

/// Elements that would load something from elsewhere, replaced by a link
/// to it: any `<iframe>`, `<embed>`, `<object>`; `<img>`, `<video>`,
/// `<audio>` whose `src` is on another host. The link's text is the
/// element's `title` (or `alt`), else the address.
pub fn external_to_links(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    while let Some(found) = lower[i..].find('<') {
        let start = i + found;
        let name: String = lower[start + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let Some(tag_end) = tag_end(html, start) else {
            break;
        };
        let always = matches!(name.as_str(), "iframe" | "embed" | "object");
        let maybe = matches!(name.as_str(), "img" | "video" | "audio");
        if !(always || maybe) {
            out.push_str(&html[i..tag_end]);
            i = tag_end;
            continue;
        }
        let attributes = attributes(&html[start + 1 + name.len()..tag_end - 1]);
        let get = |key: &str| {
            attributes
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        let src = get("src").or_else(|| get("data")).unwrap_or_default();
        if maybe && !is_external(&src) {
            out.push_str(&html[i..tag_end]);
            i = tag_end;
            continue;
        }
        out.push_str(&html[i..start]);
        // Skip the element's content up to its closing tag (none for img and embed).
        let mut end = tag_end;
        if !matches!(name.as_str(), "img" | "embed") {
            let closing = format!("</{name}");
            if let Some(close) = lower[tag_end..].find(&closing) {
                let close = tag_end + close;
                end = lower[close..]
                    .find('>')
                    .map_or(html.len(), |e| close + e + 1);
            }
        }
        let text = get("title")
            .or_else(|| get("alt"))
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| src.clone());
        if !src.trim().is_empty() {
            out.push_str(&format!(
                r#"<a class="external-embed" href="{}">{}</a>"#,
                attribute_text(&src),
                attribute_text(&text)
            ));
        }
        i = end;
    }
    out.push_str(&html[i..]);
    out
}

/// The index just past the `>` that ends the tag starting at `start`, quotes respected.
fn tag_end(html: &str, start: usize) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (offset, c) in html[start..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(start + offset + 1),
            _ => {}
        }
    }
    None
}

/// The attributes of a tag's inside (`src="…" title='…' controls`), names lower-cased.
fn attributes(inside: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = inside.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '=' && chars[i] != '/' {
            i += 1;
        }
        if start == i {
            i += 1;
            continue;
        }
        let name: String = chars[start..i]
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        let mut value = String::new();
        if i < chars.len() && chars[i] == '=' {
            i += 1;
            if i < chars.len() && (chars[i] == '"' || chars[i] == '\'') {
                let quote = chars[i];
                i += 1;
                while i < chars.len() && chars[i] != quote {
                    value.push(chars[i]);
                    i += 1;
                }
                i += 1;
            } else {
                while i < chars.len() && !chars[i].is_whitespace() {
                    value.push(chars[i]);
                    i += 1;
                }
            }
        }
        found.push((name, decode_entities(&value)));
    }
    found
}

fn decode_entities(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attribute_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn scripts_events_and_javascript_urls_are_removed() {
        let html = clean(
            r#"<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a><style>body{display:none}</style></p>"#,
            &keep,
        );
        assert_eq!(html, "<p>a<a>b</a></p>");
    }

    #[test]
    fn unclosed_tags_are_closed() {
        let html = clean("<div><p><strong>abierto", &keep);
        assert_eq!(html, "<div><p><strong>abierto</strong></p></div>");
    }

    #[test]
    fn an_iframe_becomes_a_link_and_remote_images_too() {
        let html = clean(
            r#"<iframe width="560" src="https://www.youtube.com/embed/abc" title="Video del hackatón">x</iframe><img src="https://cdn.example.com/a.png" alt="Foto"><img src="foto.png" alt="Local">"#,
            &keep,
        );
        assert_eq!(
            html,
            r#"<a class="external-embed" href="https://www.youtube.com/embed/abc">Video del hackatón</a><a class="external-embed" href="https://cdn.example.com/a.png">Foto</a><img src="foto.png" alt="Local">"#
        );
    }

    /// A link to a place on the page (`#tabla`) or to the page with a query
    /// is not a file beside the story: it is not rewritten. A story's HTML
    /// may take an element into the keyboard's order (`tabindex="0"`) or out
    /// of it (`-1`), never reorder it (`5`: removed).
    #[test]
    fn anchors_and_queries_stay_and_only_a_natural_tab_order_is_kept() {
        let html = clean(
            r##"<a href="#tabla">t</a><a href="?q=1">q</a><p tabindex="0">a</p><p tabindex=" -1 ">b</p><p tabindex="5">c</p>"##,
            &|url: &str| Some(format!("/red/historias/x/{url}")),
        );
        assert_eq!(
            html,
            r##"<a href="#tabla">t</a><a href="?q=1">q</a><p tabindex="0">a</p><p tabindex=" -1 ">b</p><p>c</p>"##
        );
    }

    /// An embed further into the text, its attributes unquoted: the link is
    /// named by its whole title and nothing of the tag's end.
    #[test]
    fn an_embed_after_text_becomes_a_link_named_by_its_title() {
        let html = external_to_links(
            "<p>Mira el video:</p><iframe src=https://x.org/v title=Video></iframe><p>Fin</p>",
        );
        assert_eq!(
            html,
            r#"<p>Mira el video:</p><a class="external-embed" href="https://x.org/v">Video</a><p>Fin</p>"#
        );
    }

    /// A `>` inside a quoted attribute does not end the tag: the link is
    /// named by the whole title, and nothing of the tag is left as text.
    #[test]
    fn a_quoted_greater_than_sign_stays_inside_its_attribute() {
        let html = external_to_links(
            r#"<iframe title='Gasto > ingreso' src="https://x.org/v?a=1>2"></iframe><img alt="a > b" src="b.png">"#,
        );
        assert_eq!(
            html,
            r#"<a class="external-embed" href="https://x.org/v?a=1&gt;2">Gasto &gt; ingreso</a><img alt="a > b" src="b.png">"#
        );
    }

    #[test]
    fn local_video_stays_and_relative_addresses_are_rewritten() {
        let html = clean(
            r#"<video controls src="clip.mp4"><source src="https://x.org/a.mp4"></video><a href="/red/datos/">d</a>"#,
            &|url: &str| Some(format!("/red/historias/x/{url}")),
        );
        assert_eq!(
            html,
            r#"<video controls="" src="/red/historias/x/clip.mp4"><source></video><a href="/red/datos/">d</a>"#
        );
    }
}
