//! `rasd-entities` — named entities, in-document coreference, roles and actor codes.
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod annotate;
pub mod conll;
pub mod eval;
pub mod features;
pub mod lexicon;
pub mod matcher;
pub mod ner;
pub mod perceptron;
pub mod tags;

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
    fn annotate(&self, doc: &mut Doc) -> Result<()> {
        annotate::annotate(ner::standard(), doc);
        Ok(())
    }
}
