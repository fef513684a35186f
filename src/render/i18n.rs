//! Interface texts in the portal's language (one translation file per language
//! in the theme), and the way that language writes dates, numbers and sizes.

use crate::model::{Date, Language};
use serde::Deserialize;
use std::collections::BTreeMap;

const SPANISH: &str = include_str!("../../themes/default/i18n/es.toml");
const ENGLISH: &str = include_str!("../../themes/default/i18n/en.toml");

/// One language's texts and formats.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The language these texts are in (program messages on pages follow it).
    #[serde(skip)]
    pub language: Language,
    months: Vec<String>,
    date_pattern: String,
    decimal_separator: String,
    thousands_separator: String,
    /// Texts the templates show, by key (`t.catalog_title`).
    pub ui: BTreeMap<String, String>,
    /// Participant kinds, by descriptor value.
    pub kinds: BTreeMap<String, String>,
    /// Update frequencies, by descriptor value.
    pub frequencies: BTreeMap<String, String>,
    /// The texts a participant's own portal says otherwise, by `ui` key.
    participant_portal: BTreeMap<String, String>,
}

impl Translation {
    pub fn for_language(language: Language) -> Translation {
        let text = match language {
            Language::Es => SPANISH,
            Language::En => ENGLISH,
        };
        let mut translation: Translation =
            toml::from_str(text).expect("the theme's translation files are checked by tests");
        translation.language = language;
        translation
    }

    /// The texts of a participant's own portal: where the network's speak of
    /// the network, they speak of this portal.
    pub fn for_participant_portal(mut self) -> Translation {
        let own = std::mem::take(&mut self.participant_portal);
        self.ui.extend(own);
        self
    }

    /// "10 de octubre de 2014" / "October 10, 2014".
    pub fn date(&self, date: Date) -> String {
        let month = self
            .months
            .get(usize::from(date.month).wrapping_sub(1))
            .map_or("?", String::as_str);
        self.date_pattern
            .replace("{day}", &date.day.to_string())
            .replace("{month}", month)
            .replace("{year}", &date.year.to_string())
    }

    /// An integer with thousands grouped: "12 345" / "12,345".
    pub fn integer(&self, value: u64) -> String {
        let digits = value.to_string();
        let mut grouped = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push_str(&self.thousands_separator);
            }
            grouped.push(digit);
        }
        grouped
    }

    /// A number with thousands grouped and `decimals` decimals: "12 345,6" / "12,345.6".
    pub fn number(&self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return "–".to_string();
        }
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let whole = self.integer(whole.parse().unwrap_or(0));
        let sign = if value < 0.0 && text.chars().any(|c| matches!(c, '1'..='9')) {
            "−"
        } else {
            ""
        };
        if fraction.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}{}{fraction}", self.decimal_separator)
        }
    }

    /// A number as a data file writes it (`42,4`, `59.8`, `-3`), with this
    /// language's decimal separator; text that is not such a number stays as it is.
    pub fn data_number(&self, text: &str) -> String {
        match crate::analyse::profile::parse_number(text.trim()) {
            Some(number) if !number.integer => {
                text.replacen(['.', ','], &self.decimal_separator, 1)
            }
            _ => text.to_string(),
        }
    }

    /// The first three letters of a month's name: "ene" / "Jan".
    pub fn short_month(&self, month: u32) -> String {
        self.months
            .get((month as usize).wrapping_sub(1))
            .map_or("?".to_string(), |m| m.chars().take(3).collect())
    }

    /// A size in bytes, in human units: "1,2 MB" / "1.2 MB".
    pub fn size(&self, bytes: u64) -> String {
        const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
        if bytes < 1000 {
            return format!("{bytes} B");
        }
        let mut value = bytes as f64;
        let mut unit = "B";
        for candidate in UNITS {
            value /= 1000.0;
            unit = candidate;
            if value < 1000.0 {
                break;
            }
        }
        let number = if value < 10.0 {
            format!("{value:.1}")
        } else {
            format!("{value:.0}")
        };
        format!("{} {unit}", number.replace('.', &self.decimal_separator))
    }

    /// What groups thousands: " " in Spanish, "," in English.
    pub fn thousands_separator(&self) -> &str {
        &self.thousands_separator
    }

    pub fn ui<'a>(&'a self, key: &'a str) -> &'a str {
        self.ui.get(key).map_or(key, String::as_str)
    }

    /// A Table Schema type a descriptor declares, in words (`string` → "texto");
    /// a type the texts do not know, as written.
    pub fn schema_type<'a>(&'a self, name: &'a str) -> &'a str {
        self.named("schema_type_", name)
    }

    /// A GeoJSON geometry type in words (`LineString` → "Línea"); an unknown one as written.
    pub fn geometry<'a>(&'a self, name: &'a str) -> &'a str {
        self.named("geometry_", name)
    }

    fn named<'a>(&'a self, prefix: &str, name: &'a str) -> &'a str {
        self.ui
            .get(&format!("{prefix}{}", name.to_lowercase()))
            .map_or(name, String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        let es = Translation::for_language(Language::Es);
        let en = Translation::for_language(Language::En);
        assert_eq!(
            es.ui.keys().collect::<Vec<_>>(),
            en.ui.keys().collect::<Vec<_>>()
        );
        assert_eq!(
            es.kinds.keys().collect::<Vec<_>>(),
            en.kinds.keys().collect::<Vec<_>>()
        );
        assert_eq!(
            es.frequencies.keys().collect::<Vec<_>>(),
            en.frequencies.keys().collect::<Vec<_>>()
        );
        assert_eq!(
            es.participant_portal.keys().collect::<Vec<_>>(),
            en.participant_portal.keys().collect::<Vec<_>>()
        );
        // A participant portal's words replace texts the network's portal has.
        for key in es.participant_portal.keys() {
            assert!(es.ui.contains_key(key), "{key}");
        }
    }

    #[test]
    fn dates_and_numbers_are_written_the_spanish_way() {
        let es = Translation::for_language(Language::Es);
        let date = Date {
            year: 2014,
            month: 10,
            day: 10,
        };
        assert_eq!(es.date(date), "10 de octubre de 2014");
        assert_eq!(es.integer(12345), "12 345");
        assert_eq!(es.number(12345.63, 1), "12 345,6");
        assert_eq!(es.number(-0.04, 1), "0,0");
        assert_eq!(es.short_month(3), "mar");
        assert_eq!(es.size(1_234_567), "1,2 MB");
        assert_eq!(es.size(999), "999 B");
        let en = Translation::for_language(Language::En);
        assert_eq!(en.date(date), "October 10, 2014");
        assert_eq!(en.size(1_234_567), "1.2 MB");
        assert_eq!(en.number(12345.63, 1), "12,345.6");
    }

    #[test]
    fn numbers_from_data_take_the_page_decimal_separator() {
        let es = Translation::for_language(Language::Es);
        let en = Translation::for_language(Language::En);
        assert_eq!(es.data_number("59.8"), "59,8");
        assert_eq!(es.data_number("20,6"), "20,6");
        assert_eq!(en.data_number("20,6"), "20.6");
        assert_eq!(en.data_number("-3.25"), "-3.25");
        assert_eq!(es.data_number("1413115"), "1413115");
        assert_eq!(es.data_number("Av. 5.2"), "Av. 5.2", "not a number");
        assert_eq!(es.data_number("2014-01-03"), "2014-01-03");
    }

    #[test]
    fn declared_types_and_geometries_have_words() {
        let es = Translation::for_language(Language::Es);
        assert_eq!(es.schema_type("string"), "texto");
        assert_eq!(es.schema_type("geopoint"), "punto geográfico");
        assert_eq!(es.schema_type("código"), "código");
        assert_eq!(es.geometry("LineString"), "Línea");
        assert_eq!(es.geometry("Curva"), "Curva");
        let en = Translation::for_language(Language::En);
        assert_eq!(en.schema_type("integer"), "integer");
        assert_eq!(en.geometry("MultiPolygon"), "MultiPolygon");
    }
}
