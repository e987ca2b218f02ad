//! Runs the text layer and the quote annotator on one file and prints the quotes.
//!
//! `cargo run -p rasd-quotes --example quotes -- FILE [INDEX]` — FILE in the seed
//! format, or a SaudiNewsNet zip with the 0-based INDEX of an article;
//! `--eval GOLD_DIR` scores the reader alone (no entity layer) on the gold.
use rasd_doc::Annotator;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: quotes FILE [INDEX]");
        return;
    };
    if path == "--eval" {
        // the quote reader alone (text layer, no entities/times): `--eval GOLD_DIR`
        let dir = std::path::PathBuf::from(args.get(1).map_or("tests/gold/quotes", |s| s));
        let shared = rasd_quotes::eval::find_shared_dir(&dir);
        match rasd_quotes::eval::evaluate(&dir, shared.as_deref(), |d| {
            rasd_text::TextAnnotator.annotate(d).ok();
            rasd_quotes::QuoteAnnotator.annotate(d).ok();
        }) {
            Ok(r) => println!("{r}"),
            Err(e) => eprintln!("{e}"),
        }
        return;
    }
    let mut doc = if path.ends_with(".zip") {
        let idx: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        match rasd_quotes::eval::load_zip_article(std::path::Path::new(path), idx) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e}");
                return;
            }
        }
    } else {
        let raw = std::fs::read_to_string(path).unwrap_or_default();
        rasd_ingest::parse_text("doc", &raw, None)
    };
    rasd_text::TextAnnotator.annotate(&mut doc).ok();
    rasd_quotes::QuoteAnnotator.annotate(&mut doc).ok();
    for q in &doc.quotes {
        println!(
            "{} {:?} speaker={:?} span={:?} cue={:?} addr={:?} ch={:?} by={:?} time={:?}\n   {}",
            q.id,
            q.kind,
            q.speaker,
            q.speaker_span.map(|s| doc.slice(s)),
            doc.slice(q.cue),
            q.addressee,
            q.channel,
            q.reported_by,
            q.time,
            doc.slice(q.content)
        );
    }
}
