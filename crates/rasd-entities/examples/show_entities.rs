//! Prints the entities of articles from a SaudiNewsNet zip (for inspection).
//!
//! `cargo run -p rasd-entities --example show_entities -- ZIP [FIRST] [COUNT]`
use std::io::Read;

use rasd_doc::{Annotator, Doc};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let first: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0);
    let count: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(3);
    let f = std::fs::File::open(&args[1]).expect("zip");
    let mut arch = zip::ZipArchive::new(f).expect("zip");
    let mut s = String::new();
    arch.by_index(0)
        .expect("member")
        .read_to_string(&mut s)
        .expect("read");
    let items: Vec<serde_json::Value> = serde_json::from_str(&s).expect("json");
    let ann = rasd_entities::EntityAnnotator::standard();
    for it in items.iter().skip(first).take(count) {
        let text = it["content"].as_str().unwrap_or("");
        let mut doc = Doc::new("a", text);
        doc.dateline = chrono::NaiveDate::from_ymd_opt(2015, 7, 21);
        rasd_text::analyze(&mut doc);
        ann.annotate(&mut doc).expect("annotate");
        println!("=== {}", it["title"].as_str().unwrap_or(""));
        println!("{}", text.chars().take(600).collect::<String>());
        for e in &doc.entities {
            let ms: Vec<&str> = e.mentions.iter().map(|m| doc.slice(*m)).collect();
            println!(
                "  {} {} {} | {} {} | {:?} | {:?}",
                e.id,
                e.kind.as_str(),
                e.name,
                e.country.as_deref().unwrap_or("-"),
                e.sector.as_deref().unwrap_or("-"),
                e.roles,
                ms
            );
        }
    }
}
