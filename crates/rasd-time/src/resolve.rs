//! Normalisation: an unresolved expression plus the dateline (and the tense of
//! its clause) to a TimeML type, value and granularity.
use chrono::{Datelike, Duration, NaiveDate};
use rasd_doc::TimeType;

use crate::calendar::{
    add_months, easter, gregorian_to_hijri, hijri_month_len, hijri_to_gregorian, month_len,
    shift_months, thanksgiving, week_monday, week_value, weekday,
};
use crate::lexicon::{Cal, Dir, Edge, HolidayRule, Tense, Unit};
use crate::parse::{Clock, Expr, MonthRef, YearRef};

/// What an expression was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Absolute,
    Dateline,
    /// Relative, but no dateline: left unresolved.
    None,
}

/// A resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub kind: TimeType,
    pub value: Option<String>,
    pub gran: &'static str,
    pub anchor: Anchor,
    pub cal: Cal,
}

/// Resolution context.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx {
    pub dct: Option<NaiveDate>,
    pub tense: Option<Tense>,
    /// With no tense cue, a yearless date is the next occurrence when it starts within
    /// 60 days (news), else the one in the dateline's year (also isolated phrases, as
    /// Duckling reads them).
    pub nearest: bool,
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn interval(a: NaiveDate, b: NaiveDate) -> String {
    format!("{}/{}", ymd(a), ymd(b))
}

/// A month pinned to the calendar: Gregorian first day and length, calendar.
#[derive(Debug, Clone, Copy)]
struct MonthSpan {
    start: NaiveDate,
    len: u32,
    cal: Cal,
    relative: bool,
}

impl MonthSpan {
    fn end(self) -> NaiveDate {
        self.start + Duration::days(self.len as i64 - 1)
    }
    fn day(self, d: u8) -> Option<NaiveDate> {
        (d as u32 >= 1 && d as u32 <= self.len).then(|| self.start + Duration::days(d as i64 - 1))
    }
}

fn greg_month(y: i32, m: u32) -> Option<MonthSpan> {
    Some(MonthSpan {
        start: NaiveDate::from_ymd_opt(y, m, 1)?,
        len: month_len(y, m),
        cal: Cal::Gregorian,
        relative: false,
    })
}

fn hijri_month(y: i32, m: u8) -> Option<MonthSpan> {
    Some(MonthSpan {
        start: hijri_to_gregorian(y, m, 1)?,
        len: hijri_month_len(y, m)? as u32,
        cal: Cal::Hijri,
        relative: false,
    })
}

fn month_in(cal: Cal, y: i32, m: u8) -> Option<MonthSpan> {
    match cal {
        Cal::Gregorian => greg_month(y, m as u32),
        Cal::Hijri => hijri_month(y, m),
    }
}

fn year_of(dct: NaiveDate, cal: Cal) -> i32 {
    match cal {
        Cal::Gregorian => dct.year(),
        Cal::Hijri => gregorian_to_hijri(dct)
            .map(|h| h.0)
            .unwrap_or(dct.year() - 579),
    }
}

/// Days ahead within which a yearless date with no tense cue is the coming occurrence.
const SOON: i64 = 60;

/// Days back within which a yearless date with a future cue is still the current one.
const GRACE: i64 = 31;

/// Chooses among candidate occurrences `(first day, last day)` by modifier and tense.
fn pick(
    ctx: &Ctx,
    dir: Option<Dir>,
    cands: &[(i32, Option<(NaiveDate, NaiveDate)>)],
    this_year: i32,
) -> Option<(NaiveDate, NaiveDate)> {
    let dct = ctx.dct?;
    let ok: Vec<(i32, NaiveDate, NaiveDate)> = cands
        .iter()
        .filter_map(|(y, c)| c.map(|(a, b)| (*y, a, b)))
        .collect();
    let this = || ok.iter().find(|c| c.0 == this_year).map(|c| (c.1, c.2));
    let latest = |f: &dyn Fn(&(i32, NaiveDate, NaiveDate)) -> bool| {
        ok.iter()
            .filter(|c| f(c))
            .max_by_key(|c| c.1)
            .map(|c| (c.1, c.2))
    };
    let earliest = |f: &dyn Fn(&(i32, NaiveDate, NaiveDate)) -> bool| {
        ok.iter()
            .filter(|c| f(c))
            .min_by_key(|c| c.1)
            .map(|c| (c.1, c.2))
    };
    match (dir, ctx.tense) {
        (Some(Dir::Last), _) => latest(&|c| c.2 < dct),
        (Some(Dir::Next), _) => earliest(&|c| c.1 > dct),
        (Some(Dir::This | Dir::Final), _) => this(),
        (None, Some(Tense::Past)) => latest(&|c| c.1 <= dct),
        // (a date up to a month back still counts: "من المقرر عقد الجلسات بين 20 يوليو
        // و22 أكتوبر" written on 27 July)
        (None, Some(Tense::Future)) => earliest(&|c| c.2 >= dct - Duration::days(GRACE)),
        // news with no cue: the next occurrence when it starts within two months ("حتى 3
        // يناير" written in late November), else the one in the dateline's year
        (None, _) if ctx.nearest => {
            earliest(&|c| c.1 > dct && (c.1 - dct).num_days() <= SOON).or_else(this)
        }
        _ => this(),
    }
}

impl Ctx {
    /// Pins a month reference, given (optionally) the day that must exist in it.
    fn month(&self, mr: &MonthRef, day: Option<u8>) -> Option<MonthSpan> {
        match *mr {
            MonthRef::Same => None,
            MonthRef::Rel(n) => {
                let dct = self.dct?;
                let (y, m) = add_months(dct.year(), dct.month(), n);
                let mut s = greg_month(y, m)?;
                s.relative = true;
                Some(s)
            }
            MonthRef::Named { cal, m, year, dir } => match year {
                Some(YearRef::Abs(y, ycal)) => {
                    if ycal == cal {
                        month_in(cal, y, m)
                    } else if cal == Cal::Gregorian {
                        // "29 من مايو 1453": a Gregorian month fixes the year's calendar
                        greg_month(y, m as u32)
                    } else if cal == Cal::Hijri {
                        // "رمضان 2019": the Hijri month starting in that Gregorian year
                        (y - 580..=y - 577)
                            .filter_map(|hy| hijri_month(hy, m))
                            .find(|s| s.start.year() == y)
                    } else {
                        None
                    }
                }
                Some(YearRef::Rel(n)) => {
                    let dct = self.dct?;
                    let mut s = month_in(cal, year_of(dct, cal) + n, m)?;
                    s.relative = true;
                    Some(s)
                }
                None => {
                    let dct = self.dct?;
                    let y0 = year_of(dct, cal);
                    let cands: Vec<(i32, Option<(NaiveDate, NaiveDate)>)> = (y0 - 1..=y0 + 1)
                        .map(|y| {
                            let s = month_in(cal, y, m);
                            let c = match (s, day) {
                                (Some(s), Some(d)) => s.day(d).map(|x| (x, x)),
                                (Some(s), None) => Some((s.start, s.end())),
                                _ => None,
                            };
                            (y, c)
                        })
                        .collect();
                    let (a, _) = pick(self, dir, &cands, y0)?;
                    let y = cands
                        .iter()
                        .find(|c| c.1.is_some_and(|x| x.0 == a))
                        .map(|c| c.0)?;
                    let mut s = month_in(cal, y, m)?;
                    s.relative = true;
                    Some(s)
                }
            },
        }
    }

    fn anchor(&self, relative: bool) -> Anchor {
        if !relative {
            Anchor::Absolute
        } else if self.dct.is_some() {
            Anchor::Dateline
        } else {
            Anchor::None
        }
    }

    /// The single day an expression denotes, when it denotes one.
    fn day_of(&self, e: &Expr) -> Option<(NaiveDate, bool, Cal)> {
        match self.resolve(e) {
            Resolved {
                value: Some(v),
                gran: "day",
                anchor,
                cal,
                ..
            } => Some((
                NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()?,
                anchor != Anchor::Absolute,
                cal,
            )),
            _ => None,
        }
    }

    fn weekday(&self, wd: u8, dir: Option<Dir>, week: Option<i32>) -> Option<NaiveDate> {
        let dct = self.dct?;
        let cur = dct.weekday().number_from_monday() as i64;
        let wd = weekday(wd).number_from_monday() as i64;
        if let Some(w) = week {
            return Some(week_monday(dct) + Duration::days(7 * w as i64 + wd - 1));
        }
        let ahead = (wd - cur).rem_euclid(7);
        let back = (cur - wd).rem_euclid(7);
        Some(match (dir, self.tense) {
            (Some(Dir::Next), _) => dct + Duration::days(if ahead == 0 { 7 } else { ahead }),
            (Some(Dir::Last | Dir::Final), _) => {
                dct - Duration::days(if back == 0 { 7 } else { back })
            }
            (None, Some(Tense::Past)) => dct - Duration::days(back),
            _ => dct + Duration::days(ahead),
        })
    }

    fn holiday(
        &self,
        rule: HolidayRule,
        year: Option<YearRef>,
    ) -> Option<(NaiveDate, NaiveDate, Cal)> {
        let in_year = |y: i32| -> Vec<(NaiveDate, NaiveDate)> {
            match rule {
                HolidayRule::Gregorian(m, d) => NaiveDate::from_ymd_opt(y, m as u32, d as u32)
                    .map(|x| vec![(x, x)])
                    .unwrap_or_default(),
                HolidayRule::Easter => easter(y).map(|x| vec![(x, x)]).unwrap_or_default(),
                HolidayRule::Thanksgiving => {
                    thanksgiving(y).map(|x| vec![(x, x)]).unwrap_or_default()
                }
                HolidayRule::Hijri(m, d) => (y - 580..=y - 577)
                    .filter_map(|hy| hijri_to_gregorian(hy, m, d))
                    .filter(|x| x.year() == y)
                    .map(|x| (x, x))
                    .collect(),
                HolidayRule::HijriMonth(m) => (y - 580..=y - 577)
                    .filter_map(|hy| hijri_month(hy, m))
                    .filter(|s| s.start.year() == y)
                    .map(|s| (s.start, s.end()))
                    .collect(),
            }
        };
        let cal = match rule {
            HolidayRule::Hijri(..) | HolidayRule::HijriMonth(_) => Cal::Hijri,
            _ => Cal::Gregorian,
        };
        let y = match year {
            Some(YearRef::Abs(y, Cal::Gregorian)) => Some(y),
            Some(YearRef::Rel(n)) => Some(self.dct?.year() + n),
            Some(YearRef::Abs(hy, Cal::Hijri)) => {
                let x = match rule {
                    HolidayRule::Hijri(m, d) => hijri_to_gregorian(hy, m, d).map(|x| (x, x)),
                    HolidayRule::HijriMonth(m) => hijri_month(hy, m).map(|s| (s.start, s.end())),
                    _ => None,
                };
                return x.map(|(a, b)| (a, b, cal));
            }
            None => None,
        };
        if let Some(y) = y {
            return in_year(y).first().map(|&(a, b)| (a, b, cal));
        }
        let dct = self.dct?;
        let y0 = dct.year();
        let all: Vec<(i32, Option<(NaiveDate, NaiveDate)>)> = (y0 - 1..=y0 + 1)
            .flat_map(|y| in_year(y).into_iter().map(move |c| (y, Some(c))))
            .collect();
        // in the dateline's year with no tense: the occurrence nearest the dateline
        let (a, b) = match (self.tense, all.iter().filter(|c| c.0 == y0).count()) {
            (None, n) if n > 1 => all
                .iter()
                .filter(|c| c.0 == y0)
                .filter_map(|c| c.1)
                .min_by_key(|c| (c.0 - dct).num_days().abs())?,
            _ => pick(self, None, &all, y0)?,
        };
        // a holiday within a month of the dateline is the one meant, whatever the
        // tense cue says (greetings, holiday reports and plans around the date)
        let dist = |x: NaiveDate| (x - dct).num_days().abs();
        if let Some(near) = all
            .iter()
            .filter_map(|c| c.1)
            .filter(|c| dist(c.0).min(dist(c.1)) <= 30)
            .min_by_key(|c| dist(c.0).min(dist(c.1)))
        {
            if dist(a).min(dist(b)) > 60 {
                return Some((near.0, near.1, cal));
            }
        }
        Some((a, b, cal))
    }

    /// Resolves one expression.
    pub(crate) fn resolve(&self, e: &Expr) -> Resolved {
        let date = |kind, value: Option<String>, gran, anchor, cal| Resolved {
            kind,
            value,
            gran,
            anchor,
            cal,
        };
        let unresolved = |kind, gran, value: Option<String>| Resolved {
            kind,
            value,
            gran,
            anchor: Anchor::None,
            cal: Cal::Gregorian,
        };
        match e {
            Expr::Day { month, d, wd } => {
                // a weekday disambiguates a yearless date
                if let (
                    Some(wd),
                    MonthRef::Named {
                        cal,
                        m,
                        year: None,
                        dir: None,
                    },
                    Some(dct),
                ) = (wd, month, self.dct)
                {
                    let y0 = year_of(dct, *cal);
                    let hits: Vec<NaiveDate> = [y0, y0 + 1, y0 - 1]
                        .iter()
                        .filter_map(|&y| month_in(*cal, y, *m)?.day(*d))
                        .filter(|x| x.weekday().number_from_monday() as u8 == *wd)
                        .collect();
                    if let Some(x) = hits.first() {
                        return date(TimeType::Date, Some(ymd(*x)), "day", Anchor::Dateline, *cal);
                    }
                }
                match self.month(month, Some(*d)) {
                    Some(s) => match s.day(*d) {
                        Some(x) => date(
                            TimeType::Date,
                            Some(ymd(x)),
                            "day",
                            self.anchor(s.relative),
                            s.cal,
                        ),
                        None => unresolved(TimeType::Date, "day", None),
                    },
                    None => match month {
                        MonthRef::Named {
                            m,
                            cal: Cal::Gregorian,
                            ..
                        } if self.dct.is_none() => {
                            unresolved(TimeType::Date, "day", Some(format!("XXXX-{m:02}-{d:02}")))
                        }
                        _ => unresolved(TimeType::Date, "day", None),
                    },
                }
            }
            Expr::DayOfMonth { d, wd } => {
                let Some(dct) = self.dct else {
                    return unresolved(TimeType::Date, "day", None);
                };
                let cands: Vec<NaiveDate> = [0, 1, -1]
                    .iter()
                    .filter_map(|&n| {
                        let (y, m) = add_months(dct.year(), dct.month(), n);
                        NaiveDate::from_ymd_opt(y, m, *d as u32)
                    })
                    .collect();
                let hit = match wd {
                    Some(wd) => match cands
                        .iter()
                        .find(|x| x.weekday().number_from_monday() as u8 == *wd)
                    {
                        Some(x) => Some(x),
                        // the number was not a day of the month: the weekday alone
                        None => {
                            return self.resolve(&Expr::Weekday {
                                wd: *wd,
                                dir: None,
                                week: None,
                            })
                        }
                    },
                    None => cands.first(),
                };
                match hit {
                    Some(x) => date(
                        TimeType::Date,
                        Some(ymd(*x)),
                        "day",
                        Anchor::Dateline,
                        Cal::Gregorian,
                    ),
                    None => unresolved(TimeType::Date, "day", None),
                }
            }
            Expr::Month(mr) => match self.month(mr, None) {
                Some(s) if s.cal == Cal::Gregorian => date(
                    TimeType::Date,
                    Some(s.start.format("%Y-%m").to_string()),
                    "month",
                    self.anchor(s.relative),
                    s.cal,
                ),
                Some(s) => date(
                    TimeType::Date,
                    Some(interval(s.start, s.end())),
                    "month",
                    self.anchor(s.relative),
                    s.cal,
                ),
                None => match mr {
                    MonthRef::Named {
                        m,
                        cal: Cal::Gregorian,
                        ..
                    } if self.dct.is_none() => {
                        unresolved(TimeType::Date, "month", Some(format!("XXXX-{m:02}")))
                    }
                    _ => unresolved(TimeType::Date, "month", None),
                },
            },
            Expr::Year(YearRef::Abs(y, Cal::Gregorian)) => date(
                TimeType::Date,
                Some(format!("{y:04}")),
                "year",
                Anchor::Absolute,
                Cal::Gregorian,
            ),
            Expr::Year(YearRef::Abs(y, Cal::Hijri)) => {
                match (
                    hijri_to_gregorian(*y, 1, 1),
                    hijri_to_gregorian(*y + 1, 1, 1),
                ) {
                    (Some(a), Some(b)) => date(
                        TimeType::Date,
                        Some(interval(a, b - Duration::days(1))),
                        "year",
                        Anchor::Absolute,
                        Cal::Hijri,
                    ),
                    _ => unresolved(TimeType::Date, "year", None),
                }
            }
            Expr::Year(YearRef::Rel(n)) | Expr::RelPeriod(Unit::Year, n) => match self.dct {
                Some(d) => date(
                    TimeType::Date,
                    Some(format!("{:04}", d.year() + n)),
                    "year",
                    Anchor::Dateline,
                    Cal::Gregorian,
                ),
                None => unresolved(TimeType::Date, "year", None),
            },
            Expr::Weekday { wd, dir, week } => match self.weekday(*wd, *dir, *week) {
                Some(x) => date(
                    TimeType::Date,
                    Some(ymd(x)),
                    "day",
                    Anchor::Dateline,
                    Cal::Gregorian,
                ),
                None => unresolved(TimeType::Date, "day", Some(format!("XXXX-WXX-{wd}"))),
            },
            Expr::NearestWeekday { wd, around } => match self.dct {
                Some(d) => {
                    let day = d + Duration::days(*around as i64);
                    let cur = day.weekday().number_from_monday() as i64;
                    let back = (cur - *wd as i64).rem_euclid(7);
                    let x = if back <= 3 {
                        day - Duration::days(back)
                    } else {
                        day + Duration::days(7 - back)
                    };
                    date(
                        TimeType::Date,
                        Some(ymd(x)),
                        "day",
                        Anchor::Dateline,
                        Cal::Gregorian,
                    )
                }
                None => unresolved(TimeType::Date, "day", Some(format!("XXXX-WXX-{wd}"))),
            },
            Expr::RelDay(n) => match self.dct {
                Some(d) => date(
                    TimeType::Date,
                    Some(ymd(d + Duration::days(*n as i64))),
                    "day",
                    Anchor::Dateline,
                    Cal::Gregorian,
                ),
                None => unresolved(TimeType::Date, "day", None),
            },
            Expr::WithPart(base, p) => match self.day_of(base) {
                Some((x, rel, cal)) => date(
                    TimeType::Time,
                    Some(format!("{}T{}", ymd(x), p.code())),
                    "part_of_day",
                    self.anchor(rel),
                    cal,
                ),
                None => unresolved(TimeType::Time, "part_of_day", None),
            },
            Expr::Clock(base, c) => {
                let day = match base {
                    Some(b) => self.day_of(b),
                    None => self.dct.map(|d| (d, true, Cal::Gregorian)),
                };
                let (value, gran) = clock_value(c);
                match day {
                    Some((x, rel, cal)) => date(
                        TimeType::Time,
                        Some(format!("{}{}", ymd(x), value)),
                        gran,
                        self.anchor(rel),
                        cal,
                    ),
                    None => unresolved(TimeType::Time, gran, Some(format!("XXXX-XX-XX{value}"))),
                }
            }
            Expr::NthWeekday {
                n,
                wd,
                month,
                or_day,
            } => {
                let Some(s) = self.month(month, None) else {
                    return unresolved(TimeType::Date, "day", None);
                };
                if let Some(x) = s
                    .day(*n as u8)
                    .filter(|x| *or_day && x.weekday().number_from_monday() as u8 == *wd)
                {
                    return date(
                        TimeType::Date,
                        Some(ymd(x)),
                        "day",
                        self.anchor(s.relative),
                        s.cal,
                    );
                }
                let days: Vec<NaiveDate> = (0..s.len)
                    .map(|k| s.start + Duration::days(k as i64))
                    .filter(|x| x.weekday().number_from_monday() as u8 == *wd)
                    .collect();
                let x = if *n < 0 {
                    days.last()
                } else {
                    days.get(*n as usize - 1)
                };
                match x {
                    Some(x) => date(
                        TimeType::Date,
                        Some(ymd(*x)),
                        "day",
                        self.anchor(s.relative),
                        s.cal,
                    ),
                    None => unresolved(TimeType::Date, "day", None),
                }
            }
            Expr::NthWeek { n, month } => {
                let Some(s) = self.month(month, None) else {
                    return unresolved(TimeType::Date, "week", None);
                };
                // full ISO weeks inside the month
                let mondays: Vec<NaiveDate> = (0..s.len)
                    .map(|k| s.start + Duration::days(k as i64))
                    .filter(|x| {
                        x.weekday().number_from_monday() == 1 && *x + Duration::days(6) <= s.end()
                    })
                    .collect();
                let x = if *n < 0 {
                    mondays.last()
                } else {
                    mondays.get(*n as usize - 1)
                };
                match x {
                    Some(x) => date(
                        TimeType::Date,
                        Some(week_value(*x)),
                        "week",
                        self.anchor(s.relative),
                        s.cal,
                    ),
                    None => unresolved(TimeType::Date, "week", None),
                }
            }
            Expr::MonthEdge { edge, month } => {
                let Some(s) = self.month(month, None) else {
                    return unresolved(TimeType::Date, "day", None);
                };
                let a = self.anchor(s.relative);
                let day = |d: u32| s.start + Duration::days(d as i64 - 1);
                match edge {
                    Edge::Start => date(TimeType::Date, Some(ymd(s.start)), "day", a, s.cal),
                    Edge::End => date(TimeType::Date, Some(ymd(s.end())), "day", a, s.cal),
                    Edge::Mid => date(TimeType::Date, Some(ymd(day(15))), "day", a, s.cal),
                    Edge::Early => date(
                        TimeType::Date,
                        Some(interval(s.start, day(10))),
                        "day",
                        a,
                        s.cal,
                    ),
                    Edge::Middle => date(
                        TimeType::Date,
                        Some(interval(day(11), day(20))),
                        "day",
                        a,
                        s.cal,
                    ),
                    Edge::Late => date(
                        TimeType::Date,
                        Some(interval(day(21), s.end())),
                        "day",
                        a,
                        s.cal,
                    ),
                }
            }
            Expr::RelPeriod(u, n) => {
                let Some(d) = self.dct else {
                    return unresolved(TimeType::Date, u.name(), None);
                };
                let v = match u {
                    Unit::Week => week_value(d + Duration::days(7 * *n as i64)),
                    Unit::Month => {
                        let (y, m) = add_months(d.year(), d.month(), *n);
                        format!("{y:04}-{m:02}")
                    }
                    Unit::Decade => format!("{:03}", d.year() / 10 + n),
                    Unit::Century => format!("{:02}", d.year() / 100 + n),
                    Unit::Day => ymd(d + Duration::days(*n as i64)),
                    _ => format!("{:04}", d.year() + n),
                };
                date(
                    TimeType::Date,
                    Some(v),
                    u.name(),
                    Anchor::Dateline,
                    Cal::Gregorian,
                )
            }
            Expr::YearPart { q, n, year } => {
                let y = match year {
                    YearRef::Abs(y, Cal::Gregorian) => Some((*y, Anchor::Absolute)),
                    YearRef::Rel(k) => self.dct.map(|d| (d.year() + k, Anchor::Dateline)),
                    _ => None,
                };
                let gran = if *q == 2 { "half" } else { "quarter" };
                match y {
                    Some((y, a)) => date(
                        TimeType::Date,
                        Some(format!("{y:04}-{}{n}", if *q == 2 { 'H' } else { 'Q' })),
                        gran,
                        a,
                        Cal::Gregorian,
                    ),
                    None => unresolved(TimeType::Date, gran, None),
                }
            }
            Expr::Shift(n, u, sign) => {
                let vague = if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                let Some(d) = self.dct else {
                    return unresolved(TimeType::Date, u.name(), Some(vague.to_string()));
                };
                let whole = n.fract() == 0.0;
                let k = *n as i64 * *sign as i64;
                let v = match u {
                    Unit::Day if whole => Some((ymd(d + Duration::days(k)), "day")),
                    Unit::Week if whole => Some((ymd(d + Duration::days(7 * k)), "day")),
                    Unit::Month if whole => {
                        shift_months(d, k as i32).map(|x| (x.format("%Y-%m").to_string(), "month"))
                    }
                    Unit::Year if whole => Some((format!("{:04}", d.year() as i64 + k), "year")),
                    Unit::Decade if whole => {
                        Some((format!("{:04}", d.year() as i64 + 10 * k), "year"))
                    }
                    Unit::Century if whole => {
                        Some((format!("{:04}", d.year() as i64 + 100 * k), "year"))
                    }
                    _ => None,
                };
                match v {
                    Some((v, g)) => {
                        date(TimeType::Date, Some(v), g, Anchor::Dateline, Cal::Gregorian)
                    }
                    None => date(
                        TimeType::Date,
                        Some(vague.into()),
                        u.name(),
                        Anchor::Dateline,
                        Cal::Gregorian,
                    ),
                }
            }
            Expr::Duration(n, u) => date(
                TimeType::Duration,
                Some(duration_value(*n, *u)),
                u.name(),
                Anchor::Absolute,
                Cal::Gregorian,
            ),
            Expr::VagueDuration(u) => date(
                TimeType::Duration,
                Some(duration_value(1.0, *u).replacen('1', "X", 1)),
                u.name(),
                Anchor::Absolute,
                Cal::Gregorian,
            ),
            Expr::Set(n, u) => date(
                TimeType::Set,
                Some(duration_value(*n, *u)),
                u.name(),
                Anchor::Absolute,
                Cal::Gregorian,
            ),
            Expr::SetWeekday(wd) => date(
                TimeType::Set,
                Some(format!("XXXX-WXX-{wd}")),
                "day",
                Anchor::Absolute,
                Cal::Gregorian,
            ),
            Expr::Vague(v) => date(
                TimeType::Date,
                Some(v.to_string()),
                "unspecified",
                if self.dct.is_some() {
                    Anchor::Dateline
                } else {
                    Anchor::None
                },
                Cal::Gregorian,
            ),
            Expr::Holiday(rule, year) => match self.holiday(*rule, *year) {
                Some((a, b, cal)) => {
                    let rel = !matches!(year, Some(YearRef::Abs(..)));
                    let (v, g) = if a == b {
                        (ymd(a), "day")
                    } else {
                        (interval(a, b), "month")
                    };
                    date(TimeType::Date, Some(v), g, self.anchor(rel), cal)
                }
                None => unresolved(TimeType::Date, "day", None),
            },
            Expr::RelYearPart { q, off } => {
                let gran = if *q == 2 { "half" } else { "quarter" };
                let Some(dct) = self.dct else {
                    return unresolved(TimeType::Date, gran, None);
                };
                let per = 12 / *q as i32;
                let idx = (dct.month0() as i32 / per) + off;
                let y = dct.year() + idx.div_euclid(*q as i32);
                let n = idx.rem_euclid(*q as i32) + 1;
                let c = if *q == 2 { 'H' } else { 'Q' };
                date(
                    TimeType::Date,
                    Some(format!("{y:04}-{c}{n}")),
                    gran,
                    Anchor::Dateline,
                    Cal::Gregorian,
                )
            }
            Expr::Season { s, year, dir } => {
                let code = ["SP", "SU", "FA", "WI"][(*s as usize).min(3)];
                let y = match (year, dir, self.dct) {
                    (Some(YearRef::Abs(y, Cal::Gregorian)), _, _) => Some((*y, Anchor::Absolute)),
                    (Some(YearRef::Rel(k)), _, Some(d)) => Some((d.year() + k, Anchor::Dateline)),
                    (None, Some(dir), Some(d)) => {
                        // months (1-based) a season starts and ends in; winter spans the new year
                        let (first, last) =
                            [(3, 5), (6, 8), (9, 11), (12, 14)][(*s as usize).min(3)];
                        let m = d.month() as i32;
                        let y = d.year();
                        let (m, y) = if *s == 3 && m <= 2 {
                            (m + 12, y - 1)
                        } else {
                            (m, y)
                        };
                        Some((
                            match dir {
                                Dir::Last if last < m => y,
                                Dir::Last => y - 1,
                                Dir::Next if first > m => y,
                                Dir::Next => y + 1,
                                _ => y,
                            },
                            Anchor::Dateline,
                        ))
                    }
                    _ => None,
                };
                match y {
                    Some((y, a)) => date(
                        TimeType::Date,
                        Some(format!("{y:04}-{code}")),
                        "season",
                        a,
                        Cal::Gregorian,
                    ),
                    None => unresolved(TimeType::Date, "season", None),
                }
            }
            Expr::Decade(d) => date(
                TimeType::Date,
                Some(format!("{d:03}")),
                "decade",
                Anchor::Absolute,
                Cal::Gregorian,
            ),
            Expr::Century(n) => date(
                TimeType::Date,
                Some(format!("{:02}", n - 1)),
                "century",
                Anchor::Absolute,
                Cal::Gregorian,
            ),
        }
    }
}

fn clock_value(c: &Clock) -> (String, &'static str) {
    let z = if c.utc { "Z" } else { "" };
    match c.s {
        Some(s) => (format!("T{:02}:{:02}:{:02}{z}", c.h, c.m, s), "second"),
        None => (
            format!("T{:02}:{:02}{z}", c.h, c.m),
            if c.minutes_given { "minute" } else { "hour" },
        ),
    }
}

/// TimeML duration value: `P3D`, `PT24H`, `P2W`, `P1DE`; halves go to the next smaller unit.
pub(crate) fn duration_value(n: f64, u: Unit) -> String {
    let (n, u) = if n.fract() != 0.0 {
        match u {
            Unit::Minute => (n * 60.0, Unit::Second),
            Unit::Hour => (n * 60.0, Unit::Minute),
            Unit::Day => (n * 24.0, Unit::Hour),
            Unit::Week => (n * 7.0, Unit::Day),
            Unit::Month => (n * 30.0, Unit::Day),
            Unit::Year => (n * 12.0, Unit::Month),
            Unit::Decade => (n * 10.0, Unit::Year),
            Unit::Century => (n * 100.0, Unit::Year),
            Unit::Second => (n, u),
        }
    } else {
        (n, u)
    };
    let n = if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    };
    match u {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => format!("P{n}DE"),
        Unit::Century => format!("P{n}CE"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration_value(3.0, Unit::Day), "P3D");
        assert_eq!(duration_value(1.5, Unit::Hour), "PT90M");
        assert_eq!(duration_value(24.0, Unit::Hour), "PT24H");
        assert_eq!(duration_value(1.0, Unit::Decade), "P1DE");
    }

    #[test]
    fn weekday_by_tense() {
        let dct = NaiveDate::from_ymd_opt(2025, 11, 26).unwrap(); // Wednesday
        let past = Ctx {
            dct: Some(dct),
            tense: Some(Tense::Past),
            nearest: false,
        };
        let fut = Ctx {
            dct: Some(dct),
            tense: Some(Tense::Future),
            nearest: false,
        };
        let e = Expr::Weekday {
            wd: 3,
            dir: None,
            week: None,
        };
        assert_eq!(past.resolve(&e).value.as_deref(), Some("2025-11-26"));
        let e = Expr::Weekday {
            wd: 1,
            dir: None,
            week: None,
        };
        assert_eq!(past.resolve(&e).value.as_deref(), Some("2025-11-24"));
        assert_eq!(fut.resolve(&e).value.as_deref(), Some("2025-12-01"));
        let none = Ctx {
            dct: None,
            tense: None,
            nearest: false,
        };
        let r = none.resolve(&Expr::RelDay(-1));
        assert_eq!((r.value, r.anchor), (None, Anchor::None));
    }
}
