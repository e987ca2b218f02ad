//! `rasd times` and `rasd eval time`.
use std::process::ExitCode;

use crate::flags::times::{EvalTimeArgs, TimesArgs};

/// `rasd times FILE --date D`
pub fn run(_args: &TimesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rasd times: not available yet")
}

/// `rasd eval time`
pub fn eval(_args: &EvalTimeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rasd eval time: not available yet")
}
