//! `rasd ner`, `rasd train ner`, `rasd eval ner` — thin wrappers over
//! `rasd_entities::{conll, ner, eval}`.
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use rasd_entities::{conll, eval::Score, ner, perceptron::TrainConfig};

use super::OK;
use crate::flags::ner::{EvalNerArgs, NerArgs, TrainNerArgs};

fn read(path: &Path) -> anyhow::Result<String> {
    if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("cannot read standard input")?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
    }
}

fn tag(doc: &mut conll::Document, no_lexicon: bool) {
    // the file is read as one document: the second pass uses neighbouring sentences
    ner::standard().tag_document(doc, !no_lexicon);
}

/// `rasd ner [FILE|-] --conll`: `token TAG` lines, same tokens, blank lines kept.
pub fn run(args: &NerArgs) -> anyhow::Result<ExitCode> {
    if !args.conll {
        anyhow::bail!(
            "rasd ner: only --conll input is supported (use `rasd analyze` for raw text)"
        );
    }
    let text = read(&args.file)?;
    let mut doc = conll::parse(&text, false);
    tag(&mut doc, args.no_lexicon);
    let out = conll::write(&doc);
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    Ok(ExitCode::from(OK))
}

/// `rasd train ner [FILE] [-o MODEL] [--cv K]`
pub fn train(args: &TrainNerArgs) -> anyhow::Result<ExitCode> {
    let data = args
        .data
        .clone()
        .unwrap_or_else(|| PathBuf::from("../shared/data/ner/anercorp-train.txt"));
    let gold = read(&data)?;
    let cfg = TrainConfig {
        epochs: args.epochs,
        prune: args.prune.unwrap_or(ner::train_config().prune),
        ..ner::train_config()
    };
    let t = std::time::Instant::now();
    if let Some(k) = args.cv {
        let r = ner::cross_validate(&gold, k, cfg);
        println!(
            "{k}-fold cross-validation, model only:\n{}",
            r.model.report()
        );
        println!(
            "{k}-fold cross-validation, model + lexicon:\n{}",
            r.combined.report()
        );
        println!(
            "{k}-fold cross-validation, first pass only (no document context):\n{}",
            r.first_pass.report()
        );
        eprintln!("rasd: cross-validated in {:.1?}", t.elapsed());
        return Ok(ExitCode::from(OK));
    }
    let model = ner::train_conll(&gold, cfg);
    let bytes = model.to_bytes();
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("data/models/ner.bin"));
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "rasd: {} features, {} bytes -> {} in {:.1?} (rebuild the binary to embed it)",
        model.num_features(),
        bytes.len(),
        out.display(),
        t.elapsed()
    );
    Ok(ExitCode::from(OK))
}

/// `rasd eval ner GOLD [--pred FILE]`: precision, recall, F1 per type and overall.
pub fn eval(args: &EvalNerArgs) -> anyhow::Result<ExitCode> {
    let gold = conll::parse(&read(&args.gold)?, true);
    let pred = match &args.pred {
        Some(p) => conll::parse(&read(p)?, true),
        None => {
            let mut d = gold.clone();
            tag(&mut d, args.no_lexicon);
            d
        }
    };
    let g: Vec<_> = gold
        .sentences
        .iter()
        .flat_map(|s| s.tokens.iter().zip(&s.tags))
        .collect();
    let p: Vec<_> = pred
        .sentences
        .iter()
        .flat_map(|s| s.tokens.iter().zip(&s.tags))
        .collect();
    if g.len() != p.len() {
        anyhow::bail!(
            "rasd eval ner: gold has {} tokens, predictions {}",
            g.len(),
            p.len()
        );
    }
    // score by gold sentences over the aligned token stream
    let mut score = Score::default();
    let mut i = 0;
    for s in &gold.sentences {
        let n = s.tokens.len();
        let ptags: Vec<_> = p[i..i + n].iter().map(|(_, t)| **t).collect();
        score.add_sentence(&s.tags, &ptags);
        i += n;
    }
    print!("{}", score.report());
    Ok(ExitCode::from(OK))
}
