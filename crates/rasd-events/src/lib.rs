//! `rasd-events` — PLOVER event coding of Arabic news.
//!
//! Owns the `Events` layer of a [`rasd_doc::Doc`]: who did what to whom, when
//! and where, in the 16 PLOVER categories with their modes and auxiliary
//! modes. It runs last in the pipeline (text → entities → times → quotes →
//! events) and reads every earlier layer; it owns no entities, times or quotes.
//!
//! * [`EventAnnotator`] — the annotator (`EventAnnotator::standard()` loads
//!   the bundled lexicons).
//! * [`lexicon`] — trigger lexicon (`data/lexicons/event_triggers.tsv`,
//!   generated from UniversalPetrarch's Arabic CAMEO verbs mapped to PLOVER
//!   plus curated news nouns), auxiliary-mode cues and nominal agents.
//! * [`detect`] — clitic-aware trigger matching on tokens.
//! * [`eval`] — readers and scoring for the OEDA Arabic event gold
//!   (`arabic_event_gsr`) and for rasd's own gold (`tests/gold/events/`).
//!
//! ```
//! use rasd_doc::{Annotator, Doc};
//! let mut doc = Doc::new("d", "تظاهر آلاف الطلاب أمس أمام البرلمان.");
//! rasd_text::analyze(&mut doc);
//! rasd_events::EventAnnotator::standard().annotate(&mut doc).unwrap();
//! assert_eq!(doc.events[0].kind, "PROTEST");
//! assert_eq!(doc.events[0].mode.as_deref(), Some("demo"));
//! assert_eq!(doc.slice(doc.events[0].trigger), "تظاهر");
//! ```
//!
//! Design decisions:
//! * Triggers are lexicon entries (lemma + part of speech) expanded at load
//!   time into their inflected forms; a token matches when one of its clitic
//!   analyses (`rasd_text::clitics::candidates`) is such a form, so matching is
//!   a few hash lookups per token and no stemmer is needed. Multiword triggers
//!   ("أطلق النار", "وافق على … تنازلات") are context words after the head; the
//!   most specific match wins.
//! * Arguments come from the entity layer by word order: the first noun phrase
//!   after a complementiser or clause start is the subject (SVO), else the
//!   noun phrase after the verb (VSO); recipients follow مع/إلى/على/ضد/بحق or
//!   are the direct object; في/ب + place is the location. When no named entity
//!   fills a role, nominal actors ("المتظاهرون", "الجيش التركي") still give
//!   CAMEO-style codes.
//! * PLOVER rules applied: future CONSULT/SUPPORT/COOPERATE/AID is AGREE,
//!   future RETREAT is CONCEDE; the visitor is the actor of a visit; a
//!   bilateral meeting has both parties as actors. Negated events stay, with
//!   `aux: negation`.
//! * An event whose trigger lies inside a quote's content carries that quote's
//!   id, and a speech act stated there (an accusation, a demand) has the
//!   speaker as actor: the statement and the event stay linked.
//! * Homographs are resolved by data, not code: the trigger lexicon's `sense`
//!   column lists the neighbouring words that select or exclude the event
//!   sense ("تحقيق في" investigation vs "تحقيق الأهداف"; "أيده الله";
//!   "رفض التعليق"; "طائرة مسيرة"), see [`lexicon::Sense`].
//! * Confidence says whether the trigger *reports* an event that took place,
//!   from its clause role (`event_context.tsv`): an event noun needs a
//!   predicate of occurrence (شن، وقع، تعرض), its own participants, a date or
//!   stated consequences, else it is a topic ("الاتفاق النووي"، "منذ اغتيال
//!   …"); relative clauses, questions, undated imperfects (habitual), the
//!   object of a condemnation and an ASSAULT with no consequence in its
//!   sentence (قتلى، جرحى، أسفر) are lowered; non-human agents (فيروس) and
//!   scripture citations give no event; a word inside a known name is no
//!   trigger.
//! * Future CONSULT stays CONSULT with aux `future`; only visits (and pledged
//!   support, cooperation, aid) become AGREE. Conditionals (لو، إذا، في حال)
//!   scope over their clause; "كان سـ" and "قد" + imperfect are hypothetical;
//!   لـ + masdar is a purpose only when a verb governs it; intention verbs
//!   (تعتزم، تنوي) only set `future`. Time is a DATE/TIME in the trigger's
//!   clause; a time value alone never makes an event future.
//!
//! Evaluation (`rasd eval events`, see [`eval`]): on rasd's own gold the
//! typed detection F1 is about 0.85 on the development part and 0.78 on the
//! held-out part (`tests/gold/events/`). On the OEDA Arabic GSR the
//! sentence-level F1 is about 0.43 (ASSAULT, precision 0.30) and 0.37
//! (PROTEST, precision 0.25), up from 0.27/0.25. The GSR's `yes` is a
//! unanimous judgement that the sentence *reports* the event: most false
//! positives are unanimous `easy no` sentences that mention violence as a
//! topic (اغتيال: 6 yes, 19 difficult no, 132 easy no), not label noise;
//! where the lexical evidence is a casualty report ("قتل … في هجوم") 83% are
//! `yes`. Elaborations of a known protest ("هتف المتظاهرون", 3 yes of 28) and
//! background events are `no` there but events in PLOVER coding, which is why
//! the GSR figure stays far below the own-gold one.
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod code;
pub mod detect;
pub mod eval;
pub mod lexicon;
pub mod timecmp;

use rasd_doc::{Annotator, Doc, Layer};

use lexicon::{AgentLexicon, AuxCue, ContextLexicon, TriggerLexicon};

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A lexicon line could not be parsed.
    #[error("lexicon {name}: line {line}: {message}")]
    Lexicon {
        /// Lexicon name.
        name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A gold or evaluation file could not be read.
    #[error("{path}: {message}")]
    Data {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Confidence below which a candidate event is not written to the document:
/// topic mentions and participant-less nouns score below it (the GSR and
/// team-gold evaluations score events at this same threshold).
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.5;

/// Fills `Doc::events` with PLOVER events.
#[derive(Debug, Clone)]
pub struct EventAnnotator {
    min_confidence: f32,
    triggers: TriggerLexicon,
    aux: Vec<AuxCue>,
    agents: AgentLexicon,
    context: ContextLexicon,
}

impl EventAnnotator {
    /// The annotator with the bundled lexicons.
    pub fn standard() -> EventAnnotator {
        EventAnnotator {
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            triggers: TriggerLexicon::bundled(),
            aux: lexicon::parse_aux(lexicon::AUX_TSV).expect("bundled aux cues parse"),
            agents: AgentLexicon::parse(lexicon::AGENTS_TSV).expect("bundled agents parse"),
            context: ContextLexicon::parse(lexicon::CONTEXT_TSV).expect("bundled context parses"),
        }
    }

    /// An annotator with lexicons in the bundled TSV formats (e.g. from `--lexicon-dir`).
    pub fn from_tsv(triggers: &str, aux: &str, agents: &str) -> Result<EventAnnotator> {
        Ok(EventAnnotator {
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            triggers: TriggerLexicon::parse(triggers)?,
            aux: lexicon::parse_aux(aux)?,
            agents: AgentLexicon::parse(agents)?,
            context: ContextLexicon::parse(lexicon::CONTEXT_TSV)?,
        })
    }

    /// Only events with at least this confidence are written to the
    /// document (`events()` still returns every candidate, for evaluation).
    pub fn with_min_confidence(mut self, min_confidence: f32) -> EventAnnotator {
        self.min_confidence = min_confidence;
        self
    }

    /// The trigger lexicon.
    pub fn triggers(&self) -> &TriggerLexicon {
        &self.triggers
    }

    /// The events of `doc` (which must have its text layer; other layers may be empty).
    pub fn events(&self, doc: &Doc) -> Vec<rasd_doc::Event> {
        if doc.tokens.is_empty() || doc.sentences.is_empty() {
            return Vec::new();
        }
        let coder = code::Coder::new(doc, &self.triggers, &self.aux, &self.agents, &self.context);
        code::code_doc(&coder)
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
    fn annotate(&self, doc: &mut Doc) -> rasd_doc::Result<()> {
        let mut events = self.events(doc);
        events.retain(|e| e.confidence >= self.min_confidence);
        for (i, e) in events.iter_mut().enumerate() {
            e.id = format!("V{}", i + 1);
        }
        doc.events = events;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
