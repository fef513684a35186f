//! The pipeline, end to end: load the site → analyse its data files → render
//! the portal → write it. `build`, `check` and `serve` all run it; a
//! [`Session`] runs it again and again (`serve`), keeping what did not change.

use crate::analyse::{self, AnalysisCache};
use crate::check::{self, CheckSummary};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::history::History;
use crate::load::{self, Change, ChangeKind};
use crate::model::Date;
use crate::model::Site;
use crate::output::writer::WriteSummary;
use crate::output::{OutputFile, writer};
use crate::progress::Progress;
use crate::render::{self, RenderCache, RenderOptions};
use crate::timing::phase;
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
    /// Where the stages show how far they are (hidden unless a person watches).
    pub progress: Progress,
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
    /// What writing did (files written, reused, removed), when it wrote.
    pub wrote: Option<WriteSummary>,
    /// Pages this run rendered (the others were reused from the cache).
    pub pages_rendered: usize,
    /// Local data files of the site, and how many were read from disk (the
    /// others came from the cache).
    pub data_files: usize,
    pub data_files_read: usize,
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
    let mut session = Session::one_shot(options.clone());
    let run = session.run(&[]);
    let diagnostics = Diagnostics::default();
    run.diagnostics
        .into_iter()
        .for_each(|d| diagnostics.push(d));
    let mut wrote = None;
    if let (Some(out), Some(root)) = (&options.output, &run.site_root) {
        if let Err(problem) = writer::check_output_folder(out, root, options.force) {
            diagnostics.push(problem);
        }
        for problem in writer::check_collisions(&run.files) {
            diagnostics.push(problem);
        }
        if !diagnostics.has_errors() {
            let step = Instant::now();
            let written_out = writer::write_output(out, &run.files, &options.progress);
            phase("write", step);
            match written_out {
                Ok(summary) => wrote = Some(summary),
                Err(error) => diagnostics.push(Diagnostic::error(
                    out.display().to_string(),
                    error.message(),
                )),
            }
        }
    }
    BuildReport {
        files: run.files.len(),
        pages: run.pages,
        datasets: run.datasets,
        diagnostics: diagnostics.into_sorted(),
        elapsed: started.elapsed(),
        written: wrote.is_some(),
        wrote,
        pages_rendered: run.pages_rendered,
        data_files: run.data_files,
        data_files_read: run.data_files_read,
        check: None,
    }
}

/// The pipeline kept warm between runs: data files already analysed and
/// pages already rendered are reused when their inputs did not change
/// (across processes too: both are also kept in the cache folder).
pub struct Session {
    options: BuildOptions,
    analysis: AnalysisCache,
    render: RenderCache,
    /// The last run's history of the datasets, reused while HEAD is where it was.
    history: History,
}

/// What one run of a [`Session`] produced.
pub struct Run {
    /// The files of the portal (empty when the site could not be loaded).
    pub files: Vec<OutputFile>,
    pub diagnostics: Vec<Diagnostic>,
    /// The site folder, canonical, when `portal.toml` could be read.
    pub site_root: Option<PathBuf>,
    /// The path part of the portal's base URL (`/` or `/repo/`).
    pub base_path: String,
    pub datasets: usize,
    /// HTML pages of the portal, and how many of them this run rendered (the
    /// others were unchanged and reused).
    pub pages: usize,
    pub pages_rendered: usize,
    /// Data files read from disk by this run (a file neither changed nor new
    /// is not read: its facts, personal data included, come from the cache).
    pub data_files_read: usize,
    /// Local data files of the site.
    pub data_files: usize,
    pub elapsed: Duration,
}

impl Run {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            options,
            analysis: AnalysisCache::default(),
            render: RenderCache::default(),
            history: History::default(),
        }
    }

    /// A session for one run (`build`, `check`): rendered pages are kept on
    /// disk for the next process rather than in memory for a next run.
    pub fn one_shot(options: BuildOptions) -> Session {
        let mut session = Session::new(options);
        session.render.persist = true;
        session
    }

    /// Where the next runs show their progress (`serve` shows only its first build's).
    pub fn set_progress(&mut self, progress: Progress) {
        self.options.progress = progress;
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// Keeps the analysis cache in `dir` instead of the user's cache folder.
    pub fn set_cache_dir(&mut self, dir: PathBuf) {
        self.analysis.dir = Some(dir);
    }

    /// Runs the pipeline after `changes` (none for a first run). Site text
    /// (TOML, Markdown) is read again, which is cheap; data files are read
    /// only when they changed, and pages rendered only when what they show did.
    pub fn run(&mut self, changes: &[Change]) -> Run {
        self.run_pipeline(changes, false).0
    }

    /// Runs the pipeline; also returns the loaded site, for `check`.
    /// `with_notes`: also report accepted personal data and columns only named
    /// like personal data (for `check`).
    fn run_pipeline(&mut self, changes: &[Change], with_notes: bool) -> (Run, Option<Site>) {
        let started = Instant::now();
        for change in changes {
            if change.kind == ChangeKind::DataFile {
                self.analysis.invalidate(&change.path);
            }
        }
        let diagnostics = Diagnostics::default();
        let mut site = self.load(&diagnostics);
        phase("load", started);
        if let Some(site) = &mut site {
            self.read_history(site, &diagnostics);
        }
        let mut files = Vec::new();
        let mut base_path = "/".to_string();
        let mut data_files = 0;
        if let Some(site) = &site {
            let step = Instant::now();
            let analysis = analyse::analyse_cached(
                site,
                &mut self.analysis,
                &diagnostics,
                &self.options.progress,
            );
            phase("analyse", step);
            data_files = analysis.file_count();
            // Personal data blocks `build` as it blocks `check`.
            crate::rules::personal_data::report_site(site, &analysis, &diagnostics, with_notes);
            let step = Instant::now();
            files = render::render_site_cached(
                site,
                &analysis,
                &self.history,
                &self.options.render,
                &diagnostics,
                &mut self.render,
                &self.options.progress,
            );
            phase("render", step);
            base_path = crate::output::urls::Urls::new(&site.portal.base_url)
                .base_path()
                .to_string();
        } else {
            self.analysis.last_read = 0;
        }
        let pages = files
            .iter()
            .filter(|f| f.route.output_file().ends_with(".html"))
            .count();
        let run = Run {
            files,
            diagnostics: diagnostics.into_sorted(),
            site_root: site.as_ref().map(|s| s.root.clone()),
            base_path,
            datasets: site.as_ref().map_or(0, |s| s.datasets.len()),
            pages,
            pages_rendered: if site.is_some() {
                self.render.last_rendered
            } else {
                0
            },
            data_files_read: self.analysis.last_read,
            data_files,
            elapsed: started.elapsed(),
        };
        (run, site)
    }

    /// The datasets' history from git (the last one while HEAD has not
    /// moved); a dataset without `modified` gets the day its data last changed.
    fn read_history(&mut self, site: &mut Site, diagnostics: &Diagnostics) {
        let step = Instant::now();
        let dir = self
            .analysis
            .dir
            .get_or_insert_with(|| analyse::cache::location(&site.root, None))
            .clone();
        self.history = History::read(site, Some(&dir), Some(&self.history));
        self.history.default_modified(site);
        if self.history.shallow {
            diagnostics.push(
                Diagnostic::info(".git", crate::msg!("history-shallow"))
                    .help(crate::msg!("history-shallow-help")),
            );
        }
        phase("history", step);
    }

    fn load(&self, diagnostics: &Diagnostics) -> Option<Site> {
        let mut site = load::load_site(&self.options.site, diagnostics)?;
        if let Some(base_url) = &self.options.base_url {
            site.portal.base_url = normalise_base_url(base_url);
        }
        Some(site)
    }
}

/// Runs `check`: the pipeline without writing, plus every check of [`crate::check`].
/// Warnings that `[check] allow` in portal.toml names become notes.
/// External links are asked for only with `external` settings (`--external`).
pub fn check(options: &BuildOptions, today: Date, extra: &check::CheckOptions) -> BuildReport {
    let started = Instant::now();
    let mut session = Session::one_shot(options.clone());
    let (run, site) = session.run_pipeline(&[], true);
    let diagnostics = Diagnostics::default();
    run.diagnostics
        .into_iter()
        .for_each(|d| diagnostics.push(d));
    let summary = site.as_ref().map(|site| {
        check::run(site, &run.files, &session.history, today, extra, &diagnostics)
    });
    let mut sorted = diagnostics.into_sorted();
    if let Some(site) = &site {
        check::apply_allow(&mut sorted, &site.portal.check_allow);
    }
    BuildReport {
        files: run.files.len(),
        pages: run.pages,
        datasets: run.datasets,
        diagnostics: sorted,
        elapsed: started.elapsed(),
        written: false,
        wrote: None,
        pages_rendered: run.pages_rendered,
        data_files: run.data_files,
        data_files_read: run.data_files_read,
        check: summary,
    }
}

fn normalise_base_url(url: &str) -> String {
    let url = url.trim();
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}
