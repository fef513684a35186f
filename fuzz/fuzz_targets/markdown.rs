//! Markdown as `build` renders it: a description through
//! `render::markdown_html` (raw HTML shown as text), and a story through
//! `render::story_markdown` (embed lines such as `{{ tabla(…) }}` drawn from
//! the example site's data, raw HTML sanitized), id links resolved against
//! the example site. Nothing may panic. A description's HTML may hold only
//! what the renderer writes; a story's no script, event attribute, frame or
//! script link.
#![no_main]

use abierto::analyse::{self, AnalysisCache};
use abierto::diagnostics::Diagnostics;
use abierto::model::Site;
use abierto::output::urls::Urls;
use abierto::render::embeds::Embeds;
use abierto::render::embeds::share::Share;
use abierto::render::markdown::MarkdownSource;
use abierto::render::{IdLinks, Translation, markdown_html, story_markdown};
use std::sync::{Mutex, OnceLock};

struct Example {
    site: Site,
    urls: Urls,
    analysis: analyse::Analysis,
    t: Translation,
}

fn example() -> &'static Example {
    static EXAMPLE: OnceLock<Example> = OnceLock::new();
    EXAMPLE.get_or_init(|| {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../example-site");
        let diagnostics = Diagnostics::default();
        let site =
            abierto::load::load_site(root.as_ref(), &diagnostics).expect("the example site loads");
        let mut cache = AnalysisCache::default();
        cache.dir =
            Some(std::env::temp_dir().join(format!("abierto-fuzz-cache-{}", std::process::id())));
        let analysis = analyse::analyse_cached(
            &site,
            &mut cache,
            &diagnostics,
            &abierto::progress::Progress::hidden(),
        );
        Example {
            urls: Urls::new(&site.portal.base_url),
            t: Translation::for_language(site.portal.language),
            site,
            analysis,
        }
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

/// Tags that must never come out of a story, whatever its raw HTML.
const NEVER: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "frame", "frameset", "base", "meta", "link",
    "form",
];

/// Walks the tags of `html` (as an HTML serializer writes them: text `<`
/// escaped, attribute values quoted). `strict`: every tag and attribute is
/// one the Markdown renderer writes; otherwise none is a script, frame or
/// event attribute. No link runs a script either way.
fn check(html: &str, strict: bool) {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(at) = html[i..].find('<') {
        i += at + 1;
        if html[i..].starts_with('!') || html[i..].starts_with('?') {
            i += html[i..].find('>').expect("a closed declaration");
            continue;
        }
        if html[i..].starts_with('/') {
            i += 1;
        }
        let name_len = html[i..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(html.len() - i);
        let name = html[i..i + name_len].to_ascii_lowercase();
        i += name_len;
        if strict {
            assert!(TAGS.contains(&name.as_str()), "tag <{name}> in {html}");
        } else {
            assert!(!NEVER.contains(&name.as_str()), "tag <{name}> in {html}");
        }
        // Attributes until the tag's `>`.
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let start = i;
            while i < bytes.len()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
                && !bytes[i].is_ascii_whitespace()
            {
                i += 1;
            }
            let attribute = html[start..i].to_ascii_lowercase();
            if strict {
                assert!(
                    ATTRIBUTES.contains(&attribute.as_str()),
                    "attribute {attribute} in <{name}> of {html}"
                );
            } else {
                assert!(
                    !attribute.starts_with("on"),
                    "attribute {attribute} in <{name}> of {html}"
                );
            }
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                let value = match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let close = html[i + 1..].find(quote as char).expect("a closed value");
                        let value = &html[i + 1..i + 1 + close];
                        i += close + 2;
                        value
                    }
                    _ => {
                        let start = i;
                        while i < bytes.len() && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace()
                        {
                            i += 1;
                        }
                        &html[start..i]
                    }
                };
                if matches!(attribute.as_str(), "href" | "src" | "xlink:href" | "action") {
                    let plain: String = value
                        .chars()
                        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    assert!(
                        !plain.starts_with("javascript:")
                            && !plain.starts_with("vbscript:")
                            && !(attribute != "src" && plain.starts_with("data:")),
                        "script link {value} in {html}"
                    );
                }
            }
        }
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let example = example();
    let links = IdLinks {
        site: &example.site,
        pages: &example.site.pages,
        urls: &example.urls,
    };
    let description = markdown_html(
        text,
        "participants/p/d.toml",
        1,
        &links,
        &Diagnostics::default(),
    );
    check(&description.html, true);

    // Its charts, tables and maps are shared («Insertar»), as in a story.
    let figures = Mutex::new(Vec::new());
    let embeds = Embeds {
        site: &example.site,
        analysis: &example.analysis,
        urls: &example.urls,
        t: &example.t,
        share: Some(Share {
            story_id: "fuzz",
            figures: &figures,
        }),
    };
    let folder = |relative: &str| Urls::story_file("fuzz", relative);
    let source = MarkdownSource {
        file: "historias/fuzz.md",
        first_line: 5,
    };
    let (story, _files) = story_markdown(
        text,
        source,
        &links,
        &embeds,
        Some(&folder),
        &Diagnostics::default(),
    );
    check(&story.html, false);
});
