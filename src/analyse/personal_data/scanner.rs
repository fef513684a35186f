//! The scanner: a table's rows go in one by one, each column keeps counts
//! and the first rows of what it holds in bounded memory, and at the end
//! each column's evidence is weighed into findings.

use super::headers::{Header, People};
use super::{ColumnFinding, EmailFinding, Evidence, KindFinding, Rows};
use crate::analyse::detectors::{self, Check, Hints, Id, Item, PersonalDataKind, email, people};
use crate::analyse::profile::parse_date;
use std::collections::{BTreeMap, HashMap};

/// A column's values judged as names, addresses and dates: its first this
/// many filled ones (identifiers, phones and e-mails are looked for in all).
/// A column's nature shows well before, and the cost stays bounded.
pub const JUDGED_VALUES: u64 = 10_000;

/// E-mail domains counted apart per column; the others are counted together.
const DOMAINS_KEPT: usize = 32;

/// Given names quoted as a names finding's sample.
const SAMPLE_NAMES: usize = 3;

/// Scans a table row by row. Cells past the header are scanned too, as `columna_N`.
#[derive(Debug, Default)]
pub struct Scanner {
    columns: Vec<Column>,
}

impl Scanner {
    pub fn new(header: &[String]) -> Scanner {
        Scanner {
            columns: header.iter().map(|name| Column::new(name)).collect(),
        }
    }

    /// Scans one row: `line` is where it is (file line, sheet row or feature number).
    pub fn row(&mut self, line: usize, cells: &[&str]) {
        for (i, cell) in cells.iter().enumerate() {
            if i >= self.columns.len() {
                if cell.trim().is_empty() {
                    continue;
                }
                while self.columns.len() <= i {
                    let name = format!("columna_{}", self.columns.len() + 1);
                    self.columns.push(Column::new(&name));
                }
            }
            self.columns[i].cell(line, cell);
        }
    }

    /// The columns with personal data or named like it.
    pub fn finish(self) -> Vec<ColumnFinding> {
        let people = self
            .columns
            .iter()
            .find(|c| c.names().is_some())
            .map(|c| c.name.clone());
        self.columns
            .into_iter()
            .enumerate()
            .filter_map(|(i, column)| column.finding(i + 1, people.as_deref()))
            .collect()
    }
}

/// Rows of something found, with the first one masked.
#[derive(Debug, Default)]
struct Tally {
    rows: Rows,
    example: String,
    /// The last row counted: a row holding two phones counts once.
    last_line: Option<usize>,
}

impl Tally {
    fn add(&mut self, line: usize, example: impl FnOnce() -> String) {
        if self.last_line == Some(line) {
            return;
        }
        self.last_line = Some(line);
        if self.example.is_empty() {
            self.example = example();
        }
        self.rows.add(line);
    }
}

/// An identifier with a check digit, by how sure its finding is.
#[derive(Debug, Default)]
struct Checked {
    /// Named by the column or a word before it, whatever their check digit.
    named: Tally,
    named_wrong: u64,
    valid: Tally,
    wrong: Tally,
}

impl Checked {
    fn add(&mut self, line: usize, check: Check, named: bool, example: impl FnOnce() -> String) {
        match (named, check) {
            (true, Check::Wrong) => {
                self.named_wrong += 1;
                self.named.add(line, example);
            }
            (true, Check::Valid) => self.named.add(line, example),
            (false, Check::Valid) => self.valid.add(line, example),
            (false, Check::Wrong) => self.wrong.add(line, example),
        }
    }

    /// What is counted: the named ones; the others too when most of them
    /// are valid (a mistyped CURP is still a CURP); only the valid ones
    /// otherwise, unless so few are valid that the column holds codes that
    /// look like the identifier. A bare 11-digit number is an NSS only in
    /// a column mostly of them.
    fn finding(&self, kind: PersonalDataKind) -> Option<KindFinding> {
        let (valid, wrong) = (self.valid.rows.count, self.wrong.rows.count);
        let mostly_valid = valid > wrong && (kind != PersonalDataKind::Nss || valid >= 3);
        let look_alikes = wrong >= 10 && valid * 4 <= valid + wrong;
        let mut counted = vec![&self.named];
        if mostly_valid {
            counted.extend([&self.valid, &self.wrong]);
        } else if !look_alikes && kind != PersonalDataKind::Nss {
            counted.push(&self.valid);
        }
        let rows = counted
            .iter()
            .fold(Rows::default(), |all, t| all.merged(&t.rows));
        if rows.count == 0 {
            return None;
        }
        let wrong_counted = self.named_wrong + if mostly_valid { wrong } else { 0 };
        let evidence = if wrong_counted == 0 {
            Evidence::Shape
        } else {
            Evidence::CheckDigits {
                valid: rows.count - wrong_counted,
                wrong: wrong_counted,
                named: self.named_wrong > 0,
            }
        };
        Some(KindFinding {
            kind,
            rows,
            example: counted
                .iter()
                .map(|t| t.example.as_str())
                .find(|e| !e.is_empty())
                .unwrap_or_default()
                .to_string(),
            evidence,
        })
    }
}

/// What a column's first [`JUDGED_VALUES`] filled values look like.
#[derive(Debug, Default)]
struct Judged {
    values: u64,
    names: Tally,
    given: HashMap<u16, u32>,
    addresses: Tally,
    dates: Tally,
    first_year: i32,
    last_year: i32,
}

/// One column being scanned.
#[derive(Debug)]
struct Column {
    name: String,
    header: Header,
    hints: Hints,
    curp: Checked,
    rfc: Checked,
    nss: Checked,
    clabe: Checked,
    card: Checked,
    /// Voter keys (no check digit) and phones.
    shaped: BTreeMap<PersonalDataKind, Tally>,
    emails: Vec<EmailFinding>,
    /// The last row counted for each of `emails`.
    email_lines: Vec<usize>,
    judged: Judged,
}

impl Column {
    fn new(name: &str) -> Column {
        let header = Header::new(name);
        Column {
            name: name.trim().to_string(),
            header,
            hints: Hints {
                phone: header.phone,
                nss: header.nss,
            },
            curp: Checked::default(),
            rfc: Checked::default(),
            nss: Checked::default(),
            clabe: Checked::default(),
            card: Checked::default(),
            shaped: BTreeMap::new(),
            emails: Vec::new(),
            email_lines: Vec::new(),
            judged: Judged::default(),
        }
    }

    fn cell(&mut self, line: usize, cell: &str) {
        detectors::scan(cell, self.hints, |item| self.item(line, cell, item));
        if self.judged.values < JUDGED_VALUES {
            let value = cell.trim();
            if !value.is_empty() {
                self.judge(line, value);
            }
        }
    }

    fn item(&mut self, line: usize, cell: &str, item: Item) {
        match item {
            Item::Id {
                id,
                check,
                named,
                at,
            } => {
                let kind = PersonalDataKind::of_id(id);
                let example = || detectors::mask(kind, &cell[at]);
                let header = self.header;
                match id {
                    Id::Curp => self.curp.add(line, check, named || header.curp, example),
                    Id::Rfc => self.rfc.add(line, check, named || header.rfc, example),
                    Id::Nss => self.nss.add(line, check, named, example),
                    Id::Clabe => self
                        .clabe
                        .add(line, check, named || header.account, example),
                    Id::Card => self.card.add(line, check, named || header.account, example),
                    Id::VoterKey => self.shaped.entry(kind).or_default().add(line, example),
                }
            }
            Item::Phone { at } => {
                let kind = PersonalDataKind::Phone;
                self.shaped
                    .entry(kind)
                    .or_default()
                    .add(line, || detectors::mask(kind, &cell[at]));
            }
            Item::Email { local, domain } => self.email(line, &cell[local], &cell[domain]),
        }
    }

    fn email(&mut self, line: usize, local: &str, domain: &str) {
        let role = email::is_role(local);
        let domain = domain.to_ascii_lowercase();
        let kept = self.emails.iter().filter(|e| e.role == role).count() < DOMAINS_KEPT;
        let domain = if kept { domain } else { String::new() };
        let index = match self
            .emails
            .iter()
            .position(|e| e.domain == domain && e.role == role)
        {
            Some(index) => index,
            None => {
                self.emails.push(EmailFinding {
                    domain,
                    role,
                    rows: Rows::default(),
                    local_example: email::mask_local(local),
                });
                self.email_lines.push(0);
                self.emails.len() - 1
            }
        };
        if self.email_lines[index] != line {
            self.email_lines[index] = line;
            self.emails[index].rows.add(line);
        }
    }

    /// Judges one filled value as a name, an address and a date.
    fn judge(&mut self, line: usize, value: &str) {
        let judged = &mut self.judged;
        judged.values += 1;
        if let Some(shape) = people::name_shape(value) {
            let hit = match self.header.people {
                People::Not => false,
                People::Given => shape.is_full_name() || shape.is_given_names(),
                People::Surname => shape.is_full_name() || shape.is_surnames(),
                People::Person | People::Unsaid => shape.is_full_name(),
            };
            if hit {
                judged
                    .names
                    .add(line, || detectors::mask(PersonalDataKind::Name, value));
                if let Some(index) = shape.first_given {
                    *judged.given.entry(index).or_default() += 1;
                }
            }
        }
        if !self.header.phone && people::is_address(value, self.header.address) {
            judged
                .addresses
                .add(line, || detectors::mask(PersonalDataKind::Address, value));
        }
        if let Some(year) = parse_date(value).and_then(|iso| iso[..4].parse::<i32>().ok()) {
            if judged.dates.rows.count == 0 {
                (judged.first_year, judged.last_year) = (year, year);
            }
            judged.first_year = judged.first_year.min(year);
            judged.last_year = judged.last_year.max(year);
            judged
                .dates
                .add(line, || detectors::mask(PersonalDataKind::BirthDate, value));
        }
    }

    /// Whether enough judged values are `tally`'s: a third when the
    /// column's name speaks for it, half otherwise.
    fn enough(&self, tally: &Tally, named: bool) -> bool {
        let needed = if named { 0.3 } else { 0.5 };
        tally.rows.count >= 1 && tally.rows.count as f64 >= needed * self.judged.values as f64
    }

    /// The column holds people's names.
    fn names(&self) -> Option<KindFinding> {
        let named = matches!(
            self.header.people,
            People::Person | People::Given | People::Surname
        );
        if !self.enough(&self.judged.names, named) {
            return None;
        }
        let mut given: Vec<(u16, u32)> = self.judged.given.iter().map(|(&i, &n)| (i, n)).collect();
        given.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Some(KindFinding {
            kind: PersonalDataKind::Name,
            rows: self.judged.names.rows.clone(),
            example: self.judged.names.example.clone(),
            evidence: Evidence::Names {
                hits: self.judged.names.rows.count,
                judged: self.judged.values,
                sample: given
                    .iter()
                    .take(SAMPLE_NAMES)
                    .map(|(i, _)| people::given_name(*i).to_string())
                    .collect(),
            },
        })
    }

    /// The column holds the street addresses of the people of column `people`.
    fn addresses(&self, people: &str) -> Option<KindFinding> {
        let tally = &self.judged.addresses;
        self.enough(tally, self.header.address)
            .then(|| KindFinding {
                kind: PersonalDataKind::Address,
                rows: tally.rows.clone(),
                example: tally.example.clone(),
                evidence: Evidence::Addresses {
                    hits: tally.rows.count,
                    judged: self.judged.values,
                    people: people.to_string(),
                },
            })
    }

    /// The column holds the birth dates of the people of column `people`:
    /// its name says so, or its dates span a lifetime rather than an
    /// event's years (twenty years or more, from 1900 on).
    fn birth_dates(&self, people: &str) -> Option<KindFinding> {
        let judged = &self.judged;
        let lifetimes = judged.last_year - judged.first_year >= 20 && judged.first_year >= 1900;
        let birth = (self.header.birth && judged.dates.rows.count > 0)
            || (lifetimes && self.enough(&judged.dates, false));
        birth.then(|| KindFinding {
            kind: PersonalDataKind::BirthDate,
            rows: judged.dates.rows.clone(),
            example: judged.dates.example.clone(),
            evidence: Evidence::BirthDates {
                people: people.to_string(),
                named: self.header.birth,
                first_year: judged.first_year,
                last_year: judged.last_year,
            },
        })
    }

    /// What the column holds, if anything personal; `people`: the table's column of names, if any.
    fn finding(self, position: usize, people: Option<&str>) -> Option<ColumnFinding> {
        let mut kinds: Vec<KindFinding> = [
            self.curp.finding(PersonalDataKind::Curp),
            self.rfc.finding(PersonalDataKind::Rfc),
            self.nss.finding(PersonalDataKind::Nss),
            self.clabe.finding(PersonalDataKind::Clabe),
            self.card.finding(PersonalDataKind::Card),
            self.names(),
        ]
        .into_iter()
        .flatten()
        .collect();
        if let Some(people) = people.filter(|p| *p != self.name) {
            kinds.extend(self.addresses(people));
            kinds.extend(self.birth_dates(people));
        }
        kinds.extend(self.shaped.into_iter().map(|(kind, tally)| KindFinding {
            kind,
            rows: tally.rows,
            example: tally.example,
            evidence: Evidence::Shape,
        }));
        kinds.sort_by_key(|k| k.kind);
        let named = self.header.is_personal();
        (named || !kinds.is_empty() || !self.emails.is_empty()).then_some(ColumnFinding {
            column: self.name,
            position,
            kinds,
            emails: self.emails,
            named_like_personal_data: named,
        })
    }
}
