//! Trains the NER model or cross-validates it.
//!
//! `cargo run --release -p rasd-entities --example train_ner -- train GOLD OUT`
//! `cargo run --release -p rasd-entities --example train_ner -- cv GOLD [K]`
use rasd_entities::ner;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let gold = std::fs::read_to_string(&args[2]).expect("read gold");
    let mut cfg = ner::train_config();
    if let Ok(e) = std::env::var("EPOCHS") {
        cfg.epochs = e.parse().unwrap();
    }
    if let Ok(e) = std::env::var("DROPOUT") {
        cfg.dropout = e.parse().unwrap();
        cfg.identity = rasd_entities::features::IDENTITY_FEATURES;
    }
    let t = std::time::Instant::now();
    match args[1].as_str() {
        "train" => {
            let m = ner::train_conll(&gold, cfg);
            let b = m.to_bytes();
            std::fs::write(&args[3], &b).expect("write");
            eprintln!(
                "{} features, {} bytes, {:?}",
                m.num_features(),
                b.len(),
                t.elapsed()
            );
        }
        "tag" | "tagfix" => {
            let ner = ner::Ner::from_model_bytes(&std::fs::read(&args[3]).unwrap()).unwrap();
            let mut doc = rasd_entities::conll::parse(&gold, false);
            ner.tag_document(&mut doc, args[1] == "tagfix");
            print!("{}", rasd_entities::conll::write(&doc));
        }
        _ => {
            let k = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(5);
            let r = ner::cross_validate(&gold, k, cfg);
            println!("model only:\n{}", r.model.report());
            println!("model + lexicon:\n{}", r.combined.report());
            println!("first pass only:\n{}", r.first_pass.report());
            eprintln!("{:?}", t.elapsed());
        }
    }
}
