//! `rasd-events` — PLOVER events (in progress).
use rasd_doc::{Annotator, Doc, Layer, Result};

/// Fills `Doc::events`.
pub struct EventAnnotator;
impl EventAnnotator {
    /// The annotator with the bundled trigger lexicon.
    pub fn standard() -> EventAnnotator {
        EventAnnotator
    }
}
impl Annotator for EventAnnotator {
    fn name(&self) -> &'static str {
        "events"
    }
    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Tokens,
            Layer::Sentences,
            Layer::Boilerplate,
            Layer::Entities,
            Layer::Times,
            Layer::Quotes,
        ]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn annotate(&self, _doc: &mut Doc) -> Result<()> {
        Ok(())
    }
}
