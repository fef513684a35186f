//! How words are compared in search: accents and case folded, a light Spanish
//! stemmer (plural and gender endings), and one-letter misspellings. The theme's
//! `search.js` does the same steps; keep the two in step (tests pin the Rust side).

/// Words too common to help a search; neither indexed nor looked up.
const STOPWORDS: &[&str] = &[
    "de", "del", "la", "las", "el", "los", "lo", "y", "e", "o", "u", "en", "a", "al", "un", "una",
    "unos", "unas", "por", "para", "con", "sin", "que", "se", "su", "sus", "es", "son", "como",
    "the", "of", "and", "to", "in", "for", "on",
];

/// Lower case, accents removed, anything but ASCII letters and digits to a space:
/// `"Tránsito, año 2014"` becomes `"transito ano 2014"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            // One accented Latin letter folds to one ASCII letter (á → a, Ñ → n);
            // other scripts separate words, as in search.js.
            let folded = deunicode::deunicode_char(c).unwrap_or("");
            let mut letters = folded.chars();
            match (letters.next(), letters.next()) {
                (Some(l), None) if l.is_ascii_alphanumeric() => out.push(l.to_ascii_lowercase()),
                _ => out.push(' '),
            }
        } else {
            out.push(' ');
        }
    }
    out
}

/// A light Spanish stemmer: a final `s`, then a final vowel `a`, `e` or `o`
/// go, for words longer than three letters. `escuelas`, `escuela` → `escuel`;
/// `accidentes` → `accident`; `camiones` → `camion`; `viales`, `vial` → `vial`.
pub fn stem(word: &str) -> String {
    let mut w = word;
    if w.len() > 3 && w.ends_with('s') {
        w = &w[..w.len() - 1];
    }
    if w.len() > 3 && (w.ends_with('a') || w.ends_with('e') || w.ends_with('o')) {
        w = &w[..w.len() - 1];
    }
    w.to_string()
}

/// The search terms of a text, in order: folded, stop words dropped, stemmed.
pub fn terms(text: &str) -> Vec<String> {
    fold(text)
        .split_whitespace()
        .filter(|w| w.len() > 1 && !STOPWORDS.contains(w))
        .map(stem)
        .collect()
}

/// The index shard a term lives in: its first two letters.
pub fn shard_of(term: &str) -> &str {
    let end = term.char_indices().nth(2).map_or(term.len(), |(i, _)| i);
    &term[..end]
}

/// Whether `a` and `b` differ by at most one letter inserted, removed, replaced
/// or two neighbours swapped (what a hurried typist does).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let first = short
        .iter()
        .zip(long)
        .position(|(x, y)| x != y)
        .unwrap_or(short.len());
    if short.len() == long.len() {
        let swapped = first + 1 < short.len()
            && short[first] == long[first + 1]
            && short[first + 1] == long[first]
            && short[first + 2..] == long[first + 2..];
        swapped || short[first + 1..] == long[first + 1..]
    } else {
        short[first..] == long[first + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_both_ways() {
        assert_eq!(terms("Tránsito"), terms("transito"));
        assert_eq!(terms("TRANSITO"), vec!["transit"]);
        assert_eq!(fold("Señalización, año 2014"), "senalizacion  ano 2014");
        assert_eq!(terms("Niñas y niños"), vec!["nin", "nin"]);
    }

    #[test]
    fn plural_and_singular_meet() {
        assert_eq!(stem("escuelas"), stem("escuela"));
        assert_eq!(stem("accidentes"), stem("accidente"));
        assert_eq!(stem("camiones"), stem("camion"));
        assert_eq!(stem("viales"), stem("vial"));
        assert_eq!(terms("Hechos de tránsito"), terms("hecho transitos"));
        assert_eq!(stem("mes"), "mes");
    }

    #[test]
    fn stop_words_and_single_letters_are_not_terms() {
        assert_eq!(terms("de la a y el 2014"), vec!["2014"]);
    }

    #[test]
    fn one_letter_misspellings_match() {
        assert!(within_one_edit("transit", "transit"));
        assert!(within_one_edit("trnsit", "transit"));
        assert!(within_one_edit("transiit", "transit"));
        assert!(within_one_edit("tranzit", "transit"));
        assert!(within_one_edit("trasnit", "transit"));
        assert!(!within_one_edit("trnzit", "transit"));
        assert!(!within_one_edit("escuel", "escolar"));
    }

    #[test]
    fn shards_are_the_first_two_letters() {
        assert_eq!(shard_of("transit"), "tr");
        assert_eq!(shard_of("x"), "x");
    }
}
