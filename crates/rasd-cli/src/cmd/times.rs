//! `rasd times` and `rasd eval time`.
use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context;
use rasd_doc::CharIndex;

use super::OK;
use crate::flags::times::{EvalTimeArgs, TimesArgs};

/// `rasd times FILE --date D`: one expression per line —
/// `id<TAB>start<TAB>end<TAB>text<TAB>type<TAB>value<TAB>granularity<TAB>anchor<TAB>calendar`
/// (code-point offsets, as in the contract).
pub fn run(args: &TimesArgs) -> anyhow::Result<ExitCode> {
    let raw = if args.file.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("cannot read standard input")?;
        s
    } else {
        std::fs::read_to_string(&args.file)
            .with_context(|| format!("cannot read {}", args.file.display()))?
    };
    let id = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut doc = rasd_ingest::parse_text(&id, &raw, args.date);
    if args.date.is_some() {
        doc.dateline = args.date;
    }
    rasd_text::analyze(&mut doc);
    let times = rasd_time::tag_doc(&doc);
    let ci = CharIndex::new(&doc.text);
    let mut out = std::io::stdout().lock();
    for t in &times {
        let r = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            t.id,
            ci.cp(t.span.start),
            ci.cp(t.span.end),
            doc.slice(t.span),
            match t.kind {
                rasd_doc::TimeType::Date => "DATE",
                rasd_doc::TimeType::Time => "TIME",
                rasd_doc::TimeType::Duration => "DURATION",
                rasd_doc::TimeType::Set => "SET",
            },
            t.value.as_deref().unwrap_or("null"),
            t.granularity,
            t.anchor,
            t.calendar
        );
        match r {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::from(OK)),
            r => r?,
        }
    }
    Ok(ExitCode::from(OK))
}

/// `rasd eval time PATH…`: the Duckling corpus (a directory holding `Time/Corpus.hs`) or
/// TimeML files; prints the scores and every failure with its reason.
pub fn eval(args: &EvalTimeArgs) -> anyhow::Result<ExitCode> {
    let default = std::path::PathBuf::from("../shared/data/time/duckling-ar");
    let paths = if args.paths.is_empty() {
        vec![default]
    } else {
        args.paths.clone()
    };
    let (duck, tml): (Vec<_>, Vec<_>) = paths
        .into_iter()
        .partition(|p| rasd_time::eval::is_duckling(p));
    // failures are part of the report, not errors: the exit status stays 0
    let mut report = String::new();
    for p in duck {
        report.push_str(&rasd_time::eval::eval_duckling(&p)?.to_string());
    }
    if !tml.is_empty() {
        report.push_str(&rasd_time::eval::eval_timeml(&tml, args.dct)?.to_string());
    }
    match std::io::stdout().lock().write_all(report.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    Ok(ExitCode::from(OK))
}
