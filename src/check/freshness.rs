//! Freshness: from a dataset's `modified` date and `frequency`, whether it is
//! up to date, due soon or overdue today; a planned dataset past its
//! `expected` date is a broken promise. `check` reports it and the portal shows it.

use crate::diagnostics::{Code, Diagnostic};
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

/// Today's date: `ABIERTO_TODAY` (YYYY-MM-DD) when set, for reproducible builds and tests, else the system clock (UTC).
pub fn today() -> Date {
    if let Ok(text) = std::env::var("ABIERTO_TODAY")
        && let Some(date) = parse_date(&text)
    {
        return date;
    }
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    from_days((seconds / 86_400) as i64)
}

pub fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
}

/// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
pub fn to_days(date: Date) -> i64 {
    let (y, m, d) = (date.year as i64, date.month as i64, date.day as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date { year, month, day }
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
    let now = to_days(today);
    if dataset.status == Status::Planned {
        return match dataset.expected {
            Some(expected) if to_days(expected) < now => Freshness {
                state: State::PromiseOverdue,
                due: Some(expected),
                days_late: Some(now - to_days(expected)),
            },
            expected => Freshness {
                state: State::Planned,
                due: expected,
                days_late: expected.map(|e| now - to_days(e)),
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
    let due = to_days(modified) + period;
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
        due: Some(from_days(due)),
        days_late: Some(late),
    }
}

/// The findings of `check` about one dataset's freshness.
pub fn diagnostics(dataset: &Dataset, freshness: &Freshness) -> Option<Diagnostic> {
    let due = freshness.due?;
    let days = freshness.days_late.unwrap_or(0);
    match freshness.state {
        State::Overdue => Some(
            Diagnostic::warning(
                &dataset.source_file,
                format!(
                    "`{}` is overdue: its {} update was due on {due} ({days} days ago; last modified {})",
                    dataset.title,
                    dataset.frequency.map_or("", Frequency::key),
                    dataset.modified.map(|d| d.to_string()).unwrap_or_default()
                ),
            )
            .code(Code::Overdue)
            .help("publish the new data and update `modified`, or change `frequency` to the real rhythm"),
        ),
        State::PromiseOverdue => Some(
            Diagnostic::warning(
                &dataset.source_file,
                format!(
                    "planned dataset `{}` was promised for {due} ({days} days ago) and is not published",
                    dataset.title
                ),
            )
            .code(Code::PromiseOverdue)
            .help("publish it (`status = \"published\"` with its resources) or set a new `expected` date"),
        ),
        State::DueSoon => Some(
            Diagnostic::info(
                &dataset.source_file,
                format!("`{}` is due for its update on {due}", dataset.title),
            )
            .code(Code::DueSoon),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        parse_date(text).unwrap()
    }

    #[test]
    fn days_round_trip() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "2026-03-01"] {
            assert_eq!(from_days(to_days(date(text))), date(text));
        }
        assert_eq!(to_days(date("1970-01-02")), 1);
        assert_eq!(to_days(date("2024-03-01")) - to_days(date("2024-02-28")), 2);
    }
}
