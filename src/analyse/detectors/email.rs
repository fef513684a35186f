//! E-mail addresses: their shape, whether the part before the `@` names an
//! office rather than a person (`contacto@`, `atencion.ciudadana@`,
//! `eco_turismo_tenango@`), and that part masked so an official can still
//! see what office it names.

/// Words that make an address an office's, wherever they stand in its local
/// part (ASCII, lower case). A person's address rarely holds one.
const OFFICE_WORDS: &[&str] = &[
    "admin",
    "alumbrado",
    "archivo",
    "atencion",
    "ayuda",
    "ayuntamiento",
    "bienestar",
    "bomberos",
    "buzon",
    "catastro",
    "comunicacion",
    "contact",
    "contacto",
    "contraloria",
    "coordinacion",
    "cultura",
    "datos",
    "denuncia",
    "deporte",
    "desarrollo",
    "despacho",
    "difusion",
    "direccion",
    "ecologia",
    "educacion",
    "gobierno",
    "info",
    "juridico",
    "limpia",
    "medioambiente",
    "mercados",
    "municipal",
    "municipio",
    "noreply",
    "obras",
    "oficialia",
    "oficina",
    "panteon",
    "planeacion",
    "policia",
    "potable",
    "predial",
    "prensa",
    "presidencia",
    "proteccion",
    "publicas",
    "queja",
    "rastro",
    "registro",
    "salud",
    "secretaria",
    "seguridad",
    "servicio",
    "soporte",
    "sugerencia",
    "tesoreria",
    "tramite",
    "transito",
    "transparencia",
    "turismo",
    "usuarios",
    "ventanilla",
    "webmaster",
];

/// Whether `local@domain` has an e-mail address's shape.
pub fn is_email(local: &str, domain: &str) -> bool {
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-'".contains(c));
    let mut labels = domain.split('.');
    let tld = domain.rsplit('.').next().unwrap_or("");
    let domain_ok = domain.contains('.')
        && labels.all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && tld.len() >= 2
        && tld.chars().all(char::is_alphabetic);
    local_ok && domain_ok
}

/// The office words of a local part, as byte ranges (ASCII letters compared in lower case).
fn office_words(local: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let lower = local.to_ascii_lowercase();
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    for word in OFFICE_WORDS {
        let mut from = 0;
        while let Some(at) = lower[from..].find(word) {
            found.push(from + at..from + at + word.len());
            from += at + word.len();
        }
    }
    found.into_iter()
}

/// Whether the local part names an office or a role (`contacto`, `atencion.ciudadana`).
pub fn is_role(local: &str) -> bool {
    office_words(local).next().is_some()
}

/// The local part masked: office words and separators kept, every other
/// letter or digit starred but the first (`j****.contacto`, `a*********`).
pub fn mask_local(local: &str) -> String {
    let kept: Vec<std::ops::Range<usize>> = office_words(local).collect();
    let mut first = true;
    local
        .char_indices()
        .map(|(i, c)| {
            let kept = kept.iter().any(|r| r.contains(&i)) || !c.is_alphanumeric();
            if kept || std::mem::take(&mut first) {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// Webmail domains: not personal by themselves, so shown, which tells an
/// official at once that an address is someone's own mailbox.
const WEBMAIL: &[&str] = &[
    "gmail.com",
    "hotmail.com",
    "hotmail.es",
    "outlook.com",
    "outlook.es",
    "live.com",
    "live.com.mx",
    "yahoo.com",
    "yahoo.com.mx",
    "icloud.com",
    "prodigy.net.mx",
    "protonmail.com",
    "aol.com",
    "msn.com",
];

/// Whether `domain` (lower case) is a well-known webmail's.
pub fn is_webmail(domain: &str) -> bool {
    WEBMAIL.contains(&domain)
}

/// A domain as a report shows it: whole when it is an office's (`office`)
/// or a webmail's, else masked but its last label (`*******.org`).
pub fn shown_domain(domain: &str, office: bool) -> String {
    if office || is_webmail(domain) {
        domain.to_string()
    } else {
        mask_domain(domain)
    }
}

/// A domain masked but its last label (`*******.org`).
fn mask_domain(domain: &str) -> String {
    let tld = domain.rsplit('.').next().unwrap_or("");
    format!(
        "{}.{tld}",
        "*".repeat(domain.chars().count().saturating_sub(tld.len() + 1).max(1))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_email("juana.perez", "example.org"));
        assert!(!is_email("", "example.org"));
        assert!(!is_email("a", "b"));
        assert!(!is_email("a", "b.c1"));
        assert!(!is_email("a b", "example.org"));
    }

    #[test]
    fn offices_and_roles_are_told_from_people() {
        for office in [
            "contacto",
            "atencion.ciudadana",
            "atusuarios",
            "eco_turismo_tenango",
            "d.urbano-o.publicas",
            "agua.potable",
            "TRANSPARENCIA",
        ] {
            assert!(is_role(office), "{office}");
        }
        for person in ["juana.perez", "luilalo", "mgarcia85"] {
            assert!(!is_role(person), "{person}");
        }
    }

    #[test]
    fn masks_keep_office_words_and_the_first_letter() {
        assert_eq!(mask_local("juana.perez"), "j****.*****");
        assert_eq!(mask_local("juan.contacto"), "j***.contacto");
        assert_eq!(mask_local("atusuarios"), "a*usuarios");
        assert_eq!(mask_local("eco_turismo_tenango"), "e**_turismo_*******");
        assert_eq!(shown_domain("example.org", false), "*******.org");
        assert_eq!(shown_domain("example.org", true), "example.org");
        assert_eq!(shown_domain("gmail.com", false), "gmail.com");
        assert!(is_webmail("gmail.com"));
        assert!(!is_webmail("toluca.gob.mx"));
    }
}
