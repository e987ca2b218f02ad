//! Where the standard pipeline's time goes, layer by layer, on one core:
//! runs each annotator of [`rasd_extract::Pipeline::standard`] in turn over
//! SaudiNewsNet article bodies and prints seconds per MiB for each layer,
//! and the whole pipeline's throughput in MB/s (10^6 bytes) and MiB/s.
//! Each pass is timed on its own and the fastest pass is reported, which
//! keeps other jobs on the machine out of the figures.
//!
//! `cargo run --release -p rasd-extract --example layers -- [bytes] [passes]`
//! (defaults: 4 MiB, 3 passes; uses `../shared` or `$RASD_SHARED`).
use std::time::Instant;

use rasd_doc::{Annotator, Doc};

/// As the `rasd` binary allocates.
#[global_allocator]
static ALLOC: rasd_entities::huge::HugePageAlloc = rasd_entities::huge::HugePageAlloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let limit: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(4 << 20);
    let passes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let Some(dir) = rasd_doc::test_support::shared_path("data/news/saudinewsnet/dataset") else {
        return;
    };
    let texts = rasd_ingest::corpus_texts(&dir, limit);
    let bytes: usize = texts.iter().map(String::len).sum();
    let layers: Vec<Box<dyn Annotator>> = vec![
        Box::new(rasd_text::TextAnnotator),
        Box::new(rasd_entities::EntityAnnotator::standard()),
        Box::new(rasd_time::TimeAnnotator),
        Box::new(rasd_quotes::QuoteAnnotator),
        Box::new(rasd_events::EventAnnotator::standard()),
    ];
    // models and lexicons load outside the measured passes
    let mut warm = Doc::new(
        "w",
        "قال الرئيس فلاديمير بوتين في موسكو أمس إنه سيزور القاهرة.",
    );
    for a in &layers {
        a.annotate(&mut warm).expect("annotate");
    }
    let mut best: Option<Vec<f64>> = None;
    for _ in 0..passes.max(1) {
        let mut secs = vec![0.0; layers.len()];
        for t in &texts {
            let mut doc = Doc::new("b", t.as_str());
            for (a, s) in layers.iter().zip(&mut secs) {
                let t0 = Instant::now();
                // a failing layer is reported by `rasd analyze`; here it only
                // stops the document's later layers from being timed
                if a.annotate(&mut doc).is_err() {
                    break;
                }
                *s += t0.elapsed().as_secs_f64();
            }
        }
        let total = |v: &[f64]| v.iter().sum::<f64>();
        match &best {
            Some(b) if total(b) <= total(&secs) => {}
            _ => best = Some(secs),
        }
    }
    let secs = best.unwrap_or_default();
    let mib = bytes as f64 / 1048576.0;
    println!(
        "{} articles, {bytes} bytes, fastest of {passes} passes",
        texts.len()
    );
    for (a, s) in layers.iter().zip(&secs) {
        println!("{:>10} {:8.4} s/MiB", a.name(), s / mib);
    }
    let total: f64 = secs.iter().sum();
    println!(
        "{:>10} {:8.4} s/MiB = {:.2} MB/s = {:.2} MiB/s",
        "pipeline",
        total / mib,
        bytes as f64 / total / 1e6,
        mib / total
    );
}
