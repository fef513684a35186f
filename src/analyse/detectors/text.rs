//! Personal data inside any text: a whole cell ("GOMC850412HDFRRR03") or a
//! sentence ("llamar al 228 812 3405 después de las 5", "mi CURP es …").
//! One pass over the text's words: letters-and-digits words are tried as
//! CURP, RFC or voter key; runs of digit groups joined by a space, dash,
//! dot or parentheses as a phone, card, CLABE or NSS; each `@` as an
//! e-mail address. A text with fewer than six digits and no `@` is left at
//! once: no identifier, phone or address fits in it, and most cells are such.

use super::email::is_email;
use super::ids::{self, Check, Token};
use std::ops::Range;

/// What a column's name says of its values, so that bare numbers count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints {
    /// A bare 10-digit number is a phone.
    pub phone: bool,
    /// An 11-digit number is a social security number.
    pub nss: bool,
}

/// An identifier found, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id {
    Curp,
    Rfc,
    VoterKey,
    Clabe,
    Card,
    Nss,
}

/// One item found in a text; `at` is where it is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Id {
        id: Id,
        check: Check,
        /// A word before it names it (`NSS 12345678903`, `CURP: …`).
        named: bool,
        at: Range<usize>,
    },
    Phone {
        at: Range<usize>,
    },
    Email {
        local: Range<usize>,
        domain: Range<usize>,
    },
}

/// Calls `found` for each item in `text`.
pub fn scan(text: &str, hints: Hints, mut found: impl FnMut(Item)) {
    let bytes = text.as_bytes();
    let mut digits = 0usize;
    let mut at = false;
    for &b in bytes {
        digits += usize::from(b.is_ascii_digit());
        at |= b == b'@';
    }
    if at {
        emails(text, &mut found);
    }
    if digits >= 6 {
        Words::new(text, hints).run(&mut found);
    }
}

/// The e-mail addresses around each `@`.
fn emails(text: &str, found: &mut impl FnMut(Item)) {
    let bytes = text.as_bytes();
    let local_byte = |b: u8| b.is_ascii_alphanumeric() || b"._%+-'".contains(&b);
    let domain_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
    for (i, _) in text.match_indices('@') {
        let mut start = i;
        while start > 0 && local_byte(bytes[start - 1]) {
            start -= 1;
        }
        while start < i && matches!(bytes[start], b'.' | b'\'') {
            start += 1;
        }
        let mut end = i + 1;
        while end < bytes.len() && domain_byte(bytes[end]) {
            end += 1;
        }
        while end > i + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        if is_email(&text[start..i], &text[i + 1..end]) {
            found(Item::Email {
                local: start..i,
                domain: i + 1..end,
            });
        }
    }
}

/// Words that, just before a number, say it is a phone.
const PHONE_WORDS: &[&str] = &[
    "tel",
    "cel",
    "movil",
    "móvil",
    "whatsapp",
    "whats",
    "wa",
    "llamar",
    "llame",
    "llamen",
    "marcar",
    "lada",
    "fax",
    "celular",
    "telefono",
    "teléfono",
    "telefonos",
    "teléfonos",
    "contacto",
];

/// Words that, just before an identifier, name it.
const ID_WORDS: &[&str] = &[
    "nss",
    "imss",
    "social",
    "afiliacion",
    "afiliación",
    "curp",
    "rfc",
    "clabe",
    "cuenta",
    "tarjeta",
];

/// Short words skipped when looking for the word before a number (`tel. al 228…`).
const FILLERS: &[&str] = &[
    "al", "el", "a", "es", "de", "mi", "su", "no", "num", "número", "y",
];

/// A run of digit groups being read: `(228) 812-3405` is three groups.
struct Run {
    start: usize,
    end: usize,
    groups: u8,
    /// Digits in the run, up to 20.
    digits: [u8; 20],
    len: usize,
    largest_group: usize,
    /// The digits in each group, for the first six.
    sizes: [u8; 6],
    /// A `+` stands right before the first group.
    international: bool,
    /// The nearest word before the run.
    before: Option<Range<usize>>,
}

impl Run {
    fn digits(&self) -> &str {
        std::str::from_utf8(&self.digits[..self.len.min(20)]).unwrap_or("")
    }
}

/// The word-by-word reading of one text.
struct Words<'a> {
    text: &'a str,
    bytes: &'a [u8],
    hints: Hints,
    /// The last two words of letters: what precedes a number.
    last_words: [Option<Range<usize>>; 2],
    /// The digit groups being read.
    run: Option<Run>,
}

/// Whether a byte belongs to a word: ASCII letters and digits, `&` (RFCs), and Ñ/ñ's two bytes.
fn word_byte(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b if b.is_ascii_alphanumeric() || b == b'&' => 1,
        0xC3 if matches!(bytes.get(i + 1), Some(0x91 | 0xB1)) => 2,
        _ => 0,
    }
}

impl<'a> Words<'a> {
    fn new(text: &'a str, hints: Hints) -> Words<'a> {
        Words {
            text,
            bytes: text.as_bytes(),
            hints,
            last_words: [None, None],
            run: None,
        }
    }

    fn run(mut self, found: &mut impl FnMut(Item)) {
        let trimmed = self.text.trim();
        let mut i = 0;
        let mut previous_end = 0;
        while i < self.bytes.len() {
            let step = word_byte(self.bytes, i);
            if step == 0 {
                i += 1;
                continue;
            }
            let start = i;
            while i < self.bytes.len() {
                match word_byte(self.bytes, i) {
                    0 => break,
                    n => i += n,
                }
            }
            let word = start..i;
            let gap = &self.bytes[previous_end..start];
            previous_end = i;
            if self.bytes[word.clone()].iter().all(u8::is_ascii_digit) {
                self.digit_group(word, gap, found);
                continue;
            }
            self.end_run(found);
            let text = &self.text[word.clone()];
            if text.bytes().any(|b| b.is_ascii_digit()) {
                self.identifier(word.clone(), text.len() == trimmed.len(), found);
            } else {
                self.last_words = [self.last_words[1].take(), Some(word)];
            }
        }
        self.end_run(found);
    }

    /// Adds a group of digits to the run being read, or starts one.
    fn digit_group(&mut self, group: Range<usize>, gap: &[u8], found: &mut impl FnMut(Item)) {
        let joins = !gap.is_empty()
            && gap.len() <= 3
            && gap.iter().all(|b| b" -.()".contains(b))
            && gap.iter().filter(|&&b| b == b'.').count() <= 1;
        let continues = self.run.as_ref().is_some_and(|run| {
            joins && run.largest_group <= 4 && group.len() <= 4 && run.groups < 6
        });
        // The decimals of a number (`-93.57062084180001`, a coordinate
        // written to the last digit) are no identifier or phone of their own.
        let decimals = gap == b"."
            && self
                .run
                .as_ref()
                .is_some_and(|run| run.end + 1 == group.start);
        if !continues && decimals {
            self.end_run(found);
            return;
        }
        if !continues {
            self.end_run(found);
            let international = gap.ends_with(b"+") || gap.ends_with(b"+ ");
            let opening = gap.ends_with(b"+") || gap.ends_with(b"(");
            self.run = Some(Run {
                start: group.start - usize::from(opening),
                end: group.start,
                groups: 0,
                digits: [0; 20],
                len: 0,
                largest_group: 0,
                sizes: [0; 6],
                international,
                before: self.word_before(),
            });
        }
        if let Some(run) = &mut self.run {
            for &b in &self.bytes[group.clone()] {
                if run.len < 20 {
                    run.digits[run.len] = b;
                }
                run.len += 1;
            }
            if let Some(size) = run.sizes.get_mut(usize::from(run.groups)) {
                *size = u8::try_from(group.len()).unwrap_or(u8::MAX);
            }
            run.groups += 1;
            run.largest_group = run.largest_group.max(group.len());
            run.end = group.end;
        }
    }

    /// The nearest word of letters before here that is not a filler.
    fn word_before(&self) -> Option<Range<usize>> {
        self.last_words.iter().rev().flatten().find_map(|w| {
            let word = &self.text[w.clone()];
            (!FILLERS.iter().any(|f| word.eq_ignore_ascii_case(f))).then(|| w.clone())
        })
    }

    /// Whether `word` (a range of the text) starts with one of `words`, in any ASCII case.
    fn starts_with_any(&self, word: Option<&Range<usize>>, words: &[&str]) -> bool {
        word.is_some_and(|w| {
            let word = self.text[w.clone()].as_bytes();
            words.iter().any(|p| {
                word.len() >= p.len() && word[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            })
        })
    }

    /// Says what the run just read is, if anything.
    fn end_run(&mut self, found: &mut impl FnMut(Item)) {
        let Some(run) = self.run.take() else { return };
        if run.len > 20 {
            return;
        }
        let at = run.start..run.end;
        let digits = run.digits();
        let single = run.groups == 1;
        let named = self.starts_with_any(run.before.as_ref(), ID_WORDS);
        let account = single
            .then(|| {
                ids::clabe(digits)
                    .map(|check| (Id::Clabe, check))
                    .or_else(|| ids::nss(digits).map(|check| (Id::Nss, check)))
            })
            .flatten();
        if let Some((id, check)) = account {
            let named = named || (id == Id::Nss && self.hints.nss);
            found(Item::Id {
                id,
                check,
                named,
                at,
            });
            return;
        }
        if run.international && self.is_phone(&run) {
            found(Item::Phone { at });
            return;
        }
        if (single || run.largest_group == 4)
            && let Some(check) = ids::card(digits)
        {
            found(Item::Id {
                id: Id::Card,
                check,
                named,
                at,
            });
            return;
        }
        if self.is_phone(&run) {
            found(Item::Phone { at });
        }
    }

    /// Ten digits (after +52 or 52 1) grouped as phones are, or bare with a
    /// word or a column name saying so.
    fn is_phone(&self, run: &Run) -> bool {
        let all = run.digits();
        let sizes = &run.sizes[..usize::from(run.groups).min(6)];
        let country_code = all.len() == 12 && sizes.first() == Some(&2) && sizes.len() > 1;
        let mut prefix = 0;
        if run.international || (country_code && all.starts_with("52")) {
            if !all.starts_with("52") {
                return false;
            }
            prefix = if all.len() == 13 && all[2..].starts_with('1') {
                3
            } else {
                2
            };
        }
        let digits = &all[prefix..];
        if digits.len() != 10 || digits.starts_with('0') {
            return false;
        }
        // The groups past the prefix, each of 2 to 4 digits: how phones are written.
        let (mut skip, mut groups, mut sized) = (prefix, 0, true);
        for &size in sizes {
            let size = usize::from(size);
            if skip >= size {
                skip -= size;
                continue;
            }
            groups += 1;
            sized &= (2..=4).contains(&(size - skip));
            skip = 0;
        }
        run.international
            || (groups >= 2 && sized)
            || self.hints.phone
            || self.starts_with_any(run.before.as_ref(), PHONE_WORDS)
    }

    /// A word of letters and digits: a CURP, RFC or (alone in its cell) a voter key.
    fn identifier(&self, word: Range<usize>, whole: bool, found: &mut impl FnMut(Item)) {
        let text = &self.text[word.clone()];
        if !matches!(text.chars().count(), 12 | 13 | 18) {
            return;
        }
        let Some(token) = Token::new(text) else {
            return;
        };
        let named = self.starts_with_any(self.word_before().as_ref(), ID_WORDS);
        let id = if let Some(check) = ids::curp(&token) {
            Some((Id::Curp, check))
        } else if whole && ids::is_voter_key(&token) {
            Some((Id::VoterKey, Check::Valid))
        } else {
            ids::rfc(&token).map(|check| (Id::Rfc, check))
        };
        if let Some((id, check)) = id {
            found(Item::Id {
                id,
                check,
                named,
                at: word,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str, hints: Hints) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        scan(text, hints, |item| {
            let (range, kind) = match item {
                Item::Id { id, check, at, .. } => (
                    at,
                    match (id, check) {
                        (Id::Curp, Check::Valid) => "curp",
                        (Id::Curp, Check::Wrong) => "curp?",
                        (Id::Rfc, Check::Valid) => "rfc",
                        (Id::Rfc, Check::Wrong) => "rfc?",
                        (Id::VoterKey, _) => "voter-key",
                        (Id::Clabe, Check::Valid) => "clabe",
                        (Id::Clabe, Check::Wrong) => "clabe?",
                        (Id::Card, Check::Valid) => "card",
                        (Id::Card, Check::Wrong) => "card?",
                        (Id::Nss, Check::Valid) => "nss",
                        (Id::Nss, Check::Wrong) => "nss?",
                    },
                ),
                Item::Phone { at } => (at, "phone"),
                Item::Email { local, domain } => (local.start..domain.end, "email"),
            };
            out.push((text[range].to_string(), kind));
        });
        out
    }

    fn one(text: &str, found: &str, kind: &'static str) {
        assert_eq!(
            items(text, Hints::default()),
            vec![(found.to_string(), kind)],
            "{text}"
        );
    }

    #[test]
    fn phones_inside_free_text() {
        one(
            "llamar al 228 812 3405 después de las 5",
            "228 812 3405",
            "phone",
        );
        one("Tel. (228) 841-1234 ext 5", "(228) 841-1234", "phone");
        one("cel: 2288123405", "2288123405", "phone");
        one("WhatsApp 55 1234 5678.", "55 1234 5678", "phone");
        one("escribe al +52 33 3669 1234", "+52 33 3669 1234", "phone");
        one("+5215512345678", "+5215512345678", "phone");
        one("22 88 12 34 05", "22 88 12 34 05", "phone");
    }

    #[test]
    fn the_decimals_of_a_number_are_no_card_or_phone() {
        // Coordinates as a program writes a float: the decimals pass Luhn's check.
        for text in [
            "-93.57062084180001",
            "-101.33789377400001",
            "19.432607999999998",
            "monto 1234.2288123405",
        ] {
            assert_eq!(items(text, Hints::default()), vec![], "{text}");
        }
        one("tarjeta 4111.1111.1111.1111", "4111.1111.1111.1111", "card");
        one("tarjeta 4111111111111111.", "4111111111111111", "card");
    }

    #[test]
    fn numbers_that_are_not_phones() {
        for text in [
            "folio 2288123405",
            "pagó $1,234,567.89 el 2015-01-31",
            "del 12.05.2019 al 13.05.2019",
            "C.P. 91000, lote 12",
            "19.5432, -96.9102",
            "0123456789",
            "12345678.90",
            "la licencia 2019-2020-2021",
            "clave catastral 1-234-567-890",
            "cancelación del folio 2288123405",
        ] {
            assert_eq!(items(text, Hints::default()), vec![], "{text}");
        }
        let phone_column = Hints {
            phone: true,
            nss: false,
        };
        assert_eq!(
            items("2288123405", phone_column),
            vec![("2288123405".to_string(), "phone")]
        );
    }

    #[test]
    fn identifiers_and_addresses_inside_a_sentence() {
        one(
            "Mi CURP es GOMC850412HDFRRR03, gracias",
            "GOMC850412HDFRRR03",
            "curp",
        );
        one("RFC GOMC850412AB7.", "GOMC850412AB7", "rfc");
        one("clave GOMC850412HDFRRR04", "GOMC850412HDFRRR04", "curp?");
        one(
            "Escribir a juana.perez@example.org.",
            "juana.perez@example.org",
            "email",
        );
        one("mailto:ana@toluca.gob.mx", "ana@toluca.gob.mx", "email");
        one("NSS 12345678903", "12345678903", "nss");
        one("4111 1111 1111 1111", "4111 1111 1111 1111", "card");
        one("GOMRCR85041209H100", "GOMRCR85041209H100", "voter-key");
        assert_eq!(
            items("clave GOMRCR85041209H100", Hints::default()),
            vec![],
            "a voter key's shape inside a sentence is a code"
        );
    }
}
