//! The participants: their list, and for each its page and its datasets'
//! freshness against their promised rhythm.

use super::Builder;
use crate::model::Participant;
use crate::output::urls::{Route, Urls};
use crate::render::catalogs::{self, Alternate};
use crate::render::views::{DatasetSummary, DateView, Link, ParticipantSummary, StorySummary};
use crate::render::{PageJob, cache::PageContext, markdown_html};
use serde::Serialize;

/// `participants.html`'s data.
#[derive(Serialize)]
struct Participants<'a> {
    participants: &'a [ParticipantSummary],
}

/// `participant.html`'s data.
#[derive(Serialize)]
struct ParticipantPage<'a> {
    participant: ParticipantSummary,
    participant_id: &'a str,
    /// Its catalogs, for `<link rel="alternate">`.
    alternates: Vec<Alternate>,
    description_html: String,
    website: &'a Option<String>,
    /// Its own portal, on the network's portal.
    #[serde(skip_serializing_if = "Option::is_none")]
    own_portal: Option<Link>,
    email: &'a Option<String>,
    joined: Option<DateView>,
    /// Its published datasets.
    datasets: Vec<&'a DatasetSummary>,
    planned: Vec<&'a DatasetSummary>,
    stories: Vec<&'a StorySummary>,
}

/// `freshness.html`'s data.
#[derive(Serialize)]
struct Freshness<'a> {
    participant: ParticipantSummary,
    datasets: Vec<&'a DatasetSummary>,
    today: DateView,
}

/// The participants' page, then each participant's page and freshness page.
pub(super) fn jobs<'j>(b: &'j Builder) -> Vec<PageJob<'j>> {
    let texts = ["participants", "participants_intro", "participantes"];
    let index = b.titled_job((Urls::participants(), "participants.html"), texts, || {
        Participants {
            participants: &b.participants,
        }
    });
    let pages = b.views.site.participants.iter().flat_map(|participant| {
        [
            b.job(
                Urls::participant(&participant.id),
                "participant.html",
                move |route| page(b, route, participant),
            ),
            b.job(
                Urls::participant_freshness(&participant.id),
                "freshness.html",
                move |route| freshness_page(b, route, participant),
            ),
        ]
    });
    std::iter::once(index).chain(pages).collect()
}

fn page(b: &Builder, route: &Route, participant: &Participant) -> PageContext {
    let views = b.views;
    let meta = b
        .meta(
            route,
            &participant.name,
            &crate::render::markdown::summary(&participant.description, 200),
            "participantes",
        )
        .edited_in(b, &participant.source_file);
    let description = markdown_html(
        &participant.description,
        &participant.source_file,
        participant.description_line,
        &b.links,
        b.diagnostics,
    );
    let id = participant.id.as_str();
    let data = ParticipantPage {
        participant: views.participant_summary(participant),
        participant_id: id,
        alternates: catalogs::participant_alternates(views.urls, views.t, id, &participant.name),
        description_html: description.html,
        website: &participant.website,
        own_portal: views.urls.own_portal(id).map(|own| Link {
            href: own.absolute(&Urls::home()),
            text: participant.portal_title().to_string(),
        }),
        email: &participant.email,
        joined: participant.joined.map(|d| views.date(d)),
        datasets: views.published_where(|d| d.participant == id),
        planned: views.planned_where(|d| d.participant == id),
        stories: stories(b, id),
    };
    b.context(meta, &data)
}

/// The stories the participant tells.
fn stories<'a>(b: &'a Builder, participant_id: &str) -> Vec<&'a StorySummary> {
    b.views
        .built_stories(b.options.include_drafts)
        .zip(&b.views.stories)
        .filter(|(s, _)| s.participant.as_deref() == Some(participant_id))
        .map(|(_, summary)| summary)
        .collect()
}

/// Each of the participant's datasets against its promised rhythm.
fn freshness_page(b: &Builder, route: &Route, participant: &Participant) -> PageContext {
    let views = b.views;
    let t = views.t;
    let meta = b.meta(
        route,
        &format!("{}: {}", t.ui("freshness_title"), participant.short_name),
        t.ui("freshness_intro"),
        "participantes",
    );
    let data = Freshness {
        participant: views.participant_summary(participant),
        datasets: views.all_where(|d| d.participant == participant.id),
        today: views.date(views.today),
    };
    b.context(meta, &data)
}
