//! Personal-data detectors: pure functions that say whether one value is a
//! CURP, RFC, CLABE, card number, INE voter key, e-mail address or Mexican
//! phone number (check digits where the identifier has one), and how to show
//! it masked. The algorithms are those of /work/shared/REFERENCE.md.

use crate::messages::Message;
use crate::msg;

/// A kind of personal data.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum PersonalDataKind {
    Curp,
    Rfc,
    Clabe,
    Card,
    VoterKey,
    Email,
    Phone,
}

impl PersonalDataKind {
    /// How a message names it.
    pub fn describe(self) -> Message {
        let kind = match self {
            PersonalDataKind::Curp => "curp",
            PersonalDataKind::Rfc => "rfc",
            PersonalDataKind::Clabe => "clabe",
            PersonalDataKind::Card => "card",
            PersonalDataKind::VoterKey => "voter-key",
            PersonalDataKind::Email => "email",
            PersonalDataKind::Phone => "phone",
        };
        msg!("analyse-personal-data-kind", kind = kind)
    }
}

/// What a value is, if it is personal data. `column_hints_phone` says the
/// column's name speaks of phones, so a bare 10-digit number counts.
pub fn detect(value: &str, column_hints_phone: bool) -> Option<PersonalDataKind> {
    let value = value.trim();
    if value.len() < 6 || value.len() > 320 {
        return None;
    }
    if let Some(kind) = identifier(value) {
        return Some(kind);
    }
    if is_clabe(value) {
        return Some(PersonalDataKind::Clabe);
    }
    if is_card(value) {
        return Some(PersonalDataKind::Card);
    }
    if is_email(value) {
        return Some(PersonalDataKind::Email);
    }
    if is_phone(value, column_hints_phone) {
        return Some(PersonalDataKind::Phone);
    }
    // A longer text may carry an identifier or address among its words.
    if value.contains(char::is_whitespace) {
        for word in value.split(|c: char| c.is_whitespace() || ",;()<>[]\"'".contains(c)) {
            let word = word.trim_end_matches(['.', ':']);
            if word.len() >= 6 && !word.contains(char::is_whitespace) {
                if let Some(kind) = identifier(word).filter(|k| *k != PersonalDataKind::VoterKey) {
                    return Some(kind);
                }
                if is_email(word) {
                    return Some(PersonalDataKind::Email);
                }
            }
        }
    }
    None
}

/// A CURP, INE voter key or RFC, in any case. Only values of their lengths
/// are upper-cased: this runs on every cell of every table.
fn identifier(value: &str) -> Option<PersonalDataKind> {
    let length = value.chars().count();
    if !matches!(length, 12 | 13 | 18) {
        return None;
    }
    let upper = value.to_uppercase();
    if is_curp(&upper) {
        Some(PersonalDataKind::Curp)
    } else if is_voter_key(&upper) {
        Some(PersonalDataKind::VoterKey)
    } else if is_rfc(&upper) {
        Some(PersonalDataKind::Rfc)
    } else {
        None
    }
}

const CURP_ALPHABET: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";

fn position(alphabet: &str, c: char) -> Option<u32> {
    alphabet.chars().position(|a| a == c).map(|p| p as u32)
}

fn is_date(digits: &[char]) -> bool {
    let number = |a: char, b: char| a.to_digit(10).zip(b.to_digit(10)).map(|(a, b)| a * 10 + b);
    match (number(digits[2], digits[3]), number(digits[4], digits[5])) {
        (Some(month), Some(day)) => {
            (1..=12).contains(&month)
                && (1..=31).contains(&day)
                && digits[..2].iter().all(char::is_ascii_digit)
        }
        _ => false,
    }
}

/// A CURP: shape and check digit (upper-case input).
pub fn is_curp(value: &str) -> bool {
    let c: Vec<char> = value.chars().collect();
    if c.len() != 18 {
        return false;
    }
    let letter = |x: char| x.is_ascii_uppercase() || x == 'Ñ';
    let shape = c[..4].iter().all(|&x| letter(x))
        && is_date(&c[4..10])
        && matches!(c[10], 'H' | 'M' | 'X')
        && c[11..16].iter().all(|&x| letter(x))
        && (c[16].is_ascii_digit() || letter(c[16]))
        && c[17].is_ascii_digit();
    if !shape {
        return false;
    }
    let mut sum = 0;
    for (i, &x) in c[..17].iter().enumerate() {
        match position(CURP_ALPHABET, x) {
            Some(v) => sum += v * (18 - i as u32),
            None => return false,
        }
    }
    let check = (10 - sum % 10) % 10;
    c[17].to_digit(10) == Some(check)
}

const RFC_ALPHABET: &str = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";

/// An RFC of a person (13 characters) or a company (12): shape and check digit.
pub fn is_rfc(value: &str) -> bool {
    let c: Vec<char> = value.chars().collect();
    let letters = match c.len() {
        13 => 4,
        12 => 3,
        _ => return false,
    };
    let letter = |x: char| x.is_ascii_uppercase() || x == 'Ñ' || x == '&';
    let alnum = |x: char| x.is_ascii_uppercase() || x.is_ascii_digit();
    let shape = c[..letters].iter().all(|&x| letter(x))
        && is_date(&c[letters..letters + 6])
        && c[letters + 6..].iter().all(|&x| alnum(x));
    if !shape {
        return false;
    }
    let mut padded = c.clone();
    if padded.len() == 12 {
        padded.insert(0, ' ');
    }
    let mut sum = 0;
    for (i, &x) in padded[..12].iter().enumerate() {
        match position(RFC_ALPHABET, x) {
            Some(v) => sum += v * (13 - i as u32),
            None => return false,
        }
    }
    let check = match 11 - sum % 11 {
        11 => '0',
        10 => 'A',
        r => char::from_digit(r, 10).unwrap_or('?'),
    };
    padded[12] == check
}

/// A CLABE: 18 digits with its check digit (weights 3, 7, 1).
pub fn is_clabe(value: &str) -> bool {
    if value.len() != 18 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let digits: Vec<u32> = value.chars().filter_map(|c| c.to_digit(10)).collect();
    let sum: u32 = digits[..17]
        .iter()
        .zip([3, 7, 1].iter().cycle())
        .map(|(d, w)| d * w % 10)
        .sum();
    digits[17] == (10 - sum % 10) % 10
}

/// A payment card: 13 to 19 digits, optionally in groups split by spaces or dashes, passing Luhn.
pub fn is_card(value: &str) -> bool {
    if !value
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
    {
        return false;
    }
    let digits: Vec<u32> = value.chars().filter_map(|c| c.to_digit(10)).collect();
    if !(13..=19).contains(&digits.len()) || digits.iter().all(|&d| d == digits[0]) {
        return false;
    }
    // Cards start with 2 to 6 (Mastercard, Visa, Amex, Discover, UnionPay…).
    if !(2..=6).contains(&digits[0]) {
        return false;
    }
    luhn(&digits)
}

pub fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// An INE voter key (clave de elector): 6 letters, 6-digit birth date, 2-digit state, H/M, 3 digits.
pub fn is_voter_key(value: &str) -> bool {
    let c: Vec<char> = value.chars().collect();
    c.len() == 18
        && c[..6].iter().all(|x| x.is_ascii_uppercase())
        && c[6..14].iter().all(char::is_ascii_digit)
        && is_date(&c[6..12])
        && matches!(c[14], 'H' | 'M')
        && c[15..].iter().all(char::is_ascii_digit)
}

/// An e-mail address, by shape.
pub fn is_email(value: &str) -> bool {
    let value = value.strip_prefix("mailto:").unwrap_or(value);
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-'".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic));
    local_ok && domain_ok
}

/// A Mexican phone number: 10 digits, optionally after +52, with spaces,
/// dashes, dots or parentheses. A bare run of 10 digits counts only when the
/// column speaks of phones; decimal amounts and dates never count.
pub fn is_phone(value: &str, column_hints_phone: bool) -> bool {
    if !value
        .chars()
        .all(|c| c.is_ascii_digit() || " -.()+".contains(c))
    {
        return false;
    }
    let mut digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let international = value.trim_start().starts_with('+');
    if international {
        match digits.strip_prefix("52") {
            Some(rest) => digits = rest.to_string(),
            None => return false,
        }
    } else if digits.len() == 12 && digits.starts_with("52") && value.contains(' ') {
        digits = digits[2..].to_string();
    }
    if digits.len() != 10 || digits.starts_with('0') {
        return false;
    }
    // A decimal amount: one dot followed by one or two digits at the end.
    if value.matches('.').count() == 1 {
        return false;
    }
    if value.contains('+') && !international {
        return false;
    }
    let separated = value.chars().any(|c| " -.()".contains(c));
    international || separated || column_hints_phone
}

/// The value with most of its characters hidden: enough to find the row, never enough to read it.
pub fn mask(kind: PersonalDataKind, value: &str) -> String {
    let value = value.trim();
    let chars: Vec<char> = value.chars().collect();
    let star = |keep: &dyn Fn(usize) -> bool| -> String {
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                if keep(i) || !c.is_alphanumeric() {
                    c
                } else {
                    '*'
                }
            })
            .collect()
    };
    match kind {
        // GOMC******HDF****2: initials, sex and state, check digit.
        PersonalDataKind::Curp if chars.len() == 18 => {
            star(&|i| i < 4 || (10..13).contains(&i) || i == 17)
        }
        PersonalDataKind::Email => match value.split_once('@') {
            Some((local, domain)) => {
                let first: String = local.chars().take(1).collect();
                let tld = domain.rsplit('.').next().unwrap_or("");
                format!(
                    "{first}{}@{}.{tld}",
                    "*".repeat(local.chars().count().saturating_sub(1).max(1)),
                    "*".repeat(domain.chars().count().saturating_sub(tld.len() + 1).max(1))
                )
            }
            None => "*".repeat(chars.len()),
        },
        _ => {
            let alnum = chars.iter().filter(|c| c.is_alphanumeric()).count();
            let mut seen = 0;
            chars
                .iter()
                .map(|&c| {
                    if !c.is_alphanumeric() {
                        return c;
                    }
                    seen += 1;
                    if seen <= 2 || seen > alnum - 2 {
                        c
                    } else {
                        '*'
                    }
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a CURP with the right check digit from its first 17 characters.
    fn curp_with_check(first17: &str) -> String {
        let sum: u32 = first17
            .chars()
            .enumerate()
            .map(|(i, c)| position(CURP_ALPHABET, c).unwrap() * (18 - i as u32))
            .sum();
        format!("{first17}{}", (10 - sum % 10) % 10)
    }

    #[test]
    fn made_up_curps_are_detected_and_a_wrong_check_digit_is_not() {
        let curp = curp_with_check("GOMC850412HDFRRR0");
        assert!(is_curp(&curp), "{curp}");
        assert_eq!(
            detect(&curp.to_lowercase(), false),
            Some(PersonalDataKind::Curp)
        );
        let last = curp.chars().last().unwrap().to_digit(10).unwrap();
        let wrong = format!("{}{}", &curp[..17], (last + 1) % 10);
        assert!(!is_curp(&wrong));
        assert_eq!(detect(&wrong, false), None);
        // A differentiator letter (born from 2000 on) also counts.
        assert!(is_curp(&curp_with_check("LOPA030101MJCPRNA")));
        // Not a date: not a CURP.
        assert!(!is_curp(&curp_with_check("GOMC851312HDFRRR0")));
    }

    #[test]
    fn the_masked_curp_keeps_only_initials_sex_state_and_check() {
        let curp = curp_with_check("GOMC850412HDFRRR0");
        let masked = mask(PersonalDataKind::Curp, &curp);
        assert_eq!(masked, format!("GOMC******HDF****{}", &curp[17..]));
    }

    fn rfc_with_check(first: &str) -> String {
        let mut padded: Vec<char> = first.chars().collect();
        if padded.len() == 11 {
            padded.insert(0, ' ');
        }
        let sum: u32 = padded
            .iter()
            .enumerate()
            .map(|(i, &c)| position(RFC_ALPHABET, c).unwrap() * (13 - i as u32))
            .sum();
        let check = match 11 - sum % 11 {
            11 => '0',
            10 => 'A',
            r => char::from_digit(r, 10).unwrap(),
        };
        format!("{first}{check}")
    }

    #[test]
    fn made_up_rfcs_are_detected_and_a_wrong_check_digit_is_not() {
        for first in ["GOMC850412AB", "LOPA030101X1", "ABC150101K2", "Ñ&A990909XY"] {
            let rfc = rfc_with_check(first);
            assert!(is_rfc(&rfc), "{rfc}");
            assert_eq!(detect(&rfc, false), Some(PersonalDataKind::Rfc), "{rfc}");
            let last = rfc.chars().last().unwrap();
            let wrong_check = if last == '1' { '2' } else { '1' };
            let wrong: String = rfc
                .chars()
                .take(rfc.chars().count() - 1)
                .chain([wrong_check])
                .collect();
            assert!(!is_rfc(&wrong), "{wrong}");
            assert_eq!(detect(&wrong, false), None, "{wrong}");
        }
    }

    #[test]
    fn clabes_need_their_check_digit() {
        // 002 (bank) 180 (branch) 00000000001 (account) + check.
        let first = "00218000000000001";
        let sum: u32 = first
            .chars()
            .zip([3, 7, 1].iter().cycle())
            .map(|(c, w)| c.to_digit(10).unwrap() * w % 10)
            .sum();
        let clabe = format!("{first}{}", (10 - sum % 10) % 10);
        assert!(is_clabe(&clabe));
        assert_eq!(detect(&clabe, false), Some(PersonalDataKind::Clabe));
        let wrong = format!("{first}{}", (11 - sum % 10) % 10);
        assert!(!is_clabe(&wrong));
    }

    #[test]
    fn card_numbers_pass_luhn() {
        assert!(is_card("4111 1111 1111 1111"));
        assert!(is_card("5555-5555-5555-4444"));
        assert_eq!(
            detect("4111111111111111", false),
            Some(PersonalDataKind::Card)
        );
        assert!(!is_card("4111 1111 1111 1112"));
        assert_eq!(
            mask(PersonalDataKind::Card, "4111 1111 1111 1111"),
            "41** **** **** **11"
        );
    }

    #[test]
    fn voter_keys_by_shape() {
        assert!(is_voter_key("GOMRCR85041209H100"));
        assert_eq!(
            detect("GOMRCR85041209H100", false),
            Some(PersonalDataKind::VoterKey)
        );
        assert!(!is_voter_key("GOMRCR85041209X100"));
    }

    #[test]
    fn emails_and_their_mask() {
        assert!(is_email("juana.perez@example.org"));
        assert!(!is_email("no es correo"));
        assert!(!is_email("a@b"));
        assert_eq!(
            detect("Escribir a juana@example.org.", false),
            Some(PersonalDataKind::Email)
        );
        assert_eq!(
            mask(PersonalDataKind::Email, "juana@example.org"),
            "j****@*******.org"
        );
    }

    #[test]
    fn phones_but_not_amounts_years_or_dates() {
        for phone in [
            "228 841 1234",
            "(228) 841-1234",
            "+52 33 3669 1234",
            "+523336691234",
            "228.841.1234",
            "55-1234-5678",
        ] {
            assert!(is_phone(phone, false), "{phone}");
        }
        assert!(is_phone("2288411234", true));
        for not_phone in [
            "2288411234",
            "12345678.90",
            "2014",
            "2015-01-31",
            "1234567890.5",
            "0123456789",
            "20142015",
        ] {
            assert!(!is_phone(not_phone, false), "{not_phone}");
        }
        assert_eq!(
            mask(PersonalDataKind::Phone, "228 841 1234"),
            "22* *** **34"
        );
    }
}
