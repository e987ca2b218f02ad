//! `rasd train genre`: learns the document genre classifier from the
//! SaudiNewsNet articles whose URL names their newspaper section.
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use rasd_events::eval;
use rasd_events::genre::{self, GenreTrainOptions, Sections};
use rayon::prelude::*;

use crate::cmd::OK;
use crate::flags::genre::TrainGenreArgs;

/// One labelled article: outlet (URL host), genre, words.
struct Labelled {
    outlet: String,
    genre: String,
    words: Vec<String>,
}

/// The distinct SaudiNewsNet articles whose URL names a section, analysed.
fn labelled(shared: &std::path::Path) -> anyhow::Result<Vec<Labelled>> {
    let dir = shared.join("data/news/saudinewsnet/dataset");
    anyhow::ensure!(
        dir.is_dir(),
        "{} not found: pass --shared DIR or set RASD_SHARED",
        dir.display()
    );
    let sections = Sections::bundled();
    let mut seen = std::collections::HashSet::new();
    let docs: Vec<(String, String, rasd_doc::Doc)> = rasd_ingest::corpus_sample(&dir, usize::MAX)
        .into_iter()
        .filter_map(|d| {
            let url = d.source.clone()?;
            let g = sections.genre_of(&url)?.to_string();
            // SaudiNewsNet repeats articles across days
            if !seen.insert(rasd_ingest::content_id(&d.text)) {
                return None;
            }
            let outlet = url.split('/').nth(2).unwrap_or("").to_string();
            Some((outlet, g, d))
        })
        .collect();
    Ok(docs
        .into_par_iter()
        .map(|(outlet, genre, mut doc)| {
            rasd_text::analyze(&mut doc);
            let words = genre::doc_words(&doc).map(str::to_string).collect();
            Labelled {
                outlet,
                genre,
                words,
            }
        })
        .collect())
}

/// `rasd train genre`.
pub fn train(args: &TrainGenreArgs) -> anyhow::Result<ExitCode> {
    let shared = eval::shared_dir(args.shared.as_deref());
    let arts = labelled(&shared)?;
    let opts = GenreTrainOptions::default();
    let mut per: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for a in &arts {
        *per.entry((a.outlet.as_str(), a.genre.as_str()))
            .or_default() += 1;
    }
    eprintln!("rasd: {} labelled articles", arts.len());
    for ((o, g), n) in &per {
        eprintln!("  {o:<24} {g:<8} {n}");
    }
    if args.cv {
        cross_validate(&arts, &opts);
        return Ok(ExitCode::from(OK));
    }
    let rows: Vec<(String, Vec<String>)> = arts.into_iter().map(|a| (a.genre, a.words)).collect();
    let model = genre::train(&rows, &opts);
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("data/models/genre.tsv"));
    let header = [
        "version: 1",
        "source: SaudiNewsNet (../shared/data/news/saudinewsnet, CC BY-NC-SA) articles whose URL names their section (data/lexicons/genre_sections.tsv), distinct texts; multinomial naive Bayes over clitic-free stems; rebuilt by `rasd train genre`",
        "licence: CC BY-NC-SA 4.0 (derived word statistics of SaudiNewsNet)",
    ];
    std::fs::write(&out, model.to_tsv(&header))?;
    eprintln!(
        "rasd: wrote {} ({} words, genres {})",
        out.display(),
        model.vocabulary(),
        model.classes.join(" ")
    );
    Ok(ExitCode::from(OK))
}

/// Leave-one-outlet-out: precision, recall and confusion per genre.
fn cross_validate(arts: &[Labelled], opts: &GenreTrainOptions) {
    let mut outlets: Vec<&str> = arts.iter().map(|a| a.outlet.as_str()).collect();
    outlets.sort();
    outlets.dedup();
    // (gold, predicted) -> count
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut sure: BTreeMap<(String, String), usize> = BTreeMap::new();
    for outlet in &outlets {
        let rows: Vec<(String, Vec<String>)> = arts
            .iter()
            .filter(|a| a.outlet != *outlet)
            .map(|a| (a.genre.clone(), a.words.clone()))
            .collect();
        let model = genre::train(&rows, opts);
        for a in arts.iter().filter(|a| a.outlet == *outlet) {
            // ("-": too short a text to tell)
            let (name, p) = match model.posterior(a.words.iter().map(String::as_str)) {
                Some(p) => {
                    let best = model.best(&p);
                    (best.name.to_string(), best.p)
                }
                None => ("-".to_string(), 0.0),
            };
            *confusion
                .entry((a.genre.clone(), name.clone()))
                .or_default() += 1;
            if p >= genre::LEISURE_MIN_POSTERIOR {
                *sure.entry((a.genre.clone(), name)).or_default() += 1;
            }
        }
    }
    for (title, table) in [("argmax", &confusion), ("posterior >= 0.9 only", &sure)] {
        println!("genre, leave-one-outlet-out ({title}); rows gold, columns predicted");
        let mut genres: Vec<&str> = table
            .keys()
            .flat_map(|(g, p)| [g.as_str(), p.as_str()])
            .collect();
        genres.sort();
        genres.dedup();
        let cell = |g: &str, p: &str| {
            table
                .get(&(g.to_string(), p.to_string()))
                .copied()
                .unwrap_or(0)
        };
        print!("  {:<8}", "");
        for g in &genres {
            print!(" {g:>8}");
        }
        println!("   recall");
        // ("-" is a prediction only: too short a text)
        for g in genres.iter().filter(|g| **g != "-") {
            print!("  {g:<8}");
            for p in &genres {
                print!(" {:>8}", cell(g, p));
            }
            let row: usize = genres.iter().map(|p| cell(g, p)).sum();
            println!("   {:.3}", cell(g, g) as f64 / row.max(1) as f64);
        }
        print!("  {:<8}", "precision");
        for p in &genres {
            let col: usize = genres.iter().map(|g| cell(g, p)).sum();
            if *p == "-" {
                print!(" {:>8}", "");
                continue;
            }
            print!(" {:>8.3}", cell(p, p) as f64 / col.max(1) as f64);
        }
        println!();
    }
}
