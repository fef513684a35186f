//! Personal data in tabular files: the analysis scans every table of a local
//! data file (a CSV or TSV, each sheet of a workbook, the properties of map
//! features) as it reads it ([`crate::analyse::personal_data`]); this turns
//! what it found into diagnostics. A finding the descriptor accepts
//! (`[[resources.personal_data]]`) is a note; any other is an error, which
//! blocks `build` as well as `check`.

use crate::analyse::personal_data::{ColumnFinding, normalise};
use crate::analyse::{Analysis, FileContent};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Severity};
use crate::messages::Message;
use crate::model::{Resource, ResourceLocation, Site};
use crate::msg;

/// Where a table is: its data file (relative to the site), the sheet for a
/// workbook, what its row numbers count, and the descriptor that publishes it.
pub struct Place<'a> {
    pub data_file: &'a str,
    pub sheet: Option<&'a str>,
    /// `line` (CSV, KML), `row` (a sheet) or `feature` (GeoJSON).
    pub unit: &'a str,
    pub descriptor: &'a str,
}

/// Reports the personal data the analysis found in the site's tables; notes
/// (accepted findings, suspicious column names) only `with_notes`.
pub fn report_site(site: &Site, analysis: &Analysis, diagnostics: &Diagnostics, with_notes: bool) {
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
                    format: crate::analyse::GeoFormat::Kml,
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
                for d in diagnostics_for(resource, &place, &table.personal_data) {
                    if with_notes || d.severity != Severity::Info {
                        diagnostics.push(d);
                    }
                }
            }
        }
    }
}

/// Turns the findings of one table into diagnostics, honouring the descriptor's acceptances.
/// Their line is the first row's file line (CSV, KML) or sheet row number
/// (workbook); a GeoJSON keeps no lines, so its findings point at the file.
pub fn diagnostics_for(
    resource: &Resource,
    place: &Place,
    findings: &[ColumnFinding],
) -> Vec<Diagnostic> {
    let Place {
        data_file,
        sheet,
        unit,
        descriptor,
    } = *place;
    let mut out = Vec::new();
    for finding in findings {
        let accepted = resource
            .personal_data
            .iter()
            .find(|a| normalise(&a.column) == normalise(&finding.column));
        for kind in &finding.kinds {
            let lines = kind
                .first_lines
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let more = if kind.rows > kind.first_lines.len() {
                ", …"
            } else {
                ""
            };
            let message = in_sheet(
                sheet,
                msg!(
                    "rules-personal-data",
                    column = &finding.column,
                    kind = kind.kind.describe(),
                    rows = kind.rows,
                    unit = unit,
                    count = kind.first_lines.len(),
                    lines = format!("{lines}{more}"),
                    example = &kind.example
                ),
            );
            let line = match kind.first_lines.first() {
                Some(&line) if unit != "feature" => line,
                _ => 1,
            };
            out.push(match accepted {
                Some(acceptance) => Diagnostic::info(
                    data_file,
                    msg!("rules-personal-data-accepted", message = message),
                )
                .at_line(line)
                .code(Code::PersonalDataAccepted)
                .help(msg!(
                    "rules-personal-data-accepted-help",
                    descriptor = descriptor,
                    reason = &acceptance.reason
                )),
                None => Diagnostic::error(data_file, message)
                    .at_line(line)
                    .code(Code::PersonalData)
                    .help(msg!(
                        "rules-personal-data-help",
                        descriptor = descriptor,
                        column = &finding.column
                    )),
            });
        }
        if finding.kinds.is_empty() && finding.named_like_personal_data && accepted.is_none() {
            out.push(
                Diagnostic::info(
                    data_file,
                    in_sheet(
                        sheet,
                        msg!("rules-personal-data-name", column = &finding.column),
                    ),
                )
                .at_line(1)
                .code(Code::PersonalDataColumn)
                .help(msg!("rules-personal-data-name-help")),
            );
        }
    }
    out
}

/// `message`, naming the sheet it is about when there is one.
fn in_sheet(sheet: Option<&str>, message: Message) -> Message {
    match sheet {
        Some(name) => msg!("analyse-in-sheet", sheet = name, message = message),
        None => message,
    }
}
