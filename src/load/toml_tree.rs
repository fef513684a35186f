//! A parsed TOML document as a tree of spanned entries, and the edits that let
//! reading go on past a mistake: the entry an error points at found by its
//! place in the file, then dropped or given the key it was meant to have.

use std::borrow::Cow;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

/// One step from a table to an entry inside it: a key, or an item of an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Item(usize),
}

/// The innermost entry (a `key = value` pair or an array item) whose key or
/// value holds `at`; `None` when no entry does (the document as a whole).
pub fn entry_at(table: &DeTable, at: &Range<usize>) -> Option<Vec<Step>> {
    table.iter().find_map(|(key, value)| {
        let step = Step::Key(key.get_ref().to_string());
        match inner_entry(value, at) {
            Some(inner) => Some(prefixed(step, inner)),
            None => (holds(&key.span(), at) || holds(&value.span(), at)).then(|| vec![step]),
        }
    })
}

/// The table whose span is exactly `at` (a table an error is about); `None`
/// when it is the document itself or no table has that span.
pub fn table_at(table: &DeTable, at: &Range<usize>) -> Option<Vec<Step>> {
    table.iter().find_map(|(key, value)| {
        let inner = table_in(value, at)?;
        Some(prefixed(Step::Key(key.get_ref().to_string()), inner))
    })
}

/// The span of the list or table value that ends at `end` (one the parser
/// found unclosed and took to the end of the file), from its opening bracket.
pub fn container_ending_at(table: &DeTable, end: usize) -> Option<Range<usize>> {
    table.values().find_map(|value| container_in(value, end))
}

fn container_in(value: &Spanned<DeValue>, end: usize) -> Option<Range<usize>> {
    let inner = match value.get_ref() {
        DeValue::Table(t) => container_ending_at(t, end),
        DeValue::Array(items) => items.iter().find_map(|item| container_in(item, end)),
        _ => return None,
    };
    let span = value.span();
    inner.or_else(|| (span.end == end && span.start < end).then_some(span))
}

/// Removes the entry at `path`.
pub fn remove(table: &mut DeTable, path: &[Step]) {
    match path.split_last() {
        Some((Step::Key(key), parents)) => {
            if let Some(t) = table_mut(table, parents) {
                t.remove(key.as_str());
            }
        }
        Some((Step::Item(index), parents)) => {
            if let Some(DeValue::Array(items)) = value_mut(table, parents) {
                let kept: DeArray = std::mem::replace(items, DeArray::new())
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| i != index)
                    .map(|(_, item)| item)
                    .collect();
                *items = kept;
            }
        }
        None => {}
    }
}

/// Gives the entry at `path` (a key) the key `new`, keeping its place in the file.
pub fn rename(table: &mut DeTable, path: &[Step], new: &str) {
    let Some((Step::Key(key), parents)) = path.split_last() else {
        return;
    };
    if let Some(t) = table_mut(table, parents)
        && let Some((old, value)) = t.remove_entry(key.as_str())
    {
        t.insert(Spanned::new(old.span(), Cow::Owned(new.to_string())), value);
    }
}

/// Makes the value at `path` the string `text`, keeping its place in the file.
pub fn set_text(table: &mut DeTable, path: &[Step], text: &str) {
    set(table, path, DeValue::String(Cow::Owned(text.to_string())));
}

/// Makes the value at `path` `new`, keeping its place in the file.
pub fn set<'i>(table: &mut DeTable<'i>, path: &[Step], new: DeValue<'i>) {
    if let Some(value) = value_mut(table, path) {
        *value = new;
    }
}

/// A value of each kind, in turn, to stand in for a required key that is
/// missing; `None` past the last.
pub fn stand_in(turn: usize) -> Option<DeValue<'static>> {
    Some(match turn {
        0 => DeValue::String(Cow::Borrowed("")),
        1 => DeValue::Array(DeArray::new()),
        2 => DeValue::Table(DeTable::new()),
        3 => DeValue::Boolean(false),
        4 => DeValue::Integer(Default::default()),
        5 => DeValue::Datetime("1970-01-01".parse().ok()?),
        _ => return None,
    })
}

/// The keys of the table at `path` (the document when empty).
pub fn keys_at(table: &DeTable, path: &[Step]) -> Vec<String> {
    let table = if path.is_empty() {
        Some(table)
    } else {
        match value_ref(table, path) {
            Some(DeValue::Table(t)) => Some(t),
            _ => None,
        }
    };
    table.map_or_else(Vec::new, |t| {
        t.keys().map(|k| k.get_ref().to_string()).collect()
    })
}

fn inner_entry(value: &Spanned<DeValue>, at: &Range<usize>) -> Option<Vec<Step>> {
    match value.get_ref() {
        DeValue::Table(t) => entry_at(t, at),
        DeValue::Array(items) => {
            items
                .iter()
                .enumerate()
                .find_map(|(i, item)| match inner_entry(item, at) {
                    Some(inner) => Some(prefixed(Step::Item(i), inner)),
                    None => holds(&item.span(), at).then(|| vec![Step::Item(i)]),
                })
        }
        _ => None,
    }
}

/// The path inside `value` to the table whose span is `at` (empty: `value` itself).
fn table_in(value: &Spanned<DeValue>, at: &Range<usize>) -> Option<Vec<Step>> {
    match value.get_ref() {
        DeValue::Table(_) if value.span() == *at => Some(Vec::new()),
        DeValue::Table(t) => table_at(t, at),
        DeValue::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let inner = table_in(item, at)?;
            Some(prefixed(Step::Item(i), inner))
        }),
        _ => None,
    }
}

fn value_ref<'t, 'i>(table: &'t DeTable<'i>, path: &[Step]) -> Option<&'t DeValue<'i>> {
    let (first, rest) = path.split_first()?;
    let Step::Key(key) = first else {
        return None;
    };
    let mut value = table.get(key.as_str())?.get_ref();
    for step in rest {
        value = match (step, value) {
            (Step::Key(key), DeValue::Table(t)) => t.get(key.as_str())?.get_ref(),
            (Step::Item(i), DeValue::Array(items)) => items.get(*i)?.get_ref(),
            _ => return None,
        };
    }
    Some(value)
}

fn table_mut<'t, 'i>(table: &'t mut DeTable<'i>, path: &[Step]) -> Option<&'t mut DeTable<'i>> {
    if path.is_empty() {
        return Some(table);
    }
    match value_mut(table, path)? {
        DeValue::Table(t) => Some(t),
        _ => None,
    }
}

fn value_mut<'t, 'i>(table: &'t mut DeTable<'i>, path: &[Step]) -> Option<&'t mut DeValue<'i>> {
    let (first, rest) = path.split_first()?;
    let Step::Key(key) = first else {
        return None;
    };
    let mut value = table.get_mut(key.as_str())?.get_mut();
    for step in rest {
        value = match (step, value) {
            (Step::Key(key), DeValue::Table(t)) => t.get_mut(key.as_str())?.get_mut(),
            (Step::Item(i), DeValue::Array(items)) => items.get_mut(*i)?.get_mut(),
            _ => return None,
        };
    }
    Some(value)
}

fn prefixed(first: Step, rest: Vec<Step>) -> Vec<Step> {
    let mut path = vec![first];
    path.extend(rest);
    path
}

/// Whether `span` holds `at`.
fn holds(span: &Range<usize>, at: &Range<usize>) -> bool {
    span.start <= at.start && at.end <= span.end
}
