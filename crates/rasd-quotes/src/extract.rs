//! The rule-based reader of reported speech.
//!
//! Three passes over one document:
//! 1. quotation marks are paired per paragraph ([`marks`]);
//! 2. cues are found — reporting verbs with a content frame (a complementiser,
//!    a colon or an opening quotation mark within reach) and attribution
//!    phrases (بحسب، وفقا لـ، نقلا عن …) — each with its attribution region
//!    (the words between cue and content);
//! 3. each cue becomes a quote: content extent and kind, speaker (explicit,
//!    before the verb, or dropped and inherited), addressee, channel, time,
//!    then nesting (`reported_by`).
use rasd_doc::{Doc, EntityType, Quote, QuoteKind, Span, Token, TokenKind};

use crate::lexicon::{self, Agr, AttrKind, Form, Lexicons, NounClass};

/// A paired (or unclosed) quotation mark: the span between the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    /// Byte offset of the opening mark.
    pub open: u32,
    /// Byte offset just past the closing mark (paragraph end when unclosed).
    pub end: u32,
    /// The text between the marks.
    pub inner: Span,
}

fn is_quote_char(c: char) -> Option<bool> {
    // Some(true) = directional opener, Some(false) = directional closer, None = not a mark;
    // straight and curly double quotes are toggles (Arabic texts use “ and ” both ways).
    match c {
        '«' | '‹' | '„' => Some(true),
        '»' | '›' => Some(false),
        _ => None,
    }
}

fn is_toggle(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '″')
}

/// Pairs quotation marks inside each paragraph; an unclosed mark runs to the paragraph end.
pub(crate) fn marks(doc: &Doc) -> Vec<Mark> {
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        let text = doc.slice(*p);
        let mut open: Option<(u32, char)> = None;
        // every mark is '"' or starts with the lead byte 0xC2 («») or 0xE2 (the rest),
        // bytes no Arabic letter contains: only those positions are decoded
        let at_marks = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| matches!(b, b'"' | 0xC2 | 0xE2))
            .filter_map(|(i, _)| Some((i, text[i..].chars().next()?)));
        for (i, c) in at_marks {
            let at = p.start + i as u32;
            let len = c.len_utf8() as u32;
            let dir = is_quote_char(c);
            match open {
                None if dir == Some(true) || is_toggle(c) => open = Some((at, c)),
                Some((o, oc)) if dir == Some(false) || (is_toggle(c) && is_toggle(oc)) => {
                    out.push(Mark {
                        open: o,
                        end: at + len,
                        inner: Span::new(o + oc.len_utf8() as u32, at),
                    });
                    open = None;
                }
                Some((_, oc)) if dir == Some(true) && !is_toggle(oc) => open = Some((at, c)),
                _ => {}
            }
        }
        if let Some((o, oc)) = open {
            out.push(Mark {
                open: o,
                end: p.end,
                inner: Span::new(o + oc.len_utf8() as u32, p.end),
            });
        }
    }
    out
}

/// Prepositions and adverbs that end a speaker phrase.
const BOUNDARY: &[&str] = &[
    "اثناء",
    "الي",
    "امام",
    "امس",
    "اليوم",
    "بشان",
    "بعد",
    "حول",
    "حيث",
    "خلال",
    "ضمن",
    "عبر",
    "عقب",
    "علي",
    "عن",
    "عند",
    "في",
    "قبل",
    "كما",
    "لدي",
    "مع",
    "من",
    "وفق",
    "الذي",
    "التي",
    "الذين",
    "بينما",
    "فيما",
    "اذ",
    "لكن",
    // adverbs after the verb are no part of the speaker (أكد مجددا، كشف كارتر أيضا)
    "مجددا",
    "مرارا",
    "تكرارا",
    "ايضا",
    "كذلك",
    "بدوره",
    "بدورها",
    "بدورهم",
    "سابقا",
    "مؤخرا",
    "اخيرا",
    "صراحة",
    // adverbial accusatives (قال X إجابة عن سؤال …، ردا على …، تعليقا على …)
    "اجابة",
    "ردا",
    "تعليقا",
    // the object of اختتم/ختم (اختتم المدرب حديثه بقوله)
    "حديثه",
    "حديثها",
    "كلمته",
    "كلمتها",
    "تصريحه",
    "تصريحها",
    "بقوله",
    "بقولها",
];

/// Circumstantial participles that are no reporting verbs but close the reported
/// clause (…، معربا عن قلقه، …، مقدما شكره).
const CIRCUMSTANTIAL: &[&str] = &[
    "معربا",
    "معربة",
    "معربين",
    "مقدما",
    "مقدمة",
    "مباركا",
    "مباركة",
    "مثمنا",
    "مثمنة",
    "مشيدا",
    "مشيدة",
    "متمنيا",
    "متمنية",
    "مستعرضا",
    "مستعرضة",
    "مستشهدا",
    "مستشهدة",
    "مبديا",
    "مبدية",
    "مرحبا",
    "مرحبة",
    "مختتما",
    "مختتمة",
];

/// Clause-linking adverbs: after a comma, a cue behind one starts a new clause.
const LINKERS: &[&str] = &["حيث", "كما", "فيما", "بينما", "اذ"];

/// Relative pronouns: a cue right after one is inside a relative clause.
const RELATIVE: &[&str] = &[
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللاتي",
    "اللواتي",
];

/// Words before أن that make it a conjunction, not a complementiser (بعد أن "after").
const NOT_COMP_BEFORE: &[&str] = &[
    "بعد",
    "قبل",
    "منذ",
    "دون",
    "بدل",
    "بدلا",
    "رغم",
    "عوضا",
    "لمجرد",
    // علما بأن "noting that": an editorial aside, not the verb's complement
    "علما",
];

/// Complementisers that carry a pronoun (إنه، أنها …): the content starts at them.
const COMP_PRONOUN: &[&str] = &[
    "انك",
    "انكم",
    "انني",
    "انه",
    "انها",
    "انهم",
    "انهما",
    "انهن",
    "انا",
    "اننا",
    "بانه",
    "بانها",
    "بانهم",
    "بانهما",
    "باننا",
    "بانني",
];

/// Whether `w` is in [`BOUNDARY`] (a set: the rules ask for every word of a speaker phrase).
fn is_boundary_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<lexicon::FnvSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| BOUNDARY.iter().copied().collect())
        .contains(w)
}

/// Whether `w` is in [`COMP_PRONOUN`] (all of which start with ا or ب).
fn is_comp_pronoun(w: &str) -> bool {
    w.starts_with(['ا', 'ب']) && COMP_PRONOUN.contains(&w)
}

fn is_bare_comp(w: &str) -> bool {
    matches!(w, "ان" | "بان" | "وان" | "فان")
}

/// What opens the content of a verb cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// A complementiser token.
    Comp(usize),
    /// A colon token.
    Colon(usize),
    /// An opening quotation mark (index into the marks).
    Quote(usize, usize),
}

impl Opener {
    fn token(self) -> usize {
        match self {
            Opener::Comp(j) | Opener::Colon(j) | Opener::Quote(j, _) => j,
        }
    }
}

/// A recognised cue before its quote is built.
#[derive(Debug, Clone)]
struct Cue {
    /// First and one-past-last token of the cue.
    tok: (usize, usize),
    form: Form,
    /// The token has a و/ف conjunction or follows a comma: it starts a new clause.
    sequential: bool,
    opener: Option<Opener>,
    /// Attribution phrase: where the source phrase starts, and whether it opens the sentence.
    attribution: Option<(usize, bool)>,
}

struct Ctx<'a> {
    doc: &'a Doc,
    lex: &'static Lexicons,
    marks: Vec<Mark>,
    /// (mention, entity index), sorted by mention start.
    mentions: Vec<(Span, usize)>,
    /// Sentence index of each token.
    sent: Vec<usize>,
    /// Normalised text of each token (sliced once: the rules read it many times).
    norms: Vec<&'a str>,
    /// [`Ctx::cue_at`] of each token, looked up once.
    cues: Vec<Option<(usize, Form, bool)>>,
    /// Whether an attribution phrase may start at each token (its first word, with or
    /// without a conjunction, starts one).
    attr: Vec<bool>,
}

impl<'a> Ctx<'a> {
    fn norm(&self, i: usize) -> &'a str {
        self.norms[i]
    }

    fn tok(&self, i: usize) -> &'a Token {
        &self.doc.tokens[i]
    }

    fn is_punct(&self, i: usize, chars: &[&str]) -> bool {
        let t = self.tok(i);
        t.kind != TokenKind::Word && chars.contains(&self.norm(i))
    }

    /// Norm without a leading و or ف conjunction, when what remains is at least two letters.
    fn strip_conj(w: &str) -> (&str, bool) {
        for c in ["و", "ف"] {
            if let Some(r) = w.strip_prefix(c) {
                if r.chars().nth(1).is_some() {
                    return (r, true);
                }
            }
        }
        (w, false)
    }

    /// Norm with the article family stripped (the token's default analysis), enclitic kept.
    fn key(&self, i: usize) -> &'a str {
        let t = self.tok(i);
        &self.norm(i)[t.prefix_len as usize..]
    }

    fn noun_class(&self, i: usize) -> Option<NounClass> {
        let k = self.key(i);
        let (s, _) = Self::strip_conj(k);
        self.lex
            .nouns
            .get(k)
            .or_else(|| self.lex.nouns.get(s))
            .or_else(|| self.lex.nouns.get(s.strip_prefix("ال").unwrap_or(s)))
            .copied()
    }

    /// The mark opening at byte `byte` (marks are sorted and disjoint).
    fn mark_opening_at(&self, byte: u32) -> Option<usize> {
        let k = self.marks.partition_point(|m| m.open < byte);
        (self.marks.get(k).is_some_and(|m| m.open == byte)).then_some(k)
    }

    /// Whether byte `byte` lies inside a quotation (only the last mark opening before
    /// it can hold it: marks are sorted and disjoint).
    fn in_mark(&self, byte: u32) -> bool {
        let k = self.marks.partition_point(|m| m.open < byte);
        k > 0 && {
            let m = &self.marks[k - 1];
            byte < m.end.saturating_sub(1).max(m.inner.end)
        }
    }

    fn entity_at(&self, span: Span) -> Vec<(Span, usize)> {
        let a = self.mentions.partition_point(|(m, _)| m.end <= span.start);
        self.mentions[a..]
            .iter()
            .take_while(|(m, _)| m.start < span.end)
            .filter(|(m, _)| m.overlaps(span))
            .copied()
            .collect()
    }

    /// Whether a mention starts at byte `start` (mentions are sorted by start).
    fn mention_starts_at(&self, start: u32) -> bool {
        let k = self.mentions.partition_point(|(m, _)| m.start < start);
        self.mentions.get(k).is_some_and(|(m, _)| m.start == start)
    }

    fn etype(&self, e: usize) -> EntityType {
        self.doc.entities[e].kind
    }

    /// Whether token `i` starts with a proclitic ل (لـX, للX) rather than being a word in ل.
    fn lam_prefixed(&self, i: usize) -> Option<u32> {
        let t = self.tok(i);
        let w = self.norm(i);
        let (w, conj) = Self::strip_conj(w);
        if !w.starts_with('ل') || !t.is_word() {
            return None;
        }
        let start = t.span.start;
        if self.mention_starts_at(start) {
            return None;
        }
        let skip = if conj { 2 } else { 0 } + 'ل'.len_utf8() as u32;
        let rest_start = start + skip;
        if self.mention_starts_at(rest_start) {
            return Some(rest_start);
        }
        let rest = &w['ل'.len_utf8()..];
        let rest = rest.strip_prefix('ل').unwrap_or(rest);
        let rest = rest.strip_prefix("ال").unwrap_or(rest);
        match self.lex.nouns.get(rest) {
            Some(NounClass::Addr | NounClass::Crowd) => Some(rest_start),
            _ => None,
        }
    }

    fn boundary(&self, i: usize) -> bool {
        let t = self.tok(i);
        if !t.is_word() {
            return !matches!(self.norm(i), "\"" | "“" | "”" | "«" | "»" | "'" | ".")
                || (self.norm(i) == "." && !self.abbrev_dot(i));
        }
        let w = self.norm(i);
        // علي is both the preposition على and the name علي: a mention starting here is a name
        if w == "علي" && self.mention_starts_at(t.span.start) {
            return false;
        }
        w == "ل"
            || is_boundary_word(w)
            || is_boundary_word(Self::strip_conj(w).0)
            || self.lam_prefixed(i).is_some()
            || self
                .doc
                .times
                .iter()
                .any(|tm| tm.span.start == t.span.start)
            || is_bare_comp(w)
            || is_comp_pronoun(w)
    }

    /// Whether the verb at token `i` is marked passive in the original text: a damma
    /// on its first letter (أُعلن، ذُكر), which no active perfect has.
    fn passive(&self, i: usize) -> bool {
        let orig = self.doc.slice(self.tok(i).span);
        let (_, conj) = Self::strip_conj(self.norm(i));
        let mut chars = orig.chars().filter(|c| *c != '\u{0640}');
        if conj {
            chars.next();
        }
        chars.next();
        chars.next() == Some('\u{064F}')
    }

    /// Agreement of the cue word at token `i` (masculine when unknown).
    fn agr(&self, i: usize) -> Agr {
        if i >= self.doc.tokens.len() {
            return Agr::Masc;
        }
        let w = self.norm(i);
        let (core, _) = Self::strip_conj(w);
        self.lex
            .cues
            .get(w)
            .or_else(|| self.lex.cues.get(core))
            .map_or(Agr::Masc, |c| c.agr)
    }

    fn abbrev_dot(&self, i: usize) -> bool {
        i > 0 && self.tok(i - 1).is_word() && self.norm(i - 1).chars().count() == 1
    }

    /// The reporting-verb cue starting at token `i`: (end token, form, conjunction).
    fn cue_at(&self, i: usize) -> Option<(usize, Form, bool)> {
        self.cues.get(i).copied().flatten()
    }

    /// [`Ctx::cue_at`] and whether an attribution phrase may start, from the lexicon
    /// (filled into `cues` and `attr` once per document).
    fn lookup(&self, i: usize) -> (Option<(usize, Form, bool)>, bool) {
        let t = self.tok(i);
        if !t.is_word() {
            return (None, false);
        }
        let w = self.norm(i);
        let (core, conj) = Self::strip_conj(w);
        let words = &self.lex.words;
        let tails = &self.lex.word_tails;
        let ew = tails.may_hold(w).then(|| words.get(w)).flatten();
        let ec = if conj {
            tails.may_hold(core).then(|| words.get(core)).flatten()
        } else {
            ew
        };
        let attr = ew.is_some_and(|e| e.attribution) || ec.is_some_and(|e| e.attribution);
        if i + 1 < self.doc.tokens.len() {
            let next = self.norm(i + 1);
            let multi = |e: Option<&lexicon::WordInfo>| {
                e.is_some_and(|e| e.multi_next.iter().any(|m| m == next))
            };
            if multi(ew) || multi(ec) {
                return (Some((i + 2, Form::Participle, conj)), attr);
            }
        }
        let own = ew.and_then(|e| e.cue);
        let Some(c) = own.or_else(|| ec.and_then(|e| e.cue)) else {
            return (None, attr);
        };
        (Some((i + 1, c.form, conj && own.is_none())), attr)
    }
}

/// Extracts the quotes of a document (ids `Q1…` in cue order).
pub(crate) fn extract(doc: &Doc) -> Vec<Quote> {
    if doc.tokens.is_empty() || doc.sentences.is_empty() {
        return Vec::new();
    }
    let mut mentions: Vec<(Span, usize)> = doc
        .entities
        .iter()
        .enumerate()
        .flat_map(|(e, ent)| ent.mentions.iter().map(move |m| (*m, e)))
        .collect();
    mentions.sort();
    // the sentence holding each token, else the next one: the first sentence ending after
    // its start (tokens and sentences are sorted; one cursor walks both)
    let mut si = 0;
    let sent: Vec<usize> = doc
        .tokens
        .iter()
        .map(|t| {
            while si < doc.sentences.len() && doc.sentences[si].end <= t.span.start {
                si += 1;
            }
            si
        })
        .collect();
    let norms = doc.tokens.iter().map(|t| doc.token_norm(t)).collect();
    let mut cx = Ctx {
        doc,
        lex: lexicon::get(),
        marks: marks(doc),
        mentions,
        sent,
        norms,
        cues: Vec::new(),
        attr: Vec::new(),
    };
    (cx.cues, cx.attr) = (0..doc.tokens.len()).map(|i| cx.lookup(i)).unzip();
    let cues = find_cues(&cx);
    build(&cx, &cues)
}

fn find_cues(cx: &Ctx) -> Vec<Cue> {
    let n = cx.doc.tokens.len();
    let mut out: Vec<Cue> = Vec::new();
    let mut i = 0;
    while i < n {
        let t = cx.tok(i);
        if !t.is_word() || cx.doc.in_boilerplate(t.span) || cx.in_mark(t.span.start) {
            i += 1;
            continue;
        }
        if let Some(c) = attribution_at(cx, i) {
            i = c.tok.1;
            // وأضاف، بحسب وكالة …: «…»: the phrase is the source of the verb's quote
            let inside_verb = out.last().is_some_and(|v| {
                v.attribution.is_none() && v.opener.is_some_and(|o| o.token() > c.tok.0)
            });
            if !inside_verb {
                out.push(c);
            }
            continue;
        }
        // بيّن (explained) is spelt like بين (between): a cue only opening a clause,
        // with its complementiser close behind (من جهته، بيّن الدكتور X أن …)
        let opens_clause = |i: usize| {
            i == 0
                || !cx.tok(i - 1).is_word()
                || cx.sent[i - 1] != cx.sent[i]
                || matches!(
                    Ctx::strip_conj(cx.norm(i - 1)).0,
                    "جانبه" | "جانبها" | "جهته" | "جهتها" | "بدوره" | "بدورها"
                )
        };
        if Ctx::strip_conj(cx.norm(i)).0 == "بين" && opens_clause(i) {
            if let Some(op @ Opener::Comp(j)) = find_opener(cx, i + 1, Form::Perfect) {
                // …and a speaker that looks like one: a title, source noun or name
                let np = Span::new(cx.tok(i + 1).span.start, cx.tok(j - 1).span.end);
                let speaker_like =
                    j > i + 1 && (cx.noun_class(i + 1).is_some() || !cx.entity_at(np).is_empty());
                if j <= i + 12 && speaker_like {
                    let (_, conj) = Ctx::strip_conj(cx.norm(i));
                    out.push(Cue {
                        tok: (i, i + 1),
                        form: Form::Perfect,
                        sequential: conj || (i > 0 && cx.is_punct(i - 1, &["،", ","])),
                        opener: Some(op),
                        attribution: None,
                    });
                    i += 1;
                    continue;
                }
            }
        }
        // وزاد: «…» / وزاد أن … (added): زاد (increased) is a cue only before its opener
        if matches!(Ctx::strip_conj(cx.norm(i)).0, "زاد" | "زادت") && i + 1 < n {
            let next = cx.norm(i + 1);
            let op = if next == ":" {
                Some(Opener::Colon(i + 1))
            } else if is_bare_comp(next) || is_comp_pronoun(next) {
                Some(Opener::Comp(i + 1))
            } else {
                None
            };
            if let Some(op) = op {
                out.push(Cue {
                    tok: (i, i + 1),
                    form: Form::Perfect,
                    sequential: Ctx::strip_conj(cx.norm(i)).1,
                    opener: Some(op),
                    attribution: None,
                });
                i += 1;
                continue;
            }
        }
        // a quotation before its cue: «…»، بهذه الكلمات أوجز X / «…» هكذا قال X
        if let Some((end, form, conj)) = cx.cue_at(i).filter(|_| i >= 2) {
            let k = if cx.norm(i - 1) == "هكذا" {
                Some(i - 1)
            } else if cx.norm(i - 2) == "بهذه"
                && matches!(
                    cx.norm(i - 1),
                    "الكلمات" | "العبارات" | "العبارة" | "الكلمة"
                )
            {
                Some(i - 2)
            } else {
                None
            };
            let mut j = k.unwrap_or(0);
            while j > 0 && cx.is_punct(j - 1, &["،", ","]) {
                j -= 1;
            }
            let closing = (k.is_some() && j > 0)
                .then(|| {
                    cx.marks
                        .iter()
                        .position(|m| m.end == cx.tok(j - 1).span.end)
                })
                .flatten();
            if let Some(m) = closing {
                let open = cx
                    .doc
                    .tokens
                    .partition_point(|t| t.span.start < cx.marks[m].open);
                out.push(Cue {
                    tok: (i, end),
                    form,
                    sequential: conj,
                    opener: Some(Opener::Quote(open, m)),
                    attribution: None,
                });
                i = end;
                continue;
            }
        }
        if let Some((end, form, conj)) =
            cx.cue_at(i).filter(|&(end, _, _)| speech_sense(cx, i, end))
        {
            // after a comma, or a clause-linking adverb after one (، حيث قال …)
            let linked = |k: usize| {
                k > 0
                    && cx.tok(k - 1).is_word()
                    && LINKERS.contains(&Ctx::strip_conj(cx.norm(k - 1)).0)
                    && k > 1
                    && cx.is_punct(k - 2, &["،", ",", "؛"])
            };
            let after_comma = i > 0 && cx.is_punct(i - 1, &["،", ",", "؛"]) || linked(i);
            if let Some(op) = find_opener(cx, end, form) {
                out.push(Cue {
                    tok: (i, end),
                    form,
                    sequential: conj || after_comma || form == Form::Participle,
                    opener: Some(op),
                    attribution: None,
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Whether the verb at token `i` (cue ending at `end`) is used in its speech sense:
/// not scripture (قال الله، قال تعالى), not naming (يدعى سالم), not a request with a
/// noun (طالب اللاعبين بخلع …), not a report to the police (أبلغ الشرطة).
fn speech_sense(cx: &Ctx, i: usize, end: usize) -> bool {
    let n = cx.doc.tokens.len();
    let w = Ctx::strip_conj(cx.norm(i)).0;
    let next = if end < n { cx.norm(end) } else { "" };
    if w.contains("قال") && matches!(next, "الله" | "تعالي" | "سبحانه" | "عز") {
        return false;
    }
    if matches!(w, "يدعي" | "تدعي") {
        // يدعي أن (claims that) is speech, يدعى X (is called X) is not
        return end < n && (is_bare_comp(next) || is_comp_pronoun(next));
    }
    // يبلغ/تبلغ is "amounts to" (تبلغ قيمة الخصم …) far more often than "informs"
    if matches!(w, "يبلغ" | "تبلغ" | "يبلغان" | "يبلغون") {
        return false;
    }
    let police = matches!(next, "الشرطة" | "الامن" | "السلطات" | "الجهات");
    if police && ["ابلغ", "يبلغ", "تبلغ"].iter().any(|p| w.starts_with(p)) {
        return false;
    }
    // verbs governing ب (طالب، أقر، اعترف): a ب + noun object before any
    // complementiser makes the clause no report (أقروا بتورطهم في عمليتين: …)
    if [
        "طالب",
        "يطالب",
        "تطالب",
        "مطالب",
        "اقر",
        "يقر",
        "تقر",
        "اعترف",
        "يعترف",
        "تعترف",
        "معترف",
    ]
    .iter()
    .any(|p| w.starts_with(p))
    {
        // a ب + noun object before any complementiser makes it a request, not speech
        for k in end..(end + 12).min(n) {
            let x = cx.norm(k);
            if is_bare_comp(x) || is_comp_pronoun(x) || x == ":" || !cx.tok(k).is_word() && x != "،"
            {
                break;
            }
            if x.starts_with('ب') && x.chars().count() > 3 && !x.starts_with("بان") {
                return false;
            }
        }
    }
    true
}

/// Finds the content opener after a verb cue ending at token `from`.
fn find_opener(cx: &Ctx, from: usize, form: Form) -> Option<Opener> {
    let n = cx.doc.tokens.len();
    let s = *cx.sent.get(from.saturating_sub(1))?;
    let limit = if form == Form::Participle { 3 } else { 30 };
    let mut j = from;
    let mut words = 0;
    // speech right after the verb in the first person (قال نحن في مرحلة …)
    if form != Form::Participle && from < n && matches!(cx.norm(from), "نحن" | "انا") {
        return Some(Opener::Colon(from - 1));
    }
    while j < n && words <= limit {
        let t = cx.tok(j);
        let w = cx.norm(j);
        let same_sentence = cx.sent[j] == s;
        if !t.is_word() {
            if w == ":" && same_sentence {
                return Some(Opener::Colon(j));
            }
            if let Some(m) = cx.mark_opening_at(t.span.start) {
                let mk = cx.marks[m];
                let inner_words = cx
                    .doc
                    .tokens_in(mk.inner)
                    .filter(|&k| cx.tok(k).is_word())
                    .count();
                // a short quoted name followed by the complementiser is the speaker ("بلومبيرغ")
                let k = cx.doc.tokens.partition_point(|t| t.span.start < mk.end);
                let next_comp = k < n && {
                    let nw = cx.norm(k);
                    is_bare_comp(nw) || is_comp_pronoun(nw) || nw == ":"
                };
                // a short quoted name ("بلومبيرغ", لـ«عكاظ») followed by more words is a name
                let next_word = k < n && cx.tok(k).is_word() && cx.sent[k] == s;
                // …, or an addressee after ل (لـ"الوطن"، إن …)
                let after_lam = j > 0 && cx.tok(j - 1).is_word() && {
                    let p = Ctx::strip_conj(cx.norm(j - 1)).0;
                    p == "ل"
                };
                let comma_comp = k + 1 < n && cx.is_punct(k, &["،", ","]) && {
                    let nw = cx.norm(k + 1);
                    is_bare_comp(nw) || is_comp_pronoun(nw)
                };
                // a short quotation is speech only right after the cue or a colon
                // (قال: «لا»); elsewhere it is a name (وقالت شركة «رويال داتش شل»)
                let adjacent = j == from || (j > 0 && cx.norm(j - 1) == ":");
                if inner_words <= 3
                    && (next_comp || next_word || after_lam || comma_comp || !adjacent)
                {
                    j = k;
                    words += inner_words;
                    continue;
                }
                if !same_sentence && j > from {
                    return None;
                }
                return Some(Opener::Quote(j, m));
            }
            // a question answered after a colon (إجابة عن سؤال …؟: «…»)
            if matches!(w, "?" | "؟") && j + 1 < n && cx.norm(j + 1) == ":" {
                return Some(Opener::Colon(j + 1));
            }
            if !same_sentence || matches!(w, "." | "!" | "?" | "؟") {
                return None;
            }
            j += 1;
            continue;
        }
        if !same_sentence {
            return None;
        }
        if (is_bare_comp(w) && !matches!(w, "وان" | "فان")) || is_comp_pronoun(w) {
            let prev = if j > 0 { cx.norm(j - 1) } else { "" };
            if NOT_COMP_BEFORE.contains(&prev) {
                return None;
            }
            return Some(Opener::Comp(j));
        }
        // another reporting verb before any opener owns it (أكد … التغريدات التي … قالت إن)
        if j > from && cx.cue_at(j).is_some() {
            return None;
        }
        words += 1;
        j += 1;
    }
    None
}

/// An attribution phrase (بحسب X، وفقا لـX، حسبما ذكرت X) at token `i`.
fn attribution_at(cx: &Ctx, i: usize) -> Option<Cue> {
    let n = cx.doc.tokens.len();
    let first = Ctx::strip_conj(cx.norm(i)).0;
    // most words start no phrase (looked up once per token)
    if !cx.attr[i] {
        return None;
    }
    for (phrase, kind) in &cx.lex.attributions {
        if phrase[0] != first && phrase[0] != cx.norm(i) {
            continue;
        }
        let m = phrase.len();
        if i + m > n || (1..m).any(|k| cx.norm(i + k) != phrase[k]) {
            continue;
        }
        let mut end = i + m;
        let mut form = Form::Perfect;
        match kind {
            AttrKind::Via => {
                if let Some((e, f, _)) = cx.cue_at(end) {
                    end = e;
                    form = f;
                } else if end < n && matches!(cx.norm(end), "جاء" | "ورد") {
                    // بحسب ما جاء في X، وفقا لما ورد في X
                    end += 1;
                    if end < n && matches!(cx.norm(end), "في" | "علي") {
                        end += 1;
                    }
                } else if end < n
                    && cx.tok(end).is_word()
                    && (cx.norm(end).ends_with('ه') || cx.norm(end).ends_with("ته"))
                    && cx.norm(end).chars().count() >= 4
                {
                    // وفقا لما أظهره X، حسبما نشرته X: a verb with the object pronoun of ما
                    end += 1;
                } else {
                    return None;
                }
            }
            AttrKind::Lam => {
                if end >= n || !cx.norm(end).starts_with('ل') {
                    return None;
                }
            }
            AttrKind::Source => {}
        }
        if end >= n || cx.sent[end] != cx.sent[i] {
            return None;
        }
        // the source must look like one: an entity, a known head noun or a channel word
        let np_end = np_extent(cx, end, n, *kind == AttrKind::Lam);
        if np_end == end {
            return None;
        }
        let np = Span::new(cx.tok(end).span.start, cx.tok(np_end - 1).span.end);
        let has_entity = cx
            .entity_at(np)
            .iter()
            .any(|&(_, e)| matches!(cx.etype(e), EntityType::Per | EntityType::Org));
        let lam_head = || {
            let w = Ctx::strip_conj(cx.norm(end)).0;
            let w = w
                .strip_prefix("لل")
                .or_else(|| w.strip_prefix('ل'))
                .unwrap_or(w);
            cx.lex.nouns.contains_key(w)
        };
        let head_known = cx.noun_class(end).is_some()
            || (*kind == AttrKind::Lam && lam_head())
            || channel_at(cx, end, np_end).is_some_and(|(a, _)| a == end)
            || *kind == AttrKind::Via;
        if !has_entity && !head_known {
            return None;
        }
        let sent_start = cx.doc.sentences[cx.sent[i]].start;
        let opens = cx.doc.tokens[..i]
            .iter()
            .rev()
            .take_while(|t| t.span.start >= sent_start)
            .all(|t| !t.is_word());
        return Some(Cue {
            tok: (i, end),
            form,
            sequential: true,
            opener: None,
            attribution: Some((end, opens)),
        });
    }
    None
}

/// End (exclusive) of the speaker noun phrase starting at token `a`, before `limit`.
fn np_extent(cx: &Ctx, a: usize, limit: usize, force_first: bool) -> usize {
    let mut j = a;
    while j < limit && j - a < 14 {
        let t = cx.tok(j);
        if !(j == a && force_first) && cx.boundary(j) {
            break;
        }
        if !t.is_word() && t.kind != TokenKind::Number {
            // a quoted name: include up to its closing mark
            if let Some(m) = cx.mark_opening_at(t.span.start) {
                let k = cx
                    .doc
                    .tokens
                    .partition_point(|t| t.span.start < cx.marks[m].end);
                if k > limit || k - j > 5 {
                    break;
                }
                j = k;
                continue;
            }
        }
        j += 1;
    }
    j
}

/// Longest channel phrase starting inside `[a, b)`: (first token, end token).
fn channel_at(cx: &Ctx, a: usize, b: usize) -> Option<(usize, usize)> {
    for i in a..b {
        if !cx.tok(i).is_word() {
            continue;
        }
        // the first word of a phrase is the key without a conjunction, after a ب, or the
        // key itself: when none of them starts a phrase, no phrase matches here
        let key = cx.key(i);
        let firsts = &cx.lex.channel_first;
        if !firsts.contains(Ctx::strip_conj(key).0)
            && !key.strip_prefix('ب').is_some_and(|r| firsts.contains(r))
            && !firsts.contains(key)
        {
            continue;
        }
        for ph in &cx.lex.channels {
            let m = ph.len();
            if i + m > b {
                continue;
            }
            // a channel is introduced by a preposition (في بيان، عبر منصة، على حسابه،
            // خلال مؤتمر) or a proclitic ب (ببيان); a bare noun (واللقاء) is none
            let prep = i > 0
                && cx.tok(i - 1).is_word()
                && matches!(
                    Ctx::strip_conj(cx.norm(i - 1)).0,
                    "في" | "عبر" | "علي" | "خلال" | "اثناء" | "امام"
                );
            let mut via_ba = false;
            let ok = (0..m).all(|k| {
                let key = cx.key(i + k);
                let key = if k == 0 {
                    let (s, _) = Ctx::strip_conj(key);
                    if s == ph[0] {
                        s
                    } else if let Some(r) = key.strip_prefix('ب') {
                        via_ba = true;
                        r
                    } else {
                        key
                    }
                } else {
                    key
                };
                key == ph[k]
            });
            if ok && (prep || via_ba) {
                return Some((i, i + m));
            }
        }
    }
    None
}

/// Span of tokens `[a, b)`, trimmed of punctuation at both ends; `None` when empty.
fn trimmed(cx: &Ctx, a: usize, b: usize) -> Option<Span> {
    let mut a = a;
    let mut b = b;
    if a >= b {
        return None;
    }
    while a < b && !is_content_token(cx, a) {
        a += 1;
    }
    while b > a && !is_content_token(cx, b - 1) {
        b -= 1;
    }
    let mut sp = Span::new(cx.tok(a).span.start, cx.tok(b - 1).span.end);
    // keep the closing mark of a quoted fragment that ends the span
    if let Some(m) = cx
        .marks
        .iter()
        .find(|m| sp.contains(Span::new(m.open, m.open)) && m.inner.end == sp.end && m.end > sp.end)
    {
        sp.end = m.end.min(
            m.inner.end
                + cx.doc.text[m.inner.end as usize..]
                    .chars()
                    .next()
                    .map_or(0, |c| c.len_utf8() as u32),
        );
    }
    (a < b).then_some(sp)
}

fn is_content_token(cx: &Ctx, i: usize) -> bool {
    let t = cx.tok(i);
    t.is_word() || t.kind == TokenKind::Number || matches!(cx.norm(i), ")" | "%" | "(")
}

/// Speaker as found: entity, span, anonymous flag.
#[derive(Debug, Clone, Copy, Default)]
struct Speaker {
    entity: Option<usize>,
    span: Option<Span>,
}

/// Resolves the noun phrase `[a, b)` to a speaker.
fn resolve_np(cx: &Ctx, a: usize, b: usize) -> Speaker {
    let Some(span) = trimmed(cx, a, b) else {
        return Speaker::default();
    };
    let head = cx.noun_class(a);
    if head == Some(NounClass::Anon) {
        return Speaker {
            entity: None,
            span: Some(span),
        };
    }
    let ents = cx.entity_at(span);
    let first_tok = cx.tok(a).span;
    // a place after a preposition only modifies the phrase (الدفاع المدني بمنطقة
    // نجران); in a construct it stands for its institution (شرطة مدينة لافاييت)
    let modifier = |m: Span| {
        let k = cx.doc.tokens.partition_point(|t| t.span.start < m.start);
        (k.saturating_sub(2)..k).any(|j| {
            let w = Ctx::strip_conj(cx.norm(j)).0;
            cx.tok(j).is_word()
                && (matches!(w, "في" | "من" | "الي" | "علي")
                    || (w.starts_with('ب') || w.starts_with('ل'))
                        && w != "باسم"
                        && !cx.lex.nouns.contains_key(w)
                        && cx.entity_at(cx.tok(j).span).is_empty())
        })
    };
    let entity = if let Some(&(_, e)) = ents.iter().find(|(m, _)| m.overlaps(first_tok)) {
        // the phrase opens with a name ("الكرملين"); a title-headed phrase never does
        Some(e)
    } else if let Some(&(_, e)) = {
        // role (+ rank) + name: the name closes the phrase and earlier persons are
        // complements of the role (مستشار الرئيس بوتين يوري أوشاكوف); a phrase that
        // opens with a name keeps it (يوري أوشاكوف مساعد الرئيس … بوتين)
        let titled = matches!(head, Some(NounClass::Title | NounClass::Spokes))
            || cx.norm(a).starts_with("ال");
        let mut pers = ents
            .iter()
            .filter(|&&(_, e)| cx.etype(e) == EntityType::Per);
        if titled {
            pers.next_back()
        } else {
            pers.next()
        }
    } {
        Some(e)
    } else if head == Some(NounClass::Spokes) {
        // المتحدث باسم X speaks for X
        ents.iter()
            .find(|&&(m, e)| match cx.etype(e) {
                EntityType::Org => true,
                EntityType::Loc => !modifier(m),
                _ => false,
            })
            .map(|&(_, e)| e)
    } else if head == Some(NounClass::Title) {
        role_entity(cx, span).or_else(|| role_antecedent(cx, a, b))
    } else {
        ents.iter()
            .find(|&&(m, e)| match cx.etype(e) {
                EntityType::Misc => false,
                EntityType::Loc => !modifier(m),
                _ => true,
            })
            .map(|&(_, e)| e)
    };
    // the entity layer may miss a bare surname ("العفيفي" after "فضل العفيفي")
    // or a definite org head standing for a named org ("الوزارة" after "وزارة الصحة")
    let entity = entity
        .or_else(|| surname_entity(cx, span))
        .or_else(|| head_entity(cx, a, b));
    Speaker {
        entity,
        span: Some(span),
    }
}

/// An appositive name after the speaker phrase ending at `np_end`: a comma, up to
/// four title or rank words, a PER mention, then a comma, colon or `limit`
/// (قائد معركة تحرير العند، اللواء فضل حسن، إن …). Returns the token after the
/// name and the person.
fn appositive(cx: &Ctx, np_end: usize, limit: usize) -> Option<(usize, usize)> {
    if np_end >= limit || !cx.is_punct(np_end, &["،", ","]) {
        return None;
    }
    let from = cx.tok(np_end).span.end;
    let reach = (np_end + 6).min(limit);
    if reach <= np_end + 1 {
        return None;
    }
    let until = cx.tok(reach - 1).span.end;
    let (m, e) = cx
        .mentions
        .iter()
        .find(|(m, e)| m.start >= from && m.end <= until && cx.etype(*e) == EntityType::Per)
        .copied()?;
    // only words between the comma and the name
    let first = cx.doc.tokens.partition_point(|t| t.span.start < m.start);
    if (np_end + 1..first).any(|k| !cx.tok(k).is_word() || cx.boundary(k)) {
        return None;
    }
    let end = cx.doc.tokens.partition_point(|t| t.span.start < m.end);
    let closes = end == limit || (end < limit && cx.is_punct(end, &["،", ",", ":"]));
    closes.then_some((end, e))
}

/// A PER mention that ends right before the opener `oj`, with only words (at most
/// six) between `from` and it.
fn name_before_opener(cx: &Ctx, from: usize, oj: usize) -> Option<usize> {
    // a comma may close the name (… محمد الربيعة، إن …)
    let oj = if oj > from + 1 && cx.is_punct(oj - 1, &["،", ","]) {
        oj - 1
    } else {
        oj
    };
    if oj <= from || oj - from > 12 || (from..oj).any(|k| !cx.tok(k).is_word()) {
        return None;
    }
    let end = cx.tok(oj - 1).span.end;
    let start = cx.tok(from).span.start;
    cx.mentions
        .iter()
        .find(|(m, e)| m.end == end && m.start > start && cx.etype(*e) == EntityType::Per)
        .map(|&(_, e)| e)
}

/// A person entity whose canonical name ends with the last word of a short phrase (a surname).
fn surname_entity(cx: &Ctx, span: Span) -> Option<usize> {
    let words: Vec<&str> = cx
        .doc
        .tokens_in(span)
        .filter(|&k| cx.tok(k).is_word())
        .map(|k| cx.norm(k))
        .collect();
    let last = *words.last()?;
    if words.len() > 3 || last.chars().count() < 3 {
        return None;
    }
    let last = last
        .strip_prefix("ال")
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(last);
    let by_name = cx.doc.entities.iter().position(|e| {
        e.kind == EntityType::Per && {
            let name = rasd_text::normalize_key(&e.name);
            let words: Vec<&str> = bare_words(&name).collect();
            words.len() >= 2 && words.last() == Some(&last)
        }
    });
    // else a multi-word PER mention before the phrase holding the surname after its first word
    by_name.or_else(|| {
        cx.mentions
            .iter()
            .rev()
            .filter(|(m, _)| m.end <= span.start)
            .find(|&&(m, e)| {
                cx.etype(e) == EntityType::Per
                    && bare_words(&rasd_text::normalize_key(cx.doc.slice(m)))
                        .skip(1)
                        .any(|x| x == last)
            })
            .map(|&(_, e)| e)
    })
}

/// Words of a normalised string with the article dropped (وزارة، صحة).
fn bare_words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace().map(|w| {
        w.strip_prefix("ال")
            .filter(|r| r.chars().count() >= 2)
            .unwrap_or(w)
    })
}

/// A definite noun heading `[a, b)` (الوزارة، اللجنة العليا) names the most recent
/// ORG mention before it whose name contains that noun (وزارة الصحة).
fn head_entity(cx: &Ctx, a: usize, b: usize) -> Option<usize> {
    let a = (a..b).find(|&k| cx.tok(k).is_word())?;
    let w = cx.norm(a);
    let head = w.strip_prefix("ال")?;
    if head.chars().count() < 3 || cx.tok(a).span.start == 0 {
        return None;
    }
    let before = cx.tok(a).span.start;
    cx.mentions
        .iter()
        .rev()
        .filter(|(m, _)| m.end <= before)
        .find(|&&(m, e)| {
            cx.etype(e) == EntityType::Org
                && bare_words(&rasd_text::normalize_key(cx.doc.slice(m))).any(|x| x == head)
        })
        .map(|&(_, e)| e)
}

/// A role-only phrase (المدرب الروماني، الوزير الأمريكي) names the person last
/// introduced with the same role word (المدرب الروماني ريجيكامب … قال المدرب).
fn role_antecedent(cx: &Ctx, a: usize, b: usize) -> Option<usize> {
    let bare = |k: usize| {
        let w = Ctx::strip_conj(cx.key(k)).0;
        w.strip_prefix("ال").unwrap_or(w).to_string()
    };
    let role = bare(a);
    // the phrase itself holds no name
    let span = Span::new(cx.tok(a).span.start, cx.tok(b - 1).span.end);
    if !cx.entity_at(span).is_empty() {
        return None;
    }
    (0..a).rev().find_map(|k| {
        if !cx.tok(k).is_word() || bare(k) != role {
            return None;
        }
        let from = cx.tok(k).span.end;
        let until = cx.tok((k + 5).min(a - 1)).span.end;
        cx.mentions
            .iter()
            .find(|(m, e)| {
                m.start >= from
                    && m.end <= until
                    && cx.etype(*e) == EntityType::Per
                    && !cx.in_mark(m.start)
            })
            .map(|&(_, e)| e)
    })
}

/// An entity one of whose roles is the title phrase `span` (the entity layer links titles).
fn role_entity(cx: &Ctx, span: Span) -> Option<usize> {
    let phrase = rasd_text::normalize_key(cx.doc.slice(span));
    cx.doc.entities.iter().position(|e| {
        e.roles.iter().any(|r| {
            let r = rasd_text::normalize_key(r);
            !r.is_empty() && (phrase.starts_with(&r) || r.starts_with(&phrase))
        })
    })
}

/// Nearest PER/ORG mention before token `cue` back to byte `from`, outside quotation
/// marks, that agrees with the cue: a feminine cue (قالت، مشيرة) takes an organisation
/// (or place), a plural cue (قالوا) no single entity.
fn look_back(cx: &Ctx, from: u32, cue: usize) -> Option<(Span, usize)> {
    let until = cx.tok(cue).span.start;
    let agr = cx.agr(cue);
    if agr == Agr::Plural {
        return None;
    }
    cx.mentions
        .iter()
        .rev()
        .filter(|(m, _)| m.start >= from && m.end <= until && !cx.in_mark(m.start))
        .find(|&&(_, e)| match (agr, cx.etype(e)) {
            (Agr::Fem, t) => t == EntityType::Org,
            (_, t) => matches!(t, EntityType::Per | EntityType::Org),
        })
        .copied()
}

/// The entity named as subject right after the first finite reporting verb between
/// byte `from` and token `cue` (its speaker phrase, as for a quote cue).
fn main_verb_subject(cx: &Ctx, from: u32, cue: usize) -> Option<usize> {
    let a = cx.doc.tokens.partition_point(|t| t.span.start < from);
    let (k, end) = (a..cue).find_map(|k| {
        cx.cue_at(k)
            .filter(|&(_, f, _)| f != Form::Participle)
            .map(|(e, _, _)| (k, e))
    })?;
    let lead = skip_source(cx, skip_addressee(cx, end, cue), cue);
    let np_end = np_extent(cx, lead, cue, false);
    let sp = resolve_np(cx, lead, np_end);
    let agr_ok = |e: usize| {
        cx.agr(cue) != Agr::Plural && (cx.agr(cue) != Agr::Fem || cx.etype(e) != EntityType::Per)
    };
    sp.entity
        .or_else(|| appositive(cx, np_end, cue).map(|(_, e)| e))
        .filter(|&e| agr_ok(e) && cx.agr(k) == cx.agr(cue))
}

/// Like [`look_back`] but the first agreeing mention after `from`: in a clause
/// whose subject was dropped, the first name is the subject of its first verb.
fn first_mention(cx: &Ctx, from: u32, cue: usize) -> Option<(Span, usize)> {
    let until = cx.tok(cue).span.start;
    let agr = cx.agr(cue);
    if agr == Agr::Plural {
        return None;
    }
    cx.mentions
        .iter()
        .filter(|(m, _)| m.start >= from && m.end <= until && !cx.in_mark(m.start))
        .find(|&&(_, e)| match (agr, cx.etype(e)) {
            (Agr::Fem, t) => t == EntityType::Org,
            (_, t) => matches!(t, EntityType::Per | EntityType::Org),
        })
        .copied()
}

/// Whether an inherited speaker `e`, last heard with a cue of agreement `prev`, agrees
/// with a cue of agreement `now` (وقالت الوزارة … وأضاف cannot be the ministry).
fn agrees(cx: &Ctx, e: Option<usize>, prev: Agr, now: Agr) -> bool {
    let Some(e) = e else { return true };
    match now {
        Agr::Plural => prev == Agr::Plural,
        Agr::Fem => prev == Agr::Fem || cx.etype(e) != EntityType::Per,
        Agr::Masc => prev != Agr::Fem || cx.etype(e) == EntityType::Per,
    }
}

fn build(cx: &Ctx, cues: &[Cue]) -> Vec<Quote> {
    let doc = cx.doc;
    let n = doc.tokens.len();
    let mut out: Vec<Quote> = Vec::new();
    // previous speaker (entity, span, paragraph index) for dropped subjects
    // (entity, sentence, quote index, agreement of its cue)
    let mut last: Option<(Option<usize>, usize, usize, Agr)> = None;
    for (ci, cue) in cues.iter().enumerate() {
        let (c0, c1) = cue.tok;
        let s = cx.sent[c0];
        let sent = doc.sentences[s];
        let cue_span = Span::new(cx.tok(c0).span.start, cx.tok(c1 - 1).span.end);
        // the next sequential cue in the same sentence ends an indirect content
        let next_seq = cues[ci + 1..]
            .iter()
            .find(|c| cx.sent[c.tok.0] == s && c.sequential)
            .map_or(n, |c| {
                // a linking adverb (، حيث قال …) goes with the next cue
                let k = c.tok.0;
                if k > 0
                    && cx.tok(k - 1).is_word()
                    && LINKERS.contains(&Ctx::strip_conj(cx.norm(k - 1)).0)
                {
                    k - 1
                } else {
                    k
                }
            });
        let sent_end_tok = doc.tokens.partition_point(|t| t.span.start < sent.end);
        // an adverbial participle after a comma (، مشيرا إلى …) ends the content too
        let after = cue.opener.map_or(c1, |o| o.token() + 1);
        let next_seq = (after..sent_end_tok)
            .find(|&k| {
                k > 0
                    && cx.is_punct(k - 1, &["،", ","])
                    && (cx.cue_at(k).is_some_and(|(_, f, _)| f == Form::Participle)
                        || CIRCUMSTANTIAL.contains(&Ctx::strip_conj(cx.norm(k)).0))
            })
            .map_or(next_seq, |k| k.min(next_seq));
        // in speech after a colon, a later cue opening its own speech with a colon is a
        // new quote: end at the last comma before it (…، وعن X قال المدرب: …)
        let colon_speech = matches!(cue.opener, Some(Opener::Colon(_)));
        let next_seq = cues[ci + 1..]
            .iter()
            .find(|c| {
                colon_speech && cx.sent[c.tok.0] == s && matches!(c.opener, Some(Opener::Colon(_)))
            })
            .map_or(next_seq, |c| {
                let k = (after..c.tok.0)
                    .rev()
                    .find(|&k| cx.is_punct(k, &["،", ","]))
                    .unwrap_or(c.tok.0);
                k.min(next_seq)
            });
        let (content, kind, region, speaker) = if let Some((src, opens)) = cue.attribution {
            let force = cx.norm(src).starts_with('ل') && cue.form == Form::Perfect;
            let np_end = np_extent(cx, src, sent_end_tok, force);
            // a source that opens the sentence ends before the first indefinite word
            // outside a name (بحسب ما جاء في المقطع | كانت الفتاتان …)
            let np_end = if opens {
                (src + 1..np_end)
                    .find(|&k| {
                        let t = cx.tok(k);
                        t.is_word()
                            && !Ctx::strip_conj(cx.norm(k)).0.starts_with("ال")
                            && cx.entity_at(t.span).is_empty()
                            && !cx.in_mark(t.span.start)
                    })
                    .unwrap_or(np_end)
            } else {
                np_end
            };
            let mut sp = resolve_np(cx, src, np_end);
            let np_end = match appositive(cx, np_end, sent_end_tok) {
                Some((end, e)) if np_end > src => {
                    sp.entity = Some(e);
                    sp.span = trimmed(cx, src, end);
                    end
                }
                _ => np_end,
            };
            let (a, b) = if opens {
                let mut a = np_end;
                while a < sent_end_tok && (!cx.tok(a).is_word() || is_bare_comp(cx.norm(a))) {
                    a += 1;
                }
                (a, sent_end_tok.min(next_seq))
            } else {
                let a = out
                    .last()
                    .filter(|q| q.content.end > sent.start && q.content.end <= cue_span.start)
                    .map_or(
                        doc.tokens.partition_point(|t| t.span.start < sent.start),
                        |q| doc.tokens.partition_point(|t| t.span.start < q.content.end),
                    );
                (a, c0)
            };
            let Some(content) = trimmed(cx, a, b) else {
                continue;
            };
            let kind = kind_of(cx, content, false);
            (content, kind, (c1, np_end), sp)
        } else {
            let Some(op) = cue.opener else { continue };
            let oj = op.token();
            let relative = c0 > 0 && RELATIVE.contains(&Ctx::strip_conj(cx.norm(c0 - 1)).0);
            let (content, kind) = match op {
                Opener::Quote(_, m) => (strip_comp(cx, cx.marks[m].inner), QuoteKind::Direct),
                Opener::Colon(j) => {
                    let k = j + 1;
                    if k < n {
                        if let Some(m) = cx.mark_opening_at(cx.tok(k).span.start) {
                            (strip_comp(cx, cx.marks[m].inner), QuoteKind::Direct)
                        } else {
                            let ks = cx.sent[k];
                            let e = doc
                                .tokens
                                .partition_point(|t| t.span.start < doc.sentences[ks].end);
                            let e = if ks == s { e.min(next_seq) } else { e };
                            // a complementiser after the colon (قال: إن …) makes it reported
                            // speech: indirect, the bare complementiser dropped
                            let w = cx.norm(k);
                            // (أنا after a colon is "I", not أنّا)
                            let comp = is_bare_comp(w) || (is_comp_pronoun(w) && w != "انا");
                            let start = if is_bare_comp(w) { k + 1 } else { k };
                            match trimmed(cx, start, e) {
                                Some(sp) => (sp, kind_of(cx, sp, !comp)),
                                None => continue,
                            }
                        }
                    } else {
                        continue;
                    }
                }
                Opener::Comp(j) => {
                    let w = cx.norm(j);
                    let start = if is_bare_comp(w) { j + 1 } else { j };
                    let direct = (start < n)
                        .then(|| cx.mark_opening_at(cx.tok(start).span.start))
                        .flatten()
                        .filter(|&m| {
                            let k = doc
                                .tokens
                                .partition_point(|t| t.span.start < cx.marks[m].end);
                            (k..sent_end_tok.min(next_seq)).all(|x| !is_content_token(cx, x))
                                || (k < n
                                    && !is_content_token(cx, k)
                                    && cx.mark_opening_at(cx.tok(k).span.start).is_none())
                        });
                    if let Some(m) = direct {
                        (strip_comp(cx, cx.marks[m].inner), QuoteKind::Direct)
                    } else {
                        // a quote inside a relative clause (القاتل، الذي قالت السلطات إنه
                        // يدعى X، …) ends with the clause, at the next comma
                        let end = sent_end_tok.min(next_seq);
                        let end = if relative {
                            (start..end)
                                .find(|&k| cx.is_punct(k, &["،", ","]))
                                .unwrap_or(end)
                        } else {
                            end
                        };
                        match trimmed(cx, start, end) {
                            Some(sp) => (sp, kind_of(cx, sp, false)),
                            None => continue,
                        }
                    }
                }
            };
            if content.is_empty() {
                continue;
            }
            // a quotation before its cue («…»، بهذه الكلمات أوجز X): the speaker
            // phrase runs to the end of the sentence
            let preposed = oj < c0;
            let oj = if preposed { sent_end_tok } else { oj };
            // speaker: explicit after the verb, before it, or dropped
            let np_end = if cue.form == Form::Participle {
                c1
            } else {
                np_extent(cx, c1, oj, false)
            };
            let lead = skip_source(cx, skip_addressee(cx, c1, oj), oj);
            let np_end = if cue.form == Form::Participle {
                np_end
            } else {
                np_extent(cx, lead, oj, false)
            };
            if cue.form == Form::Imperfect && np_end == lead {
                continue;
            }
            let mut sp = resolve_np(cx, lead, np_end);
            // نقلت X عن Y قوله إن …: Y is the speaker (X only passes it on)
            if np_end < oj && Ctx::strip_conj(cx.norm(np_end)).0 == "عن" {
                if let Some(k) = (np_end + 1..oj).find(|&k| cx.norm(k).starts_with("قول")) {
                    let y = resolve_np(cx, np_end + 1, k);
                    if y.span.is_some() {
                        sp = y;
                    }
                }
            }
            if cue.form != Form::Participle && np_end > lead {
                if let Some((end, e)) = appositive(cx, np_end, oj) {
                    sp.entity = Some(e);
                    sp.span = trimmed(cx, lead, end);
                } else if sp.entity.is_none_or(|e| cx.etype(e) != EntityType::Per) {
                    // a role in an organisation, then the name right before the opener
                    // (رئيس لجنة الاحتراف في الاتحاد السعودي عبدالله البرقان أنه …)
                    if let Some(e) = name_before_opener(cx, np_end, oj) {
                        sp.entity = Some(e);
                        sp.span = trimmed(cx, lead, oj);
                    } else if preposed {
                        // …أوجز القائد العسكري في محافظة عدن العميد عبدالله صبيحي أحداث …
                        let from = cx.tok(np_end.min(n - 1)).span.start;
                        let found = cx.mentions.iter().find(|(m, e)| {
                            m.start >= from && cx.etype(*e) == EntityType::Per && {
                                let k = cx.doc.tokens.partition_point(|t| t.span.start < m.start);
                                k <= np_end + 10 && (np_end..k).all(|x| cx.tok(x).is_word())
                            }
                        });
                        if let Some(&(m, e)) = found {
                            let k = cx.doc.tokens.partition_point(|t| t.span.start < m.end);
                            sp.entity = Some(e);
                            sp.span = trimmed(cx, lead, k);
                        }
                    }
                }
            }
            // a passive cue (أُعلن أن، ذُكر أن) has no speaker to inherit
            let passive = cue.form == Form::Perfect && cx.passive(c0);
            if passive && sp.span.is_none() {
                sp = Speaker::default();
            } else if sp.span.is_none() && relative && c0 >= 2 {
                // الشرطة التي رجحت أن …: the antecedent of the relative is the subject when
                // the verb agrees with the pronoun (not in الخيارات التي قال إنها …)
                let k = c0 - 2;
                let rel_agr = match Ctx::strip_conj(cx.norm(c0 - 1)).0 {
                    "الذي" => Agr::Masc,
                    "التي" => Agr::Fem,
                    _ => Agr::Plural,
                };
                if cx.tok(k).is_word() && rel_agr == cx.agr(c0) {
                    let end = cx.tok(k).span.end;
                    let a = cx
                        .mentions
                        .iter()
                        .filter(|(m, _)| m.end == end)
                        .map(|(m, _)| cx.doc.tokens.partition_point(|t| t.span.start < m.start))
                        .min()
                        .unwrap_or(k);
                    sp = resolve_np(cx, a, k + 1);
                }
            }
            if sp.span.is_none() && !passive {
                let now = cx.agr(c0);
                let prev_in_sentence = out.last().filter(|q| {
                    cx.sent[doc.tokens.partition_point(|t| t.span.start < q.cue.start)] == s
                });
                if cue.form == Form::Participle || cue.sequential && prev_in_sentence.is_some() {
                    if let Some(q) = prev_in_sentence {
                        let e = q
                            .speaker
                            .as_ref()
                            .and_then(|id| doc.entities.iter().position(|e| &e.id == id));
                        let prev =
                            cx.agr(doc.tokens.partition_point(|t| t.span.start < q.cue.start));
                        sp.entity = e.filter(|_| agrees(cx, e, prev, now));
                        sp.span = None;
                    } else if let Some(e) = main_verb_subject(cx, sent.start, c0) {
                        // أوضح المتحدث … X قيام الوزير …، مشيرا إلى أن …: the subject of the
                        // clause's reporting verb, not the nearest name (a genitive)
                        sp.entity = Some(e);
                    } else if let Some((_, e)) = look_back(cx, sent.start, c0) {
                        sp.entity = Some(e);
                    } else if let Some((e, ls, _, la)) = last {
                        if s.saturating_sub(ls) <= 3 && agrees(cx, e, la, now) {
                            sp.entity = e;
                        }
                    }
                } else {
                    let from = out
                        .last()
                        .filter(|q| q.content.end > sent.start && q.content.end <= cue_span.start)
                        .map_or(sent.start, |q| q.content.end);
                    // a verb inside an earlier content without a conjunction (إن الرئيس
                    // أوباما ادعى بأنه …) is nested: its subject precedes it in that content
                    let enclosing = out
                        .iter()
                        .rev()
                        .find(|q| q.content.contains(cue_span))
                        .filter(|_| !cue.sequential);
                    let prev_sent = doc.sentences[s.saturating_sub(2)].start;
                    let nested = enclosing.and_then(|q| look_back(cx, q.content.start, c0));
                    if let Some((m, e)) = nested {
                        sp.entity = Some(e);
                        sp.span = Some(m);
                    } else if let Some(e) = main_verb_subject(cx, from, c0) {
                        // ونفى المدرب X … توماس مولر … وقال: the first verb's subject
                        sp.entity = Some(e);
                    } else if let Some((m, e)) = if cue.sequential {
                        // كرر روحاني مزاعم … بيد داعش، وأضاف: the clause's first name
                        first_mention(cx, from, c0)
                    } else {
                        look_back(cx, from, c0)
                    } {
                        sp.entity = Some(e);
                        sp.span = Some(m);
                    } else if let Some((e, _, _, la)) = last.filter(|l| s.saturating_sub(l.1) <= 4)
                    {
                        if agrees(cx, e, la, now) {
                            sp.entity = e;
                        }
                    } else if let Some(e) = main_verb_subject(cx, prev_sent, c0) {
                        sp.entity = Some(e);
                    } else if let Some((_, e)) = first_mention(cx, prev_sent, c0) {
                        sp.entity = Some(e);
                    }
                }
            }
            let region = if preposed {
                (np_end, np_end)
            } else {
                (np_end, oj)
            };
            (content, kind, region, sp)
        };
        let (ra, rb) = region;
        let region_span = if ra < rb {
            Span::new(cx.tok(ra).span.start, cx.tok(rb - 1).span.end)
        } else {
            Span::new(cue_span.end, cue_span.end)
        };
        let attr_span = cue_span.cover(region_span);
        // channel: in the region, else before the cue in the same sentence
        let before = Span::new(sent.start.min(cue_span.start), cue_span.start);
        let before_tok = doc.tokens_in(before);
        let channel = channel_at(cx, ra, rb.max(ra))
            .or_else(|| channel_at(cx, before_tok.start, before_tok.end))
            .and_then(|(a, b)| trimmed(cx, a, b))
            .filter(|sp| !sp.overlaps(content))
            .map(|sp| doc.slice(sp).to_string());
        let addressee = addressee(cx, ra, rb.max(ra));
        // a statement is dated by a DATE in its cue clause (not a duration or a set)
        let time = doc
            .times
            .iter()
            .find(|t| {
                t.kind == rasd_doc::TimeType::Date
                    && !occasion(cx, t.span)
                    && (attr_span.contains(t.span) || before.contains(t.span))
                    // not from an earlier quote's content, unless this one is nested in it
                    && !out
                        .iter()
                        .any(|q| q.content.overlaps(t.span) && !q.content.contains(cue_span))
                    && !t.span.overlaps(content)
                    && !cx.in_mark(t.span.start)
            })
            .map(|t| t.id.clone());
        let found = speaker;
        let speaker = found.entity.map(|e| doc.entities[e].id.clone());
        last = Some((found.entity, s, out.len(), cx.agr(c0)));
        out.push(Quote {
            id: String::new(),
            speaker,
            speaker_span: found.span,
            cue: cue_span,
            content,
            kind,
            addressee,
            channel,
            reported_by: None,
            time,
        });
    }
    out.sort_by_key(|q| q.cue.start);
    out.dedup_by(|b, a| a.cue == b.cue);
    for (k, q) in out.iter_mut().enumerate() {
        q.id = format!("Q{}", k + 1);
    }
    // nesting: the innermost other quote whose content holds this cue, when its
    // speaker differs (a speaker does not report his own words)
    let spans: Vec<(Span, String, Option<String>)> = out
        .iter()
        .map(|q| (q.content, q.id.clone(), q.speaker.clone()))
        .collect();
    for q in &mut out {
        q.reported_by = spans
            .iter()
            .filter(|(c, id, _)| *id != q.id && c.contains(q.cue))
            .min_by_key(|(c, _, _)| c.len())
            .filter(|(_, _, sp)| sp.is_none() || *sp != q.speaker)
            .map(|(_, id, _)| id.clone());
    }
    out
}

/// A quotation that opens with a bare complementiser («إن الدول …») loses it: the
/// content never carries إن/أن/بأن (a pronoun-bearing إنه/أنها stays).
fn strip_comp(cx: &Ctx, inner: Span) -> Span {
    let r = cx.doc.tokens_in(inner);
    let mut k = r.start;
    while k < r.end && !cx.tok(k).is_word() {
        k += 1;
    }
    if k + 1 < r.end && is_bare_comp(cx.norm(k)) && !matches!(cx.norm(k), "وان" | "فان") {
        let next = cx.tok(k + 1).span.start;
        // not إن شاء الله
        if cx.norm(k + 1) != "شاء" {
            return Span::new(next, inner.end);
        }
    }
    inner
}

/// Whether a time expression is the genitive of an occasion noun (لقضاء عطلة عيد
/// الشكر، في ذكرى …): it names the occasion, not when the words were said.
fn occasion(cx: &Ctx, span: Span) -> bool {
    let k = cx.doc.tokens.partition_point(|t| t.span.start < span.start);
    k > 0 && cx.tok(k - 1).is_word() && {
        let w = Ctx::strip_conj(cx.key(k - 1)).0;
        let w = w.strip_prefix('ل').unwrap_or(w);
        matches!(
            w,
            "عطلة"
                | "اجازة"
                | "موسم"
                | "احتفالات"
                | "احتفال"
                | "ذكري"
                | "مناسبة"
                | "عطلات"
        )
    }
}

/// Direct when the whole content is one quotation (or a colon introduced it),
/// mixed when it holds a quoted fragment of three words or more, else indirect.
fn kind_of(cx: &Ctx, content: Span, after_colon: bool) -> QuoteKind {
    let fragment = cx.marks.iter().any(|m| {
        // a quoted title (تقرير بعنوان "…") is no quoted speech
        let titled = cx
            .doc
            .tokens
            .partition_point(|t| t.span.start < m.open)
            .checked_sub(1)
            .is_some_and(|k| {
                cx.tok(k).is_word()
                    && matches!(
                        Ctx::strip_conj(cx.norm(k)).0,
                        "بعنوان" | "عنوان" | "عنوانه" | "عنوانها"
                    )
            });
        !titled
            && content.contains(m.inner)
            && cx
                .doc
                .tokens_in(m.inner)
                .filter(|&k| cx.tok(k).is_word())
                .count()
                >= 3
    });
    if after_colon {
        QuoteKind::Direct
    } else if fragment {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    }
}

/// The addressee in the attribution region `[a, b)`: لـX, لكبير مراسلي … X, في مقابلة مع X.
fn addressee(cx: &Ctx, a: usize, b: usize) -> Option<String> {
    let doc = cx.doc;
    for i in a..b {
        let intro = if cx.norm(i) == "ل" && i + 1 < b {
            let mut j = i + 1;
            if cx.mark_opening_at(cx.tok(j).span.start).is_some() && j + 1 < b {
                j += 1;
            }
            Some(cx.tok(j).span.start)
        } else if let Some(rest) = cx.lam_prefixed(i) {
            Some(rest)
        } else if cx.norm(i) == "مع" && i > a && channel_at(cx, a, i).is_some() {
            (i + 1 < b).then(|| cx.tok(i + 1).span.start)
        } else {
            None
        };
        let Some(rest) = intro else { continue };
        // a name right after the preposition
        if let Some(&(_, e)) = cx.mentions.iter().find(|(m, _)| m.start == rest) {
            return Some(doc.entities[e].id.clone());
        }
        let k = cx.key(i);
        let k = k.strip_prefix('ل').unwrap_or(k);
        let k = k.strip_prefix('ل').unwrap_or(k);
        if matches!(cx.lex.nouns.get(k), Some(NounClass::Crowd)) {
            return None;
        }
        // a head noun (لكبير مراسلي …، لصحيفة …): the first person, else organisation, up to b
        let region = Span::new(cx.tok(i).span.start, cx.tok(b - 1).span.end);
        let ents = cx.entity_at(region);
        let pick = ents
            .iter()
            .find(|&&(_, e)| cx.etype(e) == EntityType::Per)
            .or_else(|| ents.iter().find(|&&(_, e)| cx.etype(e) == EntityType::Org));
        if let Some(&(_, e)) = pick {
            return Some(doc.entities[e].id.clone());
        }
        return None;
    }
    None
}

/// Skips an attribution phrase that opens the region of a verb (وأضاف، بحسب وكالة
/// الأنباء الألمانية: «…»): its source is not the speaker.
fn skip_source(cx: &Ctx, a: usize, limit: usize) -> usize {
    let mut k = a;
    while k < limit && cx.is_punct(k, &["،", ","]) {
        k += 1;
    }
    let Some(c) = (k < limit).then(|| attribution_at(cx, k)).flatten() else {
        return a;
    };
    let Some((src, _)) = c.attribution else {
        return a;
    };
    let mut j = np_extent(cx, src, limit, false);
    while j < limit && cx.is_punct(j, &["،", ","]) {
        j += 1;
    }
    j
}

/// Skips an addressee that opens the region (قال لـ"الاقتصادية" مصدر …، كشف لـ«عكاظ» …).
fn skip_addressee(cx: &Ctx, a: usize, limit: usize) -> usize {
    if a >= limit || cx.norm(a) != "ل" {
        return a;
    }
    let mut j = a + 1;
    if j < limit {
        if let Some(m) = cx.mark_opening_at(cx.tok(j).span.start) {
            j = cx
                .doc
                .tokens
                .partition_point(|t| t.span.start < cx.marks[m].end);
        } else {
            j += 1;
        }
    }
    let mut j = j.min(limit);
    while j < limit && cx.is_punct(j, &["،", ","]) {
        j += 1;
    }
    j
}
