//! Feature extraction for the sequence tagger.
//!
//! Features are hashed (FNV-1a, then a 64-bit finaliser) from a template id
//! and one or two strings, so extraction allocates nothing per feature and a
//! model stores only 64-bit keys. Templates: the normalised word and its
//! neighbours (±2), the article-stripped stem (±1), prefixes and suffixes
//! (1–4 letters), endings of transliterated foreign names, word shape,
//! bigrams, gazetteer membership of the word and of its clitic-stripped stems
//! (±2), the lexicon-phrase BIO tag (±1), and title / organisation-head
//! trigger words before the token.
//!
//! Word-level work (clitic segmentation, lexicon bits, word classes, and the
//! hashes of a word's own features, word-class features included) is done
//! once per distinct word of a document ([`PrepCache`], [`prepare_cached`]);
//! [`token_features`] then only combines memoised hashes with the context, and keys that depend on
//! no word (gazetteer bits, shapes, lexicon tags) come from a table hashed
//! once. Tests hold the fast paths to the direct definitions
//! (`token_features_reference`, `own_features`), key for key and in order.
//! [`word_features`] and [`context_features_of`] split a token's keys into
//! those of its word alone (whose weights the tagger sums once per word)
//! and the rest.

use rasd_text::clitics::default_analysis;

use crate::fx::FxHashMap;
use crate::lexicon::{gaz, Lexicon};
use crate::matcher::{find_names, stems, NameMatch, Stem};
use crate::tags::Tag;

/// A token prepared for feature extraction.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prep<'a> {
    /// Normalised word.
    pub w: &'a str,
    /// Stem without the article family and long enclitics.
    pub stem: &'a str,
    /// Gazetteer bits of the word as written.
    pub bits: u16,
    /// Gazetteer bits of its clitic-stripped stems.
    pub stem_bits: u16,
    /// Lexicon-phrase tag (`Tag::index`), 0 for none.
    pub lex: u8,
    /// Word shape class.
    pub shape: u8,
    /// Distributional classes (64, 256, 1024) of the word or, failing that,
    /// of a clitic-stripped stem; `u16::MAX` when unknown.
    pub cls: (u16, u16, u16),
    /// Hashes of the word's own features (set by [`prepare`]; a `Prep`
    /// built otherwise has none and yields wrong features).
    h: WordHashes,
}

const SHAPE_AR: u8 = 1;
const SHAPE_LATIN: u8 = 2;
const SHAPE_DIGIT: u8 = 3;
const SHAPE_PUNCT: u8 = 4;
const SHAPE_QUOTE: u8 = 5;
const SHAPE_OTHER: u8 = 6;

fn shape(w: &str) -> u8 {
    let mut chars = w.chars();
    let Some(c) = chars.next() else {
        return SHAPE_OTHER;
    };
    if matches!(c, '"' | '«' | '»' | '“' | '”' | '\'') {
        SHAPE_QUOTE
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        SHAPE_AR
    } else if c.is_ascii_alphabetic() {
        SHAPE_LATIN
    } else if c.is_numeric() {
        SHAPE_DIGIT
    } else if c.is_alphabetic() {
        SHAPE_OTHER
    } else {
        SHAPE_PUNCT
    }
}

/// Word-level preparation (everything but the lexicon-phrase tag) memoised
/// over a document: words recur, and clitic segmentation is the costly part.
#[derive(Debug, Default)]
pub struct PrepCache<'a> {
    words: FxHashMap<&'a str, Prep<'a>>,
}

impl<'a> PrepCache<'a> {
    /// An empty cache.
    pub fn new() -> PrepCache<'a> {
        PrepCache::default()
    }

    /// An empty cache with room for `n` distinct words.
    pub fn with_capacity(n: usize) -> PrepCache<'a> {
        PrepCache {
            words: FxHashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }
}

/// Prepares a sentence of normalised words.
pub fn prepare<'a>(lex: &Lexicon, words: &[&'a str]) -> Vec<Prep<'a>> {
    prepare_cached(lex, words, &mut PrepCache::new())
}

/// [`prepare`] with word-level results memoised in `cache` (the same result
/// as without it).
pub fn prepare_cached<'a>(
    lex: &Lexicon,
    words: &[&'a str],
    cache: &mut PrepCache<'a>,
) -> Vec<Prep<'a>> {
    prepare_with_names(lex, words, cache, &find_names(lex, words, |_, _| true))
}

/// [`prepare_cached`] given the lexicon names of the sentence
/// (`find_names(lex, words, |_, _| true)`), for callers that need them too.
pub fn prepare_with_names<'a>(
    lex: &Lexicon,
    words: &[&'a str],
    cache: &mut PrepCache<'a>,
    names: &[NameMatch],
) -> Vec<Prep<'a>> {
    let mut out: Vec<Prep<'a>> = words
        .iter()
        .map(|&w| *cache.words.entry(w).or_insert_with(|| prepare_word(lex, w)))
        .collect();
    mark_names(&mut out, names);
    out
}

/// Sets the lexicon-phrase tag of the prepared tokens `p` of a sentence
/// from its lexicon names (`find_names` over the same words).
pub fn mark_names(out: &mut [Prep], names: &[NameMatch]) {
    for m in names {
        let kind = m.entries[0].kind;
        out[m.start].lex = Tag::B(kind).index() as u8;
        for p in &mut out[m.start + 1..m.end] {
            p.lex = Tag::I(kind).index() as u8;
        }
    }
}

/// Word-level preparation of one normalised word (`lex` left 0): what
/// [`prepare`] computes for each distinct word.
pub fn prepare_word<'a>(lex: &Lexicon, w: &'a str) -> Prep<'a> {
    let a = default_analysis(w);
    let stem = a.stem(w);
    let bits = lex.word_bits(w);
    let known = lex.clusters(w);
    // segment only when the word itself is unknown to a lexicon or the word classes
    let segmented;
    let cut: &[Stem] = if bits == 0 || known.is_none() {
        segmented = stems(w);
        &segmented.as_slice()[1..]
    } else {
        &[]
    };
    let mut stem_bits = 0;
    if bits == 0 {
        for s in cut {
            stem_bits |= s.with(|k| lex.word_bits(k));
        }
    }
    let cls = known
        .or_else(|| cut.iter().find_map(|s| s.with(|k| lex.clusters(k))))
        .unwrap_or((u16::MAX, u16::MAX, u16::MAX));
    let shape = shape(w);
    Prep {
        cls,
        w,
        stem,
        bits,
        stem_bits,
        lex: 0,
        shape,
        h: WordHashes::new(w, stem, cls),
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// [`fnv`] of the same bytes from several states at once.
#[inline]
fn fnv_many<const N: usize>(mut h: [u64; N], bytes: &[u8]) -> [u64; N] {
    for &b in bytes {
        for x in &mut h {
            *x ^= b as u64;
            *x = x.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

#[inline]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[inline]
fn f1(t: u8, a: &[u8]) -> u64 {
    finish(fnv(fnv(FNV_OFFSET, &[t]), a))
}

#[cfg(test)]
fn f2(t: u8, a: &[u8], b: &[u8]) -> u64 {
    let h = fnv(fnv(FNV_OFFSET, &[t]), a);
    finish(fnv(fnv(h, &[0xff]), b))
}

#[cfg(test)]
fn prefix_chars(s: &str, n: usize) -> Option<&str> {
    let mut it = s.char_indices();
    let end = it.nth(n).map(|(i, _)| i);
    match end {
        Some(e) => Some(&s[..e]),
        None if s.chars().count() > n => Some(s),
        None => None,
    }
}

#[cfg(test)]
fn suffix_chars(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    let (i, _) = s.char_indices().nth(count - n)?;
    Some(&s[i..])
}

/// Character boundaries near both ends of a string: its first and last `n`
/// characters for `n` up to 4, found in one pass from each end.
struct Ends<'s> {
    s: &'s str,
    /// Characters in `s`.
    count: usize,
    /// `head[n]`: byte end of the first `n` characters.
    head: [usize; 5],
    /// `tail[n]`: byte start of the last `n` characters.
    tail: [usize; 5],
}

impl<'s> Ends<'s> {
    fn new(s: &'s str) -> Ends<'s> {
        let b = s.as_bytes();
        if b.len() & 1 == 0 && b.iter().step_by(2).all(|x| (0xD8..=0xDB).contains(x)) {
            // every character is two bytes (Arabic script, U+0600–U+06FF):
            // a valid string whose every other byte leads a two-byte one
            let mut e = Ends {
                s,
                count: b.len() / 2,
                head: [b.len(); 5],
                tail: [0; 5],
            };
            for n in 0..=4.min(e.count) {
                e.head[n] = 2 * n;
                e.tail[n] = b.len() - 2 * n;
            }
            return e;
        }
        let mut e = Ends {
            s,
            count: s.chars().count(),
            head: [s.len(); 5],
            tail: [0; 5],
        };
        e.head[0] = 0;
        e.tail[0] = s.len();
        for (n, (i, _)) in s.char_indices().skip(1).take(4).enumerate() {
            e.head[n + 1] = i;
        }
        for (n, (i, _)) in s.char_indices().rev().take(4).enumerate() {
            e.tail[n + 1] = i;
        }
        e
    }
    /// The first `n` characters (`n` ≤ 4) when there are more than `n`.
    fn prefix(&self, n: usize) -> Option<&'s str> {
        (self.count > n).then(|| &self.s[..self.head[n]])
    }
    /// The last `n` characters (`n` ≤ 4) when there are more than `n`.
    fn suffix(&self, n: usize) -> Option<&'s str> {
        (self.count > n).then(|| &self.s[self.tail[n]..])
    }
}

/// Endings typical of transliterated foreign names.
const FOREIGN_ENDINGS: &[&str] = &[
    "وف", "وفا", "يتش", "فيتش", "سكي", "سكا", "يان", "ين", "يف", "ينكو", "سون", "برغ", "بيرغ",
    "ستين", "تون",
];

/// Most own features of a word: 3 + 4 + 4 affixes, 2 foreign endings (no
/// stem ends in three of them: tested), 1 length-shape; 14 rounded up.
const OWN_MAX: usize = 16;
const _: () = assert!(OWN_MAX >= 14);

/// Hashes of a word's own features, computed once per word in
/// [`prepare_word`] (the same keys [`token_features`] would compute).
#[derive(Debug, Clone, Copy, Default)]
struct WordHashes {
    /// Template `t` over the word (`t` = 1..=5, index `t - 1`) and over the
    /// stem (`t` = 6..=8).
    uni: [u64; 8],
    /// Unfinished bigram hashes with this word on the left: templates 9 and
    /// 10 over the word, 11 over the stem.
    left: [u64; 3],
    /// Word-class features of the word as the current token (templates
    /// 150, 130, 131), as the left neighbour (151, 132, 133) and as the
    /// right neighbour (152, 134, 135).
    cls: [[u64; 3]; 3],
    /// Unfinished class-bigram hashes with this word on the left: template
    /// 136 (as the left neighbour) and 137 (as the current token).
    cls_left: [u64; 2],
}

#[inline]
fn left_state(t: u8, a: &[u8]) -> u64 {
    fnv(fnv(fnv(FNV_OFFSET, &[t]), a), &[0xff])
}

/// Word-class hashes of a word with classes `(a, b, c)`: see
/// [`WordHashes::cls`] and [`WordHashes::cls_left`].
fn cls_hashes((a, b, c): (u16, u16, u16)) -> ([[u64; 3]; 3], [u64; 2]) {
    let (a, b, c) = (a.to_le_bytes(), b.to_le_bytes(), c.to_le_bytes());
    (
        [
            [f1(150, &c), f1(130, &a), f1(131, &b)],
            [f1(151, &c), f1(132, &a), f1(133, &b)],
            [f1(152, &c), f1(134, &a), f1(135, &b)],
        ],
        [left_state(136, &b), left_state(137, &b)],
    )
}

impl WordHashes {
    fn new(w: &str, stem: &str, cls: (u16, u16, u16)) -> WordHashes {
        let (wb, sb) = (w.as_bytes(), stem.as_bytes());
        let mut h = WordHashes::default();
        // the templates over the same bytes hashed side by side (the FNV
        // chains are independent, so the multiplications overlap)
        let seed = |t: u8| fnv(FNV_OFFSET, &[t]);
        let w7 = fnv_many(
            [
                seed(1),
                seed(2),
                seed(3),
                seed(4),
                seed(5),
                seed(9),
                seed(10),
            ],
            wb,
        );
        let s4 = fnv_many([seed(6), seed(7), seed(8), seed(11)], sb);
        for (u, &x) in h.uni.iter_mut().zip(w7[..5].iter().chain(&s4[..3])) {
            *u = finish(x);
        }
        h.left = [
            fnv(w7[5], &[0xff]),
            fnv(w7[6], &[0xff]),
            fnv(s4[3], &[0xff]),
        ];
        (h.cls, h.cls_left) = cls_hashes(cls);
        h
    }
}

/// Affix, foreign-ending and length-shape features of one word, written to
/// `out`; returns how many. The same keys in the same order as
/// [`own_features`].
fn own_features_into(w: &str, stem: &str, shape: u8, out: &mut [u64; OWN_MAX]) -> usize {
    let mut n = 0;
    let mut push = |x: u64| {
        if n < out.len() {
            out[n] = x;
            n += 1;
        }
    };
    let we = Ends::new(w);
    let se = Ends::new(stem);
    for k in 1..=3 {
        if let Some(s) = we.prefix(k) {
            push(f1(12 + k as u8, s.as_bytes()));
        }
    }
    for k in 1..=4 {
        if let Some(s) = we.suffix(k) {
            push(f1(16 + k as u8, s.as_bytes()));
        }
    }
    for k in 2..=3 {
        if let Some(s) = se.prefix(k) {
            push(f1(21 + k as u8, s.as_bytes()));
        }
        if let Some(s) = se.suffix(k) {
            push(f1(24 + k as u8, s.as_bytes()));
        }
    }
    for e in FOREIGN_ENDINGS {
        // every ending is Arabic letters of two bytes
        if stem.ends_with(e) && se.count >= e.len() / 2 + 2 {
            push(f1(28, e.as_bytes()));
        }
    }
    let len = we.count.min(8) as u8;
    push(f1(29, &[shape, len]));
    n
}

/// Affix, foreign-ending and length-shape features of one word (the
/// definition [`own_features_into`] is tested against).
#[cfg(test)]
fn own_features(w: &str, stem: &str, shape: u8, out: &mut Vec<u64>) {
    for n in 1..=3 {
        if let Some(s) = prefix_chars(w, n) {
            out.push(f1(12 + n as u8, s.as_bytes()));
        }
    }
    for n in 1..=4 {
        if let Some(s) = suffix_chars(w, n) {
            out.push(f1(16 + n as u8, s.as_bytes()));
        }
    }
    for n in 2..=3 {
        if let Some(s) = prefix_chars(stem, n) {
            out.push(f1(21 + n as u8, s.as_bytes()));
        }
        if let Some(s) = suffix_chars(stem, n) {
            out.push(f1(24 + n as u8, s.as_bytes()));
        }
    }
    for e in FOREIGN_ENDINGS {
        if stem.ends_with(e) && stem.chars().count() >= e.chars().count() + 2 {
            out.push(f1(28, e.as_bytes()));
        }
    }
    let len = w.chars().count().min(8) as u8;
    out.push(f1(29, &[shape, len]));
}

/// Hashes a feature from a template id and a value (for features computed
/// outside this module, e.g. document context).
pub fn hash_feature(template: u8, value: &[u8]) -> u64 {
    f1(template, value)
}

/// Number of identity features following the bias in each token's vector.
pub const IDENTITY_FEATURES: usize = 5;

/// The key of the always-on bias feature.
pub fn bias_feature() -> u64 {
    f1(0, b"")
}

/// Keys that do not depend on any word, hashed once.
struct Consts {
    bias: u64,
    first: u64,
    /// Gazetteer bit `b` of the word at offset `d` (templates 40 + 16·(d+2) + b).
    bits: [[u64; 10]; 5],
    /// Stem gazetteer bit `b` at offset `d` = -1, 0, 1.
    stem_bits: [[u64; 10]; 3],
    /// Lexicon-phrase tag `l` < 16 at offset `d` = -1, 0, 1 (templates 120..=122).
    lex: [[u64; 16]; 3],
    /// Shapes (< 7) of the previous, current and next token (template 30).
    shapes: [[[u64; 7]; 7]; 7],
    /// Word-class features of a missing neighbour (the sentence boundary):
    /// left (151, 132, 133) and right (152, 134, 135).
    cls_edge: [[u64; 3]; 2],
    /// Template 136 with the left boundary's classes, unfinished.
    cls_left_edge: u64,
    /// The boundary's 256-class bytes (right side of template 137).
    edge_b: [u8; 2],
}

fn consts() -> &'static Consts {
    static C: std::sync::OnceLock<Consts> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let mut c = Consts {
            bias: f1(0, b""),
            first: f1(127, b""),
            bits: [[0; 10]; 5],
            stem_bits: [[0; 10]; 3],
            lex: [[0; 16]; 3],
            shapes: [[[0; 7]; 7]; 7],
            cls_edge: [[0; 3]; 2],
            cls_left_edge: 0,
            edge_b: (u16::MAX - 1).to_le_bytes(),
        };
        for (k, t) in [40u8, 56, 72, 88, 104].into_iter().enumerate() {
            for b in 0..10u8 {
                c.bits[k][b as usize] = f1(t + b, b"");
                if (1..=3).contains(&k) {
                    c.stem_bits[k - 1][b as usize] = f1(t + 10 + b.min(5), &[b]);
                }
            }
        }
        for (k, t) in [120u8, 121, 122].into_iter().enumerate() {
            for l in 0..16u8 {
                c.lex[k][l as usize] = f1(t, &[l]);
            }
        }
        for a in 0..7u8 {
            for b in 0..7u8 {
                for d in 0..7u8 {
                    c.shapes[a as usize][b as usize][d as usize] = f1(30, &[a, b, d]);
                }
            }
        }
        let edge = u16::MAX - 1;
        let (h, l) = cls_hashes((edge, edge, edge));
        c.cls_edge = [h[1], h[2]];
        c.cls_left_edge = l[0];
        c
    })
}

/// Appends the hashed features of token `i` to `out`.
pub fn token_features(p: &[Prep], i: usize, out: &mut Vec<u64>) {
    emit::<true, true, true>(p, i, out);
}

/// Appends the features of token `i` that depend on its word alone (its
/// [`Prep`] fields other than `lex`): the same for every occurrence of the
/// word, so their weights can be summed once per word. With
/// [`context_features_of`] they are [`token_features`], in another order.
pub fn word_features(p: &[Prep], i: usize, out: &mut Vec<u64>) {
    emit::<true, false, false>(p, i, out);
}

/// Appends the features of token `i` that [`word_features`] leaves out: those
/// of its neighbours, its position and its lexicon-phrase tag.
pub fn context_features_of(p: &[Prep], i: usize, out: &mut Vec<u64>) {
    emit::<false, true, true>(p, i, out);
}

/// Appends the features of token `i` that neither [`word_features`] nor
/// [`neighbour_features`] give: those that join the token with a neighbour
/// (word and class bigrams, shapes), its position and its lexicon-phrase
/// tags. The three make [`token_features`].
pub fn joint_features_of(p: &[Prep], i: usize, out: &mut Vec<u64>) {
    emit::<false, true, false>(p, i, out);
}

/// A neighbour's offset from the token, as an index: `-2, -1, 1, 2` are
/// `0, 1, 2, 3`.
pub const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

/// Appends the features a token takes from the word `q` at offset
/// `NEIGHBOURS[role]` (its identity, word classes and gazetteer bits), or
/// from the sentence boundary when `q` is `None`: they depend on that word
/// alone, so their weights can be summed once per word and role.
pub fn neighbour_features(q: Option<&Prep>, role: usize, out: &mut Vec<u64>) {
    let k = consts();
    let (d, before) = match role {
        0 => (-2isize, true),
        1 => (-1, true),
        2 => (1, false),
        _ => (2, false),
    };
    let edge: &[u8] = if before { b"<s>" } else { b"</s>" };
    // identity templates as in `emit`: (-1: 2, 7), (1: 3, 8), (-2: 4), (2: 5)
    let templates: &[u8] = match d {
        -2 => &[4],
        -1 => &[2, 7],
        1 => &[3, 8],
        _ => &[5],
    };
    for &t in templates {
        out.push(q.map_or_else(|| f1(t, edge), |q| q.h.uni[t as usize - 1]));
    }
    let di = (d + 2) as usize;
    if let Some(q) = q {
        for b in 0..10 {
            if q.bits & (1 << b) != 0 {
                out.push(k.bits[di][b]);
            }
            if (1..=3).contains(&di) && q.stem_bits & (1 << b) != 0 {
                out.push(k.stem_bits[di - 1][b]);
            }
        }
    }
    // word classes of the left and right neighbours
    if d == -1 {
        out.extend_from_slice(&q.map_or(k.cls_edge[0], |q| q.h.cls[1]));
    } else if d == 1 {
        out.extend_from_slice(&q.map_or(k.cls_edge[1], |q| q.h.cls[2]));
    }
}

/// The keys of [`token_features`], those of the word alone (`WORD`), of the
/// context (`CTX`) or both, in the order of [`token_features`]; the context
/// keys that depend on one neighbour alone only with `NEIGH`.
#[inline(always)]
fn emit<const WORD: bool, const CTX: bool, const NEIGH: bool>(
    p: &[Prep],
    i: usize,
    out: &mut Vec<u64>,
) {
    let k = consts();
    let cur = &p[i];
    let get = |d: isize| -> Option<&Prep> {
        let j = i as isize + d;
        (j >= 0 && (j as usize) < p.len()).then(|| &p[j as usize])
    };
    const BOS: &[u8] = b"<s>";
    const EOS: &[u8] = b"</s>";
    let word = |d: isize| {
        get(d)
            .map(|q| q.w.as_bytes())
            .unwrap_or(if d < 0 { BOS } else { EOS })
    };
    let stem = |d: isize| {
        get(d)
            .map(|q| q.stem.as_bytes())
            .unwrap_or(if d < 0 { BOS } else { EOS })
    };
    if WORD {
        out.push(k.bias);
    }
    // positions 1..=IDENTITY_FEATURES: the token's own identity (dropped at
    // random in training so the model also learns to tag unseen words)
    // template `t` over the word (t < 6) or stem at offset d, from the
    // neighbour's memoised hashes or the sentence boundary
    let uni = |d: isize, t: u8| {
        get(d).map_or_else(
            || f1(t, if t < 6 { word(d) } else { stem(d) }),
            |q| q.h.uni[t as usize - 1],
        )
    };
    let left = |d: isize, k: usize, t: u8| {
        get(d).map_or_else(
            || left_state(t, if k < 2 { word(d) } else { stem(d) }),
            |q| q.h.left[k],
        )
    };
    if WORD {
        out.push(cur.h.uni[0]);
        out.push(cur.h.uni[5]);
    }
    if CTX {
        out.push(finish(fnv(left(-1, 0, 9), word(0))));
        out.push(finish(fnv(cur.h.left[1], word(1))));
        out.push(finish(fnv(left(-1, 2, 11), stem(0))));
    }
    if NEIGH {
        out.push(uni(-1, 2));
        out.push(uni(1, 3));
        out.push(uni(-2, 4));
        out.push(uni(2, 5));
        out.push(uni(-1, 7));
        out.push(uni(1, 8));
    }
    let h = &cur.h;
    if WORD {
        // affixes, endings, length and shape: hashed here rather than kept
        // with the word, as they are read once per word
        let mut own = [0u64; OWN_MAX];
        let n = own_features_into(cur.w, cur.stem, cur.shape, &mut own);
        out.extend_from_slice(&own[..n]);
    }
    let prev = get(-1);
    let next = get(1);
    let (sp, sc, sn) = (
        prev.map(|q| q.shape).unwrap_or(0),
        cur.shape,
        next.map(|q| q.shape).unwrap_or(0),
    );
    if CTX {
        out.push(if sp < 7 && sc < 7 && sn < 7 {
            k.shapes[sp as usize][sc as usize][sn as usize]
        } else {
            f1(30, &[sp, sc, sn])
        });
    }
    if WORD && cur.stem.len() != cur.w.len() {
        // the proclitic (template 31)
        let wb = cur.w.as_bytes();
        out.push(f1(31, &wb[..wb.len() - cur.stem.len()]));
    }
    for (di, d) in [-2isize, -1, 0, 1, 2].into_iter().enumerate() {
        // the word's own gazetteer bits (`d == 0`) or its neighbours'
        if if d == 0 { !WORD } else { !NEIGH } {
            continue;
        }
        if let Some(q) = get(d) {
            if q.bits == 0 && q.stem_bits == 0 {
                continue;
            }
            for b in 0..10 {
                if q.bits & (1 << b) != 0 {
                    out.push(k.bits[di][b]);
                }
                if (1..=3).contains(&di) && q.stem_bits & (1 << b) != 0 {
                    out.push(k.stem_bits[di - 1][b]);
                }
            }
        }
    }
    if !CTX {
        let [c0, a0, b0] = h.cls[0];
        out.extend_from_slice(&[c0, a0, b0]);
        return;
    }
    for (di, q) in [prev, Some(cur), next].into_iter().enumerate() {
        let l = q.map(|q| q.lex).unwrap_or(0);
        if l != 0 || di == 1 {
            out.push(if l < 16 {
                k.lex[di][l as usize]
            } else {
                f1(120 + di as u8, &[l])
            });
        }
    }
    // combined: lexicon tag with gazetteer bits of the word
    out.push(f1(
        123,
        &[cur.lex, (cur.bits & 0xff) as u8, (cur.bits >> 8) as u8],
    ));
    // title or head word one or two tokens back, with this token's shape
    for (d, t) in [(-1isize, 124u8), (-2, 125)] {
        if let Some(q) = get(d) {
            let trig = q.bits & (gaz::TITLE | gaz::ORG_HEAD | gaz::LOC_HEAD | gaz::NAT);
            if trig != 0 {
                out.push(f1(t, &[(trig >> 6) as u8, cur.shape]));
            }
        }
    }
    // quotation mark before or after (names in quotation marks)
    let qb = prev.is_some_and(|q| q.shape == SHAPE_QUOTE);
    let qa = next.is_some_and(|q| q.shape == SHAPE_QUOTE);
    if qb || qa {
        out.push(f1(126, &[qb as u8, qa as u8]));
    }
    if i == 0 {
        out.push(k.first);
    }
    // distributional classes of the word and its neighbours
    let [c0, a0, b0] = h.cls[0];
    let [cm, am, bm] = prev.map_or(k.cls_edge[0], |q| q.h.cls[1]);
    let [cp, ap, bp] = next.map_or(k.cls_edge[1], |q| q.h.cls[2]);
    if WORD {
        out.extend_from_slice(&[c0, cm, cp, a0, b0, am, bm, ap, bp]);
    } else if NEIGH {
        out.extend_from_slice(&[cm, cp, am, bm, ap, bp]);
    }
    let b0_bytes = cur.cls.1.to_le_bytes();
    let bp_bytes = next.map_or(k.edge_b, |q| q.cls.1.to_le_bytes());
    let l136 = prev.map_or(k.cls_left_edge, |q| q.h.cls_left[0]);
    out.push(finish(fnv(l136, &b0_bytes)));
    out.push(finish(fnv(h.cls_left[1], &bp_bytes)));
    let _ = (SHAPE_AR, SHAPE_LATIN, SHAPE_DIGIT, SHAPE_PUNCT, SHAPE_OTHER);
}

/// Features of every token of a prepared sentence.
pub fn sentence_features(p: &[Prep]) -> Vec<Vec<u64>> {
    (0..p.len())
        .map(|i| {
            let mut v = Vec::with_capacity(64);
            token_features(p, i, &mut v);
            v
        })
        .collect()
}

/// The direct definition of [`token_features`] (every key hashed from the
/// prepared fields, nothing memoised), which the fast path is tested against.
#[cfg(test)]
fn token_features_reference(p: &[Prep], i: usize, out: &mut Vec<u64>) {
    let cur = &p[i];
    let get = |d: isize| -> Option<&Prep> {
        let j = i as isize + d;
        (j >= 0 && (j as usize) < p.len()).then(|| &p[j as usize])
    };
    const BOS: &[u8] = b"<s>";
    const EOS: &[u8] = b"</s>";
    let word = |d: isize| {
        get(d)
            .map(|q| q.w.as_bytes())
            .unwrap_or(if d < 0 { BOS } else { EOS })
    };
    let stem = |d: isize| {
        get(d)
            .map(|q| q.stem.as_bytes())
            .unwrap_or(if d < 0 { BOS } else { EOS })
    };
    out.push(f1(0, b""));
    // positions 1..=IDENTITY_FEATURES: the token's own identity (dropped at
    // random in training so the model also learns to tag unseen words)
    // template `t` over the word (t < 6) or stem at offset d, from the
    // neighbour's memoised hashes or the sentence boundary
    let uni = |d: isize, t: u8| {
        get(d).map_or_else(
            || f1(t, if t < 6 { word(d) } else { stem(d) }),
            |q| q.h.uni[t as usize - 1],
        )
    };
    let left = |d: isize, k: usize, t: u8| {
        get(d).map_or_else(
            || left_state(t, if k < 2 { word(d) } else { stem(d) }),
            |q| q.h.left[k],
        )
    };
    let _ = (uni, left);
    out.push(f1(1, word(0)));
    out.push(f1(6, stem(0)));
    out.push(f2(9, word(-1), word(0)));
    out.push(f2(10, word(0), word(1)));
    out.push(f2(11, stem(-1), stem(0)));
    out.push(f1(2, word(-1)));
    out.push(f1(3, word(1)));
    out.push(f1(4, word(-2)));
    out.push(f1(5, word(2)));
    out.push(f1(7, stem(-1)));
    out.push(f1(8, stem(1)));
    own_features(cur.w, cur.stem, cur.shape, out);
    out.push(f1(
        30,
        &[
            get(-1).map(|q| q.shape).unwrap_or(0),
            cur.shape,
            get(1).map(|q| q.shape).unwrap_or(0),
        ],
    ));
    if cur.stem.len() != cur.w.len() {
        out.push(f1(31, &cur.w.as_bytes()[..cur.w.len() - cur.stem.len()]));
    }
    for (d, t) in [(-2isize, 40u8), (-1, 56), (0, 72), (1, 88), (2, 104)] {
        if let Some(q) = get(d) {
            for b in 0..10u8 {
                if q.bits & (1 << b) != 0 {
                    out.push(f1(t + b, b""));
                }
                if d.abs() <= 1 && q.stem_bits & (1 << b) != 0 {
                    out.push(f1(t + 10 + b.min(5), &[b]));
                }
            }
        }
    }
    for (d, t) in [(-1isize, 120u8), (0, 121), (1, 122)] {
        let l = get(d).map(|q| q.lex).unwrap_or(0);
        if l != 0 || d == 0 {
            out.push(f1(t, &[l]));
        }
    }
    // combined: lexicon tag with gazetteer bits of the word
    out.push(f1(
        123,
        &[cur.lex, (cur.bits & 0xff) as u8, (cur.bits >> 8) as u8],
    ));
    // title or head word one or two tokens back, with this token's shape
    for (d, t) in [(-1isize, 124u8), (-2, 125)] {
        if let Some(q) = get(d) {
            let trig = q.bits & (gaz::TITLE | gaz::ORG_HEAD | gaz::LOC_HEAD | gaz::NAT);
            if trig != 0 {
                out.push(f1(t, &[(trig >> 6) as u8, cur.shape]));
            }
        }
    }
    // quotation mark before or after (names in quotation marks)
    let qb = get(-1).is_some_and(|q| q.shape == SHAPE_QUOTE);
    let qa = get(1).is_some_and(|q| q.shape == SHAPE_QUOTE);
    if qb || qa {
        out.push(f1(126, &[qb as u8, qa as u8]));
    }
    if i == 0 {
        out.push(f1(127, b""));
    }
    // distributional classes of the word and its neighbours
    let cls = |d: isize| {
        get(d)
            .map(|q| q.cls)
            .unwrap_or((u16::MAX - 1, u16::MAX - 1, u16::MAX - 1))
    };
    let (a0, b0, c0) = cls(0);
    let (am, bm, cm) = cls(-1);
    let (ap, bp, cp) = cls(1);
    out.push(f1(150, &c0.to_le_bytes()));
    out.push(f1(151, &cm.to_le_bytes()));
    out.push(f1(152, &cp.to_le_bytes()));
    out.push(f1(130, &a0.to_le_bytes()));
    out.push(f1(131, &b0.to_le_bytes()));
    out.push(f1(132, &am.to_le_bytes()));
    out.push(f1(133, &bm.to_le_bytes()));
    out.push(f1(134, &ap.to_le_bytes()));
    out.push(f1(135, &bp.to_le_bytes()));
    out.push(f2(136, &bm.to_le_bytes(), &b0.to_le_bytes()));
    out.push(f2(137, &b0.to_le_bytes(), &bp.to_le_bytes()));
    let _ = (SHAPE_AR, SHAPE_LATIN, SHAPE_DIGIT, SHAPE_PUNCT, SHAPE_OTHER);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_deterministic_and_context_sensitive() {
        let lx = Lexicon::bundled();
        let words = ["قال", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو"];
        let p = prepare(&lx, &words);
        assert_eq!(p[5].lex, Tag::B(rasd_doc::EntityType::Loc).index() as u8);
        assert_eq!(p[2].lex, Tag::B(rasd_doc::EntityType::Per).index() as u8);
        let a = sentence_features(&p);
        let b = sentence_features(&p);
        assert_eq!(a, b);
        assert_ne!(a[2], a[3]);
        assert!(a[3].len() > 20);
        assert_eq!(suffix_chars("ويتكوف", 2), Some("وف"));
        assert_eq!(prefix_chars("ويتكوف", 2), Some("وي"));
        assert_eq!(prefix_chars("وي", 2), None);
    }

    fn assert_fast_equals_reference(lx: &Lexicon, words: &[&str]) {
        let p = prepare(lx, words);
        for i in 0..p.len() {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            token_features(&p, i, &mut fast);
            token_features_reference(&p, i, &mut slow);
            assert_eq!(fast, slow, "token {i} of {words:?}");
            // the word's part and the context's part make the whole
            let (mut word, mut ctx) = (Vec::new(), Vec::new());
            word_features(&p, i, &mut word);
            context_features_of(&p, i, &mut ctx);
            let mut parts: Vec<u64> = word.iter().chain(&ctx).copied().collect();
            parts.sort_unstable();
            slow.sort_unstable();
            assert_eq!(parts, slow, "token {i} of {words:?}");
            // the context's part is the neighbours' parts and the joint one
            let mut split = Vec::new();
            joint_features_of(&p, i, &mut split);
            for (role, d) in NEIGHBOURS.into_iter().enumerate() {
                let j = i as isize + d;
                let q = (j >= 0 && (j as usize) < p.len()).then(|| Prep {
                    lex: 0,
                    ..p[j as usize]
                });
                neighbour_features(q.as_ref(), role, &mut split);
            }
            split.sort_unstable();
            ctx.sort_unstable();
            assert_eq!(split, ctx, "token {i} of {words:?}");
            // and the word's part depends on the word alone
            let alone = [Prep { lex: 0, ..p[i] }];
            let mut own = Vec::new();
            word_features(&alone, 0, &mut own);
            assert_eq!(own, word, "token {i} of {words:?}");
        }
    }

    #[test]
    fn fast_features_equal_the_definition() {
        let lx = Lexicon::bundled();
        for s in [
            "قال الرئيس الروسي فلاديمير بوتين إن « وفدا » سيزور موسكو .",
            "وأكد مستشار الأمن القومي لويتكوف أن الهيئة العامة للسياحة والتراث الوطني",
            "Trump و 2024 ، بين اوكرانيا وروسيا والولايات المتحدة قال للكرملين \" x",
            "ا",
            "",
        ] {
            let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
            assert_fast_equals_reference(&lx, &words);
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_features_equal_the_definition_on_any_words(
            ws in proptest::collection::vec("([\u{0621}-\u{064A}]{1,7}|[a-z0-9]{1,3}|[«»\"،.])", 1..8)
        ) {
            let lx = lexicon_for_tests();
            let words: Vec<&str> = ws.iter().map(String::as_str).collect();
            assert_fast_equals_reference(lx, &words);
            for w in &words {
                let stem = default_analysis(w).stem(w);
                let mut own = Vec::new();
                own_features(w, stem, shape(w), &mut own);
                let mut fast = [0u64; OWN_MAX];
                let n = own_features_into(w, stem, shape(w), &mut fast);
                proptest::prop_assert_eq!(&fast[..n], &own[..]);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn ends_agree_with_char_counting(w in "([\u{0600}-\u{06FF}]|[a-z]|é|😀){0,7}") {
            let e = Ends::new(&w);
            proptest::prop_assert_eq!(e.count, w.chars().count());
            for n in 1..=4 {
                proptest::prop_assert_eq!(e.prefix(n), prefix_chars(&w, n));
                proptest::prop_assert_eq!(e.suffix(n), suffix_chars(&w, n));
            }
        }
    }

    #[test]
    fn at_most_two_foreign_endings_match_a_stem() {
        // endings matching one stem are suffixes of one another
        for e in FOREIGN_ENDINGS {
            let within = FOREIGN_ENDINGS.iter().filter(|x| e.ends_with(**x)).count();
            assert!(within <= 2, "{e}");
        }
        for a in FOREIGN_ENDINGS {
            for b in FOREIGN_ENDINGS {
                let w = if a.len() >= b.len() { a } else { b };
                let both = format!("xx{w}");
                if both.ends_with(a) && both.ends_with(b) {
                    assert!(a.ends_with(b) || b.ends_with(a));
                }
            }
        }
    }

    fn lexicon_for_tests() -> &'static Lexicon {
        crate::ner::lexicon()
    }

    #[test]
    fn memoised_hashes_equal_direct_ones() {
        let lx = Lexicon::bundled();
        let words = ["وقال", "الرئيس", "ويتكوف", "الرئيس", "«", "x"];
        let mut cache = PrepCache::new();
        let p = prepare_cached(&lx, &words, &mut cache);
        let q = prepare(&lx, &words);
        assert_eq!(sentence_features(&p), sentence_features(&q));
        let f = sentence_features(&p);
        for i in 0..words.len() {
            let w = |d: isize| {
                let j = i as isize + d;
                if j < 0 {
                    "<s>"
                } else {
                    words.get(j as usize).copied().unwrap_or("</s>")
                }
            };
            let st = |d: isize| {
                let j = i as isize + d;
                if j < 0 {
                    "<s>"
                } else {
                    p.get(j as usize).map_or("</s>", |x| x.stem)
                }
            };
            let (w0, s0) = (w(0).as_bytes(), st(0).as_bytes());
            let expect = [
                f1(0, b""),
                f1(1, w0),
                f1(6, s0),
                f2(9, w(-1).as_bytes(), w0),
                f2(10, w0, w(1).as_bytes()),
                f2(11, st(-1).as_bytes(), s0),
                f1(2, w(-1).as_bytes()),
                f1(3, w(1).as_bytes()),
                f1(4, w(-2).as_bytes()),
                f1(5, w(2).as_bytes()),
                f1(7, st(-1).as_bytes()),
                f1(8, st(1).as_bytes()),
            ];
            assert_eq!(f[i][..expect.len()], expect, "token {i}");
            let mut own = Vec::new();
            own_features(words[i], p[i].stem, p[i].shape, &mut own);
            assert_eq!(f[i][expect.len()..expect.len() + own.len()], own[..]);
        }
        // the same word prepared twice (once from the cache) is the same
        assert_eq!(f[1][1], f[3][1]);
        assert_eq!(p[1].stem, "رئيس");
    }
}
