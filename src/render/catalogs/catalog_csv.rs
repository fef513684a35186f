//! `catalogo.csv`: the catalog as a spreadsheet, one row per resource (a
//! planned dataset, with nothing to download yet, has one row without resource).
//! UTF-8 with a byte-order mark, so that spreadsheet programs read the accents.

use super::records::Records;

pub const HEADER: &[&str] = &[
    "conjunto_id",
    "conjunto_url",
    "conjunto",
    "participante_id",
    "participante",
    "estado",
    "licencia",
    "licencia_url",
    "publicado",
    "actualizado",
    "frecuencia",
    "categorias",
    "etiquetas",
    "recurso_id",
    "recurso",
    "formato",
    "tipo_mime",
    "url_descarga",
    "bytes",
    "sha256",
    "codificacion",
];

pub fn catalog_csv(records: &Records) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(HEADER)?;
    for record in &records.datasets {
        let dataset = record.dataset;
        let date = |d: Option<crate::model::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let categories = records.category_titles(dataset);
        let dataset_columns = [
            dataset.id.clone(),
            record.identifier.clone(),
            dataset.title.clone(),
            dataset.participant.clone(),
            record.publisher.name.clone(),
            if record.published {
                "publicado"
            } else {
                "planeado"
            }
            .to_string(),
            dataset.license.name.clone(),
            dataset.license.url.clone(),
            date(dataset.issued),
            date(dataset.modified),
            dataset
                .frequency
                .map(|f| f.key().to_string())
                .unwrap_or_default(),
            categories.join("; "),
            dataset.keywords.join("; "),
        ];
        if record.resources.is_empty() || !record.published {
            let mut row = dataset_columns.to_vec();
            row.resize(HEADER.len(), String::new());
            writer.write_record(&row)?;
            continue;
        }
        for resource in &record.resources {
            let mut row = dataset_columns.to_vec();
            row.extend([
                resource.identifier.clone(),
                resource.title.clone(),
                resource.format.clone(),
                resource.media_type.to_string(),
                resource.download_url.clone(),
                resource.bytes.map(|b| b.to_string()).unwrap_or_default(),
                resource.sha256.clone().unwrap_or_default(),
                resource.encoding.clone().unwrap_or_default(),
            ]);
            writer.write_record(&row)?;
        }
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}
