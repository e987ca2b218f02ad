//! The NER tagger: the perceptron model and the lexicons working together —
//! lexicon features inside the model, and lexicon post-correction after it —
//! plus training and k-fold cross-validation on CoNLL data.
#![allow(clippy::needless_range_loop)] // index loops over parallel token arrays read clearer
use std::sync::OnceLock;

use crate::conll::{self, Document};
use crate::eval::Score;
use crate::features::{prepare, sentence_features};
use crate::lexicon::Lexicon;
use crate::matcher::find_names;
use crate::perceptron::{self, Example, Model, ModelError, TrainConfig};
use crate::tags::Tag;

/// The committed model, trained by `rasd train ner` on ANERcorp.
pub static MODEL_BYTES: &[u8] = include_bytes!("../../../data/models/ner.bin");

/// A tagger: model plus lexicon.
#[derive(Debug)]
pub struct Ner {
    /// The statistical model.
    pub model: Model,
    /// The lexicons (features and post-correction).
    pub lexicon: Lexicon,
}

/// The bundled lexicons, loaded once.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::bundled)
}

/// The bundled tagger, loaded once. A corrupt committed model degrades to
/// lexicon-only tagging rather than failing.
pub fn standard() -> &'static Ner {
    static NER: OnceLock<Ner> = OnceLock::new();
    NER.get_or_init(|| Ner {
        model: Model::from_bytes(MODEL_BYTES).unwrap_or_default(),
        lexicon: Lexicon::bundled(),
    })
}

impl Ner {
    /// A tagger from model bytes and the bundled lexicons.
    pub fn from_model_bytes(b: &[u8]) -> Result<Ner, ModelError> {
        Ok(Ner {
            model: Model::from_bytes(b)?,
            lexicon: Lexicon::bundled(),
        })
    }

    /// Model-only tags of a sentence of normalised words.
    pub fn tag_model(&self, words: &[&str]) -> Vec<Tag> {
        if self.model.is_empty() {
            return vec![Tag::O; words.len()];
        }
        let p = prepare(&self.lexicon, words);
        self.model.tag(&sentence_features(&p))
    }

    /// Tags of a sentence of normalised words: the model, then lexicon
    /// post-correction ([`post_correct`]).
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let mut tags = self.tag_model(words);
        post_correct(&self.lexicon, words, &mut tags);
        tags
    }

    /// Tags raw (unnormalised) tokens.
    pub fn tag_raw(&self, tokens: &[String]) -> Vec<Tag> {
        let norm: Vec<String> = tokens.iter().map(|t| rasd_text::normalize_key(t)).collect();
        let words: Vec<&str> = norm.iter().map(String::as_str).collect();
        self.tag(&words)
    }

    /// Tags every sentence of a CoNLL document in place.
    pub fn tag_document(&self, doc: &mut Document) {
        for s in &mut doc.sentences {
            s.tags = self.tag_raw(&s.tokens);
        }
    }
}

/// Lexicon post-correction: an unambiguous lexicon name on which the model
/// predicted nothing becomes an entity of the lexicon's class.
pub fn post_correct(lex: &Lexicon, words: &[&str], tags: &mut [Tag]) {
    for m in find_names(lex, words, |_, _| true) {
        let e = &m.entries[0];
        if e.ambiguous
            || e.sub == "short" && m.end - m.start == 1 && e.kind != rasd_doc::EntityType::Per
        {
            continue;
        }
        if tags[m.start..m.end].iter().all(|t| *t == Tag::O)
            && !matches!(tags.get(m.end), Some(Tag::I(_)))
        {
            tags[m.start] = Tag::B(e.kind);
            for t in &mut tags[m.start + 1..m.end] {
                *t = Tag::I(e.kind);
            }
        }
    }
}

/// Training examples from a gold CoNLL document.
pub fn examples(lex: &Lexicon, doc: &Document) -> Vec<Example> {
    doc.sentences
        .iter()
        .map(|s| {
            let norm: Vec<String> = s
                .tokens
                .iter()
                .map(|t| rasd_text::normalize_key(t))
                .collect();
            let words: Vec<&str> = norm.iter().map(String::as_str).collect();
            let p = prepare(lex, &words);
            Example {
                feats: sentence_features(&p),
                gold: s.tags.iter().map(|t| t.index()).collect(),
            }
        })
        .collect()
}

/// The training settings of the committed model: 12 averaged-perceptron
/// epochs, identity-feature dropout 0.4 (so rare and unseen words are tagged
/// from context, gazetteers and word classes), fixed shuffling seed.
pub fn train_config() -> TrainConfig {
    TrainConfig {
        dropout: 0.4,
        identity: crate::features::IDENTITY_FEATURES,
        ..TrainConfig::default()
    }
}

/// Trains a model on gold CoNLL text (`token TAG` lines).
pub fn train_conll(gold: &str, cfg: TrainConfig) -> Model {
    let doc = conll::parse(gold, true);
    perceptron::train(&examples(lexicon(), &doc), cfg)
}

/// Result of [`cross_validate`].
#[derive(Debug, Clone, Default)]
pub struct CvResult {
    /// Model alone.
    pub model: Score,
    /// Model plus lexicon post-correction.
    pub combined: Score,
}

/// k-fold cross-validation over contiguous blocks of sentences (contiguous,
/// so that sentences of one article rarely straddle train and test).
pub fn cross_validate(gold: &str, k: usize, cfg: TrainConfig) -> CvResult {
    let doc = conll::parse(gold, true);
    let lex = lexicon();
    let ex = examples(lex, &doc);
    let n = ex.len();
    let k = k.clamp(2, n.max(2));
    let mut res = CvResult::default();
    for fold in 0..k {
        let (a, b) = (fold * n / k, (fold + 1) * n / k);
        let train: Vec<Example> = ex[..a].iter().chain(&ex[b..]).cloned().collect();
        let model = perceptron::train(&train, cfg);
        for i in a..b {
            let s = &doc.sentences[i];
            let pred = model.tag(&ex[i].feats);
            res.model.add_sentence(&s.tags, &pred);
            let norm: Vec<String> = s
                .tokens
                .iter()
                .map(|t| rasd_text::normalize_key(t))
                .collect();
            let words: Vec<&str> = norm.iter().map(String::as_str).collect();
            let mut fixed = pred;
            post_correct(lex, &words, &mut fixed);
            res.combined.add_sentence(&s.tags, &fixed);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_correction_adds_unambiguous_names_only() {
        let lx = lexicon();
        let words = ["زار", "موسكو", "و", "مالي"];
        let mut tags = vec![Tag::O; 4];
        post_correct(lx, &words, &mut tags);
        assert_eq!(tags[1], Tag::B(rasd_doc::EntityType::Loc));
        assert_eq!(tags[3], Tag::O);
    }

    #[test]
    fn trains_on_a_small_slice() {
        let gold = "قال O\nبوتين B-PERS\nفي O\nموسكو B-LOC\n\nزار O\nبوتين B-PERS\nباريس B-LOC\n";
        let m = train_conll(gold, TrainConfig::default());
        assert!(!m.is_empty());
        let ner = Ner {
            model: m,
            lexicon: Lexicon::bundled(),
        };
        let tags = ner.tag_raw(&["زار".into(), "بوتين".into(), "موسكو".into()]);
        assert_eq!(tags[1], Tag::B(rasd_doc::EntityType::Per));
    }
}
