//! Whose portal a render makes: the network's, or one participant's own
//! (`--participant ID`). One value says it: the whole site (what links and
//! embeds may name), the part of it this portal shows — under this portal's
//! own title, description, logo, colour and address — and the addresses
//! ([`Urls`]) that link what this portal does not hold to the network's
//! portal. Every page, list and catalog is made from [`Scope::here`], so the
//! network's portal and a participant's differ in their data, never in the
//! code that renders them.

use super::Translation;
use crate::diagnostics::Diagnostic;
use crate::load::{DEFAULT_BASE_URL, PARTICIPANTS_DIR};
use crate::model::{Logo, Page, Participant, Site};
use crate::msg;
use crate::output::urls::Urls;

/// The portal a render makes, and the site it is made from.
pub struct Scope<'a> {
    whole: &'a Site,
    /// A participant's part of the site under its portal's identity (`None`: the whole site).
    part: Option<Site>,
    /// This portal's addresses.
    pub urls: Urls,
}

impl<'a> Scope<'a> {
    /// The network's portal: the whole site at its `base_url`.
    pub fn network(site: &'a Site) -> Scope<'a> {
        let own = site
            .participants
            .iter()
            .filter_map(|p| Some((p.id.clone(), p.portal.as_ref()?.base_url.clone())))
            .collect();
        Scope {
            whole: site,
            part: None,
            urls: Urls::network(&site.portal.base_url, own),
        }
    }

    /// `participant`'s own portal, at `base_url` when given, else at its
    /// `[portal] base_url` (a local preview's address without one). `Err`
    /// when the site has no such participant: with the error to report, or
    /// `None` when its participant.toml did not load (its errors are reported).
    pub fn participant(
        site: &'a Site,
        participant: &str,
        base_url: Option<&str>,
    ) -> Result<Scope<'a>, Option<Diagnostic>> {
        let Some(found) = site.participant(participant) else {
            return Err((!site.unloaded.participants.contains(participant))
                .then(|| unknown_participant(site, participant)));
        };
        let base_url = base_url
            .or(found.portal.as_ref().map(|p| p.base_url.as_str()))
            .unwrap_or(DEFAULT_BASE_URL);
        let urls = Scope::network(site)
            .urls
            .participant_portal(&found.id, base_url);
        Ok(Scope {
            whole: site,
            part: Some(participant_site(site, found, base_url)),
            urls,
        })
    }

    /// The whole site: what links, embeds and citing stories may name.
    pub fn whole(&self) -> &'a Site {
        self.whole
    }

    /// What this portal shows: the whole site, or the participant's part of it.
    pub fn here(&self) -> &Site {
        self.part.as_ref().unwrap_or(self.whole)
    }

    /// The words of this portal's pages: a participant's own portal speaks of
    /// itself where the network's speaks of the network.
    pub fn translation(&self) -> Translation {
        let t = Translation::for_language(self.here().portal.language);
        match self.part {
            None => t,
            Some(_) => t.for_participant_portal(),
        }
    }

    /// The participant whose own portal this is (`None`: the network's).
    pub fn participant_id(&self) -> Option<&str> {
        self.part
            .as_ref()
            .and_then(|part| part.participants.first())
            .map(|p| p.id.as_str())
    }
}

/// The participant's datasets, stories and pages, under its portal's
/// title, description, logo, colour and address (the network's colour and
/// logo where it sets none).
fn participant_site(whole: &Site, participant: &Participant, base_url: &str) -> Site {
    let id = participant.id.as_str();
    let own = participant.portal.as_ref();
    let mut portal = whole.portal.clone();
    portal.title = participant.portal_title().to_string();
    (portal.description, portal.description_line) = own
        .and_then(|o| Some((o.description.clone()?, o.description_line)))
        .unwrap_or((
            participant.description.clone(),
            participant.description_line,
        ));
    portal.source_file = participant.source_file.clone();
    portal.base_url = base_url.to_string();
    if let Some(colour) = own.and_then(|o| o.accent_color.clone()) {
        portal.accent_color = Some(colour);
    }
    if let Some(logo) = own.and_then(|o| o.logo.clone()) {
        portal.logo = Some(Logo::Participant {
            participant: id.to_string(),
            file: logo,
        });
    }
    Site {
        root: whole.root.clone(),
        portal,
        participants: vec![participant.clone()],
        datasets: (whole.datasets.iter())
            .filter(|d| d.participant == id)
            .cloned()
            .collect(),
        stories: (whole.stories.iter())
            .filter(|s| s.participant.as_deref() == Some(id))
            .cloned()
            .collect(),
        pages: pages(whole, participant),
        static_files: whole.static_files.clone(),
        template_overrides: whole.template_overrides.clone(),
        unloaded: whole.unloaded.clone(),
    }
}

/// The network's pages the portal keeps (all unless `[portal] pages` says),
/// then its own, which take the place of a network page of the same name; in
/// menu order.
fn pages(whole: &Site, participant: &Participant) -> Vec<Page> {
    let kept = participant.portal.as_ref().and_then(|p| p.pages.as_ref());
    let mut pages: Vec<Page> = (whole.pages.iter())
        .filter(|page| kept.is_none_or(|kept| kept.iter().any(|k| k.slug == page.slug)))
        .filter(|page| !participant.pages.iter().any(|own| own.slug == page.slug))
        .cloned()
        .collect();
    pages.extend(participant.pages.iter().cloned());
    pages.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.slug.cmp(&b.slug)));
    pages
}

/// `--participant` names no participant of the site: the nearest id, or the known ones.
fn unknown_participant(site: &Site, asked: &str) -> Diagnostic {
    let known: Vec<&str> = site.participants.iter().map(|p| p.id.as_str()).collect();
    let nearest = known
        .iter()
        .map(|k| (strsim::jaro_winkler(asked, k), *k))
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k);
    let help = match nearest {
        Some(nearest) => msg!("render-unknown-participant-nearest", nearest = nearest),
        None => msg!("render-unknown-participant-help", known = known.join(", ")),
    };
    Diagnostic::error(
        PARTICIPANTS_DIR,
        msg!("render-unknown-participant", id = asked),
    )
    .help(help)
}
