//! Profiling driver: runs the entity layer once over a sample of the shared
//! news corpus (text layer built beforehand), for `perf` / `callgrind`.
//!
//! `cargo run --release -p rasd-entities --example profile -- [bytes] [reps]`
use rasd_doc::{Annotator, Doc};

/// As the `rasd` binary allocates.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let limit: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(300_000);
    let reps: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let Some(dir) = rasd_doc::test_support::shared_path("data/news/saudinewsnet/dataset") else {
        return;
    };
    let docs: Vec<Doc> = rasd_ingest::corpus_sample(&dir, limit)
        .into_iter()
        .filter(|d| !d.text.trim().is_empty())
        .enumerate()
        .map(|(i, d)| {
            let mut d = Doc::new(i.to_string(), d.text.as_str());
            rasd_text::analyze(&mut d);
            d
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let ann = rasd_entities::EntityAnnotator::standard();
    // load model and lexicons outside the measured loop
    let mut warm = Doc::new("w", "قال الرئيس فلاديمير بوتين.");
    rasd_text::analyze(&mut warm);
    ann.annotate(&mut warm).expect("annotate");
    let t = std::time::Instant::now();
    let cpu0 = cpu_ns();
    let n = run(&ann, &docs, reps);
    let cpu = (cpu_ns() - cpu0) as f64 / 1e9;
    let s = t.elapsed().as_secs_f64();
    let mib = (bytes * reps) as f64 / 1048576.0;
    eprintln!(
        "{} docs, {bytes} bytes x{reps}, {n} entities, {s:.3} s wall ({:.2} MiB/s), {cpu:.3} s on cpu ({:.2} MiB/s)",
        docs.len(),
        mib / s,
        mib / cpu,
    );
}

/// The measured loop (a separate symbol for `callgrind --toggle-collect=profile::run`).
#[inline(never)]
fn run(ann: &rasd_entities::EntityAnnotator, docs: &[Doc], reps: usize) -> usize {
    let mut n = 0;
    for _ in 0..reps {
        for d in docs {
            let mut d = d.clone();
            ann.annotate(&mut d).expect("annotate");
            n += d.entities.len();
        }
    }
    n
}

/// This thread's time on a CPU so far, in ns (Linux schedstat; 0 elsewhere):
/// a load-independent measure when other jobs share the cores.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
