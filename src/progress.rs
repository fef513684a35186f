//! Live progress of long work, on a terminal: each stage of a run (data files
//! analysed, pages rendered, files written) is a bar on stderr saying how much
//! of how much is done, the bytes and rate for data files, and the time left
//! once a stage has run for a while. Drawn with indicatif, and only where a
//! person watches: not off a terminal, not with `--quiet`, not when `CI` is set
//! (a GitHub Actions log stays clean). A leaf: stages call it, it calls no stage.

use crate::messages::{Message, size_text};
use crate::model::Language;
use crate::msg;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::fmt;
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Where a run's stages draw their bars; hidden by default.
#[derive(Clone, Default)]
pub struct Progress {
    bars: Option<Arc<Bars>>,
}

struct Bars {
    multi: MultiProgress,
    language: Language,
}

impl Bars {
    /// Draws `bar` with `style`, named `label`, redrawn as time passes.
    fn add(&self, bar: ProgressBar, style: ProgressStyle, label: &Message) -> ProgressBar {
        let bar = self.multi.add(bar);
        bar.set_style(style);
        bar.set_prefix(label.text(self.language));
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    }
}

/// How long a stage runs before its bar says the time left.
const SAY_TIME_LEFT_AFTER: Duration = Duration::from_secs(2);

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.bars.is_some() {
            "Progress(drawn)"
        } else {
            "Progress(hidden)"
        })
    }
}

impl Progress {
    /// No progress drawn.
    pub fn hidden() -> Progress {
        Progress::default()
    }

    /// Progress on stderr when a person watches it: stderr is a terminal,
    /// `quiet` was not asked for and `CI` is not set.
    pub fn for_terminal(quiet: bool, language: Language) -> Progress {
        let watched = !quiet && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        if watched {
            Progress::drawn_on(ProgressDrawTarget::stderr(), language)
        } else {
            Progress::hidden()
        }
    }

    fn drawn_on(target: ProgressDrawTarget, language: Language) -> Progress {
        Progress {
            bars: Some(Arc::new(Bars {
                multi: MultiProgress::with_draw_target(target),
                language,
            })),
        }
    }

    /// A stage of items whose number is not known beforehand (pages): a count.
    pub fn counter(&self, label: Message) -> Stage {
        let items = Arc::new(AtomicU64::new(0));
        let bar = self.bars.as_ref().map(|bars| {
            let style = ProgressStyle::with_template("{prefix} {spinner} {pos}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bars.add(ProgressBar::no_length(), style, &label)
        });
        Stage {
            bar,
            items,
            by_bytes: false,
        }
    }

    /// A stage of `total` items (data files, files). With `total_bytes`,
    /// the bar runs by bytes, and shows the items, the bytes and the rate.
    pub fn stage(&self, label: Message, total: u64, total_bytes: Option<u64>) -> Stage {
        let items = Arc::new(AtomicU64::new(0));
        let bar = self.bars.as_ref().filter(|_| total > 0).map(|bars| {
            let style = style(bars.language, &items, total, total_bytes.is_some());
            bars.add(
                ProgressBar::new(total_bytes.unwrap_or(total)),
                style,
                &label,
            )
        });
        Stage {
            bar,
            items,
            by_bytes: total_bytes.is_some(),
        }
    }
}

/// The look of a stage's bar: `Analizando datos [=====>    ] 12/340 · 1,2 GB · 85,3 MB/s · quedan 14 s`.
fn style(language: Language, items: &Arc<AtomicU64>, total: u64, by_bytes: bool) -> ProgressStyle {
    let template = if by_bytes {
        "{prefix} [{bar:25}] {items} · {bytes} · {rate}{left}"
    } else {
        "{prefix} [{bar:25}] {items}{left}"
    };
    let counted = Arc::clone(items);
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
        .with_key("items", move |_: &ProgressState, w: &mut dyn fmt::Write| {
            let _ = write!(w, "{}/{total}", counted.load(Ordering::Relaxed));
        })
        .with_key(
            "bytes",
            move |state: &ProgressState, w: &mut dyn fmt::Write| {
                let _ = w.write_str(&size_text(state.pos(), language));
            },
        )
        .with_key(
            "rate",
            move |state: &ProgressState, w: &mut dyn fmt::Write| {
                let _ = write!(w, "{}/s", size_text(state.per_sec() as u64, language));
            },
        )
        .with_key(
            "left",
            move |state: &ProgressState, w: &mut dyn fmt::Write| {
                if state.elapsed() >= SAY_TIME_LEFT_AFTER && state.fraction() < 1.0 {
                    let eta = state.eta().as_secs();
                    let left = msg!("progress-left", minutes = eta / 60, seconds = eta % 60);
                    let _ = write!(w, " · {}", left.text(language));
                }
            },
        )
}

/// One stage's bar; clones share it (workers on every core advance it).
#[derive(Clone)]
pub struct Stage {
    bar: Option<ProgressBar>,
    items: Arc<AtomicU64>,
    by_bytes: bool,
}

impl Stage {
    /// One more item done, of `bytes` bytes.
    pub fn advance(&self, bytes: u64) {
        self.items.fetch_add(1, Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.inc(if self.by_bytes { bytes } else { 1 });
        }
    }

    /// How many items were done.
    pub fn done(&self) -> u64 {
        self.items.load(Ordering::Relaxed)
    }

    /// The stage is over: its bar goes, leaving the terminal to the summary.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hidden_progress_counts_without_drawing() {
        let stage = Progress::hidden().stage(msg!("progress-analyse"), 3, Some(300));
        stage.advance(100);
        stage.clone().advance(100);
        assert_eq!(stage.done(), 2);
        assert!(stage.bar.is_none());
        stage.finish();
    }

    #[test]
    fn a_drawn_stage_runs_by_bytes_and_shows_the_files() {
        let progress = Progress::drawn_on(ProgressDrawTarget::hidden(), Language::Es);
        let stage = progress.stage(msg!("progress-analyse"), 2, Some(3000));
        stage.advance(1000);
        let bar = stage.bar.as_ref().unwrap();
        assert_eq!(bar.position(), 1000);
        assert_eq!(bar.length(), Some(3000));
        assert_eq!(bar.prefix(), "Analizando datos");
        stage.advance(2000);
        assert_eq!(stage.done(), 2);
        stage.finish();
        assert!(bar.is_finished());
    }

    #[test]
    fn a_stage_with_nothing_to_do_draws_no_bar() {
        let progress = Progress::drawn_on(ProgressDrawTarget::hidden(), Language::En);
        assert!(
            progress
                .stage(msg!("progress-render"), 0, None)
                .bar
                .is_none()
        );
    }
}
