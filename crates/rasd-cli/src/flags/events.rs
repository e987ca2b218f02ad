//! Flags of `rasd eval events` (owned by the event coder).
use std::path::PathBuf;

use clap::Args;

/// `rasd eval events`
#[derive(Debug, Args)]
pub struct EvalEventsArgs {
    /// The GSR directory or the team gold directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}
