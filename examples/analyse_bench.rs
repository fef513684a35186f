//! Benchmark of the one-pass analysis: generates a CSV of at least 1 GB
//! (Windows-1252, `;`, decimal commas, coordinates, one text column of
//! high cardinality), analyses it once (hash, sniff, profile, preview, UTF-8
//! copy) and prints the throughput and the peak memory of the process.
//!
//! `cargo run --release --example analyse_bench [SIZE_MB] [FOLDER]`
//! (defaults: 1100 MB, the system's temporary folder; the file is removed after).

use abierto::analyse::cache::Cache;
use abierto::analyse::{self, Request};
use std::io::Write;
use std::time::Instant;

fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// CPU seconds (user + system) this process has used, from /proc/self/stat.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let size_mb: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1100);
    let folder = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let dir = tempfile_dir(&folder)?;
    let path = dir.join("bench.csv");

    let started = Instant::now();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
    out.write_all(b"folio;fecha;colonia;monto;latitud;longitud;nota\n")?;
    let colonias: [&[u8]; 5] = [
        b"Centro",
        b"Tr\xe1nsito",
        b"\xc1lvaro Obreg\xf3n",
        b"Rafael Lucio",
        b"Salud",
    ];
    let mut written = 0u64;
    let mut i = 0u64;
    while written < size_mb * 1_000_000 {
        let line = format!(
            "F-{i:010};2014-{:02}-{:02};{};{},{:02};19.{:04};-96.{:04};\"nota {}, sin cambios\"\n",
            i % 12 + 1,
            i % 28 + 1,
            "{}",
            i % 100_000,
            i % 100,
            i % 10_000,
            (i * 7) % 10_000,
            i % 977
        );
        let colonia = colonias[(i % 5) as usize];
        let (before, after) = line.split_once("{}").unwrap();
        out.write_all(before.as_bytes())?;
        out.write_all(colonia)?;
        out.write_all(after.as_bytes())?;
        written += (before.len() + colonia.len() + after.len()) as u64;
        i += 1;
    }
    out.flush()?;
    drop(out);
    let bytes = std::fs::metadata(&path)?.len();
    eprintln!(
        "generated {:.0} MB ({i} rows) in {:.1} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let before = peak_memory_kb().unwrap_or(0);

    let cache = Cache::open(&dir.join("cache"))?;
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let facts = analyse::analyse_file_cached(
        &Request {
            path: &path,
            declared_encoding: None,
            format: "CSV",
            preview_rows: 20,
            explore_max_rows: abierto::load::DEFAULT_EXPLORE_MAX_ROWS,
        },
        &cache,
    )?;
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_before;
    let peak = peak_memory_kb().unwrap_or(0);
    let table = &facts.tables()[0].1;
    println!(
        "one pass over {:.0} MB ({} rows, {} columns): {:.1} s, {:.0} MB/s",
        bytes as f64 / 1e6,
        table.rows,
        table.columns,
        seconds,
        bytes as f64 / 1e6 / seconds
    );
    println!(
        "CPU time: {cpu:.1} s, {:.0} MB per CPU second (the machine may be shared)",
        bytes as f64 / 1e6 / cpu.max(0.01)
    );
    println!(
        "peak memory (VmHWM): {:.1} MB (before the analysis: {:.1} MB)",
        peak as f64 / 1024.0,
        before as f64 / 1024.0
    );
    for column in &table.profile {
        println!(
            "  {:<9} {:?}, distinct {}{}",
            column.name,
            column.column_type,
            if column.distinct_exact { "" } else { "≈" },
            column.distinct
        );
    }
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

fn tempfile_dir(folder: &std::path::Path) -> std::io::Result<std::path::PathBuf> {
    let dir = folder.join(format!("abierto-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
