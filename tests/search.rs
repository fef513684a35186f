//! Finding things: the catalog's facets (with a page per value for browsers
//! without JavaScript) and the search index files the catalog's script reads.

mod common;

use common::*;
use std::path::Path;

const BASE: &str = "https://red.example.org/red/";

fn json(public: &Path, relative: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(public.join(relative))
        .unwrap_or_else(|e| panic!("{relative}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// Documents and scores of a term's postings (`[doc, score, gap, score, …]`).
fn postings(shard: &serde_json::Value, term: &str) -> Vec<(u64, u64)> {
    let list = shard[term]
        .as_array()
        .unwrap_or_else(|| panic!("no term {term}"));
    let mut doc = 0;
    list.chunks(2)
        .map(|pair| {
            doc += pair[0].as_u64().unwrap();
            (doc, pair[1].as_u64().unwrap())
        })
        .collect()
}

/// The search document number of a dataset, as its catalog card says.
fn doc_of(catalog: &scraper::Html, href: &str) -> u64 {
    select(catalog, "#catalog-cards > li")
        .into_iter()
        .find(|li| {
            select_in(li, ".card-title a")
                .first()
                .is_some_and(|a| a.value().attr("href") == Some(href))
        })
        .and_then(|li| li.value().attr("data-doc"))
        .unwrap_or_else(|| panic!("no card for {href}"))
        .parse()
        .unwrap()
}

fn select_in<'a>(el: &scraper::ElementRef<'a>, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    el.select(&scraper::Selector::parse(selector).unwrap())
        .collect()
}

#[test]
fn transito_is_indexed_without_its_accent_and_titles_rank_first() {
    let out = built_example(BASE);
    let public = out.path().join("public");
    let catalog = page(&public, "datos/index.html");
    let tr = json(&public, "buscar/indice/tr.json");
    let found = postings(&tr, "transit");
    let hechos = doc_of(
        &catalog,
        "/red/datos/san-pedro-garza-garcia/hechos-de-transito/",
    );
    let accidentes = doc_of(&catalog, "/red/datos/xalapa/accidentes-viales/");
    let score = |doc| found.iter().find(|(d, _)| *d == doc).map(|(_, s)| *s);
    let (in_title, in_text) = (score(hechos).unwrap(), score(accidentes).unwrap());
    assert!(
        in_title > in_text,
        "a title match ({in_title}) should outrank a text match ({in_text})"
    );
    // Plural and singular meet: "escuelas" and "escuela" are one term.
    let es = json(&public, "buscar/indice/es.json");
    let escuelas = doc_of(&catalog, "/red/datos/puebla/escuelas/");
    assert!(postings(&es, "escuel").iter().any(|(d, _)| *d == escuelas));
    // The page lists the shards that exist, so the script asks for no missing file.
    let finder = select(&catalog, "#finder");
    let shards = finder[0].value().attr("data-shards").unwrap();
    for shard in shards.split(' ') {
        assert!(
            public.join(format!("buscar/indice/{shard}.json")).is_file(),
            "{shard}"
        );
    }
    assert_eq!(
        finder[0].value().attr("data-shards-href"),
        Some("/red/buscar/indice/")
    );
}

#[test]
fn stories_are_searchable_and_their_results_come_from_small_files() {
    let out = built_example(BASE);
    let public = out.path().join("public");
    let catalog = page(&public, "datos/index.html");
    let finder = select(&catalog, "#finder");
    let first_story: usize = finder[0]
        .value()
        .attr("data-dataset-docs")
        .unwrap()
        .parse()
        .unwrap();
    let per_file: usize = finder[0]
        .value()
        .attr("data-docs-per-file")
        .unwrap()
        .parse()
        .unwrap();
    let co = json(&public, "buscar/indice/co.json");
    let story = postings(&co, "com")
        .into_iter()
        .map(|(d, _)| d as usize)
        .find(|d| *d >= first_story)
        .expect("a story mentions how the network began (\"Cómo nació la red\")");
    let docs = json(&public, &format!("buscar/docs/{}.json", story / per_file));
    let row = &docs[story % per_file];
    assert_eq!(row[0], "s");
    assert!(row[1].as_str().unwrap().starts_with("/red/historias/"));
}

#[test]
fn every_facet_value_has_a_page_under_the_base_path_listing_its_datasets() {
    let out = built_example(BASE);
    let public = out.path().join("public");
    let catalog = page(&public, "datos/index.html");
    let facets: Vec<String> = select(&catalog, "details.facet")
        .iter()
        .map(|d| d.value().attr("data-facet").unwrap().to_string())
        .collect();
    for facet in [
        "participante",
        "tipo",
        "categoria",
        "etiqueta",
        "formato",
        "licencia",
        "frecuencia",
        "estado",
    ] {
        assert!(
            facets.iter().any(|f| f == facet),
            "no {facet} facet in {facets:?}"
        );
    }
    let links = select(&catalog, ".facets a[href]");
    assert!(links.len() > 20);
    for link in &links {
        let href = link.value().attr("href").unwrap();
        let relative = href
            .strip_prefix("/red/")
            .unwrap_or_else(|| panic!("{href} lacks the base path"));
        assert!(
            public.join(relative).join("index.html").is_file(),
            "{href} has no page"
        );
        // The count beside a value is the number of datasets its page lists.
        let count: usize = text_of(&select_in(link, ".count")[0])
            .trim_matches(['(', ')'])
            .parse()
            .unwrap();
        let listed = select(&page(&public, &format!("{relative}index.html")), "li.card").len();
        assert_eq!(count, listed, "{href}");
    }
    let municipal = page(&public, "datos/f/tipo/municipio/index.html");
    let cards: Vec<_> = select(&municipal, "li.card .card-title a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(cards.contains(&"/red/datos/xalapa/accidentes-viales/".to_string()));
    assert!(!cards.contains(&"/red/datos/puebla/escuelas/".to_string()));
    // The quality gate takes the first datos/*/*/index.html as "a dataset page":
    // facet pages are one level deeper, so they never are.
    assert!(!public.join("datos/f/tipo/index.html").exists());
}

#[test]
fn cards_carry_their_facet_values_and_column_names_are_searchable() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        format!("{DATASET}\n[[resources.fields]]\nname = \"colonia\"\ntype = \"string\"\n"),
    );
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let public = out.path().join("public");
    let catalog = page(&public, "datos/index.html");
    let card = &select(&catalog, "#catalog-cards > li")[0];
    let facets = card.value().attr("data-facets").unwrap();
    for value in [
        "participante:prueba",
        "tipo:municipio",
        "categoria:movilidad",
        "formato:csv",
        "licencia:cc-by-4-0",
        "estado:publicado",
    ] {
        assert!(
            facets.split(' ').any(|f| f == value),
            "{value} not in {facets}"
        );
    }
    let co = json(&public, "buscar/indice/co.json");
    assert_eq!(
        postings(&co, "coloni"),
        vec![(0, 2)],
        "a column name weighs 2"
    );
    assert!(public.join("datos/f/formato/csv/index.html").is_file());
}

#[test]
fn a_value_in_the_rows_finds_its_dataset_and_names_the_column_it_is_in() {
    let out = built_example(BASE);
    let public = out.path().join("public");
    let catalog = page(&public, "datos/index.html");
    // "Guadalajara" is in the indicators' rows (column `municipio`), not in their metadata.
    let indicadores = doc_of(
        &catalog,
        "/red/datos/jalisco/indicadores-sociales-municipales/",
    );
    let gu = json(&public, "buscar/indice/gu.json");
    assert!(
        gu.get("guadalajar")
            .is_none_or(|_| !postings(&gu, "guadalajar")
                .iter()
                .any(|(d, _)| *d == indicadores)),
        "the word is in the data only"
    );
    let (_, column) = postings(&gu, "~guadalajar")
        .into_iter()
        .find(|(d, _)| *d == indicadores)
        .expect("the data's values are indexed");
    let per_file: u64 = select(&catalog, "#finder")[0]
        .value()
        .attr("data-docs-per-file")
        .unwrap()
        .parse()
        .unwrap();
    let docs = json(
        &public,
        &format!("buscar/docs/{}.json", indicadores / per_file),
    );
    let row = &docs[(indicadores % per_file) as usize];
    assert_eq!(row[2], "Indicadores sociales municipales 2010 y 2015");
    assert_eq!(row[5][column as usize], "municipio");
}

#[test]
fn columns_that_may_hold_personal_data_are_not_searched_by() {
    let mut csv = String::from("folio,nombre,colonia\n");
    for i in 0..20 {
        csv.push_str(&format!("{i},Juana Pérez,Centro\n"));
    }
    // Accepted, so the build publishes it: even then its names are not searched by.
    let accepted = format!(
        "{DATASET}\n[[resources.personal_data]]\ncolumn = \"nombre\"\nreason = \"Personas servidoras públicas\"\n"
    );
    let site = TempSite::valid()
        .file("participants/prueba/semaforos.toml", accepted)
        .file("participants/prueba/datos/semaforos.csv", csv);
    let (report, out) = site.build();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    let public = out.path().join("public");
    let ce = json(&public, "buscar/indice/ce.json");
    assert!(
        !postings(&ce, "~centr").is_empty(),
        "a place is searched by"
    );
    let ju = public.join("buscar/indice/ju.json");
    assert!(
        !ju.exists()
            || json(&public, "buscar/indice/ju.json")
                .get("~juan")
                .is_none(),
        "a person's name is not"
    );
}

#[test]
fn every_page_has_a_search_form_that_works_without_javascript() {
    let out = built_example(BASE);
    let public = out.path().join("public");
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        let relative = entry
            .path()
            .strip_prefix(&public)
            .unwrap()
            .to_string_lossy()
            .to_string();
        // Pages made to be framed by other sites have nothing but their figure.
        if entry.file_name() != "index.html" || relative.starts_with("insertar/") {
            continue;
        }
        let html = page(&public, &relative);
        let forms = select(
            &html,
            "header form.site-search[action='/red/datos/'][data-results='/red/buscar/'][role=search]",
        );
        assert_eq!(forms.len(), 1, "{relative}");
        let input = select(&html, "header form.site-search input[type=search][name=q]");
        let id = input[0].value().attr("id").unwrap();
        assert_eq!(
            select(&html, &format!("label[for={id}]")).len(),
            1,
            "{relative}"
        );
        pages += 1;
    }
    assert!(pages > 100, "{pages}");
    // The home page's is prominent: its label is seen, with an example.
    let home = page(&public, "index.html");
    let label = select(&home, "form.site-search-prominent label");
    assert!(!label[0].value().classes().any(|c| c == "visually-hidden"));
    // The results page knows how many documents of each kind the index holds.
    let results = page(&public, "buscar/index.html");
    let form = &select(&results, "#search-form")[0];
    let count = |name: &str| form.value().attr(name).unwrap().parse::<usize>().unwrap();
    assert_eq!(count("data-dataset-docs"), 28);
    assert_eq!(count("data-participant-docs"), 7);
    assert_eq!(count("data-page-docs"), 3);
    let stories = select(&page(&public, "historias/index.html"), "li.card").len();
    assert_eq!(count("data-story-docs"), stories, "every published story");
}
