//! Throughput of the time tagger alone (text layer excluded) over SaudiNewsNet.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_doc::Doc;

fn load() -> Option<Vec<Doc>> {
    let dir = rasd_doc::test_support::shared_path("data/news/saudinewsnet/dataset")?;
    let mut zips: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "zip"))
        .collect();
    zips.sort();
    let opts = rasd_ingest::ReadOptions::default();
    let mut docs = Vec::new();
    for input in rasd_ingest::expand_inputs(&zips[..zips.len().min(2)])
        .into_iter()
        .flatten()
    {
        for mut d in rasd_ingest::read_input(&input, &opts).flatten() {
            if d.dateline.is_none() {
                d.dateline = chrono::NaiveDate::from_ymd_opt(2015, 7, 31);
            }
            rasd_text::analyze(&mut d);
            docs.push(d);
        }
    }
    (!docs.is_empty()).then_some(docs)
}

fn bench(c: &mut Criterion) {
    let Some(docs) = load() else {
        eprintln!("skipping time_tagger bench: SaudiNewsNet zips not found");
        return;
    };
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let n: usize = docs.iter().map(|d| rasd_time::tag_doc(d).len()).sum();
    eprintln!(
        "{} docs, {:.1} MB, {n} time expressions",
        docs.len(),
        bytes as f64 / 1e6
    );
    let mut g = c.benchmark_group("time_tagger");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("saudinewsnet", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| rasd_time::tag_doc(d).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
