//! A Jekyll file's YAML front matter, read as Jekyll reads it: the text
//! between the first `---` line and the next `---` (or `...`) line, a key
//! written twice keeping its last value (Psych's way; the repetition is
//! reported), a tab where a value starts read as a space (as Jekyll's
//! older Psych did; libyaml refuses it).

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A YAML value, as much of it as an import needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    /// A number as YAML wrote it (`2014`, `1.5`).
    Number(String),
    Text(String),
    List(Vec<Node>),
    /// Keys in order; a key written twice holds its last value, once.
    Map(Map),
}

/// A YAML mapping with text keys.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map {
    pub entries: Vec<(String, Node)>,
    /// Keys written more than once (the last value is kept).
    pub repeated: Vec<String>,
}

impl Map {
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// A key's text: a string or a number, trimmed; `None` when empty.
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key)?.text()
    }

    /// A key holding one text or a list of them (or of `{name: …}` maps).
    pub fn texts(&self, key: &str) -> Vec<String> {
        match self.get(key) {
            Some(Node::List(items)) => items
                .iter()
                .filter_map(|item| match item {
                    Node::Map(map) => map.text("name").or_else(|| map.text("title")),
                    other => other.text(),
                })
                .collect(),
            Some(node) => node.text().into_iter().collect(),
            None => Vec::new(),
        }
    }
}

impl Node {
    /// The text of a string or number, trimmed; `None` when empty or another kind.
    pub fn text(&self) -> Option<String> {
        match self {
            Node::Text(s) | Node::Number(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            _ => None,
        }
    }

    /// The value as one line of YAML-like text, for a note.
    pub fn shown(&self) -> String {
        match self {
            Node::Null => "null".to_string(),
            Node::Bool(b) => b.to_string(),
            Node::Number(n) => n.clone(),
            Node::Text(s) => format!("{:?}", s.trim()),
            Node::List(items) => {
                let items: Vec<String> = items.iter().map(Node::shown).collect();
                format!("[{}]", items.join(", "))
            }
            Node::Map(map) => {
                let pairs: Vec<String> = map
                    .entries
                    .iter()
                    .map(|(k, v)| format!("{k}: {}", v.shown()))
                    .collect();
                format!("{{{}}}", pairs.join(", "))
            }
        }
    }

    /// Whether it says nothing (null, empty text or a word for nothing
    /// such as `none`, an empty list or map).
    pub fn is_empty(&self) -> bool {
        match self {
            Node::Null => true,
            Node::Text(s) => matches!(
                s.trim().to_lowercase().as_str(),
                "" | "none" | "null" | "n/a" | "na" | "-"
            ),
            Node::List(items) => items.iter().all(Node::is_empty),
            Node::Map(map) => map.entries.is_empty(),
            Node::Bool(_) | Node::Number(_) => false,
        }
    }
}

/// Why a file's front matter could not be read.
#[derive(Debug, PartialEq)]
pub enum FrontProblem {
    /// No `---` line opens it.
    Missing,
    /// It is YAML but not a mapping of keys.
    NotKeys,
    /// Its YAML is broken: the parser's words.
    Yaml(String),
}

/// The front matter of a Jekyll file's text.
pub fn front_matter(text: &str) -> Result<Map, FrontProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().ok_or(FrontProblem::Missing)?;
    if first.trim_end() != "---" {
        return Err(FrontProblem::Missing);
    }
    let mut yaml = String::new();
    let mut closed = false;
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            closed = true;
            break;
        }
        yaml.push_str(line);
    }
    if !closed {
        return Err(FrontProblem::Missing);
    }
    parse(&yaml)
}

/// A YAML text that should be a mapping (a front matter, `_data/*.yml`).
pub fn parse(yaml: &str) -> Result<Map, FrontProblem> {
    if yaml.trim().is_empty() {
        return Ok(Map::default());
    }
    let node = serde_yaml_ng::from_str::<Node>(yaml).or_else(|first| {
        // libyaml refuses a tab where a token starts (`url: \thttps://…`,
        // pasted from a spreadsheet); read as spaces, the values are the same.
        let spaced = yaml.replace('\t', " ");
        serde_yaml_ng::from_str::<Node>(&spaced).map_err(|_| first)
    });
    match node {
        Ok(Node::Map(map)) => Ok(map),
        Ok(Node::Null) => Ok(Map::default()),
        Ok(_) => Err(FrontProblem::NotKeys),
        Err(e) => Err(FrontProblem::Yaml(e.to_string())),
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Node, E> {
        Ok(Node::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Node, E> {
        Ok(Node::Number(n.to_string()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Node, E> {
        Ok(Node::Number(n.to_string()))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Node, E> {
        Ok(Node::Number(n.to_string()))
    }
    fn visit_str<E>(self, s: &str) -> Result<Node, E> {
        Ok(Node::Text(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Node, E> {
        Ok(Node::Text(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Node, A::Error> {
        let mut map = Map::default();
        while let Some(key) = access.next_key::<Node>()? {
            let value = access.next_value::<Node>()?;
            let key = match key {
                Node::Text(s) | Node::Number(s) => s,
                Node::Bool(b) => b.to_string(),
                Node::Null => "null".to_string(),
                other => other.shown(),
            };
            match map.entries.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => {
                    entry.1 = value;
                    if !map.repeated.contains(&key) {
                        map.repeated.push(key);
                    }
                }
                None => map.entries.push((key, value)),
            }
        }
        Ok(Node::Map(map))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Node, A::Error> {
        // A tagged value (`!ruby/object …`): its value, the tag dropped.
        let (_tag, variant) = data.variant::<String>()?;
        de::VariantAccess::newtype_variant::<Node>(variant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_written_twice_keeps_its_last_value_as_jekyll_does() {
        let map = front_matter("---\ntitle: Uno\nnotes: a\ntitle: Dos\n---\nbody\n").unwrap();
        assert_eq!(map.text("title").as_deref(), Some("Dos"));
        assert_eq!(map.repeated, ["title"]);
        assert_eq!(map.entries.len(), 2);
    }

    #[test]
    fn tags_in_both_forms_and_tabs_after_keys() {
        let map =
            front_matter("---\ntags:\n  - agua\n  - name: calles\nurl: \thttps://x.org/a\n---\n")
                .unwrap();
        assert_eq!(map.texts("tags"), ["agua", "calles"]);
        assert_eq!(map.text("url").as_deref(), Some("https://x.org/a"));
    }

    #[test]
    fn what_is_not_front_matter() {
        assert_eq!(front_matter("sin encabezado"), Err(FrontProblem::Missing));
        assert_eq!(front_matter("---\ntitle: x\n"), Err(FrontProblem::Missing));
        assert_eq!(front_matter("---\n- a\n---\n"), Err(FrontProblem::NotKeys));
        assert!(matches!(
            front_matter("---\ntitle: [x\n---\n"),
            Err(FrontProblem::Yaml(_))
        ));
        assert_eq!(
            front_matter("\u{feff}---\r\ntitle: x\r\n---\r\n")
                .unwrap()
                .text("title")
                .as_deref(),
            Some("x")
        );
    }
}
