//! What must always hold, whatever the input: slugs are URL segments, every
//! address stays under the base URL, a path leaving the site is always refused,
//! and Markdown never lets markup of its own through (descriptions show raw
//! HTML as text; stories sanitize it and never load anything from elsewhere).

use abierto::load::{PathProblem, resolve_in_site};
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
        // The path the generated base names, worked out here, not by `Urls`.
        let expected_base = format!("{base}/");
        let id = format!("{}/{}", slugify(&participant), slugify(&dataset));
        for route in [Urls::dataset(&id), Urls::keyword(&keyword), Urls::participant(&slugify(&participant)), Urls::home()] {
            let href = urls.href(&route);
            prop_assert!(href.starts_with(&expected_base), "{href} is not under {expected_base}");
            let absolute = urls.absolute(&route);
            prop_assert!(absolute.starts_with(&format!("https://portal.example.org{expected_base}")), "{absolute}");
            let file = route.output_file();
            prop_assert!(!file.starts_with('/') && !file.split('/').any(|s| s == ".." || s == "."), "{file}");
            prop_assert_eq!(&href[expected_base.len()..], route.as_str());
        }
    }

    #[test]
    fn a_path_leaving_the_site_is_always_refused(
        ups in 1usize..6,
        rest in "[a-z]{1,8}(/[a-z]{1,8}){0,2}",
        absolute in any::<bool>(),
    ) {
        // The site sits eight folders deep in a temporary folder, so every
        // target below lies inside that folder, and it exists: only the
        // containment check can refuse it (not `Missing`).
        let dir = tempfile::tempdir().unwrap();
        let top = std::fs::canonicalize(dir.path()).unwrap();
        let root = top.join("a/b/c/d/e/f/g/site");
        let folder = root.join("participants/x");
        std::fs::create_dir_all(&folder).unwrap();
        // Two levels below the root: three `..` or more leave the site.
        let above = ups + 2;
        let outside = (0..above).fold(folder.clone(), |p, _| p.parent().unwrap().to_path_buf());
        prop_assert!(!outside.starts_with(&root));
        let target = outside.join(&rest);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        if !target.is_dir() {
            std::fs::write(&target, "secreto").unwrap();
        }
        let (written, refusal) = if absolute {
            (target.to_string_lossy().into_owned(), PathProblem::Absolute)
        } else {
            (format!("{}{rest}", "../".repeat(above)), PathProblem::LeavesSite)
        };
        prop_assert!(target.exists());
        prop_assert_eq!(resolve_in_site(&root, &folder, &written), Err(refusal));
        // A link inside the site that points at the same target is refused too.
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&target, folder.join("enlace")).unwrap();
            prop_assert_eq!(resolve_in_site(&root, &folder, "enlace"), Err(PathProblem::LeavesSite));
        }
    }

    #[test]
    fn markdown_never_lets_raw_markup_through(text in "(\\PC|<|>|\"|'|&|\n){0,200}") {
        struct NoLinks;
        impl LinkResolver for NoLinks {
            fn resolve(&self, _: &str) -> Option<Result<String, abierto::messages::Message>> { None }
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
