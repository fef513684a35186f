//! Today's date, in the computer's own time zone: an official in Mexico City
//! writing a story at 7 p.m. dates it today, not tomorrow as UTC would.

use crate::model::Date;
use std::time::{SystemTime, UNIX_EPOCH};

/// Today's date from the system clock; `None` when the clock is before 1970 or
/// beyond the year 9999 (a broken clock), which callers report.
pub fn today() -> Option<Date> {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    let timestamp = jiff::Timestamp::from_second(i64::try_from(seconds).ok()?).ok()?;
    // `TimeZone::system()` falls back to UTC when the zone cannot be found.
    let date = timestamp
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date();
    Some(Date {
        year: u16::try_from(date.year()).ok()?,
        month: u8::try_from(date.month()).ok()?,
        day: u8::try_from(date.day()).ok()?,
    })
}
