use serde::Serialize;

use crate::{Doc, Result};

/// The named layers of a [`Doc`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// `Doc::norm` and `Doc::tokens`.
    Tokens,
    /// `Doc::paragraphs` and `Doc::sentences`.
    Sentences,
    /// `Doc::boilerplate`.
    Boilerplate,
    /// `Doc::entities`.
    Entities,
    /// `Doc::times`.
    Times,
    /// `Doc::quotes`.
    Quotes,
    /// `Doc::events`.
    Events,
}

/// A pipeline component: reads some layers, adds others.
///
/// Annotators never edit `text` or layers they do not assign.
pub trait Annotator: Send + Sync {
    /// Stable name, used in errors and `rasd pipeline --explain`.
    fn name(&self) -> &'static str;
    /// Layers that must be filled before this annotator runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers this annotator fills.
    fn assigns(&self) -> &'static [Layer];
    /// Adds this annotator's layers to `doc`.
    fn annotate(&self, doc: &mut Doc) -> Result<()>;
}
