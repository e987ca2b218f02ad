//! Flags of `rasd eval events` (owned by the event coder).
use std::path::PathBuf;

use clap::Args;

/// `rasd eval events [PATH…]`
#[derive(Debug, Args)]
pub struct EvalEventsArgs {
    /// GSR directories (holding `*_gsr.dev.csv` / `*_spans.dev.json`) and/or
    /// gold directories (holding `*.jsonl`, e.g. `tests/gold/events`); default:
    /// the shared `data/events/arabic_event_gsr` and `tests/gold/events`.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The shared material (holds `data/news/saudinewsnet`, `seed/`,
    /// `data/events/arabic_event_gsr`); default: $RASD_SHARED, else `../shared`.
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
    /// List the misclassified GSR rows (CSV index, label, triggers found).
    #[arg(long)]
    pub errors: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// For error analysis: every candidate event of this category (own-gold
    /// documents within their scored span, GSR rows) with its sentence, the
    /// rules' confidence, the report classifier's confidence and its
    /// strongest features, instead of the scores.
    #[arg(long, value_name = "CATEGORY")]
    pub explain: Option<String>,
    /// Score with this report model (`rasd train events -o FILE`) instead of
    /// the bundled one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

/// `rasd train events`
#[derive(Debug, Args)]
pub struct TrainEventsArgs {
    /// The shared material (holds `data/events/arabic_event_gsr`); default:
    /// $RASD_SHARED, else `../shared`.
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
    /// Where to write the model (default: data/models/event_report.tsv).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Cross-validate with K contiguous folds over all judged sentences
    /// instead of writing a model.
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
    /// Own gold whose sentences are extra training rows (never the held-out
    /// file): a sentence with a gold event of the category is positive, one
    /// with only rule candidates negative.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "tests/gold/events/gold.jsonl"
    )]
    pub gold: PathBuf,
    /// Weight of each own-gold sentence relative to a GSR sentence (0: GSR only).
    #[arg(long, value_name = "W", default_value_t = 1.0)]
    pub gold_weight: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        a: EvalEventsArgs,
    }

    #[test]
    fn parses() {
        let t = T::try_parse_from(["t", "a", "b", "--shared", "/x", "--json", "--errors"]).unwrap();
        assert_eq!(t.a.paths, [PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(t.a.shared, Some(PathBuf::from("/x")));
        assert!(t.a.json && t.a.errors);
        assert!(T::try_parse_from(["t"]).unwrap().a.paths.is_empty());
        let t = T::try_parse_from(["t", "--explain", "ASSAULT", "--model", "m.tsv"]).unwrap();
        assert_eq!(t.a.explain.as_deref(), Some("ASSAULT"));
        assert_eq!(t.a.model, Some(PathBuf::from("m.tsv")));
    }

    #[test]
    fn parses_train() {
        #[derive(Parser)]
        struct U {
            #[command(flatten)]
            a: TrainEventsArgs,
        }
        let u = U::try_parse_from(["t", "--cv", "5", "-o", "m.tsv"]).unwrap();
        assert_eq!(
            (u.a.cv, u.a.output),
            (Some(5), Some(PathBuf::from("m.tsv")))
        );
        let u = U::try_parse_from(["t"]).unwrap();
        assert_eq!(u.a.gold, PathBuf::from("tests/gold/events/gold.jsonl"));
        assert_eq!(u.a.gold_weight, 1.0);
        let u = U::try_parse_from(["t", "--gold-weight", "0", "--gold", "g.jsonl"]).unwrap();
        assert_eq!((u.a.gold_weight, u.a.gold), (0.0, PathBuf::from("g.jsonl")));
    }
}
