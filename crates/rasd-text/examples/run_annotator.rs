//! Run one annotator (the text layer) on a document and print its layers.
//!
//! `cargo run -p rasd-text --example run_annotator`
use rasd_doc::{Annotator, Doc};
use rasd_text::TextAnnotator;

fn main() {
    let mut doc = Doc::new(
        "example",
        "قال الكرملين إن ويتكوف سيزور موسكو.\n\nإعلان\n\nوقال لويتكوف: \"أهلا.\"",
    );
    TextAnnotator
        .annotate(&mut doc)
        .expect("the text layer never fails");
    for t in &doc.tokens {
        println!(
            "{:?}\t{}\tstem {}",
            t.kind,
            doc.slice(t.span),
            doc.token_stem(t)
        );
    }
    for s in &doc.sentences {
        println!("sentence: {}", doc.slice(*s));
    }
    for b in &doc.boilerplate {
        println!("boilerplate {}: {}", b.kind, doc.slice(b.span));
    }
}
