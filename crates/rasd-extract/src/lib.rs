//! `rasd-extract` — the annotation pipeline.
//!
//! Assembles the annotators of the text layer and the extraction crates
//! (`rasd-entities`, `rasd-time`, `rasd-quotes`, `rasd-events`) into a
//! [`Pipeline`] that checks, when built, that every annotator's required
//! layers are assigned by an earlier one. Running a pipeline never stops at a
//! failing annotator: its error (or panic) is recorded with the annotator and
//! document, and the remaining annotators still run.
//!
//! ```
//! use rasd_doc::Doc;
//! let pipeline = rasd_extract::Pipeline::standard();
//! let mut doc = Doc::new("d", "قال الكرملين إن ويتكوف سيزور موسكو.");
//! assert!(pipeline.run(&mut doc).is_empty());
//! assert_eq!(doc.sentences.len(), 1);
//! ```
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

use std::panic::{catch_unwind, AssertUnwindSafe};

use rasd_doc::{Annotator, Doc, Error, Layer, Result};
use serde::Serialize;

/// An ordered, validated list of annotators.
pub struct Pipeline {
    annotators: Vec<Box<dyn Annotator>>,
}

/// One row of [`Pipeline::explain`].
#[derive(Debug, Clone, Serialize)]
pub struct AnnotatorInfo {
    /// Annotator name.
    pub name: &'static str,
    /// Layers it needs.
    pub requires: Vec<Layer>,
    /// Layers it adds.
    pub assigns: Vec<Layer>,
}

impl Pipeline {
    /// Builds a pipeline, rejecting unmet requirements.
    pub fn new(annotators: Vec<Box<dyn Annotator>>) -> Result<Pipeline> {
        let mut have: Vec<Layer> = Vec::new();
        for a in &annotators {
            for &layer in a.requires() {
                if !have.contains(&layer) {
                    return Err(Error::UnmetRequirement {
                        annotator: a.name(),
                        layer,
                    });
                }
            }
            have.extend_from_slice(a.assigns());
        }
        Ok(Pipeline { annotators })
    }

    /// The standard pipeline: text, entities, times, quotes, events.
    pub fn standard() -> Pipeline {
        Pipeline::standard_with(rasd_events::DEFAULT_MIN_CONFIDENCE)
    }

    /// The standard pipeline, writing events of at least `min_event_confidence`.
    pub fn standard_with(min_event_confidence: f32) -> Pipeline {
        Pipeline::new(vec![
            Box::new(rasd_text::TextAnnotator),
            Box::new(rasd_entities::EntityAnnotator::standard()),
            Box::new(rasd_time::TimeAnnotator),
            Box::new(rasd_quotes::QuoteAnnotator),
            Box::new(
                rasd_events::EventAnnotator::standard().with_min_confidence(min_event_confidence),
            ),
        ])
        .expect("the standard pipeline satisfies its own requirements")
    }

    /// The text layer only (tokens, sentences, boilerplate).
    pub fn text_only() -> Pipeline {
        Pipeline::new(vec![Box::new(rasd_text::TextAnnotator)])
            .expect("the text layer has no requirements")
    }

    /// Name, requirements and assignments of each annotator, in order.
    pub fn explain(&self) -> Vec<AnnotatorInfo> {
        self.annotators
            .iter()
            .map(|a| AnnotatorInfo {
                name: a.name(),
                requires: a.requires().to_vec(),
                assigns: a.assigns().to_vec(),
            })
            .collect()
    }

    /// Runs every annotator on `doc`; returns the errors of those that failed.
    pub fn run(&self, doc: &mut Doc) -> Vec<Error> {
        let mut errors = Vec::new();
        for a in &self.annotators {
            let r = catch_unwind(AssertUnwindSafe(|| a.annotate(doc)));
            let err = match r {
                Ok(Ok(())) => continue,
                Ok(Err(e)) => e.to_string(),
                Err(panic) => panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panicked".into()),
            };
            errors.push(Error::Annotator {
                annotator: a.name(),
                doc: doc.id.clone(),
                message: err,
            });
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NeedsEntities;
    impl Annotator for NeedsEntities {
        fn name(&self) -> &'static str {
            "needs"
        }
        fn requires(&self) -> &'static [Layer] {
            &[Layer::Entities]
        }
        fn assigns(&self) -> &'static [Layer] {
            &[]
        }
        fn annotate(&self, _: &mut Doc) -> Result<()> {
            Ok(())
        }
    }

    struct Panics;
    impl Annotator for Panics {
        fn name(&self) -> &'static str {
            "panics"
        }
        fn requires(&self) -> &'static [Layer] {
            &[]
        }
        fn assigns(&self) -> &'static [Layer] {
            &[]
        }
        fn annotate(&self, _: &mut Doc) -> Result<()> {
            panic!("boom")
        }
    }

    #[test]
    fn rejects_unmet_requirements() {
        assert!(Pipeline::new(vec![Box::new(NeedsEntities)]).is_err());
    }

    #[test]
    fn failing_annotator_does_not_stop_the_rest() {
        let p = Pipeline::new(vec![Box::new(Panics), Box::new(rasd_text::TextAnnotator)]).unwrap();
        let mut doc = Doc::new("d", "نص.");
        let errs = p.run(&mut doc);
        assert_eq!(errs.len(), 1);
        assert!(errs[0].to_string().contains("panics"));
        assert_eq!(doc.sentences.len(), 1);
    }
}
