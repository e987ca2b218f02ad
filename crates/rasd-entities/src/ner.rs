//! The NER tagger: the perceptron model and the lexicons working together —
//! lexicon features inside the model, and lexicon post-correction after it —
//! plus training and k-fold cross-validation on CoNLL data.
#![allow(clippy::needless_range_loop)] // index loops over parallel token arrays read clearer
use std::collections::HashMap;

use crate::fx::FxHashMap;
use std::sync::OnceLock;

use crate::conll::{self, Document};
use crate::eval::Score;
use crate::features::{
    hash_feature, joint_features_of, mark_names, neighbour_features, prepare, prepare_word,
    sentence_features, word_features, Prep, NEIGHBOURS,
};
use crate::lexicon::Lexicon;
use crate::matcher::{find_names, NameMatch};
use crate::memo::KnownWordMemo;
use crate::perceptron::{self, Acc, Example, Model, ModelError, Pair, TrainConfig};
use crate::tags::{Tag, NUM_TAGS};

/// The committed model, trained by `rasd train ner` on ANERcorp.
pub static MODEL_BYTES: &[u8] = include_bytes!("../../../data/models/ner.bin");

/// Sentences on each side whose first-pass predictions feed the second pass.
pub const CONTEXT_WINDOW: usize = 10;

const MAGIC2: &[u8; 8] = b"RASDNER2";

/// The two-pass tagger's weights: a sentence-level first pass, and a second
/// pass that also sees how the same words were tagged in the surrounding
/// sentences ([`context_features`]) — names recur within an article, and a
/// confident mention helps the doubtful ones.
#[derive(Debug, Clone, Default)]
pub struct Stacked {
    /// First pass (sentence features only).
    pub first: Model,
    /// Second pass (sentence plus document-context features), if trained.
    pub second: Option<Model>,
    /// Context window in sentences.
    pub window: usize,
    /// Both passes' weights under one key table, built on first use (so
    /// `first` and `second` must not change once tagging has begun).
    pair: OnceLock<Pair>,
}

impl Stacked {
    /// Number of features with weights, both passes.
    pub fn num_features(&self) -> usize {
        self.first.num_features() + self.second.as_ref().map_or(0, Model::num_features)
    }

    /// Whether there are no weights at all.
    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// A stacked model from its passes.
    pub fn new(first: Model, second: Option<Model>, window: usize) -> Stacked {
        Stacked {
            first,
            second,
            window,
            pair: OnceLock::new(),
        }
    }

    /// The merged weights of both passes, if there is a second pass.
    fn pair(&self) -> Option<&Pair> {
        let second = self.second.as_ref()?;
        Some(self.pair.get_or_init(|| Pair::new(&self.first, second)))
    }

    /// Serialises: magic `RASDNER2`, `u32` window, then each pass as
    /// `u32` length + a [`Model::to_bytes`] blob (little-endian).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC2.to_vec();
        out.extend_from_slice(&(self.window as u32).to_le_bytes());
        for m in std::iter::once(&self.first).chain(self.second.as_ref()) {
            let b = m.to_bytes();
            out.extend_from_slice(&(b.len() as u32).to_le_bytes());
            out.extend_from_slice(&b);
        }
        out
    }

    /// Reads [`Stacked::to_bytes`] output, or a single-pass model file.
    pub fn from_bytes(b: &[u8]) -> Result<Stacked, ModelError> {
        if b.len() < 12 || &b[..8] != MAGIC2 {
            return Ok(Stacked::new(Model::from_bytes(b)?, None, CONTEXT_WINDOW));
        }
        let u32_at = |p: usize| -> Result<usize, ModelError> {
            b.get(p..p + 4)
                .and_then(|x| x.try_into().ok())
                .map(|x| u32::from_le_bytes(x) as usize)
                .ok_or(ModelError::Truncated(p))
        };
        let window = u32_at(8)?;
        let mut pos = 12;
        let mut models = Vec::new();
        while pos < b.len() && models.len() < 2 {
            let len = u32_at(pos)?;
            let blob = b
                .get(pos + 4..pos + 4 + len)
                .ok_or(ModelError::Truncated(pos))?;
            models.push(Model::from_bytes(blob)?);
            pos += 4 + len;
        }
        let mut it = models.into_iter();
        Ok(Stacked::new(
            it.next().unwrap_or_default(),
            it.next(),
            window,
        ))
    }
}

/// A tagger: model plus lexicon.
#[derive(Debug)]
pub struct Ner {
    /// The statistical model (two passes).
    pub model: Stacked,
    /// The lexicons (features and post-correction).
    pub lexicon: Lexicon,
    /// What the tagger computes from a common word alone, kept across
    /// documents (built on first use, so `model` and `lexicon` must not
    /// change once tagging has begun).
    memo: KnownWordMemo<Box<WordEntry<'static>>>,
}

/// What the tagger computes from a word alone: its preparation, the summed
/// weights (both passes) of its own features, and those of the features a
/// token takes from it as each of its neighbours ([`NEIGHBOURS`]).
#[derive(Debug, Clone, Copy)]
struct WordEntry<'a> {
    prep: Prep<'a>,
    own: Acc,
    roles: [Acc; 4],
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
    NER.get_or_init(|| {
        Ner::new(
            Stacked::from_bytes(MODEL_BYTES).unwrap_or_default(),
            Lexicon::bundled(),
        )
    })
}

/// Where a document's word has its [`WordEntry`]: in the memo, or in the
/// document's own list (at this index).
#[derive(Clone, Copy)]
enum Slot<'s> {
    Shared(&'s WordEntry<'static>),
    Local(usize),
}

/// The [`WordEntry`] of word `w` computed afresh (`buf` is scratch space).
fn word_entry<'w>(lex: &Lexicon, pair: &Pair, w: &'w str, buf: &mut Vec<u64>) -> WordEntry<'w> {
    let prep = prepare_word(lex, w);
    buf.clear();
    word_features(&[prep], 0, buf);
    let mut own = Acc::default();
    pair.add(buf, &mut own);
    WordEntry {
        prep,
        own,
        roles: role_sums(pair, Some(&prep), buf),
    }
}

/// The summed weights of [`neighbour_features`] of `q` (or of the sentence
/// boundary) in each role.
fn role_sums(pair: &Pair, q: Option<&Prep>, buf: &mut Vec<u64>) -> [Acc; 4] {
    std::array::from_fn(|role| {
        buf.clear();
        neighbour_features(q, role, buf);
        let mut acc = Acc::default();
        pair.add(buf, &mut acc);
        acc
    })
}

/// Appends the context features `ctx` to each token's features.
fn with_context(mut feats: Vec<Vec<u64>>, ctx: &[Vec<u64>]) -> Vec<Vec<u64>> {
    for (f, c) in feats.iter_mut().zip(ctx) {
        f.extend_from_slice(c);
    }
    feats
}

impl Ner {
    /// A tagger from a model and lexicons.
    pub fn new(model: Stacked, lexicon: Lexicon) -> Ner {
        Ner {
            model,
            lexicon,
            memo: KnownWordMemo::default(),
        }
    }

    /// A tagger from model bytes and the bundled lexicons.
    pub fn from_model_bytes(b: &[u8]) -> Result<Ner, ModelError> {
        Ok(Ner::new(Stacked::from_bytes(b)?, Lexicon::bundled()))
    }

    /// The memoised [`WordEntry`] of word `w`, if it is a common word
    /// (computed on its first use; `buf` is scratch space).
    fn memo_entry(&self, pair: &Pair, w: &str, buf: &mut Vec<u64>) -> Option<&WordEntry<'static>> {
        let lex = &self.lexicon;
        self.memo
            .get(lex, w, |text| Box::new(word_entry(lex, pair, text, buf)))
            .map(|b| &**b)
    }

    /// Model-only tags of a sequence of sentences (normalised words) read as
    /// one document: the first pass, then the second with document context.
    pub fn tag_sentences_model(&self, sents: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        let names: Vec<Vec<NameMatch>> = sents
            .iter()
            .map(|w| find_names(&self.lexicon, w, |_, _| true))
            .collect();
        self.tag_sentences_model_with_names(sents, &names)
    }

    /// [`Ner::tag_sentences_model`] given the lexicon names of each sentence
    /// (`find_names(&self.lexicon, sentence, |_, _| true)`), which the entity
    /// annotator needs as well.
    pub fn tag_sentences_model_with_names(
        &self,
        sents: &[Vec<&str>],
        names: &[Vec<NameMatch>],
    ) -> Vec<Vec<Tag>> {
        if self.model.is_empty() {
            return sents.iter().map(|s| vec![Tag::O; s.len()]).collect();
        }
        let (Some(second), Some(pair)) = (&self.model.second, self.model.pair()) else {
            return sents
                .iter()
                .map(|w| {
                    self.model
                        .first
                        .tag(&sentence_features(&prepare(&self.lexicon, w)))
                })
                .collect();
        };
        // one lookup per feature serves both passes: the second pass's
        // scores start from the sentence features and add the context ones;
        // the weights of a word's own features are summed once per distinct
        // word of the document
        let mut buf = Vec::with_capacity(2048);
        let mut ends = Vec::with_capacity(64);
        let mut em1: Vec<[f32; NUM_TAGS]> = Vec::new();
        let mut accs: Vec<Vec<Acc>> = Vec::with_capacity(sents.len());
        let mut first = Vec::with_capacity(sents.len());
        // about half a document's tokens are distinct words; a token's
        // scores are its word's own sums, its neighbours' sums in their
        // roles, and the sums of the features that join it to them
        let tokens: usize = sents.iter().map(Vec::len).sum();
        let mut index: FxHashMap<&str, usize> =
            FxHashMap::with_capacity_and_hasher(tokens / 2, Default::default());
        let mut slots: Vec<Slot> = Vec::with_capacity(tokens);
        let mut local: Vec<WordEntry> = Vec::new();
        let mut word_buf = Vec::with_capacity(32);
        let edges = role_sums(pair, None, &mut word_buf);
        let (mut p, mut ids) = (Vec::with_capacity(64), Vec::with_capacity(64));
        for (w, nm) in sents.iter().zip(names) {
            p.clear();
            ids.clear();
            for &x in w {
                let id = *index.entry(x).or_insert_with(|| {
                    slots.push(match self.memo_entry(pair, x, &mut word_buf) {
                        Some(e) => Slot::Shared(e),
                        None => {
                            local.push(word_entry(&self.lexicon, pair, x, &mut word_buf));
                            Slot::Local(local.len() - 1)
                        }
                    });
                    slots.len() - 1
                });
                ids.push(id);
            }
            let entry = |id: usize| -> &WordEntry {
                match slots[id] {
                    Slot::Shared(e) => e,
                    Slot::Local(k) => &local[k],
                }
            };
            p.extend(ids.iter().map(|&id| entry(id).prep));
            mark_names(&mut p, nm);
            em1.clear();
            buf.clear();
            ends.clear();
            for i in 0..p.len() {
                joint_features_of(&p, i, &mut buf);
                ends.push(buf.len());
            }
            std::hint::black_box(pair.touch(&buf));
            let mut row = Vec::with_capacity(p.len());
            for i in 0..p.len() {
                let mut acc = entry(ids[i]).own;
                for (role, d) in NEIGHBOURS.into_iter().enumerate() {
                    let j = i as isize + d;
                    acc.add(if j >= 0 && (j as usize) < ids.len() {
                        &entry(ids[j as usize]).roles[role]
                    } else {
                        &edges[role]
                    });
                }
                let fs = &buf[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
                pair.add(fs, &mut acc);
                em1.push(pair.scores(&acc, 0));
                row.push(acc);
            }
            first.push(self.model.first.decode_emissions(&em1));
            accs.push(row);
        }
        let ctx = context_features(sents, &first, self.model.window);
        let mut em2 = Vec::new();
        accs.into_iter()
            .zip(&ctx)
            .map(|(mut row, c)| {
                em2.clear();
                for (acc, cf) in row.iter_mut().zip(c) {
                    pair.add_second(cf, acc);
                    em2.push(pair.scores(acc, 1));
                }
                second.decode_emissions(&em2)
            })
            .collect()
    }

    /// Model-only tags of one sentence (a document of one sentence).
    pub fn tag_model(&self, words: &[&str]) -> Vec<Tag> {
        self.tag_sentences_model(&[words.to_vec()])
            .pop()
            .unwrap_or_default()
    }

    /// Tags of a sentence of normalised words: the model, then lexicon
    /// post-correction ([`post_correct`]).
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let mut tags = self.tag_model(words);
        post_correct(&self.lexicon, words, &mut tags);
        tags
    }

    /// Tags raw (unnormalised) tokens as one sentence.
    pub fn tag_raw(&self, tokens: &[String]) -> Vec<Tag> {
        let norm: Vec<String> = tokens.iter().map(|t| rasd_text::normalize_key(t)).collect();
        let words: Vec<&str> = norm.iter().map(String::as_str).collect();
        self.tag(&words)
    }

    /// Tags every sentence of a CoNLL document in place, the file read as one
    /// document (context window across sentences); `lexicon` adds the
    /// post-correction.
    pub fn tag_document(&self, doc: &mut Document, lexicon: bool) {
        let norm: Vec<Vec<String>> = doc
            .sentences
            .iter()
            .map(|s| {
                s.tokens
                    .iter()
                    .map(|t| rasd_text::normalize_key(t))
                    .collect()
            })
            .collect();
        let words: Vec<Vec<&str>> = norm
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        let tags = self.tag_sentences_model(&words);
        for ((s, mut t), w) in doc.sentences.iter_mut().zip(tags).zip(&words) {
            if lexicon {
                post_correct(&self.lexicon, w, &mut t);
            }
            s.tags = t;
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

/// The document-context features of a word from the label counts of its
/// other occurrences: the most frequent type with its count (capped at 3),
/// and the set of types seen.
fn word_context_features(counts: Option<&[u16; 4]>) -> Vec<u64> {
    let mut f = Vec::new();
    if let Some(c) = counts {
        let (t, m) = c
            .iter()
            .enumerate()
            .max_by_key(|&(i, &v)| (v, std::cmp::Reverse(i)))
            .map(|(i, &v)| (i, v))
            .unwrap_or((0, 0));
        if m > 0 {
            f.push(hash_feature(160, &[t as u8, m.min(3) as u8]));
            let mask = c
                .iter()
                .enumerate()
                .fold(0u8, |a, (i, &v)| if v > 0 { a | (1 << i) } else { a });
            f.push(hash_feature(161, &[mask]));
        }
    }
    f
}

/// Adds (or takes away) one sentence's predicted occurrences to the counts.
fn bump<'a>(counts: &mut FxHashMap<&'a str, [u16; 4]>, occ: &[(&'a str, usize)], add: bool) {
    for &(k, t) in occ {
        let c = &mut counts.entry(k).or_default()[t.min(3)];
        if add {
            *c += 1;
        } else {
            *c -= 1;
        }
    }
}

/// Document-context features from first-pass predictions: for each token,
/// the class most often predicted for the same word (a leading و ignored) in
/// the `window` sentences on each side, its own sentence excluded, with a
/// count bucket, and the set of classes seen.
pub fn context_features<S: AsRef<str>>(
    words: &[Vec<S>],
    preds: &[Vec<Tag>],
    window: usize,
) -> Vec<Vec<Vec<u64>>> {
    fn key(w: &str) -> &str {
        w.strip_prefix('و')
            .filter(|r| r.chars().count() >= 3)
            .unwrap_or(w)
    }
    let occ: Vec<Vec<(&str, usize)>> = words
        .iter()
        .zip(preds)
        .map(|(ws, ts)| {
            ws.iter()
                .zip(ts)
                .filter_map(|(w, t)| t.kind().map(|k| (key(w.as_ref()), Tag::B(k).index() / 2)))
                .collect()
        })
        .collect();
    let n = words.len();
    // counts over the sliding window of sentences around `s`, its own
    // sentence taken out while it is read (a key whose counts fell back to
    // zero gives no feature, as an absent one)
    let mut counts: FxHashMap<&str, [u16; 4]> = FxHashMap::default();
    let (mut lo, mut hi) = (0, 0);
    (0..n)
        .map(|s| {
            while hi < (s + window + 1).min(n) {
                bump(&mut counts, &occ[hi], true);
                hi += 1;
            }
            while lo < s.saturating_sub(window) {
                bump(&mut counts, &occ[lo], false);
                lo += 1;
            }
            bump(&mut counts, &occ[s], false);
            let feats = words[s]
                .iter()
                .map(|w| word_context_features(counts.get(key(w.as_ref()))))
                .collect();
            bump(&mut counts, &occ[s], true);
            feats
        })
        .collect()
}

/// Jackknifed first-pass predictions for the sentences `idx` of `ex`: each of
/// `parts` contiguous parts is tagged by a model trained on the others, so the
/// second pass learns from predictions as imperfect as at tagging time.
fn jackknife(
    ex: &[Example],
    idx: &[usize],
    parts: usize,
    cfg: TrainConfig,
) -> HashMap<usize, Vec<Tag>> {
    let mut out = HashMap::default();
    for part in 0..parts {
        let (a, b) = (part * idx.len() / parts, (part + 1) * idx.len() / parts);
        let tr: Vec<Example> = idx[..a]
            .iter()
            .chain(&idx[b..])
            .map(|&i| ex[i].clone())
            .collect();
        let m = perceptron::train(&tr, cfg);
        for &i in &idx[a..b] {
            out.insert(i, m.tag(&ex[i].feats));
        }
    }
    out
}

/// Trains both passes on the sentences `idx` (contiguous runs are read as
/// documents for the context features).
fn train_stacked(
    ex: &[Example],
    words: &[Vec<String>],
    idx: &[usize],
    cfg: TrainConfig,
) -> Stacked {
    let tr: Vec<Example> = idx.iter().map(|&i| ex[i].clone()).collect();
    let first = perceptron::train(&tr, cfg);
    let preds = jackknife(ex, idx, 4, cfg);
    // context within each contiguous run of idx
    let mut second_ex = Vec::with_capacity(idx.len());
    let mut run_start = 0;
    for r in 1..=idx.len() {
        if r == idx.len() || idx[r] != idx[r - 1] + 1 {
            let run = &idx[run_start..r];
            let w: Vec<Vec<String>> = run.iter().map(|&i| words[i].clone()).collect();
            let p: Vec<Vec<Tag>> = run.iter().map(|&i| preds[&i].clone()).collect();
            let ctx = context_features(&w, &p, CONTEXT_WINDOW);
            for (&i, c) in run.iter().zip(&ctx) {
                second_ex.push(Example {
                    feats: with_context(ex[i].feats.clone(), c),
                    gold: ex[i].gold.clone(),
                });
            }
            run_start = r;
        }
    }
    let second = perceptron::train(&second_ex, cfg);
    Stacked::new(first, Some(second), CONTEXT_WINDOW)
}

fn conll_words(doc: &Document) -> Vec<Vec<String>> {
    doc.sentences
        .iter()
        .map(|s| {
            s.tokens
                .iter()
                .map(|t| rasd_text::normalize_key(t))
                .collect()
        })
        .collect()
}

/// Trains the two-pass model on gold CoNLL text (`token TAG` lines).
pub fn train_conll(gold: &str, cfg: TrainConfig) -> Stacked {
    let doc = conll::parse(gold, true);
    let ex = examples(lexicon(), &doc);
    let idx: Vec<usize> = (0..ex.len()).collect();
    train_stacked(&ex, &conll_words(&doc), &idx, cfg)
}

/// Result of [`cross_validate`].
#[derive(Debug, Clone, Default)]
pub struct CvResult {
    /// Model alone.
    pub model: Score,
    /// Model plus lexicon post-correction.
    pub combined: Score,
    /// First pass alone (no document context).
    pub first_pass: Score,
}

/// k-fold cross-validation over contiguous blocks of sentences (contiguous,
/// so that sentences of one article rarely straddle train and test); each
/// test block is tagged as one document.
pub fn cross_validate(gold: &str, k: usize, cfg: TrainConfig) -> CvResult {
    let doc = conll::parse(gold, true);
    let lex = lexicon();
    let ex = examples(lex, &doc);
    let words = conll_words(&doc);
    let n = ex.len();
    let k = k.clamp(2, n.max(2));
    let mut res = CvResult::default();
    for fold in 0..k {
        let (a, b) = (fold * n / k, (fold + 1) * n / k);
        let idx: Vec<usize> = (0..a).chain(b..n).collect();
        let model = train_stacked(&ex, &words, &idx, cfg);
        let first: Vec<Vec<Tag>> = (a..b).map(|i| model.first.tag(&ex[i].feats)).collect();
        let ctx = context_features(&words[a..b], &first, model.window);
        for (j, i) in (a..b).enumerate() {
            let gold = &doc.sentences[i].tags;
            res.first_pass.add_sentence(gold, &first[j]);
            let second = model.second.as_ref().unwrap_or(&model.first);
            let pred = second.tag(&with_context(ex[i].feats.clone(), &ctx[j]));
            res.model.add_sentence(gold, &pred);
            let w: Vec<&str> = words[i].iter().map(String::as_str).collect();
            let mut fixed = pred;
            post_correct(lex, &w, &mut fixed);
            res.combined.add_sentence(gold, &fixed);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The direct definition of [`context_features`]: counts rebuilt for
    /// every sentence from its window.
    fn context_reference(
        words: &[Vec<&str>],
        preds: &[Vec<Tag>],
        window: usize,
    ) -> Vec<Vec<Vec<u64>>> {
        fn key_of(w: &str) -> &str {
            w.strip_prefix('و')
                .filter(|r| r.chars().count() >= 3)
                .unwrap_or(w)
        }
        let n = words.len();
        (0..n)
            .map(|s| {
                let mut counts: HashMap<&str, [u16; 4]> = HashMap::new();
                for o in s.saturating_sub(window)..(s + window + 1).min(n) {
                    if o != s {
                        for (w, t) in words[o].iter().zip(&preds[o]) {
                            if let Some(k) = t.kind() {
                                counts.entry(key_of(w)).or_default()
                                    [(Tag::B(k).index() / 2).min(3)] += 1;
                            }
                        }
                    }
                }
                words[s]
                    .iter()
                    .map(|w| word_context_features(counts.get(key_of(w))))
                    .collect()
            })
            .collect()
    }

    proptest::proptest! {
        /// The sliding-window counts equal counts rebuilt per sentence.
        #[test]
        fn sliding_context_equals_the_definition(
            doc in proptest::collection::vec(
                proptest::collection::vec((0usize..6, 0usize..NUM_TAGS), 0..6), 0..30),
            window in 0usize..4,
        ) {
            let vocab = ["بوتين", "وبوتين", "موسكو", "وفد", "الرياض", "ترامب"];
            let words: Vec<Vec<&str>> =
                doc.iter().map(|s| s.iter().map(|&(w, _)| vocab[w]).collect()).collect();
            let preds: Vec<Vec<Tag>> = doc
                .iter()
                .map(|s| s.iter().map(|&(_, t)| Tag::from_index(t)).collect())
                .collect();
            proptest::prop_assert_eq!(
                context_features(&words, &preds, window),
                context_reference(&words, &preds, window)
            );
        }
    }

    #[test]
    fn post_correction_adds_unambiguous_names_only() {
        let lx = lexicon();
        let words = ["زار", "موسكو", "و", "مالي"];
        let mut tags = vec![Tag::O; 4];
        post_correct(lx, &words, &mut tags);
        assert_eq!(tags[1], Tag::B(rasd_doc::EntityType::Loc));
        assert_eq!(tags[3], Tag::O);
    }

    /// Tags by the definition: every token's features in full, each pass
    /// scored by its own model ([`Model::tag`]).
    fn tag_reference(ner: &Ner, sents: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        let feats: Vec<Vec<Vec<u64>>> = sents
            .iter()
            .map(|w| sentence_features(&prepare(&ner.lexicon, w)))
            .collect();
        let first: Vec<Vec<Tag>> = feats.iter().map(|f| ner.model.first.tag(f)).collect();
        let ctx = context_features(sents, &first, ner.model.window);
        let second = ner.model.second.as_ref().expect("two passes");
        feats
            .into_iter()
            .zip(&ctx)
            .map(|(f, c)| second.tag(&with_context(f, c)))
            .collect()
    }

    /// The tagger's shortcuts (sums per word, per neighbour role, kept
    /// across documents) tag exactly as the definition does.
    #[test]
    fn fast_tagging_equals_the_definition() {
        let ner = standard();
        let doc: Vec<Vec<&str>> = [
            "قال الرئيس الروسي فلاديمير بوتين إن وفدا من الكرملين سيزور واشنطن الأسبوع المقبل",
            "وأكد ستيف ويتكوف المبعوث الأمريكي أن المحادثات مع أوكرانيا ستستأنف في جنيف",
            "ذكرت وكالة بلومبيرغ أن لويتكوف دورا في الخطة ، وقالت كارولين ليفيت إن ترامب سيلتقي بوتين",
            "\" « الهيئة العامة للسياحة والتراث الوطني » تعلن عن مهرجان في الرياض وجدة \"",
            "ا",
            "",
        ]
        .iter()
        .map(|s| s.split(' ').filter(|w| !w.is_empty()).collect())
        .collect();
        // twice: the second time every common word comes from the memo
        for _ in 0..2 {
            let fast = ner.tag_sentences_model(&doc);
            assert_eq!(fast, tag_reference(ner, &doc));
            assert!(fast.iter().flatten().any(|t| *t != Tag::O));
        }
        // and sentence by sentence, as documents of one sentence
        for s in &doc {
            assert_eq!(
                ner.tag_model(s),
                tag_reference(ner, std::slice::from_ref(s)).remove(0)
            );
        }
        // and on real articles (lines as sentences), when the corpus is here
        let Some(dir) = rasd_doc::test_support::shared_path("data/news/saudinewsnet/dataset")
        else {
            return;
        };
        let mut entities = 0;
        for text in rasd_ingest::corpus_texts(&dir, 200_000) {
            let norm: Vec<Vec<String>> = text
                .lines()
                .map(|l| l.split_whitespace().map(rasd_text::normalize_key).collect())
                .collect();
            let doc: Vec<Vec<&str>> = norm
                .iter()
                .map(|l| l.iter().map(String::as_str).collect())
                .collect();
            let fast = ner.tag_sentences_model(&doc);
            assert_eq!(fast, tag_reference(ner, &doc));
            entities += fast
                .iter()
                .flatten()
                .filter(|t| matches!(t, Tag::B(_)))
                .count();
        }
        assert!(entities > 100, "{entities} entities");
    }

    #[test]
    fn trains_on_a_small_slice() {
        let gold = "قال O\nبوتين B-PERS\nفي O\nموسكو B-LOC\n\nزار O\nبوتين B-PERS\nباريس B-LOC\n";
        let m = train_conll(gold, TrainConfig::default());
        assert!(!m.is_empty());
        let ner = Ner::new(m, Lexicon::bundled());
        let tags = ner.tag_raw(&["زار".into(), "بوتين".into(), "موسكو".into()]);
        assert_eq!(tags[1], Tag::B(rasd_doc::EntityType::Per));
    }
}
