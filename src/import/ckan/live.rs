//! `abierto import ckan URL`: a live portal's `package_search`, paged by
//! `rows` and `start` until its `count` is reached, each page asked within
//! the run's [`HttpLimits`]. A page that cannot be had ends the paging: what
//! came before is imported, and the summary says how many of `count`.

use super::{Packages, answers, read_packages};
use crate::import::http::{Client, HttpLimits};
use crate::import::{Imported, Note};
use crate::msg;
use crate::scaffold::Refusal;
use serde_json::Value;

/// Packages asked for per page (CKAN's own maximum is 1,000).
const ROWS: usize = 100;
/// The most bytes of one page.
const PAGE_BYTES: u64 = 256 * 1024 * 1024;

/// The site and its `package_search` address, from whatever address was given.
fn endpoints(url: &str) -> (String, String) {
    let url = url.trim().trim_end_matches('/');
    let base = url
        .split("/api/")
        .next()
        .unwrap_or(url)
        .split('?')
        .next()
        .unwrap_or(url);
    let base = base
        .trim_end_matches("/dataset")
        .trim_end_matches('/')
        .to_string();
    (base.clone(), format!("{base}/api/3/action/package_search"))
}

pub fn read_live(url: &str, limits: &HttpLimits) -> Result<Imported, Refusal> {
    let (site, search) = endpoints(url);
    let client = Client::new(limits);
    let mut list: Vec<Value> = Vec::new();
    let mut declared: Option<usize> = None;
    let mut stopped: Option<Note> = None;
    loop {
        let page = format!("{search}?rows={ROWS}&start={}", list.len());
        let packages = match client.get(&page, PAGE_BYTES) {
            Ok(bytes) => answers(&crate::import::source::decode(&bytes)),
            Err(problem) => Err(Refusal::new(
                msg!(
                    "import-cannot-ask",
                    url = &page,
                    problem = problem.message()
                ),
                msg!("import-cannot-ask-help"),
            )),
        };
        let Packages {
            list: found,
            declared: count,
        } = match packages {
            Ok(packages) => packages,
            Err(refusal) if list.is_empty() => return Err(refusal),
            Err(refusal) => {
                stopped = Some(Note {
                    source: page,
                    field: String::new(),
                    message: refusal.message,
                });
                break;
            }
        };
        declared = count.or(declared);
        let empty = found.is_empty();
        list.extend(found);
        if empty || declared.is_none_or(|total| list.len() >= total) {
            break;
        }
    }
    let mut imported = read_packages(Packages { list, declared }, &site, Some(&site));
    imported.notes.extend(stopped);
    Ok(imported)
}

#[cfg(test)]
mod tests {
    use super::endpoints;

    #[test]
    fn any_address_of_the_portal_finds_its_api() {
        for given in [
            "https://datos.example.mx",
            "https://datos.example.mx/",
            "https://datos.example.mx/dataset",
            "https://datos.example.mx/api/3/action/package_search?q=agua",
        ] {
            assert_eq!(
                endpoints(given),
                (
                    "https://datos.example.mx".to_string(),
                    "https://datos.example.mx/api/3/action/package_search".to_string()
                ),
                "{given}"
            );
        }
    }
}
