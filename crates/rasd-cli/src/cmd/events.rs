//! `rasd eval events`: scores the standard pipeline on the OEDA Arabic event
//! gold (PROTEST/ASSAULT detection, actor codes) and on rasd's own gold;
//! `rasd train events`: learns the report classifier from that gold.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rasd_events::eval;
use rasd_extract::Pipeline;
use serde_json::json;

use anyhow::Context;
use rasd_events::report::{self, Judged, ReportModel, TrainOptions};

use crate::cmd::OK;
use crate::flags::events::{EvalEventsArgs, TrainEventsArgs};

/// The GSR files and their categories.
const GSR_FILES: &[(&str, &str)] = &[
    ("ASSAULT", "assault_gsr.dev.csv"),
    ("PROTEST", "protest_gsr.dev.csv"),
];

/// The judged sentences of one GSR file, analysed by the standard pipeline
/// with the rules' confidences (no report model, no threshold); `held_out`
/// says whether a row is in the held-out part.
fn judged(pipeline: &Pipeline, path: &Path, category: &str) -> anyhow::Result<Vec<(Judged, bool)>> {
    let rows = eval::read_gsr(path)?;
    Ok(rows
        .into_iter()
        .filter(|r| r.label != eval::Label::Ambiguous)
        .map(|r| {
            let mut doc = rasd_doc::Doc::new(r.id.clone(), r.text.clone());
            for e in pipeline.run(&mut doc) {
                eprintln!("rasd: {}: {e:#}", path.display());
            }
            let candidates = doc
                .events
                .iter()
                .filter(|e| report::is_candidate(e, category))
                .map(|e| (report::features(&doc, e), e.confidence))
                .collect();
            // ids are `<article>-<n>` (Gigaword) or `<article hash>_<n>`
            let article =
                r.id.trim_end_matches(|c: char| c.is_ascii_digit())
                    .trim_end_matches(['-', '_']);
            let j = Judged {
                candidates,
                reported: r.label == eval::Label::Yes,
                article: article.to_string(),
                weight: 1.0,
            };
            (j, r.held_out())
        })
        .collect())
}

/// The standard pipeline with the rules' confidences only: every candidate
/// event, no report model, no threshold.
fn rules_pipeline() -> anyhow::Result<Pipeline> {
    pipeline_with(
        rasd_events::EventAnnotator::standard()
            .with_min_confidence(0.0)
            .without_report_model(),
    )
}

/// The standard pipeline with `events` as its event annotator.
fn pipeline_with(events: rasd_events::EventAnnotator) -> anyhow::Result<Pipeline> {
    Ok(Pipeline::new(vec![
        Box::new(rasd_text::TextAnnotator),
        Box::new(rasd_entities::EntityAnnotator::standard()),
        Box::new(rasd_time::TimeAnnotator),
        Box::new(rasd_quotes::QuoteAnnotator),
        Box::new(events),
    ])?)
}

/// The report model of `--model FILE`, else the bundled one.
fn report_model(path: Option<&Path>) -> anyhow::Result<ReportModel> {
    Ok(match path {
        Some(p) => ReportModel::parse(
            &std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?,
        )?,
        None => ReportModel::bundled(),
    })
}

/// One line per candidate event of `category` in `doc` (triggers in bytes
/// `from..limit`): gold judgement, rules' and classifier's confidence, the
/// strongest features, the sentence.
fn explain_doc(
    doc: &rasd_doc::Doc,
    category: &str,
    from: u32,
    limit: u32,
    gold: &dyn Fn(&rasd_doc::Event) -> bool,
    model: &ReportModel,
    loc: &str,
) {
    for e in doc
        .events
        .iter()
        .filter(|e| e.kind == category && (from..limit).contains(&e.trigger.start))
    {
        let f = report::features(doc, e);
        let (conf, top) = match model.categories.get(category) {
            Some(c) if report::is_candidate(e, category) => {
                let mut contrib: Vec<(f64, &str)> = f
                    .iter()
                    .filter_map(|(k, v)| c.weights.get(k).map(|w| (w * v, k.as_str())))
                    .collect();
                contrib.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
                let top: Vec<String> = contrib
                    .iter()
                    .take(8)
                    .map(|(w, k)| format!("{k}{w:+.2}"))
                    .collect();
                (format!("{:.2}", c.confidence(&f)), top.join(" "))
            }
            _ => ("-".into(), String::new()),
        };
        println!(
            "{loc}\tgold={}\t{}{}\trules={:.2}\tmodel={conf}\t{top}\t{}\t{:?}→{:?}",
            gold(e),
            doc.slice(e.trigger),
            e.aux
                .as_deref()
                .map(|a| format!("[{a}]"))
                .unwrap_or_default(),
            e.confidence,
            doc.slice(e.evidence).replace('\n', " "),
            e.actor_codes,
            e.recipient_codes,
        );
    }
}

/// `rasd eval events --explain CATEGORY`
fn explain(
    paths: &[PathBuf],
    shared: &Path,
    category: &str,
    model: &ReportModel,
) -> anyhow::Result<ExitCode> {
    let pipeline = rules_pipeline()?;
    for dir in paths {
        let Ok(rd) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in &files {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if name.ends_with("_gsr.dev.csv") {
                for r in eval::read_gsr(f)? {
                    if r.category != category || r.label == eval::Label::Ambiguous {
                        continue;
                    }
                    let mut doc = rasd_doc::Doc::new(r.id.clone(), r.text.clone());
                    pipeline.run(&mut doc);
                    let loc = format!(
                        "{}:{}:{:?}",
                        if r.held_out() { "gsr-heldout" } else { "gsr" },
                        r.index,
                        r.label
                    );
                    let yes = r.label == eval::Label::Yes;
                    explain_doc(&doc, category, 0, u32::MAX, &|_| yes, model, &loc);
                }
            } else if name.ends_with(".jsonl") {
                for g in eval::read_gold(f)? {
                    let Ok(mut doc) = eval::load_gold_doc(shared, &g)? else {
                        continue;
                    };
                    pipeline.run(&mut doc);
                    let (from, limit) = g.window(&doc.text);
                    let spans: Vec<rasd_doc::Span> = g
                        .events
                        .iter()
                        .filter(|ge| ge.kind == category)
                        .map(|ge| {
                            rasd_doc::Span::new(
                                eval::cp_to_byte(&doc.text, ge.start),
                                eval::cp_to_byte(&doc.text, ge.end),
                            )
                        })
                        .collect();
                    let loc = format!("{name}:{}:{}", g.file, g.index.unwrap_or(0));
                    let gold = |e: &rasd_doc::Event| spans.iter().any(|s| s.overlaps(e.trigger));
                    explain_doc(&doc, category, from, limit, &gold, model, &loc);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The judged sentences of the own-gold documents in `path` (see
/// [`eval::gold_judged`]), one list per category of [`GSR_FILES`].
fn gold_judged(
    pipeline: &Pipeline,
    shared: &Path,
    path: &Path,
    weight: f64,
) -> anyhow::Result<Vec<Vec<Judged>>> {
    let mut out = vec![Vec::new(); GSR_FILES.len()];
    if weight <= 0.0 {
        return Ok(out);
    }
    anyhow::ensure!(
        !path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with("heldout.jsonl")),
        "{}: the held-out gold is never trained on",
        path.display()
    );
    for g in eval::read_gold(path)? {
        let mut doc = match eval::load_gold_doc(shared, &g)? {
            Ok(d) => d,
            Err(reason) => {
                eprintln!("rasd: own gold skipped: {reason}");
                continue;
            }
        };
        for e in pipeline.run(&mut doc) {
            eprintln!("rasd: {}: {e:#}", g.file);
        }
        for (rows, &(category, _)) in out.iter_mut().zip(GSR_FILES) {
            rows.extend(eval::gold_judged(&g, &doc, category, weight));
        }
    }
    Ok(out)
}

/// `rasd train events [--cv K]`
pub fn train(args: &TrainEventsArgs) -> anyhow::Result<ExitCode> {
    let dir = eval::shared_dir(args.shared.as_deref()).join("data/events/arabic_event_gsr");
    anyhow::ensure!(
        dir.is_dir(),
        "{} not found: pass --shared DIR or set RASD_SHARED",
        dir.display()
    );
    let opts = TrainOptions::default();
    let t = std::time::Instant::now();
    let mut model = ReportModel::default();
    let pipeline = rules_pipeline()?;
    let shared = eval::shared_dir(args.shared.as_deref());
    let own = gold_judged(&pipeline, &shared, &args.gold, args.gold_weight)?;
    for (&(category, file), extra) in GSR_FILES.iter().zip(&own) {
        let sentences = judged(&pipeline, &dir.join(file), category)?;
        eprintln!(
            "rasd: {category}: {} own-gold sentences ({} reported) as extra training rows",
            extra.len(),
            extra.iter().filter(|j| j.reported).count()
        );
        if let Some(k) = args.cv {
            let all: Vec<Judged> = sentences.into_iter().map(|(j, _)| j).collect();
            let (m, r) = report::cross_validate(&all, extra, k, &opts);
            println!("{category} detection, {k}-fold cross-validation over all judged sentences");
            println!("  rules + classifier  {}", prf(&m));
            println!("  rules alone         {}", prf(&r));
            if !extra.is_empty() {
                // the own-gold sentences, each fold tested by a classifier
                // trained on all GSR sentences and the other own-gold folds
                let (m, r) = report::cross_validate(extra, &all, k, &opts);
                println!("{category} own-gold sentences, {k}-fold (GSR always in training)");
                println!("  rules + classifier  {}", prf(&m));
                println!("  rules alone         {}", prf(&r));
                let gsr_only = report::train_judged(&all, &opts);
                let mut c = eval::Counts::default();
                for s in extra {
                    let pred = s
                        .candidates
                        .iter()
                        .any(|(f, conf)| match gsr_only.accepted() {
                            Some(c) => c.confidence(f) >= 0.5,
                            None => *conf >= rasd_events::DEFAULT_MIN_CONFIDENCE,
                        });
                    c.add(s.reported, pred);
                }
                println!("  GSR-only classifier {}", prf(&c));
            }
            continue;
        }
        // the classifier replaces the rules only where 5-fold
        // cross-validation over all judged sentences says it is better (a
        // yes/no choice of model; the weights never see the held-out rows)
        let all: Vec<Judged> = sentences.iter().map(|(j, _)| j.clone()).collect();
        let (cv, rules) = report::cross_validate(&all, extra, 5, &opts);
        eprintln!(
            "rasd: {category}: 5-fold F1 {:.3} with the classifier, {:.3} rules alone",
            cv.f1(),
            rules.f1()
        );
        let tuning: Vec<Judged> = sentences
            .into_iter()
            .filter(|(_, held_out)| !held_out)
            .map(|(j, _)| j)
            .chain(extra.iter().cloned())
            .collect();
        if cv.f1() <= rules.f1() + report::MIN_GAIN {
            eprintln!("rasd: {category}: the classifier does not beat the rules; the rules stand");
            continue;
        }
        let c = report::train_judged(&tuning, &opts).classifier;
        eprintln!(
            "rasd: {category}: {} weights, threshold {:.2}",
            c.weights.len(),
            c.threshold
        );
        model.categories.insert(category.to_string(), c);
    }
    if args.cv.is_none() {
        let out = args
            .output
            .clone()
            .unwrap_or_else(|| PathBuf::from("data/models/event_report.tsv"));
        let tsv = model.to_tsv(&[
            "version: 1",
            "source: openeventdata/arabic_event_gsr (development half; the tuning rows, index % 5 != 0, so `rasd eval events` keeps an unseen held-out part) and the lead sentences of rasd's own development gold (tests/gold/events/gold.jsonl, never heldout.jsonl; SaudiNewsNet articles, features of words in at least 3 articles only); rebuilt by `rasd train events`",
            "licence: MIT (Open Event Data Alliance)",
        ]);
        std::fs::write(&out, tsv).with_context(|| format!("cannot write {}", out.display()))?;
        eprintln!(
            "rasd: wrote {} in {:.1?} (rebuild the binary to embed it)",
            out.display(),
            t.elapsed()
        );
    }
    Ok(ExitCode::from(OK))
}

fn prf(c: &eval::Counts) -> String {
    format!(
        "P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {})",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.fp,
        c.fn_
    )
}

fn codes(s: &eval::CodeScore) -> String {
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    format!(
        "exact {:.1}% sector {:.1}% country {:.1}% (gold {}, event found {})",
        pct(s.exact, s.gold),
        pct(s.sector, s.gold),
        pct(s.country, s.with_country),
        s.gold,
        s.found
    )
}

/// `rasd eval events [PATH…]`
pub fn eval(args: &EvalEventsArgs) -> anyhow::Result<ExitCode> {
    let shared = eval::shared_dir(args.shared.as_deref());
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(shared.join("data/events/arabic_event_gsr"));
        paths.push(PathBuf::from("tests/gold/events"));
    }
    let model = report_model(args.model.as_deref())?;
    if let Some(category) = &args.explain {
        return explain(&paths, &shared, category, &model);
    }
    let pipeline = pipeline_with(rasd_events::EventAnnotator::standard().with_report_model(model))?;
    let run = |doc: &mut rasd_doc::Doc| {
        for e in pipeline.run(doc) {
            eprintln!("rasd: {e:#}");
        }
    };
    let mut report = Vec::new();
    for dir in &paths {
        if !dir.is_dir() {
            eprintln!("rasd: eval events: {} not found, skipped", dir.display());
            continue;
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for f in &files {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if name.ends_with("_gsr.dev.csv") {
                let r = eval::eval_gsr(f, &run)?;
                if !args.json {
                    println!("{} detection ({})", r.category, f.display());
                    println!("  all       {}", prf(&r.all));
                    println!("  tuning    {}", prf(&r.tuning));
                    println!(
                        "  held-out  {}  (rows with index % 5 == 0)",
                        prf(&r.held_out)
                    );
                    println!("  positives among `difficult no`: {}", r.difficult_no_fp);
                    let a = &r.annotator;
                    println!(
                        "  one annotator vs the labels: P {:.3} R {:.3} F1 {:.3}  (the agreement ceiling)",
                        a.precision, a.recall, a.f1
                    );
                    if args.errors {
                        for e in &r.errors {
                            println!(
                                "    {} {:?} predicted={} {:?}",
                                e.index, e.label, e.predicted, e.triggers
                            );
                        }
                    }
                }
                report.push(json!({"file": f, "gsr": r}));
            } else if name.ends_with("_spans.dev.json") {
                let r = eval::eval_spans(f, &run)?;
                if !args.json {
                    println!(
                        "{} actor codes ({}, {} records)",
                        r.category,
                        f.display(),
                        r.records
                    );
                    println!("  source    {}", codes(&r.source));
                    println!("  target    {}", codes(&r.target));
                }
                report.push(json!({"file": f, "spans": r}));
            } else if name.ends_with(".jsonl") {
                let gold = eval::read_gold(f)?;
                let r = eval::eval_gold(&gold, Path::new(&shared), &run)?;
                if !args.json {
                    println!(
                        "gold {} ({} documents, {} skipped)",
                        f.display(),
                        r.docs,
                        r.skipped.len()
                    );
                    for s in &r.skipped {
                        println!("  skipped: {s}");
                    }
                    println!("  detection {}", prf(&r.detection));
                    println!("  typed     {}", prf(&r.typed));
                    println!(
                        "  of {} correctly typed: mode {} aux {}; actor codes {}/{}",
                        r.typed.tp, r.mode_correct, r.aux_correct, r.actor_codes.1, r.actor_codes.0
                    );
                    if args.errors {
                        for e in &r.errors {
                            println!("    {e}");
                        }
                    }
                    println!("  confusion (gold → predicted):");
                    for (g, row) in &r.confusion {
                        let cells: Vec<String> =
                            row.iter().map(|(p, n)| format!("{p}:{n}")).collect();
                        println!("    {g:<10} {}", cells.join(" "));
                    }
                }
                report.push(json!({"file": f, "gold": r}));
            }
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    Ok(ExitCode::SUCCESS)
}
