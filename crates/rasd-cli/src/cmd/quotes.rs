//! `rasd eval quotes`: scores the standard pipeline against the quote gold.
use std::process::ExitCode;

use rasd_extract::Pipeline;

use crate::flags::quotes::EvalQuotesArgs;

/// `rasd eval quotes GOLD_DIR`
pub fn eval(args: &EvalQuotesArgs) -> anyhow::Result<ExitCode> {
    let shared = args
        .shared
        .clone()
        .or_else(|| std::env::var_os("RASD_SHARED").map(Into::into))
        .or_else(|| rasd_quotes::eval::find_shared_dir(&args.gold));
    let shared = shared.filter(|p| p.is_dir());
    if shared.is_none() {
        eprintln!("rasd: eval quotes: shared material not found (use --shared or RASD_SHARED); every article is skipped");
    }
    let pipeline = Pipeline::standard();
    let report = rasd_quotes::eval::evaluate(&args.gold, shared.as_deref(), |doc| {
        for e in pipeline.run(doc) {
            eprintln!("rasd: {e:#}");
        }
    })?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        if args.misses {
            for m in &report.misses {
                println!("{m}");
            }
        }
        println!("{report}");
    }
    Ok(ExitCode::SUCCESS)
}
