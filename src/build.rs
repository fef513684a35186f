//! The pipeline, end to end: load the site → analyse its data files → render
//! the portal → write it. `build`, `check` and `serve` all run it.

use crate::analyse::{self, Analysis};
use crate::check::{self, CheckSummary};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load;
use crate::model::Date;
use crate::model::Site;
use crate::output::writer::{self, OutputFile};
use crate::render::{self, RenderOptions};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What a build is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub site: PathBuf,
    /// Where to write; `None` to validate only (`check`).
    pub output: Option<PathBuf>,
    /// Replaces `base_url` from portal.toml.
    pub base_url: Option<String>,
    pub render: RenderOptions,
    /// Use an output folder even if it holds files abierto did not write.
    pub force: bool,
}

/// What a build did.
pub struct BuildReport {
    pub diagnostics: Vec<Diagnostic>,
    pub pages: usize,
    pub files: usize,
    pub datasets: usize,
    pub elapsed: Duration,
    /// Whether the output folder was replaced.
    pub written: bool,
    /// What `check` learnt (completeness, freshness); `None` for `build`.
    pub check: Option<CheckSummary>,
}

impl BuildReport {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_warning()).count()
    }
}

/// Runs the pipeline. The output folder is replaced only when the site has no error.
pub fn build(options: &BuildOptions) -> BuildReport {
    let started = Instant::now();
    let diagnostics = Diagnostics::default();
    let (site, files) = load_and_render(options, &diagnostics, false);
    let datasets = site.as_ref().map_or(0, |s| s.datasets.len());
    let pages = files
        .iter()
        .filter(|f| f.route.output_file().ends_with(".html"))
        .count();

    let mut written = false;
    if let (Some(out), Some(site)) = (&options.output, &site) {
        if let Err(problem) = writer::check_output_folder(out, &site.root, options.force) {
            diagnostics.push(problem);
        }
        for problem in writer::check_collisions(&files) {
            diagnostics.push(problem);
        }
        if !diagnostics.has_errors() {
            match writer::write_output(out, &files) {
                Ok(()) => written = true,
                Err(error) => diagnostics.push(Diagnostic::error(
                    out.display().to_string(),
                    format!("cannot write the portal here: {error}"),
                )),
            }
        }
    }
    BuildReport {
        files: files.len(),
        pages,
        datasets,
        diagnostics: diagnostics.into_sorted(),
        elapsed: started.elapsed(),
        written,
        check: None,
    }
}

/// Runs `check`: the pipeline without writing, plus every check of [`crate::check`].
/// Warnings that `[check] allow` in portal.toml names become notes.
pub fn check(options: &BuildOptions, today: Date) -> BuildReport {
    let started = Instant::now();
    let diagnostics = Diagnostics::default();
    let (site, files) = load_and_render(options, &diagnostics, true);
    let summary = site
        .as_ref()
        .map(|site| check::run(site, &files, today, &diagnostics));
    let mut sorted = diagnostics.into_sorted();
    if let Some(site) = &site {
        check::apply_allow(&mut sorted, &site.portal.check_allow);
    }
    BuildReport {
        files: files.len(),
        pages: files
            .iter()
            .filter(|f| f.route.output_file().ends_with(".html"))
            .count(),
        datasets: site.as_ref().map_or(0, |s| s.datasets.len()),
        diagnostics: sorted,
        elapsed: started.elapsed(),
        written: false,
        check: summary,
    }
}

/// `with_notes`: also report accepted personal data and suspicious column names (for `check`).
fn load_and_render(
    options: &BuildOptions,
    diagnostics: &Diagnostics,
    with_notes: bool,
) -> (Option<Site>, Vec<OutputFile>) {
    let Some(mut site) = load::load_site(&options.site, diagnostics) else {
        return (None, Vec::new());
    };
    if let Some(base_url) = &options.base_url {
        site.portal.base_url = normalise_base_url(base_url);
    }
    let analysis: Analysis = analyse::analyse(&site, diagnostics);
    // Personal data blocks `build` as it blocks `check`.
    check::personal_data::scan_site(&site, diagnostics, with_notes);
    let files = render::render_site(&site, &analysis, &options.render, diagnostics);
    (Some(site), files)
}

fn normalise_base_url(url: &str) -> String {
    let url = url.trim();
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}
