//! Locks that outlive a panicked holder. A worker thread that panicked while
//! holding a lock leaves it "poisoned"; abierto's shared state (the run's
//! diagnostics, files found while rendering, the served portal) is still
//! whole, so every lock is taken as it is and the run goes on to report the
//! problem. The one place that says so: `.lock().unpoisoned()`.

use std::sync::{LockResult, PoisonError};

/// The value of a lock's result, whether or not its last holder panicked.
pub trait Unpoisoned<T> {
    fn unpoisoned(self) -> T;
}

impl<T> Unpoisoned<T> for LockResult<T> {
    fn unpoisoned(self) -> T {
        self.unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::Unpoisoned;
    use std::sync::Mutex;

    #[test]
    fn a_lock_whose_holder_panicked_is_still_taken() {
        let shared = Mutex::new(vec![1]);
        let _ = std::thread::scope(|s| {
            s.spawn(|| {
                let _guard = shared.lock().unwrap();
                panic!("a worker fails while holding the lock");
            })
            .join()
        });
        assert!(shared.is_poisoned());
        shared.lock().unpoisoned().push(2);
        assert_eq!(shared.into_inner().unpoisoned(), vec![1, 2]);
    }
}
