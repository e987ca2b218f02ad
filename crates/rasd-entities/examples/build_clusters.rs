//! Builds `data/lexicons/entities_clusters.tsv`: distributional word classes
//! learnt from the SaudiNewsNet corpus (unlabelled), used as NER features.
//!
//! `cargo run --release -p rasd-entities --example build_clusters -- SAUDINEWSNET_DIR OUT.tsv`
//!
//! Each of the 100,000 most frequent normalised words (seen at least 3 times) is represented by its
//! counts of left and right neighbours among the 500 most frequent words
//! (log-scaled, L2-normalised), then grouped by spherical k-means at two
//! granularities (64, 256 and 1024 classes). Deterministic: initial centroids are
//! evenly spaced words of the frequency ranking.
use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

const VOCAB: usize = 100_000;
const MIN_FREQ: u64 = 3;
const CONTEXT: usize = 500;

fn articles(dir: &PathBuf) -> Vec<String> {
    let mut zips: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "zip"))
        .collect();
    zips.sort();
    let mut out = Vec::new();
    for z in zips {
        let f = std::fs::File::open(&z).expect("zip");
        let mut arch = zip::ZipArchive::new(f).expect("zip");
        for i in 0..arch.len() {
            let mut s = String::new();
            if arch
                .by_index(i)
                .and_then(|mut m| Ok(m.read_to_string(&mut s)?))
                .is_err()
            {
                continue;
            }
            if let Ok(serde_json::Value::Array(items)) = serde_json::from_str(&s) {
                for it in items {
                    if let Some(c) = it["content"].as_str() {
                        out.push(c.to_string());
                    }
                }
            }
        }
    }
    out
}

/// Spherical k-means over sparse unit vectors (index, value) with dense centroids.
fn kmeans(x: &[Vec<(u32, f32)>], dim: usize, k: usize, iters: usize) -> Vec<u16> {
    let mut cent: Vec<Vec<f32>> = (0..k)
        .map(|i| {
            let mut c = vec![0f32; dim];
            for &(j, v) in &x[i * x.len() / k] {
                c[j as usize] = v;
            }
            c
        })
        .collect();
    let mut assign = vec![0u16; x.len()];
    for it in 0..iters {
        let mut changed = 0;
        for (i, v) in x.iter().enumerate() {
            let mut best = (f32::MIN, 0u16);
            for (c, m) in cent.iter().enumerate() {
                let s: f32 = v.iter().map(|&(j, a)| a * m[j as usize]).sum();
                if s > best.0 {
                    best = (s, c as u16);
                }
            }
            if assign[i] != best.1 {
                changed += 1;
            }
            assign[i] = best.1;
        }
        let mut sum = vec![vec![0f32; dim]; k];
        for (i, v) in x.iter().enumerate() {
            for &(j, a) in v {
                sum[assign[i] as usize][j as usize] += a;
            }
        }
        for (c, s) in sum.into_iter().enumerate() {
            let n = s.iter().map(|a| a * a).sum::<f32>().sqrt();
            if n > 0.0 {
                cent[c] = s.into_iter().map(|a| a / n).collect();
            }
        }
        eprintln!("k={k} iteration {it}: {changed} changed");
    }
    assign
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(&args[1]);
    let t = std::time::Instant::now();
    let docs = articles(&dir);
    let mut sents: Vec<Vec<String>> = Vec::new();
    let mut freq: HashMap<String, u64> = HashMap::new();
    for d in &docs {
        let n = rasd_text::normalize(d);
        let toks = rasd_text::tokenize::tokenize(&n);
        let ws: Vec<String> = toks
            .iter()
            .map(|t| n.text[t.norm.range()].to_string())
            .collect();
        for w in &ws {
            *freq.entry(w.clone()).or_default() += 1;
        }
        sents.push(ws);
    }
    eprintln!(
        "{} articles, {} types, {:?}",
        docs.len(),
        freq.len(),
        t.elapsed()
    );
    let mut ranked: Vec<(&String, &u64)> = freq.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let vocab: HashMap<&str, usize> = ranked
        .iter()
        .take(VOCAB)
        .take_while(|(_, &n)| n >= MIN_FREQ)
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i))
        .collect();
    let nv = vocab.len();
    let mut counts: Vec<HashMap<u32, f32>> = vec![HashMap::new(); nv];
    for s in &sents {
        for i in 0..s.len() {
            let Some(&v) = vocab.get(s[i].as_str()) else {
                continue;
            };
            if i > 0 {
                if let Some(&c) = vocab.get(s[i - 1].as_str()) {
                    if c < CONTEXT {
                        *counts[v].entry(c as u32).or_default() += 1.0;
                    }
                }
            }
            if i + 1 < s.len() {
                if let Some(&c) = vocab.get(s[i + 1].as_str()) {
                    if c < CONTEXT {
                        *counts[v].entry((CONTEXT + c) as u32).or_default() += 1.0;
                    }
                }
            }
        }
    }
    let x: Vec<Vec<(u32, f32)>> = counts
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> = m.into_iter().map(|(j, a)| (j, (1.0 + a).ln())).collect();
            v.sort_by_key(|e| e.0);
            let n = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
            if n > 0.0 {
                for e in v.iter_mut() {
                    e.1 /= n;
                }
            }
            v
        })
        .collect();
    let c64 = kmeans(&x, 2 * CONTEXT, 64, 8);
    let c256 = kmeans(&x, 2 * CONTEXT, 256, 8);
    let c1024 = kmeans(&x, 2 * CONTEXT, 1024, 6);
    let mut rows: Vec<(String, u16, u16, u16)> = ranked
        .iter()
        .take(nv)
        .enumerate()
        .filter(|(_, (w, _))| rasd_text::normalize_key(w) == **w && !w.contains('\t'))
        .map(|(i, (w, _))| ((*w).clone(), c64[i], c256[i], c1024[i]))
        .collect();
    rows.sort();
    let mut out = String::from(
        "# version: 1\n# source: distributional word classes learnt from SaudiNewsNet (parallelfold/SaudiNewsNet) by examples/build_clusters.rs\n# licence: derived from CC BY-NC-SA 4.0 data (word classes only, no text)\n# word\tclass64\tclass256\tclass1024\n",
    );
    for (w, a, b, c) in rows {
        out.push_str(&format!("{w}\t{a}\t{b}\t{c}\n"));
    }
    std::fs::write(&args[2], out).expect("write");
    eprintln!("done in {:?}", t.elapsed());
}
