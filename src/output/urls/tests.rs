//! The addresses of `output::urls`, worked out by hand.

use super::*;

#[test]
fn links_carry_the_base_path() {
    let urls = Urls::new("https://example.github.io/red");
    assert_eq!(urls.base_path(), "/red/");
    assert_eq!(
        urls.href(&Urls::dataset("xalapa/semaforos")),
        "/red/datos/xalapa/semaforos/"
    );
    assert_eq!(
        urls.absolute(&Urls::catalog()),
        "https://example.github.io/red/datos/"
    );
    assert_eq!(Urls::home().output_file(), "index.html");
    assert_eq!(
        Urls::keyword("Tránsito").output_file(),
        "etiquetas/transito/index.html"
    );
    assert_eq!(Urls::new("https://a.org").href(&Urls::home()), "/");
    assert_eq!(
        Urls::former_dataset("xalapa/semaforos-2014").output_file(),
        "datos/xalapa/semaforos-2014/index.html"
    );
    assert_eq!(
        Urls::sheet_csv("jalisco/mide", "mide.xlsx", "Diccionario de datos").as_str(),
        "descargas/jalisco/mide/csv/mide-diccionario-de-datos.csv"
    );
    assert_eq!(
        Urls::geojson_conversion("puebla/museos", "museos.kml").file_name(),
        "museos.geojson"
    );
}

#[test]
fn a_participant_portal_links_what_it_does_not_hold_on_the_network() {
    let own = BTreeMap::from([("sp".to_string(), "https://datos.sp.mx".to_string())]);
    let network = Urls::network("https://red.org/red/", own);
    let sp = network.participant_portal("sp", "https://datos.sp.mx/");
    // Its own data and every portal's pages are its own.
    assert_eq!(sp.href(&Urls::dataset("sp/obras")), "/datos/sp/obras/");
    assert_eq!(sp.href(&Urls::catalog()), "/datos/");
    assert_eq!(
        sp.href(&Urls::story("sp/mi-colonia")),
        "/historias/sp/mi-colonia/"
    );
    // Another participant's, and the network's own stories and pages, are the network's.
    assert_eq!(
        sp.href(&Urls::dataset("xalapa/semaforos")),
        "https://red.org/red/datos/xalapa/semaforos/"
    );
    assert_eq!(
        sp.href(&Urls::story("como-nacio")),
        "https://red.org/red/historias/como-nacio/"
    );
    assert_eq!(
        sp.href(&Urls::network_page("acerca")),
        "https://red.org/red/acerca/"
    );
    // The network's portal holds everything.
    assert_eq!(
        network.href(&Urls::dataset("sp/obras")),
        "/red/datos/sp/obras/"
    );
    // One identifier: on the participant's own portal when it has one.
    for urls in [&network, &sp] {
        assert_eq!(
            urls.identifier(&Urls::dataset("sp/obras"), Some("dataset")),
            "https://datos.sp.mx/datos/sp/obras/#dataset"
        );
        assert_eq!(
            urls.identifier(&Urls::dataset("xalapa/semaforos"), None),
            "https://red.org/red/datos/xalapa/semaforos/"
        );
    }
    assert!(network.network_portal().is_none());
    assert_eq!(
        sp.network_portal().unwrap().absolute(&Urls::home()),
        "https://red.org/red/"
    );
    assert!(sp.own_portal("sp").is_none());
    assert_eq!(
        network.own_portal("sp").unwrap().absolute(&Urls::home()),
        "https://datos.sp.mx/"
    );
    assert!(network.own_portal("xalapa").is_none());
}

#[test]
fn every_address_of_a_dataset_can_be_written_for_its_former_id() {
    let renamed = |route: Route| {
        let address =
            DatasetAddress::of(&route).unwrap_or_else(|| panic!("{route:?} belongs to a dataset"));
        assert_eq!(address.dataset_id, "xalapa/semaforos", "{route:?}");
        (
            address.with_id("xalapa/semaforos-2014").0,
            address.is_page(),
        )
    };
    let id = "xalapa/semaforos";
    assert_eq!(
        renamed(Urls::dataset(id)),
        ("datos/xalapa/semaforos-2014/".into(), true)
    );
    assert_eq!(
        renamed(Urls::download(id, "semaforos.csv")),
        (
            "descargas/xalapa/semaforos-2014/semaforos.csv".into(),
            false
        )
    );
    assert_eq!(
        renamed(Urls::standard_copy(id, "semaforos.csv")).0,
        "descargas/xalapa/semaforos-2014/estandar/semaforos.csv"
    );
    assert_eq!(
        renamed(Urls::api_dataset(id)),
        ("api/v1/datasets/xalapa/semaforos-2014.json".into(), false)
    );
    assert_eq!(
        renamed(Urls::datapackage(id)).0,
        "datos/xalapa/semaforos-2014/datapackage.json"
    );
    let explorer = Urls::explorer(id, "semaforos", None);
    assert_eq!(
        renamed(explorer.clone()).0,
        "datos/xalapa/semaforos-2014/explorar/semaforos/"
    );
    let data = Urls::explorer_data(&explorer);
    assert!(DatasetAddress::of(&data).unwrap().serves_its_page_only());
    assert!(
        !DatasetAddress::of(&explorer)
            .unwrap()
            .serves_its_page_only()
    );
    for other in [
        Urls::catalog(),
        Urls::api_datasets(),
        Urls::participant("xalapa"),
        every("datos/xalapa/"),
        every("descargas/xalapa"),
    ] {
        assert_eq!(DatasetAddress::of(&other), None, "{other:?}");
    }
}
