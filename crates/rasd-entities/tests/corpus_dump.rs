//! Corpus measurement helper (ignored by default): runs the entity layer over
//! every document of the inputs named in `RASD_DUMP_IN` (files, directories or
//! zips, `:`-separated) and writes contract JSON lines (entities only) to
//! `RASD_DUMP_OUT`. Used with `data/lexicons/tools/entity_counts.py` to count
//! entity errors before and after a change:
//!
//! ```text
//! RASD_DUMP_IN=../shared/data/news/saudinewsnet/dataset/2015-08-02.zip \
//! RASD_DUMP_OUT=/tmp/ents.jsonl cargo test -p rasd-entities --test corpus_dump -- --ignored
//! ```
use std::io::Write;
use std::path::PathBuf;

use rasd_doc::Annotator;

#[test]
#[ignore]
fn dump_entities() {
    let (Ok(inp), Ok(out)) = (
        std::env::var("RASD_DUMP_IN"),
        std::env::var("RASD_DUMP_OUT"),
    ) else {
        eprintln!("set RASD_DUMP_IN and RASD_DUMP_OUT");
        return;
    };
    let paths: Vec<PathBuf> = inp.split(':').map(PathBuf::from).collect();
    let ann = rasd_entities::EntityAnnotator::standard();
    let mut f = std::io::BufWriter::new(std::fs::File::create(out).expect("output file"));
    let opts = rasd_ingest::ReadOptions::default();
    for input in rasd_ingest::expand_inputs(&paths).into_iter().flatten() {
        for mut doc in rasd_ingest::read_input(&input, &opts).flatten() {
            rasd_text::analyze(&mut doc);
            ann.annotate(&mut doc).expect("annotate");
            let rec = rasd_doc::record::Record::from_doc(&doc);
            let line = serde_json::to_string(&rec).expect("json");
            writeln!(f, "{line}").expect("write");
        }
    }
}
