//! What a column's name says of its values: that bare numbers in it are
//! phones or social security numbers, that its values are CURPs, RFCs,
//! addresses or birth dates, that it names people (`beneficiario`,
//! `nombre`, `apellido_paterno`) or that it names places and things
//! (`colonia`, `nombre_del_tramite`), whose values are never taken for people.

/// A column name as names are compared: ASCII, lower case, words joined by `_`.
pub fn normalise(name: &str) -> String {
    deunicode::deunicode(name.trim())
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Whom a column's values name, by its name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum People {
    /// The name says nothing of people.
    #[default]
    Unsaid,
    /// People (`beneficiario`, `nombre_completo`, `titular`).
    Person,
    /// Given names (`nombre`, `nombres`).
    Given,
    /// Surnames (`apellido_paterno`, `primer_apellido`).
    Surname,
    /// Places, offices or things (`colonia`, `nombre_del_tramite`): never people.
    Not,
}

/// What a column's name says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Header {
    pub phone: bool,
    pub nss: bool,
    pub curp: bool,
    pub rfc: bool,
    /// A bank account (CLABE) or a card number.
    pub account: bool,
    pub email: bool,
    pub address: bool,
    pub birth: bool,
    pub people: People,
}

impl Header {
    pub fn new(name: &str) -> Header {
        let normalised = normalise(name);
        let words: Vec<&str> = normalised.split('_').collect();
        let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
        let starts = |stems: &[&str]| words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)));
        Header {
            phone: has(&[
                "tel",
                "telefono",
                "telefonos",
                "celular",
                "movil",
                "phone",
                "contacto",
                "whatsapp",
                "fax",
                "lada",
            ]),
            nss: has(&["nss", "imss", "afiliacion"])
                || (has(&["social"]) && has(&["seguro", "seguridad"])),
            curp: has(&["curp"]),
            rfc: has(&["rfc"]),
            account: has(&["clabe", "tarjeta"]),
            email: has(&["correo", "email", "mail"]) || normalised.contains("e_mail"),
            address: has(&["domicilio", "direccion"]),
            birth: has(&[
                "nacimiento",
                "nac",
                "fnac",
                "nacio",
                "cumpleanos",
                "natalicio",
            ]),
            people: people(&words, &has, &starts),
        }
    }

    /// Whether the name is one that usually holds personal data.
    pub fn is_personal(&self) -> bool {
        self.curp
            || self.rfc
            || self.account
            || self.email
            || self.nss
            || self.phone
            || self.address
            || self.birth
            || matches!(
                self.people,
                People::Person | People::Given | People::Surname
            )
    }
}

/// Words of a column's name that make its values places, offices or things.
const THINGS: &[&str] = &[
    "dependencia",
    "oficina",
    "area",
    "unidad",
    "tramite",
    "programa",
    "escuela",
    "colonia",
    "calle",
    "localidad",
    "municipio",
    "alcaldia",
    "delegacion",
    "estado",
    "entidad",
    "ciudad",
    "comercio",
    "comercial",
    "establecimiento",
    "razon",
    "empresa",
    "negocio",
    "institucion",
    "plantel",
    "centro",
    "proyecto",
    "obra",
    "producto",
    "giro",
    "servicio",
    "archivo",
    "documento",
    "evento",
    "curso",
    "taller",
    "lugar",
    "sitio",
    "predio",
    "fraccionamiento",
    "asentamiento",
    "ruta",
    "parque",
    "mercado",
    "hospital",
    "clinica",
    "puesto",
    "cargo",
    "especie",
    "vialidad",
    "avenida",
    "barrio",
    "pueblo",
    "ejido",
    "region",
    "zona",
    "sector",
    "indicador",
    "categoria",
    "tipo",
    "marca",
    "modelo",
    "vehiculo",
    "equipo",
    "partido",
    "organizacion",
    "asociacion",
    "sociedad",
    "direccion",
    "domicilio",
    "calle",
    "ubicacion",
    "materia",
    "asunto",
    "concepto",
    "tema",
];

/// Stems of words that name people, in any gender and number.
const PEOPLE_STEMS: &[&str] = &[
    "beneficiari",
    "solicitant",
    "propietari",
    "titular",
    "contribuyent",
    "ciudadan",
    "quejos",
    "denuncian",
    "pacient",
    "alumn",
    "estudiant",
    "trabajador",
    "emplead",
    "servidor",
    "funcionari",
    "responsabl",
    "representant",
    "persona",
    "conductor",
    "infractor",
    "arrendatari",
    "tutor",
    "padre",
    "madre",
    "victima",
    "detenid",
    "asegurad",
    "derechohabient",
    "productor",
    "inspector",
    "encargad",
    "jefe",
    "autor",
    "usuari",
    "client",
    "testig",
    "difunt",
    "finad",
    "fallecid",
    "interesad",
    "peticionari",
    "promovent",
    "afectad",
    "demandant",
    "vecin",
    "habitant",
    "jornaler",
    "becari",
    "docent",
    "maestr",
    "profesor",
    "voluntari",
    "integrant",
    "ejidatari",
    "comuner",
    "locatari",
    "comerciant",
    "vendedor",
    "operador",
    "chofer",
    "duen",
    "poseedor",
    "acreditad",
    "deudor",
    "contacto",
];

fn people(
    words: &[&str],
    has: &dyn Fn(&[&str]) -> bool,
    starts: &dyn Fn(&[&str]) -> bool,
) -> People {
    if has(THINGS) {
        People::Not
    } else if starts(&["apellido"]) || has(&["paterno", "materno"]) {
        People::Surname
    } else if starts(PEOPLE_STEMS) || has(&["completo"]) {
        People::Person
    } else if has(&["nombre", "nombres"])
        && words.iter().all(|w| {
            [
                "nombre", "nombres", "de", "del", "la", "el", "los", "primer", "segundo", "pila",
                "s",
            ]
            .contains(w)
        })
    {
        People::Given
    } else {
        People::Unsaid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_columns_say_whom_they_hold() {
        let people = |name: &str| Header::new(name).people;
        assert_eq!(people("Nombre(s)"), People::Given);
        assert_eq!(people("NOMBRE_COMPLETO"), People::Person);
        assert_eq!(people("Nombre del beneficiario"), People::Person);
        assert_eq!(people("Beneficiarias"), People::Person);
        assert_eq!(people("Apellido paterno"), People::Surname);
        assert_eq!(people("nombre_del_tramite"), People::Not);
        assert_eq!(people("Nombre de la colonia"), People::Not);
        assert_eq!(people("Razón social"), People::Not);
        assert_eq!(people("folio"), People::Unsaid);
        assert!(Header::new("Teléfono celular").phone);
        assert!(Header::new("Número de Seguridad Social").nss);
        assert!(Header::new("CURP del solicitante").curp);
        assert!(Header::new("Fecha de nacimiento").birth);
        assert!(Header::new("Domicilio particular").address);
        assert!(!Header::new("monto").is_personal());
        assert!(!Header::new("calle").is_personal(), "a street is no one's");
        assert!(Header::new("E-mail").is_personal());
    }
}
