//! Licences: the built-in list and those a site declares itself.

use serde::Serialize;

/// A licence under which a dataset is published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct License {
    pub id: String,
    pub name: String,
    pub url: String,
}

impl License {
    /// Libre Uso MX asks reusers to cite the source; its pages offer the citation.
    pub fn requires_citation(&self) -> bool {
        self.id == "libre-uso-mx"
    }
}

const BUILT_IN: &[(&str, &str, &str)] = &[
    (
        "libre-uso-mx",
        "Términos de Libre Uso MX",
        "https://datos.gob.mx/libreusomx",
    ),
    (
        "cc-by-4.0",
        "Creative Commons Atribución 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    (
        "cc-by-sa-4.0",
        "Creative Commons Atribución-CompartirIgual 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    (
        "cc0-1.0",
        "CC0 1.0 Dedicación al dominio público",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
    (
        "odbl-1.0",
        "Open Data Commons Open Database License 1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
    ),
    (
        "pddl-1.0",
        "Open Data Commons Public Domain Dedication and License",
        "https://opendatacommons.org/licenses/pddl/1-0/",
    ),
];

/// The licences every site knows without declaring them.
pub fn built_in_licenses() -> Vec<License> {
    BUILT_IN
        .iter()
        .map(|(id, name, url)| License {
            id: (*id).to_string(),
            name: (*name).to_string(),
            url: (*url).to_string(),
        })
        .collect()
}
