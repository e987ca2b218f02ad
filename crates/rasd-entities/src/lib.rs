//! `rasd-entities` — named entities, coreference, roles and actor codes (in progress).
use rasd_doc::{Annotator, Doc, Layer, Result};

/// Fills `Doc::entities`.
pub struct EntityAnnotator;
impl EntityAnnotator {
    /// The annotator with the bundled model and lexicons.
    pub fn standard() -> EntityAnnotator {
        EntityAnnotator
    }
}
impl Annotator for EntityAnnotator {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::Boilerplate]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn annotate(&self, _doc: &mut Doc) -> Result<()> {
        Ok(())
    }
}
