//! `rasd eval events`.
use std::process::ExitCode;

use crate::flags::events::EvalEventsArgs;

/// `rasd eval events`
pub fn eval(_args: &EvalEventsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rasd eval events: not available yet")
}
