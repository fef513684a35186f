//! Measures the search index of a large portal: 10,000 generated datasets
//! (each with the values of a text column of its data) and 200 stories with
//! Spanish titles, descriptions, keywords and column names, indexed as
//! `abierto build` does. Prints the index's total size and the bytes a first
//! query downloads at worst (the shard(s) of its words and ten results files).
//! The whole transfer of a first query on a built portal, page and script
//! included, is measured in a browser by `bench/search_transfer.mjs`.
//!
//!     cargo run --release --example search_index_size

use abierto::render::search::fold::terms;
use abierto::render::search::index::{DOCS_PER_FILE, DataColumn, DocKind, Document, build};

const TOPICS: &[&str] = &[
    "accidentes viales",
    "hechos de tránsito",
    "escuelas públicas",
    "presupuesto de egresos",
    "obra pública",
    "semáforos",
    "licencias de funcionamiento",
    "padrón de proveedores",
    "calidad del aire",
    "alumbrado público",
    "recolección de basura",
    "transporte público",
    "centros de salud",
    "mercados municipales",
    "parques y jardines",
    "predial",
    "nómina",
    "contratos",
    "licitaciones",
    "denuncias ciudadanas",
    "programas sociales",
    "becas",
    "bibliotecas",
    "museos",
    "hospitales",
    "delitos",
    "multas de tránsito",
    "agua potable",
    "drenaje",
    "uso de suelo",
    "permisos de construcción",
    "catastro",
    "turismo",
    "empleo",
];
const PLACES: &[&str] = &[
    "Xalapa",
    "Zapopan",
    "Puebla",
    "Morelos",
    "Jalisco",
    "San Pedro Garza García",
    "Mérida",
    "Oaxaca",
    "Querétaro",
    "León",
    "Toluca",
    "Chihuahua",
    "Hermosillo",
    "Culiacán",
    "Tijuana",
    "Saltillo",
    "Durango",
    "Tepic",
    "Colima",
    "Campeche",
    "Chetumal",
    "Pachuca",
    "Tlaxcala",
];
const WORDS: &[&str] = &[
    "registro",
    "municipio",
    "estado",
    "fecha",
    "tipo",
    "calle",
    "colonia",
    "número",
    "total",
    "monto",
    "año",
    "mes",
    "dirección",
    "responsable",
    "ubicación",
    "coordenadas",
    "latitud",
    "longitud",
    "servicio",
    "usuarios",
    "personas",
    "vehículos",
    "unidad",
    "clave",
    "nombre",
    "descripción",
    "categoría",
    "estatus",
    "periodo",
    "trimestre",
    "importe",
    "proveedor",
    "dependencia",
    "área",
    "zona",
    "sector",
    "distrito",
    "sección",
    "localidad",
    "región",
];
const COLUMNS: &[&str] = &[
    "id",
    "fecha",
    "hora",
    "colonia",
    "calle",
    "latitud",
    "longitud",
    "monto",
    "proveedor",
    "clave_inegi",
    "municipio",
    "tipo",
    "estatus",
    "nivel",
    "turno",
    "alumnos",
    "docentes",
];

/// A small deterministic generator (no crate needed for a measurement).
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.next(list.len())]
    }
}

fn main() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut docs = Vec::new();
    for i in 0..10_000 {
        let topic = rng.pick(TOPICS);
        let place = rng.pick(PLACES);
        let year = 2010 + rng.next(15);
        let body: Vec<&str> = (0..60).map(|_| rng.pick(WORDS)).collect();
        let columns: Vec<&str> = (0..12).map(|_| rng.pick(COLUMNS)).collect();
        // The values a municipality's data name: its colonias, its neighbours.
        let data = vec![DataColumn {
            name: "colonia".into(),
            values: (0..20)
                .map(|_| format!("{} {}", rng.pick(WORDS), rng.pick(PLACES)))
                .collect(),
        }];
        docs.push(Document {
            kind: DocKind::Dataset,
            href: format!("/datos/p{}/d{i}/", i % 500),
            title: format!("{topic} en {place} {year}"),
            summary: format!(
                "Registro de {topic} en {place} durante {year}: {}",
                body[..20].join(" ")
            ),
            byline: place.to_string(),
            keywords: format!("{topic} {} {place} dato{i}", rng.pick(TOPICS)),
            columns: columns.join(" "),
            body: format!("{topic} {place} {}", body.join(" ")),
            data,
        });
    }
    for i in 0..200 {
        let topic = rng.pick(TOPICS);
        let body: Vec<&str> = (0..400).map(|_| rng.pick(WORDS)).collect();
        docs.push(Document {
            kind: DocKind::Story,
            href: format!("/historias/h{i}/"),
            title: format!("Lo que dicen los datos de {topic}"),
            summary: body[..30].join(" "),
            byline: "1 de enero de 2024".into(),
            keywords: topic.into(),
            body: body.join(" "),
            ..Document::default()
        });
    }
    let started = std::time::Instant::now();
    let index = build(&docs);
    let elapsed = started.elapsed();
    let shard_bytes: Vec<usize> = index.shards.values().map(String::len).collect();
    let docs_bytes: usize = index.docs.iter().map(String::len).sum();
    let total = shard_bytes.iter().sum::<usize>() + docs_bytes;
    let mut sorted = shard_bytes.clone();
    sorted.sort_unstable();
    let script = include_str!("../themes/default/static/search.js").len();
    let docs_file = docs_bytes / index.docs.len().max(1);
    println!("documents: {} (10,000 datasets, 200 stories)", docs.len());
    println!("index built in {:.2} s", elapsed.as_secs_f64());
    println!(
        "index total: {} bytes in {} term shards + {} results files ({} docs each)",
        total,
        index.shards.len(),
        index.docs.len(),
        DOCS_PER_FILE
    );
    println!(
        "term shards: median {} bytes, largest {} bytes; results file: about {docs_file} bytes",
        sorted[sorted.len() / 2],
        sorted[sorted.len() - 1]
    );
    println!("search.js: {script} bytes (uncompressed, loaded once)");
    for query in [
        "transito",
        "escuela",
        "presupuesto",
        "colonia",
        "accidentes xalapa",
    ] {
        // As search.js does: the shards whose names begin the query's terms.
        let mut shards: Vec<&str> = terms(query)
            .iter()
            .flat_map(|t| {
                index
                    .shards
                    .keys()
                    .filter(move |k| t.starts_with(k.as_str()))
                    .map(String::as_str)
            })
            .collect();
        shards.sort_unstable();
        shards.dedup();
        let bytes: usize = shards
            .iter()
            .filter_map(|s| index.shards.get(*s))
            .map(String::len)
            .sum();
        // A page of ten results: ten results files at worst.
        let docs_file = docs_file * 10;
        println!(
            "first query {query:?}: {bytes} bytes of shards {shards:?} + ten results files at worst (~{docs_file} B) = {} bytes ({:.1}% of the index), + script {script}",
            bytes + docs_file,
            100.0 * (bytes + docs_file) as f64 / total as f64
        );
    }
}
