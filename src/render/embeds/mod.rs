//! Embeds: one line of a story, `{{ tabla(datos="xalapa/semaforos", …) }}`,
//! becomes a dataset card, a table, a chart, a map or a download button,
//! rendered at build time into plain HTML and inline SVG (no JavaScript).
//! This module finds what an embed names (dataset, resource, sheet, columns)
//! and reports what it cannot find with the story's file, line, column and
//! the nearest existing names; `parse.rs` reads the line, `data.rs` the rows,
//! `table.rs`, `chart/`, `map.rs` and `card.rs` write the HTML, and
//! `share.rs` the «Insertar» box of a story's charts, tables and maps.

mod card;
mod chart;
mod data;
mod map;
pub mod parse;
pub mod share;
mod table;

use super::Translation;
use super::markdown::{EmbedPlace, Embedder};
use crate::analyse::{self, FileContent, FileFacts, Table};
use crate::diagnostics::Diagnostic;
use crate::model::{Dataset, Resource, ResourceLocation, Site};
use crate::msg;
use crate::output::urls::Urls;
pub(super) use crate::render::escape;
use data::Cells;
use parse::{Arg, Call, Kind, Problem, Value, suggestion};
use std::path::Path;

/// What embeds need to find and show data: the site, its analysed files,
/// its addresses and its language; and, in a story, where its figures are
/// shared («Insertar»).
#[derive(Clone, Copy)]
pub struct Embeds<'a> {
    pub site: &'a Site,
    pub analysis: &'a analyse::Analysis,
    pub urls: &'a Urls,
    pub t: &'a Translation,
    pub share: Option<share::Share<'a>>,
}

impl Embedder for Embeds<'_> {
    fn is_embed(&self, line: &str) -> bool {
        parse::is_embed_line(line)
    }

    fn render(&self, line: &str, place: &EmbedPlace) -> Result<String, Vec<Diagnostic>> {
        let to_diagnostic = |p: Problem| {
            let diagnostic =
                Diagnostic::error(place.file, msg!("render-embed", message = p.message))
                    .at_position(place.line, p.column);
            match p.help {
                Some(help) => diagnostic.help(help),
                None => diagnostic,
            }
        };
        let call = parse::parse(line)
            .map_err(|ps| ps.into_iter().map(to_diagnostic).collect::<Vec<_>>())?;
        let cx = Cx {
            embeds: self,
            call: &call,
            id: format!("embed-{}", place.number),
        };
        if cx.waits_on_unloaded_dataset() {
            // Its descriptor's errors are reported: the embed shows once they are fixed.
            return Ok(String::new());
        }
        let result = match call.kind {
            Kind::Card => card::card(&cx),
            Kind::Download => card::download(&cx),
            Kind::Table => table::table(&cx),
            Kind::Chart => chart::chart(&cx),
            Kind::Map => map::map(&cx),
        };
        let html = result.map_err(|ps| ps.into_iter().map(to_diagnostic).collect::<Vec<_>>())?;
        let frame = match call.kind {
            Kind::Chart => Some(share::Frame::Chart),
            Kind::Table => Some(share::Frame::Table),
            Kind::Map => Some(share::Frame::Map),
            Kind::Card | Kind::Download => None,
        };
        Ok(match (self.share, frame, cx.dataset()) {
            (Some(share), Some(frame), Ok(dataset)) => {
                let about = (frame, dataset.title.as_str(), dataset.id.as_str());
                let code = share.figure((self.urls, self.t), place.number, about, &html);
                format!("{html}{code}")
            }
            _ => html,
        })
    }
}

/// One embed being rendered.
pub(super) struct Cx<'a> {
    embeds: &'a Embeds<'a>,
    call: &'a Call,
    /// Unique in the page: `embed-3`.
    id: String,
}

/// A resource an embed names, with its file when it is local.
pub(super) struct Source<'a> {
    dataset: &'a Dataset,
    resource: &'a Resource,
    local: Option<(&'a Path, &'a str, &'a FileFacts)>,
}

/// A table of a resource, found by sheet.
pub(super) struct TableRef<'a> {
    source: &'a Source<'a>,
    sheet: Option<String>,
    table: &'a Table,
}

type Found<T> = Result<T, Vec<Problem>>;

impl<'a> Cx<'a> {
    fn t(&self) -> &'a Translation {
        self.embeds.t
    }

    fn urls(&self) -> &'a Urls {
        self.embeds.urls
    }

    fn site(&self) -> &'a Site {
        self.embeds.site
    }

    fn analysis(&self) -> &'a analyse::Analysis {
        self.embeds.analysis
    }

    fn ui(&self, key: &str) -> String {
        self.embeds.t.ui(key).to_string()
    }

    fn fill(&self, key: &str, values: &[(&str, String)]) -> String {
        let mut text = self.ui(key);
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    fn arg(&self, name: &str) -> Option<&'a Arg> {
        self.call.args.iter().find(|a| a.name == name)
    }

    /// A text argument (numbers are accepted as their text).
    fn text(&self, name: &str) -> Result<Option<String>, Problem> {
        match self.arg(name).map(|a| (a, &a.value)) {
            None => Ok(None),
            Some((_, Value::Text(t))) => Ok(Some(t.trim().to_string())),
            Some((_, Value::Number(n))) => Ok(Some(n.to_string())),
            Some((a, Value::Bool(_))) => Err(Problem::new(
                a.value_column,
                msg!("render-embed-takes-text", name = name),
                msg!("render-embed-takes-text-help", name = name),
            )),
        }
    }

    fn whole_number(&self, name: &str) -> Result<Option<usize>, Problem> {
        match self.arg(name) {
            None => Ok(None),
            Some(Arg {
                value: Value::Number(n),
                ..
            }) if *n >= 1.0 && n.fract() == 0.0 => Ok(Some(*n as usize)),
            Some(Arg {
                value: Value::Text(t),
                ..
            }) if t.trim().parse::<usize>().is_ok_and(|n| n > 0) => Ok(t.trim().parse().ok()),
            Some(a) => Err(Problem::new(
                a.value_column,
                msg!("render-embed-takes-number", name = name),
                msg!("render-embed-takes-number-help", name = name),
            )),
        }
    }

    fn flag(&self, name: &str) -> Result<bool, Problem> {
        match self.arg(name) {
            None => Ok(false),
            Some(Arg {
                value: Value::Bool(b),
                ..
            }) => Ok(*b),
            Some(a) => Err(Problem::new(
                a.value_column,
                msg!("render-embed-takes-flag", name = name),
                msg!("render-embed-takes-flag-help", name = name),
            )),
        }
    }

    fn value_column(&self, name: &str) -> usize {
        self.arg(name).map_or(self.call.column, |a| a.value_column)
    }

    /// Whether `datos=` names a dataset whose descriptor is in the site but did not load.
    fn waits_on_unloaded_dataset(&self) -> bool {
        self.text("datos")
            .ok()
            .flatten()
            .is_some_and(|id| self.embeds.site.dataset_unloaded(id.trim_matches('/')))
    }

    /// The dataset of `datos=`.
    fn dataset(&self) -> Result<&'a Dataset, Problem> {
        let id = self.text("datos")?.unwrap_or_default();
        let id = id.trim_matches('/');
        let site = self.embeds.site;
        site.dataset(id).ok_or_else(|| {
            let known: Vec<&str> = site.datasets.iter().map(|d| d.id.as_str()).collect();
            Problem::new(
                self.value_column("datos"),
                msg!("render-link-no-id", kind = "dataset", id = id),
                msg!(
                    "render-embed-no-dataset-help",
                    suggestion = suggestion(id, &known, "dataset")
                ),
            )
        })
    }

    /// The dataset and resource of `datos=` and `recurso=` (a file name, or the resource's title).
    fn source(&self) -> Result<Source<'a>, Problem> {
        let dataset = self.dataset()?;
        let wanted = self.text("recurso")?.unwrap_or_default();
        let names = |r: &'a Resource| -> Vec<&'a str> {
            let mut names = vec![r.slug.as_str(), r.title.as_str()];
            if let ResourceLocation::Local { file_name, .. } = &r.location {
                names.insert(0, file_name.as_str());
            }
            names
        };
        let folded = parse::fold(&wanted);
        let resource = dataset
            .resources
            .iter()
            .find(|r| {
                names(r)
                    .iter()
                    .any(|n| *n == wanted || parse::fold(n) == folded)
            })
            .ok_or_else(|| {
                let known: Vec<&str> = dataset.resources.iter().map(|r| names(r)[0]).collect();
                Problem::new(
                    self.value_column("recurso"),
                    msg!(
                        "render-embed-no-resource",
                        dataset = &dataset.id,
                        name = &wanted
                    ),
                    suggestion(&wanted, &known, "resource"),
                )
            })?;
        let local = match &resource.location {
            ResourceLocation::Local {
                path, file_name, ..
            } => self
                .embeds
                .analysis
                .facts(path)
                .map(|facts| (path.as_path(), file_name.as_str(), facts)),
            ResourceLocation::Remote { .. } => None,
        };
        Ok(Source {
            dataset,
            resource,
            local,
        })
    }

    /// The table of a resource (`hoja=` chooses a spreadsheet's sheet).
    fn table<'s>(&self, source: &'s Source<'s>) -> Result<TableRef<'s>, Problem> {
        let not_tabular = |why: &str| {
            Problem::new(
                self.value_column("recurso"),
                msg!(
                    "render-embed-not-tabular",
                    why = why,
                    resource = &source.resource.title
                ),
                msg!("render-embed-not-tabular-help"),
            )
        };
        let Some((_, _, facts)) = source.local else {
            return Err(not_tabular("remote"));
        };
        let tables = match &facts.content {
            FileContent::Csv { .. } | FileContent::Workbook { .. } => facts.tables(),
            _ => return Err(not_tabular("other")),
        };
        let sheet = self.text("hoja")?;
        let found = match &sheet {
            None => tables.first(),
            Some(wanted) => tables.iter().find(|(name, _)| {
                name.is_some_and(|n| n == wanted || parse::fold(n) == parse::fold(wanted))
            }),
        };
        match found {
            Some((name, table)) => Ok(TableRef {
                source,
                sheet: name.map(str::to_string),
                table,
            }),
            None => {
                let known: Vec<&str> = tables.iter().filter_map(|(n, _)| *n).collect();
                Err(Problem::new(
                    self.value_column("hoja"),
                    msg!(
                        "render-embed-no-sheet",
                        resource = &source.resource.title,
                        name = sheet.as_deref().unwrap_or_default()
                    ),
                    suggestion(sheet.as_deref().unwrap_or_default(), &known, "sheet"),
                ))
            }
        }
    }

    /// The index of a column named by the argument `arg` (or written at `column`).
    fn column(&self, table: &TableRef, name: &str, column: usize) -> Result<usize, Problem> {
        let header = &table.table.header;
        let folded = parse::fold(name);
        header
            .iter()
            .position(|h| h == name)
            .or_else(|| header.iter().position(|h| parse::fold(h) == folded))
            .ok_or_else(|| {
                let known: Vec<&str> = header.iter().map(String::as_str).collect();
                Problem::new(
                    column,
                    msg!(
                        "render-embed-no-column",
                        resource = &table.source.resource.title,
                        name = name
                    ),
                    suggestion(name, &known, "column"),
                )
            })
    }

    /// `filtro="columna=valor"`.
    fn filter(&self, table: &TableRef) -> Result<Option<data::Filter>, Problem> {
        let Some(text) = self.text("filtro")? else {
            return Ok(None);
        };
        let column = self.value_column("filtro");
        let Some((name, value)) = text.split_once('=') else {
            return Err(Problem::new(
                column,
                msg!("render-embed-bad-filter", filter = &text),
                msg!("render-embed-bad-filter-help"),
            ));
        };
        Ok(Some(data::Filter {
            column: self.column(table, name.trim(), column)?,
            value: value.trim().to_string(),
        }))
    }

    /// The data rows of a table, decoded, streaming.
    fn rows(&self, table: &TableRef) -> Result<impl Iterator<Item = Cells> + use<>, Problem> {
        let Some((path, _, facts)) = table.source.local else {
            return Err(Problem {
                column: self.call.column,
                message: msg!("render-embed-no-file"),
                help: None,
            });
        };
        let rows = analyse::rows(path, facts, table.sheet.as_deref()).map_err(|error| {
            Problem::new(
                self.value_column("recurso"),
                msg!(
                    "render-embed-unreadable",
                    resource = &table.source.resource.title,
                    error = error.to_string()
                ),
                msg!("render-embed-unreadable-help"),
            )
        })?;
        Ok(rows.map_while(Result::ok).map(|row| row.cells))
    }

    /// "Fuente: <a>dataset</a>", under each figure.
    fn source_line(&self, source: &Source) -> String {
        format!(
            r#"<p class="embed-source">{}: <a href="{}">{}</a> · {}</p>"#,
            escape(&self.ui("embed_source")),
            escape(&self.urls().href(&Urls::dataset(&source.dataset.id))),
            escape(&source.dataset.title),
            escape(&source.resource.title),
        )
    }
}

/// Collects the problems of several look-ups, so one embed reports all of its mistakes.
#[derive(Default)]
pub(super) struct Problems(Vec<Problem>);

impl Problems {
    /// The value, or `None` with its problem kept.
    fn take<T>(&mut self, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.0.push(problem);
                None
            }
        }
    }

    /// `Err` with every problem kept, if any.
    fn finish(self) -> Found<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}
