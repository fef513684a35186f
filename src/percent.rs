//! Percent-encoding, the one place that does it: decoding URL paths (`%20` →
//! ` `) in the two strengths its callers need (lenient for the links that
//! stories and pages write, an address as a file's name; exact for the
//! requests the dev server answers), and encoding what an address may not hold
//! as written (the spaces and quotes of `…?q=SELECT * FROM t WHERE a = 'b'`).

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

/// An address with every character a URL may not hold as written (spaces,
/// quotes, `<>{}|\^` and backquotes, controls, anything not ASCII) written
/// `%XX` (its UTF-8 bytes); `%` escapes already there and every reserved
/// character (`?&=/#:+,;*'()!$@[]`) are kept, so the address means what it did.
pub fn encode_url(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let escape = c == '%'
            && text
                .get(at + 1..at + 3)
                .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()));
        let keep = c.is_ascii_graphic()
            && !matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
            && (c != '%' || escape);
        if keep {
            out.push(c);
        } else {
            let mut buffer = [0u8; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{decode_exact, decode_lossy, encode_url};

    #[test]
    fn addresses_are_encoded_not_changed() {
        assert_eq!(
            encode_url("https://x.org/sql?q=SELECT * FROM t WHERE a = 'b'&f=csv"),
            "https://x.org/sql?q=SELECT%20*%20FROM%20t%20WHERE%20a%20=%20'b'&f=csv"
        );
        assert_eq!(
            encode_url("https://x.org/Tránsito 2014.csv"),
            "https://x.org/Tr%C3%A1nsito%202014.csv"
        );
        assert_eq!(
            encode_url("https://x.org/a%20b?c=\"d\"|{e}"),
            "https://x.org/a%20b?c=%22d%22%7C%7Be%7D"
        );
        assert_eq!(encode_url("https://x.org/\tfile"), "https://x.org/%09file");
        assert_eq!(
            encode_url("https://x.org/?p=100%"),
            "https://x.org/?p=100%25"
        );
        assert_eq!(
            decode_lossy(&encode_url("https://x.org/año 1")),
            "https://x.org/año 1"
        );
    }

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
