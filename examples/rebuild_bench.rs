//! Times the rebuilds `abierto serve` does after one edit, through the same
//! code path (`build::Session::run` with the changed files): it loads a site,
//! builds it once, then edits one story and one dataset descriptor in turn
//! (appending a paragraph, changing the title), timing each rebuild, and puts
//! the files back as they were.
//!
//! ```text
//! cargo run --release --example rebuild_bench -- SITE [--runs 5]
//! ```
//!
//! Prints the first build and the median (and the fastest) of each rebuild,
//! with the pages it rendered again and the data files it read, then the
//! session's peak memory. Used by `bench/run.sh`; the figures go to
//! `BENCHMARKS.md`.

use abierto::build::{BuildOptions, Session};
use abierto::load::{Change, ChangeKind, classify};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut site = None;
    let mut runs = 5usize;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs),
            _ => site = Some(PathBuf::from(arg)),
        }
    }
    let Some(site) = site else {
        eprintln!("usage: rebuild_bench SITE [--runs N]");
        std::process::exit(2);
    };
    let site = site.canonicalize().unwrap_or(site);
    let story = first_file(&site.join("participants"), &|p| {
        p.extension().is_some_and(|e| e == "md")
            && p.parent()
                .and_then(|d| d.file_name())
                .is_some_and(|n| n == "historias")
    });
    let descriptor = first_file(&site.join("participants"), &|p| {
        p.extension().is_some_and(|e| e == "toml")
            && p.file_name().is_some_and(|n| n != "participant.toml")
    });
    let (Some(story), Some(descriptor)) = (story, descriptor) else {
        eprintln!("the site has no story or no dataset descriptor under participants/");
        std::process::exit(2);
    };

    // As `serve` builds: drafts shown, no minification.
    let mut session = Session::new(BuildOptions::preview(site.clone()));
    let first = session.run(&[]);
    if first.errors() > 0 {
        eprintln!("the site has errors: {:#?}", first.diagnostics);
        std::process::exit(1);
    }
    println!(
        "first build (session): {:.3} s, {} pages, {} data files read",
        first.elapsed.as_secs_f64(),
        first.pages,
        first.data_files_read
    );
    let nothing = session.run(&[]);
    println!(
        "rebuild, nothing changed: {:.1} ms, {} pages rendered, {} data files read",
        ms(nothing.elapsed),
        nothing.pages_rendered,
        nothing.data_files_read
    );

    for (label, path, edit) in [
        ("one story edited", &story, Edit::Paragraph),
        ("one descriptor edited", &descriptor, Edit::Title),
    ] {
        let original = std::fs::read_to_string(path).expect("read the file to edit");
        let change = classify(&site, path).unwrap_or(Change {
            kind: ChangeKind::Story,
            path: path.to_path_buf(),
            name: path.display().to_string(),
        });
        let mut times = Vec::new();
        let mut rendered = 0;
        let mut read = 0;
        for run in 0..runs {
            std::fs::write(path, edit.apply(&original, run)).expect("edit the file");
            let rebuilt = session.run(std::slice::from_ref(&change));
            if rebuilt.errors() > 0 {
                eprintln!("the edit broke the site: {:#?}", rebuilt.diagnostics);
            }
            times.push(rebuilt.elapsed);
            rendered = rebuilt.pages_rendered;
            read = rebuilt.data_files_read;
        }
        std::fs::write(path, &original).expect("restore the edited file");
        session.run(std::slice::from_ref(&change));
        times.sort();
        println!(
            "rebuild, {label} ({}): median {:.1} ms, fastest {:.1} ms over {runs} runs; {rendered} pages rendered, {read} data files read",
            change.name,
            ms(times[times.len() / 2]),
            ms(times[0]),
        );
    }
    if let Some(peak) = memory("VmHWM:") {
        println!(
            "session memory: peak {peak} MB, held now {} MB",
            memory("VmRSS:").unwrap_or(0)
        );
    }
}

/// A memory figure of this process from /proc (Linux), in MB.
fn memory(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kilobytes: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix(key))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kilobytes / 1024)
}

#[derive(Clone, Copy)]
enum Edit {
    Paragraph,
    Title,
}

impl Edit {
    fn apply(self, original: &str, run: usize) -> String {
        match self {
            Edit::Paragraph => format!("{original}\nOtro párrafo añadido en la prueba {run}.\n"),
            Edit::Title => original
                .lines()
                .map(|line| match line.strip_prefix("title = \"") {
                    Some(rest) if rest.ends_with('"') => {
                        format!("title = \"{} (edición {run})\"", &rest[..rest.len() - 1])
                    }
                    _ => line.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The first file (in name order) under `dir` that `wanted` accepts.
fn first_file(dir: &Path, wanted: &dyn Fn(&Path) -> bool) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if let Some(found) = first_file(&path, wanted) {
                return Some(found);
            }
        } else if wanted(&path) {
            return Some(path);
        }
    }
    None
}
