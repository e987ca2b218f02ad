//! Flags of `rasd times` and `rasd eval time` (owned by the time tagger).
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::analyze::parse_date;

/// `rasd times FILE --date D`
#[derive(Debug, Args)]
pub struct TimesArgs {
    /// A document (seed format, plain text) or `-` for standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Dateline (overrides the document's own).
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
}

/// `rasd eval time`
#[derive(Debug, Args)]
pub struct EvalTimeArgs {
    /// TimeML files or directories, or the Duckling corpus directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Document creation time for TimeML files without a DCT element.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub dct: Option<NaiveDate>,
}
