//! What every catalog says about a dataset and its resources, computed once:
//! identifiers, absolute URLs, sizes, checksums and media types. Each catalog
//! writes these records in its own standard, so they cannot disagree.

use crate::analyse::csv::CsvAnalysis;
use crate::analyse::{Analysis, FileContent};
use crate::history::History;
use crate::model::{
    Category, Dataset, Field, Participant, Portal, Resource, ResourceLocation, Site, Status,
};
use crate::output::urls::{Route, Urls};
use crate::render::{Translation, markdown};

/// Every dataset of a site, as the catalogs describe it.
pub struct Records<'a> {
    pub site: &'a Site,
    /// The network portal's settings (its title and description): `site.portal` on its own portal.
    pub network: &'a Portal,
    pub urls: &'a Urls,
    /// The datasets' history from git (empty outside a repository).
    pub history: &'a History,
    /// The language of the metadata (`es`), from the portal's language.
    pub language: &'static str,
    /// In `site.datasets` order: published and planned.
    pub datasets: Vec<DatasetRecord<'a>>,
}

/// One dataset.
pub struct DatasetRecord<'a> {
    pub dataset: &'a Dataset,
    /// The dataset's stable identifier in every catalog: its page's absolute
    /// URL, on its participant's own portal when it has one.
    pub identifier: String,
    pub landing_page: String,
    /// The RDF node of the dataset (its identifier with `#dataset`).
    pub node: String,
    /// The description as plain text.
    pub description: String,
    pub publisher: Publisher,
    /// The dataset's contact, or else its participant's address.
    pub contact: Contact,
    pub published: bool,
    pub resources: Vec<ResourceRecord>,
}

/// The participant that publishes a dataset.
pub struct Publisher {
    pub id: String,
    /// Its RDF node (its page's identifying URL with `#organizacion`).
    pub node: String,
    pub name: String,
    pub email: Option<String>,
    /// Its page on the portal.
    pub page: String,
    pub website: Option<String>,
    /// ADMS publisher type: `LocalAuthority`, `RegionalAuthority`…
    pub adms_type: &'static str,
}

pub struct Contact {
    pub name: String,
    pub email: Option<String>,
}

/// One resource (a DCAT distribution, a Data Package resource, a CSV row).
#[derive(Clone)]
pub struct ResourceRecord {
    pub slug: String,
    /// Its stable identifier: the dataset's identifier with `#recurso-<slug>`.
    pub identifier: String,
    pub title: String,
    /// Plain text; may be empty.
    pub description: String,
    /// Upper-case format name, as the page shows it.
    pub format: String,
    /// IANA media type.
    pub media_type: &'static str,
    /// Code in the EU file-type vocabulary, when the format has one.
    pub file_type: Option<&'static str>,
    /// Absolute: the portal's download URL, or the remote URL.
    pub download_url: String,
    pub file_name: Option<String>,
    pub bytes: Option<u64>,
    /// Lower-case hexadecimal.
    pub sha256: Option<String>,
    pub encoding: Option<String>,
    pub fields: Vec<Field>,
    pub local: bool,
    /// The separator of a local CSV, as its analysis found it.
    pub delimiter: Option<char>,
    /// The columns of a local CSV whose numbers use a decimal comma (`42,4`).
    pub decimal_comma_columns: Vec<String>,
}

impl<'a> Records<'a> {
    pub fn new(
        site: &'a Site,
        network: &'a Portal,
        analysis: &Analysis,
        history: &'a History,
        urls: &'a Urls,
        t: &Translation,
    ) -> Records<'a> {
        let datasets = site
            .datasets
            .iter()
            .map(|dataset| dataset_record(site, analysis, urls, t, dataset))
            .collect();
        Records {
            site,
            network,
            urls,
            history,
            language: site.portal.language.code(),
            datasets,
        }
    }

    pub fn published(&self) -> impl Iterator<Item = &DatasetRecord<'a>> {
        self.datasets.iter().filter(|d| d.published)
    }

    pub fn get(&self, id: &str) -> Option<&DatasetRecord<'a>> {
        // In `site.datasets` order, which is sorted by id.
        self.datasets
            .binary_search_by(|d| d.dataset.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.datasets[i])
    }

    /// The categories of a dataset that the portal defines, in the dataset's order.
    pub fn categories(&self, dataset: &Dataset) -> Vec<&'a Category> {
        let site = self.site;
        dataset
            .categories
            .iter()
            .filter_map(|id| site.category(id))
            .collect()
    }

    /// The titles of [`Records::categories`].
    pub fn category_titles(&self, dataset: &Dataset) -> Vec<&'a str> {
        let categories = self.categories(dataset);
        categories.into_iter().map(|c| c.title.as_str()).collect()
    }

    /// The participant as publisher.
    pub fn publisher(&self, participant: &Participant) -> Publisher {
        publisher(self.urls, participant)
    }
}

fn publisher(urls: &Urls, participant: &Participant) -> Publisher {
    let page = Urls::participant(&participant.id);
    Publisher {
        id: participant.id.clone(),
        node: urls.identifier(&page, Some("organizacion")),
        name: participant.name.clone(),
        email: participant.email.clone(),
        page: urls.absolute(&page),
        website: participant.website.clone(),
        adms_type: match participant.kind {
            crate::model::ParticipantKind::Municipio => "LocalAuthority",
            crate::model::ParticipantKind::Estado => "RegionalAuthority",
            crate::model::ParticipantKind::Federal => "NationalAuthority",
            crate::model::ParticipantKind::Organizacion => "NonProfitOrganisation",
        },
    }
}

fn dataset_record<'a>(
    site: &Site,
    analysis: &Analysis,
    urls: &Urls,
    t: &Translation,
    dataset: &'a Dataset,
) -> DatasetRecord<'a> {
    let page = Urls::dataset(&dataset.id);
    let publisher = dataset_publisher(site, urls, dataset);
    let contact = contact(dataset, &publisher);
    let resources = dataset
        .resources
        .iter()
        .flat_map(|resource| {
            let record = resource_record(analysis, urls, dataset, &page, resource);
            let standard = standard_copy_record(analysis, urls, t, dataset, resource, &record);
            std::iter::once(record).chain(standard)
        })
        .collect();
    DatasetRecord {
        dataset,
        identifier: urls.identifier(&page, None),
        landing_page: urls.absolute(&page),
        node: urls.identifier(&page, Some("dataset")),
        description: markdown::plain_text(&dataset.description),
        publisher,
        contact,
        published: dataset.status == Status::Published,
        resources,
    }
}

/// The dataset's participant as publisher.
fn dataset_publisher(site: &Site, urls: &Urls, dataset: &Dataset) -> Publisher {
    match site.participant(&dataset.participant) {
        Some(participant) => publisher(urls, participant),
        // `load` guarantees the participant; a record still needs a publisher.
        None => Publisher {
            id: dataset.participant.clone(),
            node: urls.identifier(
                &Urls::participant(&dataset.participant),
                Some("organizacion"),
            ),
            name: dataset.participant.clone(),
            email: None,
            page: urls.absolute(&Urls::participant(&dataset.participant)),
            website: None,
            adms_type: "LocalAuthority",
        },
    }
}

/// The dataset's declared contact, completed by its publisher's name and address.
fn contact(dataset: &Dataset, publisher: &Publisher) -> Contact {
    let declared = dataset.contact.as_ref();
    Contact {
        name: declared
            .and_then(|c| c.name.clone())
            .unwrap_or_else(|| publisher.name.clone()),
        email: declared
            .and_then(|c| c.email.clone())
            .or_else(|| publisher.email.clone()),
    }
}

fn resource_record(
    analysis: &Analysis,
    urls: &Urls,
    dataset: &Dataset,
    page: &Route,
    resource: &Resource,
) -> ResourceRecord {
    let (download_url, file_name, facts, local) = match &resource.location {
        ResourceLocation::Local {
            path, file_name, ..
        } => (
            urls.absolute(&Urls::download(&dataset.id, file_name)),
            Some(file_name.clone()),
            analysis.facts(path),
            true,
        ),
        ResourceLocation::Remote { url } => (url.clone(), None, None, false),
    };
    let csv = match facts.map(|f| &f.content) {
        Some(FileContent::Csv { csv, .. }) if resource.format == "CSV" => Some(csv),
        _ => None,
    };
    let (media_type, file_type) = media_type(&resource.format);
    ResourceRecord {
        slug: resource.slug.clone(),
        identifier: urls.identifier(page, Some(&format!("recurso-{}", resource.slug))),
        title: resource.title.clone(),
        description: markdown::plain_text(&resource.description),
        format: resource.format.clone(),
        media_type,
        file_type,
        download_url,
        file_name,
        bytes: facts.map(|f| f.bytes),
        sha256: facts.map(|f| f.sha256.clone()),
        encoding: resource.encoding.clone(),
        fields: resource.fields.clone(),
        local,
        delimiter: csv.map(|c| c.dialect.delimiter),
        decimal_comma_columns: csv.map(decimal_comma_columns).unwrap_or_default(),
    }
}

/// The standard copy of a CSV resource (UTF-8, `,`, decimal points), when
/// it has one: a distribution of its own, beside the original's `record`.
fn standard_copy_record(
    analysis: &Analysis,
    urls: &Urls,
    t: &Translation,
    dataset: &Dataset,
    resource: &Resource,
    record: &ResourceRecord,
) -> Option<ResourceRecord> {
    let ResourceLocation::Local {
        path, file_name, ..
    } = &resource.location
    else {
        return None;
    };
    let facts = analysis.facts(path)?;
    let FileContent::Csv {
        standard_copy: Some(name),
        ..
    } = &facts.content
    else {
        return None;
    };
    let page = Urls::dataset(&dataset.id);
    let anchor = crate::render::data_view::standard_copy_anchor(&resource.slug);
    Some(ResourceRecord {
        slug: anchor.trim_start_matches("recurso-").to_string(),
        identifier: urls.absolute_fragment(&page, &anchor),
        title: format!("{} ({})", record.title, t.ui("standard_copy_title")),
        description: t.ui("standard_note").to_string(),
        download_url: urls.absolute(&Urls::standard_copy(&dataset.id, file_name)),
        bytes: facts.made_bytes.get(name).copied(),
        sha256: facts.made_sha256.get(name).cloned(),
        encoding: Some("utf-8".to_string()),
        delimiter: Some(','),
        decimal_comma_columns: Vec::new(),
        ..record.clone()
    })
}

/// The columns of an analysed CSV whose numbers use a decimal comma.
fn decimal_comma_columns(csv: &CsvAnalysis) -> Vec<String> {
    csv.table
        .profile
        .iter()
        .filter(|p| p.decimal_comma)
        .map(|p| p.name.clone())
        .collect()
}

/// Formats of the EU file-type vocabulary, with their code there.
const FILE_TYPES: &[(&str, &str)] = &[
    ("CSV", "CSV"),
    ("TSV", "TSV"),
    ("TXT", "TXT"),
    ("HTML", "HTML"),
    ("JSON", "JSON"),
    ("GEOJSON", "GEOJSON"),
    ("XML", "XML"),
    ("KML", "KML"),
    ("KMZ", "KMZ"),
    ("GPX", "GPX"),
    ("GPKG", "GPKG"),
    ("SHP", "SHP"),
    ("XLS", "XLS"),
    ("XLSX", "XLSX"),
    ("ODS", "ODS"),
    ("PDF", "PDF"),
    ("ZIP", "ZIP"),
    ("PARQUET", "PARQUET"),
    ("RDF", "RDF_XML"),
    ("TTL", "RDF_TURTLE"),
];

/// Media types `mime_guess` does not know (GPKG, SHP) or gives otherwise
/// (`text/xml`: RFC 7303 prefers `application/xml`).
const MEDIA_TYPES: &[(&str, &str)] = &[
    ("XML", "application/xml"),
    ("GPKG", "application/geopackage+sqlite3"),
    ("SHP", "application/vnd.shp"),
];

/// The IANA media type of a format, and its code in the EU file-type vocabulary.
pub fn media_type(format: &str) -> (&'static str, Option<&'static str>) {
    let upper = format.trim().to_uppercase();
    let Some(code) = FILE_TYPES
        .iter()
        .find(|(name, _)| *name == upper)
        .map(|(_, code)| *code)
    else {
        return ("application/octet-stream", None);
    };
    let media_type = MEDIA_TYPES
        .iter()
        .find(|(name, _)| *name == upper)
        .map(|(_, media)| *media)
        .or_else(|| mime_guess::from_ext(&upper).first_raw())
        .unwrap_or("application/octet-stream");
    (media_type, Some(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_format_has_its_media_type_and_file_type() {
        // Format, media type, EU file type: as the hand-written table said before `mime_guess`.
        let expected = "\
            CSV text/csv CSV
            TSV text/tab-separated-values TSV
            TXT text/plain TXT
            HTML text/html HTML
            JSON application/json JSON
            GeoJSON application/geo+json GEOJSON
            XML application/xml XML
            KML application/vnd.google-earth.kml+xml KML
            KMZ application/vnd.google-earth.kmz KMZ
            GPX application/gpx+xml GPX
            GPKG application/geopackage+sqlite3 GPKG
            SHP application/vnd.shp SHP
            XLS application/vnd.ms-excel XLS
            XLSX application/vnd.openxmlformats-officedocument.spreadsheetml.sheet XLSX
            ODS application/vnd.oasis.opendocument.spreadsheet ODS
            PDF application/pdf PDF
            ZIP application/zip ZIP
            PARQUET application/vnd.apache.parquet PARQUET
            RDF application/rdf+xml RDF_XML
            ttl text/turtle RDF_TURTLE";
        for line in expected.lines() {
            let [format, media, code] = line.split_whitespace().collect::<Vec<_>>()[..] else {
                panic!("{line}");
            };
            assert_eq!(media_type(format), (media, Some(code)), "{format}");
        }
        assert_eq!(media_type("SAV"), ("application/octet-stream", None));
    }
}
