//! Throughput of the whole standard pipeline (text → entities → times →
//! quotes → events), single thread = per core, over SaudiNewsNet article
//! bodies; plus the event annotator alone on already-annotated documents.
//!
//! `cargo bench -p rasd-extract --bench pipeline`. Uses
//! `../shared/data/news/saudinewsnet` (or `$RASD_SHARED`); skips with a note
//! when it is absent.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_doc::{Annotator, Doc};

/// As the `rasd` binary allocates.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Up to `limit` bytes of article bodies (empty when the corpus is absent).
fn corpus(limit: usize) -> Vec<String> {
    let Some(dir) = rasd_doc::test_support::shared_path("data/news/saudinewsnet/dataset") else {
        return Vec::new();
    };
    rasd_ingest::corpus_texts(&dir, limit)
}

fn bench(c: &mut Criterion) {
    let docs = corpus(4 << 20);
    if docs.is_empty() {
        return;
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let pipeline = rasd_extract::Pipeline::standard();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("standard", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let mut doc = Doc::new("b", d.as_str());
                    pipeline.run(&mut doc);
                    doc.events.len()
                })
                .sum::<usize>()
        })
    });
    // cumulative prefixes of the standard pipeline: where the time goes
    let stages: Vec<(&str, rasd_extract::Pipeline)> = vec![
        ("text", rasd_extract::Pipeline::text_only()),
        (
            "text+entities",
            rasd_extract::Pipeline::new(vec![
                Box::new(rasd_text::TextAnnotator),
                Box::new(rasd_entities::EntityAnnotator::standard()),
            ])
            .expect("valid prefix"),
        ),
        (
            "text+entities+times",
            rasd_extract::Pipeline::new(vec![
                Box::new(rasd_text::TextAnnotator),
                Box::new(rasd_entities::EntityAnnotator::standard()),
                Box::new(rasd_time::TimeAnnotator),
            ])
            .expect("valid prefix"),
        ),
    ];
    for (name, p) in &stages {
        g.bench_function(*name, |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| {
                        let mut doc = Doc::new("b", d.as_str());
                        p.run(&mut doc);
                        doc.tokens.len()
                    })
                    .sum::<usize>()
            })
        });
    }
    let annotated: Vec<Doc> = docs
        .iter()
        .map(|d| {
            let mut doc = Doc::new("b", d.as_str());
            pipeline.run(&mut doc);
            doc
        })
        .collect();
    let events = rasd_events::EventAnnotator::standard();
    g.bench_function("events_only", |b| {
        b.iter(|| {
            annotated
                .iter()
                .map(|d| {
                    let mut doc = d.clone();
                    events.annotate(&mut doc).unwrap();
                    doc.events.len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
