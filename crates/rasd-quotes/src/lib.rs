//! `rasd-quotes` — who said what (in progress).
use rasd_doc::{Annotator, Doc, Layer, Result};

/// Fills `Doc::quotes`.
pub struct QuoteAnnotator;
impl Annotator for QuoteAnnotator {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Tokens,
            Layer::Sentences,
            Layer::Boilerplate,
            Layer::Entities,
            Layer::Times,
        ]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }
    fn annotate(&self, _doc: &mut Doc) -> Result<()> {
        Ok(())
    }
}
