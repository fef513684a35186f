//! A small RDF graph and its two serialisations, Turtle and JSON-LD, so that
//! `catalog.ttl` and `catalog.jsonld` always say the same triples. Vocabulary
//! terms are compact names (`dct:title`) from [`PREFIXES`]; IRIs and literals
//! are escaped here, whatever text a descriptor holds.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// The vocabularies the catalogs use, by prefix.
pub const PREFIXES: &[(&str, &str)] = &[
    ("adms", "http://www.w3.org/ns/adms#"),
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dct", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("spdx", "http://spdx.org/rdf/terms#"),
    ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// The object of a triple.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    Iri(String),
    /// A literal with a language tag (`"Movilidad"@es`).
    Text {
        value: String,
        language: String,
    },
    /// A typed literal; `datatype` is a compact name (`xsd:date`).
    Typed {
        value: String,
        datatype: &'static str,
    },
    /// A node without a name of its own, written inside its subject.
    Blank(Node),
}

impl Term {
    /// An IRI; characters that IRIs may not hold (spaces, `<`, `"`…) are percent-encoded.
    pub fn iri(iri: &str) -> Term {
        let mut clean = String::with_capacity(iri.len());
        for c in iri.chars() {
            if c <= ' ' || "<>\"{}|^`\\\u{7f}".contains(c) {
                let mut buffer = [0u8; 4];
                for byte in c.encode_utf8(&mut buffer).bytes() {
                    clean.push_str(&format!("%{byte:02X}"));
                }
            } else {
                clean.push(c);
            }
        }
        Term::Iri(clean)
    }

    pub fn text(value: &str, language: &str) -> Term {
        Term::Text {
            value: value.to_string(),
            language: language.to_string(),
        }
    }

    pub fn typed(value: impl ToString, datatype: &'static str) -> Term {
        Term::Typed {
            value: value.to_string(),
            datatype,
        }
    }

    pub fn string(value: &str) -> Term {
        Term::typed(value, "xsd:string")
    }
}

/// A subject with its types and properties, in the order they were added.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Node {
    /// `None` for a blank node.
    pub iri: Option<String>,
    pub types: Vec<&'static str>,
    pub properties: Vec<(&'static str, Term)>,
}

impl Node {
    pub fn named(iri: &str, kind: &'static str) -> Node {
        let Term::Iri(iri) = Term::iri(iri) else {
            unreachable!("Term::iri makes an IRI")
        };
        Node {
            iri: Some(iri),
            types: vec![kind],
            properties: Vec::new(),
        }
    }

    pub fn blank(kind: &'static str) -> Node {
        Node {
            iri: None,
            types: vec![kind],
            properties: Vec::new(),
        }
    }

    pub fn add(&mut self, predicate: &'static str, object: Term) -> &mut Node {
        self.properties.push((predicate, object));
        self
    }

    pub fn add_opt(&mut self, predicate: &'static str, object: Option<Term>) -> &mut Node {
        if let Some(object) = object {
            self.properties.push((predicate, object));
        }
        self
    }

    pub fn also(mut self, kind: &'static str) -> Node {
        self.types.push(kind);
        self
    }
}

/// Named nodes, each written once.
#[derive(Debug, Default)]
pub struct Graph {
    nodes: Vec<Node>,
    /// IRIs of `nodes`: a national catalog has tens of thousands of nodes.
    named: std::collections::HashSet<String>,
}

impl Graph {
    /// Adds a named node unless one with the same IRI is already there.
    pub fn insert(&mut self, node: Node) {
        match &node.iri {
            Some(iri) if !self.named.insert(iri.clone()) => {}
            _ => self.nodes.push(node),
        }
    }

    pub fn to_turtle(&self) -> String {
        let mut out = String::new();
        for (prefix, iri) in PREFIXES {
            out.push_str(&format!("@prefix {prefix}: <{iri}> .\n"));
        }
        for node in &self.nodes {
            out.push('\n');
            match &node.iri {
                Some(iri) => out.push_str(&format!("<{iri}>")),
                None => out.push_str("[]"),
            }
            write_turtle_body(node, 1, &mut out);
            out.push_str(" .\n");
        }
        out
    }

    /// The graph in JSON-LD, pretty-printed, with a final newline. It is
    /// serialized as it is written, never held as a tree of JSON values (a
    /// national catalog's would take several times its 80 MB).
    pub fn to_json_ld(&self) -> Vec<u8> {
        let mut out = Vec::new();
        // Writing to memory fails only on a key that is not a string: none is.
        let _ = serde_json::to_writer_pretty(&mut out, &JsonLd(self));
        out.push(b'\n');
        out
    }
}

/// A graph as a JSON-LD document: the prefixes as its context, then its nodes.
struct JsonLd<'a>(&'a Graph);

impl Serialize for JsonLd<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut document = serializer.serialize_map(Some(2))?;
        document.serialize_entry("@context", &Prefixes)?;
        document.serialize_entry("@graph", &Listed(&self.0.nodes, NodeLd))?;
        document.end()
    }
}

struct Prefixes;

impl Serialize for Prefixes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(PREFIXES.iter().copied())
    }
}

/// Items serialized as a JSON array, each through `wrap`.
struct Listed<'a, T, W>(&'a [T], fn(&'a T) -> W);

impl<'a, T, W: Serialize> Serialize for Listed<'a, T, W> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&(self.1)(item))?;
        }
        seq.end()
    }
}

/// A node as a JSON-LD object: `@id`, `@type`, then each predicate with
/// every object it has, in the order the predicates first appear.
struct NodeLd<'a>(&'a Node);

impl Serialize for NodeLd<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let node = self.0;
        let mut predicates: Vec<(&str, Vec<&Term>)> = Vec::new();
        for (predicate, term) in &node.properties {
            match predicates.iter_mut().find(|(p, _)| p == predicate) {
                Some((_, terms)) => terms.push(term),
                None => predicates.push((predicate, vec![term])),
            }
        }
        let mut object = serializer.serialize_map(None)?;
        if let Some(iri) = &node.iri {
            object.serialize_entry("@id", iri)?;
        }
        if !node.types.is_empty() {
            object.serialize_entry("@type", &node.types)?;
        }
        for (predicate, terms) in &predicates {
            object.serialize_entry(predicate, &Listed(terms, |term| TermLd(term)))?;
        }
        object.end()
    }
}

/// A triple's object in JSON-LD: `{"@id"}`, `{"@value", "@language"}`,
/// `{"@value", "@type"}`, or a node written inside its subject.
struct TermLd<'a>(&'a Term);

impl Serialize for TermLd<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let pairs: [(&str, &str); 2] = match self.0 {
            Term::Blank(node) => return NodeLd(node).serialize(serializer),
            Term::Iri(iri) => return serializer.collect_map([("@id", iri)]),
            Term::Text { value, language } => [("@value", value), ("@language", language)],
            Term::Typed { value, datatype } => [("@value", value), ("@type", datatype)],
        };
        serializer.collect_map(pairs)
    }
}

fn write_turtle_body(node: &Node, depth: usize, out: &mut String) {
    let indent = "    ".repeat(depth);
    let mut first = true;
    let mut separator = |out: &mut String| {
        if first {
            out.push(' ');
            first = false;
        } else {
            out.push_str(&format!(" ;\n{indent}"));
        }
    };
    if !node.types.is_empty() {
        separator(out);
        out.push_str(&format!("a {}", node.types.join(", ")));
    }
    for (predicate, object) in &node.properties {
        separator(out);
        out.push_str(predicate);
        out.push(' ');
        match object {
            Term::Iri(iri) => out.push_str(&format!("<{iri}>")),
            Term::Text { value, language } => {
                out.push_str(&format!("{}@{language}", turtle_string(value)))
            }
            Term::Typed { value, datatype } => {
                out.push_str(&format!("{}^^{datatype}", turtle_string(value)))
            }
            Term::Blank(inner) => {
                out.push('[');
                write_turtle_body(inner, depth + 1, out);
                out.push_str(" ]");
            }
        }
    }
}

/// A Turtle string literal: quotes, backslashes and control characters escaped.
pub fn turtle_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' || c == '\u{7f}' => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_inside_its_literal() {
        let mut node = Node::named("https://a.org/x y<z>", "dcat:Dataset");
        node.add("dct:title", Term::text("Dice \"hola\"\\\n> fin", "es"));
        let mut graph = Graph::default();
        graph.insert(node);
        let turtle = graph.to_turtle();
        assert!(turtle.contains("<https://a.org/x%20y%3Cz%3E> a dcat:Dataset"));
        assert!(turtle.contains(r#"dct:title "Dice \"hola\"\\\n> fin"@es ."#));
        let json: serde_json::Value = serde_json::from_slice(&graph.to_json_ld()).unwrap();
        assert_eq!(
            json["@graph"][0]["dct:title"][0]["@value"],
            "Dice \"hola\"\\\n> fin"
        );
    }

    #[test]
    fn blank_nodes_nest() {
        let mut period = Node::blank("dct:PeriodOfTime");
        period.add("dcat:startDate", Term::typed("2014-01-01", "xsd:date"));
        let mut node = Node::named("https://a.org/d", "dcat:Dataset");
        node.add("dct:temporal", Term::Blank(period));
        let mut graph = Graph::default();
        graph.insert(node);
        assert!(graph.to_turtle().contains(
            "dct:temporal [ a dct:PeriodOfTime ;\n        dcat:startDate \"2014-01-01\"^^xsd:date ] ."
        ));
    }

    #[test]
    fn json_ld_groups_a_predicate_s_objects_in_the_order_they_came() {
        let mut period = Node::blank("dct:PeriodOfTime");
        period.add("dcat:startDate", Term::typed("2014-01-01", "xsd:date"));
        let mut node = Node::named("https://a.org/d", "dcat:Dataset").also("adms:Asset");
        node.add("dcat:keyword", Term::text("agua", "es"))
            .add("dct:temporal", Term::Blank(period))
            .add("dcat:keyword", Term::text("luz", "es"))
            .add("dcat:landingPage", Term::iri("https://a.org/d/"));
        let mut graph = Graph::default();
        graph.insert(node);
        let text = String::from_utf8(graph.to_json_ld()).unwrap();
        assert!(text.ends_with("}\n"), "{text}");
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["@context"]["dct"], "http://purl.org/dc/terms/");
        let node = &json["@graph"][0];
        let keys: Vec<&str> = node
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "@id",
                "@type",
                "dcat:keyword",
                "dct:temporal",
                "dcat:landingPage"
            ]
        );
        assert_eq!(
            node["@type"],
            serde_json::json!(["dcat:Dataset", "adms:Asset"])
        );
        assert_eq!(
            node["dcat:keyword"],
            serde_json::json!([
                {"@value": "agua", "@language": "es"},
                {"@value": "luz", "@language": "es"}
            ])
        );
        assert_eq!(
            node["dct:temporal"][0],
            serde_json::json!({
                "@type": ["dct:PeriodOfTime"],
                "dcat:startDate": [{"@value": "2014-01-01", "@type": "xsd:date"}]
            })
        );
        assert_eq!(node["dcat:landingPage"][0]["@id"], "https://a.org/d/");
    }
}
