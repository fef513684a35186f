//! A table's findings judged: each column's findings become at most one
//! diagnostic per severity, listing what was found with its count, rows,
//! reason and a masked sample, and saying how to accept it. An error blocks
//! publishing; an office's data (an e-mail address at a government's or
//! the site's domain or naming an office; phones and addresses in a column
//! the descriptor says `holds = "offices"`) is a warning that suggests
//! accepting it; names in such a column are public servants', a note; a
//! column the descriptor accepts (`[[resources.personal_data]]`) is a note.

use super::Place;
use super::domains::Institutional;
use crate::analyse::detectors::{PersonalDataKind, email};
use crate::analyse::personal_data::{
    ColumnFinding, EmailFinding, Evidence, KindFinding, Rows, normalise,
};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::messages::Message;
use crate::model::{Holds, PersonalDataAcceptance, Resource};
use crate::msg;

/// What one finding comes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Personal data: blocks publishing.
    Personal,
    /// An office's data: accept it if it is.
    Office,
    /// Public servants in a column of offices.
    Officials,
    /// The descriptor accepts the column, with a reason.
    Accepted,
}

/// What one kind of values found in a column comes to.
#[derive(Debug, Clone)]
pub struct Judgement {
    pub verdict: Verdict,
    pub kind: PersonalDataKind,
    pub rows: Rows,
    /// What a diagnostic says of it.
    message: Message,
}

impl Judgement {
    fn first_line(&self) -> Option<usize> {
        self.rows.first_lines.first().copied()
    }
}

/// Turns the findings of one table into diagnostics, honouring the descriptor's
/// acceptances and what it says its columns hold.
pub fn diagnostics_for(
    resource: &Resource,
    place: &Place,
    findings: &[ColumnFinding],
    institutional: &Institutional,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for finding in findings {
        let judged = judge(resource, finding, institutional, place.unit);
        if judged.is_empty() {
            if finding.named_like_personal_data && accepted(resource, finding).is_none() {
                out.push(place.note(
                    msg!("rules-personal-data-name", column = &finding.column),
                    Code::PersonalDataColumn,
                    msg!("rules-personal-data-name-help"),
                ));
            }
            continue;
        }
        if let Some(acceptance) = accepted(resource, finding) {
            let all: Vec<&Judgement> = judged.iter().collect();
            let message = column_message(finding, &all, "rules-personal-data");
            let note = place.note(
                msg!("rules-personal-data-accepted", message = message),
                Code::PersonalDataAccepted,
                msg!(
                    "rules-personal-data-accepted-help",
                    descriptor = place.descriptor,
                    reason = &acceptance.reason
                ),
            );
            out.push(place.at(note, judged.iter().filter_map(Judgement::first_line).min()));
            continue;
        }
        for verdict in [Verdict::Personal, Verdict::Office, Verdict::Officials] {
            let items: Vec<&Judgement> = judged.iter().filter(|j| j.verdict == verdict).collect();
            if !items.is_empty() {
                out.push(place.diagnostic(finding, verdict, &items));
            }
        }
    }
    out
}

/// The descriptor's acceptance of a column, if it has one.
fn accepted<'a>(
    resource: &'a Resource,
    finding: &ColumnFinding,
) -> Option<&'a PersonalDataAcceptance> {
    let name = normalise(&finding.column);
    resource
        .personal_data
        .iter()
        .find(|a| normalise(&a.column) == name)
}

/// What each kind of values found in a column comes to; `unit`: what its
/// row numbers count (`line`, `row`, `feature`).
pub fn judge(
    resource: &Resource,
    finding: &ColumnFinding,
    institutional: &Institutional,
    unit: &str,
) -> Vec<Judgement> {
    let name = normalise(&finding.column);
    let offices = resource
        .fields
        .iter()
        .any(|f| f.holds == Some(Holds::Offices) && normalise(&f.name) == name);
    let mut judged: Vec<Judgement> = finding
        .kinds
        .iter()
        .map(|kind| Judgement {
            verdict: match kind.kind {
                PersonalDataKind::Name if offices => Verdict::Officials,
                PersonalDataKind::Phone | PersonalDataKind::Address if offices => Verdict::Office,
                _ => Verdict::Personal,
            },
            kind: kind.kind,
            message: item(
                kind.kind.describe(),
                &kind.rows,
                &kind.example,
                why(kind, offices),
                unit,
            ),
            rows: kind.rows.clone(),
        })
        .collect();
    judged.extend(emails(finding, institutional, unit));
    if accepted(resource, finding).is_some() {
        judged
            .iter_mut()
            .for_each(|j| j.verdict = Verdict::Accepted);
    }
    judged
}

/// A column's e-mail addresses: the offices' together, the people's together.
fn emails(finding: &ColumnFinding, institutional: &Institutional, unit: &str) -> Vec<Judgement> {
    let mut judged = Vec::new();
    for office in [false, true] {
        let addresses: Vec<&EmailFinding> = finding
            .emails
            .iter()
            .filter(|e| (e.role || institutional.contains(&e.domain)) == office)
            .collect();
        let Some(first) = addresses.first() else {
            continue;
        };
        let rows = addresses
            .iter()
            .fold(Rows::default(), |all, e| all.merged(&e.rows));
        let shown = email::shown_domain(&first.domain, office);
        let example = format!("{}@{shown}", first.local_example);
        let reason = if office {
            let role = if first.role { "yes" } else { "no" };
            msg!("rules-personal-data-why-office-email", role = role)
        } else {
            msg!("rules-personal-data-why-personal-email")
        };
        judged.push(Judgement {
            verdict: if office {
                Verdict::Office
            } else {
                Verdict::Personal
            },
            kind: PersonalDataKind::Email,
            message: item(
                PersonalDataKind::Email.describe(),
                &rows,
                &example,
                reason,
                unit,
            ),
            rows,
        });
    }
    judged
}

/// "CURP en 12 filas (líneas 2, 5, …), p. ej. `GOMC******HDF****3`: …".
fn item(kind: Message, rows: &Rows, example: &str, why: Message, unit: &str) -> Message {
    let lines = rows
        .first_lines
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let more = if rows.count > rows.first_lines.len() as u64 {
        ", …"
    } else {
        ""
    };
    msg!(
        "rules-personal-data-item",
        kind = kind,
        rows = rows.count,
        unit = unit,
        count = rows.first_lines.len(),
        lines = format!("{lines}{more}"),
        example = example,
        why = why
    )
}

/// Why values of a kind were taken for personal data.
fn why(kind: &KindFinding, offices: bool) -> Message {
    match &kind.evidence {
        _ if offices
            && matches!(
                kind.kind,
                PersonalDataKind::Phone | PersonalDataKind::Address | PersonalDataKind::Name
            ) =>
        {
            msg!("rules-personal-data-why-offices", kind = kind.kind.key())
        }
        Evidence::Shape => msg!("rules-personal-data-why-shape", kind = kind.kind.key()),
        Evidence::CheckDigits {
            valid,
            wrong,
            named,
        } => msg!(
            "rules-personal-data-why-check-digits",
            valid = *valid,
            wrong = *wrong,
            named = if *named { "yes" } else { "no" }
        ),
        Evidence::Names {
            hits,
            judged,
            sample,
        } => msg!(
            "rules-personal-data-why-names",
            hits = *hits,
            judged = *judged,
            sample = sample.join(", "),
            sampled = if sample.is_empty() { "no" } else { "yes" }
        ),
        Evidence::Addresses {
            hits,
            judged,
            people,
        } => msg!(
            "rules-personal-data-why-addresses",
            hits = *hits,
            judged = *judged,
            people = people
        ),
        Evidence::BirthDates {
            people,
            named,
            first_year,
            last_year,
        } => msg!(
            "rules-personal-data-why-birth-dates",
            people = people,
            named = if *named { "yes" } else { "no" },
            first = first_year.to_string(),
            last = last_year.to_string()
        ),
    }
}

/// The sentence of one column's items: "columna 3, `curp`: …; …".
fn column_message(finding: &ColumnFinding, items: &[&Judgement], id: &'static str) -> Message {
    let items: Vec<Message> = items.iter().map(|j| j.message.clone()).collect();
    Message::new(id)
        .arg("position", finding.position)
        .arg("column", &finding.column)
        .arg("items", items)
}

impl Place<'_> {
    /// The diagnostic of a column's items of one verdict, at its first row.
    fn diagnostic(
        &self,
        finding: &ColumnFinding,
        verdict: Verdict,
        items: &[&Judgement],
    ) -> Diagnostic {
        let first_line = items.iter().filter_map(|j| j.first_line()).min();
        let block = self.block(&finding.column);
        let (severity, code, id, help) = match verdict {
            Verdict::Personal => (
                Severity::Error,
                Code::PersonalData,
                "rules-personal-data",
                msg!(
                    "rules-personal-data-help",
                    descriptor = self.descriptor,
                    resource = self.resource_path(),
                    column = block
                ),
            ),
            Verdict::Office => (
                Severity::Warning,
                Code::PersonalDataOffice,
                "rules-personal-data-office",
                msg!(
                    "rules-personal-data-office-help",
                    descriptor = self.descriptor,
                    resource = self.resource_path(),
                    column = block
                ),
            ),
            Verdict::Officials | Verdict::Accepted => (
                Severity::Info,
                Code::PersonalDataAccepted,
                "rules-personal-data-officials",
                msg!("rules-personal-data-officials-help"),
            ),
        };
        let message = self.in_sheet(column_message(finding, items, id));
        let mut diagnostic = match severity {
            Severity::Error => Diagnostic::error(self.data_file, message),
            Severity::Warning => Diagnostic::warning(self.data_file, message),
            Severity::Info => Diagnostic::info(self.data_file, message),
        };
        diagnostic = diagnostic.code(code).help(help);
        self.at(diagnostic, first_line)
    }

    /// A note about the table's file.
    fn note(&self, message: Message, code: Code, help: Message) -> Diagnostic {
        let note = Diagnostic::info(self.data_file, self.in_sheet(message))
            .code(code)
            .help(help);
        self.at(note, None)
    }

    /// Points a diagnostic at its first row's line (CSV, KML) or sheet row
    /// (workbook); a GeoJSON keeps no lines, so its findings point at the file's first.
    fn at(&self, diagnostic: Diagnostic, first_line: Option<usize>) -> Diagnostic {
        match first_line {
            Some(line) if self.unit != "feature" => diagnostic.at_line(line),
            _ => diagnostic.at_line(1),
        }
    }

    /// `message`, naming the sheet it is about when there is one.
    fn in_sheet(&self, message: Message) -> Message {
        match self.sheet {
            Some(name) => msg!("analyse-in-sheet", sheet = name, message = message),
            None => message,
        }
    }

    /// The column's name as a TOML string, for the block to paste.
    fn block(&self, column: &str) -> String {
        crate::toml_text::string(column)
    }

    /// The data file as its descriptor names it: relative to the descriptor's folder.
    fn resource_path(&self) -> &str {
        let folder = self
            .descriptor
            .rsplit_once('/')
            .map_or("", |(folder, _)| folder);
        self.data_file
            .strip_prefix(folder)
            .and_then(|rest| rest.strip_prefix('/'))
            .unwrap_or(self.data_file)
    }
}
