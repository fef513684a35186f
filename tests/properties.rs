//! What must always hold, whatever the input: slugs are URL segments, every
//! address stays under the base URL, a path leaving the site is always refused,
//! and Markdown never lets markup of its own through (descriptions show raw
//! HTML as text; stories sanitize it and never load anything from elsewhere).

use abierto::load::resolve_in_site;
use abierto::output::urls::Urls;
use abierto::render::markdown::{LinkResolver, MarkdownSource, StoryText, render, render_story};
use abierto::slug::slugify;
use proptest::prelude::*;

fn is_url_segment(slug: &str) -> bool {
    slug.split('-').all(|part| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

proptest! {
    #[test]
    fn slugs_are_url_segments_and_stable(text in "\\PC{0,40}") {
        let slug = slugify(&text);
        prop_assert!(slug.is_empty() || is_url_segment(&slug), "{slug:?}");
        prop_assert_eq!(slugify(&slug), slug.clone());
    }

    #[test]
    fn every_address_stays_under_the_base_url(
        base in "(/[a-z0-9-]{1,8}){0,3}",
        participant in "\\PC{1,20}",
        dataset in "\\PC{1,20}",
        keyword in "\\PC{1,20}",
    ) {
        let urls = Urls::new(&format!("https://portal.example.org{base}"));
        let id = format!("{}/{}", slugify(&participant), slugify(&dataset));
        for route in [Urls::dataset(&id), Urls::keyword(&keyword), Urls::participant(&slugify(&participant)), Urls::home()] {
            let href = urls.href(&route);
            prop_assert!(href.starts_with(urls.base_path()), "{href}");
            prop_assert!(urls.absolute(&route).starts_with("https://portal.example.org/"));
            let file = route.output_file();
            prop_assert!(!file.starts_with('/') && !file.split('/').any(|s| s == ".." || s == "."), "{file}");
        }
    }

    #[test]
    fn a_path_leaving_the_site_is_always_refused(
        ups in 1usize..6,
        rest in "[a-z]{1,8}(/[a-z]{1,8}){0,2}",
        absolute in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let folder = root.join("participants/x");
        std::fs::create_dir_all(&folder).unwrap();
        // Two levels below the root: three `..` or more leave the site.
        let written = if absolute { format!("/{rest}") } else { format!("{}{rest}", "../".repeat(ups + 2)) };
        prop_assert!(resolve_in_site(&root, &folder, &written).is_err());
    }

    #[test]
    fn markdown_never_lets_raw_markup_through(text in "(\\PC|<|>|\"|'|&|\n){0,200}") {
        struct NoLinks;
        impl LinkResolver for NoLinks {
            fn resolve(&self, _: &str) -> Option<Result<String, String>> { None }
        }
        let hostile = format!("{text}\n\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n<iframe src=\"https://x.org/\"></iframe><a href=\"javascript:alert(1)\">a</a><div style=\"position:fixed\"><p><b>\n");
        let source = MarkdownSource { file: "a.md", first_line: 1 };
        let keep = |_: &str| None;
        let story = StoryText { embeds: None, relative: &keep };
        for html in [
            render(&hostile, &source, &NoLinks).html,
            render_story(&hostile, &source, &NoLinks, &story).html,
        ] {
            let document = scraper::Html::parse_fragment(&html);
            for element in document.tree.values().filter_map(|n| n.as_element()) {
                prop_assert!(!matches!(element.name(), "script" | "iframe" | "style" | "object" | "embed"), "{html}");
                prop_assert!(element.attrs().all(|(name, value)| !name.starts_with("on") && (name != "style" || value.starts_with("text-align"))), "{html}");
                for (name, value) in element.attrs() {
                    let value = value.trim().to_ascii_lowercase();
                    prop_assert!(!value.starts_with("javascript:"), "{html}");
                    if name == "src" {
                        prop_assert!(!value.contains("://") && !value.starts_with("//"), "{html}");
                    }
                }
            }
        }
    }
}
