//! `rasd-time` — temporal expressions normalised against the dateline (in progress).
use rasd_doc::{Annotator, Doc, Layer, Result};

/// Fills `Doc::times`.
pub struct TimeAnnotator;
impl Annotator for TimeAnnotator {
    fn name(&self) -> &'static str {
        "times"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::Boilerplate]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Times]
    }
    fn annotate(&self, _doc: &mut Doc) -> Result<()> {
        Ok(())
    }
}
