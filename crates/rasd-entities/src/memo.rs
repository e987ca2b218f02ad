//! What is computed from a common word alone, kept across documents.
//!
//! Most of an article's distinct words are common words that earlier
//! articles already used. [`KnownWordMemo`] keeps, for each word of the
//! lexicon's word-class list (the corpus's 100k commonest words, numbered by
//! [`Lexicon::known_word`]), a value computed on the word's first use: its
//! clitic analyses, lexicon lookups and weight sums become a table read.
//! A value is exactly what is computed without the memo, so output never
//! depends on what the memo holds, and the number of words it can hold is
//! fixed by the list (no growth over a long run).

use std::sync::OnceLock;

use crate::lexicon::Lexicon;

/// Per-word values for the words of a lexicon's class list, filled on
/// first use, shareable between threads.
pub(crate) struct KnownWordMemo<T> {
    slots: OnceLock<Box<[OnceLock<T>]>>,
}

impl<T> Default for KnownWordMemo<T> {
    fn default() -> KnownWordMemo<T> {
        KnownWordMemo {
            slots: OnceLock::new(),
        }
    }
}

impl<T> KnownWordMemo<T> {
    /// The value of word `w` if it is in the class list of `lex` (always
    /// the same lexicon for one memo): `compute` of the list's copy of the
    /// word on first use. `None` for other words.
    #[inline]
    pub(crate) fn get(
        &self,
        lex: &Lexicon,
        w: &str,
        compute: impl FnOnce(&'static str) -> T,
    ) -> Option<&T> {
        let id = lex.known_word(w)?;
        let text = lex.known_word_text(id)?;
        let slots = self
            .slots
            .get_or_init(|| (0..lex.known_words()).map(|_| OnceLock::new()).collect());
        Some(slots.get(id)?.get_or_init(|| compute(text)))
    }
}

impl<T> std::fmt::Debug for KnownWordMemo<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (filled, all) = self.slots.get().map_or((0, 0), |s| {
            (s.iter().filter(|e| e.get().is_some()).count(), s.len())
        });
        write!(f, "KnownWordMemo({filled} of {all} words)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_known_words_only_and_computes_once() {
        let lex = crate::ner::lexicon();
        let memo: KnownWordMemo<usize> = KnownWordMemo::default();
        let known = lex.known_word_text(0).expect("a class list");
        let mut calls = 0;
        let a = *memo
            .get(lex, known, |w| {
                calls += 1;
                w.len()
            })
            .expect("known");
        let b = *memo
            .get(lex, known, |_| {
                calls += 1;
                0
            })
            .expect("known");
        assert_eq!((a, b, calls), (known.len(), known.len(), 1));
        assert!(memo.get(lex, "كلمةغيرمعروفةابدا", |w| w.len()).is_none());
        assert!(format!("{memo:?}").starts_with("KnownWordMemo(1 of"));
    }
}
