//! Writes a synthetic open-data portal of any size, deterministically, in the
//! SPEC's layout, to measure abierto at national scale (see `bench/run.sh`).
//!
//! ```text
//! cargo run --release --example synth_site -- --out DIR [--datasets 10000] [--resources N]
//!     [--stories 1000] [--data-bytes 1000000000] [--seed 1] [--portals 0] [--hugo DIR]
//! ```
//!
//! The site has the 32 states and a municipality per 40 datasets; datasets with
//! one to three resources (CSV mostly, some in Windows-1252, some GeoJSON and
//! KML, a few hosted elsewhere), varied categories, keywords, licences and
//! frequencies, about 5% planned datasets, stories that link datasets, and data
//! files whose sizes add up to `--data-bytes`, written streaming.
//! With `--portals N` the first N participants (the states first) declare a
//! portal of their own (`[portal]`), for `abierto build --all-portals`.
//! With `--hugo DIR` it also writes a Hugo site with as many plain Markdown
//! pages as abierto's portal has (`--pages`, default: counted as abierto does)
//! under a one-layout theme, for the comparison.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// splitmix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
    /// Skewed towards the first items, as real keyword use is.
    fn pick_skewed<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let u = self.unit();
        &items[((u * u * u) * items.len() as f64) as usize % items.len()]
    }
}

const STATES: &[&str] = &[
    "Aguascalientes",
    "Baja California",
    "Baja California Sur",
    "Campeche",
    "Chiapas",
    "Chihuahua",
    "Ciudad de México",
    "Coahuila",
    "Colima",
    "Durango",
    "Guanajuato",
    "Guerrero",
    "Hidalgo",
    "Jalisco",
    "Estado de México",
    "Michoacán",
    "Morelos",
    "Nayarit",
    "Nuevo León",
    "Oaxaca",
    "Puebla",
    "Querétaro",
    "Quintana Roo",
    "San Luis Potosí",
    "Sinaloa",
    "Sonora",
    "Tabasco",
    "Tamaulipas",
    "Tlaxcala",
    "Veracruz",
    "Yucatán",
    "Zacatecas",
];
const PLACE_PARTS: &[&str] = &[
    "San", "Santa", "Villa", "Real", "Nuevo", "Valle", "Puerto", "Ciudad", "Santiago", "Tierra",
];
const PLACE_NAMES: &[&str] = &[
    "Juárez",
    "Hidalgo",
    "Morelos",
    "Guadalupe",
    "Allende",
    "Zaragoza",
    "Ocampo",
    "Victoria",
    "Tepeaca",
    "Cholula",
    "Atlixco",
    "Tlalpan",
    "Colón",
    "Galeana",
    "Mina",
    "Jiménez",
    "Arteaga",
    "Tecomán",
    "Pátzcuaro",
    "Uruapan",
    "Zamora",
    "Tuxpan",
    "Papantla",
    "Orizaba",
    "Córdoba",
];
const CATEGORIES: &[(&str, &str)] = &[
    ("movilidad", "Movilidad"),
    ("salud", "Salud"),
    ("educacion", "Educación"),
    ("seguridad", "Seguridad y protección civil"),
    ("medio-ambiente", "Medio ambiente"),
    ("finanzas-publicas", "Finanzas públicas"),
    ("desarrollo-urbano", "Desarrollo urbano"),
    ("cultura", "Cultura y turismo"),
    ("economia", "Economía"),
    ("desarrollo-social", "Desarrollo social"),
];
const TOPICS: &[(&str, &str)] = &[
    ("accidentes-viales", "Accidentes viales"),
    ("semaforos", "Semáforos"),
    ("rutas-transporte", "Rutas de transporte público"),
    ("hospitales", "Hospitales y centros de salud"),
    ("escuelas", "Escuelas"),
    ("presupuesto", "Presupuesto de egresos"),
    ("obra-publica", "Obra pública"),
    ("licencias-construccion", "Licencias de construcción"),
    ("alumbrado", "Alumbrado público"),
    ("recoleccion-basura", "Recolección de basura"),
    ("museos", "Museos"),
    ("arbolado", "Arbolado urbano"),
    ("unidades-economicas", "Unidades económicas"),
    ("programas-sociales", "Programas sociales"),
    ("uso-de-suelo", "Uso de suelo"),
    ("atlas-riesgo", "Atlas de riesgo"),
    ("ciclovias", "Ciclovías"),
    ("reportes-ciudadanos", "Reportes ciudadanos"),
    ("mercados", "Mercados municipales"),
    ("bibliotecas", "Bibliotecas públicas"),
];
const WORDS: &[&str] = &[
    "movilidad",
    "tránsito",
    "salud",
    "educación",
    "presupuesto",
    "transparencia",
    "obra pública",
    "seguridad",
    "medio ambiente",
    "agua",
    "residuos",
    "cultura",
    "turismo",
    "empleo",
    "comercio",
    "vivienda",
    "población",
    "pobreza",
    "programas sociales",
    "transporte",
    "bicicleta",
    "alumbrado",
    "parques",
    "árboles",
    "escuelas",
    "hospitales",
    "mercados",
    "licencias",
    "catastro",
    "uso de suelo",
    "riesgos",
    "protección civil",
    "accidentes",
    "semáforos",
    "bibliotecas",
    "museos",
    "deporte",
    "juventud",
    "mujeres",
    "adultos mayores",
    "migración",
    "agricultura",
    "ganadería",
    "pesca",
    "energía",
    "contaminación",
    "clima",
    "lluvia",
    "sismos",
    "inundaciones",
];
const REGIONS: &[&str] = &["norte", "sur", "centro", "costa", "sierra", "valle"];
const LICENSES: &[&str] = &[
    "libre-uso-mx",
    "cc-by-4.0",
    "cc-by-sa-4.0",
    "cc0-1.0",
    "odbl-1.0",
    "pddl-1.0",
];
const FREQUENCIES: &[&str] = &[
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "semiannual",
    "annual",
    "irregular",
    "never",
];
const STREETS: &[&str] = &[
    "Av. Juárez",
    "Calle Hidalgo",
    "Blvd. Ávila Camacho",
    "Calle Niños Héroes",
    "Av. Revolución",
    "Calle Peñuelas",
    "Av. Insurgentes",
    "Calle Zaragoza",
    "Privada Álamos",
    "Calle Begoña",
];
const COLONIAS: &[&str] = &[
    "Centro",
    "Obrera",
    "El Mirador",
    "Lomas Verdes",
    "Santa Bárbara",
    "La Piedad",
    "Jardines",
    "Niño Jesús",
    "Ampliación Ñuñez",
    "Arboledas",
];
const KINDS_OF_THING: &[&str] = &[
    "Atención médica",
    "Colisión",
    "Reparación",
    "Mantenimiento",
    "Inspección",
    "Atropellamiento",
    "Poda",
    "Recolección",
    "Licencia nueva",
    "Renovación",
];
const SENTENCES: &[&str] = &[
    "Los datos se actualizan a partir de los registros administrativos de la dependencia responsable.",
    "Cada fila corresponde a un registro capturado por el personal de campo.",
    "Las coordenadas están en grados decimales (WGS 84).",
    "La información se revisa cada mes antes de publicarse en el portal.",
    "Los montos están expresados en pesos corrientes, sin IVA.",
    "Algunas colonias cambiaron de nombre durante el periodo; se conserva el nombre original.",
    "El conjunto se publicó por primera vez durante el hackatón de la Red.",
    "Para dudas sobre la metodología, escribe a la unidad de transparencia.",
];

struct Options {
    out: PathBuf,
    datasets: usize,
    resources: Option<usize>,
    stories: usize,
    data_bytes: u64,
    seed: u64,
    hugo: Option<PathBuf>,
    pages: Option<usize>,
    /// Participants (the first ones) that declare a portal of their own.
    portals: usize,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        out: PathBuf::new(),
        datasets: 100,
        resources: None,
        stories: 10,
        data_bytes: 10_000_000,
        seed: 1,
        hugo: None,
        pages: None,
        portals: 0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = || {
            value
                .replace('_', "")
                .parse::<u64>()
                .map_err(|e| format!("{flag}: {e}"))
        };
        match flag.as_str() {
            "--out" => options.out = PathBuf::from(&value),
            "--datasets" => options.datasets = number()? as usize,
            "--resources" => options.resources = Some(number()? as usize),
            "--stories" => options.stories = number()? as usize,
            "--data-bytes" => options.data_bytes = number()?,
            "--seed" => options.seed = number()?,
            "--hugo" => options.hugo = Some(PathBuf::from(&value)),
            "--pages" => options.pages = Some(number()? as usize),
            "--portals" => options.portals = number()? as usize,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    if options.out.as_os_str().is_empty() {
        return Err("--out DIR is required".into());
    }
    Ok(options)
}

fn main() {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("synth_site: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = generate(&options) {
        eprintln!("synth_site: {e}");
        std::process::exit(1);
    }
}

struct Participant {
    id: String,
    name: String,
    short: String,
    state: String,
    kind: &'static str,
}

struct Dataset {
    participant: usize,
    stem: String,
    folder: &'static str,
    topic: usize,
    planned: bool,
    resources: usize,
}

impl Dataset {
    fn id(&self, participants: &[Participant]) -> String {
        format!("{}/{}", participants[self.participant].id, self.stem)
    }
}

fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = match c {
            'á' | 'Á' => 'a',
            'é' | 'É' => 'e',
            'í' | 'Í' => 'i',
            'ó' | 'Ó' => 'o',
            'ú' | 'Ú' | 'ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn toml_str(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn date(rng: &mut Rng, from: u32, to: u32) -> String {
    format!(
        "{}-{:02}-{:02}",
        from + rng.below((to - from + 1) as usize) as u32,
        1 + rng.below(12),
        1 + rng.below(28)
    )
}

fn generate(o: &Options) -> std::io::Result<()> {
    let mut rng = Rng(o.seed);
    if o.out.exists() {
        fs::remove_dir_all(&o.out)?;
    }
    fs::create_dir_all(o.out.join("historias"))?;
    fs::create_dir_all(o.out.join("pages"))?;

    // Portal, pages.
    let mut portal = String::from(
        "title = \"Red Nacional de Datos Abiertos (sintética)\"\n\
         description = \"Portal **sintético** generado para medir abierto a escala nacional.\"\n\
         base_url = \"https://datos.example.org/red/\"\nlanguage = \"es\"\n\
         default_license = \"libre-uso-mx\"\n",
    );
    for (id, title) in CATEGORIES {
        let _ = write!(
            portal,
            "\n[[categories]]\nid = \"{id}\"\ntitle = \"{title}\"\ndescription = \"Conjuntos de {}.\"\n",
            title.to_lowercase()
        );
    }
    fs::write(o.out.join("portal.toml"), portal)?;
    fs::write(
        o.out.join("pages/acerca.md"),
        "+++\ntitle = \"Acerca de\"\norder = 1\n+++\n\nUn portal **sintético** para medir abierto.\n",
    )?;
    fs::write(
        o.out.join("pages/licencias.md"),
        "+++\ntitle = \"Licencias\"\norder = 2\n+++\n\nLos datos se publican con licencias abiertas.\n",
    )?;

    // Participants: the 32 states, then a municipality per 40 datasets.
    let mut participants: Vec<Participant> = STATES
        .iter()
        .map(|s| Participant {
            id: slugify(s),
            name: format!("Gobierno del Estado de {s}"),
            short: s.to_string(),
            state: s.to_string(),
            kind: "estado",
        })
        .collect();
    for i in 0..(o.datasets / 40).max(8) {
        let name = format!("{} {}", rng.word(PLACE_PARTS), rng.word(PLACE_NAMES));
        let state = rng.word(STATES).to_string();
        participants.push(Participant {
            id: format!("{}-{}", slugify(&name), i + 1),
            name: format!("H. Ayuntamiento de {name}"),
            short: name,
            state,
            kind: "municipio",
        });
    }
    for (i, p) in participants.iter().enumerate() {
        let folder = o.out.join("participants").join(&p.id);
        fs::create_dir_all(&folder)?;
        let host = &p.id;
        let mut toml = format!(
            "name = {}\nshort_name = {}\nkind = \"{}\"\nstate = {}\nwebsite = \"https://www.{host}.example.mx/\"\n\
             email = \"datos@{host}.example.mx\"\njoined = {}\ndescription = \"\"\"\n{} publica sus datos abiertos en la Red.\n\n{}\n\"\"\"\n",
            toml_str(&p.name),
            toml_str(&p.short),
            p.kind,
            toml_str(&p.state),
            date(&mut rng, 2014, 2016),
            p.name,
            SENTENCES[i % SENTENCES.len()]
        );
        if i < o.portals {
            let _ = write!(
                toml,
                "\n[portal]\ntitle = {}\nbase_url = \"https://datos.{host}.example.mx/\"\naccent_color = \"#0b5e7a\"\n",
                toml_str(&format!("Datos Abiertos {}", p.short))
            );
        }
        fs::write(folder.join("participant.toml"), toml)?;
    }

    // Datasets: states hold three times as many as municipalities.
    let weights: Vec<usize> = participants
        .iter()
        .map(|p| if p.kind == "estado" { 3 } else { 1 })
        .collect();
    let total_weight: usize = weights.iter().sum();
    let mut datasets: Vec<Dataset> = (0..o.datasets)
        .map(|i| {
            let mut ticket = rng.below(total_weight);
            let participant = weights
                .iter()
                .position(|w| {
                    if ticket < *w {
                        true
                    } else {
                        ticket -= w;
                        false
                    }
                })
                .unwrap_or(0);
            let topic = rng.below(TOPICS.len());
            Dataset {
                participant,
                stem: format!("{}-{}", TOPICS[topic].0, i + 1),
                folder: if rng.chance(0.15) { "sig" } else { "" },
                topic,
                planned: rng.chance(0.05),
                resources: 0,
            }
        })
        .collect();
    // Every published dataset has one resource; the rest go where there is room, up to three.
    let published: Vec<usize> = (0..datasets.len())
        .filter(|&i| !datasets[i].planned)
        .collect();
    let wanted = o
        .resources
        .unwrap_or(o.datasets * 2)
        .clamp(published.len(), published.len() * 3);
    for &i in &published {
        datasets[i].resources = 1;
    }
    let mut extra = wanted - published.len();
    while extra > 0 {
        let i = *rng.pick(&published);
        if datasets[i].resources < 3 {
            datasets[i].resources += 1;
            extra -= 1;
        }
    }
    let keywords: Vec<String> = WORDS
        .iter()
        .map(|w| w.to_string())
        .chain(
            WORDS
                .iter()
                .flat_map(|w| REGIONS.iter().take(3).map(move |r| format!("{w} {r}"))),
        )
        .collect();

    // Resources: decide kinds first, then share out the data bytes by skewed weights.
    struct Res {
        dataset: usize,
        kind: u8, // 0 CSV utf-8, 1 CSV windows-1252, 2 GeoJSON, 3 KML, 4 remote
        bytes: u64,
    }
    let mut resources: Vec<Res> = Vec::new();
    for (d, dataset) in datasets.iter().enumerate() {
        for _ in 0..dataset.resources {
            let u = rng.unit();
            let kind = if u < 0.62 {
                0
            } else if u < 0.78 {
                1
            } else if u < 0.88 {
                2
            } else if u < 0.97 {
                3
            } else {
                4
            };
            resources.push(Res {
                dataset: d,
                kind,
                bytes: 0,
            });
        }
    }
    let weights: Vec<f64> = resources
        .iter()
        .map(|r| {
            if r.kind == 4 {
                0.0
            } else {
                (rng.unit() * 4.0).exp()
            }
        })
        .collect();
    let sum: f64 = weights.iter().sum::<f64>().max(1.0);
    for (r, w) in resources.iter_mut().zip(&weights) {
        r.bytes = (o.data_bytes as f64 * w / sum) as u64;
    }

    let mut written_bytes = 0u64;
    let mut next_resource = 0;
    for (d, dataset) in datasets.iter().enumerate() {
        let p = &participants[dataset.participant];
        let folder = o.out.join("participants").join(&p.id).join(dataset.folder);
        fs::create_dir_all(folder.join("datos"))?;
        let (topic_slug, topic_title) = TOPICS[dataset.topic];
        let title = format!("{topic_title} de {} {}", p.short, 2010 + d % 12);
        let mut text = format!("title = {}\n", toml_str(&title));
        let mut description = format!(
            "{topic_title} registrados por {}. {}\n\n{}",
            p.name,
            rng.word(SENTENCES),
            rng.word(SENTENCES)
        );
        if d > 0 && rng.chance(0.2) {
            let other = &datasets[rng.below(d)];
            let _ = write!(
                description,
                " Véase también [este conjunto](dataset:{}).",
                other.id(&participants)
            );
        }
        let _ = writeln!(text, "description = \"\"\"\n{description}\n\"\"\"");
        let mut kw: Vec<&String> = (0..2 + rng.below(4))
            .map(|_| rng.pick_skewed(&keywords))
            .collect();
        kw.sort();
        kw.dedup();
        let kw: Vec<String> = kw.iter().map(|k| toml_str(k)).collect();
        let _ = writeln!(text, "keywords = [{}]", kw.join(", "));
        let mut cats = vec![CATEGORIES[dataset.topic % CATEGORIES.len()].0];
        if rng.chance(0.3) {
            let other = rng.pick(CATEGORIES).0;
            if !cats.contains(&other) {
                cats.push(other);
            }
        }
        let cats: Vec<String> = cats.iter().map(|c| format!("\"{c}\"")).collect();
        let _ = writeln!(text, "categories = [{}]", cats.join(", "));
        let custom_license = rng.chance(0.02);
        if !custom_license && rng.chance(0.7) {
            let _ = writeln!(text, "license = \"{}\"", rng.word(LICENSES));
        }
        if dataset.planned {
            let _ = writeln!(
                text,
                "status = \"planned\"\nexpected = {}",
                date(&mut rng, 2026, 2028)
            );
        } else {
            let _ = writeln!(
                text,
                "status = \"published\"\nissued = {}\nmodified = {}",
                date(&mut rng, 2014, 2016),
                date(&mut rng, 2017, 2024)
            );
            let _ = writeln!(text, "frequency = \"{}\"", rng.word(FREQUENCIES));
            let year = 2010 + d % 12;
            let _ = writeln!(
                text,
                "temporal = {{ start = {year}-01-01, end = {year}-12-31 }}"
            );
        }
        let _ = writeln!(
            text,
            "spatial = {}",
            toml_str(&format!("{}, {}", p.short, p.state))
        );
        let _ = writeln!(
            text,
            "contact = {{ name = \"Unidad de Transparencia\", email = \"datos@{}.example.mx\" }}",
            p.id
        );
        if rng.chance(0.01) {
            let _ = writeln!(
                text,
                "former_ids = [\"{}/{}-anterior\"]",
                p.id, dataset.stem
            );
        }
        if custom_license {
            text.push_str("\n[license]\nid = \"licencia-municipal\"\nname = \"Licencia municipal de datos\"\nurl = \"https://www.example.mx/licencia\"\n");
        }
        for n in 0..dataset.resources {
            let r = &resources[next_resource];
            next_resource += 1;
            debug_assert_eq!(r.dataset, d);
            let file_stem = format!("{topic_slug}-{}-{}", d + 1, n + 1);
            let (ext, format) = match r.kind {
                0 | 1 => ("csv", "CSV"),
                2 => ("geojson", "GeoJSON"),
                3 => ("kml", "KML"),
                _ => ("csv", "CSV"),
            };
            let _ = writeln!(
                text,
                "\n[[resources]]\ntitle = {}",
                toml_str(&format!("{topic_title} {} ({format})", n + 1))
            );
            if r.kind == 4 {
                let _ = writeln!(
                    text,
                    "url = \"https://archivo.example.mx/{}/{file_stem}.csv\"\nformat = \"CSV\"",
                    p.id
                );
                continue;
            }
            let file_name = format!("{file_stem}.{ext}");
            let _ = writeln!(text, "path = \"datos/{file_name}\"");
            if rng.chance(0.5) {
                let _ = writeln!(text, "format = \"{format}\"");
            }
            if r.kind == 1 && rng.chance(0.7) {
                text.push_str("encoding = \"windows-1252\"\n");
            }
            let _ = writeln!(text, "description = \"{}\"", rng.word(SENTENCES));
            if r.kind <= 1 && rng.chance(0.5) {
                for (name, kind, about) in [
                    ("folio", "string", "Folio del registro"),
                    ("fecha", "date", "Fecha del registro"),
                    ("tipo", "string", "Clasificación"),
                    ("monto", "number", "Monto en pesos"),
                ] {
                    let _ = writeln!(
                        text,
                        "\n[[resources.fields]]\nname = \"{name}\"\ntype = \"{kind}\"\ndescription = \"{about}\""
                    );
                }
            }
            written_bytes += write_data(
                &folder.join("datos").join(&file_name),
                r.kind,
                r.bytes,
                &mut rng,
            )?;
        }
        fs::write(folder.join(format!("{}.toml", dataset.stem)), text)?;
    }

    // Stories: a fifth are network-wide, the rest belong to a participant.
    let ids: Vec<String> = datasets.iter().map(|d| d.id(&participants)).collect();
    for s in 0..o.stories {
        let network = rng.chance(0.2);
        let p = rng.below(participants.len());
        let topic = TOPICS[rng.below(TOPICS.len())];
        let stem = format!("{}-historia-{}", topic.0, s + 1);
        let linked: Vec<&String> = (0..1 + rng.below(3)).map(|_| rng.pick(&ids)).collect();
        let mut linked_list: Vec<String> = linked.iter().map(|i| format!("\"{i}\"")).collect();
        linked_list.dedup();
        let mut text = format!(
            "+++\ntitle = {}\ndate = {}\nauthors = [{}]\n",
            toml_str(&format!(
                "{}: lo que cuentan los datos ({})",
                topic.1,
                s + 1
            )),
            date(&mut rng, 2015, 2024),
            toml_str(&format!("Equipo de datos de {}", participants[p].short))
        );
        if rng.chance(0.7) {
            let _ = writeln!(text, "summary = {}", toml_str(rng.word(SENTENCES)));
        }
        let _ = writeln!(text, "datasets = [{}]", linked_list.join(", "));
        let _ = writeln!(text, "tags = [{}, \"datos\"]", toml_str(rng.word(WORDS)));
        if rng.chance(0.02) {
            text.push_str("draft = true\n");
        }
        text.push_str("+++\n\n");
        for section in 0..3 + rng.below(3) {
            if section > 0 {
                let _ = writeln!(text, "## Sección {section}: {}\n", rng.word(WORDS));
            }
            for _ in 0..2 + rng.below(3) {
                for _ in 0..3 + rng.below(4) {
                    text.push_str(rng.word(SENTENCES));
                    text.push(' ');
                }
                let _ = writeln!(
                    text,
                    "Consulta [los datos]({}) de [{}](participant:{}).\n",
                    format_args!("dataset:{}", rng.pick(&linked)),
                    participants[p].short,
                    participants[p].id
                );
            }
            if rng.chance(0.3) {
                text.push_str("| indicador | valor |\n|---|---|\n");
                for _ in 0..4 {
                    let _ = writeln!(text, "| {} | {} |", rng.word(WORDS), rng.below(10_000));
                }
                text.push('\n');
            }
        }
        let path = if network {
            o.out.join("historias").join(format!("{stem}.md"))
        } else {
            let folder = o
                .out
                .join("participants")
                .join(&participants[p].id)
                .join("historias");
            fs::create_dir_all(&folder)?;
            folder.join(format!("{stem}.md"))
        };
        fs::write(path, text)?;
    }

    let local = resources.iter().filter(|r| r.kind != 4).count();
    println!(
        "synth_site: {} participants, {} datasets ({} planned), {} resources ({} files, {} bytes), {} stories in {}",
        participants.len(),
        datasets.len(),
        datasets.iter().filter(|d| d.planned).count(),
        resources.len(),
        local,
        written_bytes,
        o.stories,
        o.out.display()
    );

    if let Some(hugo) = &o.hugo {
        // abierto's pages: home, catalog, participants index, inventory, stories index,
        // categories index, keywords index, 404, plus one per dataset, participant,
        // story, category, keyword, plain page and former id.
        let keyword_count = keywords.len();
        let estimate = 8
            + datasets.len()
            + participants.len()
            + o.stories
            + CATEGORIES.len()
            + keyword_count
            + 2;
        write_hugo(hugo, o.pages.unwrap_or(estimate), &mut rng)?;
    }
    Ok(())
}

/// Writes one data file of about `target` bytes, streaming; returns its size.
fn write_data(path: &Path, kind: u8, target: u64, rng: &mut Rng) -> std::io::Result<u64> {
    let mut out = Counting {
        inner: BufWriter::with_capacity(256 * 1024, fs::File::create(path)?),
        bytes: 0,
    };
    let mut row = String::with_capacity(256);
    let lat = |rng: &mut Rng| 14.5 + rng.unit() * 18.0;
    let lon = |rng: &mut Rng| -117.0 + rng.unit() * 30.0;
    match kind {
        0 | 1 => {
            let sep = if kind == 1 { ';' } else { ',' };
            let header = format!(
                "folio{sep}fecha{sep}tipo{sep}calle{sep}colonia{sep}monto{sep}latitud{sep}longitud\n"
            );
            out.write_all(header.as_bytes())?;
            let mut n = 0u64;
            while out.bytes < target {
                n += 1;
                row.clear();
                let _ = writeln!(
                    row,
                    "R-{n}{sep}20{:02}-{:02}-{:02}{sep}{}{sep}{}{sep}{}{sep}{}.{:02}{sep}{:.5}{sep}{:.5}",
                    10 + rng.below(14),
                    1 + rng.below(12),
                    1 + rng.below(28),
                    rng.word(KINDS_OF_THING),
                    rng.word(STREETS),
                    rng.word(COLONIAS),
                    rng.below(100_000),
                    rng.below(100),
                    lat(rng),
                    lon(rng)
                );
                if kind == 1 {
                    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&row);
                    out.write_all(&bytes)?;
                } else {
                    out.write_all(row.as_bytes())?;
                }
            }
        }
        2 => {
            out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
            let mut n = 0u64;
            loop {
                row.clear();
                let _ = write!(
                    row,
                    "{}{{\"type\":\"Feature\",\"properties\":{{\"id\":{n},\"nombre\":\"{} {n}\",\"colonia\":\"{}\"}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{:.5},{:.5}]}}}}",
                    if n == 0 { "" } else { ",\n" },
                    rng.word(KINDS_OF_THING),
                    rng.word(COLONIAS),
                    lon(rng),
                    lat(rng)
                );
                out.write_all(row.as_bytes())?;
                n += 1;
                if out.bytes + 4 >= target {
                    break;
                }
            }
            out.write_all(b"\n]}\n")?;
        }
        _ => {
            out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>Puntos</name>\n")?;
            let mut n = 0u64;
            loop {
                row.clear();
                let _ = writeln!(
                    row,
                    "<Placemark><name>{} {n}</name><description>Colonia {}</description><Point><coordinates>{:.5},{:.5},0</coordinates></Point></Placemark>",
                    rng.word(KINDS_OF_THING),
                    rng.word(COLONIAS),
                    lon(rng),
                    lat(rng)
                );
                out.write_all(row.as_bytes())?;
                n += 1;
                if out.bytes + 24 >= target {
                    break;
                }
            }
            out.write_all(b"</Document>\n</kml>\n")?;
        }
    }
    out.inner.flush()?;
    Ok(out.bytes)
}

struct Counting<W: Write> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A Hugo site of `pages` plain Markdown pages under a one-layout theme.
fn write_hugo(root: &Path, pages: usize, rng: &mut Rng) -> std::io::Result<()> {
    if root.exists() {
        fs::remove_dir_all(root)?;
    }
    let content = root.join("content/paginas");
    fs::create_dir_all(&content)?;
    fs::create_dir_all(root.join("layouts/_default"))?;
    fs::write(
        root.join("hugo.toml"),
        "baseURL = \"https://datos.example.org/red/\"\nlanguageCode = \"es\"\ntitle = \"Comparación\"\n\
         disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\"]\n",
    )?;
    let layout = "<!DOCTYPE html>\n<html lang=\"es\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n";
    fs::write(root.join("layouts/_default/single.html"), layout)?;
    fs::write(
        root.join("layouts/_default/list.html"),
        "<!DOCTYPE html>\n<html lang=\"es\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n",
    )?;
    for i in 0..pages {
        let mut text = format!("+++\ntitle = \"Página {i}\"\n+++\n\n");
        for _ in 0..3 {
            for _ in 0..4 {
                text.push_str(rng.word(SENTENCES));
                text.push(' ');
            }
            text.push_str("\n\n");
        }
        fs::write(content.join(format!("pagina-{i}.md")), text)?;
    }
    Ok(())
}
