//! Every import points down the pipeline: load → analyse → history → rules →
//! render → output, with `build`, `check`, `serve`, `scaffold` and `import` above them
//! all. This test reads the sources and names each arrow that points up.

use std::path::{Path, PathBuf};

/// Modules that stand above the pipeline: no stage may use them.
const COMMANDS: &[&str] = &["check", "build", "serve", "scaffold", "import"];

/// Leaves: modules every stage may use, which use no stage of the pipeline
/// (only `model`, the types of a loaded site, and each other).
const LEAF: &[&str] = &["render", "output", "rules", "history", "analyse", "load"];

/// What each layer of the pipeline may not use (besides [`COMMANDS`]).
const LAYERS: &[(&str, &[&str])] = &[
    ("render", &[]),
    ("output", &[]),
    ("rules", &["render", "output"]),
    ("history", &["render", "output", "rules"]),
    ("analyse", &["render", "output", "rules", "history"]),
    ("load", &["render", "output", "rules", "history", "analyse"]),
    (
        "model",
        &["render", "output", "rules", "history", "analyse"],
    ),
    ("clock", LEAF),
    ("percent", LEAF),
    ("timing", LEAF),
    ("platform", LEAF),
    ("slug", LEAF),
    ("sync", LEAF),
    ("toml_text", LEAF),
    ("messages", LEAF),
    ("progress", LEAF),
    ("interrupt", LEAF),
    (
        "diagnostics",
        &["render", "output", "rules", "history", "analyse", "load"],
    ),
];

/// Known arrows up, each (file, module it uses), with the reason; none today.
const KNOWN: &[(&str, &str)] = &[];

/// A use of another top-level module of the crate: the line and the path as written.
struct Use {
    line: usize,
    module: String,
    written: String,
}

#[test]
fn every_import_points_down_the_pipeline() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut arrows_up = Vec::new();
    for file in rust_files(&root.join("src")) {
        let relative = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let module_path = module_path(&relative);
        let Some((layer, forbidden)) = LAYERS.iter().find(|(l, _)| module_path[0] == *l) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        for found in uses(&without_comments(&text), &module_path) {
            let up = COMMANDS.contains(&found.module.as_str())
                || forbidden.contains(&found.module.as_str());
            let known = KNOWN.contains(&(relative.as_str(), found.module.as_str()));
            if up && !known {
                arrows_up.push(format!(
                    "{relative}:{}: `{}` points up: `{layer}` may not use `{}`",
                    found.line, found.written, found.module
                ));
            }
        }
    }
    assert!(
        arrows_up.is_empty(),
        "arrows that point up:\n{}",
        arrows_up.join("\n")
    );
}

#[test]
fn the_scanner_sees_paths_groups_and_super_escapes() {
    let text = "use crate::check::links;\nuse crate::{model::Site, output::{urls, writer}};\nfn f() { crate::build::phase(); super::super::serve::x(); super::views::y(); }\n";
    let found: Vec<(usize, String)> = uses(text, &["render".into(), "embeds".into()])
        .into_iter()
        .map(|u| (u.line, u.module))
        .collect();
    let expected = [
        (1, "check"),
        (2, "model"),
        (2, "output"),
        (3, "build"),
        (3, "serve"),
    ];
    assert_eq!(
        found,
        expected.map(|(l, m)| (l, m.to_string())).to_vec(),
        "`super::views` stays inside render"
    );
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}

/// `src/render/embeds/mod.rs` → `[render, embeds]`; `src/clock.rs` → `[clock]`.
fn module_path(relative: &str) -> Vec<String> {
    let inner = relative.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: Vec<String> = inner.split('/').map(str::to_string).collect();
    if parts.len() > 1 && parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The text with its comment lines blanked (doc links may name any module).
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.trim_start().starts_with("//") {
                ""
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn ident_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    &rest[..rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len())]
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// Every top-level module the text uses: `crate::x…`, each item of a
/// `crate::{…}` group, and `super::…` chains that climb out of the file's layer.
fn uses(text: &str, module_path: &[String]) -> Vec<Use> {
    let mut found = Vec::new();
    let starts = |pattern: &'static str| {
        text.match_indices(pattern)
            .map(|(i, _)| i)
            .filter(|&i| !text[..i].ends_with(|c: char| is_ident(c) || c == ':'))
            .collect::<Vec<_>>()
    };
    for at in starts("crate::") {
        let after = at + "crate::".len();
        if text[after..].starts_with('{') {
            for (item, module) in group_items(text, after) {
                found.push(Use {
                    line: line_of(text, item),
                    module: module.to_string(),
                    written: format!("crate::{module}"),
                });
            }
        } else {
            let module = ident_at(text, after);
            found.push(Use {
                line: line_of(text, at),
                module: module.to_string(),
                written: format!("crate::{module}"),
            });
        }
    }
    for at in starts("super::") {
        let mut after = at;
        let mut climbs = 0;
        while text[after..].starts_with("super::") {
            after += "super::".len();
            climbs += 1;
        }
        let module = ident_at(text, after);
        if climbs >= module_path.len() && !module.is_empty() {
            found.push(Use {
                line: line_of(text, at),
                module: module.to_string(),
                written: text[at..after + module.len()].to_string(),
            });
        }
    }
    found.sort_by_key(|u| u.line);
    found
}

/// The first name of each item of the `{…}` group that starts at `open`, with its offset.
fn group_items(text: &str, open: usize) -> Vec<(usize, &str)> {
    let mut items = Vec::new();
    let mut depth = 0;
    let mut item_start = open + 1;
    for (i, c) in text[open..].char_indices().map(|(i, c)| (open + i, c)) {
        match c {
            '{' => depth += 1,
            '}' | ',' if depth == 1 => {
                let start = item_start
                    + (text[item_start..i].len() - text[item_start..i].trim_start().len());
                let name = ident_at(text, start);
                if !name.is_empty() && name != "self" {
                    items.push((start, name));
                }
                item_start = i + 1;
                if c == '}' {
                    break;
                }
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    items
}
