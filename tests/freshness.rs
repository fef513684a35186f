//! Freshness as an official and a citizen see it: on a given day each dataset
//! is up to date, due for its update soon, overdue or without a schedule, in
//! `check`'s report and on the participant's `/participantes/<id>/actualizacion/`
//! page. The expected states and dates are worked out by hand below, at the
//! edges: "due soon" is the last sixth of the period (5 days of a monthly 31).

mod common;

use common::{PARTICIPANT, PORTAL, TempSite, page, select, text_of};
use std::process::Command;

const TODAY: &str = "2026-01-15";

/// A monthly dataset last modified on `modified` (due 31 days later), or one
/// without a frequency when `modified` is `None`.
fn descriptor(title: &str, modified: Option<&str>) -> String {
    let schedule = match modified {
        Some(date) => format!("modified = {date}\nfrequency = \"monthly\"\n"),
        None => "modified = 2020-01-01\n".to_string(),
    };
    format!(
        "title = \"{title}\"\ndescription = \"Datos de {title}.\"\n{schedule}\n[[resources]]\ntitle = \"{title} (CSV)\"\npath = \"datos/datos.csv\"\n"
    )
}

/// A dataset of the table: (file, title, modified, expected state, expected due date).
type Case = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
);

const DATASETS: [Case; 5] = [
    // Due 2026-01-20: 5 days left, not yet the last sixth.
    (
        "al-dia",
        "Al corriente",
        Some("2025-12-20"),
        "up-to-date",
        Some("2026-01-20"),
    ),
    // Due 2026-01-19: 4 days left.
    (
        "pronto",
        "Casi",
        Some("2025-12-19"),
        "due-soon",
        Some("2026-01-19"),
    ),
    // Due today: still due soon, not overdue.
    (
        "hoy",
        "Justo hoy",
        Some("2025-12-15"),
        "due-soon",
        Some("2026-01-15"),
    ),
    // Due yesterday.
    (
        "vencido",
        "Tarde",
        Some("2025-12-14"),
        "overdue",
        Some("2026-01-14"),
    ),
    // No frequency: nothing promised, never late however old.
    ("sin-ritmo", "Cuando sea", None, "no-schedule", None),
];

fn site() -> TempSite {
    let mut site = TempSite::empty()
        .file("portal.toml", PORTAL)
        .file("participants/prueba/participant.toml", PARTICIPANT)
        .file("participants/prueba/datos/datos.csv", "id,valor\n1,2\n");
    for (file, title, modified, _, _) in DATASETS {
        site = site.file(
            &format!("participants/prueba/{file}.toml"),
            descriptor(title, modified),
        );
    }
    site
}

fn abierto(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(args)
        .env("ABIERTO_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// `site` built by the real `abierto build` on [`TODAY`]: its output folder (and the folder holding it).
fn built(site: &TempSite) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let out = abierto(&[
        "build",
        "--quiet",
        site.path().to_str().unwrap(),
        "-o",
        public.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, public)
}

#[test]
fn check_reports_each_state_with_its_due_date() {
    let site = site();
    let out = abierto(&[
        "check",
        "--format",
        "json",
        "--lang",
        "en",
        site.path().to_str().unwrap(),
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for (file, title, _, state, due) in DATASETS {
        let id = format!("prueba/{file}");
        let dataset = json["datasets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id.as_str())
            .unwrap_or_else(|| panic!("{id}: {json:#}"));
        assert_eq!(dataset["freshness"]["state"], state, "{id}");
        assert_eq!(dataset["freshness"]["due"].as_str(), due, "{id}");
        let codes: Vec<&str> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["file"] == format!("participants/prueba/{file}.toml").as_str())
            .filter_map(|d| d["code"].as_str())
            .filter(|c| ["overdue", "due-soon"].contains(c))
            .collect();
        let expected: &[&str] = match state {
            "overdue" => &["overdue"],
            "due-soon" => &["due-soon"],
            _ => &[],
        };
        assert_eq!(codes, expected, "{id}: {title}");
    }
    let soon = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "due-soon" && d["file"] == "participants/prueba/pronto.toml")
        .unwrap();
    assert_eq!(soon["severity"], "info");
    assert_eq!(
        soon["message"],
        "`Casi` is due for its update on 2026-01-19"
    );

    // The site's language (Spanish unless set) when no --lang is given.
    let out = abierto(&["check", site.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("al conjunto de datos `Casi` le toca actualizarse el 2026-01-19"),
        "{stderr}"
    );
}

#[test]
fn the_freshness_page_shows_each_dataset_state_and_due_date() {
    let site = site();
    let (_dir, public) = built(&site);
    let html = page(&public, "participantes/prueba/actualizacion/index.html");
    assert_eq!(
        select(&html, ".lead time")[0].value().attr("datetime"),
        Some(TODAY)
    );
    let rows = select(&html, "tbody tr");
    assert_eq!(rows.len(), DATASETS.len());
    for (file, title, _, state, due) in DATASETS {
        let row = rows
            .iter()
            .find(|r| text_of(&select_in(r, "th")[0]) == title)
            .unwrap_or_else(|| panic!("no row for {title}"));
        assert_eq!(
            select_in(row, "th a")[0].value().attr("href"),
            Some(format!("/datos/prueba/{file}/").as_str())
        );
        let badge = &select_in(row, "span.badge")[0];
        assert!(
            badge
                .value()
                .attr("class")
                .unwrap()
                .split(' ')
                .any(|c| c == format!("freshness-{state}")),
            "{title}: {}",
            badge.html()
        );
        let words = match state {
            "up-to-date" => "Al día",
            "due-soon" => "Por actualizar",
            "overdue" => "Atrasado",
            _ => "Sin calendario",
        };
        assert_eq!(text_of(badge), words, "{title}");
        let due_cell = &select_in(row, "td")[2];
        match due {
            Some(date) => assert_eq!(
                select_in(due_cell, "time")[0].value().attr("datetime"),
                Some(date),
                "{title}"
            ),
            None => assert_eq!(text_of(due_cell).trim(), "—", "{title}"),
        }
    }
    // The participant's page links to it.
    let participant = page(&public, "participantes/prueba/index.html");
    assert!(
        select(&participant, "a")
            .iter()
            .any(|a| a.value().attr("href") == Some("/participantes/prueba/actualizacion/")),
        "no link to the freshness page"
    );
}

fn select_in<'a>(
    element: &scraper::ElementRef<'a>,
    selector: &str,
) -> Vec<scraper::ElementRef<'a>> {
    let selector = scraper::Selector::parse(selector).unwrap();
    element.select(&selector).collect()
}

/// A planned dataset promised for `expected`.
fn promise(title: &str, expected: &str) -> String {
    format!(
        "title = \"{title}\"\ndescription = \"Datos prometidos.\"\nstatus = \"planned\"\nexpected = {expected}\n"
    )
}

#[test]
fn the_inventory_and_the_participant_page_mark_promises_past_their_date() {
    // Today is 2026-01-15: a promise for yesterday is past its date, one for today is not yet.
    let site = site()
        .file(
            "participants/prueba/ayer.toml",
            promise("Prometido para ayer", "2026-01-14"),
        )
        .file(
            "participants/prueba/hoy-prometido.toml",
            promise("Prometido para hoy", "2026-01-15"),
        )
        .file(
            "participants/prueba/otro-vencido.toml",
            promise("Prometido hace un año", "2025-01-15"),
        );
    let (_dir, public) = built(&site);
    let inventory = page(&public, "inventario/index.html");
    let marked = |title: &str| {
        let card = select(&inventory, "li.card")
            .into_iter()
            .find(|li| text_of(&select_in(li, ".card-title")[0]) == title)
            .unwrap_or_else(|| panic!("no card for {title}"));
        select_in(&card, ".freshness-promise-overdue")
            .first()
            .map(text_of)
    };
    assert_eq!(
        marked("Prometido para ayer").as_deref(),
        Some("Promesa vencida")
    );
    assert_eq!(
        marked("Prometido hace un año").as_deref(),
        Some("Promesa vencida")
    );
    assert_eq!(marked("Prometido para hoy"), None);
    let participant = page(&public, "participantes/prueba/index.html");
    let notice = select(&participant, "#inventario + .notice a");
    assert_eq!(
        text_of(&notice[0]),
        "2 promesas con la fecha vencida",
        "{}",
        participant.html()
    );
}
