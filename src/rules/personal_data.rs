//! Personal data in tabular files: the analysis scans every table of a local
//! data file (a CSV or TSV, each sheet of a workbook, the properties of map
//! features) as it reads it ([`crate::analyse::personal_data`]); this turns
//! what it found into diagnostics. A finding the descriptor accepts
//! (`[[resources.personal_data]]`) is a note; any other is an error, which
//! blocks `build` as well as `check`.

use crate::analyse::personal_data::{ColumnFinding, normalise};
use crate::analyse::{Analysis, FileContent};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Severity};
use crate::model::{Resource, ResourceLocation, Site};

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
    let prefix = sheet_prefix(sheet);
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
            let message = format!(
                "{prefix}column `{}` holds {} in {} row{} ({unit}{} {lines}{more}), e.g. `{}`",
                finding.column,
                kind.kind.describe(),
                kind.rows,
                if kind.rows == 1 { "" } else { "s" },
                if kind.first_lines.len() == 1 { "" } else { "s" },
                kind.example
            );
            let line = match kind.first_lines.first() {
                Some(&line) if unit != "feature" => line,
                _ => 1,
            };
            out.push(match accepted {
                Some(acceptance) => Diagnostic::info(data_file, format!("{message}: accepted"))
                    .at_line(line)
                    .code(Code::PersonalDataAccepted)
                    .help(format!("{descriptor} says: {}", acceptance.reason)),
                None => Diagnostic::error(data_file, message)
                    .at_line(line)
                    .code(Code::PersonalData)
                    .help(format!(
                        "remove or anonymise the column before publishing; if it is public on purpose \
                         (e.g. office phones), accept it in {descriptor} with \
                         [[resources.personal_data]] column = \"{}\" reason = \"…\"",
                        finding.column
                    )),
            });
        }
        if finding.kinds.is_empty() && finding.named_like_personal_data && accepted.is_none() {
            out.push(
                Diagnostic::info(
                    data_file,
                    format!(
                        "{prefix}column `{}` is named like personal data; no identifier, e-mail or phone was found in it",
                        finding.column
                    ),
                )
                .at_line(1)
                .code(Code::PersonalDataColumn)
                .help("make sure it names places or institutions, not people"),
            );
        }
    }
    out
}

fn sheet_prefix(sheet: Option<&str>) -> String {
    sheet.map_or_else(String::new, |name| format!("sheet «{name}»: "))
}
