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

#[cfg(test)]
mod tests {
    use clap::Parser;

    use crate::flags::{Cli, Command, EvalCommand};

    #[test]
    fn parses_times() {
        let cli = Cli::try_parse_from(["rasd", "times", "a.txt", "--date", "2025-11-26"]).unwrap();
        let Command::Times(a) = cli.command else {
            panic!("not times")
        };
        assert_eq!(a.file.to_str(), Some("a.txt"));
        assert_eq!(a.date.unwrap().to_string(), "2025-11-26");
        assert!(Cli::try_parse_from(["rasd", "times"]).is_err());
    }

    #[test]
    fn parses_eval_time() {
        let cli =
            Cli::try_parse_from(["rasd", "eval", "time", "x.tml", "d/", "--dct", "2013-02-12"])
                .unwrap();
        let Command::Eval(EvalCommand::Time(a)) = cli.command else {
            panic!("not eval time")
        };
        assert_eq!(a.paths.len(), 2);
        assert_eq!(a.dct.unwrap().to_string(), "2013-02-12");
    }
}
