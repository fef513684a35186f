//! The addresses of the portal's pages: home, catalog, datasets and their
//! explorers and history, participants, stories, categories, keywords,
//! search, plain pages and the pages made to be framed.

use super::{Owner, Route, Urls, every, keyword_slug, of_id, story_owner};

impl Urls {
    pub fn home() -> Route {
        every(String::new())
    }

    pub fn catalog() -> Route {
        every("datos/")
    }

    pub fn dataset(id: &str) -> Route {
        of_id(id, format!("datos/{id}/"))
    }

    /// The explorer of a table: a CSV resource's (`sheet` `None`), or the
    /// `sheet`-th (0-based) sheet's of a workbook.
    pub fn explorer(dataset_id: &str, resource_slug: &str, sheet: Option<usize>) -> Route {
        match sheet {
            None => of_id(
                dataset_id,
                format!("datos/{dataset_id}/explorar/{resource_slug}/"),
            ),
            Some(i) => of_id(
                dataset_id,
                format!(
                    "datos/{dataset_id}/explorar/{resource_slug}-hoja-{}/",
                    i + 1
                ),
            ),
        }
    }

    /// A dataset's history of changes: its first page (`page` 1), then
    /// `historial/pagina-2/`…
    pub fn dataset_history(dataset_id: &str, page: usize) -> Route {
        match page {
            0 | 1 => of_id(dataset_id, format!("datos/{dataset_id}/historial/")),
            n => of_id(
                dataset_id,
                format!("datos/{dataset_id}/historial/pagina-{n}/"),
            ),
        }
    }

    /// One commit's changes to a dataset, with samples of the rows it changed.
    pub fn dataset_change(dataset_id: &str, short_commit: &str) -> Route {
        of_id(
            dataset_id,
            format!("datos/{dataset_id}/historial/{short_commit}/"),
        )
    }

    /// The address a renamed dataset had under its former id: the same place a
    /// dataset page of that id would be, so old links and bookmarks land there.
    pub fn former_dataset(former_id: &str) -> Route {
        Urls::dataset(former_id)
    }

    pub fn participants() -> Route {
        every("participantes/")
    }

    pub fn participant(id: &str) -> Route {
        Route(
            format!("participantes/{id}/"),
            Owner::Participant(id.to_string()),
        )
    }

    /// A participant's freshness page: its datasets against their update rhythm.
    pub fn participant_freshness(id: &str) -> Route {
        Route(
            format!("participantes/{id}/actualizacion/"),
            Owner::Participant(id.to_string()),
        )
    }

    pub fn inventory() -> Route {
        every("inventario/")
    }

    pub fn stories() -> Route {
        every("historias/")
    }

    pub fn story(id: &str) -> Route {
        Route(format!("historias/{id}/"), story_owner(id))
    }

    pub fn categories() -> Route {
        every("categorias/")
    }

    pub fn category(id: &str) -> Route {
        every(format!("categorias/{id}/"))
    }

    pub fn keywords() -> Route {
        every("etiquetas/")
    }

    pub fn keyword(keyword: &str) -> Route {
        every(format!("etiquetas/{}/", keyword_slug(keyword)))
    }

    /// The catalog narrowed to one value of a facet, for browsers without
    /// JavaScript: `datos/f/formato/csv/` (four segments, so never a dataset's).
    pub fn facet(facet: &str, value: &str) -> Route {
        every(format!("datos/f/{facet}/{value}/"))
    }

    /// The search results page.
    pub fn search() -> Route {
        every("buscar/")
    }

    /// A plain page of this portal (from `pages/`, or a participant's own).
    pub fn page(slug: &str) -> Route {
        every(format!("{slug}/"))
    }

    /// A plain page of the network that this portal does not keep.
    pub fn network_page(slug: &str) -> Route {
        Route(format!("{slug}/"), Owner::Network)
    }

    /// The folder of the pages made to be framed by other sites.
    pub fn embeds() -> Route {
        every("insertar/")
    }

    /// The page of a story's `number`-th figure (chart, table or map), to be framed.
    pub fn story_embed(story_id: &str, number: usize) -> Route {
        Route(
            format!("insertar/historias/{story_id}/{number}/"),
            story_owner(story_id),
        )
    }

    /// The page of one of a dataset's figures (`<resource>-mapa`, a preview's
    /// `<resource>-tabla`…), to be framed.
    pub fn dataset_embed(dataset_id: &str, figure: &str) -> Route {
        of_id(dataset_id, format!("insertar/datos/{dataset_id}/{figure}/"))
    }

    pub fn not_found() -> Route {
        every("404.html")
    }

    /// The page that tells developers what the portal publishes for machines.
    pub fn developers() -> Route {
        every("api/")
    }
}
