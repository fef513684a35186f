//! The two simplest embeds: a dataset card (title, participant, formats,
//! summary, link) and a download button for one resource.

use super::{Cx, Found, escape};
use crate::model::ResourceLocation;
use crate::output::urls::Urls;

/// `{{ tarjeta(datos="xalapa/semaforos") }}`
pub fn card(cx: &Cx) -> Found<String> {
    let dataset = cx.dataset().map_err(|p| vec![p])?;
    let site = cx.embeds.site;
    let participant = site
        .participant(&dataset.participant)
        .map_or(dataset.participant.as_str(), |p| p.short_name.as_str());
    let mut formats: Vec<&str> = dataset
        .resources
        .iter()
        .map(|r| r.format.as_str())
        .collect();
    formats.sort_unstable();
    formats.dedup();
    let formats: String = formats
        .iter()
        .map(|f| format!(r#"<span class="format">{}</span>"#, escape(f)))
        .collect::<Vec<_>>()
        .join(" ");
    Ok(format!(
        r#"<aside class="embed embed-card card" aria-label="{label}: {title}"><p class="card-title"><a href="{href}">{title}</a></p><p class="card-meta">{participant} · {formats}</p><p>{summary}</p></aside>"#,
        label = escape(&cx.ui("dataset")),
        href = escape(&cx.urls().href(&Urls::dataset(&dataset.id))),
        title = escape(&dataset.title),
        participant = escape(participant),
        summary = escape(&crate::render::markdown::summary(&dataset.description, 220)),
    ))
}

/// `{{ descarga(datos="xalapa/semaforos", recurso="semaforos.csv", texto="…") }}`
pub fn download(cx: &Cx) -> Found<String> {
    let source = cx.source().map_err(|p| vec![p])?;
    let text = cx.text("texto").map_err(|p| vec![p])?;
    let resource = source.resource;
    let (href, size) = match &resource.location {
        ResourceLocation::Local { file_name, .. } => (
            cx.urls()
                .href(&Urls::download(&source.dataset.id, file_name)),
            source.local.map(|(_, _, facts)| cx.t().size(facts.bytes)),
        ),
        ResourceLocation::Remote { url } => (url.clone(), None),
    };
    let text = text.unwrap_or_else(|| format!("{} «{}»", cx.ui("download"), resource.title));
    let details = match size {
        Some(size) => format!("{}, {size}", resource.format),
        None => resource.format.clone(),
    };
    Ok(format!(
        r#"<p class="embed embed-download"><a class="button" href="{}"{}>{} <span class="embed-download-details">({})</span></a></p>"#,
        escape(&href),
        if source.local.is_some() {
            " download"
        } else {
            ""
        },
        escape(&text),
        escape(&details),
    ))
}
