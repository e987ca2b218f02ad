//! The `rasd` binary: flags in `flags/`, one module per subcommand in `cmd/`.
use std::process::ExitCode;

use clap::Parser;

mod cmd;
mod flags;

/// Large blocks (the tagger's weights, the lexicons' tables) on huge pages:
/// fewer TLB misses in the random reads of extraction.
#[global_allocator]
static ALLOC: rasd_entities::huge::HugePageAlloc = rasd_entities::huge::HugePageAlloc;

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
