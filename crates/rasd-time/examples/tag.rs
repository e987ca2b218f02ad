//! Run the time annotator on one Arabic sentence and print the contract values.
//!
//! `cargo run -p rasd-time --example tag -- "وصل الوفد أمس ويغادر الأسبوع المقبل" 2025-11-26`
use rasd_doc::{Annotator, Doc};
use rasd_text::TextAnnotator;
use rasd_time::TimeAnnotator;

fn main() {
    let mut args = std::env::args().skip(1);
    let text = args
        .next()
        .unwrap_or_else(|| "قال الكرملين -الأربعاء- إن ويتكوف سيزور موسكو الأسبوع المقبل".into());
    let mut doc = Doc::new("example", text);
    doc.dateline = args
        .next()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .or(chrono::NaiveDate::from_ymd_opt(2025, 11, 26));
    TextAnnotator.annotate(&mut doc).expect("text layer");
    TimeAnnotator.annotate(&mut doc).expect("times");
    for t in &doc.times {
        println!(
            "{}\t{}\t{:?}\t{}\t{}\t{}\t{}",
            t.id,
            doc.slice(t.span),
            t.kind,
            t.value.as_deref().unwrap_or("null"),
            t.granularity,
            t.anchor,
            t.calendar
        );
    }
}
