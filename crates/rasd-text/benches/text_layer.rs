//! Throughput of the text layer (single thread = per core) over the shared
//! news corpus: normalisation; normalisation + tokens; the whole layer
//! (normalisation, tokens, paragraphs, sentences, boilerplate).
//!
//! `cargo bench -p rasd-text`. Uses `../shared/data/news/saudinewsnet`
//! (or `$RASD_SHARED`); without it, falls back to the bundled seed article.
use std::io::Read;
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
    let mut docs = Vec::new();
    let mut total = 0;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut zips: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        zips.sort();
        'outer: for z in zips
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "zip"))
        {
            let Ok(f) = std::fs::File::open(z) else {
                continue;
            };
            let Ok(mut arch) = zip::ZipArchive::new(f) else {
                continue;
            };
            for i in 0..arch.len() {
                let mut s = String::new();
                if arch
                    .by_index(i)
                    .and_then(|mut m| Ok(m.read_to_string(&mut s)?))
                    .is_err()
                {
                    continue;
                }
                let Ok(serde_json::Value::Array(items)) = serde_json::from_str(&s) else {
                    continue;
                };
                for it in items {
                    if let Some(c) = it["content"].as_str() {
                        total += c.len();
                        docs.push(c.to_string());
                        if total >= limit {
                            break 'outer;
                        }
                    }
                }
            }
        }
    }
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
