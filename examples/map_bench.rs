//! Benchmark of a big map: generates a GeoJSON like a national file of
//! municipal boundaries (2,469 polygons over Mexico, neighbours sharing their
//! edges, ~700 vertices each, a population and a kind per municipality: about
//! 40 MB), builds a site holding it, and prints the build's time and peak
//! memory (VmHWM of this process, which runs the whole build), the weight of
//! the dataset page, and the files of its map.
//!
//! `cargo run --release --example map_bench [SIZE_MB] [FOLDER]`
//! (defaults: 40 MB, the system's temporary folder; the site is removed
//! after unless `KEEP=1`, which prints where it is).
//!
//! `map_bench --geojson FILE [SIZE_MB]` only writes the GeoJSON (for
//! `tests/browser/maps.sh`, which builds a site with it).

use abierto::build::{BuildOptions, build};
use abierto::render::RenderOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Columns and rows of the grid of municipalities, and Mexico's box.
const COLUMNS: usize = 55;
const ROWS: usize = 45;
const WEST: f64 = -117.0;
const EAST: f64 = -87.0;
const SOUTH: f64 = 14.5;
const NORTH: f64 = 32.5;

/// A deterministic wobble in [-0.5, 0.5] of a grid line at a parameter, the
/// same for both municipalities that share the edge.
fn wobble(line: usize, step: usize, vertical: bool) -> f64 {
    let mut h = (line as u64) << 32 | step as u64 | if vertical { 1 << 63 } else { 0 };
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    (h % 10_000) as f64 / 10_000.0 - 0.5
}

/// The points of the grid edge from one corner to the next, `steps` long.
fn edge(from: (usize, usize), to: (usize, usize), steps: usize) -> Vec<(f64, f64)> {
    let cell_w = (EAST - WEST) / COLUMNS as f64;
    let cell_h = (NORTH - SOUTH) / ROWS as f64;
    let vertical = from.0 == to.0;
    let (line, start) = if vertical {
        (from.0, from.1.min(to.1))
    } else {
        (from.1, from.0.min(to.0))
    };
    let mut points: Vec<(f64, f64)> = (0..steps)
        .map(|i| {
            let t = i as f64 / steps as f64;
            // A river-like meander of the whole edge (a few km), and a few
            // metres of noise at each vertex, as surveyed boundaries have.
            let turns = 1.0 + (wobble(line, start, vertical) + 0.5) * 3.0;
            let phase = wobble(start, line, !vertical) * std::f64::consts::TAU;
            let meander = 0.06
                * (std::f64::consts::PI * t).sin()
                * (std::f64::consts::TAU * turns * t + phase).sin();
            let noise = wobble(line, start * steps + i, vertical) * 0.0008;
            let across = if i == 0 { 0.0 } else { meander + noise };
            if vertical {
                (
                    WEST + (line as f64 + across) * cell_w,
                    SOUTH + (start as f64 + t) * cell_h,
                )
            } else {
                (
                    WEST + (start as f64 + t) * cell_w,
                    SOUTH + (line as f64 + across) * cell_h,
                )
            }
        })
        .collect();
    let forwards = if vertical {
        to.1 > from.1
    } else {
        to.0 > from.0
    };
    if !forwards {
        let end = if vertical {
            (
                WEST + line as f64 * cell_w,
                SOUTH + (start + 1) as f64 * cell_h,
            )
        } else {
            (
                WEST + (start + 1) as f64 * cell_w,
                SOUTH + line as f64 * cell_h,
            )
        };
        points.push(end);
        points.remove(0);
        points.reverse();
    }
    points
}

fn write_geojson(path: &Path, size_mb: usize) -> std::io::Result<u64> {
    let features = COLUMNS * ROWS;
    let steps = (size_mb * 1_000_000 / features / 4 / 24).max(2);
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    out.write_all(b"{\"type\":\"FeatureCollection\",\"name\":\"municipios\",\"features\":[\n")?;
    let kinds = ["urbano", "rural", "mixto", "metropolitano"];
    for n in 0..features {
        let (c, r) = (n % COLUMNS, n / COLUMNS);
        let mut ring = edge((c, r), (c + 1, r), steps);
        ring.extend(edge((c + 1, r), (c + 1, r + 1), steps));
        ring.extend(edge((c + 1, r + 1), (c, r + 1), steps));
        ring.extend(edge((c, r + 1), (c, r), steps));
        ring.push(ring[0]);
        let coordinates: Vec<String> = ring
            .iter()
            .map(|(x, y)| format!("[{x:.6},{y:.6}]"))
            .collect();
        let population = 1_000.0 + (wobble(n, 7, false) + 0.5).powi(3) * 1_500_000.0;
        write!(
            out,
            "{}{{\"type\":\"Feature\",\"properties\":{{\"CVEGEO\":\"{:05}\",\"NOMGEO\":\"Municipio {n}\",\"TIPO\":\"{}\",\"POBLACION\":{:.0}}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{}]]}}}}",
            if n == 0 { "" } else { ",\n" },
            n + 1,
            kinds[n % kinds.len()],
            population,
            coordinates.join(",")
        )?;
    }
    out.write_all(b"\n]}\n")?;
    out.flush()?;
    Ok(std::fs::metadata(path)?.len())
}

fn write_site(root: &Path, size_mb: usize) -> std::io::Result<u64> {
    let participant = root.join("participants/nacional");
    std::fs::create_dir_all(participant.join("datos"))?;
    std::fs::write(
        root.join("portal.toml"),
        "title = \"Mapas\"\nbase_url = \"https://example.org/\"\ndefault_license = \"cc-by-4.0\"\n",
    )?;
    std::fs::write(
        participant.join("participant.toml"),
        "name = \"Instituto Nacional\"\nkind = \"federal\"\n",
    )?;
    std::fs::write(
        participant.join("municipios.toml"),
        "title = \"Municipios\"\ndescription = \"Límites municipales de todo el país (generados).\"\n\n[[resources]]\ntitle = \"Municipios\"\npath = \"datos/municipios.geojson\"\n",
    )?;
    write_geojson(&participant.join("datos/municipios.geojson"), size_mb)
}

fn folder_size(dir: &Path) -> (u64, usize) {
    let mut total = (0, 0);
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            let (b, n) = folder_size(&path);
            total = (total.0 + b, total.1 + n);
        } else {
            total = (
                total.0 + entry.metadata().map_or(0, |m| m.len()),
                total.1 + 1,
            );
        }
    }
    total
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().is_some_and(|a| a == "--geojson") {
        let file = args.nth(1).map(PathBuf::from).expect("--geojson FILE");
        let size_mb = args.next().and_then(|a| a.parse().ok()).unwrap_or(40);
        let bytes = write_geojson(&file, size_mb)?;
        println!("{}: {:.1} MB", file.display(), bytes as f64 / 1e6);
        return Ok(());
    }
    let size_mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(40);
    let folder = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let root = folder.join(format!("abierto-map-bench-{}", std::process::id()));
    let site = root.join("site");
    let output = root.join("public");
    let started = Instant::now();
    let bytes = write_site(&site, size_mb)?;
    println!(
        "generated {:.1} MB of GeoJSON ({} polygons) in {:.1} s",
        bytes as f64 / 1e6,
        COLUMNS * ROWS,
        started.elapsed().as_secs_f64()
    );
    // SAFETY: no other thread runs yet.
    unsafe { std::env::set_var("ABIERTO_CACHE_DIR", root.join("cache")) };
    let before = peak_memory_kb().unwrap_or(0);
    let started = Instant::now();
    let report = build(&BuildOptions {
        site: site.clone(),
        output: Some(output.clone()),
        base_url: None,
        render: RenderOptions {
            minify: true,
            include_drafts: false,
        },
        force: false,
        progress: abierto::progress::Progress::hidden(),
        portals: abierto::build::Portals::Network,
    });
    let elapsed = started.elapsed();
    if report.errors() > 0 {
        eprintln!("the build failed: {:#?}", report.diagnostics);
        std::process::exit(1);
    }
    println!(
        "build: {:.1} s; peak memory (VmHWM) {:.1} MB (before the build: {:.1} MB)",
        elapsed.as_secs_f64(),
        peak_memory_kb().unwrap_or(0) as f64 / 1024.0,
        before as f64 / 1024.0
    );
    let page = output.join("datos/nacional/municipios/index.html");
    println!(
        "dataset page: {:.1} KB of HTML",
        std::fs::metadata(&page)?.len() as f64 / 1024.0
    );
    let map = output.join("datos/nacional/municipios/mapa");
    if map.is_dir() {
        let (bytes, files) = folder_size(&map);
        println!(
            "map data: {files} files, {:.1} MB in all",
            bytes as f64 / 1e6
        );
    }
    if std::env::var_os("KEEP").is_some() {
        println!("kept: {}", root.display());
    } else {
        std::fs::remove_dir_all(&root)?;
    }
    Ok(())
}
