//! Personal data: what blocks publishing. The analysis finds it in every
//! table of a local data file (a CSV in any encoding, each sheet of a
//! workbook, the properties of map features) as it reads it
//! ([`crate::analyse::personal_data`]); `tables.rs` judges those findings
//! and `text.rs` looks for identifiers, phones and e-mail addresses in the
//! texts the portal publishes (descriptions, stories, pages). Personal data
//! that the descriptor does not accept is an error, which blocks `build` as
//! well as `check`; an office's data is a warning; what the descriptor
//! accepts (`[[resources.personal_data]]`) is a note. Nothing is ever
//! shown whole: each finding has its values masked (`detectors::mask`).

mod domains;
mod tables;
mod text;

pub use domains::Institutional;
pub use tables::{Judgement, Verdict, diagnostics_for, judge};

use crate::analyse::{Analysis, FileContent, GeoFormat};
use crate::diagnostics::{Diagnostics, Severity};
use crate::model::{ResourceLocation, Site};

/// Where a table is: its data file (relative to the site), the sheet for a
/// workbook, what its row numbers count, and the descriptor that publishes it.
pub struct Place<'a> {
    pub data_file: &'a str,
    pub sheet: Option<&'a str>,
    /// `line` (CSV, KML), `row` (a sheet) or `feature` (GeoJSON).
    pub unit: &'a str,
    pub descriptor: &'a str,
}

/// Reports the personal data found in the site's tables and texts; notes
/// (accepted findings, suspicious column names, office addresses in texts)
/// only `with_notes`.
pub fn report_site(site: &Site, analysis: &Analysis, diagnostics: &Diagnostics, with_notes: bool) {
    let institutional = Institutional::of_site(site);
    let mut found = Vec::new();
    for dataset in &site.datasets {
        for resource in &dataset.resources {
            let ResourceLocation::Local {
                path, source_file, ..
            } = &resource.location
            else {
                continue;
            };
            let Some(facts) = analysis.facts(path) else {
                continue; // unreadable: reported by analyse
            };
            let unit = match &facts.content {
                FileContent::Csv { .. } => "line",
                FileContent::Workbook { .. } => "row",
                FileContent::Geo {
                    format: GeoFormat::Kml,
                    ..
                } => "line",
                FileContent::Geo { .. } => "feature",
                _ => continue,
            };
            for (sheet, table) in facts.tables() {
                let place = Place {
                    data_file: source_file,
                    sheet,
                    unit,
                    descriptor: &dataset.source_file,
                };
                found.extend(diagnostics_for(
                    resource,
                    &place,
                    &table.personal_data,
                    &institutional,
                ));
            }
        }
    }
    found.extend(text::diagnostics(site, &institutional));
    for d in found {
        if with_notes || d.severity != Severity::Info {
            diagnostics.push(d);
        }
    }
}
