//! A corpus of realistic municipal tables holding generated people (never
//! real ones): a programme's beneficiaries, a school grant in Windows-1252,
//! procedures with contact columns, a directory of offices (declared and
//! not), free-text complaints, a workbook, map features, and look-alikes
//! that are not personal (product codes shaped like RFCs, folios, payment
//! references, postal codes, cadastral keys). Each table says what it
//! planted (and what the gate should make of it) and which columns are clean.

pub mod people;
mod tables;

use abierto::analyse::detectors::PersonalDataKind;
use abierto::rules::personal_data::Verdict;

/// Items planted in one column, and what the gate should say of them.
pub struct Planted {
    pub file: &'static str,
    pub sheet: Option<&'static str>,
    pub column: &'static str,
    pub kind: PersonalDataKind,
    pub verdict: Verdict,
    /// How many cells hold one.
    pub count: u64,
}

/// A column with nothing personal in it (or only public servants, in a column of offices).
pub struct Clean {
    pub file: &'static str,
    pub sheet: Option<&'static str>,
    pub column: &'static str,
    /// Its filled cells.
    pub cells: u64,
}

/// The files of the corpus, what they hold, and every whole personal value
/// written in them (which no report may print).
#[derive(Default)]
pub struct Corpus {
    pub files: Vec<(String, Vec<u8>)>,
    pub planted: Vec<Planted>,
    pub clean: Vec<Clean>,
    pub secrets: Vec<String>,
}

impl Corpus {
    /// The whole corpus, the same on every run.
    pub fn generate() -> Corpus {
        let mut corpus = Corpus::default();
        tables::beneficiaries(&mut corpus);
        tables::grants(&mut corpus);
        tables::procedures(&mut corpus);
        tables::directory(&mut corpus, "directorio.csv", true);
        tables::directory(&mut corpus, "directorio-sin-declarar.csv", false);
        tables::complaints(&mut corpus);
        tables::inventory(&mut corpus);
        tables::workbook(&mut corpus);
        tables::reports_map(&mut corpus);
        corpus
    }

    fn file(&mut self, name: &str, bytes: Vec<u8>) {
        self.files.push((name.to_string(), bytes));
    }

    fn plant(
        &mut self,
        file: &'static str,
        sheet: Option<&'static str>,
        column: &'static str,
        kind: PersonalDataKind,
        verdict: Verdict,
        count: u64,
    ) {
        self.planted.push(Planted {
            file,
            sheet,
            column,
            kind,
            verdict,
            count,
        });
    }

    fn clean(
        &mut self,
        file: &'static str,
        sheet: Option<&'static str>,
        columns: &[&'static str],
        cells: u64,
    ) {
        for column in columns {
            self.clean.push(Clean {
                file,
                sheet,
                column,
                cells,
            });
        }
    }
}

/// A CSV record: cells quoted when they hold the separator, a quote or a line break.
pub fn record(cells: &[String], separator: char) -> String {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.contains([separator, '"', '\n']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect();
    format!("{}\n", quoted.join(&separator.to_string()))
}
