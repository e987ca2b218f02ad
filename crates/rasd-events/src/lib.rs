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
//! * Speed: each distinct word of a document is analysed once (its clitic
//!   segmentations, each looked up once in one table that merges the
//!   trigger, context and agent lexicons and the coder's word lists), and
//!   every rule reads those per-token facts (`lexed::TokenTable`); the
//!   lexicons' own lookups stay the reference the tests compare it with.
//!   `cargo run --release -p rasd-events --example events_speed` times the
//!   layer alone.
//! * Arguments come from the entity layer by word order: the first noun phrase
//!   after a complementiser or clause start is the subject (SVO), else the
//!   noun phrase after the verb (VSO); recipients follow مع/إلى/على/ضد/بحق or
//!   are the direct object; في/ب + place is the location. When no named entity
//!   fills a role, nominal actors ("المتظاهرون", "الجيش التركي") still give
//!   CAMEO-style codes. A verb with no subject of its own takes one from the
//!   discourse (`code/dropped.rs`): the subject of its sentence for a
//!   coordinated clause ("وقدم بلاتر استقالته، ودعا إلى …"), of the sentence
//!   before for a sentence-initial verb, the antecedent of a relative pronoun
//!   ("فابيوس الذي زار إيران"), the speaker for a first-person verb in a
//!   quote — each only when nothing that may be a subject follows the verb
//!   and the antecedent agrees with it. A title reaches its name across
//!   honorifics ("نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير …").
//!   A code of a domestic sector with no country ("الشرطة" → `COP`) takes
//!   the country of the story, the one most entity mentions of the document
//!   belong to ([`story`]): `SAUCOP` in a report from Riyadh.
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
//! * A killing or wounding reported with the attack that caused it ("قتل 28
//!   مدنيا في قصف جوي"، "هجوم أسفر عن مقتل أربعة") is that attack: one
//!   event, triggered by the attack word, with the mode and participants
//!   either word gives. A definite or possessed protest noun ("المظاهرات"،
//!   "تظاهراتنا") is a protest known already, not a new report; protesters
//!   nobody names are civilians (CVL), and a protest's target follows ضد،
//!   احتجاجا على، مطالبين (context kind `against`).
//!
//! * Whether an ASSAULT candidate is *reported* is then decided by a
//!   learned classifier ([`report`]): logistic regression over the rules'
//!   evidence and the sentence's word stems, trained on the OEDA Arabic GSR
//!   and the lead sentences of rasd's own development gold (`rasd train
//!   events`, model `data/models/event_report.tsv`). Violence words are
//!   mostly topics in news; a judgement made by annotators on thousands of
//!   sentences beats hand-set penalties there, and the own-gold rows keep
//!   it from requiring stated casualties, which nearly every GSR `yes`
//!   has but an air raid reported in a news lead need not. A category gets
//!   a classifier only where cross-validation shows it beats the rules: for
//!   PROTEST (45 positive sentences) it does not, and the rules stand.
//!
//! Evaluation (`rasd eval events`, see [`eval`]; `rasd train events --cv 5`
//! for cross-validated GSR figures). On the OEDA Arabic GSR, sentence-level
//! detection F1 under 5-fold cross-validation is about 0.62 for ASSAULT
//! (rules alone 0.43) and 0.50 for PROTEST (rules). The GSR's `yes` is a
//! unanimous judgement, and one annotator scores only about 0.75 (ASSAULT)
//! and 0.53 (PROTEST) F1 against those labels (`rasd eval events` prints
//! this ceiling). On rasd's own gold (`tests/gold/events/`) the typed
//! detection F1 is about 0.89 on the development part (partly in-sample:
//! the classifier trains on it) and 0.73 on the held-out part. Those are
//! event-dense lead sentences; on sentences drawn at random from article
//! bodies (four seeded samples, most sentences with no event) the pooled
//! development splits give typed precision 0.59 and recall 0.48, the pooled
//! held-out splits (`random_heldout`, `random2_heldout`, `random4_heldout`:
//! 54 events) precision 0.35 and recall 0.22 — ordinary body text is the
//! coder's weak ground.
//!
//! * Political relations need political actors: in a sentence about sport
//!   or entertainment (context kind `leisure`), in an article the genre
//!   classifier ([`genre`]) reads as sport, culture or technology, with an actor coded
//!   civilian only, or addressed to applicants (`applicant`), the
//!   cooperative and verbal categories are lowered; a visit to a hospital,
//!   an exhibition or a project (`site`) is no diplomatic visit; a court's
//!   إدانة is a conviction (SANCTION), not a condemnation.
//! * Light verbs state the event their verbal noun names: "تم القبض على"،
//!   "جرى توقيف" (perfect passive: no agent expected; not visits or
//!   seizures, an inspector's), "أعرب عن استنكاره"، "جدد إدانة بلاده"،
//!   "أبدى ترحيبه"، "تقدم بشكوى" — the noun needs no other predicate of
//!   occurrence. A circumstantial participle of a speech act ("…، داعيا
//!   المجتمع الدولي إلى"، "منددا"، "رافضا") is done by the subject of the
//!   sentence's main clause, and a participle's call needs a political
//!   addressee. A multiword verb trigger may hold its subject ("أطلقت
//!   السلطات سراح"، "ألقت الشرطة القبض"). ASSAULT keeps its rule
//!   confidence here: its report classifier was trained on it.
//! * Homographs of verb forms: a word written with tanween is no verb
//!   (ظلماً وعدواناً), an exact form never takes the article (اليدين), a
//!   place the entity layer tags LOC is no trigger (تشاد، وعدن), and a bare
//!   verbal noun spelt like the verb follows the verb's sense exclusions.
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod code;
pub mod detect;
pub mod eval;
pub mod genre;
mod lexed;
pub mod lexicon;
pub mod report;
pub mod story;
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
    /// The trigger, context and agent lexicons merged by stem.
    index: lexed::StemIndex,
    /// `aux` by first word.
    cues: code::CueIndex,
    report: Option<report::ReportModel>,
    /// The document genre classifier (sport, culture … articles hold few
    /// political relations).
    genre: Option<genre::GenreModel>,
}

impl EventAnnotator {
    /// The annotator with the bundled lexicons.
    pub fn standard() -> EventAnnotator {
        let triggers = TriggerLexicon::bundled();
        let agents = AgentLexicon::parse(lexicon::AGENTS_TSV).expect("bundled agents parse");
        let context = ContextLexicon::parse(lexicon::CONTEXT_TSV).expect("bundled context parses");
        let aux = lexicon::parse_aux(lexicon::AUX_TSV).expect("bundled aux cues parse");
        EventAnnotator {
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            index: lexed::StemIndex::new(&triggers, &context, &agents, &code::class_words()),
            cues: code::CueIndex::new(&aux),
            triggers,
            aux,
            report: Some(report::ReportModel::bundled()),
            genre: Some(genre::GenreModel::bundled()),
        }
    }

    /// An annotator with lexicons in the bundled TSV formats (e.g. from `--lexicon-dir`).
    pub fn from_tsv(triggers: &str, aux: &str, agents: &str) -> Result<EventAnnotator> {
        let triggers = TriggerLexicon::parse(triggers)?;
        let aux = lexicon::parse_aux(aux)?;
        let agents = AgentLexicon::parse(agents)?;
        let context = ContextLexicon::parse(lexicon::CONTEXT_TSV)?;
        Ok(EventAnnotator {
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            index: lexed::StemIndex::new(&triggers, &context, &agents, &code::class_words()),
            cues: code::CueIndex::new(&aux),
            triggers,
            aux,
            report: Some(report::ReportModel::bundled()),
            genre: Some(genre::GenreModel::bundled()),
        })
    }

    /// The rule coder's confidences only, without the learned report
    /// classifier (what `rasd train events` learns from).
    pub fn without_report_model(mut self) -> EventAnnotator {
        self.report = None;
        self
    }

    /// Rescores candidate events with `model` instead of the bundled one.
    pub fn with_report_model(mut self, model: report::ReportModel) -> EventAnnotator {
        self.report = Some(model);
        self
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
        let genre = self.genre.as_ref().and_then(|m| m.classify(doc));
        let mut coder = code::Coder::new(doc, &self.triggers, &self.aux, &self.cues, &self.index);
        coder.leisure_doc = genre.is_some_and(|g| {
            genre::LEISURE_GENRES.contains(&g.name) && g.p >= genre::LEISURE_MIN_POSTERIOR
        });
        coder.business_doc =
            genre.is_some_and(|g| g.name == "economy" && g.p >= genre::LEISURE_MIN_POSTERIOR);
        let mut events = code::code_doc(&coder);
        if let Some(model) = &self.report {
            model.rescore(doc, &mut events);
        }
        // (after the report classifier, whose features know no codes)
        story::complete_codes(doc, &mut events);
        events
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
