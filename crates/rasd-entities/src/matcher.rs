//! Longest-match lookup of lexicon names over a sequence of normalised words,
//! with the first word clitic-stripped ("وأوكرانيا" → أوكرانيا, "لويتكوف" →
//! ويتكوف, "للكرملين" → الكرملين).
use rasd_text::clitics::candidates;

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

/// Stems of `w` to try as the first word of a name, with the bytes cut from
/// the front: identity first, then clitic segmentations (proclitics only),
/// and "لل…" read as "ال…".
pub fn first_word_stems(w: &str) -> Vec<(usize, String)> {
    let mut out = vec![(0, w.to_string())];
    for a in candidates(w) {
        // proclitics before a name, never the article itself (الصين stays whole)
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
                let cut = p.len() - "ل".len();
                out.push((cut, format!("ال{rest}")));
            }
        }
    }
    out
}

/// All non-overlapping longest matches, left to right. `ok(start, end)` may
/// veto a span (e.g. one crossing a sentence boundary).
pub fn find_names<'a>(
    lex: &'a Lexicon,
    words: &[&str],
    ok: impl Fn(usize, usize) -> bool,
) -> Vec<NameMatch<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    let max = lex.max_name_words().max(1);
    while i < words.len() {
        let mut best: Option<NameMatch<'a>> = None;
        for (cut, first) in first_word_stems(words[i]) {
            if lex.word_bits(&first) & LEX_BITS == 0 {
                continue;
            }
            let mut key = first.clone();
            let mut cands = vec![(1usize, key.clone())];
            for n in 2..=max.min(words.len() - i) {
                key.push(' ');
                key.push_str(words[i + n - 1]);
                cands.push((n, key.clone()));
            }
            for (n, k) in cands.into_iter().rev() {
                if best.as_ref().is_some_and(|b| b.end - b.start >= n) {
                    break;
                }
                let entries = lex.names(&k);
                if !entries.is_empty() && ok(i, i + n) {
                    best = Some(NameMatch {
                        start: i,
                        end: i + n,
                        prefix: cut,
                        key: k,
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
