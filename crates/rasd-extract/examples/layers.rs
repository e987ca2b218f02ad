//! Where the standard pipeline's time goes, layer by layer, on one core:
//! runs each annotator of [`rasd_extract::Pipeline::standard`] in turn over
//! SaudiNewsNet article bodies and prints seconds per MiB for each layer,
//! and the whole pipeline's throughput in MB/s (10^6 bytes) and MiB/s.
//! Each pass is timed on its own and the fastest pass is reported, which
//! keeps other jobs on the machine out of the figures.
//!
//! The annotators keep what they compute from common words across
//! documents, so a second pass over the same articles is faster than the
//! first pass over new ones. With `warm` bytes, the pipeline first reads
//! that many bytes of other articles, untimed, and each timed pass reads
//! articles it has not seen (as in a long run over a corpus); passes after
//! the first one are over seen articles and show the fully warm speed.
//!
//! `cargo run --release -p rasd-extract --example layers -- [bytes] [passes] [warm]`
//! (defaults: 4 MiB, 3 passes, no warm-up; uses `../shared` or `$RASD_SHARED`).
use std::time::Instant;

use rasd_doc::{Annotator, Doc};

/// As the `rasd` binary allocates.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let limit: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(4 << 20);
    let passes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let warm: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let Some(dir) = rasd_doc::test_support::shared_path("data/news/saudinewsnet/dataset") else {
        return;
    };
    let mut texts = rasd_ingest::corpus_texts(&dir, warm.saturating_add(limit));
    let mut seen = 0;
    let split = texts
        .iter()
        .position(|t| {
            seen += t.len();
            seen > warm
        })
        .unwrap_or(texts.len());
    let warm_texts: Vec<String> = texts.drain(..split.min(texts.len())).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let layers: Vec<Box<dyn Annotator>> = vec![
        Box::new(rasd_text::TextAnnotator),
        Box::new(rasd_entities::EntityAnnotator::standard()),
        Box::new(rasd_time::TimeAnnotator),
        Box::new(rasd_quotes::QuoteAnnotator),
        Box::new(rasd_events::EventAnnotator::standard()),
    ];
    // models and lexicons load outside the measured passes
    let mut first = Doc::new(
        "w",
        "قال الرئيس فلاديمير بوتين في موسكو أمس إنه سيزور القاهرة.",
    );
    for a in &layers {
        a.annotate(&mut first).expect("annotate");
    }
    timed_pass(&layers, &warm_texts);
    let mut best: Option<Vec<f64>> = None;
    for _ in 0..passes.max(1) {
        let secs = timed_pass(&layers, &texts);
        let total = |v: &[f64]| v.iter().sum::<f64>();
        match &best {
            Some(b) if total(b) <= total(&secs) => {}
            _ => best = Some(secs),
        }
    }
    let secs = best.unwrap_or_default();
    let mib = bytes as f64 / 1048576.0;
    println!(
        "{} articles, {bytes} bytes, fastest of {passes} passes, after {} bytes of other articles",
        texts.len(),
        warm_texts.iter().map(String::len).sum::<usize>()
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

/// Runs every layer over `texts`; the seconds spent in each layer. A
/// function of its own, for `valgrind --toggle-collect=layers::timed_pass`.
#[inline(never)]
fn timed_pass(layers: &[Box<dyn Annotator>], texts: &[String]) -> Vec<f64> {
    let mut secs = vec![0.0; layers.len()];
    for t in texts {
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
    secs
}
