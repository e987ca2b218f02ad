//! Is this event *reported* as having taken place, or only mentioned? A
//! logistic-regression classifier per category that rescores the confidence
//! of the candidate events the rules found.
//!
//! Violence and protest words are mostly topics in news ("محاولات الاغتيال
//! التي تعرض لها"، "مظاهرات الطلبة في الأربعينيات"): the trigger lexicon finds
//! them all, and whether a sentence reports an attack or a protest is a
//! judgement the OEDA annotators made on thousands of sentences. The
//! classifier learns that judgement from the rule coder's own evidence (its
//! confidence, mode, auxiliary mode, arguments) and the sentence's word stems.
//!
//! * [`ReportModel`] — one [`Classifier`] per category, read from and
//!   written to a sorted TSV (`data/models/event_report.tsv`, rebuilt by
//!   `rasd train events`).
//! * [`features`] — the features of one candidate event.
//! * [`train`] — L2-regularised, class-balanced logistic regression by
//!   full-batch gradient descent (deterministic), with the decision threshold
//!   chosen by inner cross-validation (the best F1 averaged with the
//!   neighbouring thresholds of the grid, so that one changed example does
//!   not move it).
//!
//! * [`cross_validate`] — outer cross-validation against the rules alone;
//!   `rasd train events` keeps a category's classifier only when it wins
//!   there by [`MIN_GAIN`]. Extra sentences (rasd's own development gold,
//!   [`crate::eval::gold_judged`]) join every training fold and are never
//!   tested; examples carry a weight ([`Example::weight`]).
//!
//! The threshold maps to confidence 0.5, the publication threshold: an event
//! the classifier accepts is written by `rasd analyze`, one it rejects is not.
//! Categories without a classifier keep the rules' confidence.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use rasd_doc::{Doc, Event, TokenKind};

use crate::{Error, Result};

/// The bundled model (`data/models/event_report.tsv`).
pub const BUNDLED_TSV: &str = include_str!("../../../data/models/event_report.tsv");

/// Auxiliary modes that detection never counts as a current event.
pub const NOT_CURRENT: &[&str] = &["negation", "hypothetical", "future", "historical"];

/// Whether `e` is a candidate report of `category`: the right kind and an
/// event asserted to take place (not negated, hypothetical, future or past).
pub fn is_candidate(e: &Event, category: &str) -> bool {
    e.kind == category && !e.aux.as_deref().is_some_and(|a| NOT_CURRENT.contains(&a))
}

/// Value of a word feature in a sentence of one word (`WORDS_NORM / √n` in
/// a sentence of n distinct words; 5 ≈ 1 in a sentence of 25 words).
pub const WORDS_NORM: f64 = 5.0;

/// The features of candidate event `e` of `doc`: the rules' evidence and the
/// stems of the words of its sentence.
pub fn features(doc: &Doc, e: &Event) -> Vec<(String, f64)> {
    let mut f: Vec<(String, f64)> = Vec::new();
    for_each_feature(doc, e, |prefix, name, v| {
        f.push((format!("{prefix}{name}"), v))
    });
    f
}

/// Calls `f(prefix, name, value)` for each feature of [`features`], in its
/// order; the feature's name is `prefix` followed by `name`. Rescoring
/// reads the weights through this without building the names.
fn for_each_feature(doc: &Doc, e: &Event, f: impl FnMut(&str, &str, f64)) {
    for_each_feature_with(doc, e, &sentence_stems(doc, e.evidence), f)
}

/// The distinct stems of the words of sentence `evidence`, in sorted order.
fn sentence_stems(doc: &Doc, evidence: rasd_doc::Span) -> Vec<&str> {
    let mut words: Vec<&str> = doc.tokens[doc.tokens_in(evidence)]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| doc.token_stem(t))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// [`for_each_feature`] with the sentence's stems already at hand
/// (`words`, from [`sentence_stems`]).
fn for_each_feature_with(doc: &Doc, e: &Event, words: &[&str], mut f: impl FnMut(&str, &str, f64)) {
    let conf = f64::from(e.confidence);
    f("c", "", conf);
    if conf >= 0.5 {
        f("c>=.5", "", 1.0);
    }
    if conf >= 0.7 {
        f("c>=.7", "", 1.0);
    }
    let trig = doc.tokens_in(e.trigger);
    if let Some(t) = doc.tokens.get(trig.start) {
        f("t:", doc.token_stem(t), 1.0);
        if t.prefix_len > 0 {
            f("t:prefixed", "", 1.0);
        }
    }
    f("m:", e.mode.as_deref().unwrap_or("-"), 1.0);
    let flags = [
        ("actor", !e.actor.is_empty() || !e.actor_codes.is_empty()),
        (
            "recipient",
            !e.recipient.is_empty() || !e.recipient_codes.is_empty(),
        ),
        ("time", e.time.is_some()),
        ("place", e.location.is_some()),
        ("quote", e.quote.is_some()),
    ];
    for (name, on) in flags {
        if on {
            f(name, "", 1.0);
        }
    }
    // the stems of the sentence's words (distinct, in sorted order), scaled
    // by 1/√n so that a long news sentence with several clauses weighs as
    // much as a short one
    let scale = 1.0 / (words.len().max(1) as f64).sqrt() * WORDS_NORM;
    for w in words {
        f("w:", w, scale);
    }
    if doc.slice(e.evidence).contains(['؟', '?']) {
        f("question", "", 1.0);
    }
}

/// A binary logistic-regression classifier over named features.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Classifier {
    /// Intercept.
    pub bias: f64,
    /// Probability at and above which an event is reported (maps to confidence 0.5).
    pub threshold: f64,
    /// Feature weights (absent features weigh 0).
    pub weights: rustc_hash::FxHashMap<String, f64>,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

impl Classifier {
    /// Probability that the event is reported.
    pub fn probability(&self, features: &[(String, f64)]) -> f64 {
        let z = self.bias
            + features
                .iter()
                .map(|(k, v)| self.weights.get(k).copied().unwrap_or(0.0) * v)
                .sum::<f64>();
        sigmoid(z)
    }

    /// The event's confidence: the probability shifted so that the decision
    /// threshold lands on 0.5.
    pub fn confidence(&self, features: &[(String, f64)]) -> f32 {
        self.shifted(self.probability(features))
    }

    /// Probability `p` shifted so that the decision threshold lands on 0.5.
    fn shifted(&self, p: f64) -> f32 {
        sigmoid(logit(p) - logit(self.threshold)) as f32
    }

    /// The weight of feature `prefix` + `name` (0 when absent).
    fn weight(&self, key: &mut String, prefix: &str, name: &str) -> f64 {
        key.clear();
        key.push_str(prefix);
        key.push_str(name);
        self.weights.get(key.as_str()).copied().unwrap_or(0.0)
    }

    /// The weights of the word features `w:` + each of `words`.
    fn word_weights(&self, words: &[&str]) -> Vec<f64> {
        let mut key = String::new();
        words
            .iter()
            .map(|w| self.weight(&mut key, "w:", w))
            .collect()
    }

    /// [`Self::confidence`] of [`features`]`(doc, e)`, without building the
    /// feature names: the same weights summed in the same order. `words`
    /// are the sentence's stems ([`sentence_stems`]) and `word_weights`
    /// their weights ([`Self::word_weights`]), shared by the events of a
    /// sentence.
    fn confidence_of(&self, doc: &Doc, e: &Event, words: &[&str], word_weights: &[f64]) -> f32 {
        let mut key = String::new();
        let mut terms: Vec<f64> = Vec::with_capacity(64);
        let mut k = 0;
        for_each_feature_with(doc, e, words, |prefix, name, v| {
            let w = if prefix == "w:" {
                k += 1;
                word_weights[k - 1]
            } else {
                self.weight(&mut key, prefix, name)
            };
            terms.push(w * v);
        });
        let z = self.bias + terms.iter().copied().sum::<f64>();
        self.shifted(sigmoid(z))
    }
}

/// One classifier per PLOVER category.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportModel {
    /// Category → classifier.
    pub categories: BTreeMap<String, Classifier>,
}

impl ReportModel {
    /// The bundled model.
    pub fn bundled() -> ReportModel {
        ReportModel::parse(BUNDLED_TSV).expect("the bundled report model parses")
    }

    /// Reads the TSV form (`category`, `feature`, `weight`; the features
    /// `__bias__` and `__threshold__` hold the intercept and threshold).
    pub fn parse(tsv: &str) -> Result<ReportModel> {
        let mut m = ReportModel::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let err = |message: &str| Error::Lexicon {
                name: "event_report".into(),
                line: n + 1,
                message: message.into(),
            };
            let mut cols = line.split('\t');
            let (Some(cat), Some(feat), Some(w), None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(err("expected category, feature, weight"));
            };
            let w: f64 = w.parse().map_err(|_| err("weight is not a number"))?;
            let c = m.categories.entry(cat.to_string()).or_default();
            match feat {
                "__bias__" => c.bias = w,
                "__threshold__" => c.threshold = w,
                _ => {
                    c.weights.insert(feat.to_string(), w);
                }
            }
        }
        Ok(m)
    }

    /// The TSV form, sorted, with `header` lines (each without `# `) first.
    pub fn to_tsv(&self, header: &[&str]) -> String {
        let mut out: String = header.iter().map(|h| format!("# {h}\n")).collect();
        out.push_str("# category\tfeature\tweight\n");
        for (cat, c) in &self.categories {
            let mut rows: Vec<(String, f64)> = vec![
                ("__bias__".into(), c.bias),
                ("__threshold__".into(), c.threshold),
            ];
            rows.extend(
                c.weights
                    .iter()
                    .filter(|(_, w)| w.abs() >= 5e-4)
                    .map(|(k, w)| (k.clone(), *w)),
            );
            rows.sort_by(|a, b| a.0.cmp(&b.0));
            for (k, w) in rows {
                out.push_str(&format!("{cat}\t{k}\t{w:.4}\n"));
            }
        }
        out
    }

    /// Rescores the candidate events of the categories the model knows.
    pub fn rescore(&self, doc: &Doc, events: &mut [Event]) {
        // events of one sentence (adjacent: events come in trigger order)
        // share its stems, and those of one category their weights
        let mut stems: Option<(rasd_doc::Span, Vec<&str>)> = None;
        let mut weights: Option<(&str, rasd_doc::Span, Vec<f64>)> = None;
        for e in events.iter_mut() {
            let Some((cat, c)) = self.categories.get_key_value(&e.kind) else {
                continue;
            };
            if !is_candidate(e, &e.kind) {
                continue;
            }
            let words = match &mut stems {
                Some((s, w)) if *s == e.evidence => w,
                slot => &mut slot.insert((e.evidence, sentence_stems(doc, e.evidence))).1,
            };
            let ww = match &mut weights {
                Some((k, s, w)) if *k == cat.as_str() && *s == e.evidence => w,
                slot => {
                    &mut slot
                        .insert((cat.as_str(), e.evidence, c.word_weights(words)))
                        .2
                }
            };
            e.confidence = c.confidence_of(doc, e, words, ww);
        }
    }
}

/// One training example: a candidate event's features and whether its
/// sentence reports the event.
#[derive(Debug, Clone)]
pub struct Example {
    /// Features ([`features`]).
    pub features: Vec<(String, f64)>,
    /// Gold judgement.
    pub reported: bool,
    /// The rules' confidence (what the classifier must beat).
    pub rules: f32,
    /// How much the example counts in the loss and in the F1 that picks
    /// the threshold (1 for a GSR sentence).
    pub weight: f64,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// L2 penalty on the mean loss.
    pub l2: f64,
    /// Gradient-descent steps.
    pub steps: usize,
    /// Step size.
    pub rate: f64,
    /// Folds of the inner cross-validation that picks the threshold.
    pub inner_folds: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            l2: 0.01,
            steps: 600,
            rate: 0.5,
            inner_folds: 4,
        }
    }
}

/// Fits weights (no threshold) on `examples`.
fn fit(examples: &[Example], opts: &TrainOptions) -> Classifier {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let rows: Vec<Vec<(usize, f64)>> = examples
        .iter()
        .map(|ex| {
            ex.features
                .iter()
                .map(|(k, v)| {
                    let i = *index.entry(k.as_str()).or_insert_with(|| {
                        names.push(k.as_str());
                        names.len() - 1
                    });
                    (i, *v)
                })
                .collect()
        })
        .collect();
    let n: f64 = examples.iter().map(|e| e.weight).sum::<f64>().max(1.0);
    let pos: f64 = examples
        .iter()
        .filter(|e| e.reported)
        .map(|e| e.weight)
        .sum::<f64>()
        .max(1.0);
    let neg = (n - pos).max(1.0);
    // balanced class weights: each class carries half the loss
    let (wp, wn) = (n / (2.0 * pos), n / (2.0 * neg));
    let mut w = vec![0.0f64; names.len()];
    let mut bias = 0.0f64;
    // Adagrad keeps the step size sane for rare and frequent features alike
    let (mut gw2, mut gb2) = (vec![1e-8f64; names.len()], 1e-8f64);
    let mut grad = vec![0.0f64; names.len()];
    for _ in 0..opts.steps {
        grad.iter_mut().for_each(|g| *g = 0.0);
        let mut gb = 0.0;
        for (row, ex) in rows.iter().zip(examples) {
            let z = bias + row.iter().map(|&(i, v)| w[i] * v).sum::<f64>();
            let y = if ex.reported { 1.0 } else { 0.0 };
            let cw = ex.weight * if ex.reported { wp } else { wn };
            let d = cw * (sigmoid(z) - y) / n;
            gb += d;
            for &(i, v) in row {
                grad[i] += d * v;
            }
        }
        for i in 0..w.len() {
            let g = grad[i] + opts.l2 * w[i];
            gw2[i] += g * g;
            w[i] -= opts.rate * g / gw2[i].sqrt();
        }
        gb2 += gb * gb;
        bias -= opts.rate * gb / gb2.sqrt();
    }
    Classifier {
        bias,
        threshold: 0.5,
        weights: names
            .into_iter()
            .zip(w)
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    }
}

/// Contiguous fold `k` of `n` items in `folds` folds.
pub fn fold_range(n: usize, folds: usize, k: usize) -> std::ops::Range<usize> {
    (n * k / folds)..(n * (k + 1) / folds)
}

/// Fold `k` of `items` (its range) and the items outside it (to train on).
fn split_fold<T: Clone>(items: &[T], folds: usize, k: usize) -> (std::ops::Range<usize>, Vec<T>) {
    let test = fold_range(items.len(), folds, k);
    let rest = items[..test.start]
        .iter()
        .chain(&items[test.end..])
        .cloned()
        .collect();
    (test, rest)
}

/// Weighted F1 of accepting the examples `accept` says yes to, with
/// `missed` (weighted) gold positives the rules never proposed.
fn f1_of<T>(
    scored: &[T],
    gold: impl Fn(&T) -> bool,
    accept: impl Fn(&T) -> bool,
    weight: impl Fn(&T) -> f64,
    missed: f64,
) -> f64 {
    let sum = |keep: &dyn Fn(&T) -> bool| -> f64 {
        scored.iter().filter(|x| keep(x)).map(&weight).sum::<f64>()
    };
    let tp = sum(&|x| gold(x) && accept(x));
    let fp = sum(&|x| !gold(x) && accept(x));
    let fn_ = sum(&|x| gold(x) && !accept(x)) + missed;
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    rasd_doc::score::f1(ratio(tp, tp + fp), ratio(tp, tp + fn_))
}

/// A trained classifier with the inner cross-validation's F1 and the rules'
/// F1 on the same examples.
#[derive(Debug, Clone)]
pub struct Trained {
    /// Weights from all examples, threshold from the inner cross-validation.
    pub classifier: Classifier,
    /// F1 of the classifier over the inner cross-validation.
    pub f1: f64,
    /// F1 of the rules alone (confidence ≥ the publication threshold).
    pub rules_f1: f64,
}

/// Trains a classifier: weights on all `examples`, the threshold that
/// maximises F1 over an inner cross-validation (`missed` = gold positives
/// without any candidate, which count as misses at every threshold).
pub fn train(examples: &[Example], missed: f64, opts: &TrainOptions) -> Trained {
    let mut scored: Vec<(f64, bool, f64)> = Vec::with_capacity(examples.len());
    let folds = opts.inner_folds.max(2).min(examples.len().max(2));
    for k in 0..folds {
        let (test, rest) = split_fold(examples, folds, k);
        let c = fit(&rest, opts);
        scored.extend(
            examples[test]
                .iter()
                .map(|e| (c.probability(&e.features), e.reported, e.weight)),
        );
    }
    // F1 at each threshold of the grid, then the threshold whose
    // neighbourhood (itself and the grid points on either side) has the
    // best mean F1: a lone peak is the folds' noise, and picking it let one
    // changed example move the threshold
    let grid: Vec<(f64, f64)> = (4..=18)
        .map(|step| {
            let t = f64::from(step) * 0.05;
            (t, f1_of(&scored, |x| x.1, |x| x.0 >= t, |x| x.2, missed))
        })
        .collect();
    let best = smoothed_best(&grid);
    let rules_f1 = f1_of(
        examples,
        |e| e.reported,
        |e| e.rules >= crate::DEFAULT_MIN_CONFIDENCE,
        |e| e.weight,
        missed,
    );
    let mut classifier = fit(examples, opts);
    classifier.threshold = best.1;
    Trained {
        classifier,
        f1: best.0,
        rules_f1,
    }
}

/// The `(F1, threshold)` of the grid point `(threshold, F1)` whose mean F1
/// with its neighbours is best (the first on ties); `(f64::MIN, 0.5)` for
/// an empty grid.
fn smoothed_best(grid: &[(f64, f64)]) -> (f64, f64) {
    let mut best = (f64::MIN, 0.5, f64::MIN);
    for (i, &(t, f)) in grid.iter().enumerate() {
        let near = &grid[i.saturating_sub(1)..(i + 2).min(grid.len())];
        let smooth = near.iter().map(|x| x.1).sum::<f64>() / near.len() as f64;
        if smooth > best.2 + 1e-12 {
            best = (f, t, smooth);
        }
    }
    (best.0, best.1)
}

/// How much the classifier's inner cross-validated F1 must exceed the
/// rules' F1 for it to replace them (the threshold is picked on the same
/// folds, which flatters the classifier).
pub const MIN_GAIN: f64 = 0.05;

impl Trained {
    /// The classifier, when it beats the rules by [`MIN_GAIN`]; `None` means
    /// the rules stand.
    pub fn accepted(&self) -> Option<&Classifier> {
        (self.f1 > self.rules_f1 + MIN_GAIN).then_some(&self.classifier)
    }
}

/// A judged sentence: its candidate events (features and the rules'
/// confidence) and whether it reports an event of the category.
#[derive(Debug, Clone)]
pub struct Judged {
    /// Candidate events ([`is_candidate`]) with their [`features`] and rule confidence.
    pub candidates: Vec<(Vec<(String, f64)>, f32)>,
    /// Gold judgement.
    pub reported: bool,
    /// The article the sentence comes from: a feature must occur in
    /// [`MIN_ARTICLES`] articles to be learned, so that names and places of
    /// one story are not.
    pub article: String,
    /// Weight of the sentence's example ([`Example::weight`]).
    pub weight: f64,
}

/// Articles a feature must occur in to get a weight.
pub const MIN_ARTICLES: usize = 3;

impl Judged {
    /// The training example of the sentence: its most confident candidate.
    pub fn example(&self) -> Option<Example> {
        let mut best: Option<&(Vec<(String, f64)>, f32)> = None;
        for c in &self.candidates {
            if best.is_none_or(|b| c.1 > b.1) {
                best = Some(c);
            }
        }
        best.map(|(f, rules)| Example {
            features: f.clone(),
            reported: self.reported,
            rules: *rules,
            weight: self.weight,
        })
    }
}

/// Trains on judged sentences: one example per sentence with a candidate;
/// reported sentences without one count as misses when picking the
/// threshold.
pub fn train_judged(sentences: &[Judged], opts: &TrainOptions) -> Trained {
    let mut articles: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for s in sentences {
        for (f, _) in s.candidates.iter().flat_map(|c| &c.0) {
            articles
                .entry(f.as_str())
                .or_default()
                .insert(s.article.as_str());
        }
    }
    let examples: Vec<Example> = sentences
        .iter()
        .filter_map(Judged::example)
        .map(|mut e| {
            e.features.retain(|(f, _)| {
                articles
                    .get(f.as_str())
                    .is_some_and(|a| a.len() >= MIN_ARTICLES)
            });
            e
        })
        .collect();
    let missed = sentences
        .iter()
        .filter(|s| s.reported && s.candidates.is_empty())
        .map(|s| s.weight)
        .sum();
    train(&examples, missed, opts)
}

/// Sentence-level detection counts of `k`-fold cross-validation (contiguous
/// folds): the classifier trained on the other folds (and on `extra`, which
/// is never tested), and the rules alone at the publication threshold, on
/// the same sentences.
pub fn cross_validate(
    sentences: &[Judged],
    extra: &[Judged],
    k: usize,
    opts: &TrainOptions,
) -> (crate::eval::Counts, crate::eval::Counts) {
    let (mut model, mut rules) = (
        crate::eval::Counts::default(),
        crate::eval::Counts::default(),
    );
    let k = k.max(2);
    for fold in 0..k {
        let (test, mut rest) = split_fold(sentences, k, fold);
        rest.extend_from_slice(extra);
        let trained = train_judged(&rest, opts);
        let c = trained.accepted();
        for s in &sentences[test] {
            let pred = s.candidates.iter().any(|(f, conf)| match c {
                Some(c) => c.confidence(f) >= 0.5,
                None => *conf >= crate::DEFAULT_MIN_CONFIDENCE,
            });
            model.add(s.reported, pred);
            let by_rules = s
                .candidates
                .iter()
                .any(|(_, conf)| *conf >= crate::DEFAULT_MIN_CONFIDENCE);
            rules.add(s.reported, by_rules);
        }
    }
    (model, rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(words: &[&str], reported: bool) -> Example {
        Example {
            features: words.iter().map(|w| (w.to_string(), 1.0)).collect(),
            reported,
            rules: 0.5,
            weight: 1.0,
        }
    }

    #[test]
    fn fast_rescoring_equals_scoring_the_named_features() {
        let model = ReportModel::bundled();
        let ann = crate::EventAnnotator::standard().without_report_model();
        let mut n = 0;
        for text in [
            "قتل سبعة أشخاص وأصيب عشرون آخرون في هجوم انتحاري استهدف سوقا شعبية في بغداد أمس.",
            "تظاهر آلاف الطلاب أمام البرلمان؟ وشنت طائرات حربية غارات على مواقع المسلحين.",
            "اقتحمت قوات الأمن منزلا في القاهرة واعتقلت ناشطا، وفجر انتحاري نفسه قرب حاجز للشرطة.",
        ] {
            let mut doc = Doc::new("t", text);
            rasd_text::analyze(&mut doc);
            let events = ann.events(&doc);
            // rescoring a document (stems and weights shared within a
            // sentence) equals scoring each event's named features
            let mut rescored = events.clone();
            model.rescore(&doc, &mut rescored);
            for (e, r) in events.iter().zip(&rescored) {
                let want = match model.categories.get(&e.kind) {
                    Some(c) if is_candidate(e, &e.kind) => c.confidence(&features(&doc, e)),
                    _ => e.confidence,
                };
                assert_eq!(want.to_bits(), r.confidence.to_bits());
            }
            for e in events {
                for c in model.categories.values() {
                    let slow = c.confidence(&features(&doc, &e));
                    let words = sentence_stems(&doc, e.evidence);
                    let fast = c.confidence_of(&doc, &e, &words, &c.word_weights(&words));
                    assert_eq!(slow.to_bits(), fast.to_bits());
                    n += 1;
                }
            }
        }
        assert!(n > 3, "{n}");
    }

    #[test]
    fn a_lone_peak_of_f1_does_not_set_the_threshold() {
        // 0.40 peaks alone; 0.55 sits on a broad plateau
        let grid = [
            (0.35, 0.50),
            (0.40, 0.70),
            (0.45, 0.50),
            (0.50, 0.66),
            (0.55, 0.68),
            (0.60, 0.60),
        ];
        assert_eq!(smoothed_best(&grid), (0.68, 0.55));
        assert_eq!(smoothed_best(&[]), (f64::MIN, 0.5));
    }

    #[test]
    fn learns_a_separable_cue_and_maps_the_threshold_to_one_half() {
        let mut data = Vec::new();
        for i in 0..40 {
            data.push(ex(
                &["w:قتل", if i % 2 == 0 { "w:امس" } else { "w:في" }],
                true,
            ));
            data.push(ex(&["w:قتل", "w:ذكري"], false));
            data.push(ex(&["w:محاولة", "w:في"], false));
        }
        let t = train(&data, 0.0, &TrainOptions::default());
        assert!(t.f1 > t.rules_f1, "{} vs {}", t.f1, t.rules_f1);
        let c = t.classifier;
        let yes = c.confidence(&ex(&["w:قتل", "w:امس"], true).features);
        let no = c.confidence(&ex(&["w:قتل", "w:ذكري"], false).features);
        assert!(yes > 0.5 && no < 0.5, "{yes} {no}");
        let at_threshold = sigmoid(logit(c.threshold) - logit(c.threshold));
        assert!((at_threshold - 0.5).abs() < 1e-9);
    }

    #[test]
    fn cross_validation_beats_rules_that_accept_everything() {
        let mut sentences = Vec::new();
        for i in 0..60 {
            let reported = i % 3 == 0;
            let cue = if reported { "w:امس" } else { "w:ذكري" };
            sentences.push(Judged {
                candidates: vec![(ex(&["w:قتل", cue], reported).features, 0.8)],
                reported,
                article: (i / 2).to_string(),
                weight: 1.0,
            });
        }
        sentences.push(Judged {
            candidates: Vec::new(),
            reported: true,
            article: "x".into(),
            weight: 1.0,
        });
        let (model, rules) = cross_validate(&sentences, &[], 5, &TrainOptions::default());
        assert_eq!(rules.fp, 40);
        assert!(model.f1() > 0.9 && model.f1() > rules.f1(), "{model:?}");
        assert_eq!(model.fn_, 1, "the sentence without a candidate is a miss");
    }

    #[test]
    fn tsv_round_trips_sorted() {
        let mut m = ReportModel::default();
        let mut c = Classifier {
            bias: -0.5,
            threshold: 0.45,
            ..Default::default()
        };
        c.weights.insert("w:قتل".into(), 1.25);
        c.weights.insert("c".into(), 0.5);
        c.weights.insert("tiny".into(), 1e-5);
        m.categories.insert("ASSAULT".into(), c);
        let tsv = m.to_tsv(&["version: 1"]);
        let back = ReportModel::parse(&tsv).unwrap();
        let b = &back.categories["ASSAULT"];
        assert_eq!((b.bias, b.threshold), (-0.5, 0.45));
        assert_eq!(b.weights.len(), 2, "near-zero weights are dropped");
        assert_eq!(tsv, back.to_tsv(&["version: 1"]));
        assert!(ReportModel::parse("ASSAULT\tc").is_err());
    }

    #[test]
    fn bundled_model_parses_and_knows_assault() {
        let m = ReportModel::bundled();
        assert!(m.categories.contains_key("ASSAULT"));
        for c in m.categories.values() {
            assert!(c.threshold > 0.0 && c.threshold < 1.0);
            assert!(!c.weights.is_empty());
        }
    }
}
