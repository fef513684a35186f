//! The DCAT-AP 3 catalog: the network's (`catalog.jsonld`, `catalog.ttl`) and
//! one per participant. Only published datasets are `dcat:Dataset`s; the
//! planned ones are in the inventory outputs (data.json, the API, the CSV).

use super::rdf::{Graph, Node, Term};
use super::records::{DatasetRecord, Publisher, Records, ResourceRecord};
use crate::history::Entry;
use crate::model::{Date, Participant};
use crate::msg;
use crate::output::urls::Urls;

const EU: &str = "http://publications.europa.eu/resource/authority/";
const IANA: &str = "https://www.iana.org/assignments/media-types/";
const ADMS_PUBLISHER_TYPE: &str = "http://purl.org/adms/publishertype/";
const SHA256: &str = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256";

/// The catalog of the whole network, or of one participant.
pub fn catalog_graph(records: &Records, participant: Option<&Participant>) -> Graph {
    let language = records.language;
    let mut graph = Graph::default();
    let datasets: Vec<&DatasetRecord> = records
        .published()
        .filter(|d| participant.is_none_or(|p| d.dataset.participant == p.id))
        .collect();
    let publisher = match participant {
        Some(p) => records.publisher(p),
        None => portal_publisher(records),
    };
    let scheme = records
        .urls
        .absolute_fragment(&Urls::categories(), "esquema");
    let (mut catalog, homepage) =
        catalog_node(records, participant, &datasets, &publisher, &scheme);
    if participant.is_none() {
        related_catalogs(records, &mut catalog, &mut graph);
    }
    graph.insert(catalog);
    graph.insert(Node::named(&homepage, "foaf:Document"));
    agent(&publisher, language, &mut graph);
    theme_nodes(records, &scheme, &mut graph);
    graph.insert(Node::named(&language_iri(language), "dct:LinguisticSystem"));
    for record in datasets {
        dataset_nodes(records, record, &mut graph);
    }
    graph
}

/// The `dcat:Catalog` node of the network or of a participant, and its home page.
fn catalog_node(
    records: &Records,
    participant: Option<&Participant>,
    datasets: &[&DatasetRecord],
    publisher: &Publisher,
    scheme: &str,
) -> (Node, String) {
    let site = records.site;
    let urls = records.urls;
    let language = records.language;
    let (catalog_node, homepage, title, description) = match participant {
        None => (
            catalog_iri(urls),
            urls.absolute(&Urls::home()),
            site.portal.title.clone(),
            crate::render::markdown::plain_text(&site.portal.description),
        ),
        Some(p) => (
            urls.absolute_fragment(&Urls::participant(&p.id), "catalogo"),
            urls.absolute(&Urls::participant(&p.id)),
            format!("{} · {}", site.portal.title, p.name),
            crate::render::markdown::plain_text(&p.description),
        ),
    };
    let mut catalog = Node::named(&catalog_node, "dcat:Catalog");
    catalog.add("dct:title", Term::text(&title, language));
    // DCAT-AP requires a description; a portal without one says what it is.
    let description = if description.is_empty() {
        title.clone()
    } else {
        description
    };
    catalog.add("dct:description", Term::text(&description, language));
    catalog.add("foaf:homepage", Term::iri(&homepage));
    catalog.add("dct:language", Term::iri(&language_iri(language)));
    catalog.add("dct:publisher", Term::iri(&publisher.node));
    catalog.add("dcat:themeTaxonomy", Term::iri(scheme));
    if let Some(modified) = datasets.iter().filter_map(|d| last_change(d)).max() {
        catalog.add("dct:modified", date(modified));
    }
    for dataset in datasets {
        catalog.add("dcat:dataset", Term::iri(&dataset.node));
    }
    (catalog, homepage)
}

/// How the catalog of a portal relates to the network's other portals: a
/// participant portal's is part of the network's (`dct:isPartOf`); the
/// network's lists each participant portal's (`dcat:catalog`). The catalog
/// related is described (a `dcat:Catalog` with its title, description,
/// home page and publisher), as DCAT-AP asks of a related catalog.
fn related_catalogs(records: &Records, catalog: &mut Node, graph: &mut Graph) {
    let urls = records.urls;
    if let Some(network) = urls.network_portal() {
        let portal = records.network;
        let publisher = network_agent(&network, &portal.title);
        let related = Related {
            urls: &network,
            title: &portal.title,
            description: &portal.description,
            publisher: &publisher,
        };
        let node = related.describe(records.language, graph);
        catalog.add("dct:isPartOf", Term::iri(&node));
        return;
    }
    for (id, own) in urls.own_portals() {
        let Some(participant) = records.site.participant(id) else {
            continue;
        };
        let own_portal = participant.portal.as_ref();
        let related = Related {
            urls: &own,
            title: participant.portal_title(),
            description: own_portal
                .and_then(|p| p.description.as_deref())
                .unwrap_or(&participant.description),
            publisher: &records.publisher(participant),
        };
        let node = related.describe(records.language, graph);
        catalog.add("dcat:catalog", Term::iri(&node));
    }
}

/// Another portal's catalog, as a catalog that names it describes it.
struct Related<'a> {
    urls: &'a Urls,
    title: &'a str,
    /// Markdown.
    description: &'a str,
    publisher: &'a Publisher,
}

impl Related<'_> {
    /// Adds the catalog's node, its home page and its publisher to `graph`; returns its IRI.
    fn describe(&self, language: &str, graph: &mut Graph) -> String {
        let iri = catalog_iri(self.urls);
        let description = match crate::render::markdown::plain_text(self.description) {
            text if text.is_empty() => self.title.to_string(),
            text => text,
        };
        let homepage = self.urls.absolute(&Urls::home());
        let mut node = Node::named(&iri, "dcat:Catalog");
        node.add("dct:title", Term::text(self.title, language));
        node.add("dct:description", Term::text(&description, language));
        node.add("foaf:homepage", Term::iri(&homepage));
        node.add("dct:publisher", Term::iri(&self.publisher.node));
        graph.insert(node);
        graph.insert(Node::named(&homepage, "foaf:Document"));
        agent(self.publisher, language, graph);
        iri
    }
}

/// The node of a portal's catalog: its home page's `#catalogo`.
fn catalog_iri(urls: &Urls) -> String {
    urls.absolute_fragment(&Urls::home(), "catalogo")
}

/// The themes: a concept scheme of the portal's categories, and a concept per category.
fn theme_nodes(records: &Records, scheme: &str, graph: &mut Graph) {
    let site = records.site;
    let language = records.language;
    let mut concept_scheme = Node::named(scheme, "skos:ConceptScheme");
    concept_scheme.add(
        "dct:title",
        Term::text(
            &msg!("render-dcat-categories", portal = &site.portal.title).text(site.portal.language),
            language,
        ),
    );
    graph.insert(concept_scheme);
    for category in &site.portal.categories {
        let mut concept = Node::named(
            &records.urls.absolute(&Urls::category(&category.id)),
            "skos:Concept",
        );
        concept.add("skos:prefLabel", Term::text(&category.title, language));
        if !category.description.is_empty() {
            concept.add(
                "skos:definition",
                Term::text(&category.description, language),
            );
        }
        concept.add("skos:inScheme", Term::iri(scheme));
        graph.insert(concept);
    }
}

/// Who publishes a portal's whole catalog: the network, or on a
/// participant's own portal, the participant.
fn portal_publisher(records: &Records) -> Publisher {
    match (
        records.urls.network_portal(),
        records.site.participants.first(),
    ) {
        (Some(_), Some(participant)) => records.publisher(participant),
        _ => network_agent(records.urls, &records.site.portal.title),
    }
}

/// The network itself, as the publisher of its portal's catalog.
fn network_agent(urls: &Urls, title: &str) -> Publisher {
    Publisher {
        id: String::new(),
        node: urls.absolute_fragment(&Urls::participants(), "red"),
        name: title.to_string(),
        email: None,
        page: urls.absolute(&Urls::participants()),
        website: None,
        adms_type: "",
    }
}

fn agent(publisher: &Publisher, language: &str, graph: &mut Graph) {
    let mut node = Node::named(&publisher.node, "foaf:Agent").also("foaf:Organization");
    node.add("foaf:name", Term::text(&publisher.name, language));
    node.add("foaf:page", Term::iri(&publisher.page));
    if let Some(email) = &publisher.email {
        node.add("foaf:mbox", Term::iri(&mailto(email)));
    }
    if let Some(website) = &publisher.website {
        node.add("foaf:homepage", Term::iri(website));
    }
    if !publisher.adms_type.is_empty() {
        let mut kind = Node::named(
            &format!("{ADMS_PUBLISHER_TYPE}{}", publisher.adms_type),
            "skos:Concept",
        );
        kind.add("skos:prefLabel", Term::text(publisher.adms_type, "en"));
        node.add(
            "dct:type",
            Term::iri(kind.iri.as_deref().unwrap_or_default()),
        );
        graph.insert(kind);
    }
    graph.insert(node);
}

/// A published dataset: its node, its distributions and what they point to.
fn dataset_nodes(records: &Records, record: &DatasetRecord, graph: &mut Graph) {
    let language = records.language;
    let dataset = record.dataset;
    let mut node = dataset_node(records, record);
    version_nodes(records, record, &mut node, graph);
    for resource in &record.resources {
        node.add("dcat:distribution", Term::iri(&resource.identifier));
        distribution_nodes(record, resource, language, graph);
    }
    graph.insert(node);
    graph.insert(Node::named(SHA256, "spdx:ChecksumAlgorithm"));
    let license = &dataset.license.url;
    let mut license_node = Node::named(license, "dct:LicenseDocument");
    license_node.add("rdfs:label", Term::text(&dataset.license.name, language));
    graph.insert(license_node);
    graph.insert(Node::named(&record.landing_page, "foaf:Document"));
    if let Some(frequency) = dataset.frequency {
        graph.insert(Node::named(
            &format!("{EU}frequency/{}", frequency.eu_code()),
            "dct:Frequency",
        ));
    }
    if let Some(participant) = records.site.participant(&dataset.participant) {
        agent(&records.publisher(participant), language, graph);
    }
}

/// The `dcat:Dataset` node, without its distributions.
fn dataset_node(records: &Records, record: &DatasetRecord) -> Node {
    let language = records.language;
    let dataset = record.dataset;
    let mut node = Node::named(&record.node, "dcat:Dataset");
    node.add("dct:identifier", Term::string(&record.identifier));
    node.add("dct:title", Term::text(&dataset.title, language));
    node.add("dct:description", Term::text(&record.description, language));
    node.add("dcat:landingPage", Term::iri(&record.landing_page));
    node.add("dct:publisher", Term::iri(&record.publisher.node));
    node.add("dct:language", Term::iri(&language_iri(language)));
    for keyword in &dataset.keywords {
        node.add("dcat:keyword", Term::text(keyword, language));
    }
    for category in &dataset.categories {
        node.add(
            "dcat:theme",
            Term::iri(&records.urls.absolute(&Urls::category(category))),
        );
    }
    node.add_opt("dct:issued", dataset.issued.map(date));
    node.add_opt("dct:modified", dataset.modified.map(date));
    if let Some(frequency) = dataset.frequency {
        node.add(
            "dct:accrualPeriodicity",
            Term::iri(&format!("{EU}frequency/{}", frequency.eu_code())),
        );
    }
    if let Some(temporal) = &dataset.temporal {
        let mut period = Node::blank("dct:PeriodOfTime");
        period.add_opt("dcat:startDate", temporal.start.map(date));
        period.add_opt("dcat:endDate", temporal.end.map(date));
        node.add("dct:temporal", Term::Blank(period));
    }
    if let Some(spatial) = &dataset.spatial {
        let mut location = Node::blank("dct:Location");
        location.add("skos:prefLabel", Term::text(spatial, language));
        node.add("dct:spatial", Term::Blank(location));
    }
    node.add(
        "dcat:contactPoint",
        Term::Blank(contact_point(record, language)),
    );
    node
}

/// Earlier versions described in the catalog, at most.
const VERSIONS_IN_CATALOG: usize = 20;

/// The dataset's versions from git (DCAT 3): its `dcat:version` (the short id
/// of the last commit that changed it) and `adms:versionNotes`, and each
/// earlier version as a `dcat:Dataset` of its own, linked by `dcat:hasVersion`
/// and chained by `dcat:previousVersion`.
fn version_nodes(records: &Records, record: &DatasetRecord, node: &mut Node, graph: &mut Graph) {
    let language = records.language;
    let dataset = record.dataset;
    let entries = records.history.of(&dataset.id);
    let Some(latest) = entries.first() else {
        return;
    };
    let history_page = Urls::dataset_history(&dataset.id, 1);
    let iri = |entry: &Entry| {
        records.urls.absolute_fragment(
            &history_page,
            &format!("version-{}", entry.commit.short_id()),
        )
    };
    node.add("dcat:version", Term::string(latest.commit.short_id()));
    node.add(
        "adms:versionNotes",
        Term::text(&latest.commit.title, language),
    );
    let earlier: Vec<&Entry> = entries.iter().skip(1).take(VERSIONS_IN_CATALOG).collect();
    if let Some(previous) = earlier.first() {
        node.add("dcat:previousVersion", Term::iri(&iri(previous)));
    }
    for (i, entry) in earlier.iter().enumerate() {
        node.add("dcat:hasVersion", Term::iri(&iri(entry)));
        let mut version = Node::named(&iri(entry), "dcat:Dataset");
        let title = msg!(
            "render-dcat-version",
            title = &dataset.title,
            version = entry.commit.short_id()
        )
        .text(records.site.portal.language);
        version.add("dct:title", Term::text(&title, language));
        version.add("dct:description", Term::text(&record.description, language));
        version.add("dcat:version", Term::string(entry.commit.short_id()));
        version.add(
            "adms:versionNotes",
            Term::text(&entry.commit.title, language),
        );
        version.add("dct:modified", date(entry.commit.date()));
        version.add("dct:publisher", Term::iri(&record.publisher.node));
        version.add(
            "dcat:landingPage",
            Term::iri(&records.urls.absolute(&history_page)),
        );
        version.add(
            "dcat:contactPoint",
            Term::Blank(contact_point(record, language)),
        );
        if let Some(older) = earlier.get(i + 1) {
            version.add("dcat:previousVersion", Term::iri(&iri(older)));
        }
        graph.insert(version);
    }
    graph.insert(Node::named(
        &records.urls.absolute(&history_page),
        "foaf:Document",
    ));
}

/// The dataset's contact as a vCard.
fn contact_point(record: &DatasetRecord, language: &str) -> Node {
    let mut contact = Node::blank("vcard:Kind").also("vcard:Organization");
    contact.add("vcard:fn", Term::text(&record.contact.name, language));
    if let Some(email) = &record.contact.email {
        contact.add("vcard:hasEmail", Term::iri(&mailto(email)));
    }
    contact
}

/// A resource's `dcat:Distribution`, after its media type and file type.
fn distribution_nodes(
    record: &DatasetRecord,
    resource: &ResourceRecord,
    language: &str,
    graph: &mut Graph,
) {
    let dataset = record.dataset;
    let mut distribution = Node::named(&resource.identifier, "dcat:Distribution");
    distribution.add("dct:identifier", Term::string(&resource.identifier));
    distribution.add("dct:title", Term::text(&resource.title, language));
    if !resource.description.is_empty() {
        distribution.add(
            "dct:description",
            Term::text(&resource.description, language),
        );
    }
    distribution.add("dcat:accessURL", Term::iri(&resource.download_url));
    distribution.add("dcat:downloadURL", Term::iri(&resource.download_url));
    let mut media_type = Node::named(&format!("{IANA}{}", resource.media_type), "dct:MediaType");
    media_type.add("rdfs:label", Term::string(resource.media_type));
    distribution.add(
        "dcat:mediaType",
        Term::iri(&format!("{IANA}{}", resource.media_type)),
    );
    graph.insert(media_type);
    if let Some(code) = resource.file_type {
        distribution.add("dct:format", Term::iri(&format!("{EU}file-type/{code}")));
        graph.insert(Node::named(
            &format!("{EU}file-type/{code}"),
            "dct:MediaTypeOrExtent",
        ));
    }
    distribution.add("dct:license", Term::iri(&dataset.license.url));
    distribution.add_opt("dct:issued", dataset.issued.map(date));
    distribution.add_opt("dct:modified", dataset.modified.map(date));
    if let Some(bytes) = resource.bytes {
        distribution.add(
            "dcat:byteSize",
            Term::typed(bytes, "xsd:nonNegativeInteger"),
        );
    }
    if let Some(sha256) = &resource.sha256 {
        let mut checksum = Node::blank("spdx:Checksum");
        checksum.add("spdx:algorithm", Term::iri(SHA256));
        checksum.add("spdx:checksumValue", Term::typed(sha256, "xsd:hexBinary"));
        distribution.add("spdx:checksum", Term::Blank(checksum));
    }
    graph.insert(distribution);
}

fn last_change(record: &DatasetRecord) -> Option<Date> {
    record.dataset.modified.or(record.dataset.issued)
}

fn date(date: Date) -> Term {
    Term::typed(date, "xsd:date")
}

fn mailto(email: &str) -> String {
    if email.starts_with("mailto:") {
        email.to_string()
    } else {
        format!("mailto:{email}")
    }
}

fn language_iri(code: &str) -> String {
    let eu = match code {
        "en" => "ENG",
        _ => "SPA",
    };
    format!("{EU}language/{eu}")
}
