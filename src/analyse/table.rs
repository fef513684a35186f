//! A table as the pages show it (header, preview rows, column profiles, points
//! for a map, personal data found), built row by row in bounded memory
//! whatever the source: a CSV file, a spreadsheet's sheet, the properties of
//! map features.

use super::Notice;
use super::explore::{Explorer, ExplorerBuilder};
use super::geometry::Shape;
use super::map::files::MapFiles;
use super::map::{MapBuilder, MapLayer, name_column};
use super::personal_data::{ColumnFinding, Scanner};
use super::profile::{ColumnProfile, ColumnProfiler, coordinate_columns, parse_number};
use crate::msg;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Columns profiled; beyond this a table's columns are counted but not described.
pub const MAX_PROFILED_COLUMNS: usize = 200;
/// Columns shown in a preview.
pub const MAX_PREVIEW_COLUMNS: usize = 40;
/// Characters of a cell shown in a preview.
const PREVIEW_CELL_CHARS: usize = 200;
/// Problems of one kind reported line by line before they are only counted.
const NOTICES_PER_KIND: usize = 5;

/// What was learnt about a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Data rows (the header not counted).
    pub rows: u64,
    /// Columns of the header (or of the widest row when there is no header).
    pub columns: usize,
    /// Whether the first row names the columns.
    pub has_header: bool,
    /// Column names (generated `columna_N` where the header has none), at most [`MAX_PROFILED_COLUMNS`].
    pub header: Vec<String>,
    /// The first rows, at most [`MAX_PREVIEW_COLUMNS`] cells each, long cells cut.
    pub preview: Vec<Vec<String>>,
    /// One profile per column, at most [`MAX_PROFILED_COLUMNS`].
    pub profile: Vec<ColumnProfile>,
    /// Points from latitude/longitude columns, for a map.
    pub points: Option<PointLayer>,
    /// Columns holding personal data or named like it.
    pub personal_data: Vec<ColumnFinding>,
    /// Every cell, for the explorer, when the table was small enough to keep.
    #[serde(default)]
    pub explorer: Option<Explorer>,
}

impl Table {
    /// Whether the preview or profile leaves columns out.
    pub fn preview_columns(&self) -> usize {
        self.header.len().min(MAX_PREVIEW_COLUMNS)
    }
}

/// Points drawn from a table's coordinate columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointLayer {
    pub latitude_column: String,
    pub longitude_column: String,
    /// One feature per row with a valid point, numbered by data row.
    pub map: MapLayer,
}

/// Builds a [`Table`] row by row.
pub struct TableBuilder {
    preview_rows: usize,
    header: Option<Vec<String>>,
    has_header: bool,
    columns: usize,
    rows: u64,
    preview: Vec<Vec<String>>,
    profilers: Vec<ColumnProfiler>,
    coordinates: Option<(usize, usize)>,
    /// The map of the coordinates, with the column that names a row.
    map: Option<(MapBuilder, Option<usize>)>,
    /// Where the map's data goes, if the header says there is a map.
    map_dir: Option<PathBuf>,
    ragged: u64,
    notices: Vec<Notice>,
    personal_data: Scanner,
    explorer: Option<ExplorerBuilder>,
}

impl TableBuilder {
    pub fn new(preview_rows: usize) -> TableBuilder {
        TableBuilder {
            preview_rows,
            header: None,
            has_header: false,
            columns: 0,
            rows: 0,
            preview: Vec::new(),
            profilers: Vec::new(),
            coordinates: None,
            map: None,
            map_dir: None,
            ragged: 0,
            notices: Vec::new(),
            personal_data: Scanner::default(),
            explorer: None,
        }
    }

    /// Also keeps every cell for the explorer, written to `target` at the end
    /// when the table has at most `max_rows` rows.
    pub fn explore_into(&mut self, target: PathBuf, max_rows: u64) {
        self.explorer = Some(ExplorerBuilder::new(target, max_rows));
    }

    /// Writes the data of the map of the table's coordinates, if it has
    /// any, to the folder `dir` (made then).
    pub fn map_into(&mut self, dir: PathBuf) {
        self.map_dir = Some(dir);
    }

    /// Sets the header: `names` are the first row's cells (all of them, for the
    /// column count), `line` where it is. Reports duplicate and missing names.
    pub fn header(&mut self, names: &[String], total_columns: usize, line: usize) {
        self.has_header = true;
        self.columns = total_columns;
        let mut header: Vec<String> = Vec::new();
        let mut unnamed = Vec::new();
        for (i, name) in names.iter().take(MAX_PROFILED_COLUMNS).enumerate() {
            let name = name.trim();
            if name.is_empty() {
                unnamed.push(i + 1);
                header.push(format!("columna_{}", i + 1));
            } else {
                if header.iter().any(|h| h == name) {
                    self.notices.push(
                        Notice::new(msg!("analyse-duplicate-column", name = name))
                            .line(line)
                            .help(msg!("analyse-duplicate-column-help")),
                    );
                }
                header.push(super::printable(name));
            }
        }
        if !unnamed.is_empty() {
            let list: Vec<String> = unnamed.iter().map(|n| n.to_string()).collect();
            self.notices.push(
                Notice::new(msg!(
                    "analyse-unnamed-columns",
                    columns = list.join(", "),
                    count = unnamed.len()
                ))
                .line(line)
                .help(msg!("analyse-unnamed-columns-help")),
            );
        }
        self.start_columns(header);
    }

    /// Tables without a header get `columna_1`, `columna_2`… (from the first row's width).
    fn generated_header(&mut self, width: usize) {
        self.columns = width;
        let header = (1..=width.min(MAX_PROFILED_COLUMNS))
            .map(|i| format!("columna_{i}"))
            .collect();
        self.start_columns(header);
    }

    fn start_columns(&mut self, header: Vec<String>) {
        if self.columns > MAX_PROFILED_COLUMNS {
            self.notices.push(
                Notice::new(msg!(
                    "analyse-too-many-columns",
                    count = self.columns,
                    max = MAX_PROFILED_COLUMNS
                ))
                .help(msg!("analyse-too-many-columns-help")),
            );
        }
        self.profilers = header.iter().map(|h| ColumnProfiler::new(h)).collect();
        self.coordinates = coordinate_columns(&header);
        if self.coordinates.is_some() {
            let files = self.map_dir.take().and_then(|dir| {
                MapFiles::create(&dir)
                    .map_err(|error| {
                        self.notices.push(Notice::new(msg!(
                            "analyse-map-failed",
                            error = error.to_string()
                        )))
                    })
                    .ok()
            });
            self.map = Some((MapBuilder::new(files), name_column(&header)));
        }
        self.personal_data = Scanner::new(&header);
        self.header = Some(header);
    }

    /// Adds one data row: `cells` are its first cells (at most the profiled
    /// columns), `width` its real number of cells, `line` where it starts.
    pub fn row(&mut self, cells: &[&str], width: usize, line: usize) {
        if self.header.is_none() {
            self.generated_header(width);
        }
        self.rows += 1;
        if width != self.columns && !(width == 1 && cells.first().is_some_and(|c| c.is_empty())) {
            self.ragged += 1;
            if self.ragged <= NOTICES_PER_KIND as u64 {
                self.notices.push(
                    Notice::new(msg!(
                        "analyse-ragged-row",
                        width = width,
                        columns = self.columns
                    ))
                    .line(line)
                    .help(msg!("analyse-ragged-row-help")),
                );
            }
        }
        if self.preview.len() < self.preview_rows {
            self.preview.push(
                (0..self.profilers.len().min(MAX_PREVIEW_COLUMNS))
                    .map(|i| preview_cell(cells.get(i).copied().unwrap_or("")))
                    .collect(),
            );
        }
        for (i, profiler) in self.profilers.iter_mut().enumerate() {
            profiler.add(cells.get(i).copied().unwrap_or(""));
        }
        self.personal_data.row(line, cells);
        if let Some(explorer) = &mut self.explorer {
            explorer.row(cells, self.profilers.len());
        }
        self.map_row(cells);
    }

    /// The row's point on the map, when its coordinates are valid.
    fn map_row(&mut self, cells: &[&str]) {
        if let (Some((lat, lon)), Some((map, name))) = (self.coordinates, self.map.as_mut()) {
            let coordinate = |i: usize| {
                cells
                    .get(i)
                    .and_then(|c| parse_number(c.trim()))
                    .map(|n| n.value)
            };
            if let (Some(y), Some(x)) = (coordinate(lat), coordinate(lon))
                && (-90.0..=90.0).contains(&y)
                && (-180.0..=180.0).contains(&x)
                && !(x == 0.0 && y == 0.0)
            {
                let name = name.and_then(|i| cells.get(i)).copied().unwrap_or("");
                map.add(self.rows - 1, &[Shape::Point([x, y])], name, cells);
            }
        }
    }

    pub fn finish(mut self) -> (Table, Vec<Notice>) {
        if self.ragged > NOTICES_PER_KIND as u64 {
            self.notices.push(Notice::new(msg!(
                "analyse-ragged-rows",
                count = self.ragged
            )));
        }
        let header = self.header.unwrap_or_default();
        let profile: Vec<ColumnProfile> = self.profilers.into_iter().map(|p| p.finish()).collect();
        for column in profile.iter().filter(|c| c.misfits > 0) {
            self.notices.push(
                Notice::new(msg!(
                    "analyse-misfits",
                    column = &column.name,
                    kind = column.column_type.schema_type_name(),
                    count = column.misfits,
                    example =
                        super::detectors::mask_text(column.misfit_example.as_deref().unwrap_or(""))
                ))
                .help(msg!("analyse-misfits-help")),
            );
        }
        if self.rows > 0 {
            for column in profile.iter().filter(|c| c.empty == self.rows) {
                self.notices.push(
                    Notice::new(msg!("analyse-empty-column", column = &column.name))
                        .help(msg!("analyse-empty-column-help")),
                );
            }
        }
        let map = self.map.take().and_then(|(map, name)| {
            let (layer, notices) = map.finish(&header, name, &profile);
            self.notices.extend(notices);
            layer
        });
        let points = self.coordinates.zip(map).and_then(|((lat, lon), map)| {
            let is = |i: usize, t| profile.get(i).is_some_and(|c| c.column_type == t);
            (is(lat, super::profile::ColumnType::Latitude)
                && is(lon, super::profile::ColumnType::Longitude))
            .then(|| PointLayer {
                latitude_column: header[lat].clone(),
                longitude_column: header[lon].clone(),
                map,
            })
        });
        let explorer = self.explorer.take().and_then(|builder| {
            builder.finish(&header, &profile).unwrap_or_else(|error| {
                self.notices.push(Notice::new(msg!(
                    "analyse-explorer-failed",
                    error = error.to_string()
                )));
                None
            })
        });
        (
            Table {
                rows: self.rows,
                columns: self.columns,
                has_header: self.has_header,
                header,
                preview: self.preview,
                profile,
                points,
                personal_data: self.personal_data.finish(),
                explorer,
            },
            self.notices,
        )
    }
}

fn preview_cell(cell: &str) -> String {
    let mut chars = cell.char_indices();
    match chars.nth(PREVIEW_CELL_CHARS) {
        Some((end, _)) => format!("{}…", super::printable(&cell[..end])),
        None => super::printable(cell),
    }
}
