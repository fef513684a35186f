//! Personal data in the texts the portal publishes: participants', datasets',
//! resources' and columns' descriptions, stories and pages. Identifiers
//! (with a right check digit, or a wrong one right after their name) and
//! people's e-mail addresses are errors; a phone number is a warning (an
//! office's is fine: `[check] allow` says so); an office's e-mail address is
//! a note. Each finding points at its line and shows its value masked.

use super::domains::Institutional;
use crate::analyse::detectors::{self, Check, Hints, Id, Item, PersonalDataKind, email};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::model::Site;
use crate::msg;

/// A text of the site: the file it is in, the line its first line is at,
/// and what part of the file it is (`description`, `body`).
struct Text<'a> {
    file: &'a str,
    first_line: Option<usize>,
    part: &'static str,
    text: &'a str,
}

/// Every text the portal publishes that an official writes.
fn texts(site: &Site) -> Vec<Text<'_>> {
    let mut texts = Vec::new();
    let text = |file, first_line, part, text| Text {
        file,
        first_line,
        part,
        text,
    };
    for p in &site.participants {
        texts.push(text(
            &p.source_file,
            Some(p.description_line),
            "description",
            &p.description,
        ));
    }
    for d in &site.datasets {
        let file = d.source_file.as_str();
        texts.push(text(
            file,
            Some(d.description_line),
            "description",
            &d.description,
        ));
        for r in &d.resources {
            texts.push(text(
                file,
                Some(r.description_line),
                "description",
                &r.description,
            ));
            for f in &r.fields {
                texts.push(text(file, None, "description", &f.description));
            }
        }
    }
    for s in &site.stories {
        texts.push(text(
            &s.source_file,
            Some(s.body_first_line),
            "body",
            &s.body,
        ));
    }
    for p in &site.pages {
        texts.push(text(
            &p.source_file,
            Some(p.body_first_line),
            "body",
            &p.body,
        ));
    }
    texts
}

/// The findings in the site's texts.
pub fn diagnostics(site: &Site, institutional: &Institutional) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for text in texts(site) {
        detectors::scan(text.text, Hints::default(), |item| {
            out.extend(finding(&text, &item, institutional));
        });
    }
    out
}

/// What one item found in a text comes to, if anything.
fn finding(text: &Text, item: &Item, institutional: &Institutional) -> Option<Diagnostic> {
    let (severity, kind, example, why, at) = match item {
        Item::Id {
            id,
            check,
            named,
            at,
        } => {
            let counts = *named || (*check == Check::Valid && *id != Id::Nss);
            if !counts {
                return None;
            }
            let kind = PersonalDataKind::of_id(*id);
            let why = if *check == Check::Valid {
                msg!("rules-personal-data-why-shape", kind = kind.key())
            } else {
                msg!("rules-personal-data-why-named")
            };
            let example = detectors::mask(kind, &text.text[at.clone()]);
            (Severity::Error, kind, example, why, at.start)
        }
        Item::Phone { at } => (
            Severity::Warning,
            PersonalDataKind::Phone,
            detectors::mask(PersonalDataKind::Phone, &text.text[at.clone()]),
            msg!("rules-personal-data-why-shape", kind = "phone"),
            at.start,
        ),
        Item::Email { local, domain } => {
            let local_text = &text.text[local.clone()];
            let domain_text = text.text[domain.clone()].to_ascii_lowercase();
            let role = email::is_role(local_text);
            let office = role || institutional.contains(&domain_text);
            let shown = email::shown_domain(&domain_text, office);
            let why = if office {
                msg!(
                    "rules-personal-data-why-office-email",
                    role = if role { "yes" } else { "no" }
                )
            } else {
                msg!("rules-personal-data-why-personal-email")
            };
            let severity = if office {
                Severity::Info
            } else {
                Severity::Error
            };
            let example = format!("{}@{shown}", email::mask_local(local_text));
            (severity, PersonalDataKind::Email, example, why, local.start)
        }
    };
    let message = msg!(
        "rules-personal-data-text",
        kind = kind.describe(),
        part = text.part,
        example = example,
        why = why
    );
    let (code, help) = match severity {
        Severity::Error => (Code::PersonalData, msg!("rules-personal-data-text-help")),
        _ => (
            Code::PersonalDataOffice,
            msg!("rules-personal-data-text-office-help", file = text.file),
        ),
    };
    let diagnostic = match severity {
        Severity::Error => Diagnostic::error(text.file, message),
        Severity::Warning => Diagnostic::warning(text.file, message),
        Severity::Info => Diagnostic::info(text.file, message),
    }
    .code(code)
    .help(help);
    Some(match text.first_line {
        Some(first) => diagnostic.at_line(first + newlines(text.text, at)),
        None => diagnostic,
    })
}

/// Line breaks before byte `at`.
fn newlines(text: &str, at: usize) -> usize {
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}
