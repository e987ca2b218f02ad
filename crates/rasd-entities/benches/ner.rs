//! Throughput of entity annotation (single thread = per core) over the shared
//! news corpus: the NER tagger alone (model + lexicon features, Viterbi) and
//! the whole entity layer (tagging, lexicon reconciliation, coreference,
//! roles and codes), both on documents whose text layer is already built.
//!
//! `cargo bench -p rasd-entities`. Uses `../shared/data/news/saudinewsnet`
//! (or `$RASD_SHARED`); without it the benchmark is skipped.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_doc::{Annotator, Doc};

/// As the `rasd` binary allocates.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Up to `limit` bytes of article bodies, or nothing when the corpus is absent.
fn corpus(limit: usize) -> Vec<String> {
    let Some(dir) = rasd_doc::test_support::shared_path("data/news/saudinewsnet/dataset") else {
        return Vec::new();
    };
    rasd_ingest::corpus_texts(&dir, limit)
}

fn bench(c: &mut Criterion) {
    let texts = corpus(2_000_000);
    if texts.is_empty() {
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let docs: Vec<Doc> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut d = Doc::new(i.to_string(), t.as_str());
            rasd_text::analyze(&mut d);
            d
        })
        .collect();
    let ner = rasd_entities::ner::standard();
    let ann = rasd_entities::EntityAnnotator::standard();
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("ner_tagger", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                for s in &d.sentences {
                    let words: Vec<&str> = d.tokens[d.tokens_in(*s)]
                        .iter()
                        .map(|t| d.token_norm(t))
                        .collect();
                    n += ner.tag_model(&words).len();
                }
            }
            n
        })
    });
    g.bench_function("entity_layer", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                let mut d = d.clone();
                ann.annotate(&mut d).expect("annotate");
                n += d.entities.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
