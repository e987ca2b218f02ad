//! Per-document lexical analysis of tokens, computed once and shared by
//! trigger detection and argument coding.
//!
//! Each lexicon used to be consulted separately, and each lookup ran the
//! clitic analysis of its word again (`rasd_text::clitics::candidates`):
//! a token was analysed by the trigger matcher, the context lexicon, the
//! agent lexicon (once per phrase tried) and the event-verb test. Here
//! [`StemIndex`] merges every lexicon into one map from a stem to what all
//! of them say about it, and [`TokenTable`] analyses each token of a
//! document once, with one map lookup per clitic analysis. The results are
//! those of the lexicons' own lookups (`TriggerLexicon::lookup`,
//! `ContextLexicon::lookup`, `AgentLexicon::lookup` and `lookup_phrase`),
//! which stay the reference definitions; the tests hold the two together.
use std::cell::OnceCell;
use std::hash::BuildHasher;

use rasd_doc::Doc;
// the clitic inventories are rasd-text's own (the tests compare
// `clitic_analyses` with `candidates` on every combination)
use rasd_text::clitics::{Analysis, ENCLITICS, PROCLITICS};
use rustc_hash::FxHashMap;

use crate::lexicon::{
    Agent, AgentLexicon, ContextKind, ContextLexicon, Pos, TriggerLexicon, AGENT_ENDINGS,
    CONSTRUCT_ENDINGS,
};

/// What the lexicons say about one stem.
#[derive(Debug, Clone, Default)]
pub(crate) struct StemInfo {
    /// Trigger entries headed by this surface form (`TriggerLexicon::lookup`).
    pub triggers: Vec<u32>,
    /// Whether one of `triggers` is a verb.
    pub has_verb: bool,
    /// Context-word kind.
    pub ctx: Option<ContextKind>,
    /// Single-word nominal agent.
    pub agent: Option<Agent>,
    /// Whether the agent lexicon blocks this stem (kind `none`).
    pub blocked: bool,
    /// Bits of the word lists of the coder (`code::Class`) the word is in.
    pub class: u8,
    /// Multiword agents starting with this word: the following words and
    /// the agent, longest phrase first (as `AgentLexicon` orders them).
    pub phrases: Vec<(Vec<String>, Agent)>,
}

/// Every lexicon's facts by stem: one hash lookup per clitic analysis.
#[derive(Debug, Clone, Default)]
pub(crate) struct StemIndex {
    /// Stem → position in `infos` (a small table: fewer cache misses).
    map: FxHashMap<Box<str>, u32>,
    infos: Vec<StemInfo>,
    /// A Bloom filter of the keys (two bits each in 2^16, 8 KiB): most
    /// stems are in no lexicon, and the filter, small enough to stay in
    /// the first-level cache, turns them away without probing the map.
    filter: Vec<u64>,
}

/// The two filter bits of a key's hash.
fn filter_bits(h: u64) -> [usize; 2] {
    [(h >> 48) as usize, ((h >> 32) & 0xffff) as usize]
}

impl StemIndex {
    /// Merges the trigger, context and agent lexicons, and the coder's word
    /// lists (`classes`: word and bit).
    pub fn new(
        lex: &TriggerLexicon,
        context: &ContextLexicon,
        agents: &AgentLexicon,
        classes: &[(&str, u8)],
    ) -> Self {
        let mut map: FxHashMap<Box<str>, StemInfo> = FxHashMap::default();
        for (form, ids) in lex.forms() {
            let info = map.entry(form.into()).or_default();
            info.triggers = ids.to_vec();
            info.has_verb = ids.iter().any(|&e| lex.entry(e).pos == Pos::Verb);
        }
        for (w, k) in context.words() {
            map.entry(w.into()).or_default().ctx = Some(k);
        }
        let (stems, blocked, phrases) = agents.parts();
        for (w, a) in stems {
            map.entry(w.as_str().into()).or_default().agent = Some(a.clone());
        }
        for w in blocked {
            map.entry(w.as_str().into()).or_default().blocked = true;
        }
        for (w, p) in phrases {
            map.entry(w.as_str().into()).or_default().phrases = p.clone();
        }
        for &(w, bit) in classes {
            map.entry(w.into()).or_default().class |= bit;
        }
        let mut keys: Vec<(Box<str>, StemInfo)> = map.into_iter().collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        let mut index = StemIndex {
            filter: vec![0; (1 << 16) / 64],
            ..StemIndex::default()
        };
        for (k, info) in keys {
            for b in filter_bits(index.map.hasher().hash_one(&*k)) {
                index.filter[b / 64] |= 1 << (b % 64);
            }
            index.map.insert(k, index.infos.len() as u32);
            index.infos.push(info);
        }
        index
    }

    /// The facts about `stem`, if any lexicon knows it.
    pub fn get(&self, stem: &str) -> Option<&StemInfo> {
        let h = self.map.hasher().hash_one(stem);
        let maybe = filter_bits(h)
            .iter()
            .all(|&b| self.filter[b / 64] & (1 << (b % 64)) != 0);
        if !maybe {
            return None;
        }
        self.map.get(stem).map(|&k| &self.infos[k as usize])
    }
}

/// The slot of an Arabic letter (UTF-8 lead byte D8 or D9, continuation
/// byte `y`) in [`Clitics`]' tables.
fn letter(x: u8, y: u8) -> usize {
    (usize::from(x & 1) << 6) | usize::from(y & 0x3F)
}

/// [`PROCLITICS`] by first letter and [`ENCLITICS`] by last letter (list
/// order kept): a word is compared only with the clitics it can carry.
struct Clitics {
    /// Proclitics by the slot of their first letter.
    heads: Vec<Vec<&'static [u8]>>,
    /// Enclitics by the slot of their last letter.
    tails: Vec<Vec<&'static [u8]>>,
}

impl Clitics {
    /// The tables (built once).
    fn get() -> &'static Clitics {
        /// The tables.
        static C: std::sync::OnceLock<Clitics> = std::sync::OnceLock::new();
        C.get_or_init(|| {
            let mut c = Clitics {
                heads: vec![Vec::new(); 128],
                tails: vec![Vec::new(); 128],
            };
            for p in PROCLITICS {
                let b = p.as_bytes();
                c.heads[letter(b[0], b[1])].push(b);
            }
            for e in ENCLITICS {
                let b = e.as_bytes();
                c.tails[letter(b[b.len() - 2], b[b.len() - 1])].push(b);
            }
            c
        })
    }
}

/// Whether `b` begins with `p` (a byte loop: these are a few bytes, and a
/// call to `memcmp` costs more than the comparison).
fn starts(b: &[u8], p: &[u8]) -> bool {
    b.len() >= p.len() && b.iter().zip(p).all(|(x, y)| x == y)
}

/// Whether `b` ends with `e`.
fn ends(b: &[u8], e: &[u8]) -> bool {
    b.len() >= e.len() && b[b.len() - e.len()..].iter().zip(e).all(|(x, y)| x == y)
}

/// Appends to `out` the analyses `rasd_text::clitics::candidates(word)`
/// returns, in its order, without allocating: the same rules (a stem of at
/// least two letters; future س only before an imperfect prefix; identity
/// first, then by stripped bytes and enclitic length).
fn clitic_analyses(clitics: &Clitics, word: &str, out: &mut Vec<Analysis>) {
    let start = out.len();
    out.push(Analysis {
        prefix_len: 0,
        suffix_len: 0,
    });
    let b = word.as_bytes();
    // only words of Arabic letters (two UTF-8 bytes each: D8 A0–BF, D9 80–8A,
    // D9 B1) have clitics; in valid UTF-8 a D8/D9 lead byte is followed by
    // its continuation byte, so a pair is one of those letters exactly when
    // it falls in D8A0..=D98A or is D9B1
    let arabic = !b.is_empty()
        && b.len().is_multiple_of(2)
        && b.chunks_exact(2).all(|p| {
            let u = u16::from_be_bytes([p[0], p[1]]);
            (0xD8A0..=0xD98A).contains(&u) || u == 0xD9B1
        });
    if !arabic {
        return;
    }
    let mut prefixes = [0usize; 1 + PROCLITICS.len()];
    let mut np = 1;
    for &p in &clitics.heads[letter(b[0], b[1])] {
        // a stem of at least two letters after the proclitic
        if starts(b, p) && b.len() - p.len() >= 4 {
            let rest = &b[p.len()..];
            // future س only before an imperfect prefix (ي ت ن ا)
            if ends(p, "س".as_bytes())
                && !["ي", "ت", "ن", "ا"]
                    .iter()
                    .any(|c| starts(rest, c.as_bytes()))
            {
                continue;
            }
            prefixes[np] = p.len();
            np += 1;
        }
    }
    let mut suffixes = [0usize; 1 + ENCLITICS.len()];
    let mut ns = 1;
    for &e in &clitics.tails[letter(b[b.len() - 2], b[b.len() - 1])] {
        if ends(b, e) {
            suffixes[ns] = e.len();
            ns += 1;
        }
    }
    for &p in &prefixes[..np] {
        for &s in &suffixes[..ns] {
            if p + s == 0 || p + s >= b.len() || b.len() - p - s < 4 {
                continue;
            }
            let a = Analysis {
                prefix_len: p,
                suffix_len: s,
            };
            if !out[start..].contains(&a) {
                out.push(a);
            }
        }
    }
    out[start + 1..].sort_by_key(|a| (a.prefix_len + a.suffix_len, a.suffix_len));
}

/// One clitic analysis of a token with what the lexicons know of its stem.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lexed<'a> {
    /// The segmentation.
    pub a: Analysis,
    /// Lexicon facts about the stem.
    pub info: Option<&'a StemInfo>,
}

/// A form an agent word may stand for: bytes `start..end` of the token's
/// normalised text, with the lexicon facts about it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Form<'a> {
    /// First byte in the word.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Lexicon facts about the form.
    pub info: Option<&'a StemInfo>,
}

/// One distinct word of a document: its analyses and what they give.
struct WordType<'a> {
    /// Range of its analyses in `TokenTable::lexed`.
    start: u32,
    /// End of that range.
    end: u32,
    /// The context-lexicon kind (`ContextLexicon::lookup`).
    ctx: Option<ContextKind>,
    /// Whether one of its analyses is the form of a trigger.
    trigger: bool,
    /// The coder's word-list bits of the word itself.
    class: u8,
    /// The agent forms (`AgentLexicon::forms`), on demand.
    forms: OnceCell<Vec<Form<'a>>>,
}

/// The clitic analyses of every token of a document, looked up once per
/// distinct word (news repeats its words: a name, a verb, the prepositions).
pub(crate) struct TokenTable<'a> {
    index: &'a StemIndex,
    /// Analyses of all distinct words, word after word, each in `candidates` order.
    lexed: Vec<Lexed<'a>>,
    /// Per token: its distinct word in `types`.
    word: Vec<u32>,
    /// Per token: its normalised text.
    norms: Vec<&'a str>,
    /// Per token: whether it ends a clause (`detect::is_clause_break`).
    breaks: Vec<bool>,
    /// Per token: its word's context kind (contiguous: rules scan whole sentences).
    ctx: Vec<Option<ContextKind>>,
    /// Per token: its word-list bits.
    classes: Vec<u8>,
    /// Per token: whether it is a word of at least two letters with an
    /// analysis that is the form of a trigger (where trigger search looks).
    trigger_words: Vec<bool>,
    /// The distinct words, in order of first occurrence.
    types: Vec<WordType<'a>>,
}

impl<'a> TokenTable<'a> {
    /// Analyses every distinct word of `doc`.
    pub fn new(doc: &'a Doc, index: &'a StemIndex) -> Self {
        let n = doc.tokens.len();
        let mut lexed = Vec::with_capacity(n * 3 / 2);
        let mut word = Vec::with_capacity(n);
        let mut norms = Vec::with_capacity(n);
        let mut breaks = Vec::with_capacity(n);
        let mut ctx = Vec::with_capacity(n);
        let mut classes = Vec::with_capacity(n);
        let mut trigger_words = Vec::with_capacity(n);
        let mut types: Vec<WordType<'a>> = Vec::with_capacity(n / 2);
        let mut scratch: Vec<Analysis> = Vec::new();
        let clitics = Clitics::get();
        let mut seen: FxHashMap<&'a str, u32> = FxHashMap::default();
        seen.reserve(n);
        {
            for t in &doc.tokens {
                // (`Doc::token_norm`, inlined)
                let w = &doc.norm.text[t.norm.range()];
                let id = *seen.entry(w).or_insert_with(|| {
                    let start = lexed.len();
                    scratch.clear();
                    clitic_analyses(clitics, w, &mut scratch);
                    lexed.extend(scratch.iter().map(|&a| Lexed {
                        a,
                        info: index.get(a.stem(w)),
                    }));
                    types.push(WordType {
                        start: start as u32,
                        end: lexed.len() as u32,
                        ctx: lexed[start..].iter().find_map(|l| l.info?.ctx),
                        trigger: lexed[start..]
                            .iter()
                            .any(|l| l.info.is_some_and(|x| !x.triggers.is_empty())),
                        // (the first analysis is the word itself)
                        class: lexed[start].info.map_or(0, |x| x.class),
                        forms: OnceCell::new(),
                    });
                    (types.len() - 1) as u32
                });
                word.push(id);
                ctx.push(types[id as usize].ctx);
                classes.push(types[id as usize].class);
                trigger_words.push(
                    t.kind == rasd_doc::TokenKind::Word
                        && w.len() >= 4
                        && types[id as usize].trigger,
                );
                norms.push(w);
                breaks.push(crate::detect::is_break_word(t.kind, w));
            }
        }
        TokenTable {
            index,
            lexed,
            word,
            norms,
            breaks,
            ctx,
            classes,
            trigger_words,
            types,
        }
    }

    /// The distinct word of token `i`.
    fn ty(&self, i: usize) -> &WordType<'a> {
        &self.types[self.word[i] as usize]
    }

    /// The normalised text of token `i`.
    pub fn norm(&self, i: usize) -> &'a str {
        self.norms[i]
    }

    /// The coder's word-list bits of token `i` (`code::Class`).
    pub fn class(&self, i: usize) -> u8 {
        self.classes[i]
    }

    /// Whether token `i` ends a clause (`detect::is_clause_break`).
    pub fn is_break(&self, i: usize) -> bool {
        self.breaks[i]
    }

    /// The clitic analyses of token `i`, identity first (`candidates` order).
    pub fn analyses(&self, i: usize) -> &[Lexed<'a>] {
        let t = self.ty(i);
        &self.lexed[t.start as usize..t.end as usize]
    }

    /// The context-lexicon kind of token `i`.
    pub fn ctx(&self, i: usize) -> Option<ContextKind> {
        self.ctx[i]
    }

    /// Whether token `i` is a word of at least two letters (four bytes)
    /// one analysis of which is the form of a trigger.
    pub fn may_trigger(&self, i: usize) -> bool {
        self.trigger_words[i]
    }

    /// Whether one analysis of token `i` is a form of a trigger verb.
    pub fn is_event_verb(&self, i: usize) -> bool {
        self.analyses(i)
            .iter()
            .any(|l| l.info.is_some_and(|x| x.has_verb))
    }

    /// The forms token `i` may stand for as an agent, in order of
    /// preference, up to a blocked one (`AgentLexicon::forms`).
    pub fn agent_forms(&self, i: usize) -> &[Form<'a>] {
        self.ty(i).forms.get_or_init(|| {
            let w = self.norm(i);
            let mut out = Vec::with_capacity(8);
            for l in self.analyses(i) {
                let a = l.a;
                let suffix = &w[w.len() - a.suffix_len..];
                let prefix = &w[..a.prefix_len];
                if matches!(suffix, "ي" | "ك")
                    || (a.suffix_len > 0 && (prefix.ends_with("ال") || prefix.ends_with("لل")))
                {
                    continue;
                }
                let (s, e) = (a.prefix_len, w.len() - a.suffix_len);
                let stem = &w[s..e];
                let form = |end: usize| Form {
                    start: s,
                    end,
                    info: self.index.get(&w[s..end]),
                };
                let endings = AGENT_ENDINGS.iter().filter_map(|suf| {
                    stem.strip_suffix(suf)
                        .filter(|b| b.chars().count() >= 3)
                        .map(|b| form(s + b.len()))
                });
                let construct = CONSTRUCT_ENDINGS.iter().filter_map(|suf| {
                    stem.strip_suffix(suf)
                        .filter(|b| b.starts_with('م') && b.chars().count() >= 4)
                        .map(|b| form(s + b.len()))
                });
                let own = Form {
                    start: s,
                    end: e,
                    info: l.info,
                };
                for f in std::iter::once(own).chain(endings).chain(construct) {
                    if f.info.is_some_and(|x| x.blocked) {
                        return out;
                    }
                    out.push(f);
                }
            }
            out
        })
    }

    /// The single-word agent token `i` denotes (`AgentLexicon::lookup`).
    pub fn agent(&self, i: usize) -> Option<&'a Agent> {
        self.agent_forms(i)
            .iter()
            .find_map(|f| f.info.and_then(|x| x.agent.as_ref()))
    }

    /// The proclitics before the stem that makes token `i` an agent ("لل"
    /// in "للرئيس", "" in "رئيس"); `None` when it is no agent.
    pub fn agent_prefix(&self, i: usize) -> Option<&'a str> {
        let f = self
            .agent_forms(i)
            .iter()
            .find(|f| f.info.is_some_and(|x| x.agent.is_some()))?;
        Some(&self.norm(i)[..f.start])
    }

    /// The longest multiword agent starting at token `i` among the words
    /// `i..min(i + 4, end)`, with the number of words it spans
    /// (`AgentLexicon::lookup_phrase` on those words).
    pub fn phrase_at(&self, i: usize, end: usize) -> Option<(&'a Agent, usize)> {
        let len = (i + 4).min(end).saturating_sub(i);
        if len == 0 {
            return None;
        }
        let mut best: Option<(&'a Agent, usize)> = None;
        for f in self.agent_forms(i) {
            let Some(info) = f.info else { continue };
            for (rest, agent) in &info.phrases {
                let n = rest.len() + 1;
                if len < n || best.is_some_and(|(_, m)| m >= n) {
                    continue;
                }
                let fits = rest.iter().enumerate().all(|(k, key)| {
                    let j = i + 1 + k;
                    let w = self.norm(j);
                    self.agent_forms(j)
                        .iter()
                        .any(|g| &w[g.start..g.end] == key)
                });
                if fits {
                    best = Some((agent, n));
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{AGENTS_TSV, CONTEXT_TSV};
    use rasd_text::clitics::candidates;

    #[test]
    fn clitic_analyses_equal_candidates_on_every_combination() {
        let stems = [
            "", "ا", "ي", "ت", "ن", "س", "ل", "يل", "تل", "نل", "ال", "لل", "قت", "قتل", "يقتل",
            "سلم", "مسلح", "هم", "ها", "كما", "ني", "ه", "ك", "ي", "ة", "ٱل", "ى",
        ];
        let before = PROCLITICS.iter().chain([""].iter());
        let mut n = 0;
        let mut out = vec![Analysis {
            prefix_len: 9,
            suffix_len: 9,
        }];
        for p in before {
            for stem in stems {
                for e in ENCLITICS.iter().chain([""].iter()) {
                    let w = format!("{p}{stem}{e}");
                    out.truncate(1);
                    clitic_analyses(Clitics::get(), &w, &mut out);
                    assert_eq!(out[1..], candidates(&w)[..], "{w:?}");
                    n += 1;
                }
            }
        }
        for w in [
            "",
            "a",
            "ab",
            "وab",
            "و1",
            "12",
            "،",
            "والـ",
            "و\u{64b}ل",
            "ولل",
        ] {
            out.truncate(1);
            clitic_analyses(Clitics::get(), w, &mut out);
            assert_eq!(out[1..], candidates(w)[..], "{w:?}");
        }
        assert!(n > 5000);
    }

    #[test]
    fn the_filter_lets_every_key_through() {
        let lex = TriggerLexicon::bundled();
        let context = ContextLexicon::parse(CONTEXT_TSV).unwrap();
        let agents = AgentLexicon::parse(AGENTS_TSV).unwrap();
        let index = StemIndex::new(&lex, &context, &agents, &[]);
        for (k, &i) in &index.map {
            assert!(std::ptr::eq(
                index.get(k).unwrap(),
                &index.infos[i as usize]
            ));
        }
        assert!(index.get("zzz").is_none());
    }

    /// Documents whose words exercise clitics, endings, phrases and blocks.
    const TEXTS: &[&str] = &[
        "وتظاهر الآلاف، واعتقلت الشرطة العشرات بعد الغارات على مسلحي الحركة.",
        "قالت قوات الأمن العراقية إن مسلحين مجهولين هاجموا دورية للشرطة وقتلوا جنديين.",
        "ورجل دين والمتظاهرون الإسرائيليين والأميركيين مقاتلي مسلحو التجارة المفاوضات.",
        "أعلنت وزارة الداخلية مقتل سبعة أشخاص في انفجار سيارة مفخخة، وأصيب آخرون.",
        "سيزور الرئيس موسكو الأسبوع المقبل لإجراء محادثات مع نظيره الروسي بشأن العقوبات.",
        "، . x 12 ـــ لل ال و",
    ];

    fn docs() -> Vec<Doc> {
        TEXTS
            .iter()
            .map(|t| {
                let mut d = Doc::new("t", *t);
                rasd_text::analyze(&mut d);
                d
            })
            .collect()
    }

    #[test]
    fn table_agrees_with_the_lexicons_own_lookups() {
        let lex = TriggerLexicon::bundled();
        let context = ContextLexicon::parse(CONTEXT_TSV).unwrap();
        let agents = AgentLexicon::parse(AGENTS_TSV).unwrap();
        let index = StemIndex::new(&lex, &context, &agents, &[]);
        let mut checked = 0;
        for doc in docs() {
            let table = TokenTable::new(&doc, &index);
            let n = doc.tokens.len();
            for i in 0..n {
                let w = table.norm(i);
                assert_eq!(table.ctx(i), context.lookup(w), "{w}");
                assert_eq!(table.agent(i), agents.lookup(w), "{w}");
                let analyses: Vec<Analysis> = table.analyses(i).iter().map(|l| l.a).collect();
                assert_eq!(analyses, candidates(w));
                for l in table.analyses(i) {
                    let ids = l.info.map_or(&[][..], |x| x.triggers.as_slice());
                    assert_eq!(ids, lex.lookup(l.a.stem(w)));
                }
                let verb = candidates(w).into_iter().any(|a| {
                    lex.lookup(a.stem(w))
                        .iter()
                        .any(|&e| lex.entry(e).pos == Pos::Verb)
                });
                assert_eq!(table.is_event_verb(i), verb, "{w}");
                for end in [i, i + 1, i + 2, i + 5, n].map(|e| e.min(n)) {
                    let words: Vec<&str> = (i..(i + 4).min(end)).map(|j| table.norm(j)).collect();
                    assert_eq!(table.phrase_at(i, end), agents.lookup_phrase(&words), "{w}");
                }
                checked += 1;
            }
        }
        assert!(checked > 50);
    }

    #[test]
    fn every_agent_key_agrees_with_its_clitic_variants() {
        let lex = TriggerLexicon::bundled();
        let context = ContextLexicon::parse(CONTEXT_TSV).unwrap();
        let agents = AgentLexicon::parse(AGENTS_TSV).unwrap();
        let index = StemIndex::new(&lex, &context, &agents, &[]);
        let mut text = String::new();
        for line in AGENTS_TSV.lines().filter(|l| !l.starts_with('#')) {
            let key = line.split('\t').next().unwrap_or_default();
            for w in [
                key.to_string(),
                format!("وال{key}"),
                format!("{key}ون"),
                format!("لل{key}ين"),
            ] {
                text.push_str(&w);
                text.push(' ');
            }
        }
        let mut doc = Doc::new("t", text);
        rasd_text::analyze(&mut doc);
        let table = TokenTable::new(&doc, &index);
        for i in 0..doc.tokens.len() {
            let w = table.norm(i);
            assert_eq!(table.agent(i), agents.lookup(w), "{w}");
            assert_eq!(table.ctx(i), context.lookup(w), "{w}");
            let words: Vec<&str> = (i..(i + 4).min(doc.tokens.len()))
                .map(|j| table.norm(j))
                .collect();
            assert_eq!(
                table.phrase_at(i, doc.tokens.len()),
                agents.lookup_phrase(&words),
                "{w}"
            );
        }
    }
}
