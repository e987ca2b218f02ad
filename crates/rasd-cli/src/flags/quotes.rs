//! Flags of `rasd eval quotes` (owned by the quote extractor).
use std::path::PathBuf;

use clap::Args;

/// `rasd eval quotes GOLD_DIR`
#[derive(Debug, Args)]
pub struct EvalQuotesArgs {
    /// Directory of gold quote files.
    #[arg(value_name = "GOLD_DIR")]
    pub gold: PathBuf,
}
