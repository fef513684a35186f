//! Descriptions written in HTML (CKAN's and ArcGIS Hub's, pasted into JKAN)
//! become Markdown, abierto's description format, with `htmd` (a maintained
//! turndown port on html5ever): paragraphs, emphasis, links and lists stay;
//! styles, scripts and unknown tags go, their text kept.

/// Tags whose presence makes a text HTML rather than Markdown with a `<`.
const TAGS: &[&str] = &[
    "p",
    "br",
    "a",
    "b",
    "i",
    "strong",
    "em",
    "div",
    "span",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "h1",
    "h2",
    "h3",
    "h4",
    "font",
    "u",
    "img",
    "hr",
    "blockquote",
    "pre",
    "code",
];

/// Whether a description is HTML: it holds one of [`TAGS`] as a tag.
pub fn is_html(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.match_indices('<').any(|(at, _)| {
        let rest = lower[at + 1..].trim_start_matches('/');
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        TAGS.contains(&name.as_str())
            && rest[name.len()..].starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace())
    })
}

/// The Markdown of an HTML text; `None` when the converter fails.
pub fn to_markdown(html: &str) -> Option<String> {
    let options = htmd::options::Options {
        bullet_list_marker: htmd::options::BulletListMarker::Dash,
        ul_bullet_spacing: 1,
        ol_number_spacing: 1,
        ..htmd::options::Options::default()
    };
    let converter = htmd::HtmlToMarkdown::builder()
        .options(options)
        .skip_tags(vec![
            "script", "style", "head", "title", "meta", "link", "iframe", "object",
        ])
        .build();
    let markdown = converter.convert(html).ok()?;
    let mut text = String::new();
    let mut blank = 0;
    for line in markdown.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        text.push_str(line);
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_descriptions_become_markdown() {
        let html = "<p style='text-align:justify'><b>Accidentes</b> de <a href=\"https://x.org/a\">tránsito</a>.</p><p>Incluye:</p><ul><li>fecha</li><li>colonia</li></ul><script>alert(1)</script>";
        assert!(is_html(html));
        let markdown = to_markdown(html).unwrap();
        assert!(
            markdown.starts_with("**Accidentes** de [tránsito](https://x.org/a)."),
            "{markdown}"
        );
        assert!(markdown.contains("\n\nIncluye:\n\n"), "{markdown}");
        assert!(
            markdown.contains("fecha") && markdown.contains("colonia"),
            "{markdown}"
        );
        assert!(
            !markdown.contains("alert") && !markdown.contains('<'),
            "{markdown}"
        );
    }

    #[test]
    fn markdown_with_angle_brackets_is_not_html() {
        assert!(!is_html("Montos < 100 y > 5; ver <https://x.org>"));
        assert!(!is_html("**Negritas** y _cursivas_"));
        assert!(is_html("Una línea<br/>otra"));
    }
}
