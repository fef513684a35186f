//! An RDF graph as much as DCAT needs: nodes by id, each with its
//! properties by full IRI; read from JSON-LD (its `@context`'s prefixes and
//! terms, `@graph`, nested nodes, `@value`, `@id`, `@list`; a remote context
//! stands for the usual DCAT prefixes).

use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// The prefixes DCAT catalogs use, known without a context.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dct", "http://purl.org/dc/terms/"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("schema", "http://schema.org/"),
    ("locn", "http://www.w3.org/ns/locn#"),
    ("adms", "http://www.w3.org/ns/adms#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// An object of a property.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// A named node or a blank one (`_:b3`): its id.
    Node(String),
    /// A literal, with its language tag if any.
    Literal {
        value: String,
        language: Option<String>,
    },
}

#[derive(Debug, Default)]
pub struct Graph {
    /// Properties of each node: (predicate IRI, object), in order.
    pub nodes: BTreeMap<String, Vec<(String, Term)>>,
    /// Node ids in the order they appeared.
    pub order: Vec<String>,
    blanks: usize,
}

impl Graph {
    pub fn add(&mut self, subject: &str, predicate: String, object: Term) {
        if !self.nodes.contains_key(subject) {
            self.order.push(subject.to_string());
        }
        self.nodes
            .entry(subject.to_string())
            .or_default()
            .push((predicate, object));
    }

    pub fn new_blank(&mut self) -> String {
        self.blanks += 1;
        format!("_:b{}", self.blanks)
    }

    /// The objects of `node`'s `predicate`.
    pub fn objects<'a>(
        &'a self,
        node: &str,
        predicate: &'a str,
    ) -> impl Iterator<Item = &'a Term> + 'a {
        self.nodes
            .get(node)
            .into_iter()
            .flatten()
            .filter(move |(p, _)| p == predicate)
            .map(|(_, o)| o)
    }

    /// The nodes of a type.
    pub fn of_type(&self, class: &str) -> Vec<String> {
        self.order
            .iter()
            .filter(|id| {
                self.objects(id, RDF_TYPE)
                    .any(|t| matches!(t, Term::Node(c) if c == class))
            })
            .cloned()
            .collect()
    }
}

/// The full IRI of a prefixed name (`dcat:Dataset`) or term.
struct Context {
    terms: BTreeMap<String, (String, bool)>,
    vocab: Option<String>,
}

impl Context {
    fn new(value: Option<&Value>) -> Context {
        let mut terms: BTreeMap<String, (String, bool)> = PREFIXES
            .iter()
            .map(|(p, iri)| (p.to_string(), (iri.to_string(), false)))
            .collect();
        let mut vocab = None;
        let objects: Vec<&Map<String, Value>> = match value {
            Some(Value::Object(o)) => vec![o],
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
            _ => Vec::new(),
        };
        for object in objects {
            for (key, definition) in object {
                match (key.as_str(), definition) {
                    ("@vocab", Value::String(v)) => vocab = Some(v.clone()),
                    (_, Value::String(iri)) => {
                        terms.insert(key.clone(), (iri.clone(), false));
                    }
                    (_, Value::Object(d)) => {
                        if let Some(iri) = d.get("@id").and_then(Value::as_str) {
                            let is_id = d.get("@type").and_then(Value::as_str) == Some("@id");
                            terms.insert(key.clone(), (iri.to_string(), is_id));
                        }
                    }
                    _ => {}
                }
            }
        }
        // Terms defined by prefixed names are expanded once the prefixes are known.
        let expanded: Vec<(String, (String, bool))> = terms
            .iter()
            .map(|(k, (iri, is_id))| (k.clone(), (expand_with(&terms, iri), *is_id)))
            .collect();
        Context {
            terms: expanded.into_iter().collect(),
            vocab,
        }
    }

    /// The IRI of a key, and whether its string values are IRIs.
    fn expand(&self, key: &str) -> Option<(String, bool)> {
        if let Some(found) = self.terms.get(key) {
            return Some(found.clone());
        }
        if key.contains("://") {
            return Some((key.to_string(), false));
        }
        if key.contains(':') {
            return Some((expand_with(&self.terms, key), false));
        }
        self.vocab.as_ref().map(|v| (format!("{v}{key}"), false))
    }
}

fn expand_with(terms: &BTreeMap<String, (String, bool)>, name: &str) -> String {
    match name.split_once(':') {
        Some((prefix, local)) if !local.starts_with("//") => match terms.get(prefix) {
            Some((iri, _)) => format!("{iri}{local}"),
            None => name.to_string(),
        },
        _ => name.to_string(),
    }
}

/// The graph of a JSON-LD document.
pub fn from_json_ld(value: &Value) -> Graph {
    let mut graph = Graph::default();
    let context = Context::new(value.get("@context"));
    let top: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(o) => match o.get("@graph") {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![value],
        },
        _ => Vec::new(),
    };
    for node in top {
        if let Value::Object(object) = node {
            read_node(object, &context, &mut graph);
        }
    }
    graph
}

/// Adds a node object's properties; its id.
fn read_node(object: &Map<String, Value>, context: &Context, graph: &mut Graph) -> String {
    let id = object
        .get("@id")
        .and_then(Value::as_str)
        .map(|id| expand_with(&context.terms, id))
        .unwrap_or_else(|| graph.new_blank());
    for (key, value) in object {
        if key == "@type" {
            for class in strings(value) {
                let class = context.expand(&class).map_or(class, |(iri, _)| iri);
                graph.add(&id, RDF_TYPE.to_string(), Term::Node(class));
            }
            continue;
        }
        if key.starts_with('@') {
            continue;
        }
        let Some((predicate, is_id)) = context.expand(key) else {
            continue;
        };
        for term in terms(value, is_id, context, graph) {
            graph.add(&id, predicate.clone(), term);
        }
    }
    // A node with no properties still counts (looked up in the map: the
    // order's list would make a large catalog's reading quadratic).
    if !graph.nodes.contains_key(&id) {
        graph.nodes.insert(id.clone(), Vec::new());
        graph.order.push(id.clone());
    }
    id
}

fn terms(value: &Value, is_id: bool, context: &Context, graph: &mut Graph) -> Vec<Term> {
    match value {
        Value::Array(items) => items
            .iter()
            .flat_map(|v| terms(v, is_id, context, graph))
            .collect(),
        Value::String(s) if is_id => vec![Term::Node(expand_with(&context.terms, s))],
        Value::String(s) => vec![Term::Literal {
            value: s.clone(),
            language: None,
        }],
        Value::Number(n) => vec![Term::Literal {
            value: n.to_string(),
            language: None,
        }],
        Value::Bool(b) => vec![Term::Literal {
            value: b.to_string(),
            language: None,
        }],
        Value::Object(o) => {
            if let Some(list) = o.get("@list") {
                return terms(list, is_id, context, graph);
            }
            if let Some(v) = o.get("@value") {
                let value = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let language = o
                    .get("@language")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                return vec![Term::Literal { value, language }];
            }
            if o.len() == 1
                && let Some(id) = o.get("@id").and_then(Value::as_str)
            {
                return vec![Term::Node(expand_with(&context.terms, id))];
            }
            vec![Term::Node(read_node(o, context, graph))]
        }
        Value::Null => Vec::new(),
    }
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}
