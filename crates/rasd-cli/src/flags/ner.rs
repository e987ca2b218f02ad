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
    /// Model only: skip the lexicon post-correction.
    #[arg(long)]
    pub no_lexicon: bool,
}

/// `rasd train ner [FILE] [-o MODEL] [--cv K]`
#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// Training data in CoNLL format (default: ../shared/data/ner/anercorp-train.txt).
    #[arg(value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// Where to write the model (default: data/models/ner.bin).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Cross-validate with K contiguous folds instead of writing a model.
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// Drop averaged weights smaller than this in magnitude (a smaller,
    /// faster model; check the cost with `--cv`).
    #[arg(long, value_name = "W")]
    pub prune: Option<f32>,
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
    /// When tagging: model only, without lexicon post-correction.
    #[arg(long)]
    pub no_lexicon: bool,
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        a: super::TrainNerArgs,
    }

    #[test]
    fn parses_cv() {
        let t = T::try_parse_from(["t", "x.txt", "--cv", "5"]).unwrap();
        assert_eq!(t.a.cv, Some(5));
        assert_eq!(t.a.epochs, 12);
    }
}
