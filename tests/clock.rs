//! One clock: a build's freshness states and its catalog's "recent" facet
//! date from the same day, `ABIERTO_TODAY` first, then `SOURCE_DATE_EPOCH`.

mod common;

use common::{TempSite, page, select};
use std::process::Command;

/// 2026-01-15 12:00:00 UTC.
const NOON_2026_01_15: &str = "1768478400";

/// Builds `site` with the binary under `env`, and gives the day its
/// participant's freshness page and its catalog's facets were made for.
fn days_of_build(site: &TempSite, env: &[(&str, &str)]) -> (String, String) {
    let out = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let mut command = Command::new(env!("CARGO_BIN_EXE_abierto"));
    command
        .arg("build")
        .arg(site.path())
        .arg("-o")
        .arg(&public)
        .env_remove("ABIERTO_TODAY")
        .env_remove("SOURCE_DATE_EPOCH")
        .env("TZ", "UTC")
        .env("ABIERTO_CACHE_DIR", cache.path());
    for (key, value) in env {
        command.env(key, value);
    }
    let status = command.output().unwrap();
    assert!(status.status.success(), "{status:?}");
    let freshness = page(&public, "participantes/prueba/actualizacion/index.html");
    let freshness_day = select(&freshness, "p.lead time")[0]
        .attr("datetime")
        .unwrap()
        .to_string();
    let catalog = page(&public, "datos/index.html");
    let facets_day = select(&catalog, "#finder")[0]
        .attr("data-today")
        .unwrap()
        .to_string();
    (freshness_day, facets_day)
}

#[test]
fn a_reproducible_build_dates_freshness_and_facets_from_source_date_epoch() {
    let site = TempSite::valid();
    let days = days_of_build(&site, &[("SOURCE_DATE_EPOCH", NOON_2026_01_15)]);
    assert_eq!(days, ("2026-01-15".into(), "2026-01-15".into()));
}

#[test]
fn abierto_today_dates_freshness_and_facets_before_source_date_epoch() {
    let site = TempSite::valid();
    let days = days_of_build(
        &site,
        &[
            ("ABIERTO_TODAY", "2025-03-01"),
            ("SOURCE_DATE_EPOCH", NOON_2026_01_15),
        ],
    );
    assert_eq!(days, ("2025-03-01".into(), "2025-03-01".into()));
}
