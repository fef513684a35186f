//! Ctrl-C during `build` and `check`: the run stops at once and says so.
//! Nothing is lost by stopping: the writer fills a staging folder beside the
//! output and swaps it in whole, so until the swap the previous portal is as it
//! was (the next build clears the staging folder). A Ctrl-C during the swap
//! waits for it to end. A leaf: the writer and the command line call it.

use std::sync::atomic::{AtomicBool, Ordering};

static SWAPPING: AtomicBool = AtomicBool::new(false);

/// The exit status of a run stopped by Ctrl-C (128 + SIGINT, as shells expect).
pub const INTERRUPTED: i32 = 130;

/// From now on, Ctrl-C prints `said` and ends the process, unless a portal
/// is being swapped in (then the run ends as it would have).
pub fn stop_on_ctrl_c(said: String) {
    // Only `serve` sets another handler, and it never calls this.
    let _ = ctrlc::set_handler(move || {
        if !SWAPPING.load(Ordering::SeqCst) {
            eprintln!("\n{said}");
            std::process::exit(INTERRUPTED);
        }
    });
}

/// Runs `swap` (putting a new portal in place of the old) where Ctrl-C cannot stop it halfway.
pub fn while_swapping<T>(swap: impl FnOnce() -> T) -> T {
    SWAPPING.store(true, Ordering::SeqCst);
    let done = swap();
    SWAPPING.store(false, Ordering::SeqCst);
    done
}
