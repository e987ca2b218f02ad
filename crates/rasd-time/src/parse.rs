//! Recognition: a small hand-written grammar over normalised tokens.
//!
//! Tokens are first looked up in the lexicon (with و/ف and ب/ل/ك stripped when
//! the bare word is unknown); rules are then tried at every token that starts
//! a known time word or is a number, and the longest match wins. The result is
//! an unresolved [`Expr`]; [`crate::resolve`] turns it into a TimeML value.
use rasd_doc::TokenKind;

use crate::lexicon::{
    fold_teh, Cal, Dir, Edge, Func, HolidayRule, Lex, Lexicon, Multi, NumKind, Part, Tense, Unit,
};

/// A number token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumTok {
    /// Plain integer and its digit count.
    Int(u32, u8),
    /// `h:m` or `h:m:s`.
    Clock(u8, u8, Option<u8>),
    /// `a/b` or `a/b/c`.
    Slash(u32, u32, Option<u32>),
}

/// One token as the grammar sees it.
#[derive(Debug, Clone)]
pub(crate) struct Tk<'a> {
    /// Normalised text.
    pub s: &'a str,
    /// Token kind.
    pub kind: TokenKind,
    /// Proclitic bytes stripped to find `lex`.
    pub pre: usize,
    /// Proclitic bytes to leave out of a span (و/ف/ب/ك/ل; the ل of لل+noun stays,
    /// since the article's alef is not written).
    pub span_pre: usize,
    /// Readings.
    pub lex: &'static [Lex],
    /// The [`Lex::Func`] readings in `lex`, a bit per [`Func`] (tested by every rule).
    pub funcs: u32,
    /// Phrases the (clitic-stripped) word may begin.
    pub multis: &'static [Multi],
    /// A multi-word reading starting here: (end token, reading).
    pub multi: Option<(usize, Lex)>,
    /// Parsed number.
    pub num: Option<NumTok>,
    /// Whether a sentence starts at this token.
    pub sent_start: bool,
}

/// Builds the grammar's view of a token.
pub(crate) fn make_tokens<'a>(toks: &[(&'a str, TokenKind, bool)]) -> Vec<Tk<'a>> {
    let lx = Lexicon::get();
    let mut out: Vec<Tk<'a>> = toks
        .iter()
        .map(|&(s, kind, sent_start)| {
            let mut tk = Tk {
                s,
                kind,
                pre: 0,
                span_pre: 0,
                lex: &[],
                funcs: 0,
                multis: &[],
                multi: None,
                num: None,
                sent_start,
            };
            match kind {
                TokenKind::Number => tk.num = parse_num(s),
                TokenKind::Word if lx.may_know(s) => {
                    if let Some((pre, span_pre, e)) = lx.lookup(s) {
                        let l = e.words.as_slice();
                        tk.pre = pre;
                        tk.span_pre = span_pre;
                        tk.lex = l;
                        tk.funcs = func_bits(l);
                        tk.multis = e.multi.as_slice();
                    }
                }
                _ => {}
            }
            tk
        })
        .collect();
    for i in 0..out.len() {
        let cands = out[i].multis;
        if let Some(m) = cands.iter().find(|m| multi_matches(&out, i + 1, m)) {
            out[i].multi = Some((i + 1 + m.rest.len(), m.lex));
        }
    }
    out
}

/// A bit per [`Func`] reading among `lex`.
pub(crate) fn func_bits(lex: &[Lex]) -> u32 {
    lex.iter().fold(0, |m, l| match l {
        Lex::Func(f) => m | 1 << *f as u32,
        _ => m,
    })
}

fn multi_matches(t: &[Tk<'_>], from: usize, m: &Multi) -> bool {
    m.rest.iter().enumerate().all(|(k, w)| {
        t.get(from + k).is_some_and(|tk| {
            tk.kind == TokenKind::Word && (tk.s == w || fold_teh(w).is_some_and(|f| f == tk.s))
        })
    })
}

fn parse_num(s: &str) -> Option<NumTok> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        if s.len() > 9 {
            return None;
        }
        return Some(NumTok::Int(s.parse().ok()?, s.len() as u8));
    }
    if s.contains(':') {
        let p: Vec<&str> = s.split(':').collect();
        let h: u8 = p.first()?.parse().ok()?;
        let m: u8 = p.get(1)?.parse().ok()?;
        let sec: Option<u8> = match p.get(2) {
            Some(x) => Some(x.parse().ok()?),
            None => None,
        };
        if p.len() > 3 || h > 24 || m > 59 || sec.is_some_and(|x| x > 59) || p[1].len() != 2 {
            return None;
        }
        return Some(NumTok::Clock(h, m, sec));
    }
    if s.contains('/') {
        let p: Vec<&str> = s.split('/').collect();
        let a = p.first()?.parse().ok()?;
        let b = p.get(1)?.parse().ok()?;
        let c = match p.get(2) {
            Some(x) => Some(x.parse().ok()?),
            None => None,
        };
        if p.len() > 3 {
            return None;
        }
        return Some(NumTok::Slash(a, b, c));
    }
    None
}

/// A year reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    Abs(i32, Cal),
    Rel(i32),
}

/// A month reference.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum MonthRef {
    Named {
        cal: Cal,
        m: u8,
        year: Option<YearRef>,
        dir: Option<Dir>,
    },
    Rel(i32),
    /// "الشهر نفسه": filled from the previous expression after recognition.
    Same,
}

/// A clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock {
    pub h: u8,
    pub m: u8,
    pub s: Option<u8>,
    pub utc: bool,
    pub minutes_given: bool,
}

/// An unresolved temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A day of a (possibly yearless) month.
    Day {
        month: MonthRef,
        d: u8,
        wd: Option<u8>,
    },
    /// A day of the month with no month named ("السبت السادس عشر").
    DayOfMonth { d: u8, wd: Option<u8> },
    /// A whole month.
    Month(MonthRef),
    /// A year.
    Year(YearRef),
    /// A weekday.
    Weekday {
        wd: u8,
        dir: Option<Dir>,
        week: Option<i32>,
    },
    /// Today ± n days.
    RelDay(i32),
    /// The weekday nearest to today ± `around` days ("اليوم الأربعاء", "أمس الثلاثاء").
    NearestWeekday { wd: u8, around: i32 },
    /// A day expression with a part of day.
    WithPart(Box<Expr>, Part),
    /// A day expression with a clock time (`None` = the dateline's day).
    Clock(Option<Box<Expr>>, Clock),
    /// The n-th (−1: last) weekday of a month; with `or_day`, day n when it is that weekday.
    NthWeekday {
        n: i32,
        wd: u8,
        month: MonthRef,
        or_day: bool,
    },
    /// The n-th (−1: last) full week of a month.
    NthWeek { n: i32, month: MonthRef },
    /// Start, early, mid, late, end of a month.
    MonthEdge { edge: Edge, month: MonthRef },
    /// This/next/last week, month, year, decade, century.
    RelPeriod(Unit, i32),
    /// Half (q = 2) or quarter (q = 4) number n of a year.
    YearPart { q: u8, n: u8, year: YearRef },
    /// The current (0), next (1) or previous (−1) half or quarter ("الربع الحالي من العام").
    RelYearPart { q: u8, off: i32 },
    /// A season (0 spring … 3 winter) of a year, or the last/next/current one.
    Season {
        s: u8,
        year: Option<YearRef>,
        dir: Option<Dir>,
    },
    /// n units before (−) or after (+) the anchor.
    Shift(f64, Unit, i32),
    /// A length of time.
    Duration(f64, Unit),
    /// An unspecified number of units ("سنوات عديدة": `PXY`).
    VagueDuration(Unit),
    /// Every n units.
    Set(f64, Unit),
    /// Every given weekday.
    SetWeekday(u8),
    /// PAST_REF, PRESENT_REF, FUTURE_REF.
    Vague(&'static str),
    /// A holiday, with an explicit Gregorian year or not.
    Holiday(HolidayRule, Option<YearRef>),
    /// A decade (first three digits of its years).
    Decade(i32),
    /// A century by ordinal (21 → 20xx).
    Century(i32),
}

/// One recognised expression: tokens `[start, end)`, and which one gave it a value it lacked.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub anchor_item: Option<usize>,
    /// The day of a clock or part of day is the day `anchor_item` resolved to.
    pub day_of_anchor: bool,
}

type R<T> = Option<(usize, T)>;

/// Items found by a rule: (start token, end token, expression).
type Found = Vec<(usize, usize, Expr)>;

/// The grammar over one token sequence.
pub(crate) struct Parser<'t, 'a> {
    pub t: &'t [Tk<'a>],
}

impl<'t, 'a> Parser<'t, 'a> {
    fn lex(&self, i: usize) -> &'static [Lex] {
        self.t.get(i).map(|t| t.lex).unwrap_or(&[])
    }
    fn func(&self, i: usize) -> Option<Func> {
        self.lex(i).iter().find_map(|l| match l {
            Lex::Func(f) => Some(*f),
            _ => None,
        })
    }
    fn is_func(&self, i: usize, f: Func) -> bool {
        self.t.get(i).is_some_and(|t| t.funcs & 1 << f as u32 != 0)
    }
    /// A modifier ("الماضي", "المقبل") follows its noun bare: "وبالتالي" ("and so") is not
    /// one.
    fn modifier(&self, i: usize) -> Option<Dir> {
        if self.t.get(i).is_some_and(|t| t.pre > 0) {
            return None;
        }
        self.lex(i).iter().find_map(|l| match l {
            Lex::Mod(d) => Some(*d),
            _ => None,
        })
    }
    fn part(&self, i: usize) -> Option<Part> {
        self.lex(i).iter().find_map(|l| match l {
            Lex::Part(p) => Some(*p),
            _ => None,
        })
    }
    fn period(&self, i: usize) -> Option<Unit> {
        self.lex(i).iter().find_map(|l| match l {
            Lex::Period(u) => Some(*u),
            _ => None,
        })
    }
    fn unit(&self, i: usize) -> Option<(Unit, u8)> {
        self.lex(i).iter().find_map(|l| match l {
            Lex::Unit { unit, count } => Some((*unit, *count)),
            _ => None,
        })
    }
    fn weekday(&self, i: usize) -> Option<(u8, bool)> {
        self.lex(i).iter().find_map(|l| match l {
            Lex::Weekday { d, bare } => Some((*d, *bare)),
            _ => None,
        })
    }
    fn relday(&self, i: usize) -> Option<i32> {
        self.lex(i).iter().find_map(|l| match l {
            Lex::RelDay(d) => Some(*d as i32),
            _ => None,
        })
    }
    fn word(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.s == w)
    }
    fn punct(&self, i: usize, chars: &[&str]) -> bool {
        self.t.get(i).is_some_and(|t| {
            t.kind != TokenKind::Word && t.kind != TokenKind::Number && chars.contains(&t.s)
        })
    }
    fn int(&self, i: usize) -> Option<(u32, u8)> {
        match self.t.get(i)?.num? {
            NumTok::Int(v, n) => Some((v, n)),
            _ => None,
        }
    }
    fn has_conj(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.pre >= 2 && (t.s.starts_with('و') || t.s.starts_with('ف')))
    }
    fn is_and(&self, i: usize) -> bool {
        self.word(i, "و")
    }

    /// A number in words or digits: (end, value, ordinal).
    fn number(&self, i: usize) -> R<(u32, bool)> {
        if let Some((v, _)) = self.int(i) {
            return Some((i + 1, (v, false)));
        }
        let (mut v, kind) = self.lex(i).iter().find_map(|l| match l {
            Lex::Num { v, kind } => Some((*v, *kind)),
            _ => None,
        })?;
        let ord = kind == NumKind::Ord;
        let mut j = i + 1;
        if v < 10 {
            if let Some(Lex::Num {
                kind: NumKind::Teen,
                ..
            }) = self.lex(j).first()
            {
                if !self.has_conj(j) {
                    v += 10;
                    j += 1;
                }
            }
        }
        if v < 10 || (v > 10 && v < 20) {
            // "الثالث والعشرون", "خمس واربعون", "ثلاث و عشرون"
            let k = if self.is_and(j) { j + 1 } else { j };
            if k == j + 1 || self.has_conj(j) {
                if let Some(Lex::Num { v: tens, .. }) = self.lex(k).iter().find(
                    |l| matches!(l, Lex::Num { v, .. } if *v >= 20 && *v % 10 == 0 && *v < 100),
                ) {
                    if v < 10 {
                        v += tens;
                        j = k + 1;
                    }
                }
            }
        }
        Some((j, (v, ord)))
    }

    /// A number word with its teen part but no tens ("الحادية عشرة", "الرابعة").
    fn number_units(&self, i: usize) -> R<(u32, bool)> {
        let (mut v, kind) = self.lex(i).iter().find_map(|l| match l {
            Lex::Num { v, kind } => Some((*v, *kind)),
            _ => None,
        })?;
        let mut j = i + 1;
        if v < 10
            && !self.has_conj(j)
            && matches!(
                self.lex(j).first(),
                Some(Lex::Num {
                    kind: NumKind::Teen,
                    ..
                })
            )
        {
            v += 10;
            j += 1;
        }
        Some((j, (v, kind == NumKind::Ord)))
    }

    /// A year: "2025", "عام 2025", "سنة 1447 هـ", "العام المقبل", "هذه السنة".
    fn year(&self, i: usize) -> R<YearRef> {
        let mut j = i;
        if self.is_func(j, Func::In) || self.is_func(j, Func::From) {
            j += 1;
        }
        let kw = self.unit(j).is_some_and(|(u, c)| u == Unit::Year && c == 1)
            || self.period(j) == Some(Unit::Year);
        if kw {
            if let Some(r) = self.year_digits(j + 1) {
                return Some(r);
            }
            if self.period(j) == Some(Unit::Year) {
                if let Some(d) = self.modifier(j + 1) {
                    return Some((j + 2, YearRef::Rel(dir_off(d))));
                }
            }
        }
        if self.is_func(j, Func::This) && self.period(j + 1) == Some(Unit::Year) {
            return Some((j + 2, YearRef::Rel(0)));
        }
        if j == i {
            return self.year_digits(i);
        }
        None
    }

    fn year_digits(&self, i: usize) -> R<YearRef> {
        let (v, n) = self.int(i)?;
        if n != 4 || !(1000..=2200).contains(&v) {
            return None;
        }
        let (end, cal) = match self.t.get(i + 1).map(|t| t.s) {
            Some("ه") => (i + 2, Cal::Hijri),
            Some("م") => (i + 2, Cal::Gregorian),
            _ if (1300..=1500).contains(&v) && !(1900..).contains(&v) => (i + 1, Cal::Hijri),
            _ => (i + 1, Cal::Gregorian),
        };
        Some((end, YearRef::Abs(v as i32, cal)))
    }

    /// A month name (single or multi-word): (end, cal, month, ambiguous).
    fn month_name(&self, i: usize) -> R<(Cal, u8, bool)> {
        let t = self.t.get(i)?;
        if let Some((end, Lex::Month { cal, m, amb })) = t.multi {
            return Some((end, (cal, m, amb)));
        }
        // an ambiguous name never hides behind a proclitic ("باب" is not ب + آب)
        self.lex(i).iter().find_map(|l| match l {
            Lex::Month { cal, m, amb } if !*amb || t.pre == 0 => Some((i + 1, (*cal, *m, *amb))),
            _ => None,
        })
    }

    /// A month: "أكتوبر", "شهر أكتوبر", "14 أكتوبر/تشرين الأول", "مايو (أيار)", "شهر 3",
    /// "الشهر الثامن", "الشهر المقبل", "هذا الشهر", with a year and modifier.
    /// Returns (end, month, whether it is safe without a day).
    fn month(&self, i: usize) -> R<(MonthRef, bool)> {
        let mut j = i;
        let mut safe = false;
        if self.is_func(j, Func::This) && self.period(j + 1) == Some(Unit::Month) {
            return Some((j + 2, (MonthRef::Rel(0), true)));
        }
        // "الشهر نفسه", "الشهر ذاته", "نفس الشهر": the month of the previous expression
        if self.word(j, "نفس") && self.period(j + 1) == Some(Unit::Month) {
            return Some((j + 2, (MonthRef::Same, true)));
        }
        if self.period(j) == Some(Unit::Month)
            && matches!(self.t.get(j + 1).map(|t| t.s), Some("نفسه" | "ذاته"))
        {
            return Some((j + 2, (MonthRef::Same, true)));
        }
        if self.period(j) == Some(Unit::Month) {
            if let Some(d) = self.modifier(j + 1) {
                if d != Dir::Final {
                    return Some((j + 2, (MonthRef::Rel(dir_off(d)), true)));
                }
            }
            if let Some((k, (v, true))) = self.number(j + 1) {
                if (1..=12).contains(&v) {
                    let (k2, mr) = self.month_tail(k, Cal::Gregorian, v as u8);
                    return Some((k2, (mr, true)));
                }
            }
            return None;
        }
        let monthword = self.is_func(j, Func::MonthWord)
            || self
                .unit(j)
                .is_some_and(|(u, c)| u == Unit::Month && c == 1);
        if monthword {
            j += 1;
            safe = true;
            if self.month_name(j).is_none() {
                // "شهر 3", "شهر عشرة" name a month; "شهر واحد" is a length
                let (k, (v, _)) = self.number(j)?;
                if !(1..=12).contains(&v) || (v == 1 && self.int(j).is_none()) {
                    return None;
                }
                let (k2, mr) = self.month_tail(k, Cal::Gregorian, v as u8);
                return Some((k2, (mr, true)));
            }
        }
        let (mut k, (cal, m, amb)) = self.month_name(j)?;
        if !amb {
            safe = true;
        }
        // dual forms: "أكتوبر/تشرين الأول", "مايو (أيار)", "أكتوبر - تشرين الأول"
        if let Some((k2, _)) = self.month_name(k).filter(|x| x.1 .1 == m) {
            // "فبراير شباط"
            k = k2;
            safe = true;
        } else if self.punct(k, &["/", "-", "(", "،"]) {
            if let Some((k2, (_, m2, _))) = self.month_name(k + 1) {
                if m2 == m {
                    k = if self.punct(k2, &[")"]) { k2 + 1 } else { k2 };
                    safe = true;
                }
            }
        }
        let (k, mr) = self.month_tail(k, cal, m);
        if let MonthRef::Named { year, dir, .. } = mr {
            if year.is_some() || dir.is_some() {
                safe = true;
            }
        }
        Some((k, (mr, safe)))
    }

    /// Optional year and modifier after a month.
    fn month_tail(&self, k: usize, cal: Cal, m: u8) -> (usize, MonthRef) {
        let mut k = k;
        let mut year = None;
        let mut dir = None;
        if let Some((k2, y)) = self.year(k).or_else(|| {
            // "من عام 2014", "لعام 2014", "في سنة 2014"
            if self.is_func(k, Func::From) || self.is_func(k, Func::In) {
                self.year(k + 1)
            } else {
                None
            }
        }) {
            year = Some(y);
            k = k2;
        } else if let Some(d) = self.modifier(k) {
            if d != Dir::Final {
                dir = Some(d);
                k += 1;
            }
        }
        (k, MonthRef::Named { cal, m, year, dir })
    }

    /// A day of the month: digits 1–31 or an ordinal word.
    fn day_num(&self, i: usize) -> R<u8> {
        let (k, (v, ord)) = self.number(i)?;
        if !(1..=31).contains(&v) {
            return None;
        }
        if self.int(i).is_some_and(|(_, n)| n > 2) {
            return None;
        }
        if self.int(i).is_none() && !ord {
            return None;
        }
        Some((k, v as u8))
    }

    /// Dates and date ranges starting at `i`.
    fn date(&self, i: usize) -> R<Found> {
        // slash dates
        // "20/ 10/ 1436ه", "14 / 10 / 2025", "10-10-1436هـ": the separators tokenised apart
        let spaced = match (self.int(i), self.int(i + 2), self.int(i + 4)) {
            (Some((a, na)), Some((b, nb)), Some((c, 4)))
                if na <= 2
                    && nb <= 2
                    && ((self.punct(i + 1, &["/"]) && self.punct(i + 3, &["/"]))
                        || (self.punct(i + 1, &["-"]) && self.punct(i + 3, &["-"]))) =>
            {
                Some((NumTok::Slash(a, b, Some(c)), i + 5))
            }
            _ => None,
        };
        let slash = spaced.or_else(|| match self.t.get(i).and_then(|t| t.num) {
            Some(n @ NumTok::Slash(..)) => Some((n, i + 1)),
            _ => None,
        });
        if let Some((NumTok::Slash(a, b, c), after)) = slash {
            let yr = |y: u32| -> Option<i32> {
                match y {
                    1000..=2200 => Some(y as i32),
                    0..=99 => Some(2000 + y as i32),
                    _ => None,
                }
            };
            let hijri_suffix = self.word(after, "ه");
            let e = match c {
                Some(y) if (1..=31).contains(&a) && (1..=12).contains(&b) => {
                    let y = yr(y)?;
                    let cal = if hijri_suffix || (1300..1500).contains(&y) {
                        Cal::Hijri
                    } else {
                        Cal::Gregorian
                    };
                    Expr::Day {
                        month: MonthRef::Named {
                            cal,
                            m: b as u8,
                            year: Some(YearRef::Abs(y, cal)),
                            dir: None,
                        },
                        d: a as u8,
                        wd: None,
                    }
                }
                None if (1..=12).contains(&a) && (1000..=2200).contains(&b) => {
                    Expr::Month(MonthRef::Named {
                        cal: Cal::Gregorian,
                        m: a as u8,
                        year: Some(YearRef::Abs(b as i32, Cal::Gregorian)),
                        dir: None,
                    })
                }
                None if (1..=31).contains(&a) && (1..=12).contains(&b) => Expr::Day {
                    month: MonthRef::Named {
                        cal: Cal::Gregorian,
                        m: b as u8,
                        year: None,
                        dir: None,
                    },
                    d: a as u8,
                    wd: None,
                },
                _ => return None,
            };
            let mut end = after;
            if self.word(end, "م") || self.word(end, "ه") {
                end += 1;
            }
            return Some((end, vec![(i, end, e)]));
        }
        // [اليوم] ORD [يوم] من month ; "ثالث يوم من شهر عشرة"
        let mut j = i;
        let mut day_word = false;
        if self.word(j, "اليوم") {
            j += 1;
            day_word = true;
        }
        // "الـ13 من آب"
        if self.word(j, "ال") && self.int(j + 1).is_some() {
            j += 1;
        }
        if let Some((k, d1)) = self.day_num(j) {
            let mut k = k;
            if !day_word
                && self.unit(k).is_some_and(|(u, _)| u == Unit::Day)
                && self.t[k].s == "يوم"
            {
                k += 1;
            }
            // range "13-15", "13 الى 15", "الثالث والعشرون وحتى السادس والعشرين"
            let mut d2 = None;
            if self.punct(k, &["-", "–"]) || self.is_func(k, Func::To) {
                if let Some((k2, d)) = self.day_num(k + 1) {
                    if d > d1 {
                        d2 = Some((k + 1, k2, d));
                        k = k2;
                    }
                }
            }
            let mut m0 = k;
            if self.is_func(m0, Func::From) || self.is_func(m0, Func::In) {
                m0 += 1;
            }
            if let Some((end, (month, _))) = self.month(m0) {
                let mut out = vec![(
                    i,
                    d2.map(|x| x.0 - 1).unwrap_or(end),
                    Expr::Day {
                        month,
                        d: d1,
                        wd: None,
                    },
                )];
                if let Some((s2, _, d)) = d2 {
                    // the first day ends before the connector
                    out[0].1 = s2 - 1;
                    out.push((s2, end, Expr::Day { month, d, wd: None }));
                }
                return Some((end, out));
            }
        }
        // month first: "يوليو 13-15", "اغسطس 27 الى 29", "مارس 2013", "أكتوبر الماضي"
        if let Some((k, (month, safe))) = self.month(i) {
            if let MonthRef::Named {
                year: None,
                dir: None,
                ..
            } = month
            {
                if let Some((k2, d1)) = self.day_num(k).filter(|_| self.int(k).is_some()) {
                    let mut out = vec![(
                        i,
                        k2,
                        Expr::Day {
                            month,
                            d: d1,
                            wd: None,
                        },
                    )];
                    let mut end = k2;
                    if self.punct(k2, &["-", "–"]) || self.is_func(k2, Func::To) {
                        if let Some((k3, d2)) = self.day_num(k2 + 1) {
                            if d2 > d1 {
                                out.push((
                                    k2 + 1,
                                    k3,
                                    Expr::Day {
                                        month,
                                        d: d2,
                                        wd: None,
                                    },
                                ));
                                end = k3;
                            }
                        }
                    }
                    return Some((end, out));
                }
            }
            if safe || self.is_month_context(i) {
                return Some((k, vec![(i, k, Expr::Month(month))]));
            }
        }
        None
    }

    /// Whether an ambiguous month name at `i` is used as a month (preceded by a number or a
    /// month-ish preposition with a following month-safe context).
    fn is_month_context(&self, i: usize) -> bool {
        i > 0 && self.int(i - 1).is_some_and(|(v, _)| (1..=31).contains(&v))
    }

    /// Edges of a month: "منتصف اذار", "أوائل شهر مارس", "بداية شهر 3", "نهاية الشهر المقبل".
    fn edge(&self, i: usize) -> R<Expr> {
        let edge = self.lex(i).iter().find_map(|l| match l {
            Lex::Edge(e) => Some(*e),
            Lex::Frac(30) => Some(Edge::Mid),
            _ => None,
        })?;
        if let Some((k, (month, _))) = self.month(i + 1) {
            return Some((k, Expr::MonthEdge { edge, month }));
        }
        // "نهاية 2013", "مطلع العام المقبل": the year (the contract has no TimeML mod)
        if let Some((k, y)) = self.year(i + 1) {
            return Some((k, Expr::Year(y)));
        }
        // "نهاية الشهر", "حتى نهاية العام": the current one
        match self.period(i + 1) {
            Some(Unit::Month) => Some((
                i + 2,
                Expr::MonthEdge {
                    edge,
                    month: MonthRef::Rel(0),
                },
            )),
            Some(Unit::Year) => Some((i + 2, Expr::Year(YearRef::Rel(0)))),
            _ => None,
        }
    }

    /// "عامي 2010 و2015", "بين عامي 2010 و2015": two years.
    fn year_pair(&self, i: usize) -> R<Found> {
        if !self.is_func(i, Func::Years) {
            return None;
        }
        let (k, a) = self.year_digits(i + 1)?;
        let mut out = vec![(i, k, Expr::Year(a))];
        let j = if self.is_and(k) { k + 1 } else { k };
        let sep = j > k || self.punct(k, &["-", "–"]) || self.is_func(k, Func::To);
        let j = if sep && j == k { k + 1 } else { j };
        if sep {
            if let Some((e, b)) = self.year_digits(j) {
                out.push((j, e, Expr::Year(b)));
                return Some((e, out));
            }
        }
        Some((k, out))
    }

    /// "النصف الثاني من العام", "الربع الأول من 2025".
    fn year_part(&self, i: usize) -> R<Expr> {
        let q = match self.lex(i).iter().find_map(|l| match l {
            Lex::Frac(f) => Some(*f),
            _ => None,
        })? {
            30 => 2u8,
            15 => 4,
            _ => return None,
        };
        if !self.t[i].s.starts_with("ال") && self.t[i].pre == 0 {
            return None;
        }
        // "الربع الحالي من العام", "النصف المقبل من السنة", "الربع الماضي"
        if let Some(d) = self.modifier(i + 1).filter(|d| *d != Dir::Final) {
            let mut end = i + 2;
            if self.is_func(end, Func::From)
                && self.period(end + 1) == Some(Unit::Year)
                && self.modifier(end + 2).is_none()
            {
                end += 2;
            }
            return Some((end, Expr::RelYearPart { q, off: dir_off(d) }));
        }
        let (k, (n, true)) = self.number(i + 1)? else {
            return None;
        };
        if n == 0 || n > q as u32 {
            return None;
        }
        let mut j = k;
        if self.is_func(j, Func::From) || self.is_func(j, Func::In) {
            j += 1;
        }
        let (end, year) = if self.period(j) == Some(Unit::Year)
            && self.modifier(j + 1).is_none()
            && self.year_digits(j + 1).is_none()
        {
            (j + 1, YearRef::Rel(0))
        } else {
            self.year(j)?
        };
        Some((
            end,
            Expr::YearPart {
                q,
                n: n as u8,
                year,
            },
        ))
    }

    /// Weekday expressions, with what may follow them.
    fn weekday_expr(&self, i: usize) -> R<Expr> {
        let mut j = i;
        let yawm = self.word(j, "يوم") || self.t.get(j).is_some_and(|t| &t.s[t.pre..] == "يوم");
        if yawm {
            j += 1;
        }
        let (wd, bare) = self.weekday(j)?;
        let next_is_week = self.period(j + 1) == Some(Unit::Week);
        if bare && !yawm && !next_is_week {
            return None;
        }
        let mut k = j + 1;
        // week-relative: "الاحد من الاسبوع الماضي", "اثنين الاسبوع الحالي", "الاثنين من هذا الاسبوع"
        {
            let mut w = k;
            if self.is_func(w, Func::From) {
                w += 1;
            }
            if self.is_func(w, Func::This) && self.period(w + 1) == Some(Unit::Week) {
                return Some((
                    w + 2,
                    Expr::Weekday {
                        wd,
                        dir: None,
                        week: Some(0),
                    },
                ));
            }
            if self.period(w) == Some(Unit::Week) {
                if let Some(d) = self.modifier(w + 1) {
                    return Some((
                        w + 2,
                        Expr::Weekday {
                            wd,
                            dir: None,
                            week: Some(dir_off(d)),
                        },
                    ));
                }
            }
        }
        if bare && !yawm {
            return None;
        }
        if let Some(d) = self.modifier(k) {
            if d != Dir::Final || !self.is_func(k + 1, Func::From) {
                return Some((
                    k + 1,
                    Expr::Weekday {
                        wd,
                        dir: Some(if d == Dir::Final { Dir::Last } else { d }),
                        week: None,
                    },
                ));
            }
            // "الاثنين الاخير من شهر ثلاثة"
            if let Some((end, (month, _))) = self.month(k + 2) {
                return Some((
                    end,
                    Expr::NthWeekday {
                        n: -1,
                        wd,
                        month,
                        or_day: false,
                    },
                ));
            }
        }
        // "الثلاثاء الثالث من شهر ايلول" (n-th weekday) vs "الثلاثاء التاسع عشر من هذا الشهر"
        if let Some((k2, (n, true))) = self.number(k) {
            let mut m0 = k2;
            if self.is_func(m0, Func::From) || self.is_func(m0, Func::In) {
                m0 += 1;
            }
            if let Some((end, (month, _))) = self.month(m0).or_else(|| self.month_prefixed(m0)) {
                if n <= 5 {
                    // "الثلاثاء الثالث من سبتمبر": the 3rd if it is a Tuesday, else the third Tuesday
                    return Some((
                        end,
                        Expr::NthWeekday {
                            n: n as i32,
                            wd,
                            month,
                            or_day: true,
                        },
                    ));
                }
                return Some((
                    end,
                    Expr::Day {
                        month,
                        d: n as u8,
                        wd: Some(wd),
                    },
                ));
            }
            // "أول" is a day of the month only before a month ("اليوم الأربعاء أول فروعها");
            // an ordinal without ال counts days of something else ("الأحد ثالث أيام العيد",
            // "الجمعة رابع هبوط أسبوعي"), as does one before أيام
            let w = &self.t[k].s[self.t[k].pre..];
            if (1..=31).contains(&n)
                && !w.ends_with("اول")
                && (w.starts_with("ال") || self.int(k).is_some())
                && self.unit(k2).is_none_or(|(u, _)| u != Unit::Day)
            {
                return Some((
                    k2,
                    Expr::DayOfMonth {
                        d: n as u8,
                        wd: Some(wd),
                    },
                ));
            }
        }
        // "الخميس 15 اغسطس", "الاربعاء، 13 شباط", "الخميس الموافق 14 شهر شباط", "يوم الاثنين في 18 شباط"
        {
            let mut d0 = k;
            while self.punct(d0, &["،", ",", "-"])
                || self.is_func(d0, Func::Same)
                || self.is_func(d0, Func::In)
            {
                d0 += 1;
            }
            if d0 > k || self.int(d0).is_some() || self.t.get(d0).is_some_and(|t| t.num.is_some()) {
                if let Some((end, items)) = self.date(d0) {
                    if let [(_, _, Expr::Day { month, d, .. })] = items.as_slice() {
                        return Some((
                            end,
                            Expr::Day {
                                month: *month,
                                d: *d,
                                wd: Some(wd),
                            },
                        ));
                    }
                }
            }
            // (not the day of "يوم السبت 2 / 10", whose month's calendar is unknown)
            let day_month = self.punct(k + 1, &["/", "-"]) && self.int(k + 2).is_some();
            if self
                .int(k)
                .is_some_and(|(v, n)| n <= 2 && (1..=31).contains(&v))
                && self.month(k + 1).is_none()
                && !day_month
            {
                let v = self.int(k).map(|x| x.0).unwrap_or(1);
                return Some((
                    k + 1,
                    Expr::DayOfMonth {
                        d: v as u8,
                        wd: Some(wd),
                    },
                ));
            }
        }
        if self.punct(k, &["-"]) {
            k = j + 1;
        }
        Some((
            k,
            Expr::Weekday {
                wd,
                dir: None,
                week: None,
            },
        ))
    }

    /// A month after a prefixed preposition ("بايلول", "بشهر") is already handled by the
    /// lexicon lookup; this also accepts "في" + month.
    fn month_prefixed(&self, i: usize) -> R<(MonthRef, bool)> {
        if self.is_func(i, Func::In) {
            return self.month(i + 1);
        }
        None
    }

    /// "أول ثلاثاء من شهر عشرة", "ثالث يوم ثلاثاء بايلول بعام 2014", "آخر اثنين من الشهر القادم",
    /// "آخر يوم بشهر عشرة", "أول أسبوع بشهر أكتوبر 2014", "الأسبوع الأخير في الشهر التاسع".
    fn ordinal_of_month(&self, i: usize) -> R<Expr> {
        let (mut k, n) = if self.modifier(i) == Some(Dir::Final) && !self.t[i].s.starts_with("ال")
        {
            (i + 1, -1i32)
        } else {
            let (k, (n, ord)) = self.number(i)?;
            if !ord || n > 5 {
                return None;
            }
            (k, n as i32)
        };
        let mut day = false;
        if self.t.get(k).is_some_and(|t| t.s == "يوم") {
            k += 1;
            day = true;
        }
        let target = if let Some((wd, _)) = self.weekday(k) {
            k += 1;
            Some(wd)
        } else if self.unit(k).is_some_and(|(u, c)| u == Unit::Week && c == 1) {
            k += 1;
            None
        } else if day {
            Some(0)
        } else {
            return None;
        };
        if self.is_func(k, Func::From) || self.is_func(k, Func::In) {
            k += 1;
        }
        let (end, (month, _)) = self.month(k)?;
        Some(match target {
            Some(0) if n == -1 => (
                end,
                Expr::MonthEdge {
                    edge: Edge::End,
                    month,
                },
            ),
            Some(0) => (
                end,
                Expr::Day {
                    month,
                    d: n as u8,
                    wd: None,
                },
            ),
            Some(wd) => (
                end,
                Expr::NthWeekday {
                    n,
                    wd,
                    month,
                    or_day: false,
                },
            ),
            None => (end, Expr::NthWeek { n, month }),
        })
    }

    /// "الأسبوع الأول من شهر عشرة 2014", "الاسبوع الاخير في الشهر التاسع سنة 2014",
    /// "اليوم الأخير من شهر عشرة".
    fn period_ordinal(&self, i: usize) -> R<Expr> {
        let unit = self
            .period(i)
            .or_else(|| self.word(i, "اليوم").then_some(Unit::Day))?;
        let n = if self.modifier(i + 1) == Some(Dir::Final) {
            -1
        } else {
            match self.number(i + 1) {
                Some((k, (n, true))) if k == i + 2 && n <= 5 => n as i32,
                _ => return None,
            }
        };
        let mut k = i + 2;
        if self.is_func(k, Func::From) || self.is_func(k, Func::In) {
            k += 1;
        }
        let (end, (month, _)) = self.month(k)?;
        match unit {
            Unit::Week => Some((end, Expr::NthWeek { n, month })),
            Unit::Day if n == -1 => Some((
                end,
                Expr::MonthEdge {
                    edge: Edge::End,
                    month,
                },
            )),
            Unit::Day => Some((
                end,
                Expr::Day {
                    month,
                    d: n as u8,
                    wd: None,
                },
            )),
            _ => None,
        }
    }

    /// A relative day, with a weekday in parentheses: "أمس (الأحد)", "أول من أمس (السبت)".
    /// "أمس الأول", "الأمس الأول", "يوم أمس الأول" (the day before yesterday) are read
    /// here too, and an apposed weekday joins the relative day: "أول أمس الثلاثاء",
    /// "يوم غد الأحد", "اليوم الأحد 17/10/1436هـ".
    fn relday_expr(&self, i: usize) -> R<Expr> {
        let (mut end, mut e) = self.relday_core(i)?;
        if e == Expr::RelDay(-1) && (self.word(end, "الاول") || self.word(end, "الاولي"))
        {
            e = Expr::RelDay(-2);
            end += 1;
        }
        if let Expr::RelDay(r) = e {
            if self.punct(end, &["("]) && self.punct(end + 2, &[")"]) {
                if let Some((wd, false)) = self.weekday(end + 1) {
                    return Some((end + 3, Expr::NearestWeekday { wd, around: r }));
                }
            }
            let mut w = end;
            if self.punct(w, &["،", ",", "\"", "“", "«"]) {
                w += 1;
            }
            if self.weekday(w).is_some_and(|(_, bare)| !bare) || self.word(w, "يوم") {
                if let Some((end2, we)) = self.weekday_expr(w) {
                    return Some((end2, nearest(we, r)));
                }
            }
        }
        Some((end, e))
    }

    /// Whether the word at `k` is an ordinal number ("لليوم الثاني على التوالي").
    fn ordinal_at(&self, k: usize) -> bool {
        self.int(k).is_none() && matches!(self.number(k), Some((_, (_, true))))
    }

    /// Whether "اليوم" at `i` is the name of an outlet: "عين اليوم", «اليوم», "اليوم".
    fn outlet_name(&self, i: usize) -> bool {
        let prev = i.checked_sub(1).and_then(|p| self.t.get(p));
        if prev.is_some_and(|p| {
            matches!(p.s, "عين" | "لعين" | "بعين" | "وعين") && !self.t[i].sent_start
        }) {
            return true;
        }
        let open = ["«", "\"", "“", "”", "'"];
        let close = ["»", "\"", "”", "“", "'"];
        prev.is_some_and(|p| p.kind != TokenKind::Word && open.contains(&p.s))
            && self.punct(i + 1, &close)
    }

    /// Relative days: اليوم، أمس، غدا، بعد غد، أول أمس، يوم قبل أمس، اليوم السابق، الليلة.
    fn relday_core(&self, i: usize) -> R<Expr> {
        // "لليوم الثاني على التوالي", "عين اليوم", "باليوم والتاريخ"
        if self.relday(i) == Some(0)
            && (self.ordinal_at(i + 1) || self.outlet_name(i) || self.word(i + 1, "والتاريخ"))
        {
            return None;
        }
        let mut j = i;
        let lead_day = self.word(j, "يوم") || self.word(j, "اليوم");
        if self.is_func(j, Func::In) && self.is_func(j + 1, Func::This) && self.word(j + 2, "اليوم")
        {
            return Some((j + 3, Expr::RelDay(0)));
        }
        if self.is_func(j, Func::This) {
            if self.word(j + 1, "اليوم") {
                return Some((j + 2, Expr::RelDay(0)));
            }
            if self.lex(j + 1).contains(&Lex::Tonight) {
                return Some((j + 2, Expr::WithPart(Box::new(Expr::RelDay(0)), Part::Ni)));
            }
        }
        if lead_day {
            j += 1;
            if matches!(self.t.get(j).map(|t| t.s), Some("الذي" | "الي" | "التي")) {
                j += 1;
            }
        }
        // "أول أمس", "قبل أمس", "القبل البارحة", "بعد غد", "بعد الغد"
        let first = self.t.get(j).map(|t| t.s).unwrap_or("");
        let before = first == "اول" || self.is_func(j, Func::Ago) || first == "القبل";
        if first == "اول" && self.is_func(j + 1, Func::From) && self.relday(j + 2) == Some(-1) {
            return Some((j + 3, Expr::RelDay(-2)));
        }
        let after = self.is_func(j, Func::After);
        if before || after {
            let r = self.relday(j + 1)?;
            if before && r == -1 {
                return Some((j + 2, Expr::RelDay(-2)));
            }
            if after && r == 1 {
                return Some((j + 2, Expr::RelDay(2)));
            }
            return None;
        }
        if lead_day {
            if self.t[i].s == "اليوم" {
                // "اليوم الماضي", "اليوم السابق", "اليوم التالي"
                if let Some(d) = self.modifier(i + 1) {
                    return match d {
                        Dir::Last => Some((i + 2, Expr::RelDay(-1))),
                        Dir::Next => Some((i + 2, Expr::RelDay(1))),
                        Dir::This => Some((i + 2, Expr::RelDay(0))),
                        Dir::Final => None,
                    };
                }
                // "اليوم الوطني", "اليوم الأول" — "the day …", not today
                if self.t.get(i + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word && t.s.starts_with("ال") && t.lex.is_empty()
                }) {
                    return None;
                }
                if self.weekday(i + 1).is_some_and(|(_, bare)| !bare) {
                    // "اليوم الأربعاء": today is a Wednesday — the nearest one to the dateline
                    let (end, e) = self.weekday_expr(i + 1)?;
                    return Some((end, nearest(e, 0)));
                }
                return Some((i + 1, Expr::RelDay(0)));
            }
            // "يوم غد", "يوم أمس"
            let r = self.relday(j)?;
            return Some((j + 1, Expr::RelDay(r)));
        }
        // "أمس الثلاثاء", "غدا الجمعة"
        if let Some(r) = self.relday(i) {
            if self.weekday(i + 1).is_some_and(|(_, bare)| !bare) {
                if let Some((end, e)) = self.weekday_expr(i + 1) {
                    return Some((end, nearest(e, r)));
                }
            }
        }
        if self.lex(i).contains(&Lex::Tonight) {
            return Some((i + 1, Expr::WithPart(Box::new(Expr::RelDay(0)), Part::Ni)));
        }
        let r = self.relday(i)?;
        Some((i + 1, Expr::RelDay(r)))
    }

    /// A day expression (relative day, weekday, date), optionally with a part of day or a clock.
    fn day_expr(&self, i: usize) -> R<Expr> {
        // "صباح اليوم", "مساء أمس", "فجر السبت", "ليلة الجمعة"
        if let Some(p) = self.part(i) {
            let stem = &self.t[i].s[self.t[i].pre..];
            if !stem.starts_with("ال") && !stem.ends_with('ا') {
                if let Some((end, base)) = self.bare_day(i + 1) {
                    return Some((end, Expr::WithPart(Box::new(base), p)));
                }
            }
        }
        let (end, base) = self.bare_day(i)?;
        // trailing part or clock
        if let Some((end2, c)) = self.clock_after_day(end) {
            return Some((end2, Expr::Clock(Some(Box::new(base)), c)));
        }
        if let Some(p) = self.part(end) {
            if self.t[end].s.ends_with('ا') || self.t[end].s.ends_with("اء") {
                return Some((end + 1, Expr::WithPart(Box::new(base), p)));
            }
        }
        Some((end, base))
    }

    fn bare_day(&self, i: usize) -> R<Expr> {
        let a = self.relday_expr(i);
        let b = self.weekday_expr(i);
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    fn clock_after_day(&self, i: usize) -> R<Clock> {
        let mut j = i;
        if self.is_func(j, Func::From) || self.is_func(j, Func::In) || self.punct(j, &["،", ","]) {
            j += 1;
        }
        if self.is_func(j, Func::Clock)
            || self
                .t
                .get(j)
                .is_some_and(|t| matches!(t.num, Some(NumTok::Clock(..))))
        {
            return self.clock(j);
        }
        None
    }

    /// Clock times: "الساعة العاشرة صباحا", "العاشرة والنصف مساء", "3:18 صباحا", "الساعة 12 الا ربع".
    fn clock(&self, i: usize) -> R<Clock> {
        let mut j = i;
        if self.is_func(j, Func::Approx) {
            j += 1;
        }
        let kw = self.is_func(j, Func::Clock);
        if kw {
            j += 1;
            // "الساعة الـ13.45", "الساعة (11:59) مساء"
            if self.word(j, "ال")
                && self
                    .t
                    .get(j + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number)
            {
                j += 1;
            }
        }
        // "الساعة (11:59) مساء": the bracket closes after the number
        let bracket = kw
            && self.punct(j, &["("])
            && self
                .t
                .get(j + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
            && self.punct(j + 2, &[")"]);
        if bracket {
            j += 1;
        }
        let decimal = if kw { self.decimal_clock(j) } else { None };
        let (mut h, mut m, s, mut minutes_given, mut k) = match self.t.get(j)?.num {
            _ if decimal.is_some() => {
                let (h, m, k) = decimal?;
                (h, m, None, true, k)
            }
            Some(NumTok::Clock(h, m, s)) => (h as i32, m as i32, s, true, j + 1),
            Some(NumTok::Int(v, n)) if kw && n <= 2 && v <= 24 => (v as i32, 0, None, false, j + 1),
            // military style "الساعة 1045 بتوقيت جرينتش", "0600 بتوقيت غرينتش"
            Some(NumTok::Int(v, 4))
                if (kw || self.is_func(j + 1, Func::Zone)) && v / 100 <= 23 && v % 100 < 60 =>
            {
                ((v / 100) as i32, (v % 100) as i32, None, true, j + 1)
            }
            Some(_) => return None,
            None => {
                let (k, (v, ord)) = self
                    .number(j)
                    .filter(|n| n.1 .0 <= 12)
                    .or_else(|| self.number_units(j))?;
                // hours are cardinals or feminine ordinals: "الساعة الأولى" is "the first hour"
                let w = self.t[j].s;
                let fem = w.ends_with('ة') || w.ends_with('ه') || w.ends_with("ادية");
                if v == 0 || v > 12 || (!kw && !ord) || (ord && (!fem || v == 1)) {
                    return None;
                }
                // feminine ordinal hours ("الثالثة") or cardinals after الساعة
                (v as i32, 0, None, false, k)
            }
        };
        if bracket {
            k += 1;
        }
        // minutes
        let mut frac_minutes = false;
        let conj_here = self.is_and(k) || self.has_conj(k);
        if conj_here {
            let n0 = if self.is_and(k) { k + 1 } else { k };
            if let Some(Lex::Frac(f)) = self.lex(n0).iter().find(|l| matches!(l, Lex::Frac(_))) {
                m += *f as i32;
                k = n0 + 1;
                minutes_given = true;
                frac_minutes = true;
            } else if let Some((k2, (v, _))) = self.number(n0) {
                if v < 60 {
                    m += v as i32;
                    k = k2;
                    minutes_given = true;
                    if self.unit(k).is_some_and(|(u, _)| u == Unit::Minute) {
                        k += 1;
                    }
                }
            }
        } else if self.is_func(k, Func::Minus) {
            if let Some(Lex::Frac(f)) = self.lex(k + 1).iter().find(|l| matches!(l, Lex::Frac(_))) {
                m -= *f as i32;
                k += 2;
                minutes_given = true;
                frac_minutes = true;
            } else if let Some((k2, (v, _))) = self.number(k + 1) {
                if v < 60 {
                    m -= v as i32;
                    k = k2;
                    minutes_given = true;
                    if self.unit(k).is_some_and(|(u, _)| u == Unit::Minute) {
                        k += 1;
                    }
                }
            }
        }
        if m >= 60 {
            return None;
        }
        if m < 0 {
            m += 60;
            h -= 1;
            if h < 0 {
                h += 24;
            }
        }
        // part of day
        let mut part = None;
        if self.is_func(k, Func::This) && self.part(k + 1).is_some() {
            part = self
                .part(k + 1)
                .or(self.lex(k + 1).contains(&Lex::Tonight).then_some(Part::Ni));
            k += 2;
        } else if self.is_func(k, Func::This) && self.lex(k + 1).contains(&Lex::Tonight) {
            part = Some(Part::Ni);
            k += 2;
        } else if self.is_func(k, Func::After) && self.part(k + 1).is_some() {
            part = Some(match self.part(k + 1) {
                Some(Part::Mi) | Some(Part::Af) => Part::Af,
                _ => Part::Ev,
            });
            k += 2;
        } else if self.is_func(k, Func::Ago) && self.part(k + 1).is_some() {
            part = Some(match self.part(k + 1) {
                Some(Part::Mi) => Part::Mo,
                _ => Part::Af,
            });
            k += 2;
        } else if let Some(p) = self.part(k) {
            part = Some(p);
            k += 1;
        } else if self.lex(k).contains(&Lex::Tonight) {
            part = Some(Part::Ni);
            k += 1;
        }
        // without الساعة a word hour needs a part of day or a fraction ("الثالثة وربع")
        if !kw
            && part.is_none()
            && !frac_minutes
            && !matches!(
                self.t[j].num,
                Some(NumTok::Clock(..)) | Some(NumTok::Int(_, 4))
            )
        {
            return None;
        }
        let mut hh = h;
        match part {
            Some(Part::Mo) => {}
            Some(Part::Mi) => {
                if hh < 6 {
                    hh += 12
                }
            }
            Some(Part::Af) | Some(Part::Ev) => {
                if hh < 12 {
                    hh += 12
                }
            }
            Some(Part::Ni) => {
                if (5..12).contains(&hh) {
                    hh += 12
                } else if hh == 12 {
                    hh = 0
                }
            }
            None => {
                // news clocks are daytime: 1–6 without a part of day are afternoon hours
                if (1..=6).contains(&hh) && !self.t[j].s.starts_with('0') {
                    hh += 12
                }
            }
        }
        let mut utc = false;
        if self.is_func(k, Func::Zone) {
            if let Some(t) = self.t.get(k + 1) {
                let z = t.s.to_ascii_lowercase();
                utc = matches!(z.as_str(), "gmt" | "utc" | "غرينتش" | "جرينتش" | "غرينيتش");
                k += 2;
            }
        }
        Some((
            k,
            Clock {
                h: (hh % 24) as u8,
                m: m as u8,
                s,
                utc,
                minutes_given,
            },
        ))
    }

    /// Clock digits with a decimal separator after الساعة: "13.45", "00,01", and the
    /// Reuters form "47ر09" (09:47: the Arabic decimal sign, fraction written first).
    /// Returns (hour, minute, end).
    fn decimal_clock(&self, j: usize) -> Option<(i32, i32, usize)> {
        let t = self.t.get(j)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let (h, m, end) = if let Some((a, b)) = t.s.split_once(['.', ',']) {
            (a, b, j + 1)
        } else if self.word(j + 1, "ر")
            && self
                .t
                .get(j + 2)
                .is_some_and(|x| x.kind == TokenKind::Number)
        {
            (self.t[j + 2].s, t.s, j + 3)
        } else {
            return None;
        };
        if m.len() != 2 || h.is_empty() || h.len() > 2 {
            return None;
        }
        let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
        (h <= 23 && m < 60).then_some((h, m, end))
    }

    /// A clock time, possibly followed by its day ("الساعة العاشرة صباح اليوم", "العاشرة من مساء الأحد").
    fn clock_expr(&self, i: usize) -> R<Expr> {
        let (k, c) = self.clock(i)?;
        let mut j = k;
        if self.is_func(j, Func::From) || self.punct(j, &["،", ","]) {
            j += 1;
        }
        if let Some((end, day)) = self.day_expr(j) {
            let mut c = c;
            let day = match day {
                Expr::WithPart(b, p) => {
                    // "السابعة من مساء أمس": the part of day fixes the hour
                    c.h = match p {
                        Part::Af | Part::Ev if c.h < 12 => c.h + 12,
                        Part::Ni if (5..12).contains(&c.h) => c.h + 12,
                        Part::Mo if c.h >= 13 => c.h - 12,
                        _ => c.h,
                    };
                    *b
                }
                Expr::Clock(..) => return Some((k, Expr::Clock(None, c))),
                d => d,
            };
            return Some((end, Expr::Clock(Some(Box::new(day)), c)));
        }
        Some((k, Expr::Clock(None, c)))
    }

    /// A length: "ثلاثة أيام", "24 ساعة", "عامين", "ساعة ونصف". Returns (end, n, unit, bare singular).
    fn length(&self, i: usize) -> R<(f64, Unit, bool)> {
        let (mut k, n, unit, bare) = if let Some((unit, count)) = self.unit(i) {
            match count {
                2 => (i + 1, 2.0, unit, false),
                1 => {
                    // "شهر رمضان", "شهر مايو", "عام 2015" are not lengths
                    if self.t[i].pre > 0
                        || self.t[i].multi.is_some()
                        || self.month_name(i + 1).is_some()
                        || self.year_digits(i + 1).is_some()
                    {
                        return None;
                    }
                    let mut k = i + 1;
                    if matches!(self.t.get(k).map(|t| t.s), Some("واحد" | "واحدة")) {
                        k += 1;
                    }
                    (k, 1.0, unit, k == i + 1)
                }
                _ => return None,
            }
        } else {
            let (k, (v, ord)) = self.number(i)?;
            if ord || v == 0 {
                return None;
            }
            let (unit, count) = self.unit(k)?;
            // "رقم 189 لسنة 2015", "في 2010 يوم الخامس": not lengths; a plural needs
            // three or more ("إحدى أشهر الجامعات" is "one of the most famous")
            if count == 2 || self.t[k].pre > 0 || (count == 0 && v < 3) {
                return None;
            }
            if self
                .int(i)
                .is_some_and(|(v, n)| n == 4 && (1800..=2200).contains(&v))
                && count == 1
            {
                return None;
            }
            (k + 1, v as f64, unit, false)
        };
        let mut n = n;
        if self.has_conj(k) && self.lex(k).contains(&Lex::Frac(30)) {
            n += 0.5;
            k += 1;
        }
        Some((k, (n, unit, bare)))
    }

    /// All rules at `i`; the longest match.
    pub(crate) fn at(&self, i: usize) -> R<Found> {
        let t = &self.t[i];
        if t.lex.is_empty() && t.num.is_none() && t.multi.is_none() {
            return None;
        }
        let mut best: R<Found> = None;
        let mut offer = |r: R<Found>| {
            if let Some(r) = r {
                if r.0 > i && best.as_ref().is_none_or(|b| r.0 > b.0) {
                    best = Some(r);
                }
            }
        };
        let one = |r: R<Expr>| r.map(|(e, x)| (e, vec![(i, e, x)]));
        // multi-word vague and holidays
        if let Some((end, lex)) = t.multi {
            match lex {
                Lex::Vague(v) => offer(Some((end, vec![(i, end, Expr::Vague(v))]))),
                Lex::Holiday(h) => {
                    let (e2, y) = match self.year(end) {
                        Some((e2, y)) => (e2, Some(y)),
                        None => (end, None),
                    };
                    offer(Some((e2, vec![(i, e2, Expr::Holiday(h, y))])));
                }
                _ => {}
            }
        }
        for l in t.lex {
            match *l {
                Lex::Vague(v) => offer(Some((i + 1, vec![(i, i + 1, Expr::Vague(v))]))),
                Lex::Holiday(h) => {
                    let (e2, y) = match self.year(i + 1) {
                        Some((e2, y)) => (e2, Some(y)),
                        None => (i + 1, None),
                    };
                    offer(Some((e2, vec![(i, e2, Expr::Holiday(h, y))])));
                }
                Lex::SetAdv(u) => offer(Some((i + 1, vec![(i, i + 1, Expr::Set(1.0, u))]))),
                // "صيف هذا العام", "شتاء 2014", "الصيف الماضي" (a bare season is generic)
                Lex::Season(season) => {
                    if let Some((end, y)) = self.year(i + 1) {
                        offer(one(Some((
                            end,
                            Expr::Season {
                                s: season,
                                year: Some(y),
                                dir: None,
                            },
                        ))));
                    } else if let Some(d) = self.modifier(i + 1).filter(|d| *d != Dir::Final) {
                        offer(one(Some((
                            i + 2,
                            Expr::Season {
                                s: season,
                                year: None,
                                dir: Some(d),
                            },
                        ))));
                    }
                }
                Lex::Decade(d) => {
                    let mut end = i + 1;
                    let mut d = d as i32;
                    // "من القرن الماضي/العشرين", "خمسينات القرن الماضي", "ستينيات القرن التاسع عشر"
                    let c = if self.is_func(end, Func::From) {
                        end + 1
                    } else {
                        end
                    };
                    if self.period(c) == Some(Unit::Century) {
                        end = c + 1;
                        if self.modifier(c + 1).is_some() {
                            end += 1;
                        } else if let Some((k, (n, true))) = self.number(c + 1) {
                            if (1..=30).contains(&n) {
                                d = (n as i32 - 1) * 10 + d % 10;
                                end = k;
                            }
                        }
                    }
                    offer(Some((end, vec![(i, end, Expr::Decade(d))])));
                }
                _ => {}
            }
        }
        offer(self.date(i));
        offer(self.year_pair(i));
        offer(one(self.edge(i)));
        offer(one(self.year_part(i)));
        offer(one(self.ordinal_of_month(i)));
        offer(one(self.period_ordinal(i)));
        offer(one(self.day_expr(i)));
        offer(one(self.clock_expr(i)));
        // relative periods: "الأسبوع المقبل", "هذا العام", "الشهر الماضي", "القرن الماضي"
        {
            let (j, this) = if self.is_func(i, Func::This) {
                (i + 1, true)
            } else {
                (i, false)
            };
            if let Some(u) = self.period(j) {
                if this && self.modifier(j + 1).is_none() {
                    offer(one(Some((j + 1, Expr::RelPeriod(u, 0)))));
                } else if let Some(d) = self.modifier(j + 1) {
                    if d != Dir::Final {
                        offer(one(Some((j + 2, Expr::RelPeriod(u, dir_off(d))))));
                    }
                }
                if u == Unit::Century {
                    if let Some((k, (n, true))) = self.number(j + 1) {
                        if (1..=30).contains(&n) {
                            offer(one(Some((k, Expr::Century(n as i32)))));
                        }
                    }
                }
            }
            // "الأيام الماضية", "الأسابيع الثلاثة القادمة", "السنوات الأخيرة"
            if let Some(u) = self.lex(i).iter().find_map(|l| match l {
                Lex::Periods(u) => Some(*u),
                _ => None,
            }) {
                let (mut k, n) = match self.number(i + 1) {
                    Some((k, (n, false))) if n > 1 => (k, Some(n)),
                    _ => (i + 1, None),
                };
                if matches!(self.t.get(k).map(|t| t.s), Some("القليلة" | "القليله")) {
                    k += 1;
                }
                if let Some(d) = self.modifier(k) {
                    let e = match (n, d) {
                        (Some(n), Dir::Next | Dir::Last | Dir::Final) => {
                            Expr::Duration(n as f64, u)
                        }
                        (None, Dir::Next) => Expr::Vague("FUTURE_REF"),
                        (None, Dir::Last | Dir::Final) => Expr::Vague("PAST_REF"),
                        _ => Expr::Vague("PRESENT_REF"),
                    };
                    offer(one(Some((k + 1, e))));
                }
            }
        }
        // years: "عام 2015", "في 2015", "2015م", "العام المقبل" handled above
        if let Some((end, y)) = self.year(i) {
            let explicit = end > i + 1 || self.period(i).is_some() || self.unit(i).is_some();
            let context = i > 0
                && (self.func(i - 1).is_some_and(|f| {
                    matches!(f, Func::In | Func::Ago | Func::Within | Func::After)
                }) || self.t[i - 1].s.ends_with("حتي")
                    || self.lex(i - 1).iter().any(|l| matches!(l, Lex::Edge(_))));
            if (explicit || context) && matches!(y, YearRef::Abs(..)) {
                let s = if self.is_func(i, Func::In) || self.is_func(i, Func::From) {
                    i + 1
                } else {
                    i
                };
                offer(Some((end, vec![(s, end, Expr::Year(y))])));
            }
        }
        // ago / after / within / for / every
        match t.lex.iter().find_map(|l| match l {
            Lex::Func(f) => Some(*f),
            _ => None,
        }) {
            Some(f @ (Func::Ago | Func::After)) => {
                let mut j = i + 1;
                if self.is_func(j, Func::Approx) {
                    j += 1;
                }
                if let Some((end, (n, u, _))) = self.length(j) {
                    offer(one(Some((
                        end,
                        Expr::Shift(n, u, if f == Func::Ago { -1 } else { 1 }),
                    ))));
                }
            }
            Some(Func::Within | Func::For | Func::Approx) => {
                let mut j = i + 1;
                if self.is_func(j, Func::Approx) {
                    j += 1;
                }
                if let Some((end, (n, u, _))) = self.length(j) {
                    offer(Some((end, vec![(j, end, Expr::Duration(n, u))])));
                }
            }
            Some(Func::Every) => {
                let mut j = i + 1;
                if self.word(j, "يوم") && self.weekday(j + 1).is_some() {
                    j += 1;
                }
                // "كل أحد"/"كل اثنين" are "everyone"/"every two": bare Sunday/Monday need يوم
                if let Some((wd, _)) = self
                    .weekday(j)
                    .filter(|&(d, bare)| !bare || j > i + 1 || !matches!(d, 1 | 7))
                {
                    offer(one(Some((j + 1, Expr::SetWeekday(wd)))));
                } else if let Some((end, (n, u, _))) = self.length(i + 1) {
                    offer(one(Some((end, Expr::Set(n, u)))));
                }
            }
            _ => {}
        }
        // a part of day on its own ("استهدفت المدينة صباحًا"): that part of the dateline's day
        if let Some(p) = self.part(i) {
            let stem = &t.s[t.pre..];
            let next_word = self
                .t
                .get(i + 1)
                .filter(|n| n.kind == TokenKind::Word && !n.sent_start);
            let adverb = stem.ends_with('ا')
                || (stem == "مساء"
                    && next_word.is_none_or(|n| self.has_conj(i + 1) && n.lex.is_empty()));
            let idiom = next_word.is_some_and(|n| n.s.ends_with("نهارا"));
            if adverb && !idiom && p != Part::Mi || (p == Part::Mi && stem == "ظهرا") {
                offer(one(Some((
                    i + 1,
                    Expr::WithPart(Box::new(Expr::RelDay(0)), p),
                ))));
            }
        }
        // plural units without a number: "قبل أيام", "منذ سنوات", "خلال أسابيع", "لسنوات عديدة"
        {
            let f = self.func(i);
            let j = if matches!(f, Some(Func::Ago | Func::After | Func::Within | Func::For)) {
                i + 1
            } else {
                i
            };
            // a vague quantifier: "بعد بضعة أسابيع", "منذ عدة أشهر", "بضع سنوات"
            let quant = matches!(
                self.t.get(j).map(|t| &t.s[t.span_pre..]),
                Some("عدة" | "عده" | "بضعة" | "بضعه" | "بضع")
            ) && self.unit(j + 1).is_some_and(|(_, c)| c == 0);
            let j = j + quant as usize;
            if let Some((u, 0)) = self.unit(j) {
                let mut end = j + 1;
                let adj = matches!(
                    self.t.get(end).map(|t| t.s),
                    Some(
                        "عديدة"
                            | "عديده"
                            | "قليلة"
                            | "قليله"
                            | "طويلة"
                            | "طويله"
                            | "كثيرة"
                            | "كثيره"
                            | "عدة"
                    )
                );
                if adj {
                    end += 1;
                }
                let vague_adj = adj || quant;
                // the quantifier belongs to a bare length ("بضعة أسابيع"), and to
                // "خلال/لمدة" ones, which start at the quantifier
                let from = if quant { j - 1 } else { j };
                match f {
                    Some(Func::Ago) if j > i => offer(one(Some((end, Expr::Vague("PAST_REF"))))),
                    Some(Func::After) if j > i => {
                        offer(one(Some((end, Expr::Vague("FUTURE_REF")))))
                    }
                    _ if j > i || vague_adj => offer(Some((
                        end,
                        vec![(from.min(j), end, Expr::VagueDuration(u))],
                    ))),
                    _ => {}
                }
            }
        }
        // bare lengths: numbered or dual always; a bare singular only as a whole sentence
        if let Some((end, (n, u, bare))) = self.length(i) {
            let alone = t.sent_start && self.t.get(end).is_none_or(|t| t.sent_start);
            if !bare || alone {
                offer(one(Some((end, Expr::Duration(n, u)))));
            }
        }
        best
    }
}

/// A plain weekday said to be today ± `around` days: the occurrence nearest that day.
fn nearest(e: Expr, around: i32) -> Expr {
    match e {
        Expr::Weekday {
            wd,
            dir: None,
            week: None,
        } => Expr::NearestWeekday { wd, around },
        e => e,
    }
}

pub(crate) fn dir_off(d: Dir) -> i32 {
    match d {
        Dir::Next => 1,
        Dir::Last => -1,
        Dir::This | Dir::Final => 0,
    }
}

/// Tense cue of one token, if any.
pub(crate) fn tense_of(tk: &Tk<'_>) -> Option<Tense> {
    if tk.kind != TokenKind::Word {
        return None;
    }
    // a scheduling imperfect after the ل of purpose ("لتصل إلى") is no future
    let purpose = tk.pre > 0 && tk.s.starts_with('ل');
    if let Some(t) = tk.lex.iter().find_map(|l| match l {
        Lex::Tense(Tense::Future) if purpose => None,
        Lex::Tense(t) => Some(*t),
        Lex::RelDay(d) if *d < 0 => Some(Tense::Past),
        Lex::RelDay(d) if *d > 0 => Some(Tense::Future),
        _ => None,
    }) {
        return (t != Tense::NotVerb).then_some(t);
    }
    // "الأسبوع المقبل", "الشهر الماضي" elsewhere in the clause
    match tk.s {
        "المقبل" | "المقبلة" | "القادم" | "القادمة" => {
            return Some(Tense::Future)
        }
        "الماضي" | "الماضية" | "المنصرم" | "المنصرمة" | "الفائت" | "الفائتة" => {
            return Some(Tense::Past)
        }
        _ => {}
    }
    if !tk.lex.is_empty() {
        return None;
    }
    let w =
        tk.s.strip_prefix('و')
            .or_else(|| tk.s.strip_prefix('ف'))
            .unwrap_or(tk.s);
    if perfect_verb(w) {
        let lx = Lexicon::get();
        if !lx
            .exact(w)
            .iter()
            .any(|l| matches!(l, Lex::Tense(Tense::NotVerb)))
        {
            return Some(Tense::Past);
        }
    }
    // سـ + imperfect prefix: "سيزور", "ستعقد", "سنعمل", "وسيلتقي"
    let mut cs = w.chars();
    // (nouns in ـات/ـة are not verbs: "سندات", "سنوية", "سيناريوهات")
    if cs.next() == Some('س')
        && matches!(cs.next(), Some('ي' | 'ت' | 'ن'))
        && w.chars().count() >= 5
        && !(w.ends_with("ات") || w.ends_with('ة'))
    {
        let lx = Lexicon::get();
        if !lx
            .exact(w)
            .iter()
            .any(|l| matches!(l, Lex::Tense(Tense::NotVerb)))
            && !lx.known(w)
        {
            return Some(Tense::Future);
        }
    }
    None
}

/// Whether a (conjunction-stripped, normalised) word has the shape of a perfect verb
/// with a subject suffix: 3rd feminine singular ـت ("هاجمت", "تعرضت") or masculine
/// plural ـوا ("قتلوا"), with no imperfect prefix (ي/ن/ت; a ت is allowed before ـت
/// on long Form V/VI stems, "تعرضت"). Plural nouns in ـات, and ـوت/ـيت nouns ("بيروت", "توقيت"), are left out;
/// remaining noun homographs are listed as `notverb` in `time_tense.tsv`.
pub(crate) fn perfect_verb(w: &str) -> bool {
    let n = w.chars().count();
    let first = w.chars().next();
    if w.starts_with("ال") || matches!(first, Some('ي' | 'ن')) {
        return false;
    }
    let t_initial = first == Some('ت');
    if w.ends_with("وا") {
        return n >= 5 && !t_initial;
    }
    if w.ends_with('ت')
        && !(w.ends_with("ات") || w.ends_with("وت") || w.ends_with("يت") || w.ends_with("ةت"))
    {
        return (4..=8).contains(&n) && (!t_initial || n >= 5);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_verbs_by_shape() {
        for w in [
            "هاجمت",
            "خطفت",
            "كشفت",
            "قتلوا",
            "تعرضت",
            "اعلنت",
            "انسحبوا",
        ] {
            assert!(perfect_verb(w), "{w}");
        }
        // plural nouns, ـوت/ـيت nouns, imperfects (نشرت is missed: it starts like one)
        for w in [
            "سيارات",
            "بيروت",
            "توقيت",
            "يقتلوا",
            "تقتلوا",
            "تحت",
            "نشرت",
            "الكويت",
            "تثبت",
        ] {
            assert!(!perfect_verb(w), "{w}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_num("3:18"), Some(NumTok::Clock(3, 18, None)));
        assert_eq!(parse_num("2/2013"), Some(NumTok::Slash(2, 2013, None)));
        assert_eq!(parse_num("2025"), Some(NumTok::Int(2025, 4)));
        assert_eq!(parse_num("3:7"), None);
        assert_eq!(parse_num("99999999999999"), None);
    }
}
