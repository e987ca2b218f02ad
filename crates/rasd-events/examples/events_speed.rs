//! Real-time speed of the event layer alone: CPU time of
//! `EventAnnotator::events` over SaudiNewsNet article bodies whose text,
//! entity, time and quote layers are computed beforehand (outside the timed
//! loop). Prints the minimum over repetitions of the wall time of one pass
//! (precise; the minimum discards passes slowed by other processes), the
//! mean CPU time of a pass (`/proc/thread-self/schedstat`, which advances
//! in scheduler ticks), the throughput at the minimum, and a checksum of
//! the events so that two builds can be compared for identical output.
//!
//! `RASD_SHARED=/work/shared cargo run --release -p rasd-events --example events_speed -- [MB] [reps]`
use std::hash::{Hash, Hasher};

use rasd_doc::{Annotator, Doc};

/// CPU nanoseconds this thread has run (first field of schedstat).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(4);
    let reps: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let dir = rasd_events::eval::shared_dir(None).join("data/news/saudinewsnet/dataset");
    if !dir.is_dir() {
        eprintln!("skipping: {} not found (set RASD_SHARED)", dir.display());
        return;
    }
    let texts = rasd_ingest::corpus_texts(&dir, mb << 20);
    let bytes: usize = texts.iter().map(String::len).sum();
    let before: Vec<Box<dyn Annotator>> = vec![
        Box::new(rasd_text::TextAnnotator),
        Box::new(rasd_entities::EntityAnnotator::standard()),
        Box::new(rasd_time::TimeAnnotator),
        Box::new(rasd_quotes::QuoteAnnotator),
    ];
    let docs: Vec<Doc> = texts
        .iter()
        .map(|t| {
            let mut d = Doc::new("b", t.as_str());
            for a in &before {
                a.annotate(&mut d).expect("annotators do not fail");
            }
            d
        })
        .collect();
    let ann = rasd_events::EventAnnotator::standard();
    let mut best = u64::MAX;
    let mut sum = 0u64;
    let mut cpu = 0u64;
    for _ in 0..reps {
        let (t0, c0) = (std::time::Instant::now(), cpu_ns());
        let out: Vec<Vec<rasd_doc::Event>> = docs.iter().map(|d| ann.events(d)).collect();
        cpu += cpu_ns() - c0;
        best = best.min(t0.elapsed().as_nanos() as u64);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        format!("{out:?}").hash(&mut h);
        sum = h.finish();
    }
    let secs = best as f64 / 1e9;
    println!(
        "docs {} bytes {} min_wall {:.4}s mean_cpu {:.4}s {:.1} MiB/s checksum {:016x}",
        docs.len(),
        bytes,
        secs,
        cpu as f64 / 1e9 / reps.max(1) as f64,
        bytes as f64 / secs / (1 << 20) as f64,
        sum
    );
}
