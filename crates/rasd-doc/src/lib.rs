//! `rasd-doc` — the shared vocabulary of rasd.
//!
//! This crate owns the document model that flows through every stage
//! (ingest → text → extract → store → server/cli) and the serde types of the
//! output contract (`shared/spec/output.md`, version 1). It depends on no other
//! rasd crate.
//!
//! * [`Doc`] — one document: verbatim, immutable `text` plus named layers
//!   (tokens, sentences, boilerplate, entities, times, quotes, events), each
//!   sorted by start offset.
//! * [`Span`] — a half-open **byte** range into `Doc::text`, so `&text[span]`
//!   is O(1). Code points are computed only when serialising ([`CharIndex`]).
//! * [`OffsetMap`] / [`Normalized`] — normalised text with a monotone map back
//!   to the original, produced by `rasd-text`.
//! * [`Annotator`] — a pipeline component that declares the layers it needs
//!   and the layers it adds.
//! * [`record`] — the JSON Lines record of the output contract.
//!
//! ```
//! use rasd_doc::{Doc, Span};
//! let doc = Doc::new("d1", "قال الكرملين");
//! assert_eq!(doc.slice(Span::new(7, 23)), "الكرملين");
//! ```
//!
//! Design: byte offsets inside the code (cheap slicing), code points only on
//! the wire (the contract is for Python users, whose strings index by code
//! point). Annotators only add layers; nobody edits `text`.
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod annotator;
mod charindex;
mod layers;
mod normalized;
pub mod record;
pub mod score;
mod span;

pub use annotator::{Annotator, Layer};
pub use charindex::CharIndex;
/// Calendar date of datelines (re-exported so users need not depend on chrono).
pub use chrono::NaiveDate;
pub use layers::*;
pub use normalized::{Normalized, OffsetMap};
pub use span::Span;

/// Errors raised while annotating or converting documents.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An annotator failed on one document.
    #[error("{doc}: annotator {annotator}: {message}")]
    Annotator {
        /// Annotator name.
        annotator: &'static str,
        /// Document id.
        doc: String,
        /// What went wrong.
        message: String,
    },
    /// A pipeline was built with a requirement no earlier annotator assigns.
    #[error("annotator {annotator} requires layer {layer:?}, which no earlier annotator assigns")]
    UnmetRequirement {
        /// Annotator name.
        annotator: &'static str,
        /// The missing layer.
        layer: Layer,
    },
}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One document and all its annotation layers.
///
/// `text` is the body exactly as read; it never changes after construction.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// The input's own id, the file stem, or a content hash.
    pub id: String,
    /// Path or URL the document came from.
    pub source: Option<String>,
    /// Document creation date, the anchor of relative time expressions.
    pub dateline: Option<NaiveDate>,
    /// Title, when the input has one.
    pub title: Option<String>,
    /// The body, verbatim.
    pub text: String,
    /// `text` normalised with the `Match` preset, with a map back (set by the text layer).
    pub norm: Normalized,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Paragraph spans (maximal runs of non-blank lines).
    pub paragraphs: Vec<Span>,
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Non-content spans, skipped by extraction.
    pub boilerplate: Vec<Boilerplate>,
    /// Entities, one per referent, in order of first mention.
    pub entities: Vec<Entity>,
    /// Temporal expressions, in text order.
    pub times: Vec<Time>,
    /// Quotes, in text order of their cue.
    pub quotes: Vec<Quote>,
    /// Events, in text order of their trigger.
    pub events: Vec<Event>,
}

impl Doc {
    /// A document with an id and a body and no layers yet.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Doc {
        Doc {
            id: id.into(),
            text: text.into(),
            ..Doc::default()
        }
    }

    /// The original text of a span.
    ///
    /// # Panics
    /// If the span is out of bounds or not on char boundaries — a bug in the annotator that made it.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Whether a span overlaps any boilerplate span.
    pub fn in_boilerplate(&self, span: Span) -> bool {
        self.boilerplate.iter().any(|b| b.span.overlaps(span))
    }

    /// Index of the sentence containing byte offset `pos`, if any.
    pub fn sentence_at(&self, pos: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }

    /// Indices `a..b` of the tokens lying inside `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }

    /// Normalised form of a token (`Match` preset: no diacritics, folded alef/yeh, ASCII digits).
    pub fn token_norm(&self, token: &Token) -> &str {
        &self.norm.text[token.norm.range()]
    }

    /// Normalised form of a token's stem (clitics removed).
    pub fn token_stem(&self, token: &Token) -> &str {
        &self.norm.text[token.stem_norm().range()]
    }
}

#[cfg(feature = "test-support")]
pub mod test_support;
