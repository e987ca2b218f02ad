//! Flags of `rasd ner`, `rasd train ner` and `rasd eval ner` (owned by the entity tagger).
use std::path::PathBuf;

use clap::Args;

/// `rasd ner [FILE|-] --conll`
#[derive(Debug, Args)]
pub struct NerArgs {
    /// CoNLL input (first column the token), or `-` for standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub file: PathBuf,
    /// Input is pre-tokenised CoNLL; output is `token TAG` lines.
    #[arg(long)]
    pub conll: bool,
}

/// `rasd train ner`
#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// Training data in CoNLL format.
    #[arg(value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `rasd eval ner GOLD [--pred FILE]`
#[derive(Debug, Args)]
pub struct EvalNerArgs {
    /// Gold CoNLL file.
    #[arg(value_name = "GOLD")]
    pub gold: PathBuf,
    /// Predictions in CoNLL (default: tag the gold tokens with rasd).
    #[arg(long, value_name = "FILE")]
    pub pred: Option<PathBuf>,
}
