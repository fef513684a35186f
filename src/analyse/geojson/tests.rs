use super::*;

#[derive(Default)]
struct Collect {
    crs: Vec<String>,
    features: Vec<(Feature, usize)>,
}

impl Sink for Collect {
    fn crs(&mut self, name: &str, _line: usize) {
        self.crs.push(name.to_string());
    }
    fn feature(&mut self, feature: Feature, line: usize) {
        self.features.push((feature, line));
    }
}

fn read_str(text: &str) -> (Collect, Outcome) {
    let mut sink = Collect::default();
    let outcome = read(text.as_bytes(), &mut sink).unwrap();
    (sink, outcome)
}

#[test]
fn features_come_one_by_one_with_their_line_and_crs() {
    let text = "{\"type\":\"FeatureCollection\",\n\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:32614\"}},\n\"features\":[\n\
        {\"type\":\"Feature\",\"properties\":{\"n\":\"a\",\"v\":2.50},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2,3]}},\n\
        {\"type\":\"Feature\",\"geometry\":null,\"properties\":null}]}";
    let (sink, outcome) = read_str(text);
    assert!(matches!(outcome, Outcome::Read));
    assert_eq!(sink.crs, ["EPSG:32614"]);
    assert_eq!(sink.features.len(), 2);
    let (first, line) = &sink.features[0];
    assert_eq!(*line, 4);
    assert_eq!(
        first.properties,
        [("n".into(), "a".into()), ("v".into(), "2.5".into())]
    );
    let geometry = first.geometry.as_ref().unwrap();
    assert_eq!(geometry.kind, "Point");
    assert!(matches!(
        geometry.coordinates,
        Some(Coordinates::Position {
            xy: [1.0, 2.0],
            numbers: 3
        })
    ));
    assert!(sink.features[1].0.geometry.is_none());
    assert_eq!(sink.features[1].1, 5);
}

#[test]
fn a_broken_file_keeps_the_features_before_the_break() {
    let text = "{\"type\":\"FeatureCollection\",\"features\":[\n{\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}},\n{\"geometry\": {\"type\": oops";
    let (sink, outcome) = read_str(text);
    assert_eq!(sink.features.len(), 1);
    assert!(matches!(outcome, Outcome::Malformed { line: 3, .. }));
}

#[test]
fn a_bare_geometry_or_feature_is_a_collection_of_one_and_other_json_is_not_geojson() {
    let (sink, _) = read_str(r#"{"type":"LineString","coordinates":[[1,2],[3,4]]}"#);
    assert_eq!(sink.features.len(), 1);
    let (sink, _) = read_str(r#"{"type":"Feature","properties":{"a":1},"geometry":null}"#);
    assert_eq!(sink.features.len(), 1);
    let (sink, outcome) = read_str(r#"[1, 2, 3]"#);
    assert!(sink.features.is_empty() && matches!(outcome, Outcome::NotGeoJson));
    let (_, outcome) = read_str(r#"{"name": "x"}"#);
    assert!(matches!(outcome, Outcome::NotGeoJson));
}

#[test]
fn strange_coordinates_are_kept_as_other_not_errors() {
    let (sink, outcome) = read_str(r#"{"type":"Point","coordinates":[1,"dos"]}"#);
    assert!(matches!(outcome, Outcome::Read));
    let geometry = sink.features[0].0.geometry.as_ref().unwrap();
    assert!(matches!(geometry.coordinates, Some(Coordinates::Other)));
}
