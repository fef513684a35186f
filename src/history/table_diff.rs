//! What changed in a table between two versions: rows added, removed and
//! changed (matched by the resource's `primary_key` when both versions have
//! that column, else by their whole content), columns added, removed and
//! renamed, and the first changed rows as a sample.
//!
//! Memory stays bounded by the rows, not their bytes: one version is in
//! memory at a time (as git hands it over), and each row is kept as 24 bytes
//! (a hash of its key, a hash of its values, its place), sorted and merged.
//! Only the sampled rows are kept as text. A 100 MB CSV of a million rows
//! holds about 50 MB of hashes (`BENCHMARKS.md`).

use crate::analyse::csv::{CsvDialect, records, sniff};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

/// Rows of each kind shown in a sample.
pub const SAMPLE_ROWS: usize = 10;
/// Characters of a cell shown in a sample.
const SAMPLE_CELL_CHARS: usize = 200;
/// Bytes of a cell compared (longer cells are compared by their start).
const CELL_BYTES: usize = 64 * 1024;

/// What changed between two versions of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableDiff {
    /// The column rows were matched by (`None`: by content).
    pub keyed_by: Option<String>,
    pub rows_before: u64,
    pub rows_after: u64,
    pub added: u64,
    pub removed: u64,
    pub changed: u64,
    pub columns_added: Vec<String>,
    pub columns_removed: Vec<String>,
    /// (old name, new name).
    pub columns_renamed: Vec<(String, String)>,
    /// The new version's header, the sample's columns.
    pub header: Vec<String>,
    pub sample: Vec<SampleRow>,
}

impl TableDiff {
    /// Whether anything in the table changed (a version that only re-encoded
    /// or re-quoted it has the same rows and columns).
    pub fn is_empty(&self) -> bool {
        self.added == 0
            && self.removed == 0
            && self.changed == 0
            && self.columns_added.is_empty()
            && self.columns_removed.is_empty()
            && self.columns_renamed.is_empty()
    }
}

/// How a sampled row changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RowChange {
    Added,
    Removed,
    Changed,
}

/// A sampled row: its line in each version and its cells under the new header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleRow {
    pub change: RowChange,
    pub line_before: Option<usize>,
    pub line_after: Option<usize>,
    pub cells: Vec<SampleCell>,
}

/// A cell of a sampled row: its value, and its value before when it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleCell {
    pub value: String,
    pub before: Option<String>,
}

/// One version of a table, handed over whole each time it is asked for.
pub type Load<'a> = &'a dyn Fn() -> Option<Vec<u8>>;

/// The header and the shape of one version's columns.
struct Columns {
    dialect: CsvDialect,
    names: Vec<String>,
    /// A hash of each column's values, to find a renamed column.
    hashes: Vec<u64>,
}

/// Compares two versions of a CSV. `None` when either cannot be read.
pub fn diff(
    old: Load,
    new: Load,
    encoding: Option<&'static encoding_rs::Encoding>,
    key: Option<&str>,
) -> Option<TableDiff> {
    let before = columns(&old()?, encoding)?;
    let after = columns(&new()?, encoding)?;
    let (pairs, renamed) = match_columns(&before, &after);
    let key_pair = key.and_then(|key| {
        let new_index = after.names.iter().position(|n| n == key)?;
        pairs.iter().find(|(_, n)| *n == new_index).copied()
    });
    let keyed_by = key_pair.map(|(_, n)| after.names[n].clone());
    let old_rows = hashed_rows(
        &old()?,
        &before.dialect,
        &pairs,
        key_pair.map(|p| p.0),
        Side::Old,
    )?;
    let new_rows = hashed_rows(
        &new()?,
        &after.dialect,
        &pairs,
        key_pair.map(|p| p.1),
        Side::New,
    )?;
    let merged = merge(&old_rows, &new_rows);
    let mut diff = TableDiff {
        keyed_by,
        rows_before: old_rows.len() as u64,
        rows_after: new_rows.len() as u64,
        added: merged.added.len() as u64,
        removed: merged.removed.len() as u64,
        changed: merged.changed.len() as u64,
        columns_added: unpaired(&after.names, pairs.iter().map(|p| p.1)),
        columns_removed: unpaired(&before.names, pairs.iter().map(|p| p.0)),
        columns_renamed: renamed
            .iter()
            .map(|&(o, n)| (before.names[o].clone(), after.names[n].clone()))
            .collect(),
        header: after.names.clone(),
        sample: Vec::new(),
    };
    if !merged.is_empty() {
        diff.sample = sample(&merged, &pairs, &after, (old, new), &before.dialect)?;
    }
    Some(diff)
}

/// Which version a row comes from.
#[derive(Clone, Copy)]
enum Side {
    Old,
    New,
}

/// A row as compared: hash of its key, hash of its shared columns' values,
/// its index among the data rows.
type Hashed = (u64, u64, u32);

/// The dialect, header and column hashes of a version.
fn columns(bytes: &[u8], encoding: Option<&'static encoding_rs::Encoding>) -> Option<Columns> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let dialect = sniff(sample, sample.len() == bytes.len(), encoding);
    let mut rows = records(bytes, &dialect, CELL_BYTES).ok()?;
    let first = rows.next()?.ok()?;
    let width = first.cells.len();
    let names: Vec<String> = if dialect.has_header {
        first.cells.clone()
    } else {
        (1..=width).map(|n| n.to_string()).collect()
    };
    let mut hashers: Vec<DefaultHasher> = vec![DefaultHasher::new(); width];
    let data = (!dialect.has_header)
        .then_some(Ok(first))
        .into_iter()
        .chain(rows);
    for row in data {
        let row = row.ok()?;
        for (i, hasher) in hashers.iter_mut().enumerate() {
            row.cells.get(i).map_or("", String::as_str).hash(hasher);
        }
    }
    Some(Columns {
        dialect,
        names,
        hashes: hashers.iter().map(Hasher::finish).collect(),
    })
}

/// Columns of the two versions taken as the same column (old index, new
/// index): same name; else the same values under another name, or the same
/// place, which is a rename (also returned).
type Pairs = Vec<(usize, usize)>;

fn match_columns(before: &Columns, after: &Columns) -> (Pairs, Pairs) {
    let mut pairs: Pairs = Vec::new();
    for (o, name) in before.names.iter().enumerate() {
        if let Some(n) = after.names.iter().position(|m| m == name) {
            pairs.push((o, n));
        }
    }
    let free_old = |pairs: &Pairs| -> Vec<usize> {
        (0..before.names.len())
            .filter(|o| !pairs.iter().any(|p| p.0 == *o))
            .collect()
    };
    let free_new = |pairs: &Pairs, n: usize| !pairs.iter().any(|p| p.1 == n);
    let mut renamed = Pairs::new();
    for o in free_old(&pairs) {
        let same_values = (0..after.names.len())
            .find(|&n| free_new(&pairs, n) && after.hashes[n] == before.hashes[o]);
        if let Some(n) = same_values {
            pairs.push((o, n));
            renamed.push((o, n));
        }
    }
    for o in free_old(&pairs) {
        if o < after.names.len() && free_new(&pairs, o) && before.names.len() == after.names.len() {
            pairs.push((o, o));
            renamed.push((o, o));
        }
    }
    pairs.sort_unstable();
    renamed.sort_unstable();
    (pairs, renamed)
}

/// Names of the columns no pair holds.
fn unpaired(names: &[String], paired: impl Iterator<Item = usize>) -> Vec<String> {
    let paired: Vec<usize> = paired.collect();
    names
        .iter()
        .enumerate()
        .filter(|(i, _)| !paired.contains(i))
        .map(|(_, n)| n.clone())
        .collect()
}

/// Every data row of a version, hashed over the shared columns, sorted.
fn hashed_rows(
    bytes: &[u8],
    dialect: &CsvDialect,
    pairs: &Pairs,
    key: Option<usize>,
    side: Side,
) -> Option<Vec<Hashed>> {
    let column = |pair: &(usize, usize)| match side {
        Side::Old => pair.0,
        Side::New => pair.1,
    };
    let mut rows = records(bytes, dialect, CELL_BYTES).ok()?;
    if dialect.has_header {
        rows.next();
    }
    let mut hashed = Vec::new();
    for (index, row) in rows.enumerate() {
        let row = row.ok()?;
        let cell = |i: usize| row.cells.get(i).map_or("", String::as_str);
        let mut values = DefaultHasher::new();
        for pair in pairs {
            cell(column(pair)).hash(&mut values);
        }
        let values = values.finish();
        let key = key.map_or(values, |k| {
            let mut hasher = DefaultHasher::new();
            cell(k).hash(&mut hasher);
            hasher.finish()
        });
        hashed.push((key, values, u32::try_from(index).unwrap_or(u32::MAX)));
    }
    hashed.sort_unstable();
    Some(hashed)
}

/// The rows of each kind, by their index in each version.
#[derive(Default)]
struct Merged {
    added: Vec<u32>,
    removed: Vec<u32>,
    /// (old index, new index).
    changed: Vec<(u32, u32)>,
}

impl Merged {
    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Walks both sorted lists once, a key at a time: equal values are the same
/// row, the remaining rows of a key pair up as changed, the rest are added or
/// removed.
fn merge(old: &[Hashed], new: &[Hashed]) -> Merged {
    let mut merged = Merged::default();
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        let key = match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) => a.0.min(b.0),
            (Some(a), None) => a.0,
            (None, Some(b)) => b.0,
            (None, None) => break,
        };
        let old_end = i + old[i..].iter().take_while(|r| r.0 == key).count();
        let new_end = j + new[j..].iter().take_while(|r| r.0 == key).count();
        merge_key(&old[i..old_end], &new[j..new_end], &mut merged);
        (i, j) = (old_end, new_end);
    }
    merged
}

/// The rows of one key (each side sorted by values).
fn merge_key(old: &[Hashed], new: &[Hashed], merged: &mut Merged) {
    let (mut left_old, mut left_new) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < old.len() && j < new.len() {
        match old[i].1.cmp(&new[j].1) {
            std::cmp::Ordering::Equal => (i, j) = (i + 1, j + 1),
            std::cmp::Ordering::Less => {
                left_old.push(old[i].2);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                left_new.push(new[j].2);
                j += 1;
            }
        }
    }
    left_old.extend(old[i..].iter().map(|r| r.2));
    left_new.extend(new[j..].iter().map(|r| r.2));
    let paired = left_old.len().min(left_new.len());
    merged.changed.extend(
        left_old[..paired]
            .iter()
            .copied()
            .zip(left_new[..paired].iter().copied()),
    );
    merged.removed.extend(&left_old[paired..]);
    merged.added.extend(&left_new[paired..]);
}

/// The first rows of each kind (in file order), read back as text.
fn sample(
    merged: &Merged,
    pairs: &Pairs,
    after: &Columns,
    (old, new): (Load, Load),
    old_dialect: &CsvDialect,
) -> Option<Vec<SampleRow>> {
    let first = |mut v: Vec<u32>| {
        v.sort_unstable();
        v.truncate(SAMPLE_ROWS);
        v
    };
    let mut changed = merged.changed.clone();
    changed.sort_unstable_by_key(|c| c.1);
    changed.truncate(SAMPLE_ROWS);
    let added = first(merged.added.clone());
    let removed = first(merged.removed.clone());
    let wanted_new: Vec<u32> = added
        .iter()
        .copied()
        .chain(changed.iter().map(|c| c.1))
        .collect();
    let wanted_old: Vec<u32> = removed
        .iter()
        .copied()
        .chain(changed.iter().map(|c| c.0))
        .collect();
    let new_rows = rows_at(&new()?, &after.dialect, &wanted_new)?;
    let old_rows = rows_at(&old()?, old_dialect, &wanted_old)?;
    let width = after.names.len();
    let as_new = |(line, cells): &(usize, Vec<String>)| -> (usize, Vec<String>) {
        let mut out = vec![String::new(); width];
        for &(o, n) in pairs {
            out[n] = cells.get(o).cloned().unwrap_or_default();
        }
        (*line, out)
    };
    let mut sample = Vec::new();
    for (line, cells) in added.iter().filter_map(|i| new_rows.get(i)) {
        sample.push(row(RowChange::Added, None, Some(*line), cells, None));
    }
    for (o, n) in &changed {
        let (Some((line, cells)), Some(old)) = (new_rows.get(n), old_rows.get(o)) else {
            continue;
        };
        let (old_line, old_cells) = as_new(old);
        sample.push(row(
            RowChange::Changed,
            Some(old_line),
            Some(*line),
            cells,
            Some(&old_cells),
        ));
    }
    for (line, cells) in removed.iter().filter_map(|i| old_rows.get(i)).map(as_new) {
        sample.push(row(RowChange::Removed, Some(line), None, &cells, None));
    }
    Some(sample)
}

fn row(
    change: RowChange,
    line_before: Option<usize>,
    line_after: Option<usize>,
    cells: &[String],
    before: Option<&[String]>,
) -> SampleRow {
    let cut = |text: &str| text.chars().take(SAMPLE_CELL_CHARS).collect::<String>();
    SampleRow {
        change,
        line_before,
        line_after,
        cells: cells
            .iter()
            .enumerate()
            .map(|(i, value)| SampleCell {
                value: cut(value),
                before: before
                    .and_then(|b| b.get(i))
                    .filter(|old| *old != value)
                    .map(|old| cut(old)),
            })
            .collect(),
    }
}

/// The data rows at `indexes` (line and cells), by index.
fn rows_at(
    bytes: &[u8],
    dialect: &CsvDialect,
    indexes: &[u32],
) -> Option<HashMap<u32, (usize, Vec<String>)>> {
    let wanted: BTreeMap<u32, ()> = indexes.iter().map(|i| (*i, ())).collect();
    let mut rows = records(bytes, dialect, CELL_BYTES).ok()?;
    if dialect.has_header {
        rows.next();
    }
    let mut found = HashMap::new();
    let last = wanted.keys().next_back().copied();
    for (index, row) in rows.enumerate() {
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        if last.is_some_and(|last| index > last) {
            break;
        }
        let row = row.ok()?;
        if wanted.contains_key(&index) {
            found.insert(index, (row.line, row.cells));
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff_of(old: &str, new: &str, key: Option<&str>) -> TableDiff {
        let (old, new) = (old.as_bytes().to_vec(), new.as_bytes().to_vec());
        diff(&|| Some(old.clone()), &|| Some(new.clone()), None, key).unwrap()
    }

    #[test]
    fn rows_are_matched_by_key_and_a_revised_row_is_one_change() {
        let d = diff_of("id,v\n1,a\n2,b\n3,c\n", "id,v\n1,a\n2,B\n4,d\n", Some("id"));
        assert_eq!((d.added, d.removed, d.changed), (1, 1, 1));
        assert_eq!(d.keyed_by.as_deref(), Some("id"));
        let kinds: Vec<RowChange> = d.sample.iter().map(|r| r.change).collect();
        assert_eq!(
            kinds,
            [RowChange::Added, RowChange::Changed, RowChange::Removed]
        );
        let changed = &d.sample[1];
        assert_eq!(
            (changed.line_before, changed.line_after),
            (Some(3), Some(3))
        );
        assert_eq!(changed.cells[1].value, "B");
        assert_eq!(changed.cells[1].before.as_deref(), Some("b"));
        assert_eq!(changed.cells[0].before, None);
    }

    #[test]
    fn without_a_key_a_revised_row_is_removed_and_added() {
        let d = diff_of("id,v\n1,a\n2,b\n", "id,v\n1,a\n2,B\n", None);
        assert_eq!((d.added, d.removed, d.changed), (1, 1, 0));
        assert_eq!(d.keyed_by, None);
    }

    #[test]
    fn a_key_missing_from_a_version_falls_back_to_content() {
        let d = diff_of("codigo,v\n1,a\n", "codigo,v\n1,b\n", Some("id"));
        assert_eq!(d.keyed_by, None);
        assert_eq!((d.added, d.removed, d.changed), (1, 1, 0));
    }

    #[test]
    fn columns_renamed_added_and_removed_are_told_apart() {
        let d = diff_of(
            "id,lesionados,nota\n1,0,x\n2,3,y\n",
            "id,nota,heridos\n1,x,0\n2,y,3\n",
            Some("id"),
        );
        assert_eq!(
            d.columns_renamed,
            [("lesionados".to_string(), "heridos".to_string())]
        );
        // Same place, other values: also taken as renamed (the table kept its width).
        let d2 = diff_of("id,a\n1,x\n", "id,b\n1,y\n", Some("id"));
        assert_eq!(d2.columns_renamed, [("a".to_string(), "b".to_string())]);
        let d3 = diff_of("id,a\n1,x\n", "id,a,b\n1,x,y\n", Some("id"));
        assert_eq!(d3.columns_added, ["b"]);
        assert_eq!(
            (d3.added, d3.removed, d3.changed),
            (0, 0, 0),
            "the shared columns did not change"
        );
        let d4 = diff_of("id,a,b\n1,x,y\n", "id,a\n1,x\n", Some("id"));
        assert_eq!(d4.columns_removed, ["b"]);
        assert!(d.columns_added.is_empty() && d.columns_removed.is_empty());
        assert_eq!((d.added, d.removed, d.changed), (0, 0, 0));
    }

    #[test]
    fn duplicate_keys_pair_up_and_the_surplus_is_added_or_removed() {
        let d = diff_of("id,v\n1,a\n1,b\n", "id,v\n1,a\n1,c\n1,d\n", Some("id"));
        assert_eq!((d.added, d.removed, d.changed), (1, 0, 1));
    }

    #[test]
    fn a_file_that_only_changed_its_separator_has_the_same_rows() {
        let d = diff_of("id,v\n1,a\n", "id;v\n1;a\n", Some("id"));
        assert!(d.is_empty(), "{d:?}");
    }
}
