//! Evaluation of the tagger: the Duckling Arabic corpus and TimeML files.
//!
//! **Duckling** (`Time/Corpus.hs`, `Duration/Corpus.hs`): each phrase is
//! tagged alone with the dateline 2013-02-12 (Duckling's reference time is
//! 2013-02-12T04:30 in a UTC−2 zone). A phrase passes when
//! * an instant: the longest expression's value equals the expected value
//!   at the expected grain (`2013-02-12`, `2013-W07`, `2013-02-12T15:00`…);
//!   "now" is also accepted as `PRESENT_REF`, TimeML's value for it, and a
//!   value in UTC (`…Z`) is compared in the corpus's zone;
//! * an interval: the hull of all expressions (each value taken as the
//!   interval it denotes at its granularity) equals the expected interval,
//!   or a DURATION of the interval's length is found (TimeML marks "خلال
//!   أسبوعين" and "الأسابيع الثلاثة القادمة" as durations);
//! * a duration: an expression of type DURATION has the expected value.
//!
//! **TimeML**: inline `<TIMEX3 … value="…">text</TIMEX3>`, the creation date
//! from `--dct` or a `<DCT>` element; precision, recall and F1 of spans
//! (exact and overlapping) and the accuracy of values on overlapping spans.
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rasd_doc::{Time, TimeType};

use crate::lexicon::Unit;
use crate::resolve::duration_value;
use crate::{tag, Error, Result};

/// What a Duckling example expects.
#[derive(Debug, Clone, PartialEq)]
pub enum Gold {
    /// One instant at a grain.
    Instant(NaiveDateTime, String),
    /// A half-open interval at a grain.
    Interval(NaiveDateTime, NaiveDateTime, String),
    /// A duration: count and grain.
    Duration(u32, String),
}

/// One Duckling example.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The Arabic phrase.
    pub phrase: String,
    /// What it should resolve to.
    pub gold: Gold,
}

/// Duckling's reference time for its corpora.
pub fn duckling_reference() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2013, 2, 12)
        .and_then(|d| d.and_hms_opt(4, 30, 0))
        .unwrap_or_default()
}

fn tuple_dt(nums: &[i64]) -> Option<NaiveDateTime> {
    NaiveDate::from_ymd_opt(nums[0] as i32, nums[1] as u32, nums[2] as u32)?.and_hms_opt(
        nums[3] as u32,
        nums[4] as u32,
        nums[5] as u32,
    )
}

/// Parses the examples of a Duckling `Corpus.hs` (time or duration).
pub fn parse_duckling(src: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(p) = rest.find("examples (") {
        rest = &rest[p + "examples (".len()..];
        let Some(open) = rest.find('[') else { break };
        let head = &rest[..open];
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        let list = &rest[open + 1..open + close];
        rest = &rest[open + close..];
        let kind = head.split_whitespace().next().unwrap_or("");
        let nums: Vec<i64> = head
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        let grain = [
            "Second", "Minute", "Hour", "Day", "Week", "Month", "Quarter", "Year",
        ]
        .iter()
        .find(|g| head.split(|c: char| !c.is_alphanumeric()).any(|w| w == **g))
        .map(|g| g.to_lowercase())
        .unwrap_or_default();
        let gold = match kind {
            "datetime" | "datetimeHoliday" if nums.len() >= 6 => {
                tuple_dt(&nums[..6]).map(|d| Gold::Instant(d, grain))
            }
            "datetimeInterval" | "datetimeIntervalHoliday" if nums.len() >= 12 => {
                match (tuple_dt(&nums[..6]), tuple_dt(&nums[6..12])) {
                    (Some(a), Some(b)) => Some(Gold::Interval(a, b, grain)),
                    _ => None,
                }
            }
            "DurationData" if !nums.is_empty() => Some(Gold::Duration(nums[0] as u32, grain)),
            _ => None,
        };
        let Some(gold) = gold else { continue };
        let mut s = list;
        while let Some(a) = s.find('"') {
            let Some(b) = s[a + 1..].find('"') else { break };
            out.push(Example {
                phrase: s[a + 1..a + 1 + b].to_string(),
                gold: gold.clone(),
            });
            s = &s[a + b + 2..];
        }
    }
    out
}

/// One failed example or expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The phrase or file position.
    pub item: String,
    /// Why it failed.
    pub reason: String,
}

/// Result of a Duckling evaluation.
#[derive(Debug, Clone, Default)]
pub struct DucklingReport {
    /// Examples tried.
    pub total: usize,
    /// Examples passed.
    pub passed: usize,
    /// Time examples (tried, passed).
    pub time: (usize, usize),
    /// Duration examples (tried, passed).
    pub duration: (usize, usize),
    /// Every failure.
    pub failures: Vec<Failure>,
}

impl DucklingReport {
    /// Pass rate in [0, 1].
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.passed as f64 / self.total as f64
        }
    }
}

impl fmt::Display for DucklingReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "duckling-ar: {}/{} passed ({:.1}%) — time {}/{}, duration {}/{}",
            self.passed,
            self.total,
            100.0 * self.rate(),
            self.time.1,
            self.time.0,
            self.duration.1,
            self.duration.0
        )?;
        for x in &self.failures {
            writeln!(f, "FAIL {}\t{}", x.item, x.reason)?;
        }
        Ok(())
    }
}

fn expected_values(dt: NaiveDateTime, grain: &str) -> Vec<String> {
    let d = dt.date();
    match grain {
        "second" => {
            let mut v = vec![dt.format("%Y-%m-%dT%H:%M:%S").to_string()];
            if dt == duckling_reference() {
                v.push("PRESENT_REF".into());
            }
            v
        }
        "minute" => vec![dt.format("%Y-%m-%dT%H:%M").to_string()],
        "hour" => vec![dt.format("%Y-%m-%dT%H:00").to_string()],
        "day" => vec![d.format("%Y-%m-%d").to_string()],
        "week" => vec![crate::calendar::week_value(d)],
        "month" => vec![d.format("%Y-%m").to_string()],
        "quarter" => vec![format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1)],
        "year" => vec![format!("{}", d.year())],
        _ => vec![],
    }
}

/// Duckling's test zone is UTC−2: a value in UTC is moved there.
fn to_corpus_zone(v: &str) -> String {
    if let Some(x) = v.strip_suffix('Z') {
        for fmt in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"] {
            if let Ok(t) = NaiveDateTime::parse_from_str(x, fmt) {
                return (t - Duration::hours(2)).format(fmt).to_string();
            }
        }
    }
    v.to_string()
}

/// The interval `[start, end)` a TimeML value denotes at its granularity.
pub fn value_interval(value: &str, granularity: &str) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let value = to_corpus_zone(value);
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let midnight = |d: NaiveDate| d.and_time(NaiveTime::MIN);
    if let Some((a, b)) = value.split_once('/') {
        return Some((midnight(day(a)?), midnight(day(b)? + Duration::days(1))));
    }
    if let Some((d, t)) = value.split_once('T') {
        let d = day(d)?;
        let part = |h0: u32, h1: u32| {
            Some((
                midnight(d) + Duration::hours(h0 as i64),
                midnight(d) + Duration::hours(h1 as i64),
            ))
        };
        return match t {
            "MO" => part(4, 12),
            "MI" => part(12, 13),
            "AF" => part(12, 19),
            "EV" => part(18, 24),
            "NI" => part(18, 24),
            _ => {
                let fmt = if t.len() > 5 { "%H:%M:%S" } else { "%H:%M" };
                let tm = NaiveTime::parse_from_str(t, fmt).ok()?;
                let a = d.and_time(tm);
                let w = match granularity {
                    "hour" => Duration::hours(1),
                    "second" => Duration::seconds(1),
                    _ => Duration::minutes(1),
                };
                Some((a, a + w))
            }
        };
    }
    if let Some(d) = day(&value) {
        return Some((midnight(d), midnight(d + Duration::days(1))));
    }
    if let Some((y, w)) = value.split_once("-W") {
        let d = NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)?;
        return Some((midnight(d), midnight(d + Duration::days(7))));
    }
    if value.len() == 7 {
        let d = day(&format!("{value}-01"))?;
        let e = crate::calendar::shift_months(d, 1)?;
        return Some((midnight(d), midnight(e)));
    }
    if value.len() == 4 {
        let y: i32 = value.parse().ok()?;
        return Some((
            midnight(NaiveDate::from_ymd_opt(y, 1, 1)?),
            midnight(NaiveDate::from_ymd_opt(y + 1, 1, 1)?),
        ));
    }
    None
}

/// Adds a TimeML duration (`P14D`, `P3W`, `P2M`, `P1Y`) to a date.
fn add_duration(d: NaiveDate, v: &str) -> Option<NaiveDate> {
    let body = v.strip_prefix('P')?;
    if body.starts_with('T') {
        return None;
    }
    let n: i64 = body[..body.len() - 1].parse().ok()?;
    match body.chars().last()? {
        'D' => Some(d + Duration::days(n)),
        'W' => Some(d + Duration::days(7 * n)),
        'M' => crate::calendar::shift_months(d, n as i32),
        'Y' => crate::calendar::shift_months(d, 12 * n as i32),
        _ => None,
    }
}

fn show(times: &[Time], text: &str) -> String {
    if times.is_empty() {
        return "no expression found".into();
    }
    times
        .iter()
        .map(|t| {
            format!(
                "{} {:?} → {}",
                text.get(t.span.range()).unwrap_or("?"),
                t.kind,
                t.value.as_deref().unwrap_or("null")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn grain_unit(g: &str) -> Option<Unit> {
    Some(match g {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        _ => return None,
    })
}

/// Scores one example: `None` when it passes, else the reason.
pub fn check_example(ex: &Example) -> Option<String> {
    let reference = duckling_reference();
    let times = crate::tag_phrase(&ex.phrase, Some(reference.date()));
    let got = || show(&times, &ex.phrase);
    match &ex.gold {
        Gold::Duration(n, g) => {
            let want = duration_value(*n as f64, grain_unit(g)?);
            let ok = times
                .iter()
                .any(|t| t.kind == TimeType::Duration && t.value.as_deref() == Some(want.as_str()));
            (!ok).then(|| format!("expected DURATION {want}; got {}", got()))
        }
        Gold::Instant(dt, g) => {
            let want = expected_values(*dt, g);
            let main = times
                .iter()
                .max_by_key(|t| (t.span.len(), std::cmp::Reverse(t.span.start)));
            let ok = main
                .and_then(|t| t.value.as_deref())
                .is_some_and(|v| want.contains(&to_corpus_zone(v)));
            (!ok).then(|| format!("expected {}; got {}", want.join(" or "), got()))
        }
        Gold::Interval(a, b, g) => {
            let hull = times
                .iter()
                .filter(|t| t.kind != TimeType::Duration)
                .filter_map(|t| value_interval(t.value.as_deref()?, &t.granularity))
                .reduce(|x, y| (x.0.min(y.0), x.1.max(y.1)));
            let by_hull = hull == Some((*a, *b));
            let by_duration = times.iter().any(|t| {
                t.kind == TimeType::Duration
                    && t.value
                        .as_deref()
                        .and_then(|v| add_duration(a.date(), v))
                        .is_some_and(|e| e == b.date())
            });
            (!(by_hull || by_duration))
                .then(|| format!("expected interval {a} – {b} ({g}); got {}", got()))
        }
    }
}

/// Evaluates the Duckling corpus in `dir` (`Time/Corpus.hs`, `Duration/Corpus.hs`, or a
/// single `Corpus.hs`).
pub fn eval_duckling(dir: &Path) -> Result<DucklingReport> {
    let mut files: Vec<(bool, PathBuf)> = Vec::new();
    if dir.is_file() {
        files.push((
            dir.to_string_lossy().contains("Duration"),
            dir.to_path_buf(),
        ));
    } else {
        for (dur, rel) in [(false, "Time/Corpus.hs"), (true, "Duration/Corpus.hs")] {
            let p = dir.join(rel);
            if p.exists() {
                files.push((dur, p));
            }
        }
    }
    if files.is_empty() {
        return Err(Error::Empty {
            path: dir.display().to_string(),
        });
    }
    let mut r = DucklingReport::default();
    for (dur, p) in files {
        let src = std::fs::read_to_string(&p).map_err(|source| Error::Io {
            path: p.display().to_string(),
            source,
        })?;
        for ex in parse_duckling(&src) {
            let fail = check_example(&ex);
            r.total += 1;
            let slot = if dur { &mut r.duration } else { &mut r.time };
            slot.0 += 1;
            match fail {
                None => {
                    r.passed += 1;
                    slot.1 += 1;
                }
                Some(reason) => r.failures.push(Failure {
                    item: ex.phrase.clone(),
                    reason,
                }),
            }
        }
    }
    Ok(r)
}

/// A gold TIMEX3 of a TimeML document.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    /// Byte span in [`TimeMlDoc::text`].
    pub span: rasd_doc::Span,
    /// TimeML type.
    pub kind: String,
    /// TimeML value.
    pub value: String,
}

/// A TimeML document: its text with the tags removed, its creation time and gold TIMEX3s.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimeMlDoc {
    /// Text with tags removed (the DCT element dropped).
    pub text: String,
    /// Document creation time.
    pub dct: Option<NaiveDate>,
    /// Gold expressions, in order.
    pub timexes: Vec<GoldTimex>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=");
    let p = tag.find(&key)? + key.len();
    let q = tag[p..].chars().next()?;
    if q != '"' && q != '\'' {
        return None;
    }
    let rest = &tag[p + 1..];
    let e = rest.find(q)?;
    Some(unescape(&rest[..e]))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Reads inline-TIMEX3 TimeML.
pub fn read_timeml(src: &str) -> std::result::Result<TimeMlDoc, String> {
    let mut doc = TimeMlDoc::default();
    let mut open: Option<(usize, String, String)> = None;
    let mut in_dct = false;
    let mut rest = src;
    while let Some(lt) = rest.find('<') {
        let chunk = &rest[..lt];
        if !in_dct {
            doc.text.push_str(&unescape(chunk));
        }
        let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
        let tag = &rest[lt + 1..gt];
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let closing = tag.starts_with('/');
        match (name, closing) {
            ("DCT", false) => in_dct = true,
            ("DCT", true) => in_dct = false,
            ("TIMEX3", false) => {
                let value = attr(tag, "value").unwrap_or_default();
                let kind = attr(tag, "type").unwrap_or_default();
                let creation = attr(tag, "functionInDocument").as_deref() == Some("CREATION_TIME");
                if in_dct || creation {
                    doc.dct =
                        NaiveDate::parse_from_str(value.get(..10).unwrap_or(""), "%Y-%m-%d").ok();
                } else if !tag.ends_with('/') {
                    if open.is_some() {
                        return Err("nested TIMEX3".into());
                    }
                    open = Some((doc.text.len(), kind, value));
                }
            }
            ("TIMEX3", true) => {
                if let Some((s, kind, value)) = open.take() {
                    doc.timexes.push(GoldTimex {
                        span: rasd_doc::Span::new(s as u32, doc.text.len() as u32),
                        kind,
                        value,
                    });
                }
            }
            _ => {}
        }
        rest = &rest[gt + 1..];
    }
    doc.text.push_str(&unescape(rest));
    if open.is_some() {
        return Err("unclosed TIMEX3".into());
    }
    Ok(doc)
}

/// Scores of a TimeML evaluation.
#[derive(Debug, Clone, Default)]
pub struct TimeMlReport {
    /// Documents read.
    pub docs: usize,
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// Exact span matches.
    pub exact: usize,
    /// Overlapping span matches.
    pub overlap: usize,
    /// Overlapping matches with the right value.
    pub value_ok: usize,
    /// Missed, spurious and wrong-value expressions.
    pub failures: Vec<Failure>,
}

fn prf(tp: usize, sys: usize, gold: usize) -> (f64, f64, f64) {
    let p = if sys == 0 {
        0.0
    } else {
        tp as f64 / sys as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl TimeMlReport {
    /// (precision, recall, F1) of overlapping spans.
    pub fn lenient(&self) -> (f64, f64, f64) {
        prf(self.overlap, self.system, self.gold)
    }
    /// (precision, recall, F1) of exact spans.
    pub fn strict(&self) -> (f64, f64, f64) {
        prf(self.exact, self.system, self.gold)
    }
    /// Share of overlapping matches with the right value.
    pub fn value_accuracy(&self) -> f64 {
        if self.overlap == 0 {
            0.0
        } else {
            self.value_ok as f64 / self.overlap as f64
        }
    }
}

impl fmt::Display for TimeMlReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sp, sr, sf) = self.strict();
        let (lp, lr, lf) = self.lenient();
        writeln!(
            f,
            "timeml: {} docs, {} gold, {} system; strict P {:.3} R {:.3} F1 {:.3}; lenient P {:.3} R {:.3} F1 {:.3}; value accuracy {:.3} ({}/{})",
            self.docs, self.gold, self.system, sp, sr, sf, lp, lr, lf, self.value_accuracy(), self.value_ok, self.overlap
        )?;
        for x in &self.failures {
            writeln!(f, "FAIL {}\t{}", x.item, x.reason)?;
        }
        Ok(())
    }
}

/// Scores one TimeML document into `report`.
pub fn score_timeml(
    name: &str,
    doc: &TimeMlDoc,
    dct: Option<NaiveDate>,
    report: &mut TimeMlReport,
) {
    let dct = doc.dct.or(dct);
    let sys = tag(&doc.text, dct);
    report.docs += 1;
    report.gold += doc.timexes.len();
    report.system += sys.len();
    let slice = |s: rasd_doc::Span| doc.text.get(s.range()).unwrap_or("?").to_string();
    let mut used = vec![false; sys.len()];
    for g in &doc.timexes {
        let hit = sys
            .iter()
            .enumerate()
            .find(|(k, t)| !used[*k] && t.span.overlaps(g.span));
        match hit {
            None => report.failures.push(Failure {
                item: format!("{name}: {}", slice(g.span)),
                reason: format!("missed (gold {} {})", g.kind, g.value),
            }),
            Some((k, t)) => {
                used[k] = true;
                report.overlap += 1;
                if t.span == g.span {
                    report.exact += 1;
                }
                if t.value.as_deref() == Some(g.value.as_str()) {
                    report.value_ok += 1;
                } else {
                    report.failures.push(Failure {
                        item: format!("{name}: {}", slice(g.span)),
                        reason: format!(
                            "value {} (span {:?}), gold {}",
                            t.value.as_deref().unwrap_or("null"),
                            slice(t.span),
                            g.value
                        ),
                    });
                }
            }
        }
    }
    for (k, t) in sys.iter().enumerate() {
        if !used[k] {
            report.failures.push(Failure {
                item: format!("{name}: {}", slice(t.span)),
                reason: format!(
                    "spurious ({:?} {})",
                    t.kind,
                    t.value.as_deref().unwrap_or("null")
                ),
            });
        }
    }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if path.is_dir() {
        let rd = std::fs::read_dir(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for e in entries {
            collect(&e, out)?;
        }
    } else if path
        .extension()
        .is_some_and(|e| e == "tml" || e == "xml" || e == "timeml")
    {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// Evaluates TimeML files (or directories of `.tml`/`.xml` files).
pub fn eval_timeml(paths: &[PathBuf], dct: Option<NaiveDate>) -> Result<TimeMlReport> {
    let mut files = Vec::new();
    for p in paths {
        collect(p, &mut files)?;
    }
    let mut report = TimeMlReport::default();
    for f in files {
        let src = std::fs::read_to_string(&f).map_err(|source| Error::Io {
            path: f.display().to_string(),
            source,
        })?;
        let doc = read_timeml(&src).map_err(|message| Error::TimeMl {
            path: f.display().to_string(),
            message,
        })?;
        score_timeml(&f.display().to_string(), &doc, dct, &mut report);
    }
    Ok(report)
}

/// Whether a path is a Duckling corpus (a directory with `Time/Corpus.hs`, or a `.hs` file).
pub fn is_duckling(path: &Path) -> bool {
    path.join("Time/Corpus.hs").exists()
        || path.join("Duration/Corpus.hs").exists()
        || path.extension().is_some_and(|e| e == "hs")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_duckling_blocks() {
        let src = r#"
  [ examples (datetime (2013, 2, 12, 4, 30, 0) Second)
             [ "حالا"
             , "الان"
             ]
  , examples (datetimeInterval ((2013, 3, 1, 0, 0, 0), (2013, 3, 11, 0, 0, 0)) Day)
             [ "في اوائل اذار" ]
  , examples (DurationData 2 Minute)
             [ "دقيقتان" ]
  ]"#;
        let ex = parse_duckling(src);
        assert_eq!(ex.len(), 4);
        assert_eq!(
            ex[0].gold,
            Gold::Instant(duckling_reference(), "second".into())
        );
        assert!(matches!(ex[2].gold, Gold::Interval(_, _, ref g) if g == "day"));
        assert_eq!(ex[3].gold, Gold::Duration(2, "minute".into()));
        assert_eq!(check_example(&ex[1]), None);
        assert_eq!(check_example(&ex[3]), None);
    }

    #[test]
    fn intervals_of_values() {
        let (a, b) = value_interval("2013-W07", "week").unwrap();
        assert_eq!((a.date().day(), (b - a).num_days()), (11, 7));
        let (a, b) = value_interval("2013-03-01/2013-03-10", "day").unwrap();
        assert_eq!((b - a).num_days(), 10);
        assert_eq!(a.date(), NaiveDate::from_ymd_opt(2013, 3, 1).unwrap());
        assert!(value_interval("PAST_REF", "day").is_none());
        assert_eq!(to_corpus_zone("2013-02-14T08:00Z"), "2013-02-14T06:00");
    }

    #[test]
    fn timeml_reader_and_scores() {
        let src = include_str!("../tests/data/sample.tml");
        let doc = read_timeml(src).unwrap();
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(2025, 11, 26));
        assert!(doc.timexes.len() >= 5);
        for g in &doc.timexes {
            assert!(doc
                .text
                .get(g.span.range())
                .is_some_and(|s| !s.trim().is_empty()));
        }
        assert!(!doc.text.contains("2025-11-26T"));
        let mut r = TimeMlReport::default();
        score_timeml("sample", &doc, None, &mut r);
        assert_eq!(r.gold, doc.timexes.len());
        assert!(r.lenient().1 >= 0.8, "{r}");
        assert!(r.value_accuracy() >= 0.8, "{r}");
        assert!(read_timeml("<TIMEX3 value='2020'>x").is_err());
    }

    #[test]
    fn duckling_corpus_pass_rate() {
        let Some(dir) = rasd_doc::test_support::shared_path("data/time/duckling-ar") else {
            return;
        };
        let r = eval_duckling(&dir).unwrap();
        eprintln!("{r}");
        assert!(r.total >= 150, "corpus not fully parsed: {}", r.total);
        // 185/191 (96.9%) reached; the 6 known failures are listed in the crate report
        assert!(
            r.passed >= 185 && r.rate() >= 0.95,
            "help: Duckling pass rate fell to {}/{}\n{r}",
            r.passed,
            r.total
        );
    }
}
