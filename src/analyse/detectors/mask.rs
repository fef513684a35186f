//! A value masked for a report: enough to recognise the kind of thing and
//! find the row, never enough to read a person's data. What is not personal
//! is kept: a CURP's structure letters (initials, sex, state), the words of
//! an address's street type, the century of a birth date. E-mail addresses
//! are masked in `email.rs`, which knows offices' words.

use super::text::{Hints, Item, scan};
use super::{PersonalDataKind, email, people};

/// `value` masked the way its kind calls for.
pub fn mask(kind: PersonalDataKind, value: &str) -> String {
    let value = value.trim();
    match kind {
        PersonalDataKind::Curp if value.chars().count() == 18 => {
            // GOMC******HDF****3: initials, sex and state, check digit.
            keep_positions(value, |i| i < 4 || (10..13).contains(&i) || i == 17)
        }
        PersonalDataKind::Name => words(value, super::people::is_particle),
        PersonalDataKind::Address => words(value, super::people::is_street_word),
        PersonalDataKind::BirthDate => century(value),
        _ => ends(value),
    }
}

/// A text with every identifier, phone and e-mail address in it masked, or
/// all of it masked as a name when it is one: what a message may quote of a
/// value that is not known to be harmless (a value that does not fit its
/// column's type, say).
pub fn mask_text(text: &str) -> String {
    if people::name_shape(text).is_some_and(|s| s.is_full_name()) {
        return mask(PersonalDataKind::Name, text);
    }
    let mut masked: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    scan(text, Hints::default(), |item| {
        masked.push(match item {
            Item::Id { id, at, .. } => {
                let kind = PersonalDataKind::of_id(id);
                (at.clone(), mask(kind, &text[at]))
            }
            Item::Phone { at } => (at.clone(), mask(PersonalDataKind::Phone, &text[at])),
            Item::Email { local, domain } => (
                local.start..domain.end,
                format!(
                    "{}@{}",
                    email::mask_local(&text[local]),
                    email::shown_domain(&text[domain].to_ascii_lowercase(), false)
                ),
            ),
        });
    });
    masked.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (range, masked) in masked {
        if range.start >= done {
            out.push_str(&text[done..range.start]);
            out.push_str(&masked);
            done = range.end;
        }
    }
    out.push_str(&text[done..]);
    out
}

/// Keeps the characters at the positions `keep` says, stars the other letters and digits.
fn keep_positions(value: &str, keep: impl Fn(usize) -> bool) -> String {
    value
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if keep(i) || !c.is_alphanumeric() {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// The first two and last two letters or digits kept: `22* *** **34`.
fn ends(value: &str) -> String {
    let alnum = value.chars().filter(|c| c.is_alphanumeric()).count();
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if !c.is_alphanumeric() {
                return c;
            }
            seen += 1;
            if seen <= 2 || seen + 2 > alnum {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// Each word as its initial and three stars (`M*** G*** H*** L***`), the
/// words `keep` says kept whole; digits starred.
fn words(value: &str, keep: impl Fn(&str) -> bool) -> String {
    value
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|word| {
            let bare = word.trim_end_matches(['.', ',']);
            if keep(bare) || !bare.chars().any(char::is_alphanumeric) {
                return word.to_string();
            }
            let mut chars = word.chars();
            match chars.next() {
                Some(first) if first.is_alphabetic() && bare.chars().any(char::is_alphabetic) => {
                    let tail: String = word[bare.len()..].to_string();
                    format!("{first}***{tail}")
                }
                _ => word
                    .chars()
                    .map(|c| if c.is_ascii_digit() { '*' } else { c })
                    .collect(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every digit starred but a four-digit year's first two: `**/**/19**`.
fn century(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        for j in 0..run {
            out.push(if run == 4 && j < 2 { chars[i + j] } else { '*' });
        }
        i += run;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_keeps_only_what_is_not_personal() {
        for (kind, value, masked) in [
            (
                PersonalDataKind::Curp,
                "GOMC850412HDFRRR03",
                "GOMC******HDF****3",
            ),
            (PersonalDataKind::Phone, "228 841 1234", "22* *** **34"),
            (
                PersonalDataKind::Card,
                "4111 1111 1111 1111",
                "41** **** **** **11",
            ),
            (
                PersonalDataKind::Name,
                "María Guadalupe de la Cruz",
                "M*** G*** de la C***",
            ),
            (
                PersonalDataKind::Address,
                "Calle Hidalgo 23, Col. Centro",
                "Calle H*** **, Col. C***",
            ),
            (PersonalDataKind::BirthDate, "12/05/1987", "**/**/19**"),
            (PersonalDataKind::BirthDate, "1987-05-12", "19**-**-**"),
        ] {
            assert_eq!(mask(kind, value), masked, "{value}");
        }
    }
}
