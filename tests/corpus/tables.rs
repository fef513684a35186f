//! The corpus's tables, one function each.

use super::people::{self, COLONIAS, Person, Rng, STREETS, ascii, nss, phone};
use super::{Corpus, record};
use abierto::analyse::detectors::PersonalDataKind as Kind;
use abierto::rules::personal_data::Verdict::{Office, Personal};

const PROGRAMMES: &[&str] = &[
    "Apoyo a adultos mayores",
    "Becas Benito Juárez",
    "Mujeres emprendedoras",
    "Despensas a familias",
];

/// A programme's beneficiaries: full names in every style, CURPs (one in ten
/// mistyped), birth dates and street addresses; folios, neighbourhoods
/// (many named after heroes), postal codes, amounts, programmes and dates clean.
pub fn beneficiaries(corpus: &mut Corpus) {
    const FILE: &str = "padron-apoyos.csv";
    const ROWS: u64 = 400;
    let mut rng = Rng::new(1);
    let mut text = String::from(
        "folio,nombre_completo,curp,fecha_nacimiento,domicilio,colonia,codigo_postal,monto,programa,fecha_entrega\n",
    );
    for i in 0..ROWS {
        let person = Person::new(&mut rng);
        let name = person.name(i);
        let curp = person.curp(i % 10 == 9);
        let address = people::address(&mut rng);
        corpus
            .secrets
            .extend([name.clone(), curp.clone(), address.clone()]);
        text.push_str(&record(
            &[
                format!("PB-2024-{:05}", i + 1),
                name,
                curp,
                person.birth_date(),
                address,
                rng.pick(COLONIAS).to_string(),
                format!("91{:03}", rng.below(1000)),
                format!("{}.00", 500 * (1 + rng.below(6))),
                rng.pick(PROGRAMMES).to_string(),
                format!("2024-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
            ],
            ',',
        ));
    }
    corpus.file(FILE, text.into_bytes());
    corpus.plant(FILE, None, "nombre_completo", Kind::Name, Personal, ROWS);
    corpus.plant(FILE, None, "curp", Kind::Curp, Personal, ROWS);
    corpus.plant(
        FILE,
        None,
        "fecha_nacimiento",
        Kind::BirthDate,
        Personal,
        ROWS,
    );
    corpus.plant(FILE, None, "domicilio", Kind::Address, Personal, ROWS);
    corpus.clean(
        FILE,
        None,
        &[
            "folio",
            "colonia",
            "codigo_postal",
            "monto",
            "programa",
            "fecha_entrega",
        ],
        ROWS,
    );
}

/// A school grant in Windows-1252 with `;`: given names and surnames in
/// their own columns, in capitals without accents; the tutor's phone (bare
/// ten digits among them) and NSS; schools and localities named after people.
pub fn grants(corpus: &mut Corpus) {
    const FILE: &str = "becas-escolares.csv";
    const ROWS: u64 = 300;
    let mut rng = Rng::new(2);
    let schools = [
        "Escuela Primaria Josefa Ortiz de Domínguez",
        "Telesecundaria Emiliano Zapata",
        "Jardín de Niños Rosaura Zapata",
        "Primaria Ignacio Manuel Altamirano",
        "Secundaria Técnica 45",
    ];
    let places = [
        "San Juan Bautista",
        "Rafael Lucio",
        "Tlalnelhuayocan",
        "Las Vigas de Ramírez",
        "Xico",
    ];
    let mut text = String::from(
        "numero;nombre(s);primer_apellido;segundo_apellido;sexo;edad;escuela;localidad;telefono_tutor;nss_tutor\n",
    );
    for i in 0..ROWS {
        let person = Person::new(&mut rng);
        let tutor_phone = if i % 4 == 0 {
            phone(&mut rng)
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
        } else {
            phone(&mut rng)
        };
        let tutor_phone = tutor_phone.trim_start_matches("52").to_string();
        let number = nss(&mut rng, &person);
        corpus.secrets.extend([tutor_phone.clone(), number.clone()]);
        text.push_str(&record(
            &[
                (i + 1).to_string(),
                ascii(&person.given.join(" ")).to_uppercase(),
                ascii(person.surnames[0]).to_uppercase(),
                ascii(person.surnames[1]).to_uppercase(),
                if person.woman { "M" } else { "H" }.to_string(),
                (6 + rng.below(12)).to_string(),
                rng.pick(&schools).to_string(),
                rng.pick(&places).to_string(),
                tutor_phone,
                number,
            ],
            ';',
        ));
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    corpus.file(FILE, bytes.into_owned());
    for column in ["nombre(s)", "primer_apellido", "segundo_apellido"] {
        corpus.plant(FILE, None, column, Kind::Name, Personal, ROWS);
    }
    corpus.plant(FILE, None, "telefono_tutor", Kind::Phone, Personal, ROWS);
    corpus.plant(FILE, None, "nss_tutor", Kind::Nss, Personal, ROWS);
    corpus.clean(
        FILE,
        None,
        &["numero", "sexo", "edad", "escuela", "localidad"],
        ROWS,
    );
}

const PROCEDURES: &[&str] = &[
    "LICENCIA DE CONSTRUCCIÓN",
    "CONSTANCIA DE NO ADEUDO PREDIAL",
    "PERMISO PARA EVENTO SOCIAL",
    "ALTA EN EL PADRÓN DE PROVEEDORES",
    "COPIA CERTIFICADA DE ACTA DE NACIMIENTO",
    "REPOSICIÓN DE LICENCIA DE FUNCIONAMIENTO",
];
const OFFICES: &[&str] = &[
    "Dirección de Desarrollo Urbano",
    "Tesorería Municipal",
    "Registro Civil",
    "Dirección de Desarrollo Económico",
    "Secretaría del Ayuntamiento",
];

/// Procedures with the applicant's contact columns (names, RFC, phone,
/// e-mail: personal) and the answering office's e-mail address (an office's).
pub fn procedures(corpus: &mut Corpus) {
    const FILE: &str = "tramites.csv";
    const ROWS: u64 = 300;
    let mut rng = Rng::new(3);
    let office_mail = [
        "tramites@xalapa.gob.mx",
        "atencion.ciudadana@xalapa.gob.mx",
        "desarrollo.urbano@hotmail.com",
        "ventanilla.unica@xalapa.gob.mx",
        "registro.civil@municipio-xalapa.mx",
    ];
    let mut text = String::from(
        "folio,tramite,dependencia,solicitante,rfc_solicitante,telefono,correo,correo_respuesta,estatus,fecha,costo\n",
    );
    for i in 0..ROWS {
        let person = Person::new(&mut rng);
        let (name, rfc, tel, mail) = (
            person.name(i + 1),
            person.rfc(&mut rng),
            phone(&mut rng),
            person.email(&mut rng),
        );
        corpus
            .secrets
            .extend([name.clone(), rfc.clone(), tel.clone(), mail.clone()]);
        text.push_str(&record(
            &[
                format!("TR/2023/{:06}", 1000 + i * 7),
                rng.pick(PROCEDURES).to_string(),
                rng.pick(OFFICES).to_string(),
                name,
                rfc,
                tel,
                mail,
                rng.pick(&office_mail).to_string(),
                rng.pick(&["En revisión", "Concluido", "Rechazado"])
                    .to_string(),
                format!("2023-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
                format!("${}.00", 50 * (1 + rng.below(20))),
            ],
            ',',
        ));
    }
    corpus.file(FILE, text.into_bytes());
    corpus.plant(FILE, None, "solicitante", Kind::Name, Personal, ROWS);
    corpus.plant(FILE, None, "rfc_solicitante", Kind::Rfc, Personal, ROWS);
    corpus.plant(FILE, None, "telefono", Kind::Phone, Personal, ROWS);
    corpus.plant(FILE, None, "correo", Kind::Email, Personal, ROWS);
    corpus.plant(FILE, None, "correo_respuesta", Kind::Email, Office, ROWS);
    corpus.clean(
        FILE,
        None,
        &[
            "folio",
            "tramite",
            "dependencia",
            "estatus",
            "fecha",
            "costo",
        ],
        ROWS,
    );
}

/// A directory of offices: who heads each (public servants), its phone,
/// e-mail address and street address. `declared`: the descriptor says its
/// columns hold offices (`holds = "offices"`), and the officials are then
/// clean; undeclared, they are people's names like any others.
pub fn directory(corpus: &mut Corpus, file: &'static str, declared: bool) {
    const ROWS: u64 = 60;
    let mut rng = Rng::new(if declared { 4 } else { 5 });
    let posts = [
        "Director",
        "Jefa del Departamento",
        "Coordinador",
        "Titular de la Unidad",
    ];
    let mut text = String::from("dependencia,titular,cargo,telefono,correo,domicilio\n");
    for i in 0..ROWS {
        let official = Person::new(&mut rng);
        let office = rng.pick(OFFICES);
        let mailbox = [
            "contacto",
            "direccion",
            "atencion",
            "tesoreria",
            "coordinacion",
        ][i as usize % 5];
        text.push_str(&record(
            &[
                office.to_string(),
                official.name(0),
                format!("{} de {}", rng.pick(&posts), office),
                format!(
                    "(228) 841 {} ext. {}",
                    1200 + rng.below(90),
                    100 + rng.below(900)
                ),
                format!("{mailbox}{}@xalapa.gob.mx", i + 1),
                format!(
                    "Av. {} {}, Col. Centro",
                    rng.pick(STREETS),
                    1 + rng.below(500)
                ),
            ],
            ',',
        ));
    }
    corpus.file(file, text.into_bytes());
    let (offices, officials) = if declared {
        (Office, None)
    } else {
        (Personal, Some(Personal))
    };
    corpus.plant(file, None, "telefono", Kind::Phone, offices, ROWS);
    corpus.plant(file, None, "correo", Kind::Email, Office, ROWS);
    corpus.plant(file, None, "domicilio", Kind::Address, offices, ROWS);
    match officials {
        Some(verdict) => corpus.plant(file, None, "titular", Kind::Name, verdict, ROWS),
        None => corpus.clean(file, None, &["titular"], ROWS),
    }
    corpus.clean(file, None, &["dependencia", "cargo"], ROWS);
}

/// Free-text complaints: two in five hold one personal item (a phone, an
/// e-mail address, a CURP, an RFC, an NSS) inside a sentence; the others
/// hold look-alikes (amounts, dates, times, folios, postal codes, meter codes).
pub fn complaints(corpus: &mut Corpus) {
    const FILE: &str = "quejas.csv";
    const ROWS: u64 = 400;
    let mut rng = Rng::new(6);
    let mut planted = [0u64; 5];
    let mut text = String::from("folio,fecha,colonia,referencia,queja,respuesta,estatus\n");
    for i in 0..ROWS {
        let person = Person::new(&mut rng);
        let street = rng.pick(STREETS);
        let complaint = if i % 5 < 2 {
            let kind = (i / 5 % 5) as usize;
            planted[kind] += 1;
            let (item, sentence) = match kind {
                0 => {
                    let tel = phone(&mut rng);
                    (
                        tel.clone(),
                        format!(
                            "Llevan tres semanas sin recoger la basura en {street}, favor de llamar al {tel} después de las 5"
                        ),
                    )
                }
                1 => {
                    let mail = person.email(&mut rng);
                    (
                        mail.clone(),
                        format!("Solicito respuesta por escrito a mi correo {mail}, gracias"),
                    )
                }
                2 => {
                    let curp = person.curp(false);
                    (
                        curp.clone(),
                        format!("Solicito el apoyo de despensa, mi CURP es {curp}"),
                    )
                }
                3 => {
                    let rfc = person.rfc(&mut rng);
                    (
                        rfc.clone(),
                        format!("Requiero factura del pago de predial a mi RFC {rfc}"),
                    )
                }
                _ => {
                    let number = nss(&mut rng, &person);
                    (
                        number.clone(),
                        format!(
                            "Me caí en la banqueta rota de {street}; mi número de seguridad social es {number}"
                        ),
                    )
                }
            };
            corpus.secrets.push(item);
            sentence
        } else {
            look_alike_sentence(&mut rng, street)
        };
        text.push_str(&record(
            &[
                format!("Q-2023-{:04}", i + 1),
                format!("2023-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
                rng.pick(COLONIAS).to_string(),
                landmark(&mut rng),
                complaint,
                format!(
                    "Se turnó a {} con el folio {}; se atenderá en un plazo de {} días hábiles",
                    rng.pick(OFFICES),
                    2_023_000_000 + rng.below(999_999),
                    1 + rng.below(15)
                ),
                rng.pick(&["Atendida", "En proceso", "Cancelada"])
                    .to_string(),
            ],
            ',',
        ));
    }
    corpus.file(FILE, text.into_bytes());
    let kinds = [Kind::Phone, Kind::Email, Kind::Curp, Kind::Rfc, Kind::Nss];
    for (kind, count) in kinds.into_iter().zip(planted) {
        corpus.plant(FILE, None, "queja", kind, Personal, count);
    }
    // The complaints without personal data are clean cells of the same column.
    let clean_rows = ROWS - planted.iter().sum::<u64>();
    corpus.clean(FILE, None, &["queja (sin datos personales)"], clean_rows);
    corpus.clean(
        FILE,
        None,
        &[
            "folio",
            "fecha",
            "colonia",
            "referencia",
            "respuesta",
            "estatus",
        ],
        ROWS,
    );
}

/// Where a complaint is, as people say it: between streets named after
/// heroes and people, in front of schools and parks.
fn landmark(rng: &mut Rng) -> String {
    let streets = [
        "Miguel Hidalgo",
        "Ignacio Allende",
        "Rafael Lucio",
        "Úrsulo Galván",
        "José María Morelos",
        "Sebastián Camacho",
    ];
    match rng.below(4) {
        0 => format!("Entre {} y {}", rng.pick(&streets), rng.pick(&streets)),
        1 => format!("Esquina {} y {}", rng.pick(&streets), rng.pick(&streets)),
        2 => format!("Frente a la Escuela {}", rng.pick(&streets)),
        _ => "Junto al parque".to_string(),
    }
}

fn look_alike_sentence(rng: &mut Rng, street: &str) -> String {
    match rng.below(6) {
        0 => format!(
            "Bache de 1.5 m frente al número {} de {street}, C.P. 91{:03}",
            1 + rng.below(400),
            rng.below(1000)
        ),
        1 => format!(
            "Se cobró ${},{:03}.50 por el trámite con folio {} el 2023-05-{:02}",
            1 + rng.below(9),
            rng.below(1000),
            2_023_000_000 + rng.below(999_999),
            1 + rng.below(28)
        ),
        2 => format!(
            "Luminaria apagada desde el {:02}/0{}/2023 a las {}:{:02} hrs",
            1 + rng.below(28),
            1 + rng.below(9),
            10 + rng.below(12),
            rng.below(60)
        ),
        3 => format!(
            "El medidor {} no marca bien, contrato de agua {}",
            rfc_shaped_code(rng),
            rng.digits(10)
        ),
        4 => format!(
            "La ruta {} pasa cada {} minutos, reporte anterior 2023-{}",
            1 + rng.below(40),
            5 + rng.below(40),
            rng.digits(6)
        ),
        _ => format!(
            "Se solicita la poda del árbol en {street} esquina {}",
            rng.pick(STREETS)
        ),
    }
}

/// A code with an RFC's shape (letters, a date, three characters) that is no one's RFC.
pub fn rfc_shaped_code(rng: &mut Rng) -> String {
    let letters: String = (0..3 + rng.below(2))
        .map(|_| char::from(b'A' + rng.below(26) as u8))
        .collect();
    format!(
        "{letters}{:02}{:02}{:02}{}{}",
        rng.below(100),
        1 + rng.below(12),
        1 + rng.below(28),
        char::from(b'A' + rng.below(26) as u8),
        rng.digits(2)
    )
}

/// Look-alikes only: product codes shaped like RFCs, ten-digit folios,
/// eleven-digit files, eighteen-digit payment references, postal codes,
/// cadastral keys, companies.
pub fn inventory(corpus: &mut Corpus) {
    const FILE: &str = "inventario.csv";
    const ROWS: u64 = 300;
    let mut rng = Rng::new(7);
    let mut text = String::from(
        "clave_producto,folio,expediente,referencia_pago,codigo_postal,clave_catastral,descripcion,proveedor,precio\n",
    );
    for _ in 0..ROWS {
        text.push_str(&record(
            &[
                rfc_shaped_code(&mut rng),
                format!("{}{}", 1 + rng.below(9), rng.digits(9)),
                format!("{}{}", 1 + rng.below(9), rng.digits(10)),
                format!("{}{}", 1 + rng.below(9), rng.digits(17)),
                format!("{:05}", 1000 + rng.below(98000)),
                format!(
                    "{}-{}-{}-{}",
                    1 + rng.below(9),
                    rng.digits(3),
                    rng.digits(3),
                    rng.digits(3)
                ),
                rng.pick(&[
                    "Cemento gris 50 kg",
                    "Varilla corrugada 3/8",
                    "Pintura vinílica blanca 19 L",
                    "Tubo PVC 4 pulgadas",
                ])
                .to_string(),
                rng.pick(&[
                    "Materiales del Golfo S.A. de C.V.",
                    "Constructora Hernández y Asociados",
                    "Ferretería La Esperanza",
                    "Transportes Juan Pérez",
                ])
                .to_string(),
                format!("{}.{:02}", 10 + rng.below(5000), rng.below(100)),
            ],
            ',',
        ));
    }
    corpus.file(FILE, text.into_bytes());
    corpus.clean(
        FILE,
        None,
        &[
            "clave_producto",
            "folio",
            "expediente",
            "referencia_pago",
            "codigo_postal",
            "clave_catastral",
            "descripcion",
            "proveedor",
            "precio",
        ],
        ROWS,
    );
}

/// A workbook: a clean summary sheet, and a sheet of beneficiaries' names and CURPs.
pub fn workbook(corpus: &mut Corpus) {
    const FILE: &str = "padron.xlsx";
    const ROWS: u64 = 100;
    let mut rng = Rng::new(8);
    let mut rows: Vec<Vec<String>> =
        vec![vec!["beneficiaria".into(), "curp".into(), "apoyo".into()]];
    for i in 0..ROWS {
        let person = Person::new(&mut rng);
        let (name, curp) = (person.name(i), person.curp(false));
        corpus.secrets.extend([name.clone(), curp.clone()]);
        rows.push(vec![name, curp, rng.pick(PROGRAMMES).to_string()]);
    }
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    let summary: &[&[&str]] = &[
        &["colonia", "apoyos"],
        &["Centro", "12"],
        &["Rafael Lucio", "8"],
    ];
    let bytes = crate::common::workbook(&[("Resumen", summary), ("Beneficiarias", &rows)]);
    corpus.file(FILE, bytes);
    corpus.plant(
        FILE,
        Some("Beneficiarias"),
        "beneficiaria",
        Kind::Name,
        Personal,
        ROWS,
    );
    corpus.plant(
        FILE,
        Some("Beneficiarias"),
        "curp",
        Kind::Curp,
        Personal,
        ROWS,
    );
    corpus.clean(FILE, Some("Beneficiarias"), &["apoyo"], ROWS);
    corpus.clean(FILE, Some("Resumen"), &["colonia", "apoyos"], 2);
}

/// Reports on a map: who reported (names) and their phone, in the features' properties.
pub fn reports_map(corpus: &mut Corpus) {
    const FILE: &str = "reportes.geojson";
    const ROWS: u64 = 100;
    let mut rng = Rng::new(9);
    let mut features = Vec::new();
    for i in 0..ROWS {
        let person = Person::new(&mut rng);
        let (name, tel) = (person.name(i), phone(&mut rng));
        corpus.secrets.extend([name.clone(), tel.clone()]);
        features.push(serde_json::json!({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [-96.9 + rng.below(100) as f64 / 1000.0, 19.5]},
            "properties": {"folio": format!("R-{}", i + 1), "tipo": "Bache", "reporta": name, "telefono": tel},
        }));
    }
    let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
    corpus.file(FILE, collection.to_string().into_bytes());
    corpus.plant(FILE, None, "reporta", Kind::Name, Personal, ROWS);
    corpus.plant(FILE, None, "telefono", Kind::Phone, Personal, ROWS);
    corpus.clean(FILE, None, &["folio", "tipo"], ROWS);
}
