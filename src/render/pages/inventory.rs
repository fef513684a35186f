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
    let t = views.t;
    vec![b.job(Urls::inventory(), "inventory.html", move |route| {
        let meta = b.meta(
            route,
            t.ui("planned_datasets"),
            t.ui("planned_intro"),
            "inventario",
        );
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
        b.context(meta, &Inventory { groups })
    })]
}
