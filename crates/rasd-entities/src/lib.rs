//! `rasd-entities` — named entities, in-document coreference, roles and actor codes.
//!
//! Owns the `Entities` layer of a [`rasd_doc::Doc`]: one [`rasd_doc::Entity`]
//! per real-world referent, with its type (the ANERcorp classes PER/ORG/LOC/
//! MISC), canonical name, English name, country (ISO 3166-1 alpha-3), CAMEO
//! sector, roles as written, and every mention as a byte span without
//! clitics. It reads tokens, sentences and boilerplate from `rasd-text`; it
//! knows nothing of times, quotes or events (which consume its output).
//!
//! Main parts, in pipeline order:
//! * [`perceptron`] — an averaged structured perceptron with BIO-constrained
//!   Viterbi, trained on ANERcorp, run in two passes ([`ner::Stacked`]: the
//!   second also sees how the same words were tagged in neighbouring
//!   sentences); [`features`] — hashed lexical, clitic, affix, shape,
//!   gazetteer, word-class and trigger-word features;
//! * [`lexicon`] — bundled TSV lexicons (places, organisations, people,
//!   nationality adjectives, titles and heads, Gulf ruling families,
//!   ANERGazet, UniversalPetrarch actors with date ranges, SaudiNewsNet word
//!   classes); [`matcher`] —
//!   longest-match lookup through clitics;
//! * [`orgs`] — the organisation chunker: a head noun (وزارة، هيئة، مستشفى،
//!   شرطة …) and its genitive chain or adjectives ("الهيئة العامة للسياحة
//!   والتراث الوطني") is an organisation even when the model missed it;
//! * [`ner`] — the tagger (model + lexicon), training and k-fold
//!   cross-validation; [`conll`] and [`eval`] — CoNLL I/O and scoring;
//! * [`EntityAnnotator`] — the pipeline component: tags each sentence,
//!   reconciles model and lexicon spans, cuts proclitics off mentions,
//!   clusters mentions into entities (lexicon identity, short-name to
//!   full-name linking, propagation to untagged repeats), and reads roles and
//!   codes from apposition.
//!
//! ```
//! use rasd_doc::{Annotator, Doc};
//! let mut doc = Doc::new("d", "قال الرئيس الروسي فلاديمير بوتين إن وفدا سيزور موسكو. وأكد بوتين ذلك.");
//! rasd_text::analyze(&mut doc);
//! rasd_entities::EntityAnnotator::standard().annotate(&mut doc).unwrap();
//! let putin = doc.entities.iter().find(|e| e.name == "فلاديمير بوتين").unwrap();
//! assert_eq!(putin.mentions.len(), 2);
//! assert_eq!(putin.roles, ["الرئيس الروسي"]);
//! assert_eq!(putin.actor_code().as_deref(), Some("RUSGOV"));
//! let moscow = doc.entities.iter().find(|e| e.name == "موسكو").unwrap();
//! assert_eq!(moscow.country.as_deref(), Some("RUS"));
//! ```
//!
//! Design decisions:
//! * **Own perceptron, not `crfs`**: `crfs` only tags CRFsuite models and
//!   cannot train; an averaged perceptron trains in seconds, deterministically,
//!   and its pruned, quantised weights (`data/models/ner.bin`, ~2.9 MB for
//!   both passes) are embedded with `include_bytes!`, so the binary stays
//!   self-contained.
//! * **Model and lexicon together**: lexicon membership is a model feature,
//!   and the lexicon then fixes extents, identities and codes of what the
//!   model found (and adds unambiguous names it missed). Entries that are
//!   also common words are marked ambiguous and never create mentions alone.
//! * **Clitics are cut from spans, not tokens**: a proclitic is removed only
//!   when the stem is a known name or occurs alone in the document, or when
//!   it precedes the article (و/ب/ف/ك + ال); the article itself stays.
//! * **Coreference is in-document and conservative**: a short person name
//!   joins the full name it begins or ends (عبد/أبو compounds compared
//!   without their space); a short organisation name joins the one longer
//!   name it begins; repeats of a found name are propagated; ids follow
//!   first mention.
//! * **Context beats the model's guess**: titles before a name are roles,
//!   not part of it; place heads (غابة، ملعب) make a place, institution heads
//!   (مستشفى، جامعة، نادي) an organisation, بن/آل a person; currencies and
//!   single common nouns (by how often SaudiNewsNet writes them with the
//!   article) are no entities; canonical names restore the article of a
//!   fused لل ("للحرس الثوري" → "الحرس الثوري") while the span keeps only
//!   what is written after the preposition.
//! * **Dates matter**: actor-dictionary codes are chosen by the document's
//!   dateline.
//! * **Families, not name lists**: a person of a Gulf ruling family whom
//!   nothing else places takes the family's country from the name (آل
//!   نهيان → ARE); names commoners share need a title too ("الأمير …
//!   بن عبدالعزيز" is Saudi, "محمد بن عبدالعزيز الفلاني" unknown).
//! * **Speed by decomposition, exactly**: a token's tagger scores are sums
//!   of 16-bit integer weights, so they can be summed in parts: its word's
//!   own features, each neighbour's features in its role (±1, ±2), and the
//!   few features that join the token to a neighbour. The word parts of the
//!   corpus's 100k commonest words are kept across documents
//!   (`memo::KnownWordMemo`), so most tokens cost a handful of table reads;
//!   a test holds the tags to the definition, and the weight table sits on
//!   huge pages (`huge`). The `rasd` binary allocates with mimalloc.
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod annotate;
pub mod conll;
pub mod eval;
pub mod features;
mod fx;
mod huge;
pub mod lexicon;
pub mod matcher;
mod memo;
pub mod ner;
pub mod orgs;
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
