//! The memory and time of diffing a large CSV between two commits, through the
//! same code a build runs (`history::History::read`): it writes a site whose
//! one dataset has a CSV of `--rows` rows (about 100 bytes each: 1,000,000 rows
//! is a 100 MB file) keyed by `id`, commits it with `git`, revises a few rows,
//! adds and removes some, commits again, then reads the history (no cache
//! folder, so the diff really runs) and prints the counts found, the time, and
//! the process's peak memory (VmHWM) before and after.
//!
//! ```text
//! cargo run --release --example history_bench -- [--rows 1000000] [--dir DIR]
//! ```
//!
//! Used by `bench/history.sh`; the figures go to `BENCHMARKS.md`.

use abierto::diagnostics::Diagnostics;
use abierto::history::History;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut rows = 1_000_000usize;
    let mut dir = std::env::temp_dir().join("abierto-history-bench");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rows" => rows = args.next().and_then(|n| n.parse().ok()).unwrap_or(rows),
            "--dir" => dir = args.next().map(Into::into).unwrap_or(dir),
            other => {
                eprintln!("unknown argument {other}; usage: history_bench [--rows N] [--dir DIR]");
                std::process::exit(2);
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    let csv = write_site(&dir, rows);
    git(&dir, &["init", "-q", "-b", "main"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "Primera versión"]);
    revise(&csv, rows);
    git(&dir, &["commit", "-q", "-a", "-m", "Revisa filas"]);
    let bytes = std::fs::metadata(&csv).map_or(0, |m| m.len());
    println!("CSV: {rows} rows, {:.1} MB", bytes as f64 / 1e6);

    let diagnostics = Diagnostics::default();
    let site = abierto::load::load_site(&dir, &diagnostics).expect("the site loads");
    let before = peak_kb();
    let started = Instant::now();
    let history = History::read(&site, None, None);
    let elapsed = started.elapsed();
    let entry = &history.of("prueba/grande")[0];
    let table = entry.files[0].table.as_ref().expect("a table diff");
    println!(
        "diff: {} added, {} removed, {} changed (keyed by {:?}), {} sampled rows",
        table.added,
        table.removed,
        table.changed,
        table.keyed_by,
        table.sample.len()
    );
    println!(
        "history read in {:.2} s; peak memory (VmHWM) {:.1} MB before, {:.1} MB after",
        elapsed.as_secs_f64(),
        before as f64 / 1024.0,
        peak_kb() as f64 / 1024.0
    );
}

/// A site of one dataset whose CSV has `rows` rows; returns the CSV's path.
fn write_site(dir: &Path, rows: usize) -> std::path::PathBuf {
    let data = dir.join("participants/prueba/datos");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        dir.join("portal.toml"),
        "title = \"Banco\"\ndefault_license = \"cc0-1.0\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("participants/prueba/participant.toml"),
        "name = \"Prueba\"\nshort_name = \"Prueba\"\nkind = \"municipio\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("participants/prueba/grande.toml"),
        "title = \"Grande\"\ndescription = \"Un CSV grande.\"\n\n[[resources]]\npath = \"datos/grande.csv\"\nprimary_key = \"id\"\n",
    )
    .unwrap();
    let csv = data.join("grande.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    writeln!(out, "id,fecha,colonia,tipo,monto,latitud,longitud,nota").unwrap();
    for i in 0..rows {
        writeln!(out, "{}", row(i, "")).unwrap();
    }
    csv
}

fn row(i: usize, note: &str) -> String {
    format!(
        "{i},2024-{:02}-{:02},Colonia número {},Tipo {},{}.{:02},19.{:06},-96.{:06},{note}observación {}",
        i % 12 + 1,
        i % 28 + 1,
        i % 500,
        i % 7,
        i * 37 % 100_000,
        i % 100,
        i * 7919 % 1_000_000,
        i * 104_729 % 1_000_000,
        i % 1000
    )
}

/// Revises 5 rows, removes 3 and adds 4 (line by line: the process never
/// holds the file, so its peak memory is the history's).
fn revise(csv: &Path, rows: usize) {
    use std::io::BufRead;
    let old = csv.with_extension("old");
    std::fs::rename(csv, &old).unwrap();
    let text = std::io::BufReader::new(std::fs::File::open(&old).unwrap());
    let mut out = std::io::BufWriter::new(std::fs::File::create(csv).unwrap());
    let revised: Vec<usize> = (1..=5).map(|k| k * rows / 7).collect();
    let removed: Vec<usize> = (1..=3).map(|k| k * rows / 5 + 1).collect();
    for (n, line) in text.lines().enumerate() {
        let line = line.unwrap();
        let i = n.wrapping_sub(1);
        if n > 0 && removed.contains(&i) {
            continue;
        }
        if n > 0 && revised.contains(&i) {
            writeln!(out, "{}", row(i, "revisada: ")).unwrap();
        } else {
            writeln!(out, "{line}").unwrap();
        }
    }
    for i in rows..rows + 4 {
        writeln!(out, "{}", row(i, "")).unwrap();
    }
    out.flush().unwrap();
    std::fs::remove_file(old).unwrap();
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Banco")
        .env("GIT_AUTHOR_EMAIL", "banco@example.org")
        .env("GIT_COMMITTER_NAME", "Banco")
        .env("GIT_COMMITTER_EMAIL", "banco@example.org")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// The process's peak resident memory, in KB (Linux; 0 elsewhere).
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(|n| n.parse().unwrap_or(0)))
        })
        .unwrap_or(0)
}
