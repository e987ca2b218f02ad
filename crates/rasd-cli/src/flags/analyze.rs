//! Flags of `rasd analyze` and `rasd pipeline`.
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

/// Input format names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Seed format (`date YYYY-MM-DD` header) or plain text.
    Text,
    /// JSON Lines with id/date/title/text (or content/body).
    Jsonl,
    /// A JSON array of such records.
    Json,
    /// A zip archive of .json/.jsonl/.txt members.
    Zip,
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("expected a date as YYYY-MM-DD, got {s:?}"))
}

/// `rasd analyze PATH...`
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  rasd analyze examples/000_3e809c445546f9ff.txt
  rasd analyze ../shared/data/news/saudinewsnet/dataset/ -o news.jsonl
  rasd analyze docs.jsonl --input-format jsonl --text-only
  echo 'قال الكرملين أمس إن …' | rasd analyze - --date 2025-11-26")]
pub struct AnalyzeArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write the JSON Lines here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Dateline for documents without one (YYYY-MM-DD); anchors relative dates.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Read every input in this format instead of guessing from the extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// Replace invalid UTF-8 with U+FFFD instead of rejecting the document.
    #[arg(long)]
    pub lossy: bool,
    /// Only the text layer (sentences, boilerplate): no entities, times, quotes, events.
    #[arg(long)]
    pub text_only: bool,
    /// Write only events of at least this confidence (0 writes every candidate).
    #[arg(long, default_value_t = 0.5, value_name = "0-1")]
    pub min_event_confidence: f32,
    /// Add a `tokens` field: every token with the span of its clitic-free stem.
    #[arg(long)]
    pub tokens: bool,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 16 << 20, value_name = "BYTES")]
    pub max_doc_bytes: usize,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `rasd pipeline`
#[derive(Debug, Args)]
pub struct PipelineArgs {
    /// Print the table of annotators (name, requires, assigns).
    #[arg(long)]
    pub explain: bool,
    /// Print it as JSON.
    #[arg(long)]
    pub json: bool,
}
