//! CoNLL-style evaluation: exact span and type match, precision, recall and
//! F1 per type and overall (micro-averaged), as `conlleval` computes them.
use rasd_doc::score::ratio;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use rasd_doc::EntityType;

use crate::tags::{spans, Tag};

/// Counts for one class (or overall).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans that match a gold span exactly (bounds and type).
    pub correct: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// Recall (0 when there is no gold span).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        rasd_doc::score::f1(self.precision(), self.recall())
    }
    fn add(&mut self, o: Counts) {
        self.correct += o.correct;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

/// Evaluation result: per-type counts and token accuracy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Score {
    /// Counts per entity type.
    pub by_type: BTreeMap<EntityType, Counts>,
    /// Tokens whose predicted tag equals the gold tag.
    pub tokens_correct: usize,
    /// Tokens scored.
    pub tokens: usize,
}

impl Score {
    /// Adds one sentence (gold and predicted tags of equal length; extra tags
    /// on either side are ignored).
    pub fn add_sentence(&mut self, gold: &[Tag], pred: &[Tag]) {
        let n = gold.len().min(pred.len());
        let (gold, pred) = (&gold[..n], &pred[..n]);
        self.tokens += n;
        self.tokens_correct += gold.iter().zip(pred).filter(|(a, b)| a == b).count();
        let gs = spans(gold);
        let ps = spans(pred);
        for s in &gs {
            self.by_type.entry(s.kind).or_default().gold += 1;
        }
        for s in &ps {
            let c = self.by_type.entry(s.kind).or_default();
            c.predicted += 1;
            if gs.contains(s) {
                c.correct += 1;
            }
        }
    }

    /// Adds another score.
    pub fn merge(&mut self, o: &Score) {
        for (k, c) in &o.by_type {
            self.by_type.entry(*k).or_default().add(*c);
        }
        self.tokens += o.tokens;
        self.tokens_correct += o.tokens_correct;
    }

    /// Micro-averaged counts over all types.
    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        for v in self.by_type.values() {
            c.add(*v);
        }
        c
    }

    /// A conlleval-like table: one line per type and one overall.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<8} {:>9} {:>9} {:>7} {:>7} {:>7}",
            "type", "precision", "recall", "F1", "gold", "pred"
        );
        let line = |s: &mut String, name: &str, c: &Counts| {
            let _ = writeln!(
                s,
                "{:<8} {:>9.2} {:>9.2} {:>7.2} {:>7} {:>7}",
                name,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.gold,
                c.predicted
            );
        };
        for (k, c) in &self.by_type {
            line(&mut s, k.conll(), c);
        }
        line(&mut s, "overall", &self.overall());
        let _ = writeln!(
            s,
            "token accuracy {:.2}% ({} tokens)",
            100.0 * ratio(self.tokens_correct, self.tokens),
            self.tokens
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Tag> {
        s.split_whitespace().map(Tag::parse).collect()
    }

    #[test]
    fn exact_span_and_type() {
        let mut sc = Score::default();
        sc.add_sentence(
            &tags("B-PERS I-PERS O B-LOC O B-ORG"),
            &tags("B-PERS I-PERS O B-ORG O B-ORG"),
        );
        let o = sc.overall();
        assert_eq!((o.correct, o.predicted, o.gold), (2, 3, 3));
        assert!((o.f1() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(sc.by_type[&EntityType::Loc].recall(), 0.0);
        assert!(sc.report().contains("overall"));
    }

    #[test]
    fn partial_span_is_wrong() {
        let mut sc = Score::default();
        sc.add_sentence(&tags("B-PERS I-PERS"), &tags("B-PERS O"));
        assert_eq!(sc.overall().correct, 0);
    }
}
