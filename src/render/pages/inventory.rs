//! The inventory: the planned datasets, by participant.

use super::Builder;
use crate::output::urls::Urls;
use crate::render::PageJob;
use crate::render::views::{DatasetSummary, ParticipantSummary};
use serde::Serialize;

/// `inventory.html`'s data.
#[derive(Serialize)]
struct Inventory<'a> {
    /// Each participant that plans datasets, with them.
    groups: Vec<(ParticipantSummary, Vec<&'a DatasetSummary>)>,
}

pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let views = b.views;
    let texts = ["planned_datasets", "planned_intro", "inventario"];
    vec![
        b.titled_job((Urls::inventory(), "inventory.html"), texts, move || {
            let groups = views
                .site
                .participants
                .iter()
                .map(|p| {
                    (
                        views.participant_summary(p),
                        views.planned_where(|d| d.participant == p.id),
                    )
                })
                .filter(|(_, planned)| !planned.is_empty())
                .collect();
            Inventory { groups }
        }),
    ]
}
