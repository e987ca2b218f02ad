//! The time lexicons (`data/lexicons/time_*.tsv`), loaded once into one word table.
//!
//! Every key is stored as written in the TSV (already `Match`-normalised) and,
//! when it ends in ة, also with ه, because news spells "الجمعه"/"ساعه" too.
use std::sync::OnceLock;

/// The raw lexicon files, by name.
pub(crate) const FILES: &[(&str, &str)] = &[
    (
        "time_holidays.tsv",
        include_str!("../../../data/lexicons/time_holidays.tsv"),
    ),
    (
        "time_months.tsv",
        include_str!("../../../data/lexicons/time_months.tsv"),
    ),
    (
        "time_numbers.tsv",
        include_str!("../../../data/lexicons/time_numbers.tsv"),
    ),
    (
        "time_tense.tsv",
        include_str!("../../../data/lexicons/time_tense.tsv"),
    ),
    (
        "time_units.tsv",
        include_str!("../../../data/lexicons/time_units.tsv"),
    ),
    (
        "time_weekdays.tsv",
        include_str!("../../../data/lexicons/time_weekdays.tsv"),
    ),
    (
        "time_words.tsv",
        include_str!("../../../data/lexicons/time_words.tsv"),
    ),
];

/// Calendar a month or holiday belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cal {
    Gregorian,
    Hijri,
}

/// Time units, smallest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            _ => return None,
        })
    }

    /// Granularity name of the contract.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
            Unit::Decade => "decade",
            Unit::Century => "century",
        }
    }
}

/// Direction given by a modifier (المقبل, الماضي, الجاري, الأخير).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    Next,
    Last,
    This,
    Final,
}

/// Parts of the day (TimeML `MO`, `MI`, `AF`, `EV`, `NI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Mo,
    Mi,
    Af,
    Ev,
    Ni,
}

impl Part {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Part::Mo => "MO",
            Part::Mi => "MI",
            Part::Af => "AF",
            Part::Ev => "EV",
            Part::Ni => "NI",
        }
    }
}

/// Function words that shape an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Func {
    Every,
    Ago,
    After,
    Within,
    For,
    Approx,
    To,
    From,
    In,
    This,
    Same,
    Clock,
    Minus,
    MonthWord,
    Zone,
    Years,
}

/// Edges of a period (بداية, أوائل, منتصف, أواخر, نهاية).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edge {
    Start,
    Early,
    Mid,
    Middle,
    Late,
    End,
}

/// Kinds of number words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumKind {
    Card,
    Ord,
    Teen,
}

/// How a holiday's date is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    Gregorian(u8, u8),
    Hijri(u8, u8),
    HijriMonth(u8),
    Easter,
    Thanksgiving,
}

/// Tense cues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    NotVerb,
}

/// One reading of a word or phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Lex {
    Month {
        cal: Cal,
        m: u8,
        amb: bool,
    },
    Weekday {
        d: u8,
        bare: bool,
    },
    Num {
        v: u32,
        kind: NumKind,
    },
    Unit {
        unit: Unit,
        count: u8,
    },
    RelDay(i8),
    Tonight,
    Mod(Dir),
    Period(Unit),
    Periods(Unit),
    Part(Part),
    Vague(&'static str),
    SetAdv(Unit),
    Func(Func),
    Frac(u8),
    Edge(Edge),
    Holiday(HolidayRule),
    Tense(Tense),
    Decade(u16),
    /// A season: 0 spring, 1 summer, 2 autumn, 3 winter.
    Season(u8),
}

/// A hash map keyed by short words (FxHash: cheaper than SipHash on them).
type FnvMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// A multi-word entry: the words after the first, and the reading.
#[derive(Debug)]
pub(crate) struct Multi {
    pub rest: Vec<String>,
    pub lex: Lex,
}

/// Everything a word can start: its own readings and the phrases it begins.
#[derive(Debug, Default)]
pub(crate) struct Entry {
    pub words: Vec<Lex>,
    pub multi: Vec<Multi>,
}

/// All time lexicons.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    map: FnvMap<String, Entry>,
    /// Bitmaps of the ends of the keys (see [`Lexicon::may_know`]): a bit per hash of the
    /// last six bytes of the keys of six bytes or more, of the keys of four bytes, and of
    /// the keys of five bytes.
    tails: [Vec<u64>; 3],
}

/// The last (up to) eight bytes of `w`, the last byte lowest.
fn tail(w: &str) -> u64 {
    let b = w.as_bytes();
    if b.len() >= 8 {
        u64::from_be_bytes(b[b.len() - 8..].try_into().unwrap_or_default())
    } else {
        b.iter().fold(0u64, |t, &x| t << 8 | x as u64)
    }
}

/// A 16-bit hash of the last `n` bytes (`n` < 8) of a word whose [`tail`] is `t`.
fn tail_bit(t: u64, n: usize) -> usize {
    let t = t & ((1u64 << (8 * n)) - 1);
    (t.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

fn bit_set(bits: &[u64], bit: usize) -> bool {
    bits[bit / 64] & (1 << (bit % 64)) != 0
}

/// Folds a final ة to ه (news writes both).
pub(crate) fn fold_teh(s: &str) -> Option<String> {
    s.strip_suffix('ة').map(|r| format!("{r}ه"))
}

/// Data rows of a TSV file: `(line number, fields)`.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn parse_row(file: &str, f: &[&str]) -> Option<Lex> {
    let g = |i: usize| f.get(i).copied().unwrap_or("");
    Some(match file {
        "time_months.tsv" => Lex::Month {
            cal: if g(1) == "hijri" {
                Cal::Hijri
            } else {
                Cal::Gregorian
            },
            m: g(2).parse().ok()?,
            amb: g(3) == "amb",
        },
        "time_weekdays.tsv" => Lex::Weekday {
            d: g(1).parse().ok()?,
            bare: g(2) == "bare",
        },
        "time_numbers.tsv" => Lex::Num {
            v: g(1).parse().ok()?,
            kind: match g(2) {
                "ord" => NumKind::Ord,
                "teen" => NumKind::Teen,
                _ => NumKind::Card,
            },
        },
        "time_units.tsv" => Lex::Unit {
            unit: Unit::parse(g(1))?,
            count: g(2).parse().ok()?,
        },
        "time_tense.tsv" => Lex::Tense(match g(1) {
            "past" => Tense::Past,
            "future" => Tense::Future,
            _ => Tense::NotVerb,
        }),
        "time_holidays.tsv" => {
            let mut it = g(1).split(' ');
            let kind = it.next()?;
            let arg = it.next().unwrap_or("");
            let md = || -> Option<(u8, u8)> {
                let (m, d) = arg.split_once('-')?;
                Some((m.parse().ok()?, d.parse().ok()?))
            };
            Lex::Holiday(match kind {
                "gregorian" => {
                    let (m, d) = md()?;
                    HolidayRule::Gregorian(m, d)
                }
                "hijri" => {
                    let (m, d) = md()?;
                    HolidayRule::Hijri(m, d)
                }
                "hijri-month" => HolidayRule::HijriMonth(arg.parse().ok()?),
                "easter" => HolidayRule::Easter,
                "thanksgiving" => HolidayRule::Thanksgiving,
                _ => return None,
            })
        }
        "time_words.tsv" => {
            let v = g(2);
            match g(1) {
                "relday" if v == "tonight" => Lex::Tonight,
                "relday" => Lex::RelDay(v.parse().ok()?),
                "mod" => Lex::Mod(match v {
                    "next" => Dir::Next,
                    "last" => Dir::Last,
                    "this" => Dir::This,
                    _ => Dir::Final,
                }),
                "period" => Lex::Period(Unit::parse(v)?),
                "periods" => Lex::Periods(Unit::parse(v)?),
                "part" => Lex::Part(match v {
                    "MO" => Part::Mo,
                    "MI" => Part::Mi,
                    "AF" => Part::Af,
                    "EV" => Part::Ev,
                    _ => Part::Ni,
                }),
                "vague" => Lex::Vague(match v {
                    "PAST_REF" => "PAST_REF",
                    "FUTURE_REF" => "FUTURE_REF",
                    _ => "PRESENT_REF",
                }),
                "setadv" => Lex::SetAdv(Unit::parse(v)?),
                "decade" => Lex::Decade(v.parse().ok()?),
                "season" => {
                    Lex::Season(["SP", "SU", "FA", "WI"].iter().position(|x| *x == v)? as u8)
                }
                "frac" => Lex::Frac(v.parse().ok()?),
                "edge" => Lex::Edge(match v {
                    "start" => Edge::Start,
                    "early" => Edge::Early,
                    "mid" => Edge::Mid,
                    "middle" => Edge::Middle,
                    "late" => Edge::Late,
                    _ => Edge::End,
                }),
                class => Lex::Func(match class {
                    "every" => Func::Every,
                    "ago" => Func::Ago,
                    "after" => Func::After,
                    "within" => Func::Within,
                    "for" => Func::For,
                    "approx" => Func::Approx,
                    "to" => Func::To,
                    "from" => Func::From,
                    "in" => Func::In,
                    "this" => Func::This,
                    "same" => Func::Same,
                    "clock" => Func::Clock,
                    "minus" => Func::Minus,
                    "monthword" => Func::MonthWord,
                    "zone" => Func::Zone,
                    "years" => Func::Years,
                    _ => return None,
                }),
            }
        }
        _ => return None,
    })
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut lx = Lexicon::default();
        for (file, text) in FILES {
            for (_, f) in rows(text) {
                let Some(lex) = parse_row(file, &f) else {
                    continue;
                };
                let key = f[0];
                let mut words = key.split(' ');
                let first = words.next().unwrap_or("");
                let rest: Vec<String> = words.map(str::to_string).collect();
                let mut keys = vec![first.to_string()];
                keys.extend(fold_teh(first));
                for k in keys {
                    let e = lx.map.entry(k).or_default();
                    if rest.is_empty() {
                        e.words.push(lex);
                    } else {
                        e.multi.push(Multi {
                            rest: rest.clone(),
                            lex,
                        });
                    }
                }
            }
        }
        for e in lx.map.values_mut() {
            e.multi.sort_by_key(|m| std::cmp::Reverse(m.rest.len()));
        }
        lx.tails = [vec![0; 1 << 10], vec![0; 1 << 10], vec![0; 1 << 10]];
        for k in lx.map.keys() {
            let (t, n) = match k.len() {
                0..=3 => continue,
                4 => (1, 4),
                5 => (2, 5),
                _ => (0, 6),
            };
            let bit = tail_bit(tail(k), n);
            lx.tails[t][bit / 64] |= 1 << (bit % 64);
        }
        lx
    }

    /// Whether some clitic variant of `w` (see [`Lexicon::lookup`]) may be a key: false only when
    /// none is. A variant is `w`, a suffix of `w` of four bytes or more, or ال + a suffix
    /// after لل — which ends like `w` too, since the letter before the suffix is ل in both.
    /// So for `w` of six bytes or more, a variant of six bytes or more ends with the last
    /// six bytes of `w`, and a shorter one (four or five bytes) is the end of `w`.
    #[inline]
    pub(crate) fn may_know(&self, w: &str) -> bool {
        w.len() < 6 || {
            let t = tail(w);
            bit_set(&self.tails[0], tail_bit(t, 6))
                || bit_set(&self.tails[1], tail_bit(t, 4))
                || bit_set(&self.tails[2], tail_bit(t, 5))
        }
    }

    /// The shared lexicon.
    pub(crate) fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    /// Everything known about a key.
    #[cfg(test)]
    pub(crate) fn entry(&self, w: &str) -> Option<&Entry> {
        self.map.get(w)
    }

    /// The first clitic variant of `w` that is a key (`w`; without و/ف; then, of what
    /// remains, لل → ال, and without ب/ل/ك; each of two letters or more): (prefix bytes stripped, prefix
    /// bytes to leave out of a span, entry). The variants are built only as far as needed.
    pub(crate) fn lookup(&self, w: &str) -> Option<(usize, usize, &Entry)> {
        if let Some(e) = self.map.get(w) {
            return Some((0, 0, e));
        }
        let min = 4; // at least two letters after stripping, as in `variants`
        let mut base = 0;
        if let Some(r) = w.strip_prefix('و').or_else(|| w.strip_prefix('ف')) {
            if r.len() >= min {
                if let Some(e) = self.map.get(r) {
                    return Some((2, 2, e));
                }
                base = 2;
            }
        }
        let stem = &w[base..];
        if let Some(r) = stem.strip_prefix("لل") {
            if r.len() >= min {
                if let Some(e) = self.map.get(format!("ال{r}").as_str()) {
                    // the ل of لل + noun stays in the span (the article's alef is not written)
                    return Some((base + 2, base, e));
                }
            }
        }
        let r = stem
            .strip_prefix('ب')
            .or_else(|| stem.strip_prefix('ل'))
            .or_else(|| stem.strip_prefix('ك'))?;
        if r.len() >= min {
            return self.map.get(r).map(|e| (base + 2, base + 2, e));
        }
        None
    }

    /// Readings of an exact key.
    pub(crate) fn exact(&self, w: &str) -> &[Lex] {
        self.map.get(w).map(|e| e.words.as_slice()).unwrap_or(&[])
    }

    /// Whether `w` starts any entry.
    pub(crate) fn known(&self, w: &str) -> bool {
        self.map.contains_key(w)
    }
}

/// Clitic-stripped variants of a normalised word, identity first: `(prefix bytes, stem)`.
///
/// Only the proclitics that attach to time words are tried: و/ف, then ب/ل/ك
/// (and لل → ال). The definition of [`Lexicon::lookup`], which builds them lazily.
#[cfg(test)]
pub(crate) fn variants(w: &str) -> impl Iterator<Item = (usize, std::borrow::Cow<'_, str>)> {
    use std::borrow::Cow;
    // no allocation on the hot path: at most four candidates in a fixed array
    let mut out: [Option<(usize, Cow<'_, str>)>; 4] =
        [Some((0, Cow::Borrowed(w))), None, None, None];
    let min = 4; // at least two letters after stripping
    let mut base = 0;
    if let Some(r) = w.strip_prefix('و').or_else(|| w.strip_prefix('ف')) {
        if r.len() >= min {
            out[1] = Some((2, Cow::Borrowed(r)));
            base = 2;
        }
    }
    let stem = &w[base..];
    if let Some(r) = stem.strip_prefix("لل") {
        if r.len() >= min {
            out[2] = Some((base + 2, Cow::Owned(format!("ال{r}"))));
        }
    }
    if let Some(r) = stem
        .strip_prefix('ب')
        .or_else(|| stem.strip_prefix('ل'))
        .or_else(|| stem.strip_prefix('ك'))
    {
        if r.len() >= min {
            out[3] = Some((base + 2, Cow::Borrowed(r)));
        }
    }
    out.into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `lookup` as its definition: the first variant that is a key.
    fn lookup_by_variants(lx: &Lexicon, w: &str) -> Option<(usize, usize, *const Entry)> {
        variants(w).find_map(|(pre, v)| {
            let span_pre = match v {
                std::borrow::Cow::Owned(_) => pre - 2,
                std::borrow::Cow::Borrowed(_) => pre,
            };
            lx.entry(&v).map(|e| (pre, span_pre, e as *const Entry))
        })
    }

    #[test]
    fn lookup_is_the_first_variant_that_is_a_key() {
        let lx = Lexicon::get();
        let mut words = vec!["", "و", "ول", "لل", "وللا", "بال", "السعودية", "وبالامس"];
        let forms: Vec<String> = lx
            .map
            .keys()
            .flat_map(|k| {
                let bare = k.strip_prefix("ال").unwrap_or(k);
                [
                    "", "و", "ف", "ب", "ل", "ك", "وب", "فل", "لل", "ولل", "ال", "وال",
                ]
                .map(|p| format!("{p}{k}"))
                .into_iter()
                .chain([
                    format!("لل{bare}"),
                    format!("ولل{bare}"),
                    format!("وب{bare}"),
                ])
            })
            .collect();
        words.extend(forms.iter().map(String::as_str));
        for w in words {
            let got = lx.lookup(w).map(|(p, s, e)| (p, s, e as *const Entry));
            assert_eq!(got, lookup_by_variants(lx, w), "help: {w}");
        }
    }

    #[test]
    fn the_tail_filter_passes_every_clitic_form_of_every_key() {
        let lx = Lexicon::get();
        let mut n = 0;
        for k in lx.map.keys() {
            let mut forms: Vec<String> = ["", "و", "ف", "ب", "ل", "ك", "وب", "فل", "وك"]
                .iter()
                .map(|p| format!("{p}{k}"))
                .collect();
            if let Some(r) = k.strip_prefix("ال") {
                forms.extend([format!("لل{r}"), format!("ولل{r}"), format!("فلل{r}")]);
            }
            for f in forms {
                // the filter may only say no when no variant is a key
                if variants(&f).any(|(_, v)| lx.known(&v)) {
                    assert!(lx.may_know(&f), "help: {f} (key {k}) filtered out");
                    n += 1;
                }
            }
        }
        assert!(n > lx.map.len());
        // and it does filter: most words start no time expression
        let unknown = ["والمملكة", "السعودية", "الحكومة", "بالمشروع", "وأوضح"];
        assert!(unknown.iter().filter(|w| lx.may_know(w)).count() < unknown.len());
    }

    #[test]
    fn lexicons_are_sorted_unique_and_normalised() {
        for (name, text) in FILES {
            let head: Vec<&str> = text.lines().take(3).collect();
            assert!(
                head[0].starts_with("# version:")
                    && head[1].starts_with("# source:")
                    && head[2].starts_with("# licence:"),
                "help: {name} needs the three headers"
            );
            let lines: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .collect();
            let mut sorted = lines.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(
                lines, sorted,
                "help: keep {name} sorted (LC_ALL=C sort) and unique"
            );
            let mut keys: Vec<&str> = lines
                .iter()
                .map(|l| l.split('\t').next().unwrap())
                .collect();
            keys.dedup();
            assert_eq!(keys.len(), lines.len(), "help: {name} has a duplicate key");
            for (n, f) in rows(text) {
                assert_eq!(
                    rasd_text::normalize_key(f[0]),
                    f[0],
                    "help: {name}:{n}: key is not Match-normalised"
                );
                assert!(
                    parse_row(name, &f).is_some(),
                    "help: {name}:{n}: bad row {f:?}"
                );
            }
        }
    }

    #[test]
    fn lookups() {
        let lx = Lexicon::get();
        assert!(matches!(lx.exact("الجمعه"), [Lex::Weekday { d: 5, .. }]));
        assert!(lx.exact("شهر").len() >= 2);
        assert!(lx
            .entry("تشرين")
            .unwrap()
            .multi
            .iter()
            .any(|m| m.rest == ["الاول"]));
        let v: Vec<_> = variants("وبالامس")
            .map(|(p, s)| (p, s.into_owned()))
            .collect();
        assert!(v.contains(&(4, "الامس".to_string())));
        let v: Vec<_> = variants("للعام")
            .map(|(p, s)| (p, s.into_owned()))
            .collect();
        assert!(v.contains(&(2, "العام".to_string())));
    }
}
