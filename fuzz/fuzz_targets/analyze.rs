//! Fuzz the whole pipeline: any text is annotated without a panic, and every
//! span of the contract record slices the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rasd_doc::{record::Record, Doc};

fuzz_target!(|text: &str| {
    let mut doc = Doc::new("fuzz", text);
    doc.dateline = chrono_free_date();
    let errors = rasd_extract::Pipeline::standard().run(&mut doc);
    assert!(errors.is_empty(), "{errors:?}");
    let rec = Record::from_doc(&doc);
    let n = text.chars().count() as u32;
    assert!(rec.sentences.iter().all(|s| s.start <= s.end && s.end <= n));
});

fn chrono_free_date() -> Option<rasd_doc::NaiveDate> {
    rasd_doc::NaiveDate::from_ymd_opt(2025, 11, 26)
}
