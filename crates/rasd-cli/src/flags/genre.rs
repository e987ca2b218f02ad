//! Flags of `rasd train genre` (owned by the genre classifier).
use std::path::PathBuf;

use clap::Args;

/// `rasd train genre`
#[derive(Debug, Args)]
pub struct TrainGenreArgs {
    /// The shared material (holds `data/news/saudinewsnet`); default:
    /// $RASD_SHARED, else `../shared`.
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
    /// Where to write the model (default: data/models/genre.tsv).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Evaluate instead of writing a model: each outlet's labelled articles
    /// are classified by a model trained on the other outlets' (the test a
    /// new outlet puts it to); prints per-genre precision and recall and the
    /// confusion.
    #[arg(long)]
    pub cv: bool,
}
