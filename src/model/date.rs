//! Calendar dates as descriptors give them (TOML dates; a date-time keeps its date).

use serde::Serialize;
use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date part of a TOML date or date-time; `None` for a bare time.
    pub fn from_toml(value: &toml::value::Datetime) -> Option<Date> {
        value.date.map(|d| Date {
            year: d.year,
            month: d.month,
            day: d.day,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
