//! Throughput of the text layer (single thread = per core) over the shared
//! news corpus: normalisation; normalisation + tokens; the whole layer
//! (normalisation, tokens, paragraphs, sentences, boilerplate).
//!
//! `cargo bench -p rasd-text`. Uses `../shared/data/news/saudinewsnet`
//! (or `$RASD_SHARED`); without it, falls back to the bundled seed article.
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_doc::Doc;

/// Up to `limit` bytes of article bodies.
fn corpus(limit: usize) -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = std::env::var_os("RASD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let dir = shared.join("data/news/saudinewsnet/dataset");
    let mut docs: Vec<String> = rasd_ingest::corpus_sample(&dir, limit)
        .into_iter()
        .map(|d| d.text)
        .collect();
    if docs.is_empty() {
        eprintln!(
            "note: {} not found; benchmarking on the bundled seed article",
            dir.display()
        );
        let seed = std::fs::read_to_string(root.join("examples/000_3e809c445546f9ff.txt"))
            .expect("bundled seed");
        docs = vec![seed; 200];
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = corpus(8 << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("text_layer");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("normalize", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| rasd_text::normalize(d).text.len())
                .sum::<usize>()
        })
    });
    g.bench_function("normalize+tokenize", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| rasd_text::tokenize::tokenize(&rasd_text::normalize(d)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("normalize+tokenize+sentences", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let mut doc = Doc::new("b", d.as_str());
                    rasd_text::analyze(&mut doc);
                    doc.sentences.len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
