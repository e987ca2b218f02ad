//! `rasd ner`, `rasd train ner`, `rasd eval ner`.
use std::process::ExitCode;

use crate::flags::ner::{EvalNerArgs, NerArgs, TrainNerArgs};

/// `rasd ner --conll`
pub fn run(_args: &NerArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rasd ner: not available yet")
}

/// `rasd train ner`
pub fn train(_args: &TrainNerArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rasd train ner: not available yet")
}

/// `rasd eval ner`
pub fn eval(_args: &EvalNerArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rasd eval ner: not available yet")
}
