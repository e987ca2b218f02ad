//! Normalise Arabic text for matching, find a word in the normalised text,
//! and map the match back to the original (diacritics and all).
//!
//! `cargo run -p rasd-text --example normalize_map_back`
use rasd_doc::Span;

fn main() {
    let original = "قالَ الكرملينُ إنّ وِيتكوف سيزور مـوسكو ٢٠٢٥";
    let norm = rasd_text::normalize(original);
    println!("original:   {original}");
    println!("normalised: {}", norm.text);
    for needle in ["الكرملين", "ويتكوف", "موسكو", "2025"] {
        let at = norm.text.find(needle).expect("present") as u32;
        let span = norm.to_original(Span::new(at, at + needle.len() as u32));
        println!(
            "{needle:>10} → {:?} at bytes {}..{}",
            &original[span.range()],
            span.start,
            span.end
        );
    }
}
