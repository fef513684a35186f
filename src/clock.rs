//! The one clock: what day it is for every command. A build dates its
//! freshness states, its catalog's "recent" facet and its reports with it;
//! `abierto new` dates stories and descriptors with it.
//!
//! The day is the civil day in the computer's own time zone (`TZ`, else the
//! system's; UTC when neither is known, as on CI runners): an official in
//! Mexico City working at 7 p.m. is still in today, not in UTC's tomorrow.
//! Set `TZ=UTC` (or `ABIERTO_TODAY`) for a day that does not depend on the
//! machine.

use crate::model::Date;
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// Today: `ABIERTO_TODAY` (YYYY-MM-DD) when set, for tests and for building
/// as of a given day; else `SOURCE_DATE_EPOCH` (seconds since 1970, for
/// reproducible builds) when set; else the system clock. A variable that does
/// not parse is passed over. `None` when the clock is before 1970 or the day
/// is past the year 9999 (a broken clock).
pub fn today() -> Option<Date> {
    if let Some(date) = std::env::var("ABIERTO_TODAY")
        .ok()
        .as_deref()
        .and_then(Date::parse)
    {
        return Some(date);
    }
    let now = match source_date_epoch() {
        Some(timestamp) => timestamp,
        None => system_clock()?,
    };
    civil_day(now)
}

/// [`today`] for builds and checks, which never refuse: 1970-01-01 on a broken clock.
pub fn today_or_epoch() -> Date {
    today().unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

fn source_date_epoch() -> Option<Timestamp> {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Timestamp::from_second(seconds).ok()
}

fn system_clock() -> Option<Timestamp> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Timestamp::from_second(i64::try_from(seconds).ok()?).ok()
}

/// The day an instant falls on in the computer's time zone.
fn civil_day(instant: Timestamp) -> Option<Date> {
    // `TimeZone::system()` falls back to UTC when the zone cannot be found.
    let date = instant.to_zoned_datetime(TimeZone::system()).date();
    Some(Date {
        year: u16::try_from(date.year()).ok()?,
        month: u8::try_from(date.month()).ok()?,
        day: u8::try_from(date.day()).ok()?,
    })
}
