//! What a maintainer sees in the terminal during long work: live progress
//! under a terminal (a pseudo-terminal made by util-linux `script`), none off
//! a terminal or under CI, and a Ctrl-C that stops the build and leaves the
//! previous portal as it was. Linux only: `script` makes the terminal.
#![cfg(target_os = "linux")]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A site whose data take a few seconds to analyse (a fresh cache each run).
fn slow_site(dir: &Path, files: usize, rows: usize) -> PathBuf {
    let site = dir.join("sitio");
    let data = site.join("participants/p/datos");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        site.join("portal.toml"),
        "title = \"Portal\"\nbase_url = \"https://datos.example.org/\"\ndefault_license = \"cc-by-4.0\"\n",
    )
    .unwrap();
    std::fs::write(
        site.join("participants/p/participant.toml"),
        "name = \"P\"\nkind = \"municipio\"\n",
    )
    .unwrap();
    for i in 0..files {
        std::fs::write(
            site.join(format!("participants/p/d{i}.toml")),
            format!("title = \"Datos {i}\"\ndescription = \"Datos {i}.\"\n\n[[resources]]\ntitle = \"D{i}\"\npath = \"datos/d{i}.csv\"\n"),
        )
        .unwrap();
        let mut csv = String::from("id,colonia,monto,fecha\n");
        for r in 0..rows {
            csv.push_str(&format!(
                "{r},Colonia {},{}.5,2024-01-{:02}\n",
                r % 97,
                r * 3,
                r % 28 + 1
            ));
        }
        std::fs::write(data.join(format!("d{i}.csv")), csv).unwrap();
    }
    site
}

/// `abierto ARGS` under a pseudo-terminal; `env` added, `CI` removed unless given.
fn under_terminal(args: &[&str], env: &[(&str, &str)], cache: &Path) -> Command {
    let line = std::iter::once(env!("CARGO_BIN_EXE_abierto"))
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut command = Command::new("script");
    command
        .args(["-qfec", &line, "/dev/null"])
        .env_remove("CI")
        .env("ABIERTO_CACHE_DIR", cache)
        .env("ABIERTO_TODAY", "2026-01-15");
    for (name, value) in env {
        command.env(name, value);
    }
    command
}

fn has_script() -> bool {
    Command::new("script").arg("--version").output().is_ok()
}

#[test]
fn a_terminal_sees_each_stage_move_before_the_summary() {
    if !has_script() {
        panic!("util-linux `script` is needed to make a terminal");
    }
    let dir = tempfile::tempdir().unwrap();
    let site = slow_site(dir.path(), 12, 6000);
    let out = dir.path().join("public");
    let run = under_terminal(
        &["build", site.to_str().unwrap(), "-o", out.to_str().unwrap()],
        &[],
        &dir.path().join("cache"),
    )
    .output()
    .unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{said}");
    let summary = said.find("conjuntos de datos,").expect("the summary");
    let first = said
        .find("Analizando datos")
        .expect("progress of the analysis");
    assert!(first < summary, "{said}");
    // Redrawn in place, with the files, the bytes and the rate.
    assert!(
        said[..summary].matches("Analizando datos").count() >= 2,
        "{said}"
    );
    assert!(said.contains("/12 · "), "{said}");
    assert!(said.contains("/s"), "{said}");
    assert!(said.contains("Escribiendo archivos"), "{said}");
    assert!(
        said.contains("Datos: 12 archivos leídos del disco, 0 del caché"),
        "{said}"
    );
}

#[test]
fn no_progress_off_a_terminal_under_ci_or_when_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let site = slow_site(dir.path(), 3, 2000);
    let site = site.to_str().unwrap();
    let out = dir.path().join("public");
    let out = out.to_str().unwrap();
    let piped = Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(["build", site, "-o", out])
        .env_remove("CI")
        .env("ABIERTO_CACHE_DIR", dir.path().join("cache-1"))
        .output()
        .unwrap();
    let under_ci = under_terminal(
        &["build", site, "-o", out],
        &[("CI", "true")],
        &dir.path().join("cache-2"),
    )
    .output()
    .unwrap();
    let quiet = under_terminal(
        &["check", "--quiet", site],
        &[],
        &dir.path().join("cache-3"),
    )
    .output()
    .unwrap();
    for (what, run, stream) in [
        ("piped", &piped, &piped.stderr),
        ("CI", &under_ci, &under_ci.stdout),
        ("--quiet", &quiet, &quiet.stdout),
    ] {
        let said = String::from_utf8_lossy(stream);
        assert!(run.status.success(), "{what}: {said}");
        assert!(said.contains("conjuntos de datos"), "{what}: {said}");
        assert!(!said.contains("Analizando"), "{what}: {said}");
        assert!(!said.contains("Escribiendo archivos"), "{what}: {said}");
        // No bar redrawn in place (colours on a terminal are not progress).
        assert!(!said.contains("\u{1b}[2K"), "{what}: {said:?}");
    }
}

#[test]
fn ctrl_c_stops_the_build_and_the_previous_portal_stays_as_it_was() {
    if !has_script() {
        panic!("util-linux `script` is needed to make a terminal");
    }
    let dir = tempfile::tempdir().unwrap();
    let site = slow_site(dir.path(), 2, 100);
    let out = dir.path().join("public");
    let build = |cache: &str| {
        under_terminal(
            &["build", site.to_str().unwrap(), "-o", out.to_str().unwrap()],
            &[],
            &dir.path().join(cache),
        )
    };
    assert!(build("cache-first").output().unwrap().status.success());
    let before = snapshot(&out);

    // The site changes a lot, so the next build takes a while; stop it midway.
    slow_site(dir.path(), 24, 8000);
    let mut running = build("cache-second")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = running.stdout.take().unwrap();
    let seen = std::thread::spawn(move || {
        let mut said = Vec::new();
        let mut buffer = [0u8; 4096];
        let started = Instant::now();
        // Waits for the analysis to show, then Ctrl-C as a person would type it.
        let mut pressed = None;
        while let Ok(n) = stdout.read(&mut buffer) {
            if n == 0 {
                break;
            }
            said.extend_from_slice(&buffer[..n]);
            if pressed.is_none() && String::from_utf8_lossy(&said).contains("Analizando datos") {
                pressed = Some(started.elapsed());
                return (said, pressed, Some(stdout));
            }
        }
        (said, pressed, None)
    })
    .join()
    .unwrap();
    let (mut said, pressed, stdout) = seen;
    assert!(pressed.is_some(), "{}", String::from_utf8_lossy(&said));
    let mut stdin = running.stdin.take().unwrap();
    stdin.write_all(b"\x03").unwrap();
    stdin.flush().unwrap();
    let stopped_at = Instant::now();
    if let Some(mut stdout) = stdout {
        let _ = stdout.read_to_end(&mut said);
    }
    let status = running.wait().unwrap();
    let said = String::from_utf8_lossy(&said);
    assert!(
        stopped_at.elapsed() < Duration::from_secs(10),
        "prompt: {said}"
    );
    assert!(!status.success(), "{said}");
    assert!(said.contains("Interrumpido"), "{said}");
    assert!(said.contains("quedó como estaba"), "{said}");
    assert!(
        !said.contains("conjuntos de datos,"),
        "no summary of a finished build: {said}"
    );
    assert_eq!(snapshot(&out), before, "the previous portal is untouched");
}

/// Every file of a folder with its bytes.
fn snapshot(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn serve_shows_the_progress_of_its_first_build() {
    if !has_script() {
        panic!("util-linux `script` is needed to make a terminal");
    }
    let dir = tempfile::tempdir().unwrap();
    let site = slow_site(dir.path(), 8, 4000);
    let mut serving = under_terminal(
        &["serve", site.to_str().unwrap(), "--port", "0"],
        &[],
        &dir.path().join("cache"),
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .spawn()
    .unwrap();
    let mut stdout = serving.stdout.take().unwrap();
    let mut said = Vec::new();
    let mut buffer = [0u8; 4096];
    while !String::from_utf8_lossy(&said).contains("Sirviendo") {
        match stdout.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => said.extend_from_slice(&buffer[..n]),
        }
    }
    let mut stdin = serving.stdin.take().unwrap();
    let _ = stdin.write_all(b"\x03");
    let _ = stdin.flush();
    let _ = stdout.read_to_end(&mut said);
    let _ = serving.wait();
    let said = String::from_utf8_lossy(&said);
    let serving_at = said.find("Sirviendo").expect("the address line");
    let progress_at = said
        .find("Analizando datos")
        .expect("the first build's progress");
    assert!(progress_at < serving_at, "{said}");
}
