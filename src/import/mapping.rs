//! What another catalog's values become in abierto's vocabulary: licences,
//! update frequencies, kinds of participant, formats, addresses. Each function
//! says when it cannot map a value, and the caller reports it. Dates and
//! periods are [`super::dates`]'.

use crate::model::Frequency;
use crate::slug::slugify;

/// What a source's licence (a name, an id, an address) is in abierto's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LicenseMatch {
    /// One of the built-in licences.
    BuiltIn(&'static str),
    /// The source says no licence was stated ("License not specified").
    NotDeclared,
    /// A licence abierto does not know: it becomes the dataset's own.
    Unknown,
}

/// The built-in licences: id, addresses (without scheme, `www.` and final
/// `/`) and names or ids (slugified) that stand for it.
const LICENSES: &[(&str, &[&str], &[&str])] = &[
    (
        "libre-uso-mx",
        &["datos.gob.mx/libreusomx"],
        &[
            "libre-uso-mx",
            "mx-libre-uso",
            "libreusomx",
            "terminos-de-libre-uso-mx",
            "terminos-libre-uso-mx",
            "terminos-de-libre-uso",
        ],
    ),
    (
        "cc-by-4.0",
        &["creativecommons.org/licenses/by/4.0"],
        &[
            "cc-by",
            "cc-by-4-0",
            "cc-by-40",
            "creative-commons-attribution",
            "creative-commons-attribution-4-0",
            "creative-commons-atribucion-4-0",
        ],
    ),
    (
        "cc-by-sa-4.0",
        &["creativecommons.org/licenses/by-sa/4.0"],
        &[
            "cc-by-sa",
            "cc-by-sa-4-0",
            "cc-by-sa-40",
            "creative-commons-attribution-share-alike",
            "creative-commons-attribution-sharealike-4-0",
            "creative-commons-atribucion-compartirigual-4-0",
        ],
    ),
    (
        "cc0-1.0",
        &[
            "creativecommons.org/publicdomain/zero/1.0",
            "opendefinition.org/licenses/cc-zero",
        ],
        &[
            "cc0",
            "cc-0",
            "cc-zero",
            "cc0-1-0",
            "creative-commons-cc-zero",
            "creative-commons-cczero",
            "creative-commons-zero",
            "cc0-1-0-dedicacion-al-dominio-publico",
        ],
    ),
    (
        "odbl-1.0",
        &[
            "opendatacommons.org/licenses/odbl",
            "opendatacommons.org/licenses/odbl/1.0",
            "opendatacommons.org/licenses/odbl/1-0",
            "opendefinition.org/licenses/odc-odbl",
        ],
        &[
            "odc-odbl",
            "odbl",
            "odbl-1-0",
            "open-data-commons-open-database-license-odbl",
            "open-data-commons-open-database-license-1-0",
        ],
    ),
    (
        "pddl-1.0",
        &[
            "opendatacommons.org/licenses/pddl",
            "opendatacommons.org/licenses/pddl/1.0",
            "opendatacommons.org/licenses/pddl/1-0",
            "opendefinition.org/licenses/odc-pddl",
        ],
        &[
            "odc-pddl",
            "pddl",
            "pddl-1-0",
            "open-data-commons-public-domain-dedication-and-license-pddl",
            "open-data-commons-public-domain-dedication-and-license",
        ],
    ),
];

/// Names that say no licence was stated (slugified, found anywhere in the name).
const NOT_DECLARED: &[&str] = &[
    "notspecified",
    "not-specified",
    "unspecified",
    "no-especificada",
    "sin-especificar",
    "sin-licencia",
    "no-declarada",
    "no-definida",
];

/// A licence from its name (or id) and address, either of them optional.
pub fn license(name: Option<&str>, url: Option<&str>) -> LicenseMatch {
    let address = url.map(license_address);
    let slug = name.map(slugify);
    let built_in = LICENSES.iter().find(|(_, addresses, names)| {
        address.as_deref().is_some_and(|a| addresses.contains(&a))
            || slug.as_deref().is_some_and(|s| names.contains(&s))
    });
    if let Some((id, _, _)) = built_in {
        return LicenseMatch::BuiltIn(id);
    }
    let declares_none = |text: &str| NOT_DECLARED.iter().any(|n| text.contains(n));
    if slug.as_deref().is_some_and(declares_none) {
        LicenseMatch::NotDeclared
    } else {
        LicenseMatch::Unknown
    }
}

/// A licence's address as [`LICENSES`] writes them: lower case, no scheme,
/// `www.`, `legalcode`, `deed.xx` or final `/`.
fn license_address(url: &str) -> String {
    let text = url.trim().to_lowercase();
    let text = text
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    let text = text.trim_end_matches('/');
    let text = match text.rsplit_once('/') {
        Some((rest, last)) if last == "legalcode" || last.starts_with("deed") => rest,
        _ => text,
    };
    text.trim_end_matches('/').to_string()
}

/// An update frequency from the words catalogs use: descriptor values, the EU
/// vocabulary (codes or URIs), ISO 8601 repeating intervals (`R/P1D`,
/// `R/PT15M`), Spanish and English words.
pub fn frequency(value: &str) -> Option<Frequency> {
    let text = value.trim();
    let lower = deunicode::deunicode(text).to_lowercase();
    let code = lower.rsplit('/').next().unwrap_or(&lower);
    by_word(&lower)
        .or_else(|| by_word(code))
        .or_else(|| repeating(&lower))
}

fn by_word(word: &str) -> Option<Frequency> {
    Some(match word.trim().trim_end_matches('.') {
        "continuous" | "continuo" | "continua" | "tiempo real" | "cont" | "real-time"
        | "realtime" | "real time" | "real-time updates" => Frequency::Continuous,
        "hourly" | "por hora" | "cada hora" => Frequency::Hourly,
        "daily" | "diario" | "diaria" | "diariamente" => Frequency::Daily,
        "weekly" | "semanal" | "semanalmente" => Frequency::Weekly,
        "biweekly" | "fortnightly" | "quincenal" | "catorcenal" => Frequency::Biweekly,
        "monthly" | "mensual" | "mensualmente" => Frequency::Monthly,
        "bimonthly" | "bimestral" => Frequency::Bimonthly,
        "quarterly" | "trimestral" => Frequency::Quarterly,
        "semiannual" | "semestral" | "annual_2" | "biannual" | "semi-annual" => {
            Frequency::Semiannual
        }
        "annual" | "anual" | "yearly" | "anualmente" => Frequency::Annual,
        "biennial" | "bienal" => Frequency::Biennial,
        "irregular" | "irreg" | "as needed" | "eventual" | "sin periodicidad" => {
            Frequency::Irregular
        }
        "never" | "nunca" | "no se actualiza" | "unica vez" | "una vez" => Frequency::Never,
        _ => return None,
    })
}

/// An ISO 8601 repeating interval (`r/p1d`, lower case): under an hour is
/// continuous; otherwise the vocabulary's value of the same length, if any.
fn repeating(text: &str) -> Option<Frequency> {
    let duration = text.strip_prefix("r/p")?;
    let (date_part, time_part) = duration.split_once('t').unwrap_or((duration, ""));
    let mut months = 0.0;
    let mut seconds = 0.0;
    for (part, units) in [
        (
            date_part,
            &[
                ('y', 12.0, 0.0),
                ('m', 1.0, 0.0),
                ('w', 0.0, 604_800.0),
                ('d', 0.0, 86_400.0),
            ][..],
        ),
        (
            time_part,
            &[('h', 0.0, 3600.0), ('m', 0.0, 60.0), ('s', 0.0, 1.0)][..],
        ),
    ] {
        let mut number = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            let (_, in_months, in_seconds) = units.iter().find(|(unit, _, _)| *unit == c)?;
            let n: f64 = number.parse().ok()?;
            months += n * in_months;
            seconds += n * in_seconds;
            number.clear();
        }
        if !number.is_empty() {
            return None;
        }
    }
    let same = |a: f64, b: f64| (a - b).abs() < 1e-9;
    Some(match (months, seconds) {
        (m, s) if same(m, 0.0) && s > 0.0 && s < 3600.0 => Frequency::Continuous,
        (m, s) if same(m, 0.0) && same(s, 3600.0) => Frequency::Hourly,
        (m, s) if same(m, 0.0) && same(s, 86_400.0) => Frequency::Daily,
        (m, s) if same(m, 0.0) && same(s, 604_800.0) => Frequency::Weekly,
        (m, s) if same(m, 0.0) && same(s, 1_209_600.0) => Frequency::Biweekly,
        (m, s) if same(m, 0.5) && same(s, 0.0) => Frequency::Biweekly,
        (m, s) if same(s, 0.0) && same(m, 1.0) => Frequency::Monthly,
        (m, s) if same(s, 0.0) && same(m, 2.0) => Frequency::Bimonthly,
        (m, s) if same(s, 0.0) && same(m, 3.0) => Frequency::Quarterly,
        (m, s) if same(s, 0.0) && same(m, 6.0) => Frequency::Semiannual,
        (m, s) if same(s, 0.0) && same(m, 12.0) => Frequency::Annual,
        (m, s) if same(s, 0.0) && same(m, 24.0) => Frequency::Biennial,
        _ => return None,
    })
}

/// The kind of a participant guessed from its name, with the words that told.
pub fn participant_kind(name: &str) -> Option<(&'static str, &'static str)> {
    const KINDS: &[(&str, &[&str])] = &[
        (
            "municipio",
            &[
                "ayuntamiento",
                "municipio",
                "municipal",
                "alcaldia",
                "city of",
                "county",
                "township",
                "borough",
            ],
        ),
        (
            "estado",
            &[
                "gobierno del estado",
                "del estado",
                "estatal",
                "poder ejecutivo del estado",
                "state of",
                "commonwealth of",
            ],
        ),
        (
            "federal",
            &[
                "federal",
                "nacional",
                "gobierno de mexico",
                "instituto mexicano",
                "united states",
                "u.s.",
            ],
        ),
    ];
    let text = format!(" {} ", deunicode::deunicode(name).to_lowercase());
    for (kind, words) in KINDS {
        if let Some(word) = words
            .iter()
            .find(|w| text.contains(&format!("{w} ")) || text.contains(&format!(" {w}")))
        {
            return Some((kind, word));
        }
    }
    // The government of a state named as such ("Gobierno de Jalisco").
    STATES
        .iter()
        .find(|state| text.contains(&format!(" gobierno de {state} ")))
        .map(|_| ("estado", "gobierno de"))
}

/// Mexico's states, as their governments' names write them (folded).
const STATES: &[&str] = &[
    "aguascalientes",
    "baja california",
    "baja california sur",
    "campeche",
    "chiapas",
    "chihuahua",
    "coahuila",
    "colima",
    "durango",
    "guanajuato",
    "guerrero",
    "hidalgo",
    "jalisco",
    "mexico",
    "michoacan",
    "morelos",
    "nayarit",
    "nuevo leon",
    "oaxaca",
    "puebla",
    "queretaro",
    "quintana roo",
    "san luis potosi",
    "sinaloa",
    "sonora",
    "tabasco",
    "tamaulipas",
    "tlaxcala",
    "veracruz",
    "yucatan",
    "zacatecas",
    "la ciudad de mexico",
];

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

/// A web address the loader accepts, percent-encoding what it may not hold
/// as written (spaces, quotes, tabs pasted around it); `None` when it is not
/// an http(s) address at all.
pub fn web_url(text: &str) -> Option<String> {
    // Pasted around it: spaces, tabs, `<…>`, a list's dash or bullet, quotes.
    let trimmed = text
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '>' | '"' | '\''))
        .trim();
    let lower = trimmed.to_lowercase();
    let web = ["http://", "https://"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len());
    web.then(|| crate::percent::encode_url(trimmed))
}

/// A format name as the portal shows it: upper case, GeoJSON as written; a
/// media type (`text/csv`) becomes its format.
pub fn format_name(format: &str) -> String {
    let trimmed = format.trim().trim_start_matches('.');
    let trimmed = trimmed.rsplit('/').next().unwrap_or(trimmed);
    let trimmed = trimmed
        .strip_prefix("vnd.")
        .map(|rest| match rest {
            "ms-excel" => "xls",
            "openxmlformats-officedocument.spreadsheetml.sheet" => "xlsx",
            "google-earth.kml+xml" => "kml",
            other => other,
        })
        .unwrap_or(trimmed);
    let trimmed = trimmed.strip_suffix("+json").map_or(trimmed, |t| t);
    if trimmed.eq_ignore_ascii_case("geojson") || trimmed.eq_ignore_ascii_case("geo") {
        "GeoJSON".to_string()
    } else {
        trimmed.to_uppercase()
    }
}

/// Whether a category name says "no category" (JKAN's default `Uncategorized`).
pub fn is_no_category(name: &str) -> bool {
    matches!(
        slugify(name).as_str(),
        "uncategorized" | "sin-categoria" | "otros-sin-categoria" | "none" | "n-a"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn licences_by_address_and_name() {
        use LicenseMatch::*;
        assert_eq!(license(Some("CC-BY-4.0"), None), BuiltIn("cc-by-4.0"));
        assert_eq!(license(Some("odc-odbl"), None), BuiltIn("odbl-1.0"));
        assert_eq!(
            license(
                None,
                Some("https://creativecommons.org/publicdomain/zero/1.0/")
            ),
            BuiltIn("cc0-1.0")
        );
        assert_eq!(
            license(
                Some("Creative Commons CC Zero"),
                Some("https://opendefinition.org/licenses/cc-zero/")
            ),
            BuiltIn("cc0-1.0")
        );
        assert_eq!(
            license(
                Some("Creative Commons 4.0"),
                Some("https://creativecommons.org/licenses/by/4.0/deed.es")
            ),
            BuiltIn("cc-by-4.0")
        );
        // Another version is another licence.
        assert_eq!(
            license(None, Some("https://creativecommons.org/licenses/by/3.0/")),
            Unknown
        );
        assert_eq!(license(Some("License Not Specified"), None), NotDeclared);
        assert_eq!(license(Some("notspecified"), None), NotDeclared);
        assert_eq!(license(Some("City of Philadelphia License"), None), Unknown);
        assert_eq!(license(Some("other-closed"), None), Unknown);
    }

    #[test]
    fn frequencies_as_words_and_intervals() {
        assert_eq!(frequency("R/P1M"), Some(Frequency::Monthly));
        assert_eq!(frequency("R/P1D"), Some(Frequency::Daily));
        assert_eq!(frequency("R/P7D"), Some(Frequency::Weekly));
        assert_eq!(frequency("R/PT15M"), Some(Frequency::Continuous));
        assert_eq!(frequency("R/PT1H"), Some(Frequency::Hourly));
        assert_eq!(frequency("R/P1Y"), Some(Frequency::Annual));
        assert_eq!(frequency("R/P0.5M"), Some(Frequency::Biweekly));
        assert_eq!(frequency("R/P4M"), None);
        assert_eq!(frequency("Trimestral"), Some(Frequency::Quarterly));
        assert_eq!(
            frequency("http://publications.europa.eu/resource/authority/frequency/ANNUAL"),
            Some(Frequency::Annual)
        );
        assert_eq!(frequency("cuando se pueda"), None);
    }

    #[test]
    fn kinds_from_spanish_names() {
        let kind = |name| participant_kind(name).map(|(k, _)| k);
        assert_eq!(kind("H. Ayuntamiento de Xalapa"), Some("municipio"));
        assert_eq!(kind("Gobierno del Estado de Jalisco"), Some("estado"));
        assert_eq!(
            kind("Secretaría de Salud del Estado de Veracruz"),
            Some("estado")
        );
        assert_eq!(kind("Gobierno de Nuevo León"), Some("estado"));
        assert_eq!(
            kind("Instituto Nacional de Estadística y Geografía"),
            Some("federal")
        );
        assert_eq!(kind("Secretaría de Salud"), None);
        assert_eq!(kind("Cómo Vamos Nuevo León"), None);
        assert_eq!(kind("City of Philadelphia"), Some("municipio"));
    }

    #[test]
    fn addresses_are_encoded_not_dropped() {
        assert_eq!(
            web_url("\thttps://x.org/sql?q=SELECT * FROM t"),
            Some("https://x.org/sql?q=SELECT%20*%20FROM%20t".to_string())
        );
        assert_eq!(
            web_url("-https://x.org/a "),
            Some("https://x.org/a".to_string())
        );
        assert_eq!(
            web_url("<https://x.org/a>"),
            Some("https://x.org/a".to_string())
        );
        assert_eq!(web_url("ftp://x.org/a"), None);
        assert_eq!(web_url("www.x.org"), None);
    }
}
