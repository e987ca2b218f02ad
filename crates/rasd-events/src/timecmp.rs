//! Where a TimeML value lies relative to the dateline (for the auxiliary mode).
use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate, Weekday};

/// The first and last day a TimeML date value covers (`2025`, `2025-10`,
/// `2025-W49`, `2025-11-26`, `2025-11-26T16:30`); `None` for other values.
pub fn interval(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let v = value.split('T').next()?;
    let parts: Vec<&str> = v.split('-').collect();
    let year: i32 = parts
        .first()?
        .parse()
        .ok()
        .filter(|y| (1..=9999).contains(y))?;
    match parts.as_slice() {
        [_] => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        )),
        [_, w] if w.starts_with('W') => {
            let week: u32 = w[1..].parse().ok()?;
            Some((
                NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?,
                NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?,
            ))
        }
        [_, m] => {
            let month: u32 = m.parse().ok()?;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        [_, m, d] => {
            let day = NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)?;
            Some((day, day))
        }
        _ => None,
    }
}

/// `Greater` when the value lies wholly after `date`, `Less` wholly before,
/// `Equal` when it contains it; `None` when the value is not a date.
pub fn relation(value: &str, date: NaiveDate) -> Option<Ordering> {
    match value {
        "FUTURE_REF" => return Some(Ordering::Greater),
        "PAST_REF" => return Some(Ordering::Less),
        "PRESENT_REF" => return Some(Ordering::Equal),
        _ => {}
    }
    let (a, b) = interval(value)?;
    Some(if a > date {
        Ordering::Greater
    } else if b < date {
        Ordering::Less
    } else {
        Ordering::Equal
    })
}

/// Whole calendar years between the end of the value and `date` (0 when not a date).
pub fn years_before(value: &str, date: NaiveDate) -> i32 {
    interval(value).map_or(0, |(_, b)| date.year() - b.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations() {
        let d = NaiveDate::from_ymd_opt(2025, 11, 26).unwrap();
        assert_eq!(relation("2025-W49", d), Some(Ordering::Greater));
        assert_eq!(relation("2025-W48", d), Some(Ordering::Equal));
        assert_eq!(relation("2025-10-14", d), Some(Ordering::Less));
        assert_eq!(relation("2025-11", d), Some(Ordering::Equal));
        assert_eq!(relation("P3D", d), None);
        assert_eq!(relation("2025-13", d), None);
        assert_eq!(years_before("2005", d), 20);
        assert_eq!(relation("", d), None);
    }
}
