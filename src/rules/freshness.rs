//! Freshness: from a dataset's `modified` date and `frequency`, whether it is
//! up to date, due soon or overdue today; a planned dataset past its
//! `expected` date is a broken promise. The portal shows it; `check` reports it.

use crate::model::{Dataset, Date, Frequency, Status};

/// A dataset's state against its promised rhythm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    UpToDate,
    DueSoon,
    Overdue,
    /// Irregular, never updated, or without `modified`/`frequency`.
    NoSchedule,
    /// Planned, its promised date not yet passed.
    Planned,
    /// Planned, and its promised date has passed.
    PromiseOverdue,
}

impl State {
    /// Its key in the translation files (`freshness_<key>`) and its CSS class.
    pub fn key(self) -> &'static str {
        match self {
            State::UpToDate => "up-to-date",
            State::DueSoon => "due-soon",
            State::Overdue => "overdue",
            State::NoSchedule => "no-schedule",
            State::Planned => "planned",
            State::PromiseOverdue => "promise-overdue",
        }
    }
}

/// A dataset's freshness today.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Freshness {
    pub state: State,
    /// When the next update is (or was) due.
    pub due: Option<Date>,
    /// Days past `due` (positive) or left before it (negative).
    pub days_late: Option<i64>,
}

/// How many days a frequency promises between updates; `None` when it promises none.
pub fn period_days(frequency: Frequency) -> Option<i64> {
    Some(match frequency {
        Frequency::Continuous | Frequency::Hourly | Frequency::Daily => 1,
        Frequency::Weekly => 7,
        Frequency::Biweekly => 14,
        Frequency::Monthly => 31,
        Frequency::Bimonthly => 62,
        Frequency::Quarterly => 92,
        Frequency::Semiannual => 183,
        Frequency::Annual => 366,
        Frequency::Biennial => 731,
        Frequency::Irregular | Frequency::Never => return None,
    })
}

/// A dataset's freshness on `today`. "Due soon" is the last sixth of the period (at least a day).
pub fn freshness(dataset: &Dataset, today: Date) -> Freshness {
    let now = today.days_since_epoch();
    if dataset.status == Status::Planned {
        return match dataset.expected {
            Some(expected) if expected.days_since_epoch() < now => Freshness {
                state: State::PromiseOverdue,
                due: Some(expected),
                days_late: Some(now - expected.days_since_epoch()),
            },
            expected => Freshness {
                state: State::Planned,
                due: expected,
                days_late: expected.map(|e| now - e.days_since_epoch()),
            },
        };
    }
    let (Some(modified), Some(period)) =
        (dataset.modified, dataset.frequency.and_then(period_days))
    else {
        return Freshness {
            state: State::NoSchedule,
            due: None,
            days_late: None,
        };
    };
    let due = modified.days_since_epoch() + period;
    let late = now - due;
    let state = if late > 0 {
        State::Overdue
    } else if -late < (period / 6).max(1) {
        State::DueSoon
    } else {
        State::UpToDate
    };
    Freshness {
        state,
        due: Some(Date::from_days_since_epoch(due)),
        days_late: Some(late),
    }
}
