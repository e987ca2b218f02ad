//! Calendar arithmetic: Umm al-Qura Hijri conversion (icu_calendar), Easter,
//! US Thanksgiving, ISO weeks and month arithmetic (chrono).
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};

/// Gregorian date of Hijri `y-m-d` in the Umm al-Qura calendar.
pub fn hijri_to_gregorian(y: i32, m: u8, d: u8) -> Option<NaiveDate> {
    if !(1..=12).contains(&m) || !(1..=30).contains(&d) || !(1..=3000).contains(&y) {
        return None;
    }
    let h = Date::try_new_hijri_with_calendar(y, m, d, Hijri::new_umm_al_qura()).ok()?;
    let iso = h.to_calendar(Iso);
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        iso.month().ordinal as u32,
        iso.day_of_month().0 as u32,
    )
}

/// Umm al-Qura Hijri `(year, month, day)` of a Gregorian date.
pub fn gregorian_to_hijri(d: NaiveDate) -> Option<(i32, u8, u8)> {
    let iso = Date::try_new_iso(d.year(), d.month() as u8, d.day() as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((
        h.year().extended_year(),
        h.month().ordinal,
        h.day_of_month().0,
    ))
}

/// Number of days in Hijri month `y-m` (Umm al-Qura).
pub fn hijri_month_len(y: i32, m: u8) -> Option<u8> {
    let h = Date::try_new_hijri_with_calendar(y, m, 1, Hijri::new_umm_al_qura()).ok()?;
    Some(h.days_in_month())
}

/// Western Easter Sunday.
pub fn easter(y: i32) -> Option<NaiveDate> {
    let g = icu_calendar::cal::Gregorian::easter(y);
    let iso: Date<Iso> = g.to_calendar(Iso);
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        iso.month().ordinal as u32,
        iso.day_of_month().0 as u32,
    )
}

/// US Thanksgiving: the fourth Thursday of November.
pub fn thanksgiving(y: i32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4)
}

/// Monday of the ISO week containing `d`.
pub fn week_monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// TimeML week value (`2025-W49`) of the ISO week containing `d`.
pub fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// `(year, month)` shifted by `n` months.
pub fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let t = y * 12 + (m as i32 - 1) + n;
    (t.div_euclid(12), (t.rem_euclid(12) + 1) as u32)
}

/// Last day of a Gregorian month.
pub fn month_len(y: i32, m: u32) -> u32 {
    let (ny, nm) = add_months(y, m, 1);
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map(|d| d.day())
        .unwrap_or(30)
}

/// `d` shifted by `n` months, the day clamped to the month's length.
pub fn shift_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    let (y, m) = add_months(d.year(), d.month(), n);
    NaiveDate::from_ymd_opt(y, m, d.day().min(month_len(y, m)))
}

/// Weekday from ISO number (1 = Monday).
pub fn weekday(n: u8) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn umm_al_qura() {
        assert_eq!(hijri_to_gregorian(1434, 10, 1), Some(d(2013, 8, 8)));
        assert_eq!(hijri_to_gregorian(1434, 12, 10), Some(d(2013, 10, 15)));
        assert_eq!(hijri_to_gregorian(1441, 1, 1), Some(d(2019, 8, 31)));
        assert_eq!(hijri_to_gregorian(1440, 9, 1), Some(d(2019, 5, 6)));
        assert_eq!(gregorian_to_hijri(d(2019, 5, 6)), Some((1440, 9, 1)));
        assert_eq!(hijri_to_gregorian(1434, 13, 1), None);
    }

    #[test]
    fn holidays_and_weeks() {
        assert_eq!(easter(2013), Some(d(2013, 3, 31)));
        assert_eq!(thanksgiving(2025), Some(d(2025, 11, 27)));
        assert_eq!(week_value(d(2025, 11, 26)), "2025-W48");
        assert_eq!(week_value(d(2021, 1, 1)), "2020-W53");
        assert_eq!(add_months(2025, 1, -2), (2024, 11));
        assert_eq!(month_len(2024, 2), 29);
        assert_eq!(shift_months(d(2025, 3, 31), -1), Some(d(2025, 2, 28)));
    }
}
