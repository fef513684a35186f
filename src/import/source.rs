//! A catalog file as text, whatever it was saved in (UTF-8 with or without a
//! byte-order mark, UTF-16 either way round, with or without a mark: what
//! Windows' PowerShell writes with `>`), and what a file that should be JSON
//! but is not looks like, so the refusal can say ("an HTML page: «Just a
//! moment…»", "Turtle", "CSV").

use crate::messages::{Arg, Message};
use crate::msg;
use crate::scaffold::Refusal;
use std::path::Path;

/// Files over this size are not catalogs an import reads whole.
const MOST_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The text of a catalog file.
pub fn read_text(path: &Path) -> Result<String, Refusal> {
    let cannot = |error: Arg| {
        Refusal::new(
            msg!(
                "import-cannot-read",
                path = path.display().to_string(),
                error = error
            ),
            msg!("import-cannot-read-help"),
        )
    };
    let size = std::fs::metadata(path)
        .map_err(|e| cannot(e.to_string().into()))?
        .len();
    if size > MOST_BYTES {
        return Err(cannot(msg!("import-file-too-large").into()));
    }
    let bytes = std::fs::read(path).map_err(|e| cannot(e.to_string().into()))?;
    Ok(decode(&bytes))
}

/// Bytes as text: a byte-order mark says the encoding; without one, zero
/// bytes in every other place say UTF-16; anything else is read as UTF-8
/// (a byte that is not becomes `�`).
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        return text.into_owned();
    }
    let pairs = bytes.len() / 2;
    let zeros_at = |offset: usize| {
        bytes
            .chunks_exact(2)
            .take(512)
            .filter(|pair| pair[offset] == 0)
            .count()
    };
    let sample = pairs.min(512);
    if sample > 0 {
        let (even, odd) = (zeros_at(0), zeros_at(1));
        let encoding = if odd * 10 >= sample * 9 && even == 0 {
            Some(encoding_rs::UTF_16LE)
        } else if even * 10 >= sample * 9 && odd == 0 {
            Some(encoding_rs::UTF_16BE)
        } else {
            None
        };
        if let Some(encoding) = encoding {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            return text.into_owned();
        }
    }
    String::from_utf8_lossy(bytes).into_owned()
}

/// How notes name a file: its name alone.
pub fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| path.display().to_string())
}

/// What a text that is not the JSON expected looks like.
pub fn looks_like(text: &str) -> Message {
    let start = text.trim_start();
    let lower: String = start.chars().take(4096).collect::<String>().to_lowercase();
    if start.is_empty() {
        return msg!("import-looks-empty");
    }
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.contains("<body")
    {
        let title = html_title(start).unwrap_or_default();
        let challenge = [
            "just a moment",
            "attention required",
            "un momento",
            "checking your browser",
        ]
        .iter()
        .any(|w| title.to_lowercase().contains(w))
            || lower.contains("cf-challenge")
            || lower.contains("challenge-platform");
        return if challenge {
            msg!("import-looks-challenge", title = title)
        } else {
            msg!("import-looks-html", title = title)
        };
    }
    if lower.starts_with("<?xml") || lower.starts_with("<rdf") {
        return msg!("import-looks-xml");
    }
    if lower.starts_with("@prefix") || lower.starts_with("@base") || lower.starts_with("prefix ") {
        return msg!("import-looks-turtle");
    }
    let first_line = start.lines().next().unwrap_or("");
    if first_line.matches(',').count() >= 2 || first_line.matches(';').count() >= 2 {
        return msg!("import-looks-csv");
    }
    msg!(
        "import-looks-text",
        start = first_line.chars().take(60).collect::<String>()
    )
}

/// The `<title>` of an HTML page, trimmed.
fn html_title(html: &str) -> Option<String> {
    let lower = html.to_lowercase();
    let open = lower.find("<title")?;
    let text_start = open + lower[open..].find('>')? + 1;
    let end = text_start + lower[text_start..].find("</title")?;
    let title = html
        .get(text_start..end)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn every_saving_of_a_json_file_reads_the_same() {
        let text = "{\"título\": \"Tránsito\"}";
        let utf16le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let utf16be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let with_bom = |bom: &[u8], body: &[u8]| [bom, body].concat();
        for bytes in [
            text.as_bytes().to_vec(),
            with_bom(&[0xEF, 0xBB, 0xBF], text.as_bytes()),
            with_bom(&[0xFF, 0xFE], &utf16le),
            with_bom(&[0xFE, 0xFF], &utf16be),
            utf16le.clone(),
            utf16be.clone(),
        ] {
            assert_eq!(decode(&bytes), text, "{bytes:?}");
        }
    }

    #[test]
    fn a_page_saved_as_json_is_named_for_what_it_is() {
        let page = "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>cf</body></html>";
        assert!(
            looks_like(page)
                .text(Language::En)
                .contains("Just a moment...")
        );
        assert_eq!(looks_like(page).id(), "import-looks-challenge");
        assert_eq!(
            looks_like("<html><title> Portal </title>").id(),
            "import-looks-html"
        );
        assert_eq!(
            looks_like("@prefix dcat: <x> .").id(),
            "import-looks-turtle"
        );
        assert_eq!(
            looks_like("id,nombre,fecha\n1,a,b").id(),
            "import-looks-csv"
        );
        assert_eq!(looks_like("  ").id(), "import-looks-empty");
    }
}
