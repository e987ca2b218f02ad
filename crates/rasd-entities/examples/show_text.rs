//! Prints the entities of a text given on the command line (for inspection).
use rasd_doc::{Annotator, Doc};

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let mut doc = Doc::new("t", text);
    rasd_text::analyze(&mut doc);
    rasd_entities::EntityAnnotator::standard()
        .annotate(&mut doc)
        .expect("annotate");
    for e in &doc.entities {
        let ms: Vec<&str> = e.mentions.iter().map(|m| doc.slice(*m)).collect();
        println!(
            "{} {} {} {:?} {:?} {:?} {:?}",
            e.id,
            e.kind.as_str(),
            e.name,
            e.country,
            e.sector,
            e.roles,
            ms
        );
    }
}
