//! Values that name people or where they live: a person's name (2 to 6
//! capitalised words, among them given names and surnames of the lists in
//! `names/`, written with or without accents, in capitals or not, surname
//! first or last), a part of one (a given name alone, surnames alone) and a
//! street address with a number. One value says little; the scanner judges
//! a column by how many of its values look so.

use std::collections::HashMap;
use std::sync::OnceLock;

/// What the name lists know of a word.
#[derive(Debug, Clone, Copy, Default)]
struct Known {
    /// Its place in the given names' list, when it is a given name.
    given: Option<u16>,
    surname: bool,
}

/// The lists shipped with the program, by word folded to ASCII lower case.
fn lists() -> &'static (HashMap<String, Known>, Vec<&'static str>) {
    static LISTS: OnceLock<(HashMap<String, Known>, Vec<&'static str>)> = OnceLock::new();
    LISTS.get_or_init(|| {
        let words = |text: &'static str| {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
        };
        let given: Vec<&'static str> = words(include_str!("names/given.txt")).collect();
        let mut known: HashMap<String, Known> = HashMap::new();
        for (i, name) in given.iter().enumerate() {
            known.entry(fold(name)).or_default().given = Some(i as u16);
        }
        for name in words(include_str!("names/surnames.txt")) {
            known.entry(fold(name)).or_default().surname = true;
        }
        (known, given)
    })
}

/// A word in ASCII lower case, accents dropped (ñ is n, as the lists' keys).
fn fold(word: &str) -> String {
    word.chars().filter_map(fold_char).collect()
}

fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'a'..='z' => c,
        'A'..='Z' => c.to_ascii_lowercase(),
        'á' | 'à' | 'ä' | 'Á' | 'À' | 'Ä' => 'a',
        'é' | 'è' | 'ë' | 'É' | 'È' | 'Ë' => 'e',
        'í' | 'ì' | 'ï' | 'Í' | 'Ì' | 'Ï' => 'i',
        'ó' | 'ò' | 'ö' | 'Ó' | 'Ò' | 'Ö' => 'o',
        'ú' | 'ù' | 'ü' | 'Ú' | 'Ù' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        _ => return None,
    })
}

/// A given name's spelling in the list (with its accents), by its place.
pub fn given_name(index: u16) -> &'static str {
    lists().1.get(usize::from(index)).copied().unwrap_or("")
}

/// Words between names: `de la Cruz`, `María de los Ángeles`.
const PARTICLES: &[&str] = &[
    "de", "del", "la", "las", "los", "y", "e", "da", "van", "von", "mc",
];

/// Words before a name: titles, kept out of the count.
const TITLES: &[&str] = &[
    "c", "lic", "ing", "dr", "dra", "mtro", "mtra", "sr", "sra", "srita", "prof", "profa", "arq",
    "cp", "mvz", "qfb", "lcda", "lcdo",
];

/// Words that make a value a place, an institution or a thing, not a person.
const NOT_PEOPLE: &[&str] = &[
    "san",
    "santa",
    "santo",
    "colonia",
    "col",
    "calle",
    "avenida",
    "av",
    "barrio",
    "fraccionamiento",
    "fracc",
    "unidad",
    "escuela",
    "primaria",
    "secundaria",
    "jardin",
    "kinder",
    "preparatoria",
    "colegio",
    "instituto",
    "universidad",
    "centro",
    "hospital",
    "clinica",
    "farmacia",
    "mercado",
    "tienda",
    "parque",
    "plaza",
    "iglesia",
    "templo",
    "parroquia",
    "capilla",
    "museo",
    "biblioteca",
    "club",
    "deportivo",
    "auditorio",
    "casa",
    "direccion",
    "secretaria",
    "subsecretaria",
    "coordinacion",
    "departamento",
    "oficina",
    "presidencia",
    "ayuntamiento",
    "municipio",
    "gobierno",
    "comite",
    "asociacion",
    "sociedad",
    "cooperativa",
    "fundacion",
    "grupo",
    "programa",
    "general",
    "nacional",
    "municipal",
    "estatal",
    "federal",
    "publica",
    "publico",
    "servicios",
    "comercial",
    "ejido",
    "rancho",
    "hacienda",
    "pueblo",
    "villa",
    "ciudad",
    "puerto",
    "valle",
    "monte",
    "cerro",
    "lago",
    "laguna",
    "playa",
    "paseo",
    "calzada",
    "boulevard",
    "privada",
    "cerrada",
    "andador",
    "callejon",
    "carretera",
    "camino",
    "circuito",
    "prolongacion",
    "manzana",
    "lote",
    "retorno",
    "puente",
    "sector",
    "zona",
    "seccion",
    "region",
    "distrito",
    "delegacion",
    "agencia",
    "localidad",
    "comunidad",
    "heroes",
    "ninos",
    "revolucion",
    "independencia",
    "reforma",
    "constitucion",
    "insurgentes",
    "norte",
    "sur",
    "oriente",
    "poniente",
    "sa",
    "cv",
    "ac",
    "sc",
];

/// Heroes whose names are streets, neighbourhoods and towns more often than
/// anyone's name (words without particles or initials).
const HEROES: &[&str] = &[
    "benito juarez",
    "miguel hidalgo",
    "emiliano zapata",
    "francisco villa",
    "pancho villa",
    "lazaro cardenas",
    "venustiano carranza",
    "alvaro obregon",
    "vicente guerrero",
    "ignacio zaragoza",
    "ignacio allende",
    "jose maria morelos",
    "guadalupe victoria",
    "adolfo lopez mateos",
    "francisco madero",
    "gustavo madero",
    "josefa ortiz dominguez",
    "leona vicario",
    "mariano matamoros",
    "agustin iturbide",
    "plutarco elias calles",
    "manuel avila camacho",
    "adolfo ruiz cortines",
    "juana ines cruz",
    "ricardo flores magon",
    "aquiles serdan",
    "carmen serdan",
    "belisario dominguez",
    "melchor ocampo",
    "ignacio lopez rayon",
    "hermenegildo galeana",
    "juan escutia",
    "francisco javier mina",
    "ramon lopez velarde",
    "valentin gomez farias",
    "sebastian lerdo tejada",
    "ignacio manuel altamirano",
    "andres quintana roo",
    "cristobal colon",
    "agustin melgar",
    "fernando montes oca",
];

/// What the lists say of a value that could be a name or part of one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameShape {
    /// Words counted (particles, titles and initials left out).
    pub words: u8,
    pub given: u8,
    /// Words that are surnames and not given names.
    pub surnames: u8,
    /// Words that are surnames, given names or not.
    pub surname_like: u8,
    /// The first given name's place in the list.
    pub first_given: Option<u16>,
}

impl NameShape {
    /// A full name: two words or more, a given name among them, and a
    /// surname or a third word ("Xóchitl Tzompantzi Cuautle").
    pub fn is_full_name(&self) -> bool {
        self.words >= 2 && self.given >= 1 && (self.given + self.surnames >= 2 || self.words >= 3)
    }

    /// Given names alone ("María Guadalupe"): what a `nombre` column holds beside surname columns.
    pub fn is_given_names(&self) -> bool {
        self.words <= 3 && self.given >= 1
    }

    /// Surnames alone ("Hernández", "de la Cruz López").
    pub fn is_surnames(&self) -> bool {
        self.words <= 2 && self.surname_like >= 1
    }
}

/// The most words a name is taken to have (María de los Ángeles Guadalupe Hernández López: 5).
const MOST_WORDS: u8 = 6;

/// Looks a value up in the name lists, if it has a name's shape: words of
/// letters, each capitalised or in capitals, no digits, not a place.
pub fn name_shape(value: &str) -> Option<NameShape> {
    let value = value.trim();
    if value.len() > 80 || value.bytes().any(|b| b.is_ascii_digit() || b == b'@') {
        return None;
    }
    let (known, _) = lists();
    let mut shape = NameShape::default();
    let mut counted = String::new();
    for raw in value.split([' ', ',', '-', '\t']).filter(|w| !w.is_empty()) {
        let word = raw.trim_end_matches('.');
        let folded = fold(word);
        if folded.chars().count() != word.chars().count() || folded.is_empty() {
            return None; // a character no name has
        }
        if NOT_PEOPLE.contains(&folded.as_str()) {
            return None;
        }
        if PARTICLES.contains(&folded.as_str())
            || TITLES.contains(&folded.as_str())
            || folded.len() == 1
        {
            continue;
        }
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        shape.words += 1;
        if shape.words > MOST_WORDS {
            return None;
        }
        if !counted.is_empty() {
            counted.push(' ');
        }
        counted.push_str(&folded);
        let found = known.get(&folded).copied().unwrap_or_default();
        if let Some(index) = found.given {
            shape.given += 1;
            shape.first_given.get_or_insert(index);
        }
        shape.surnames += u8::from(found.surname && found.given.is_none());
        shape.surname_like += u8::from(found.surname);
    }
    if shape.words == 0 || HEROES.iter().any(|hero| counted.contains(hero)) {
        return None;
    }
    Some(shape)
}

/// Words that name a street or a lot (ASCII, lower case, without the dot).
const STREET_WORDS: &[&str] = &[
    "calle",
    "c",
    "av",
    "avenida",
    "blvd",
    "boulevard",
    "bulevar",
    "calz",
    "calzada",
    "priv",
    "privada",
    "cerrada",
    "cda",
    "andador",
    "and",
    "callejon",
    "prol",
    "prolongacion",
    "carretera",
    "carr",
    "camino",
    "circuito",
    "cto",
    "retorno",
    "paseo",
    "periferico",
    "mz",
    "manzana",
    "lt",
    "lote",
    "col",
    "colonia",
    "fracc",
    "domicilio",
];

/// Words that mark a number in an address, but also in a phone (`ext. 410`).
const NUMBER_WORDS: &[&str] = &["no", "num", "numero", "int", "ext"];

/// Whether a word is one of a street address's words (`Calle`, `Av.`, `Col.`, `Mz`, `No.`).
pub fn is_street_word(word: &str) -> bool {
    let word = fold(word.trim_end_matches('.'));
    STREET_WORDS.contains(&word.as_str()) || NUMBER_WORDS.contains(&word.as_str())
}

/// Whether a word is a particle between names (`de`, `la`, `del`).
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&fold(word).as_str())
}

/// A street address with a number: a street word and a number, or a number
/// in a column whose name says it holds addresses.
pub fn is_address(value: &str, column_says_address: bool) -> bool {
    if !value.bytes().any(|b| b.is_ascii_digit()) || value.len() > 200 {
        return false;
    }
    column_says_address
        || value.contains('#')
        || value
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| STREET_WORDS.contains(&fold(word).as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(value: &str) -> bool {
        name_shape(value).is_some_and(|s| s.is_full_name())
    }

    #[test]
    fn names_in_any_case_with_or_without_accents_and_surname_first() {
        for name in [
            "María Guadalupe Hernández López",
            "MARIA GUADALUPE HERNANDEZ LOPEZ",
            "Jose Luis Perez",
            "PÉREZ LÓPEZ, JUAN",
            "María de los Ángeles de la Cruz",
            "Xóchitl Tzompantzi Cuautle",
            "Tonatiuh Pech Chan",
            "Lic. Christian Lenin Vela Acuña",
            "Citlali Ek",
        ] {
            assert!(full(name), "{name}: {:?}", name_shape(name));
        }
    }

    #[test]
    fn places_institutions_heroes_and_sentences_are_not_names() {
        for not_name in [
            "Benito Juárez",
            "Gustavo A. Madero",
            "Colonia Rafael Lucio",
            "Escuela Primaria Josefa Ortiz de Domínguez",
            "Dirección de Desarrollo Económico",
            "San Juan Bautista",
            "Juan no vino",
            "Rosa Morada",
            "Calle Hidalgo 23",
            "REPOSICIÓN DE LICENCIA DE FUNCIONAMIENTO",
            "ana@example.org",
        ] {
            assert!(!full(not_name), "{not_name}: {:?}", name_shape(not_name));
        }
    }

    #[test]
    fn parts_of_names_and_the_given_name_shown() {
        let given = name_shape("MARÍA GUADALUPE").unwrap();
        assert!(given.is_given_names());
        assert_eq!(given_name(given.first_given.unwrap()), "María");
        assert!(name_shape("Hernández").unwrap().is_surnames());
        assert!(!name_shape("Tránsito").unwrap().is_surnames());
    }

    #[test]
    fn addresses_need_a_number() {
        assert!(is_address("Calle Hidalgo 23, Col. Centro", false));
        assert!(is_address("Av. Juárez #145 Int. 3", false));
        assert!(is_address("Mz 4 Lt 12, Santa Cruz", false));
        assert!(is_address("Pino Suárez 310", true));
        assert!(!is_address("Calle Hidalgo", false));
        assert!(!is_address("Domicilio conocido", true));
        assert!(!is_address("Folio 2023-0012", false));
        assert!(!is_address("(228) 841 1234 ext. 410", false));
    }
}
