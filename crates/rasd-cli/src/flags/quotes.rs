//! Flags of `rasd eval quotes` (owned by the quote extractor).
use std::path::PathBuf;

use clap::Args;

/// `rasd eval quotes GOLD_DIR`
#[derive(Debug, Args)]
pub struct EvalQuotesArgs {
    /// Directory of gold quote files (`tests/gold/quotes`).
    #[arg(value_name = "GOLD_DIR")]
    pub gold: PathBuf,
    /// The shared material (holds `data/news/saudinewsnet` and `seed/`); default:
    /// $RASD_SHARED, else a `shared` directory beside an ancestor of GOLD_DIR.
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also list every error (missed, spurious, wrong speaker).
    #[arg(long)]
    pub misses: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        a: EvalQuotesArgs,
    }

    #[test]
    fn parses() {
        let t = T::try_parse_from(["t", "tests/gold/quotes", "--shared", "/x", "--json"]).unwrap();
        assert_eq!(t.a.gold, PathBuf::from("tests/gold/quotes"));
        assert_eq!(t.a.shared, Some(PathBuf::from("/x")));
        assert!(t.a.json);
        assert!(T::try_parse_from(["t"]).is_err());
    }
}
