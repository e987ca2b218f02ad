//! The `rasd` binary: flags in `flags/`, one module per subcommand in `cmd/`.
use std::process::ExitCode;

use clap::Parser;

mod cmd;
mod flags;

/// Large blocks (the tagger's weights, the lexicons' tables) on huge pages:
/// mimalloc: about a quarter faster extraction than the system allocator
/// (many small per-document allocations; `rasd-extract/examples/layers.rs`).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match flags::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout (exit 0) and usage errors to stderr (exit 2)
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cmd::run(cli.command) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rasd: {e:#}");
            ExitCode::from(cmd::FAILED)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
