//! One module per subcommand; each returns the process exit status.
use std::process::ExitCode;

use crate::flags::{Command, EvalCommand, TrainCommand};

pub mod analyze;
pub mod events;
pub mod genre;
pub mod ner;
pub mod quotes;
pub mod times;

/// Exit status when every input was processed.
pub const OK: u8 = 0;
/// Exit status when some input failed.
pub const FAILED: u8 = 1;

/// Runs a parsed command.
pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Analyze(a) => analyze::run(&a),
        Command::Pipeline(a) => analyze::pipeline(&a),
        Command::Times(a) => times::run(&a),
        Command::Ner(a) => ner::run(&a),
        Command::Train(TrainCommand::Ner(a)) => ner::train(&a),
        Command::Train(TrainCommand::Events(a)) => events::train(&a),
        Command::Train(TrainCommand::Genre(a)) => genre::train(&a),
        Command::Eval(EvalCommand::Ner(a)) => ner::eval(&a),
        Command::Eval(EvalCommand::Time(a)) => times::eval(&a),
        Command::Eval(EvalCommand::Quotes(a)) => quotes::eval(&a),
        Command::Eval(EvalCommand::Events(a)) => events::eval(&a),
    }
}
