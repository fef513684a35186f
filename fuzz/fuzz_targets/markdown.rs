//! Markdown of a story or page, rendered by the function `build` renders
//! them with (`render::markdown_html`), its id links (and embeds, once the
//! renderer knows them) resolved against the example site. Nothing may
//! panic, and the HTML may hold only what the renderer writes: no tag,
//! attribute or script address that came from the text.
#![no_main]

use abierto::diagnostics::Diagnostics;
use abierto::model::Site;
use abierto::output::urls::Urls;
use abierto::render::{IdLinks, markdown_html};
use std::sync::OnceLock;

fn example() -> &'static (Site, Urls) {
    static SITE: OnceLock<(Site, Urls)> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../example-site");
        let site = abierto::load::load_site(root.as_ref(), &Diagnostics::default())
            .expect("the example site loads");
        let urls = Urls::new(&site.portal.base_url);
        (site, urls)
    })
}

/// Tags pulldown-cmark writes for the options the renderer turns on, and the
/// `div` around tables.
const TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "img",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "div",
    "sup",
    "span",
    "section",
    "input",
];
const ATTRIBUTES: &[&str] = &[
    "href", "src", "alt", "title", "id", "class", "style", "tabindex", "start", "type", "checked",
    "disabled",
];

/// Every tag and attribute in `html` is one the renderer writes, and no link
/// runs a script.
fn check(html: &str) {
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let tag = rest.strip_prefix('/').unwrap_or(rest);
        let name_len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let name = &tag[..name_len];
        assert!(TAGS.contains(&name), "tag <{name}> in {html}");
        let end = tag.find('>').expect("a closed tag");
        let mut attributes = tag[name_len..end].trim_end_matches('/').trim();
        while !attributes.is_empty() {
            let name_end = attributes
                .find(|c: char| c == '=' || c.is_whitespace())
                .unwrap_or(attributes.len());
            let attribute = &attributes[..name_end];
            assert!(
                ATTRIBUTES.contains(&attribute),
                "attribute {attribute} in <{name}> of {html}"
            );
            attributes = &attributes[name_end..];
            if let Some(quoted) = attributes.strip_prefix("=\"") {
                let close = quoted.find('"').expect("a closed attribute value");
                let value = &quoted[..close];
                if attribute == "href" {
                    let plain: String = value
                        .chars()
                        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    assert!(
                        !plain.starts_with("javascript:")
                            && !plain.starts_with("vbscript:")
                            && !plain.starts_with("data:"),
                        "script link {value} in {html}"
                    );
                }
                attributes = &quoted[close + 1..];
            }
            attributes = attributes.trim_start();
        }
        rest = &tag[end..];
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (site, urls) = example();
    let links = IdLinks { site, urls };
    let rendered = markdown_html(
        text,
        "historias/fuzz.md",
        1,
        &links,
        &Diagnostics::default(),
    );
    check(&rendered.html);
});
