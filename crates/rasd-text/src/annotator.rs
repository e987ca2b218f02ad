use rasd_doc::{Annotator, Doc, Layer, Result};

/// The text layer: normalisation, tokens, paragraphs, sentences and boilerplate.
pub struct TextAnnotator;

impl Annotator for TextAnnotator {
    fn name(&self) -> &'static str {
        "text"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::Boilerplate]
    }
    fn annotate(&self, doc: &mut Doc) -> Result<()> {
        analyze(doc);
        Ok(())
    }
}

/// Fills `norm`, `tokens`, `paragraphs`, `sentences` and `boilerplate` of `doc`.
pub fn analyze(doc: &mut Doc) {
    doc.norm = crate::normalize::normalize(&doc.text);
    doc.tokens = crate::tokenize::tokenize(&doc.norm);
    doc.paragraphs = crate::sentences::paragraphs(&doc.text);
    doc.sentences = crate::sentences::sentences(&doc.text, &doc.paragraphs);
    doc.boilerplate = crate::boilerplate::boilerplate(&doc.text, &doc.paragraphs);
}
