//! The pipeline, end to end: load the site → analyse its data files → render
//! the portal → write it. `build`, `check` and `serve` all run it; a
//! [`Session`] runs it again and again (`serve`), keeping what did not change.
//! One run makes the network's portal, a participant's own (`--participant`),
//! or both kinds (`--all-portals`): the site is loaded and its data analysed
//! once, then each portal is rendered from that one analysis.

use crate::analyse::{self, AnalysisCache};
use crate::check::{self, CheckSummary};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::history::History;
use crate::load::{self, Change, ChangeKind};
use crate::model::Date;
use crate::model::Site;
use crate::msg;
use crate::output::writer::WriteSummary;
use crate::output::{OutputFile, writer};
use crate::progress::Progress;
use crate::render::{self, RenderCache, RenderOptions, Scope};
use crate::timing::phase;
use std::collections::BTreeMap;
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
    /// Which portals to make.
    pub portals: Portals,
}

impl BuildOptions {
    /// What `serve` asks of its builds: no output, pages left readable
    /// (unminified), drafts shown, the network's portal, no progress shown.
    pub fn preview(site: PathBuf) -> BuildOptions {
        BuildOptions {
            site,
            output: None,
            base_url: None,
            render: RenderOptions {
                minify: false,
                include_drafts: true,
            },
            force: false,
            progress: Progress::hidden(),
            portals: Portals::Network,
        }
    }
}

/// Which portals a run makes from the site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Portals {
    /// The network's portal.
    #[default]
    Network,
    /// One participant's own portal (`--participant ID`); `base_url` replaces its address.
    Participant(String),
    /// The network's portal and each participant portal declared with
    /// `[portal]` (`--all-portals`), each in its folder (see
    /// [`writer::participant_folder`]); `base_url` replaces the network's address.
    All,
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
    /// The participant portals `--all-portals` wrote, each with its folder.
    pub others: Vec<(String, PathBuf)>,
}

impl BuildReport {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_warning()).count()
    }
}

/// Runs the pipeline. The output folders are replaced only when the site has no error.
pub fn build(options: &BuildOptions) -> BuildReport {
    let started = Instant::now();
    let mut session = Session::one_shot(options.clone());
    let run = session.run(&[]);
    let diagnostics = Diagnostics::default();
    run.diagnostics
        .iter()
        .for_each(|d| diagnostics.push(d.clone()));
    let mut wrote = None;
    let mut others = Vec::new();
    if let (Some(out), Some(root)) = (&options.output, &run.site_root) {
        let targets = targets(out, &run, &diagnostics);
        for (_, folder, files) in &targets {
            if let Err(problem) = writer::check_output_folder(folder, root, options.force) {
                diagnostics.push(problem);
            }
            writer::check_collisions(files)
                .into_iter()
                .for_each(|problem| diagnostics.push(problem));
        }
        if !diagnostics.has_errors() {
            for (participant, folder, files) in targets {
                let Some(summary) = write(&folder, files, participant, options, &diagnostics)
                else {
                    break;
                };
                wrote = Some(add(wrote, summary));
                others.extend(participant.map(|id| (id.to_string(), folder)));
            }
        }
    }
    let portals = std::iter::once((run.pages, run.pages_rendered, run.files.len())).chain(
        run.others
            .iter()
            .map(|o| (o.pages, o.pages_rendered, o.files.len())),
    );
    let (pages, pages_rendered, files) =
        portals.fold((0, 0, 0), |(a, b, c), (x, y, z)| (a + x, b + y, c + z));
    BuildReport {
        files,
        pages,
        datasets: run.datasets,
        diagnostics: diagnostics.into_sorted(),
        elapsed: started.elapsed(),
        written: wrote.is_some(),
        wrote,
        pages_rendered,
        data_files: run.data_files,
        data_files_read: run.data_files_read,
        check: None,
        others,
    }
}

/// Each portal of a run with the folder it is written to: the first in the
/// output folder, each other participant portal beside it.
fn targets<'r>(
    out: &std::path::Path,
    run: &'r Run,
    diagnostics: &Diagnostics,
) -> Vec<(Option<&'r str>, PathBuf, &'r [OutputFile])> {
    let mut targets = vec![(None, out.to_path_buf(), run.files.as_slice())];
    for other in &run.others {
        match writer::participant_folder(out, &other.participant) {
            Some(folder) => targets.push((Some(other.participant.as_str()), folder, &other.files)),
            None => diagnostics.push(Diagnostic::error(
                out.display().to_string(),
                msg!("output-is-root"),
            )),
        }
    }
    targets
}

/// Writes one portal (a `participant`'s own, or the first) into `folder`;
/// `None` after a failure, reported.
fn write(
    folder: &std::path::Path,
    files: &[OutputFile],
    participant: Option<&str>,
    options: &BuildOptions,
    diagnostics: &Diagnostics,
) -> Option<WriteSummary> {
    let step = Instant::now();
    let written = writer::write_output(folder, files, !options.force, &options.progress);
    match participant {
        Some(id) => phase(&format!("write {id}"), step),
        None => phase("write", step),
    }
    written
        .map_err(|error| {
            diagnostics.push(Diagnostic::error(
                folder.display().to_string(),
                error.message(),
            ))
        })
        .ok()
}

/// Two portals' writing, added up.
fn add(total: Option<WriteSummary>, more: WriteSummary) -> WriteSummary {
    let total = total.unwrap_or_default();
    WriteSummary {
        written: total.written + more.written,
        reused: total.reused + more.reused,
        removed: total.removed + more.removed,
    }
}

/// The pipeline kept warm between runs: data files already analysed and
/// pages already rendered are reused when their inputs did not change
/// (across processes too: both are also kept in the cache folder).
pub struct Session {
    options: BuildOptions,
    analysis: AnalysisCache,
    /// The rendering kept for each portal made, by participant (`None`: the network's).
    renders: BTreeMap<Option<String>, RenderCache>,
    /// Keep rendered pages on disk for the next process (one-shot runs).
    persist: bool,
    /// The last run's history of the datasets, reused while HEAD is where it was.
    history: History,
}

/// What one run of a [`Session`] produced: the portal asked for (the
/// network's, or the participant's), and with `--all-portals` the others.
pub struct Run {
    /// The files of the portal (empty when the site could not be loaded).
    pub files: Vec<OutputFile>,
    pub diagnostics: Vec<Diagnostic>,
    /// The site folder, canonical, when `portal.toml` could be read.
    pub site_root: Option<PathBuf>,
    /// The path part of the portal's base URL (`/` or `/repo/`).
    pub base_path: String,
    /// The datasets the portal shows.
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
    /// With `--all-portals`: each participant portal declared, made from the same analysis.
    pub others: Vec<PortalRun>,
}

/// One participant portal of an `--all-portals` run.
pub struct PortalRun {
    pub participant: String,
    pub files: Vec<OutputFile>,
    pub pages: usize,
    pub pages_rendered: usize,
}

/// One portal as rendered: its files and what rendering them did.
struct Rendered {
    files: Vec<OutputFile>,
    base_path: String,
    datasets: usize,
    pages: usize,
    pages_rendered: usize,
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
            renders: BTreeMap::new(),
            persist: false,
            history: History::default(),
        }
    }

    /// A session for one run (`build`, `check`): rendered pages are kept on
    /// disk for the next process rather than in memory for a next run.
    pub fn one_shot(options: BuildOptions) -> Session {
        let mut session = Session::new(options);
        session.persist = true;
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
        let mut portals = Vec::new();
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
            for scope in self.scopes(site, &diagnostics) {
                portals.push(self.render(&scope, &analysis, &diagnostics));
            }
        } else {
            self.analysis.last_read = 0;
        }
        let mut portals = portals.into_iter();
        let main = portals.next();
        let others = portals
            .map(|(participant, rendered)| PortalRun {
                participant: participant.unwrap_or_default(),
                files: rendered.files,
                pages: rendered.pages,
                pages_rendered: rendered.pages_rendered,
            })
            .collect();
        let main = main.map(|(_, rendered)| rendered);
        let run = Run {
            diagnostics: diagnostics.into_sorted(),
            site_root: site.as_ref().map(|s| s.root.clone()),
            base_path: main.as_ref().map_or("/".into(), |m| m.base_path.clone()),
            datasets: main.as_ref().map_or(0, |m| m.datasets),
            pages: main.as_ref().map_or(0, |m| m.pages),
            pages_rendered: main.as_ref().map_or(0, |m| m.pages_rendered),
            files: main.map(|m| m.files).unwrap_or_default(),
            data_files_read: self.analysis.last_read,
            data_files,
            elapsed: started.elapsed(),
            others,
        };
        (run, site)
    }

    /// The portals this session makes from `site`: an unknown participant is reported.
    fn scopes<'s>(&self, site: &'s Site, diagnostics: &Diagnostics) -> Vec<Scope<'s>> {
        if self.options.portals == Portals::All {
            let declared = site.participants.iter().filter(|p| p.portal.is_some());
            let participants = declared.filter_map(|p| Scope::participant(site, &p.id, None).ok());
            return std::iter::once(Scope::network(site))
                .chain(participants)
                .collect();
        }
        match self.scope(site) {
            Ok(scope) => vec![scope],
            Err(problem) => {
                problem.into_iter().for_each(|d| diagnostics.push(d));
                Vec::new()
            }
        }
    }

    /// The portal asked for: the network's, or the participant's.
    fn scope<'s>(&self, site: &'s Site) -> Result<Scope<'s>, Option<Diagnostic>> {
        match &self.options.portals {
            Portals::Participant(id) => {
                let base_url = self.options.base_url.as_deref().map(normalise_base_url);
                Scope::participant(site, id, base_url.as_deref())
            }
            Portals::Network | Portals::All => Ok(Scope::network(site)),
        }
    }

    /// Renders one portal with the cache kept for it.
    fn render(
        &mut self,
        scope: &Scope,
        analysis: &analyse::Analysis,
        diagnostics: &Diagnostics,
    ) -> (Option<String>, Rendered) {
        let participant = scope.participant_id().map(str::to_string);
        let persist = self.persist;
        let cache = (self.renders.entry(participant.clone()))
            .or_insert_with(|| RenderCache::for_portal(participant.clone(), persist));
        let step = Instant::now();
        let files = render::render_site_cached(
            scope,
            analysis,
            &self.history,
            &self.options.render,
            diagnostics,
            cache,
            &self.options.progress,
        );
        match &participant {
            Some(id) if self.options.portals == Portals::All => {
                phase(&format!("render {id}"), step)
            }
            _ => phase("render", step),
        }
        let pages = files
            .iter()
            .filter(|f| f.route.output_file().ends_with(".html"))
            .count();
        let rendered = Rendered {
            base_path: scope.urls.base_path().to_string(),
            datasets: scope.here().datasets.len(),
            pages,
            pages_rendered: cache.last_rendered,
            files,
        };
        (participant, rendered)
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
        let network = !matches!(self.options.portals, Portals::Participant(_));
        if let (Some(base_url), true) = (&self.options.base_url, network) {
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
    let scope = site.as_ref().and_then(|site| session.scope(site).ok());
    let summary = scope.as_ref().map(|scope| {
        check::run(
            scope.here(),
            &run.files,
            &session.history,
            today,
            extra,
            &diagnostics,
        )
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
        others: Vec::new(),
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
