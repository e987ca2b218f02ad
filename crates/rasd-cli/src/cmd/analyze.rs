//! `rasd analyze` — the main job — and `rasd pipeline --explain`.
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rasd_doc::record::Record;
use rasd_doc::Doc;
use rasd_extract::Pipeline;
use rasd_ingest::{expand_inputs, read_input, Format, ReadOptions};
use rayon::prelude::*;

use super::{FAILED, OK};
use crate::flags::analyze::{AnalyzeArgs, InputFormat, PipelineArgs};

/// Documents annotated in parallel per batch; output order is input order.
const BATCH: usize = 256;

/// Resolved configuration of one `analyze` run.
struct Config {
    read: ReadOptions,
    pipeline: Pipeline,
    tokens: bool,
}

impl Config {
    fn from_args(a: &AnalyzeArgs) -> Config {
        Config {
            read: ReadOptions {
                format: a.input_format.map(|f| match f {
                    InputFormat::Text => Format::Text,
                    InputFormat::Jsonl => Format::Jsonl,
                    InputFormat::Json => Format::Json,
                    InputFormat::Zip => Format::Zip,
                }),
                lossy: a.lossy,
                default_date: a.date,
                max_doc_bytes: a.max_doc_bytes,
            },
            tokens: a.tokens,
            pipeline: if a.text_only {
                Pipeline::text_only()
            } else {
                Pipeline::standard_with(a.min_event_confidence)
            },
        }
    }
}

/// Counts of one run.
#[derive(Default)]
struct Tally {
    docs: usize,
    failed: usize,
}

/// Runs `rasd analyze`.
pub fn run(a: &AnalyzeArgs) -> anyhow::Result<ExitCode> {
    if let Some(n) = a.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .ok();
    }
    let cfg = Config::from_args(a);
    let out: Box<dyn Write> = match &a.output {
        Some(p) => {
            Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let inputs = expand_inputs(&a.paths);
    let bar = progress(inputs.len() as u64, a.quiet);
    let mut tally = Tally::default();
    for input in inputs {
        let input = match input {
            Ok(i) => i,
            Err(e) => {
                bar.suspend(|| eprintln!("rasd: {e}"));
                tally.failed += 1;
                bar.inc(1);
                continue;
            }
        };
        let mut batch = Vec::with_capacity(BATCH);
        for item in read_input(&input, &cfg.read) {
            batch.push(item);
            if batch.len() == BATCH {
                flush(&mut batch, &cfg, &mut out, &bar, &mut tally)?;
            }
        }
        flush(&mut batch, &cfg, &mut out, &bar, &mut tally)?;
        bar.inc(1);
    }
    out.flush()?;
    bar.finish_and_clear();
    if !a.quiet && tally.failed > 0 {
        eprintln!(
            "rasd: {} documents written, {} inputs failed",
            tally.docs, tally.failed
        );
    }
    Ok(ExitCode::from(if tally.failed > 0 { FAILED } else { OK }))
}

fn progress(len: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} inputs, {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Annotates a batch in parallel and writes it in order.
fn flush(
    batch: &mut Vec<rasd_ingest::Result<Doc>>,
    cfg: &Config,
    out: &mut impl Write,
    bar: &ProgressBar,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let results: Vec<Result<(String, Vec<String>), String>> = batch
        .par_drain(..)
        .map(|item| match item {
            Ok(mut doc) => {
                let errors = cfg
                    .pipeline
                    .run(&mut doc)
                    .iter()
                    .map(|e| e.to_string())
                    .collect();
                let mut rec = Record::from_doc(&doc);
                if cfg.tokens {
                    rec = rec.with_tokens(&doc);
                }
                let line = serde_json::to_string(&rec).map_err(|e| format!("{}: {e}", doc.id))?;
                Ok((line, errors))
            }
            Err(e) => Err(e.to_string()),
        })
        .collect();
    for r in results {
        match r {
            Ok((line, errors)) => {
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")?;
                tally.docs += 1;
                if !errors.is_empty() {
                    tally.failed += 1;
                    bar.suspend(|| errors.iter().for_each(|e| eprintln!("rasd: {e}")));
                }
            }
            Err(e) => {
                tally.failed += 1;
                bar.suspend(|| eprintln!("rasd: {e}"));
            }
        }
    }
    bar.set_message(format!("{} documents", tally.docs));
    Ok(())
}

/// Runs `rasd pipeline`.
pub fn pipeline(a: &PipelineArgs) -> anyhow::Result<ExitCode> {
    let info = Pipeline::standard().explain();
    if a.json {
        println!("{}", serde_json::to_string_pretty(&info)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{:<12} {:<45} assigns", "annotator", "requires");
    for row in info {
        let names = |v: &[rasd_doc::Layer]| {
            v.iter()
                .map(|l| format!("{l:?}").to_lowercase())
                .collect::<Vec<_>>()
                .join(", ")
        };
        println!(
            "{:<12} {:<45} {}",
            row.name,
            names(&row.requires),
            names(&row.assigns)
        );
    }
    if !a.explain {
        eprintln!("(use --explain for this table, --json for machine-readable output)");
    }
    Ok(ExitCode::SUCCESS)
}
