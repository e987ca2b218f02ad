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
    }
}
