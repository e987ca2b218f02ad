//! Command-line flags: clap derive structs that validate, and nothing else.
//!
//! Every flag of the `rasd` binary is defined under this module; commands in
//! `cmd/` turn them into configuration and run.
use clap::{Parser, Subcommand};

pub mod analyze;
pub mod events;
pub mod genre;
pub mod ner;
pub mod quotes;
pub mod times;

const AFTER_HELP: &str = "\
Examples:
  rasd analyze examples/000_3e809c445546f9ff.txt      one seed-format article → one JSON line
  rasd analyze corpus/ -o out.jsonl                    every file under corpus/, recursively
  rasd analyze news.zip --quiet | jq .quotes           SaudiNewsNet-style zip of JSON arrays
  cat a.txt | rasd analyze - --date 2025-11-26         stdin, with a dateline for relative dates
  rasd times article.txt --date 2025-11-26             only the time expressions
  rasd eval ner ../shared/data/ner/anercorp-train.txt  NER scores against CoNLL gold
  rasd train events --cv 5                             cross-validate the event report classifier
  rasd train genre --cv                                genre classifier, each outlet tested on the others

Exit codes: 0 all inputs processed, 1 some input failed (see stderr), 2 usage error.";

/// rasd (رصد): reads dated Arabic news reports and extracts entities, time
/// expressions, quotes and PLOVER events as evidence-linked JSON Lines.
#[derive(Debug, Parser)]
#[command(name = "rasd", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse documents: one contract JSON line per input document.
    Analyze(analyze::AnalyzeArgs),
    /// Print the time expressions of a document, one per line.
    Times(times::TimesArgs),
    /// Tag pre-tokenised CoNLL text with ANERcorp entity tags.
    Ner(ner::NerArgs),
    /// Rebuild a model from the shared data.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Score rasd against gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Show the annotation pipeline: each annotator, what it needs and adds.
    Pipeline(analyze::PipelineArgs),
}

/// `rasd train …`
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train the NER tagger on ANERcorp.
    Ner(ner::TrainNerArgs),
    /// Train the event report classifier (ASSAULT, PROTEST) on the OEDA GSR.
    Events(events::TrainEventsArgs),
    /// Train the document genre classifier on SaudiNewsNet's section URLs.
    Genre(genre::TrainGenreArgs),
}

/// `rasd eval …`
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Entity tagging against CoNLL gold (precision, recall, F1 per type).
    Ner(ner::EvalNerArgs),
    /// Time expressions against TimeML files or the Duckling corpus.
    Time(times::EvalTimeArgs),
    /// Quotes against the team gold (P/R/F1 of speaker and content).
    Quotes(quotes::EvalQuotesArgs),
    /// Events against the Arabic event GSR and the team gold.
    Events(events::EvalEventsArgs),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_analyze() {
        let cli = Cli::try_parse_from([
            "rasd",
            "analyze",
            "a.txt",
            "-",
            "--date",
            "2025-11-26",
            "-o",
            "x.jsonl",
        ])
        .unwrap();
        let Command::Analyze(a) = cli.command else {
            panic!("not analyze")
        };
        assert_eq!(a.paths.len(), 2);
        assert_eq!(a.date.unwrap().to_string(), "2025-11-26");
        assert!(Cli::try_parse_from(["rasd", "analyze", "a", "--date", "26/11/2025"]).is_err());
    }
}
