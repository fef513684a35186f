//! What another catalog's values become in abierto's vocabulary: licences,
//! update frequencies, dates, periods, kinds of participant. Each function
//! returns `None` when it cannot map a value, and the caller reports it.

use crate::model::{Date, Frequency};
use crate::slug::slugify;

/// A built-in licence id for a CKAN `license_id`, a JKAN licence or a licence URL.
pub fn license_id(value: &str) -> Option<&'static str> {
    let text = value.trim().to_lowercase();
    let text = text
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/');
    let id = match text {
        "libre-uso-mx"
        | "mx-libre-uso"
        | "libreusomx"
        | "datos.gob.mx/libreusomx"
        | "terminos-libre-uso-mx" => "libre-uso-mx",
        "cc-by"
        | "cc-by-4.0"
        | "cc-by-40"
        | "cc by 4.0"
        | "creativecommons.org/licenses/by/4.0"
        | "creativecommons.org/licenses/by/4.0/deed.es" => "cc-by-4.0",
        "cc-by-sa"
        | "cc-by-sa-4.0"
        | "cc-by-sa-40"
        | "cc by-sa 4.0"
        | "creativecommons.org/licenses/by-sa/4.0" => "cc-by-sa-4.0",
        "cc-zero" | "cc0" | "cc0-1.0" | "cc-0" | "creativecommons.org/publicdomain/zero/1.0" => {
            "cc0-1.0"
        }
        "odc-odbl"
        | "odbl"
        | "odbl-1.0"
        | "opendatacommons.org/licenses/odbl"
        | "opendatacommons.org/licenses/odbl/1.0"
        | "opendatacommons.org/licenses/odbl/1-0" => "odbl-1.0",
        "odc-pddl"
        | "pddl"
        | "pddl-1.0"
        | "opendatacommons.org/licenses/pddl"
        | "opendatacommons.org/licenses/pddl/1.0"
        | "opendatacommons.org/licenses/pddl/1-0" => "pddl-1.0",
        _ => return None,
    };
    Some(id)
}

/// An update frequency from the words catalogs use: descriptor values, the EU
/// vocabulary (codes or URIs), ISO 8601 intervals, Spanish and English words.
pub fn frequency(value: &str) -> Option<Frequency> {
    let text = value.trim();
    let code = text.rsplit('/').next().unwrap_or(text);
    let lower = deunicode::deunicode(text).to_lowercase();
    let by_word = |word: &str| -> Option<Frequency> {
        Some(match word {
            "continuous" | "continuo" | "continua" | "tiempo real" | "cont" => {
                Frequency::Continuous
            }
            "hourly" | "por hora" | "cada hora" => Frequency::Hourly,
            "daily" | "diario" | "diaria" | "diariamente" => Frequency::Daily,
            "weekly" | "semanal" | "semanalmente" => Frequency::Weekly,
            "biweekly" | "quincenal" | "catorcenal" => Frequency::Biweekly,
            "monthly" | "mensual" | "mensualmente" => Frequency::Monthly,
            "bimonthly" | "bimestral" => Frequency::Bimonthly,
            "quarterly" | "trimestral" => Frequency::Quarterly,
            "semiannual" | "semestral" | "annual_2" => Frequency::Semiannual,
            "annual" | "anual" | "yearly" | "anualmente" => Frequency::Annual,
            "biennial" | "bienal" => Frequency::Biennial,
            "irregular" | "irreg" | "as needed" | "eventual" | "sin periodicidad" => {
                Frequency::Irregular
            }
            "never" | "nunca" | "no se actualiza" | "unica vez" | "una vez" => Frequency::Never,
            _ => return None,
        })
    };
    if let Some(found) = by_word(&lower).or_else(|| by_word(&code.to_lowercase())) {
        return Some(found);
    }
    let iso = match text.to_uppercase().as_str() {
        "R/PT1S" => Frequency::Continuous,
        "R/PT1H" => Frequency::Hourly,
        "R/P1D" => Frequency::Daily,
        "R/P1W" => Frequency::Weekly,
        "R/P2W" | "R/P0.5M" => Frequency::Biweekly,
        "R/P1M" => Frequency::Monthly,
        "R/P2M" => Frequency::Bimonthly,
        "R/P3M" => Frequency::Quarterly,
        "R/P6M" => Frequency::Semiannual,
        "R/P1Y" => Frequency::Annual,
        "R/P2Y" => Frequency::Biennial,
        _ => return None,
    };
    Some(iso)
}

/// The date of `2014-10-10`, `2014-10-10T12:00:00.123456` or `2014-10-10 12:00`.
pub fn date(value: &str) -> Option<Date> {
    let text = value.trim();
    let day = text.get(..10)?;
    if text.len() > 10 && !matches!(text.as_bytes()[10], b'T' | b' ') {
        return None;
    }
    let mut parts = day.split('-');
    let year: u16 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let valid = (1000..=9999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day);
    valid.then_some(Date { year, month, day })
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A period, as `start/end` (ISO 8601), `start - end`, `start a end` or a lone year.
pub fn temporal(value: &str) -> Option<(Option<Date>, Option<Date>)> {
    let text = value.trim();
    if let Ok(year) = text.parse::<u16>() {
        return (1000..=9999).contains(&year).then_some((
            Some(Date {
                year,
                month: 1,
                day: 1,
            }),
            Some(Date {
                year,
                month: 12,
                day: 31,
            }),
        ));
    }
    for separator in ["/", " - ", " – ", " a ", " al ", " to "] {
        if let Some((start, end)) = text.split_once(separator) {
            let (start, end) = (date(start), date(end));
            if start.is_some() || end.is_some() {
                return Some((start, end));
            }
        }
    }
    date(text).map(|day| (Some(day), None))
}

/// The kind of a participant, guessed from its name; `None` when nothing says.
pub fn participant_kind(name: &str) -> Option<&'static str> {
    let text = format!(" {} ", deunicode::deunicode(name).to_lowercase());
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if has(&[
        "ayuntamiento",
        "municipio",
        "municipal",
        "alcaldia",
        "presidencia municipal",
    ]) {
        Some("municipio")
    } else if has(&[
        "gobierno del estado",
        "estado de ",
        "estatal",
        " gobierno de ",
    ]) {
        Some("estado")
    } else if has(&[
        "secretaria de ",
        "federal",
        "nacional",
        "gobierno de mexico",
        "comision ",
        "instituto mexicano",
    ]) {
        Some("federal")
    } else {
        None
    }
}

/// Whether an address passes the loader's e-mail check.
pub fn is_email(text: &str) -> bool {
    let address = text.trim().strip_prefix("mailto:").unwrap_or(text.trim());
    address.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
    }) && !address.contains(char::is_whitespace)
}

/// Whether a link passes the loader's check (http or https, no spaces).
pub fn is_web_url(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && lower.len() > "https://".len()
        && !text.trim().contains(char::is_whitespace)
}

/// The site category a group or JKAN category stands for: same id, or same title.
pub fn category_for(name: &str, title: &str, categories: &[(String, String)]) -> Option<String> {
    let fold = |s: &str| slugify(s);
    categories
        .iter()
        .find(|(id, known_title)| {
            (!name.is_empty() && *id == fold(name))
                || fold(known_title) == fold(title)
                || *id == fold(title)
        })
        .map(|(id, _)| id.clone())
}

/// A format name as the portal shows it: upper case, GeoJSON as written.
pub fn format_name(format: &str) -> String {
    let trimmed = format.trim().trim_start_matches('.');
    if trimmed.eq_ignore_ascii_case("geojson") {
        "GeoJSON".to_string()
    } else {
        trimmed.to_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_words_become_abierto_values() {
        assert_eq!(license_id("CC-BY-4.0"), Some("cc-by-4.0"));
        assert_eq!(license_id("odc-odbl"), Some("odbl-1.0"));
        assert_eq!(
            license_id("https://creativecommons.org/publicdomain/zero/1.0/"),
            Some("cc0-1.0")
        );
        assert_eq!(license_id("other-closed"), None);
        assert_eq!(frequency("R/P1M"), Some(Frequency::Monthly));
        assert_eq!(frequency("Trimestral"), Some(Frequency::Quarterly));
        assert_eq!(
            frequency("http://publications.europa.eu/resource/authority/frequency/ANNUAL"),
            Some(Frequency::Annual)
        );
        assert_eq!(frequency("cuando se pueda"), None);
        assert_eq!(
            date("2016-02-29T10:00:00.123"),
            Some(Date {
                year: 2016,
                month: 2,
                day: 29
            })
        );
        assert_eq!(date("2015-02-29"), None);
        assert_eq!(date("hoy"), None);
        assert_eq!(
            temporal("2014"),
            Some((
                Some(Date {
                    year: 2014,
                    month: 1,
                    day: 1
                }),
                Some(Date {
                    year: 2014,
                    month: 12,
                    day: 31
                })
            ))
        );
        assert_eq!(
            temporal("2014-01-01/2014-06-30").map(|(s, e)| (s.unwrap().month, e.unwrap().month)),
            Some((1, 6))
        );
        assert_eq!(
            participant_kind("H. Ayuntamiento de Xalapa"),
            Some("municipio")
        );
        assert_eq!(
            participant_kind("Gobierno del Estado de Jalisco"),
            Some("estado")
        );
        assert_eq!(participant_kind("Secretaría de Salud"), Some("federal"));
        assert_eq!(participant_kind("Cómo Vamos Nuevo León"), None);
    }
}
