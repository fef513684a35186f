//! Ids become URL segments: lower-case ASCII, accents folded, anything else to `-`.

/// Slugifies a name: `"Accidentes Viales 2014"` becomes `"accidentes-viales-2014"`,
/// `"Señalización"` becomes `"senalizacion"`.
pub fn slugify(text: &str) -> String {
    let folded = deunicode::deunicode(text);
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

#[cfg(test)]
mod tests {
    use super::slugify;

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
