//! Ids become URL segments: lower-case ASCII, accents folded, anything else to `-`;
//! and names compared as people read them: in one Unicode form.

/// Slugifies a name: `"Accidentes Viales 2014"` becomes `"accidentes-viales-2014"`,
/// `"Señalización"` becomes `"senalizacion"`.
pub fn slugify(text: &str) -> String {
    let folded = deunicode::deunicode(&nfc(text));
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// A name in Unicode's composed form (NFC), as Linux and Windows usually store
/// it: macOS keeps file names decomposed (`n` and a combining tilde for `ñ`),
/// and the two must name the same file and give the same id.
pub fn nfc(name: &str) -> std::borrow::Cow<'_, str> {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(name)
}

#[cfg(test)]
mod tests {
    use super::{nfc, slugify};

    #[test]
    fn a_decomposed_name_gives_the_same_slug_as_a_composed_one() {
        let decomposed = "Nin\u{303}ez y educacio\u{301}n";
        assert_ne!(decomposed, "Niñez y educación");
        assert_eq!(nfc(decomposed), "Niñez y educación");
        assert_eq!(slugify(decomposed), "ninez-y-educacion");
    }

    #[test]
    fn folds_accents_and_punctuation() {
        assert_eq!(slugify("Señalización vial"), "senalizacion-vial");
        assert_eq!(
            slugify("  San Pedro Garza García "),
            "san-pedro-garza-garcia"
        );
        assert_eq!(slugify("accidentes_2014 (CSV)"), "accidentes-2014-csv");
        assert_eq!(slugify("¡¿!"), "");
    }
}
