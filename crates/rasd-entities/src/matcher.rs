//! Longest-match lookup of lexicon names over a sequence of normalised words,
//! with the first word clitic-stripped ("وأوكرانيا" → أوكرانيا, "لويتكوف" →
//! ويتكوف, "للكرملين" → الكرملين).
use crate::lexicon::{gaz, Lexicon, NameEntry};

/// One lexicon match over words `[start, end)`.
#[derive(Debug, Clone)]
pub struct NameMatch<'a> {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Normalised bytes of proclitics cut from the first word.
    pub prefix: usize,
    /// The lexicon key that matched.
    pub key: String,
    /// Its entries (one per sense; the first is preferred).
    pub entries: &'a [NameEntry],
}

const LEX_BITS: u16 = gaz::LEX_PER | gaz::LEX_LOC | gaz::LEX_ORG;

/// A stem of a name's first word: `cut` normalised bytes of proclitics
/// removed from the front, and for a fused "لل" the article's alef restored
/// ("للكرملين" → cut 1, "ا" + "لكرملين").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stem<'w> {
    /// Bytes cut from the front of the word.
    pub cut: usize,
    /// The rest of the word after the cut.
    pub rest: &'w str,
    /// Whether "ا" is written before `rest` (a fused لل read as ال).
    pub alef: bool,
}

impl Stem<'_> {
    /// The stem as a string.
    pub fn key(&self) -> String {
        let mut k = String::with_capacity(self.rest.len() + 2);
        self.push_to(&mut k);
        k
    }

    /// Appends the stem to `out`.
    pub fn push_to(&self, out: &mut String) {
        if self.alef {
            out.push('ا');
        }
        out.push_str(self.rest);
    }

    /// Calls `f` with the stem as a `&str`, without allocating for the
    /// common case (no restored alef, or a short word).
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        if !self.alef {
            return f(self.rest);
        }
        let mut buf = [0u8; 96];
        let n = self.rest.len() + 'ا'.len_utf8();
        if n > buf.len() {
            return f(&self.key());
        }
        buf[..2].copy_from_slice("ا".as_bytes());
        buf[2..n].copy_from_slice(self.rest.as_bytes());
        // an alef then a whole str: valid UTF-8
        f(std::str::from_utf8(&buf[..n]).unwrap_or_default())
    }
}

/// The stems of one word (at most four), in [`first_word_stems`] order.
#[derive(Debug, Clone, Copy)]
pub struct Stems<'w> {
    items: [Stem<'w>; 4],
    len: u8,
}

impl<'w> Stems<'w> {
    fn push(&mut self, s: Stem<'w>) {
        self.items[self.len as usize] = s;
        self.len += 1;
    }
    /// The stems as a slice.
    pub fn as_slice(&self) -> &[Stem<'w>] {
        &self.items[..self.len as usize]
    }
    /// Iterates over the stems.
    pub fn iter(&self) -> std::slice::Iter<'_, Stem<'w>> {
        self.as_slice().iter()
    }
}

#[cfg(test)]
fn is_arabic_letter(c: char) -> bool {
    ('\u{0620}'..='\u{064A}').contains(&c) || c == '\u{0671}'
}

/// `w.chars().all(is_arabic_letter)` on bytes: in valid UTF-8 a D8 or D9
/// byte always leads a two-byte character, so pairs read from the start are
/// characters, and the letters are D8 A0–BF, D9 80–8A and D9 B1.
#[inline]
fn all_arabic_letters(w: &str) -> bool {
    let b = w.as_bytes();
    b.len().is_multiple_of(2)
        && b.chunks_exact(2).all(|c| match c[0] {
            0xD8 => c[1] >= 0xA0,
            0xD9 => c[1] <= 0x8A || c[1] == 0xB1,
            _ => false,
        })
}

/// [`first_word_stems`] without allocating: identity first, then the one-
/// and two-letter proclitics (و ف ب ل ك س and their pairs; never the article
/// family, so الصين stays whole; future س only before an imperfect prefix)
/// that leave at least two letters, then "لل…" read as "ال…".
pub fn stems(w: &str) -> Stems<'_> {
    let id = Stem {
        cut: 0,
        rest: w,
        alef: false,
    };
    let mut out = Stems {
        items: [id; 4],
        len: 1,
    };
    if !w.is_empty() && all_arabic_letters(w) {
        // every letter is two bytes here
        let b = w.as_bytes();
        let letter = |i: usize| (b[2 * i], b[2 * i + 1]);
        let conj = |i: usize| matches!(letter(i), (0xD9, 0x88) | (0xD9, 0x81)); // و ف
        let prep = |i: usize| matches!(letter(i), (0xD8, 0xA8) | (0xD9, 0x84) | (0xD9, 0x83)); // ب ل ك
        let sin = |i: usize| letter(i) == (0xD8, 0xB3); // س
        let imperfect = |i: usize| {
            // ي ت ن ا
            matches!(
                letter(i),
                (0xD9, 0x8A) | (0xD8, 0xAA) | (0xD9, 0x86) | (0xD8, 0xA7)
            )
        };
        let n = b.len() / 2;
        // one letter: و ف ب ل ك س
        if n >= 3 && (conj(0) || prep(0) || sin(0) && imperfect(1)) {
            out.push(Stem {
                cut: 2,
                rest: &w[2..],
                alef: false,
            });
        }
        // two letters: و/ف + ب ل ك س
        if n >= 4 && conj(0) && (prep(1) || sin(1) && imperfect(2)) {
            out.push(Stem {
                cut: 4,
                rest: &w[4..],
                alef: false,
            });
        }
    }
    for p in ["لل", "ولل", "فلل"] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                out.push(Stem {
                    cut: p.len() - "ل".len(),
                    rest: &w[p.len() - "ل".len()..],
                    alef: true,
                });
            }
        }
    }
    out
}

/// Stems of `w` to try as the first word of a name, with the bytes cut from
/// the front: identity first, then clitic segmentations (proclitics only),
/// and "لل…" read as "ال…" (see [`stems`]).
pub fn first_word_stems(w: &str) -> Vec<(usize, String)> {
    stems(w).iter().map(|s| (s.cut, s.key())).collect()
}

/// All non-overlapping longest matches, left to right. `ok(start, end)` may
/// veto a span (e.g. one crossing a sentence boundary).
pub fn find_names<'a>(
    lex: &'a Lexicon,
    words: &[&str],
    ok: impl Fn(usize, usize) -> bool,
) -> Vec<NameMatch<'a>> {
    let bits: Vec<u16> = words.iter().map(|w| lex.word_bits(w)).collect();
    find_names_with_bits(lex, words, &bits, ok)
}

/// [`find_names`] given the gazetteer bits of each word
/// (`lex.word_bits(words[i])`), for callers that have them already.
pub fn find_names_with_bits<'a>(
    lex: &'a Lexicon,
    words: &[&str],
    bits: &[u16],
    ok: impl Fn(usize, usize) -> bool,
) -> Vec<NameMatch<'a>> {
    let mut out = Vec::new();
    let max = lex.max_name_words().max(1);
    // every word of a lexicon name has a lexicon bit: a name can only
    // extend over such words
    let lexical: Vec<bool> = bits.iter().map(|b| b & LEX_BITS != 0).collect();
    let mut key = String::new();
    let mut ends: Vec<usize> = Vec::with_capacity(max + 1);
    let mut i = 0;
    while i < words.len() {
        let mut best: Option<NameMatch<'a>> = None;
        let mut reach = 1;
        while reach < max && i + reach < words.len() && lexical[i + reach] {
            reach += 1;
        }
        for st in stems(words[i]).iter() {
            let known = if st.cut == 0 {
                lexical[i]
            } else {
                st.with(|k| lex.word_bits(k)) & LEX_BITS != 0
            };
            if !known {
                continue;
            }
            key.clear();
            ends.clear();
            st.push_to(&mut key);
            ends.push(key.len());
            for n in 2..=reach {
                key.push(' ');
                key.push_str(words[i + n - 1]);
                ends.push(key.len());
            }
            for n in (1..=reach).rev() {
                if best.as_ref().is_some_and(|b| b.end - b.start >= n) {
                    break;
                }
                let k = &key[..ends[n - 1]];
                let entries = lex.names(k);
                if !entries.is_empty() && ok(i, i + n) {
                    best = Some(NameMatch {
                        start: i,
                        end: i + n,
                        prefix: st.cut,
                        key: k.to_string(),
                        entries,
                    });
                    break;
                }
            }
        }
        match best {
            Some(m) => {
                i = m.end;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The segmentation-based definition [`stems`] must agree with.
    fn reference_stems(w: &str) -> Vec<(usize, String)> {
        let mut out = vec![(0, w.to_string())];
        for a in rasd_text::clitics::candidates(w) {
            let pre = &w[..a.prefix_len];
            if a.suffix_len == 0 && a.prefix_len > 0 && !pre.ends_with("ال") && !pre.ends_with("لل")
            {
                let s = a.stem(w).to_string();
                if !out.iter().any(|(_, x)| *x == s) {
                    out.push((a.prefix_len, s));
                }
            }
        }
        for p in ["لل", "ولل", "فلل"] {
            if let Some(rest) = w.strip_prefix(p) {
                if rest.chars().count() >= 2 {
                    out.push((p.len() - "ل".len(), format!("ال{rest}")));
                }
            }
        }
        out
    }

    #[test]
    fn stems_agree_with_clitic_candidates() {
        for w in [
            "لويتكوف",
            "وأوكرانيا",
            "واوكرانيا",
            "للكرملين",
            "وللكرملين",
            "فللجنة",
            "سيزور",
            "وسيزور",
            "سلام",
            "وسلام",
            "الصين",
            "بال",
            "لل",
            "للا",
            "وبكين",
            "فبكم",
            "x",
            "",
            "للxy",
            "ولل",
            "كلا",
            "وس",
        ] {
            let got: Vec<(usize, String)> = stems(w).iter().map(|s| (s.cut, s.key())).collect();
            assert_eq!(got, reference_stems(w), "word {w}");
            for s in stems(w).iter() {
                assert_eq!(s.with(str::to_string), s.key());
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn stems_agree_on_arabic(w in "[\u{0621}-\u{064A}\u{0671}a ]{0,8}") {
            let got: Vec<(usize, String)> = stems(&w).iter().map(|s| (s.cut, s.key())).collect();
            proptest::prop_assert_eq!(got, reference_stems(&w));
        }

        #[test]
        fn stems_agree_on_clitic_words(
            p in "(و|ف|ب|ل|ك|س|وب|ول|وك|وس|فب|فل|فك|فس|ال|لل|ولل|فلل|وال|بال|)",
            r in "[ايتنلبكسوف]{0,4}",
        ) {
            let w = format!("{p}{r}");
            let got: Vec<(usize, String)> = stems(&w).iter().map(|s| (s.cut, s.key())).collect();
            proptest::prop_assert_eq!(got, reference_stems(&w));
        }

        #[test]
        fn letter_bytes_agree_with_chars(w in "[\u{0600}-\u{06FF}\u{0750}-\u{077F}a-z0-9 é😀]{0,8}") {
            proptest::prop_assert_eq!(all_arabic_letters(&w), w.chars().all(is_arabic_letter));
        }
    }

    #[test]
    fn finds_names_through_clitics() {
        let lx = Lexicon::bundled();
        let text = "بين اوكرانيا وروسيا والولايات المتحدة قال للكرملين";
        let words: Vec<&str> = text.split(' ').collect();
        let m = find_names(&lx, &words, |_, _| true);
        let got: Vec<(usize, usize, usize)> =
            m.iter().map(|m| (m.start, m.end, m.prefix)).collect();
        assert_eq!(got, [(1, 2, 0), (2, 3, 2), (3, 5, 2), (6, 7, 2)]);
        assert_eq!(m[2].entries[0].country, Some("USA"));
        assert_eq!(m[3].key, "الكرملين");
    }
}
