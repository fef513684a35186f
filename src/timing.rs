//! Stage timings: with `--timings` (or the `ABIERTO_TIMINGS` variable, its
//! older name), each stage of a build prints how long it took and the memory
//! the process holds after it. A leaf: every stage may call it, it calls
//! nothing of abierto's.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

static ASKED: AtomicBool = AtomicBool::new(false);

/// Turns the timings on for this process (`--timings`).
pub fn enable() {
    ASKED.store(true, Ordering::Relaxed);
}

fn enabled() -> bool {
    static FROM_ENV: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    ASKED.load(Ordering::Relaxed)
        || *FROM_ENV.get_or_init(|| std::env::var_os("ABIERTO_TIMINGS").is_some())
}

/// With timings on, prints how long a stage took and the memory the process
/// holds after it.
pub fn phase(label: &str, started: Instant) {
    if enabled() {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let memory = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .map_or(String::new(), |v| v.trim().to_string())
        };
        eprintln!(
            "timing {label:>10}: {:8.1} ms  (resident {}, peak {})",
            started.elapsed().as_secs_f64() * 1000.0,
            memory("VmRSS:"),
            memory("VmHWM:")
        );
    }
}

/// Runs `make` as the stage `label` (see [`phase`]) and hands back what it made.
pub fn timed<T>(label: &str, make: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let made = make();
    phase(label, started);
    made
}
