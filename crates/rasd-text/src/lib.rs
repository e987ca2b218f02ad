//! `rasd-text` — the Arabic text layer, the base of all extraction.
//!
//! Owns normalisation with an offset map ([`normalize()`]), tokens with clitic
//! analysis ([`tokenize`], [`clitics`]), paragraphs and sentences
//! ([`sentences`]) and boilerplate detection ([`boilerplate`]). It fills the
//! `Tokens`, `Sentences` and `Boilerplate` layers of a [`rasd_doc::Doc`]
//! through [`TextAnnotator`]; it knows nothing of entities, files or stores.
//!
//! ```
//! use rasd_doc::{Annotator, Doc};
//! use rasd_text::TextAnnotator;
//! let mut doc = Doc::new("d", "وقال لويتكوف: نعم.\n\nإعلان\n\nثم مضى.");
//! TextAnnotator.annotate(&mut doc).unwrap();
//! let t = &doc.tokens[1];
//! assert_eq!(doc.slice(t.span), "لويتكوف");
//! let stems: Vec<&str> = rasd_text::clitics::candidates(doc.token_norm(t))
//!     .into_iter().map(|a| a.stem(doc.token_norm(t))).collect();
//! assert!(stems.contains(&"ويتكوف"));
//! assert_eq!(doc.boilerplate[0].kind, "ad");
//! ```
//!
//! Design decisions:
//! * the text never changes; normalised text lives beside it with a monotone
//!   byte map, and every span handed out points into the original;
//! * folding runs through a precomputed table for U+0000–U+07FF, so one pass
//!   does normalisation and map at memory speed;
//! * clitics are sub-spans, not re-tokenisation, and a bare one-letter
//!   proclitic is only cut when a lexicon confirms the stem (charabia's
//!   البانيا/الله pitfall).
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod annotator;
pub mod boilerplate;
pub mod clitics;
pub mod normalize;
pub mod sentences;
pub mod tokenize;

pub use annotator::{analyze, TextAnnotator};
pub use normalize::{normalize, normalize_key, NormalizerChain, Preset};
