//! Dates and periods as other catalogs write them, read into [`Date`]s: the
//! YAML timestamps Jekyll front matter holds (`2014-10-10`, `2014-10-10
//! 12:00:00 -05:00`, `2014-10-10T12:00:00.123Z`), what Ruby's `Date.parse`
//! (Jekyll's) reads (`2014/10/10`, `10/10/2014` day first, `March 5, 2014`,
//! `5 de marzo de 2014`), and periods (`2014-01-01/2014-06-30`, `2009 - 2012`,
//! `2015-Present`, `March 2024`, a lone year). A date-time keeps the day as
//! written, whatever its time zone.

use crate::model::Date;

/// The day a text names, or `None`.
pub fn date(value: &str) -> Option<Date> {
    let text = value.trim();
    iso(text)
        .or_else(|| slashed(text))
        .or_else(|| spelled(text).filter(|(_, exact)| *exact).map(|(d, _)| d))
}

/// A period: its first and last day, either open (`None`).
pub fn period(value: &str) -> Option<(Option<Date>, Option<Date>)> {
    let text = value.trim();
    if let Some(range) = whole(text) {
        return Some(range);
    }
    if let Some((start, end)) = text.split_once('/')
        && let (Some(start), Some(end)) = (bound(start, true), bound(end, false))
    {
        return Some((start, end));
    }
    for separator in [
        " - ", " – ", " — ", "-", "–", " a ", " al ", " to ", " hasta ",
    ] {
        let Some((start, end)) = text.split_once(separator) else {
            continue;
        };
        if let (Some(start), Some(end)) = (bound(start, true), bound(end, false))
            && (start.is_some() || end.is_some())
        {
            return Some((start, end));
        }
    }
    date(text).map(|day| (Some(day), None))
}

/// One end of a period: a day, the first or last day of a month or year
/// (`first`), or open (`Some(None)`: "present", "actual", empty).
fn bound(text: &str, first: bool) -> Option<Option<Date>> {
    let text = text.trim();
    let lower = deunicode::deunicode(text).to_lowercase();
    if matches!(
        lower.as_str(),
        "" | ".." | "present" | "current" | "now" | "presente" | "actual" | "la fecha" | "hoy"
    ) {
        return Some(None);
    }
    if let Some(day) = date(text) {
        return Some(Some(day));
    }
    let (start, end) = whole(text)?;
    Some(if first { start } else { end })
}

/// The whole of a year (`2014`, `FY2016`) or a month (`2024-03`, `March 2024`).
fn whole(text: &str) -> Option<(Option<Date>, Option<Date>)> {
    let year_text = text
        .strip_prefix("FY")
        .or_else(|| text.strip_prefix("fy"))
        .unwrap_or(text)
        .trim();
    if let Some(year) = year(year_text) {
        return Some((
            Some(Date {
                year,
                month: 1,
                day: 1,
            }),
            Some(Date {
                year,
                month: 12,
                day: 31,
            }),
        ));
    }
    let (year, month) = year_month(text)?;
    Some((
        Some(Date {
            year,
            month,
            day: 1,
        }),
        Some(Date {
            year,
            month,
            day: days_in_month(year, month),
        }),
    ))
}

fn year_month(text: &str) -> Option<(u16, u8)> {
    if let Some((year_text, month_text)) = text.split_once('-')
        && let (Some(year), Ok(month)) = (year(year_text), month_text.parse::<u8>())
        && (1..=12).contains(&month)
        && month_text.len() <= 2
    {
        return Some((year, month));
    }
    match spelled(text) {
        Some((day, false)) => Some((day.year, day.month)),
        _ => None,
    }
}

fn year(text: &str) -> Option<u16> {
    let text = text.trim();
    let year = (text.len() == 4).then(|| text.parse::<u16>().ok())??;
    (1000..=9999).contains(&year).then_some(year)
}

/// `YYYY-MM-DD`, alone or followed by a time (`T` or a space: YAML's timestamps).
fn iso(text: &str) -> Option<Date> {
    let end = text.find(['T', 't', ' ']).unwrap_or(text.len());
    let (day, rest) = text.split_at(end);
    if !rest.is_empty()
        && !rest[1..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let mut parts = day.split('-');
    let date = valid(
        year(parts.next()?)?,
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
    )?;
    parts.next().is_none().then_some(date)
}

/// `YYYY/MM/DD`, or `DD/MM/YYYY` as Ruby reads it (day first, unless the
/// second number cannot be a month); `-` and `.` may stand for `/`.
fn slashed(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<u16> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())?
    };
    let (a, b, c) = (number(a)?, number(b)?, number(c)?);
    if a >= 1000 {
        return valid(a, u8::try_from(b).ok()?, u8::try_from(c).ok()?);
    }
    let year = Some(c).filter(|y| *y >= 1000)?;
    let (a, b) = (u8::try_from(a).ok()?, u8::try_from(b).ok()?);
    if b > 12 {
        valid(year, a, b)
    } else {
        valid(year, b, a)
    }
}

/// A date with its month spelled out, in Spanish or English: `March 5, 2014`,
/// `5 March 2014`, `5 de marzo de 2014`, `marzo 2014`. The flag says whether
/// a day was given (else the first of the month).
fn spelled(text: &str) -> Option<(Date, bool)> {
    let lower = deunicode::deunicode(text).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty() && !matches!(*w, "de" | "del" | "of" | "the"))
        .collect();
    let month_at = words.iter().position(|w| month(w).is_some())?;
    let month = month(words[month_at])?;
    let numbers: Vec<u16> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != month_at)
        .map(|(_, w)| {
            w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<u16>()
                .ok()
        })
        .collect::<Option<Vec<u16>>>()?;
    match numbers.as_slice() {
        [year] if *year >= 1000 => Some((valid(*year, month, 1)?, false)),
        [day, year] | [year, day] if *year >= 1000 && *day <= 31 => {
            Some((valid(*year, month, u8::try_from(*day).ok()?)?, true))
        }
        _ => None,
    }
}

fn month(word: &str) -> Option<u8> {
    const MONTHS: [(&[&str], u8); 12] = [
        (&["january", "jan", "enero", "ene"], 1),
        (&["february", "feb", "febrero"], 2),
        (&["march", "mar", "marzo"], 3),
        (&["april", "apr", "abril", "abr"], 4),
        (&["may", "mayo"], 5),
        (&["june", "jun", "junio"], 6),
        (&["july", "jul", "julio"], 7),
        (&["august", "aug", "agosto", "ago"], 8),
        (&["september", "sep", "sept", "septiembre", "setiembre"], 9),
        (&["october", "oct", "octubre"], 10),
        (&["november", "nov", "noviembre"], 11),
        (&["december", "dec", "diciembre", "dic"], 12),
    ];
    MONTHS
        .iter()
        .find(|(names, _)| names.contains(&word))
        .map(|(_, number)| *number)
}

/// The date, when the day exists (February 29 only in leap years).
fn valid(year: u16, month: u8, day: u8) -> Option<Date> {
    ((1000..=9999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day))
    .then_some(Date { year, month, day })
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: u16, month: u8, day: u8) -> Option<Date> {
        Some(Date { year, month, day })
    }

    #[test]
    fn every_way_jekyll_writes_a_day() {
        for text in [
            "2016-02-29",
            " 2016-02-29 ",
            "2016-02-29T10:00:00.123456",
            "2016-02-29 23:30:00 -05:00",
            "2016-02-29t10:00:00Z",
            "2016/02/29",
            "29/02/2016",
            "29-02-2016",
            "02/29/2016",
            "February 29, 2016",
            "29 Feb 2016",
            "29 de febrero de 2016",
        ] {
            assert_eq!(date(text), day(2016, 2, 29), "{text}");
        }
        // Ruby reads an ambiguous day first, as Mexico writes it.
        assert_eq!(date("06/02/2005"), day(2005, 2, 6));
        for text in [
            "2015-02-29",
            "hoy",
            "2016",
            "March 2024",
            "2016-02-29 foo",
            "1/2/3",
        ] {
            assert_eq!(date(text), None, "{text}");
        }
    }

    #[test]
    fn periods_as_catalogs_write_them() {
        assert_eq!(period("2014"), Some((day(2014, 1, 1), day(2014, 12, 31))));
        assert_eq!(period("FY2016"), Some((day(2016, 1, 1), day(2016, 12, 31))));
        assert_eq!(
            period("2014-01-01/2014-06-30"),
            Some((day(2014, 1, 1), day(2014, 6, 30)))
        );
        assert_eq!(
            period("2009 - 2012"),
            Some((day(2009, 1, 1), day(2012, 12, 31)))
        );
        assert_eq!(period("2015-Present"), Some((day(2015, 1, 1), None)));
        assert_eq!(period("2011 - present"), Some((day(2011, 1, 1), None)));
        assert_eq!(
            period("March 2024"),
            Some((day(2024, 3, 1), day(2024, 3, 31)))
        );
        assert_eq!(period("2024-02"), Some((day(2024, 2, 1), day(2024, 2, 29))));
        assert_eq!(
            period("enero 2020 a junio 2021"),
            Some((day(2020, 1, 1), day(2021, 6, 30)))
        );
        assert_eq!(period("2016-03-05"), Some((day(2016, 3, 5), None)));
        assert_eq!(period("Current"), None);
        assert_eq!(period("Real-time updates"), None);
    }
}
