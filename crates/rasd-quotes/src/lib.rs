//! `rasd-quotes` — who said what: quotes and attributions with resolved speakers.
//!
//! Owns the `Quotes` layer of a [`rasd_doc::Doc`] ([`QuoteAnnotator`]) and the
//! quote gold format and scorer ([`eval`]). It reads the tokens, sentences
//! and boilerplate of `rasd-text`, the entities of `rasd-entities` and the
//! times of `rasd-time`; it adds nothing else.
//!
//! What it recognises (lexicons in `data/lexicons/quote_*.tsv`):
//! * reporting verbs in every form (قال، قالت، قالوا، يقول، مؤكدا، مشيرا إلى أن،
//!   مضى قائلا …) with a content frame: a complementiser (إن، أن، بأن، إنه …),
//!   a colon, or a quotation mark;
//! * attribution phrases (بحسب، حسبما ذكرت، وفقا لـ، نقلا عن، على لسان);
//! * direct quotes in any quotation-mark style, mixed quotes (indirect with a
//!   quoted fragment of three words or more), nested reporting;
//! * speakers after the verb (a title + name phrase resolves to the person),
//!   before it, or dropped ("وقال إن …" takes the last speaker), anonymous
//!   sources (مصدر، مسؤول …: speaker null, `speaker_span` set), addressees
//!   (لـX، لكبير مراسلي … X، في مقابلة مع X), channels and times.
//!
//! ```
//! use rasd_doc::{Annotator, Doc, QuoteKind};
//! let mut doc = Doc::new("d", "وقال مصدر أمني إن الوضع مستقر.");
//! rasd_text::TextAnnotator.annotate(&mut doc).unwrap();
//! rasd_quotes::QuoteAnnotator.annotate(&mut doc).unwrap();
//! let q = &doc.quotes[0];
//! assert_eq!(doc.slice(q.cue), "وقال");
//! assert_eq!(doc.slice(q.content), "الوضع مستقر");
//! assert_eq!(doc.slice(q.speaker_span.unwrap()), "مصدر أمني");
//! assert_eq!((q.speaker.as_deref(), q.kind), (None, QuoteKind::Indirect));
//! ```
//!
//! Design decisions:
//! * rules over tokens, not a model: there is no Arabic quotation corpus to
//!   train on, and the constructions are few and regular; every word list is
//!   a data file, so coverage grows without code changes;
//! * a verb is a cue only when its content frame is found within reach, which
//!   keeps nouns that share a verb's spelling (ذكر، طالب، كتب) out;
//! * the speaker is resolved through the entity layer (a mention inside the
//!   speaker phrase) and `speaker_span` is kept even when no entity matches,
//!   so the quote is useful before or without entities;
//! * a later verb with a conjunction (وأضاف) or an adverbial participle
//!   (مشيرا) ends an indirect content; one without (أن ويتكوف قال …) is
//!   nested inside it and gets `reported_by`.
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

pub mod eval;
mod extract;
mod lexicon;

use rasd_doc::{Annotator, Doc, Layer, Result};

/// Fills `Doc::quotes` (ids `Q1…` in the order of their cues).
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
    fn annotate(&self, doc: &mut Doc) -> Result<()> {
        doc.quotes = extract::extract(doc);
        Ok(())
    }
}
