//! Throughput of the quote reader over SaudiNewsNet text (skipped when the shared data is absent).
//!
//! `cargo bench -p rasd-quotes` — the text layer runs once outside the timing loop; the figure is
//! MB of article text per second through `QuoteAnnotator` alone, on one core. The annotator
//! only replaces `Doc::quotes`, so it runs again on the same documents (no clone is timed).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_doc::Annotator;

fn docs() -> Vec<rasd_doc::Doc> {
    let Some(zip) =
        rasd_doc::test_support::shared_path("data/news/saudinewsnet/dataset/2015-07-27.zip")
    else {
        return Vec::new();
    };
    (0..400)
        .filter_map(|i| rasd_quotes::eval::load_zip_article(&zip, i).ok())
        .map(|mut d| {
            rasd_text::TextAnnotator.annotate(&mut d).ok();
            d
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut docs = docs();
    if docs.is_empty() {
        eprintln!("skipping quotes benchmark: no SaudiNewsNet data");
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut g = c.benchmark_group("quotes");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("saudinewsnet_400_articles", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in docs.iter_mut() {
                rasd_quotes::QuoteAnnotator.annotate(d).ok();
                n += d.quotes.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
