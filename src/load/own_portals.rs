//! What the participants' own portals must agree on with the rest of the
//! site: each has an address of its own, and keeps only pages the network has.

use super::toml_file;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Site;
use crate::msg;
use std::collections::BTreeMap;

/// Reports a `[portal]` whose `base_url` is the network's or another
/// participant's, and a `pages` entry that names no page of the network.
pub fn check(site: &Site, diagnostics: &Diagnostics) {
    let network = same_address(&site.portal.base_url);
    let mut taken: BTreeMap<String, &str> = BTreeMap::new();
    let known: Vec<String> = site.pages.iter().map(|p| p.slug.clone()).collect();
    for participant in &site.participants {
        let Some(portal) = &participant.portal else {
            continue;
        };
        let file = &participant.source_file;
        let address = same_address(&portal.base_url);
        let at = |message| {
            Diagnostic::error(file, message)
                .at_line(portal.base_url_line)
                .help(msg!("load-portal-same-address-help"))
        };
        if address == network {
            diagnostics.push(at(msg!(
                "load-portal-network-address",
                url = &portal.base_url
            )));
        } else if let Some(other) = taken.get(&address) {
            diagnostics.push(at(msg!(
                "load-portal-same-address",
                url = &portal.base_url,
                other = *other
            )));
        } else {
            taken.insert(address, file);
        }
        for choice in portal.pages.iter().flatten() {
            if known.contains(&choice.slug) {
                continue;
            }
            let help = match toml_file::nearest(&choice.slug, &known) {
                Some(nearest) => msg!("load-portal-unknown-page-nearest", nearest = nearest),
                None => msg!("load-portal-unknown-page-help", known = known.join(", ")),
            };
            diagnostics.push(
                Diagnostic::error(file, msg!("load-portal-unknown-page", slug = &choice.slug))
                    .at_position(choice.line, choice.column)
                    .help(help),
            );
        }
    }
}

/// An address as compared with others: scheme and host are case-blind, and
/// the final `/` is implied.
fn same_address(url: &str) -> String {
    let url = url.trim().trim_end_matches('/');
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            format!(
                "{}://{}{path}/",
                scheme.to_ascii_lowercase(),
                host.to_ascii_lowercase()
            )
        }
        None => format!("{url}/"),
    }
}
