//! `rasd eval events`: scores the standard pipeline on the OEDA Arabic event
//! gold (PROTEST/ASSAULT detection, actor codes) and on rasd's own gold.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rasd_events::eval;
use rasd_extract::Pipeline;
use serde_json::json;

use crate::flags::events::EvalEventsArgs;

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
    let shared: PathBuf = args
        .shared
        .clone()
        .or_else(|| std::env::var_os("RASD_SHARED").map(Into::into))
        .unwrap_or_else(|| PathBuf::from("../shared"));
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(shared.join("data/events/arabic_event_gsr"));
        paths.push(PathBuf::from("tests/gold/events"));
    }
    let pipeline = Pipeline::standard();
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
