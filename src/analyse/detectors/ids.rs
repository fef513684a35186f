//! Identifiers with a fixed shape and, most of them, a check digit: CURP,
//! RFC, INE voter key, CLABE, payment card and IMSS social security number
//! (NSS). Each function takes one token already cut out of a text (no
//! spaces) and says whether it has the identifier's shape and, when it has,
//! whether its check digit is right. The algorithms are those of
//! /work/shared/REFERENCE.md.

/// A token with an identifier's shape: is its check digit right?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Valid,
    /// The shape is right and the check digit is not: a mistyped identifier,
    /// or a code that only looks like one.
    Wrong,
}

impl Check {
    fn of(valid: bool) -> Check {
        if valid { Check::Valid } else { Check::Wrong }
    }
}

/// The longest identifier, in characters.
pub const LONGEST: usize = 18;

/// Up to [`LONGEST`] characters, upper-cased, without allocating.
pub struct Token {
    chars: [char; LONGEST],
    len: usize,
}

impl Token {
    /// The token's characters upper-cased, if it has between 11 and 18.
    pub fn new(text: &str) -> Option<Token> {
        let mut token = Token {
            chars: [' '; LONGEST],
            len: 0,
        };
        for c in text.chars() {
            if token.len == LONGEST {
                return None;
            }
            token.chars[token.len] = match c {
                'ñ' => 'Ñ',
                c => c.to_ascii_uppercase(),
            };
            token.len += 1;
        }
        (token.len >= 11).then_some(token)
    }

    fn chars(&self) -> &[char] {
        &self.chars[..self.len]
    }
}

const CURP_ALPHABET: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
const RFC_ALPHABET: &str = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";

/// The states of a CURP (and NE, born abroad).
const CURP_STATES: [&str; 33] = [
    "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC", "MN",
    "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ", "YN", "ZS",
    "NE",
];

fn position(alphabet: &str, c: char) -> Option<u32> {
    alphabet.chars().position(|a| a == c).map(|p| p as u32)
}

fn letter(c: char) -> bool {
    c.is_ascii_uppercase() || c == 'Ñ'
}

fn consonant(c: char) -> bool {
    letter(c) && !matches!(c, 'A' | 'E' | 'I' | 'O' | 'U')
}

/// Six digits that read as a date YYMMDD.
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

/// A CURP: 4 letters, birth date, sex, state, 3 consonants, differentiator, check digit.
pub fn curp(token: &Token) -> Option<Check> {
    let c = token.chars();
    if c.len() != 18 {
        return None;
    }
    let state: String = c[11..13].iter().collect();
    let shape = c[..4].iter().all(|&x| letter(x))
        && is_date(&c[4..10])
        && matches!(c[10], 'H' | 'M' | 'X')
        && CURP_STATES.contains(&state.as_str())
        && c[13..16].iter().all(|&x| consonant(x))
        && (c[16].is_ascii_digit() || letter(c[16]))
        && c[17].is_ascii_digit();
    if !shape {
        return None;
    }
    let mut sum = 0;
    for (i, &x) in c[..17].iter().enumerate() {
        sum += position(CURP_ALPHABET, x)? * (18 - i as u32);
    }
    Some(Check::of(c[17].to_digit(10) == Some((10 - sum % 10) % 10)))
}

/// An RFC of a person (13 characters) or a company (12).
pub fn rfc(token: &Token) -> Option<Check> {
    let c = token.chars();
    let letters = match c.len() {
        13 => 4,
        12 => 3,
        _ => return None,
    };
    let alnum = |x: char| x.is_ascii_uppercase() || x.is_ascii_digit();
    let shape = c[..letters].iter().all(|&x| letter(x) || x == '&')
        && is_date(&c[letters..letters + 6])
        && c[letters + 6..].iter().all(|&x| alnum(x));
    if !shape {
        return None;
    }
    // A 12-character RFC is weighed as if it had a leading space.
    let padded = std::iter::repeat_n(' ', 13 - c.len()).chain(c.iter().copied());
    let mut sum = 0;
    for (i, x) in padded.take(12).enumerate() {
        sum += position(RFC_ALPHABET, x)? * (13 - i as u32);
    }
    let check = match 11 - sum % 11 {
        11 => '0',
        10 => 'A',
        r => char::from_digit(r, 10)?,
    };
    Some(Check::of(c[c.len() - 1] == check))
}

/// An INE voter key (clave de elector): 6 letters, birth date, 2-digit state, H/M, 3 digits. No check digit.
pub fn is_voter_key(token: &Token) -> bool {
    let c = token.chars();
    c.len() == 18
        && c[..6].iter().all(char::is_ascii_uppercase)
        && c[6..14].iter().all(char::is_ascii_digit)
        && is_date(&c[6..12])
        && matches!(c[14], 'H' | 'M')
        && c[15..].iter().all(char::is_ascii_digit)
}

fn digits_of(value: &str) -> impl Iterator<Item = u32> + '_ {
    value.chars().filter_map(|c| c.to_digit(10))
}

/// A CLABE: 18 digits, the last a check digit (weights 3, 7, 1).
pub fn clabe(digits: &str) -> Option<Check> {
    if digits.len() != 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = digits_of(&digits[..17])
        .zip([3, 7, 1].iter().cycle())
        .map(|(d, w)| d * w % 10)
        .sum();
    Some(Check::of(
        digits_of(&digits[17..]).next() == Some((10 - sum % 10) % 10),
    ))
}

/// A payment card: 13 to 19 digits starting with 2 to 6; its check is Luhn's.
pub fn card(digits: &str) -> Option<Check> {
    let bytes = digits.as_bytes();
    let shape = (13..=19).contains(&bytes.len())
        && bytes.iter().all(u8::is_ascii_digit)
        && (b'2'..=b'6').contains(&bytes[0])
        && !bytes.iter().all(|&b| b == bytes[0]);
    shape.then(|| Check::of(luhn(digits)))
}

/// An NSS: 11 digits, the last a Luhn check digit over the first 10.
pub fn nss(digits: &str) -> Option<Check> {
    (digits.len() == 11 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| Check::of(luhn(digits)))
}

/// Luhn's check over a string of digits (its last digit the check digit).
pub fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A CURP with the right check digit, from its first 17 characters.
    pub fn curp_with_check(first17: &str) -> String {
        let sum: u32 = first17
            .chars()
            .enumerate()
            .map(|(i, c)| position(CURP_ALPHABET, c).unwrap() * (18 - i as u32))
            .sum();
        format!("{first17}{}", (10 - sum % 10) % 10)
    }

    /// An RFC with the right check digit, from all its characters but the last.
    pub fn rfc_with_check(first: &str) -> String {
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

    fn token(text: &str) -> Token {
        Token::new(text).unwrap()
    }

    /// The same text with its last character replaced by another digit.
    fn wrong_last(text: &str) -> String {
        let last = text.chars().last().unwrap();
        let other = if last == '1' { '2' } else { '1' };
        text.chars()
            .take(text.chars().count() - 1)
            .chain([other])
            .collect()
    }

    #[test]
    fn curps_by_shape_and_check_digit() {
        // Worked by hand: G=16×18, O=25×17, M=22×16, C=12×15, 8×14, 5×13, 0, 4×11,
        // 1×10, 2×9, H=17×8, D=13×7, F=15×6, R=28×5, R=28×4, R=28×3, 0 → 2,147; (10 − 7) mod 10 = 3.
        assert_eq!(curp(&token("GOMC850412HDFRRR03")), Some(Check::Valid));
        assert_eq!(curp(&token("gomc850412hdfrrr03")), Some(Check::Valid));
        assert_eq!(curp(&token("GOMC850412HDFRRR04")), Some(Check::Wrong));
        assert_eq!(
            curp(&token(&curp_with_check("LOPA030101MJCPRNA"))),
            Some(Check::Valid),
            "a differentiator letter (born from 2000 on)"
        );
        for not_curp in [
            "GOMC851312HDFRRR03", // month 13
            "GOMC850412HZZRRR03", // no such state
            "GOMC850412HDFARR03", // a vowel where a consonant goes
            "GOMC850412KDFRRR03", // sex K
        ] {
            assert_eq!(curp(&token(not_curp)), None, "{not_curp}");
        }
    }

    #[test]
    fn rfcs_of_people_and_companies() {
        for first in ["GOMC850412AB", "LOPA030101X1", "ABC150101K2", "Ñ&A990909XY"] {
            let rfc_text = rfc_with_check(first);
            assert_eq!(rfc(&token(&rfc_text)), Some(Check::Valid), "{rfc_text}");
            let wrong = wrong_last(&rfc_text);
            assert_eq!(rfc(&token(&wrong)), Some(Check::Wrong), "{wrong}");
        }
        // Worked by hand for GOMC850412AB: the sum is 1,071 = 97 × 11 + 4; 11 − 4 = 7.
        assert_eq!(rfc(&token("GOMC850412AB7")), Some(Check::Valid));
        assert_eq!(rfc(&token("GOMC851312AB7")), None, "not a date");
    }

    #[test]
    fn clabes_cards_and_social_security_numbers() {
        // 002 180 00000000001: 0+0+2 + 1×3 + 8×7 mod 10 + … worked out in the sum below.
        let first = "00218000000000001";
        let sum: u32 = digits_of(first)
            .zip([3, 7, 1].iter().cycle())
            .map(|(d, w)| d * w % 10)
            .sum();
        let good = format!("{first}{}", (10 - sum % 10) % 10);
        assert_eq!(clabe(&good), Some(Check::Valid));
        assert_eq!(clabe(&wrong_last(&good)), Some(Check::Wrong));
        assert_eq!(card("4111111111111111"), Some(Check::Valid));
        assert_eq!(card("4111111111111112"), Some(Check::Wrong));
        assert_eq!(card("1111111111111117"), None, "cards start with 2 to 6");
        // 1234567890: doubled from the right 0, 8, 6, 4, 2 → 0+7+3+8+4, plus 9+7+5+3+1: 47; 47 + 3 = 50.
        assert_eq!(nss("12345678903"), Some(Check::Valid));
        assert_eq!(nss("12345678904"), Some(Check::Wrong));
        assert_eq!(nss("1234567890"), None);
    }

    #[test]
    fn voter_keys_by_shape() {
        assert!(is_voter_key(&token("GOMRCR85041209H100")));
        assert!(!is_voter_key(&token("GOMRCR85041209X100")));
    }
}
