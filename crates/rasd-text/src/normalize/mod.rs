//! Normalisation for matching, with a map back to the original text.
//!
//! A [`NormalizerChain`] composes small [`CharFold`] steps. One pass over the
//! text produces both the normalised text and the [`OffsetMap`]; offsets in
//! the output always point into the original. Characters below U+0800 (all
//! of Arabic, Latin and common punctuation) are folded through a table
//! precomputed when the chain is built, so the hot loop is a lookup and a push.
mod steps;

pub use steps::*;

use rasd_doc::{Normalized, OffsetMap};

/// What a fold step does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Leave the character as it is.
    Keep,
    /// Remove it (it is absorbed by the preceding character in the map).
    Drop,
    /// Replace it with another character.
    Char(char),
    /// Replace it with a string (each char goes through the later steps).
    Str(&'static str),
}

/// One normalisation step: maps a character to [`Fold`].
pub trait CharFold: Send + Sync {
    /// Name of the step, for documentation and debugging.
    fn name(&self) -> &'static str;
    /// A cheap gate: `false` means [`CharFold::fold`] returns `Keep`.
    fn should_apply(&self, c: char) -> bool;
    /// What to do with `c`.
    fn fold(&self, c: char) -> Fold;
}

/// Named presets of fold steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// For lexicon and entity matching: presentation forms, marks, tatweel,
    /// format characters, alef and yeh forms, Persian letter shapes, digits.
    Match,
    /// For full-text search: `Match` plus teh marbuta → heh, hamza seats
    /// (ؤ ئ → و ي) and Latin lower case.
    Search,
}

/// Composes fold steps; see [`NormalizerChain::builder`].
pub struct NormalizerChainBuilder {
    steps: Vec<Box<dyn CharFold>>,
}

impl NormalizerChainBuilder {
    /// Appends a step; steps run in the order added.
    pub fn step(mut self, s: impl CharFold + 'static) -> Self {
        self.steps.push(Box::new(s));
        self
    }

    /// Builds the chain and its lookup table.
    pub fn build(self) -> NormalizerChain {
        let mut chain = NormalizerChain {
            steps: self.steps,
            table: Vec::new(),
        };
        let table: Vec<Entry> = (0u32..TABLE_SIZE)
            .map(|u| match char::from_u32(u) {
                Some(c) => {
                    let mut s = String::new();
                    chain.apply(c, 0, &mut s);
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (None, _) => Entry::Drop,
                        (Some(d), None) if d == c => Entry::Keep,
                        (Some(d), None) => Entry::Char(d),
                        _ => Entry::Slow,
                    }
                }
                None => Entry::Slow,
            })
            .collect();
        chain.table = table;
        chain
    }
}

const TABLE_SIZE: u32 = 0x800;

#[derive(Debug, Clone, Copy)]
enum Entry {
    Keep,
    Drop,
    Char(char),
    Slow,
}

/// A composed normaliser.
pub struct NormalizerChain {
    steps: Vec<Box<dyn CharFold>>,
    table: Vec<Entry>,
}

impl NormalizerChain {
    /// An empty builder.
    pub fn builder() -> NormalizerChainBuilder {
        NormalizerChainBuilder { steps: Vec::new() }
    }

    /// The chain of a preset.
    pub fn preset(p: Preset) -> NormalizerChain {
        let b = NormalizerChain::builder()
            .step(PresentationForms)
            .step(DropFormatChars)
            .step(DropMarks)
            .step(DropTatweel)
            .step(FoldAlef)
            .step(FoldYeh)
            .step(FoldPersian)
            .step(AsciiDigits);
        match p {
            Preset::Match => b.build(),
            Preset::Search => b
                .step(FoldTehMarbuta)
                .step(FoldHamzaSeats)
                .step(LowercaseLatin)
                .build(),
        }
    }

    /// Names of the steps, in order.
    pub fn step_names(&self) -> Vec<&'static str> {
        self.steps.iter().map(|s| s.name()).collect()
    }

    fn apply(&self, c: char, from: usize, out: &mut String) {
        let mut c = c;
        for (i, step) in self.steps.iter().enumerate().skip(from) {
            if !step.should_apply(c) {
                continue;
            }
            match step.fold(c) {
                Fold::Keep => {}
                Fold::Drop => return,
                Fold::Char(d) => c = d,
                Fold::Str(s) => {
                    for d in s.chars() {
                        self.apply(d, i + 1, out);
                    }
                    return;
                }
            }
        }
        out.push(c);
    }

    /// Normalises `text`, returning the normalised text and its map to `text`.
    pub fn normalize(&self, text: &str) -> Normalized {
        let mut out = String::with_capacity(text.len());
        let mut map: Vec<u32> = Vec::with_capacity(text.len() + 1);
        let mut buf = String::new();
        // Runs of unchanged characters are copied in bulk; inside a run the
        // map is the identity shifted, so char boundaries map to char starts.
        let mut run = 0usize;
        for (i, c) in text.char_indices() {
            let entry = if (c as u32) < TABLE_SIZE {
                self.table[c as usize]
            } else {
                Entry::Slow
            };
            if let Entry::Keep = entry {
                continue;
            }
            out.push_str(&text[run..i]);
            map.extend(run as u32..i as u32);
            run = i + c.len_utf8();
            let before = out.len();
            match entry {
                Entry::Keep | Entry::Drop => {}
                Entry::Char(d) => out.push(d),
                Entry::Slow => {
                    buf.clear();
                    self.apply(c, 0, &mut buf);
                    out.push_str(&buf);
                }
            }
            map.resize(map.len() + (out.len() - before), i as u32);
        }
        out.push_str(&text[run..]);
        map.extend(run as u32..text.len() as u32);
        map.push(text.len() as u32);
        Normalized {
            text: out,
            map: OffsetMap::from_vec(map),
        }
    }

    /// Normalises a lexicon key: the same chain, without a map.
    pub fn normalize_key(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match if (c as u32) < TABLE_SIZE {
                self.table[c as usize]
            } else {
                Entry::Slow
            } {
                Entry::Keep => out.push(c),
                Entry::Drop => {}
                Entry::Char(d) => out.push(d),
                Entry::Slow => self.apply(c, 0, &mut out),
            }
        }
        out
    }
}

/// The shared `Match` chain.
pub fn match_chain() -> &'static NormalizerChain {
    static CHAIN: std::sync::OnceLock<NormalizerChain> = std::sync::OnceLock::new();
    CHAIN.get_or_init(|| NormalizerChain::preset(Preset::Match))
}

/// The shared `Search` chain.
pub fn search_chain() -> &'static NormalizerChain {
    static CHAIN: std::sync::OnceLock<NormalizerChain> = std::sync::OnceLock::new();
    CHAIN.get_or_init(|| NormalizerChain::preset(Preset::Search))
}

/// Normalises `text` with the `Match` preset, with a map back.
pub fn normalize(text: &str) -> Normalized {
    match_chain().normalize(text)
}

/// Normalises a lexicon key with the `Match` preset.
pub fn normalize_key(text: &str) -> String {
    match_chain().normalize_key(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_doc::Span;

    #[test]
    fn composed_chain_table() {
        let cases = [
            ("أإآٱ", "اااا"),
            ("ؤئ", "ؤئ"),
            ("ى", "ي"),
            ("ة", "ة"),
            ("مـــحمد", "محمد"),
            ("مُحَمَّدٌ", "محمد"),
            ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
            ("۱۲۳", "123"),
            ("ﻻ", "لا"),
            ("ﻷ", "لا"),
            ("ﺑ", "ب"),
            ("کی", "كي"),
            ("a\u{200f}b", "ab"),
            ("3٫5", "3.5"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).text, want, "input {input:?}");
        }
        let search = search_chain();
        assert_eq!(
            search.normalize_key("مدرسة مسؤول Trump"),
            "مدرسه مسوول trump"
        );
    }

    #[test]
    fn map_points_back_including_marks() {
        let t = "قالَ الكرملينُ";
        let n = normalize(t);
        assert_eq!(n.text, "قال الكرملين");
        let s = n.text.find("الكرملين").unwrap() as u32;
        let orig = n.to_original(Span::new(s, n.text.len() as u32));
        assert_eq!(&t[orig.range()], "الكرملينُ");
        let q = n.to_original(Span::new(0, 6));
        assert_eq!(&t[q.range()], "قالَ");
    }
}
