use super::*;
use crate::analyse::detectors::PersonalDataKind as Kind;

/// The findings of a table given as lines of `;`-separated cells, the first its header.
fn scan(table: &str) -> Vec<ColumnFinding> {
    let mut lines = table.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split(';')
        .map(str::to_string)
        .collect();
    let mut scanner = Scanner::new(&header);
    for (i, line) in lines.enumerate() {
        let cells: Vec<&str> = line.split(';').collect();
        scanner.row(i + 2, &cells);
    }
    scanner.finish()
}

fn column<'a>(findings: &'a [ColumnFinding], name: &str) -> &'a ColumnFinding {
    findings
        .iter()
        .find(|f| f.column == name)
        .unwrap_or_else(|| panic!("no finding in {name}: {findings:#?}"))
}

fn kinds(finding: &ColumnFinding) -> Vec<Kind> {
    finding.kinds.iter().map(|k| k.kind).collect()
}

#[test]
fn a_windows_1252_file_with_semicolons_is_scanned_as_it_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("directorio.csv");
    let bytes = b"oficina;tel\xe9fono;monto\nCl\xednica;228 841 1234;12345678.90\nOtra;228 841 9999;100.00\n";
    std::fs::write(&path, bytes).unwrap();
    let csv = crate::analyse::analyse_csv_file(&path, None, 5).unwrap();
    let findings = &csv.table.personal_data;
    assert_eq!(findings.len(), 1, "{findings:?}");
    let phones = &findings[0];
    assert_eq!((phones.column.as_str(), phones.position), ("teléfono", 2));
    assert_eq!(kinds(phones), vec![Kind::Phone]);
    assert_eq!(phones.kinds[0].rows.count, 2);
    assert_eq!(phones.kinds[0].rows.first_lines, vec![2, 3]);
    assert_eq!(phones.kinds[0].example, "22* *** **34");
}

#[test]
fn mistyped_curps_count_under_their_name_and_look_alike_codes_stay_clean() {
    // Valid: GOMC850412HDFRRR03 and RFC GOMC850412AB7; the others fail their check digit.
    let findings = scan(
        "curp;clave_producto;notas\n\
         GOMC850412HDFRRR03;ABC150101K21;sin novedad\n\
         GOMC850412HDFRRR04;ABD150101K22;sin novedad\n\
         GOMC850412HDFRRR05;ABE150101K23;sin novedad\n\
         GOMC850412HDFRRR06;ABF150101K24;sin novedad\n\
         GOMC850412HDFRRR07;ABG150101K25;sin novedad\n\
         GOMC850412HDFRRR08;ABH150101K26;sin novedad\n\
         GOMC850412HDFRRR09;ABI150101K27;sin novedad\n\
         GOMC850412HDFRRR01;ABJ150101K28;sin novedad\n\
         GOMC850412HDFRRR02;ABK150101K29;sin novedad\n\
         GOMC850412HDFRRR00;ABL150101K20;sin novedad\n",
    );
    let curp = &column(&findings, "curp").kinds[0];
    assert_eq!(curp.kind, Kind::Curp);
    assert_eq!(curp.rows.count, 10, "every CURP, the mistyped ones too");
    assert_eq!(
        curp.evidence,
        Evidence::CheckDigits {
            valid: 1,
            wrong: 9,
            named: true
        }
    );
    assert!(
        !findings.iter().any(|f| f.column == "clave_producto"),
        "{findings:#?}"
    );
}

#[test]
fn names_are_found_by_their_values_and_places_are_not() {
    let findings = scan(
        "beneficiario;colonia;responsable;monto\n\
         MARIA GUADALUPE HERNANDEZ LOPEZ;Benito Juárez;Dirección de Bienestar;1500\n\
         José Luis Pérez Cruz;Centro;Dirección de Bienestar;1500\n\
         Xóchitl Tzompantzi Cuautle;Rafael Lucio;Dirección de Bienestar;1500\n\
         PECH CHAN, TONATIUH;Emiliano Zapata;Dirección de Bienestar;1500\n\
         María de los Ángeles de la Cruz;Álvaro Obregón;Dirección de Bienestar;1500\n",
    );
    let names = &column(&findings, "beneficiario").kinds[0];
    assert_eq!(names.kind, Kind::Name);
    let Evidence::Names {
        hits,
        judged,
        sample,
    } = &names.evidence
    else {
        panic!("{names:?}")
    };
    assert_eq!((*hits, *judged), (5, 5));
    assert_eq!(sample, &["María", "José", "Tonatiuh"]);
    assert_eq!(names.example, "M*** G*** H*** L***");
    assert!(!findings.iter().any(|f| f.column == "colonia"));
    assert!(
        kinds(column(&findings, "responsable")).is_empty(),
        "named like people, holding an office"
    );
}

#[test]
fn addresses_and_birth_dates_beside_names() {
    let findings = scan(
        "nombre;apellido_paterno;domicilio;fecha_de_nacimiento;fecha_de_alta\n\
         María;Hernández;Calle Hidalgo 23;12/05/1948;2024-01-10\n\
         José;García;Av. Juárez #145 Int. 3;01/02/1987;2024-01-11\n\
         Guadalupe;Pech;Privada Allende No. 12;30/11/2001;2024-01-12\n",
    );
    assert_eq!(kinds(column(&findings, "nombre")), vec![Kind::Name]);
    assert_eq!(
        kinds(column(&findings, "apellido_paterno")),
        vec![Kind::Name]
    );
    let address = &column(&findings, "domicilio").kinds[0];
    assert_eq!(address.kind, Kind::Address);
    assert_eq!(address.example, "Calle H*** **");
    let birth = &column(&findings, "fecha_de_nacimiento").kinds[0];
    assert_eq!(
        birth.evidence,
        Evidence::BirthDates {
            people: "nombre".into(),
            named: true,
            first_year: 1948,
            last_year: 2001
        }
    );
    assert_eq!(birth.example, "**/**/19**");
    assert!(!findings.iter().any(|f| f.column == "fecha_de_alta"));
}

#[test]
fn addresses_and_dates_without_people_are_not_personal() {
    let findings = scan(
        "oficina;domicilio;fecha\n\
         Tesorería;Calle Hidalgo 23;12/05/1948\n\
         Catastro;Av. Juárez #145;01/02/1987\n",
    );
    assert!(kinds(column(&findings, "domicilio")).is_empty());
    assert!(!findings.iter().any(|f| f.column == "fecha"));
}

#[test]
fn e_mail_addresses_by_domain_and_role_and_phones_in_free_text() {
    let findings = scan(
        "queja\n\
         Me atendió mal, llamar al 228 812 3405 después de las 5\n\
         escribir a juana.perez@example.org o al 228 812 3405 y 55 1234 5678\n\
         Respuesta de atusuarios@opdapasmetepec.gob.mx\n\
         folio 2023004512 por $1,250.00 el 2024-01-31\n",
    );
    let queja = column(&findings, "queja");
    assert_eq!(kinds(queja), vec![Kind::Phone]);
    assert_eq!(queja.kinds[0].rows.count, 2, "two rows, three phones");
    assert_eq!(queja.kinds[0].rows.first_lines, vec![2, 3]);
    let domains: Vec<(&str, bool, u64, &str)> = queja
        .emails
        .iter()
        .map(|e| {
            (
                e.domain.as_str(),
                e.role,
                e.rows.count,
                e.local_example.as_str(),
            )
        })
        .collect();
    assert_eq!(
        domains,
        vec![
            ("example.org", false, 1, "j****.*****"),
            ("opdapasmetepec.gob.mx", true, 1, "a*usuarios"),
        ]
    );
}
