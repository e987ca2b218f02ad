//! Clitic analysis of Arabic words (on `Match`-normalised text).
//!
//! Clitics are sub-spans of a token, never a re-tokenisation: a token keeps
//! its span and exposes its stem. Two levels:
//!
//! * [`default_analysis`] is conservative — it strips only the article family
//!   (ال، وال، بال، لل، فال، وبال، ولل …) and long enclitic pronouns (ها، هم،
//!   هما …) — because a bare one-letter proclitic is ambiguous without a
//!   lexicon: ل in لويتكوف is a preposition, in لبنان part of the name.
//! * [`candidates`] lists every plausible segmentation, identity first; lexicon
//!   matchers try them in order and keep the first that is a known word, which
//!   is how "لويتكوف" finds "ويتكوف" and "وأوكرانيا" finds "أوكرانيا".

/// A segmentation of a word: byte lengths of the proclitics and the enclitic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Analysis {
    /// Bytes of proclitics at the start.
    pub prefix_len: usize,
    /// Bytes of the enclitic pronoun at the end.
    pub suffix_len: usize,
}

impl Analysis {
    /// The stem of `word` under this analysis.
    pub fn stem(self, word: &str) -> &str {
        &word[self.prefix_len..word.len() - self.suffix_len]
    }
}

/// Proclitic sequences, longest first (normalised spelling, alef folded).
pub const PROCLITICS: &[&str] = &[
    "وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "وب",
    "ول", "وك", "وس", "فب", "فل", "فك", "فس", "و", "ف", "ب", "ل", "ك", "س",
];

/// Enclitic pronouns, longest first.
pub const ENCLITICS: &[&str] = &[
    "هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي",
];

/// The first letter (two UTF-8 bytes, as a little-endian `u16`) of each of [`PROCLITICS`].
const PROCLITIC_HEADS: [u16; PROCLITICS.len()] = {
    let mut out = [0u16; PROCLITICS.len()];
    let mut k = 0;
    while k < PROCLITICS.len() {
        let b = PROCLITICS[k].as_bytes();
        out[k] = u16::from_le_bytes([b[0], b[1]]);
        k += 1;
    }
    out
};

/// The last letter (as in [`PROCLITIC_HEADS`]) of each of [`ENCLITICS`].
const ENCLITIC_TAILS: [u16; ENCLITICS.len()] = {
    let mut out = [0u16; ENCLITICS.len()];
    let mut k = 0;
    while k < ENCLITICS.len() {
        let b = ENCLITICS[k].as_bytes();
        out[k] = u16::from_le_bytes([b[b.len() - 2], b[b.len() - 1]]);
        k += 1;
    }
    out
};

/// Clitics grouped by a letter (`u16` as in [`PROCLITIC_HEADS`]), list order kept.
type ByLetter = Vec<(u16, Vec<&'static str>)>;

fn group(list: &[&'static str], letters: &[u16]) -> ByLetter {
    let mut t: ByLetter = Vec::new();
    for (&c, &l) in list.iter().zip(letters) {
        match t.iter_mut().find(|(x, _)| *x == l) {
            Some((_, v)) => v.push(c),
            None => t.push((l, vec![c])),
        }
    }
    t
}

/// The proclitics that begin with the letter `head`.
fn proclitics_with_head(head: u16) -> &'static [&'static str] {
    static T: std::sync::OnceLock<ByLetter> = std::sync::OnceLock::new();
    let t = T.get_or_init(|| group(PROCLITICS, &PROCLITIC_HEADS));
    t.iter().find(|(h, _)| *h == head).map_or(&[], |(_, v)| v)
}

/// The enclitics that end with the letter `tail`.
fn enclitics_with_tail(tail: u16) -> &'static [&'static str] {
    static T: std::sync::OnceLock<ByLetter> = std::sync::OnceLock::new();
    let t = T.get_or_init(|| group(ENCLITICS, &ENCLITIC_TAILS));
    t.iter().find(|(h, _)| *h == tail).map_or(&[], |(_, v)| v)
}

/// Enclitics stripped by the default analysis.
const SAFE_ENCLITICS: &[&str] = &["هما", "كما", "هم", "هن", "ها", "كم"];

/// Whether `word` is non-empty and holds only Arabic letters (U+0620–U+064A, U+0671):
/// checked on the bytes, as pairs D8 A0–BF, D9 80–8A or D9 B1 (their UTF-8 forms).
fn is_arabic_word(word: &str) -> bool {
    let b = word.as_bytes();
    !b.is_empty()
        && b.len() & 1 == 0
        && b.chunks_exact(2).all(|p| match p[0] {
            0xD8 => p[1] >= 0xA0,
            0xD9 => p[1] <= 0x8A || p[1] == 0xB1,
            _ => false,
        })
}

/// Letters in an Arabic word (every Arabic letter is two bytes in UTF-8;
/// only called on words that passed `is_arabic_word`).
fn chars(s: &str) -> usize {
    s.len() / 2
}

/// The conservative analysis used for `Token::prefix_len`/`suffix_len`.
pub fn default_analysis(word: &str) -> Analysis {
    if !is_arabic_word(word) {
        return Analysis {
            prefix_len: 0,
            suffix_len: 0,
        };
    }
    default_analysis_arabic(word)
}

/// [`default_analysis`] of a word already known to hold only Arabic letters
/// (two UTF-8 bytes each): a byte-level check of the article family and the
/// safe enclitics, the tokenizer's hot path.
pub(crate) fn default_analysis_arabic(word: &str) -> Analysis {
    let b = word.as_bytes();
    let at = |i: usize, c: char| {
        let mut buf = [0u8; 4];
        b.get(i..i + 2) == Some(c.encode_utf8(&mut buf).as_bytes())
    };
    let conj = if at(0, 'و') || at(0, 'ف') { 2 } else { 0 };
    let p = if (at(conj, 'ا') || at(conj, 'ل')) && at(conj + 2, 'ل') {
        conj + 4
    } else if (at(conj, 'ب') || at(conj, 'ك')) && at(conj + 2, 'ا') && at(conj + 4, 'ل') {
        conj + 6
    } else {
        0
    };
    let prefix_len = if p > 0 && b.len() - p >= 4 { p } else { 0 };
    let rest = &word[prefix_len..];
    let suffix_len = if rest.ends_with(['ا', 'م', 'ن']) {
        SAFE_ENCLITICS
            .iter()
            .find(|e| rest.ends_with(*e) && chars(rest) - chars(e) >= 3)
            .map_or(0, |e| e.len())
    } else {
        0
    };
    Analysis {
        prefix_len,
        suffix_len,
    }
}

/// Every plausible segmentation of `word`, identity first, then by the number
/// of stripped bytes. Stems keep at least two letters.
///
/// Entity and event matchers call this for most words: the proclitic and enclitic
/// lengths are collected on the stack, and the result is the one allocation.
pub fn candidates(word: &str) -> Vec<Analysis> {
    let identity = Analysis {
        prefix_len: 0,
        suffix_len: 0,
    };
    if !is_arabic_word(word) {
        return vec![identity];
    }
    // an Arabic word has two bytes a letter: only the clitics that begin (end) with the
    // word's first (last) letter are compared
    let b = word.as_bytes();
    let two = |x: &[u8]| u16::from_le_bytes([x[0], x[1]]);
    let (first, last) = (two(b), two(&b[b.len() - 2..]));
    let mut prefixes = [0usize; 1 + PROCLITICS.len()];
    let mut np = 1;
    for p in proclitics_with_head(first) {
        if word.starts_with(p) && chars(&word[p.len()..]) >= 2 {
            // future س only before an imperfect prefix
            if p.ends_with('س') && !word[p.len()..].starts_with(['ي', 'ت', 'ن', 'ا']) {
                continue;
            }
            prefixes[np] = p.len();
            np += 1;
        }
    }
    let mut suffixes = [0usize; 1 + ENCLITICS.len()];
    let mut ns = 1;
    for e in enclitics_with_tail(last) {
        if word.ends_with(e) {
            suffixes[ns] = e.len();
            ns += 1;
        }
    }
    let mut out = Vec::with_capacity(np * ns);
    out.push(identity);
    for &p in &prefixes[..np] {
        for &s in &suffixes[..ns] {
            if p + s == 0 || p + s >= word.len() {
                continue;
            }
            if chars(&word[p..word.len() - s]) < 2 {
                continue;
            }
            let a = Analysis {
                prefix_len: p,
                suffix_len: s,
            };
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out[1..].sort_by_key(|a| (a.prefix_len + a.suffix_len, a.suffix_len));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(w: &str) -> Vec<&str> {
        candidates(w).into_iter().map(|a| a.stem(w)).collect()
    }

    #[test]
    fn default_strips_article_family_only() {
        let cases = [
            ("الكرملين", "كرملين"),
            ("والولايات", "ولايات"),
            ("للرئيس", "رئيس"),
            ("بالشؤون", "شؤون"),
            ("لويتكوف", "لويتكوف"),
            ("لبنان", "لبنان"),
            ("ويتكوف", "ويتكوف"),
            ("رئيسها", "رئيس"),
            ("ابراهيم", "ابراهيم"),
            ("Trump", "Trump"),
        ];
        for (w, stem) in cases {
            assert_eq!(default_analysis(w).stem(w), stem, "word {w}");
        }
    }

    /// [`candidates`] as first written (growing vectors, a char-level Arabic check): the
    /// reference the stack-based version must agree with.
    fn candidates_reference(word: &str) -> Vec<Analysis> {
        let mut out = vec![Analysis {
            prefix_len: 0,
            suffix_len: 0,
        }];
        let arabic = !word.is_empty()
            && word
                .chars()
                .all(|c| ('\u{0620}'..='\u{064A}').contains(&c) || c == '\u{0671}');
        if !arabic {
            return out;
        }
        let mut prefixes = vec![0usize];
        for p in PROCLITICS {
            if word.starts_with(p) && chars(&word[p.len()..]) >= 2 {
                if p.ends_with('س') && !word[p.len()..].starts_with(['ي', 'ت', 'ن', 'ا']) {
                    continue;
                }
                prefixes.push(p.len());
            }
        }
        let mut suffixes = vec![0usize];
        for e in ENCLITICS {
            if word.ends_with(e) {
                suffixes.push(e.len());
            }
        }
        for &p in &prefixes {
            for &s in &suffixes {
                if p + s == 0 || p + s >= word.len() {
                    continue;
                }
                if chars(&word[p..word.len() - s]) < 2 {
                    continue;
                }
                let a = Analysis {
                    prefix_len: p,
                    suffix_len: s,
                };
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
        out[1..].sort_by_key(|a| (a.prefix_len + a.suffix_len, a.suffix_len));
        out
    }

    #[test]
    fn candidates_agree_with_the_reference_on_clitic_forms() {
        for w in [
            "",
            "و",
            "وبالولايات",
            "فسيزور",
            "سلام",
            "لويتكوف",
            "وكالهما",
            "رئيسها",
            "Trump",
            "\u{0671}لحق",
            "ابراهيم1",
            "ولل",
            "كتابكما",
            "فلنا",
            "\u{064B}",
        ] {
            assert_eq!(candidates(w), candidates_reference(w), "help: {w}");
        }
    }

    proptest::proptest! {
        /// The stack-based candidates agree with the reference, Arabic or not.
        #[test]
        fn candidates_agree(w in "[\u{0600}-\u{0680}a-z0-9]{0,12}") {
            proptest::prop_assert_eq!(candidates(&w), candidates_reference(&w));
        }

        /// …and on words built from clitics around a stem.
        #[test]
        fn candidates_agree_on_clitic_words(
            p in proptest::sample::select(PROCLITICS),
            stem in "[\u{0621}-\u{064A}\u{0671}]{0,6}",
            e in proptest::sample::select(ENCLITICS),
        ) {
            let w = format!("{p}{stem}{e}");
            proptest::prop_assert_eq!(candidates(&w), candidates_reference(&w));
        }

        /// The byte-level fast path agrees with the general analysis.
        #[test]
        fn fast_path_agrees(w in "[\u{0621}-\u{064A}]{1,10}") {
            proptest::prop_assert_eq!(default_analysis_arabic(&w), default_analysis(&w));
        }
    }

    #[test]
    fn candidates_expose_clitic_stems() {
        assert!(stems("لويتكوف").contains(&"ويتكوف"));
        assert!(stems("واوكرانيا").contains(&"اوكرانيا"));
        assert!(stems("وروسيا").contains(&"روسيا"));
        assert_eq!(stems("لويتكوف")[0], "لويتكوف");
        assert!(stems("سيزور").contains(&"يزور"));
        assert!(!stems("سلام").contains(&"لام"));
    }
}
