//! Counts known error patterns of the time tagger over real news (no gold needed).
//!
//! `cargo run --release -p rasd-time --example audit -- ../shared/data/news/saudinewsnet/dataset/2015-08-02.zip`
//!
//! Each line is `pattern<TAB>count`; `-v` after the paths prints up to 5 examples each
//! (`-vv` up to 200),
//! `-d` dumps every time instead (`doc<TAB>id<TAB>text<TAB>value<TAB>anchor<TAB>context`),
//! for diffs between versions.
//! The patterns are heuristics written from an audit of 30 articles: they count
//! suspicious outputs, not certain errors, and are meant for before/after comparison.
use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use rasd_doc::{Annotator, Doc, TimeType};
use rasd_text::TextAnnotator;
use rasd_time::TimeAnnotator;

const WEEKDAYS: [&str; 10] = [
    "السبت",
    "الأحد",
    "الاحد",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الاربعاء",
    "الخميس",
    "الجمعة",
];

/// Whether a sentence holds an explicit future cue.
fn future_cue(sentence: &str) -> bool {
    sentence.split_whitespace().any(|w| {
        let w = w.trim_start_matches(['و', 'ف']);
        let s = w.strip_prefix('س').unwrap_or("");
        (s.starts_with(['ي', 'ت', 'ن']) && w.chars().count() >= 5)
            || matches!(w, "سوف" | "لن")
            || w.contains("المقبل")
            || w.contains("القادم")
            || w.contains("المقرر")
            || w.contains("مقرر")
            || w.contains("غد")
    })
}

#[derive(Default)]
struct Tally {
    keep: usize,
    n: BTreeMap<&'static str, usize>,
    ex: BTreeMap<&'static str, Vec<String>>,
}

impl Tally {
    fn add(&mut self, k: &'static str, example: impl FnOnce() -> String) {
        *self.n.entry(k).or_default() += 1;
        let v = self.ex.entry(k).or_default();
        if v.len() < self.keep {
            v.push(example());
        }
    }
}

fn ctx(doc: &Doc, a: usize, b: usize) -> String {
    let mut s = a.saturating_sub(60);
    while !doc.text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (b + 40).min(doc.text.len());
    while !doc.text.is_char_boundary(e) {
        e += 1;
    }
    format!(
        "{}[{}]{}",
        &doc.text[s..a],
        &doc.text[a..b],
        &doc.text[b..e]
    )
    .replace('\n', " ")
}

fn audit(doc: &Doc, t: &mut Tally) {
    let Some(dct) = doc.dateline else { return };
    *t.n.entry("docs").or_default() += 1;
    *t.n.entry("times").or_default() += doc.times.len();
    for (k, x) in doc.times.iter().enumerate() {
        let text = doc.slice(x.span);
        let (a, b) = (x.span.start as usize, x.span.end as usize);
        let sent = doc
            .sentence_at(x.span.start)
            .map(|s| doc.slice(doc.sentences[s]))
            .unwrap_or("");
        let value = x.value.as_deref().unwrap_or("");
        let day = value
            .get(..10)
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
        if WEEKDAYS.iter().any(|w| text.contains(w))
            && matches!(x.kind, TimeType::Date | TimeType::Time)
        {
            if let Some(d) = day {
                *t.n.entry("weekday values").or_default() += 1;
                if d > dct {
                    *t.n.entry("weekday after dateline").or_default() += 1;
                    if !future_cue(sent) {
                        t.add("weekday after dateline, no future cue", || ctx(doc, a, b));
                    }
                }
            }
        }
        let after = &doc.text[b..];
        let after = after.trim_start();
        if text.ends_with("أمس") && after.starts_with("الأول") {
            t.add("أمس الأول read as أمس", || ctx(doc, a, b));
        }
        if text.ends_with("اليوم")
            && ["الثاني", "الثالث", "الرابع", "الخامس", "الأول"]
                .iter()
                .any(|o| after.starts_with(o))
        {
            t.add("اليوم + ordinal tagged", || ctx(doc, a, b));
        }
        let before = doc.text[..a].trim_end();
        if text == "اليوم"
            && (before.ends_with("عين") || (before.ends_with('«') && after.starts_with('»')))
        {
            t.add("outlet اليوم tagged", || ctx(doc, a, b));
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        if let Some(p) = words.iter().position(|w| *w == "أشهر") {
            let prev = if p == 0 {
                before.split_whitespace().last().unwrap_or("")
            } else {
                words[p - 1]
            };
            if ["احدى", "إحدى", "أحد", "أكثر", "من"].contains(&prev) {
                t.add("أشهر 'most famous' tagged", || ctx(doc, a, b));
            }
        }
        if let Some(last) = text.split_whitespace().last() {
            if ["وبالتالي", "وذلك", "وهو", "وهي"].contains(&last) {
                t.add("span ends in a connective", || ctx(doc, a, b));
            }
        }
        // a relative day and a weekday split into two expressions
        if let Some(y) = doc.times.get(k + 1) {
            let gap = doc.text[b..y.span.start as usize].trim();
            let next = doc.slice(y.span);
            if gap.is_empty()
                && ["أمس", "غد", "غدا", "اليوم"]
                    .iter()
                    .any(|w| text.ends_with(w))
                && WEEKDAYS.iter().any(|w| next.contains(w))
            {
                t.add("relative day + weekday split", || {
                    ctx(doc, a, y.span.end as usize)
                });
            }
        }
        // a clock on the dateline's day although the sentence names an earlier date
        if x.kind == TimeType::Time && x.anchor == "dateline" && value.starts_with(&dct.to_string())
        {
            let s = doc.sentence_at(x.span.start);
            if doc.times[..k].iter().any(|p| {
                p.kind == TimeType::Date
                    && doc.sentence_at(p.span.start) == s
                    && p.value
                        .as_deref()
                        .is_some_and(|v| v.len() == 10 && !v.starts_with(&dct.to_string()))
            }) {
                t.add("clock not on the sentence's date", || ctx(doc, a, b));
            }
        }
    }
    // misses
    for phrase in [
        "الفترة الماضية",
        "الفترة القادمة",
        "الفترة المقبلة",
        "الربع الحالي",
        "الموسم الماضي",
        "صيف هذا العام",
        "بضعة أسابيع",
        "بتوقيت",
        "أمس الأول",
        "خمسينات القرن",
    ] {
        let mut from = 0;
        while let Some(p) = doc.text[from..].find(phrase) {
            let a = from + p;
            let b = a + phrase.len();
            let covered = doc
                .times
                .iter()
                .any(|x| (x.span.start as usize) < b && (x.span.end as usize) > a);
            *t.n.entry("phrase occurrences").or_default() += 1;
            if !covered {
                t.add("phrase not covered", || ctx(doc, a, b));
            }
            from = b;
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v" || a == "-vv");
    let dump = args.iter().any(|a| a == "-d");
    let paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .collect();
    let opts = rasd_ingest::ReadOptions {
        lossy: true,
        ..Default::default()
    };
    let mut t = Tally {
        keep: if args.iter().any(|a| a == "-vv") {
            200
        } else {
            5
        },
        ..Tally::default()
    };
    for input in rasd_ingest::expand_inputs(&paths).into_iter().flatten() {
        for doc in rasd_ingest::read_input(&input, &opts).flatten() {
            let mut doc = doc;
            if TextAnnotator.annotate(&mut doc).is_err()
                || TimeAnnotator.annotate(&mut doc).is_err()
            {
                continue;
            }
            if dump {
                for x in &doc.times {
                    println!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        doc.id,
                        x.id,
                        doc.slice(x.span).replace('\n', " "),
                        x.value.as_deref().unwrap_or("null"),
                        x.anchor,
                        ctx(&doc, x.span.start as usize, x.span.end as usize).replace('\t', " ")
                    );
                }
                continue;
            }
            audit(&doc, &mut t);
        }
    }
    if dump {
        return;
    }
    for (k, v) in &t.n {
        println!("{k}\t{v}");
        if verbose {
            for e in t.ex.get(k).into_iter().flatten() {
                println!("    {e}");
            }
        }
    }
}
