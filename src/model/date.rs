//! Calendar dates as descriptors give them (TOML dates; a date-time keeps its
//! date), and the one civil-date arithmetic of the program: days since
//! 1970-01-01 and back.

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

    /// `YYYY-MM-DD` (surrounding spaces allowed; month 1–12, day 1–31), as
    /// `ABIERTO_TODAY` gives it.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm,
    /// total: an impossible day such as February 31 counts on into March).
    pub fn days_since_epoch(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01 (before it when negative).
    pub fn from_days_since_epoch(days: i64) -> Date {
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

#[cfg(test)]
mod tests {
    use super::Date;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn days_round_trip() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "2026-03-01"] {
            assert_eq!(
                Date::from_days_since_epoch(date(text).days_since_epoch()),
                date(text)
            );
        }
        assert_eq!(date("1970-01-02").days_since_epoch(), 1);
        assert_eq!(
            date("2024-03-01").days_since_epoch() - date("2024-02-28").days_since_epoch(),
            2
        );
        assert_eq!(
            date("2025-02-28").days_since_epoch() - date("2024-02-29").days_since_epoch(),
            365
        );
    }

    #[test]
    fn dates_are_read_as_abierto_today_gives_them() {
        assert_eq!(date(" 2026-12-04\n").to_string(), "2026-12-04");
        assert_eq!(date("2026-1-5").to_string(), "2026-01-05");
        for bad in ["", "2026", "2026-13-01", "2026-00-10", "2026-01-32", "hoy"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }
}
