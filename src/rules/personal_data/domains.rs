//! The domains whose e-mail addresses are an office's, not a person's:
//! every government's (`.gob.mx`) and the site's own, read from the
//! portal's address, the participants' websites and e-mail addresses and
//! the datasets' contacts.

use crate::analyse::detectors::email::is_webmail;
use crate::model::Site;
use std::collections::BTreeSet;

/// The domains of public offices, for one site.
#[derive(Debug, Default)]
pub struct Institutional {
    /// Lower case, without `www.`.
    own: BTreeSet<String>,
}

impl Institutional {
    pub fn of_site(site: &Site) -> Institutional {
        let mut own = BTreeSet::new();
        let mut add = |domain: Option<&str>| {
            if let Some(domain) = domain.map(str::to_ascii_lowercase) {
                let domain = domain.trim_start_matches("www.");
                // A participant writing from a webmail makes no webmail an office's.
                if domain.contains('.') && !is_webmail(domain) {
                    own.insert(domain.to_string());
                }
            }
        };
        add(url_host(&site.portal.base_url));
        for participant in &site.participants {
            add(participant.website.as_deref().and_then(url_host));
            add(participant.email.as_deref().and_then(email_domain));
        }
        for dataset in &site.datasets {
            let contact = dataset.contact.as_ref().and_then(|c| c.email.as_deref());
            add(contact.and_then(email_domain));
        }
        Institutional { own }
    }

    /// Whether an address at `domain` is an office's: a government's
    /// (`….gob.mx`), or the site's own or a subdomain of it.
    pub fn contains(&self, domain: &str) -> bool {
        let domain = domain.to_ascii_lowercase();
        domain == "gob.mx"
            || domain.ends_with(".gob.mx")
            || self
                .own
                .iter()
                .any(|own| domain == *own || domain.ends_with(&format!(".{own}")))
    }
}

/// The host of an `http(s)://` address.
fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    host.rsplit_once('@')
        .map_or(host, |(_, h)| h)
        .split(':')
        .next()
}

/// The domain of an e-mail address (`mailto:` or not).
fn email_domain(address: &str) -> Option<&str> {
    address.rsplit_once('@').map(|(_, domain)| domain.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn government_and_own_domains_are_institutional() {
        let mut institutional = Institutional::default();
        institutional.own.insert("xalapa.example.mx".into());
        assert!(institutional.contains("opdapasmetepec.gob.mx"));
        assert!(institutional.contains("XALAPA.example.mx"));
        assert!(institutional.contains("transito.xalapa.example.mx"));
        assert!(!institutional.contains("gmail.com"));
        assert!(!institutional.contains("notxalapa.example.mx"));
        assert!(!institutional.contains("gob.mx.example.com"));
        assert_eq!(
            url_host("https://www.xalapa.gob.mx:8080/datos/"),
            Some("www.xalapa.gob.mx")
        );
        assert_eq!(
            email_domain("mailto:datos@xalapa.gob.mx"),
            Some("xalapa.gob.mx")
        );
    }
}
