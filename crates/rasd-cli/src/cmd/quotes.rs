//! `rasd eval quotes`.
use std::process::ExitCode;

use crate::flags::quotes::EvalQuotesArgs;

/// `rasd eval quotes GOLD_DIR`
pub fn eval(_args: &EvalQuotesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rasd eval quotes: not available yet")
}
