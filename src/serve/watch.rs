//! Watches the site folder and rebuilds on every save: file events are
//! gathered until the folder is quiet for a moment (an editor's save is
//! several events), sorted by what they are to the site (ignoring editors'
//! temporary files, hidden files and folders that are no part of the site,
//! such as an output folder), and handed to the build session.

use super::{POLL, Shared, rebuild, report};
use crate::build::Session;
use crate::load::{Change, ChangeKind, classify};
use crate::messages::Message;
use crate::msg;
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Quiet time that ends a burst of events.
const QUIET: Duration = Duration::from_millis(60);
/// A burst never delays a rebuild longer than this.
const LONGEST_WAIT: Duration = Duration::from_millis(600);

/// Starts watching; the returned thread rebuilds until the server stops.
pub(super) fn start(
    mut session: Session,
    shared: Arc<Shared>,
    verbose: bool,
) -> Result<JoinHandle<()>, Message> {
    let (sender, events) = mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            let _ = sender.send(path);
        }
    })
    .map_err(|e| msg!("serve-cannot-watch-site", error = e.to_string()))?;
    watcher
        .watch(&shared.site_root, RecursiveMode::Recursive)
        .map_err(|e| {
            msg!(
                "serve-cannot-watch",
                folder = shared.site_root.display().to_string(),
                error = e.to_string()
            )
        })?;
    Ok(std::thread::spawn(move || {
        // The watcher lives as long as this thread.
        let _watcher = watcher;
        while !shared.stopping() {
            let first = match events.recv_timeout(POLL) {
                Ok(path) => path,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return,
            };
            let mut paths = BTreeSet::from([first]);
            let started = Instant::now();
            while started.elapsed() < LONGEST_WAIT {
                match events.recv_timeout(QUIET) {
                    Ok(path) => {
                        paths.insert(path);
                    }
                    Err(_) => break,
                }
            }
            let changes: Vec<Change> = paths
                .iter()
                .filter_map(|p| classify(&shared.site_root, p))
                .collect();
            if changes.is_empty() || shared.stopping() {
                continue;
            }
            let run = rebuild(&mut session, &changes);
            // The site's language is read once per rebuild (an edit may change it).
            let language = shared.language();
            report(&run, &changes, verbose, language);
            let css_only = changes.iter().all(|c| {
                c.kind == ChangeKind::Static && c.name.to_ascii_lowercase().ends_with(".css")
            });
            shared.publish(run, css_only, language);
        }
    }))
}
