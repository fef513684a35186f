//! Percent-decoding of URL paths (`%20` → ` `), the one place that does it,
//! in the two strengths its callers need: lenient for the links that stories
//! and pages write (an address as a file's name), exact for the requests the
//! dev server answers.

use percent_encoding::percent_decode_str;

/// `%XX` escapes decoded; a `%` not followed by two hex digits is kept as it
/// is, and bytes that are not UTF-8 become `�`.
pub fn decode_lossy(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// `%XX` escapes decoded; `None` when a `%` is not followed by two hex digits
/// or the decoded bytes are not UTF-8.
pub fn decode_exact(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let well_formed = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    well_formed
        .then(|| percent_decode_str(text).decode_utf8().ok())
        .flatten()
        .map(|decoded| decoded.into_owned())
}

#[cfg(test)]
mod tests {
    use super::{decode_exact, decode_lossy};

    #[test]
    fn links_keep_what_is_not_an_escape() {
        assert_eq!(decode_lossy("mi%20archivo.pdf"), "mi archivo.pdf");
        assert_eq!(decode_lossy("Tr%C3%A1nsito"), "Tránsito");
        assert_eq!(decode_lossy("100%"), "100%");
        assert_eq!(decode_lossy("50%zz%2"), "50%zz%2");
        assert_eq!(decode_lossy("%FF"), "\u{FFFD}");
    }

    #[test]
    fn requests_refuse_bad_escapes_and_bytes() {
        assert_eq!(decode_exact("datos%2Fx").as_deref(), Some("datos/x"));
        assert_eq!(decode_exact("Tr%c3%a1nsito").as_deref(), Some("Tránsito"));
        assert_eq!(decode_exact("plain").as_deref(), Some("plain"));
        for bad in ["100%", "%2", "%zz", "%+5", "%%41", "%FF", "%C3"] {
            assert_eq!(decode_exact(bad), None, "{bad}");
        }
        assert_eq!(decode_exact("%2541").as_deref(), Some("%41"));
    }
}
