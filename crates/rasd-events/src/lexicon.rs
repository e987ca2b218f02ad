//! The bundled lexicons: event triggers, auxiliary-mode cues and nominal agents.
//!
//! All three are sorted TSV files under `data/lexicons/` (see `data/SOURCES.md`).
//! Trigger keys are lemmas; [`TriggerLexicon`] expands each into the surface
//! forms news writes (verb conjugations, noun plurals, tanwin accusatives,
//! construct forms before an enclitic) so that matching is one hash lookup per
//! clitic analysis of a token.
use std::collections::HashMap;

use crate::{Error, Result};

/// The bundled trigger lexicon (generated; see `data/lexicons/tools/build_event_lexicon.py`).
pub const TRIGGERS_TSV: &str = include_str!("../../../data/lexicons/event_triggers.tsv");
/// The bundled auxiliary-mode cues.
pub const AUX_TSV: &str = include_str!("../../../data/lexicons/event_aux.tsv");
/// The bundled nominal agents (sector nouns, nationality adjectives).
pub const AGENTS_TSV: &str = include_str!("../../../data/lexicons/event_agents.tsv");

/// The bundled context words (consequences of violence, non-human agents).
pub const CONTEXT_TSV: &str = include_str!("../../../data/lexicons/event_context.tsv");

/// What a context word tells about a nearby trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextKind {
    /// A consequence of violence (قتلى، جرحى، أسفر): an attack was reported, not named.
    Effect,
    /// A non-human agent (فيروس، الإعصار): "attacks" by it are not ASSAULT.
    NonHuman,
    /// A predicate of occurrence (شن، وقع، تعرض): an event noun near it is reported.
    Occur,
    /// A word that makes the event noun after it a topic (منذ، تهمة، ذكرى).
    Topic,
    /// A verb or noun of aim: an event noun it governs through إلى/لـ is
    /// not (yet) a fact ("دفع أوكرانيا إلى توقيع اتفاق").
    Goal,
    /// A definite protest participant (المتظاهرون): the protest is known already.
    Participant,
}

/// Context words by Match-normalised form.
#[derive(Debug, Clone, Default)]
pub struct ContextLexicon {
    words: HashMap<String, ContextKind>,
}

impl ContextLexicon {
    /// Parses the context TSV (`word kind`).
    pub fn parse(tsv: &str) -> Result<ContextLexicon> {
        let mut words = HashMap::new();
        for (n, line) in data_lines(tsv) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 2 {
                return Err(line_error("event_context", n, "expected 2 fields"));
            }
            let k = match f[1] {
                "effect" => ContextKind::Effect,
                "nonhuman" => ContextKind::NonHuman,
                "occur" => ContextKind::Occur,
                "topic" => ContextKind::Topic,
                "goal" => ContextKind::Goal,
                "participant" => ContextKind::Participant,
                o => return Err(line_error("event_context", n, format!("unknown kind {o}"))),
            };
            words.insert(f[0].to_string(), k);
        }
        Ok(ContextLexicon { words })
    }

    /// The kind of a normalised word, trying its clitic analyses.
    pub fn lookup(&self, word: &str) -> Option<ContextKind> {
        rasd_text::clitics::candidates(word)
            .into_iter()
            .find_map(|a| self.words.get(a.stem(word)).copied())
    }
}

/// The 16 PLOVER event categories.
pub const CATEGORIES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// Part of speech of a trigger key, which decides how it inflects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// A verb lemma (perfect, 3rd person masculine singular).
    Verb,
    /// A noun, verbal noun or participle.
    Noun,
    /// An exact form (only clitics are stripped).
    Exact,
}

/// One element of a multiword trigger after its head word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ctx {
    /// Up to three words may be skipped here.
    Gap,
    /// One word matching any alternative: `(word, prefix?)`.
    Word(Vec<(String, bool)>),
}

/// One trigger entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    /// The key as written in the lexicon.
    pub key: String,
    /// How the head inflects.
    pub pos: Pos,
    /// Context words after the head.
    pub ctx: Vec<Ctx>,
    /// PLOVER category.
    pub category: &'static str,
    /// PLOVER mode, if the trigger determines one.
    pub mode: Option<String>,
    /// Source CAMEO code, if known.
    pub cameo: Option<String>,
    /// Prior confidence that the trigger denotes an event of its category.
    pub weight: f32,
    /// Sense constraints on the words around the match (column 8).
    pub sense: Sense,
}

/// Alternatives for one word: `(word, prefix?)`, as in [`Ctx::Word`].
pub type Alts = Vec<(String, bool)>;

/// Sense constraints of a trigger: which neighbouring words select (or
/// exclude) the event sense of a homograph. Written in the lexicon's
/// `sense` column as `;`-separated `next:`, `prev:`, `!next:`, `!prev:`
/// lists of `|`-alternatives (`*` = prefix): "تحقيق" is an investigation
/// with `next:في|مع|حول` or `prev:فتح*|لجنة`; "أيده" is not support in
/// `!next:الله`. When positive constraints exist one of them must hold;
/// no negative one may hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sense {
    /// The word right after the match must be one of these.
    pub next: Option<Alts>,
    /// The word right before the match must be one of these.
    pub prev: Option<Alts>,
    /// The word right after the match must not be one of these.
    pub not_next: Option<Alts>,
    /// The word right before the match must not be one of these.
    pub not_prev: Option<Alts>,
}

impl Sense {
    /// Parses the `sense` column (`-` or empty: no constraint).
    pub fn parse(s: &str) -> std::result::Result<Sense, String> {
        let mut out = Sense::default();
        for part in s
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty() && *p != "-")
        {
            let (k, v) = part
                .split_once(':')
                .ok_or_else(|| format!("sense constraint without ':' in {part:?}"))?;
            let alts = parse_alts(v);
            if alts.is_empty() {
                return Err(format!("empty sense constraint {part:?}"));
            }
            let slot = match k {
                "next" => &mut out.next,
                "prev" => &mut out.prev,
                "!next" => &mut out.not_next,
                "!prev" => &mut out.not_prev,
                o => return Err(format!("unknown sense constraint {o:?}")),
            };
            *slot = Some(alts);
        }
        Ok(out)
    }

    /// Whether there is any constraint.
    pub fn is_empty(&self) -> bool {
        self == &Sense::default()
    }
}

fn parse_alts(v: &str) -> Alts {
    v.split('|')
        .filter(|a| !a.is_empty())
        .map(|a| match a.strip_suffix('*') {
            Some(p) => (p.to_string(), true),
            None => (a.to_string(), false),
        })
        .collect()
}

/// Trigger entries indexed by every inflected surface form of their head word.
#[derive(Debug, Clone, Default)]
pub struct TriggerLexicon {
    entries: Vec<Trigger>,
    forms: HashMap<String, Vec<u32>>,
}

fn line_error(name: &str, line: usize, message: impl Into<String>) -> Error {
    Error::Lexicon {
        name: name.to_string(),
        line,
        message: message.into(),
    }
}

/// Data lines of a TSV lexicon with their 1-based line numbers.
fn data_lines(tsv: &str) -> impl Iterator<Item = (usize, &str)> {
    tsv.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

fn category(name: &str) -> Option<&'static str> {
    CATEGORIES.iter().copied().find(|c| *c == name)
}

fn dash(s: &str) -> Option<String> {
    (s != "-" && !s.is_empty()).then(|| s.to_string())
}

/// Surface forms of a verb lemma (perfect and imperfect, all persons news uses).
pub fn verb_forms(p: &str) -> Vec<String> {
    let mut out = vec![p.to_string()];
    let perfect_suffixes = ["ت", "وا", "ا", "تا", "ن", "نا", "تم", "و"];
    for s in perfect_suffixes {
        out.push(format!("{p}{s}"));
    }
    // defective verbs drop their last letter before -ت/-وا (ألقى → ألقت، ألقوا; دعا → دعت)
    if let Some(root) = p.strip_suffix('ي').or_else(|| p.strip_suffix('ا')) {
        if root.chars().count() >= 2 {
            for s in ["ت", "وا", "تا"] {
                out.push(format!("{root}{s}"));
            }
        }
    }
    // Imperfect stem: forms IV, VII, VIII, X drop the initial alef (أرسل → يرسل,
    // اعتقل → يعتقل); others keep the perfect consonants (هاجم → يهاجم).
    let stem = p
        .strip_prefix('ا')
        .filter(|s| s.chars().count() >= 3)
        .unwrap_or(p);
    for pre in ["ي", "ت", "ن", "ا"] {
        for suf in ["", "ون", "ان", "ين", "وا", "ن", "و"] {
            out.push(format!("{pre}{stem}{suf}"));
        }
    }
    // Passive participle-like and verbal noun forms are listed explicitly in the lexicon.
    out
}

/// Surface forms of a noun (plurals, dual, tanwin accusative, construct before enclitics).
pub fn noun_forms(n: &str) -> Vec<String> {
    let mut out = vec![n.to_string()];
    if let Some(base) = n.strip_suffix('ة') {
        for s in ["ات", "ت", "تان", "تين", "تي"] {
            out.push(format!("{base}{s}"));
        }
    } else {
        // no nisba -ي: اجتماعي (social) is not اجتماع (meeting)
        for s in ["ا", "ات", "ين", "ون", "ان", "و"] {
            out.push(format!("{n}{s}"));
        }
        out.push(format!("{n}ة"));
    }
    out
}

impl TriggerLexicon {
    /// Parses a trigger TSV (`key pos category mode cameo weight [origin [sense]]`).
    pub fn parse(tsv: &str) -> Result<TriggerLexicon> {
        let name = "event_triggers";
        let mut lex = TriggerLexicon::default();
        for (n, line) in data_lines(tsv) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 6 {
                return Err(line_error(
                    name,
                    n,
                    "expected at least 6 tab-separated fields",
                ));
            }
            let pos = match f[1] {
                "V" => Pos::Verb,
                "N" => Pos::Noun,
                "X" => Pos::Exact,
                other => return Err(line_error(name, n, format!("unknown pos {other}"))),
            };
            let category = category(f[2])
                .ok_or_else(|| line_error(name, n, format!("unknown category {}", f[2])))?;
            let weight: f32 = f[5]
                .parse()
                .map_err(|_| line_error(name, n, format!("bad weight {}", f[5])))?;
            let mut words = f[0].split(' ').filter(|w| !w.is_empty());
            let head = words
                .next()
                .ok_or_else(|| line_error(name, n, "empty key"))?;
            let ctx = words
                .map(|w| {
                    if w == "..." || w == "…" {
                        Ctx::Gap
                    } else {
                        Ctx::Word(parse_alts(w))
                    }
                })
                .collect();
            let sense = Sense::parse(f.get(7).copied().unwrap_or("-"))
                .map_err(|m| line_error(name, n, m))?;
            let id = lex.entries.len() as u32;
            lex.entries.push(Trigger {
                key: f[0].to_string(),
                pos,
                ctx,
                category,
                mode: dash(f[3]),
                cameo: dash(f[4]),
                weight,
                sense,
            });
            let forms = match pos {
                Pos::Verb => verb_forms(head),
                Pos::Noun => noun_forms(head),
                Pos::Exact => vec![head.to_string()],
            };
            for form in forms {
                let ids = lex.forms.entry(form).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        Ok(lex)
    }

    /// The bundled lexicon.
    pub fn bundled() -> TriggerLexicon {
        TriggerLexicon::parse(TRIGGERS_TSV).expect("the bundled trigger lexicon parses")
    }

    /// Entries whose head has the surface form `word` (already clitic-stripped).
    pub fn lookup(&self, word: &str) -> &[u32] {
        self.forms.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Entry by index.
    pub fn entry(&self, id: u32) -> &Trigger {
        &self.entries[id as usize]
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Where an auxiliary cue must stand relative to the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The word right before the trigger.
    Adjacent,
    /// Up to three words before the trigger, in its clause.
    Before,
    /// Anywhere in the trigger's clause.
    Clause,
}

/// One auxiliary-mode cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuxCue {
    /// Normalised words.
    pub words: Vec<String>,
    /// `future`, `negation`, `hypothetical` or `historical`.
    pub aux: &'static str,
    /// Where it applies.
    pub scope: Scope,
}

/// Parses the auxiliary-cue TSV.
pub fn parse_aux(tsv: &str) -> Result<Vec<AuxCue>> {
    let mut out = Vec::new();
    for (n, line) in data_lines(tsv) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 3 {
            return Err(line_error("event_aux", n, "expected 3 fields"));
        }
        let aux = match f[1] {
            "future" => "future",
            "negation" => "negation",
            "hypothetical" => "hypothetical",
            "historical" => "historical",
            o => return Err(line_error("event_aux", n, format!("unknown aux {o}"))),
        };
        let scope = match f[2] {
            "adjacent" => Scope::Adjacent,
            "before" => Scope::Before,
            "clause" => Scope::Clause,
            o => return Err(line_error("event_aux", n, format!("unknown scope {o}"))),
        };
        out.push(AuxCue {
            words: f[0].split(' ').map(str::to_string).collect(),
            aux,
            scope,
        });
    }
    Ok(out)
}

/// A nominal agent: a sector noun or a nationality adjective.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Agent {
    /// CAMEO sector code (`MIL`, `CVL`, …).
    Sector(String),
    /// ISO 3166-1 alpha-3 country.
    Country(String),
}

/// Nominal agents by stem.
#[derive(Debug, Clone, Default)]
pub struct AgentLexicon {
    stems: HashMap<String, Agent>,
}

impl AgentLexicon {
    /// Parses the agent TSV (`stem kind code`).
    pub fn parse(tsv: &str) -> Result<AgentLexicon> {
        let mut stems = HashMap::new();
        for (n, line) in data_lines(tsv) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 3 {
                return Err(line_error("event_agents", n, "expected 3 fields"));
            }
            let a = match f[1] {
                "sector" => Agent::Sector(f[2].to_string()),
                "country" => Agent::Country(f[2].to_string()),
                o => return Err(line_error("event_agents", n, format!("unknown kind {o}"))),
            };
            stems.insert(f[0].to_string(), a);
        }
        Ok(AgentLexicon { stems })
    }

    /// The agent a normalised word denotes, stripping clitics and plural/feminine endings.
    pub fn lookup(&self, word: &str) -> Option<&Agent> {
        for a in rasd_text::clitics::candidates(word) {
            let stem = a.stem(word);
            if let Some(x) = self.stems.get(stem) {
                return Some(x);
            }
            for suf in ["ون", "ين", "ان", "ة", "ات", "ا", "يون", "يين", "ه"] {
                if let Some(base) = stem.strip_suffix(suf) {
                    if base.chars().count() >= 3 {
                        if let Some(x) = self.stems.get(base) {
                            return Some(x);
                        }
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_sorted(name: &str, tsv: &str, key_fields: usize) {
        let mut prev: Option<String> = None;
        for (n, line) in data_lines(tsv) {
            let key: Vec<&str> = line.split('\t').take(key_fields).collect();
            let key = key.join("\t");
            if let Some(p) = &prev {
                assert!(
                    p.as_str() < key.as_str(),
                    "help: {name} line {n} not sorted or duplicate: {key:?}"
                );
            }
            let head = line.split('\t').next().unwrap();
            for w in head.split([' ', '|']) {
                let w = w.trim_end_matches('*');
                if w == "..." {
                    continue;
                }
                assert_eq!(
                    rasd_text::normalize_key(w),
                    w,
                    "help: {name} line {n}: key not normalize_key-normalised"
                );
            }
            prev = Some(key);
        }
    }

    #[test]
    fn lexicons_are_sorted_unique_and_normalised() {
        check_sorted("event_triggers", TRIGGERS_TSV, 2);
        check_sorted("event_aux", AUX_TSV, 1);
        check_sorted("event_agents", AGENTS_TSV, 1);
        check_sorted("event_context", CONTEXT_TSV, 1);
        // sense constraints are normalised words too
        for (n, line) in data_lines(TRIGGERS_TSV) {
            let sense = line.split('\t').nth(7).unwrap_or("-");
            assert!(
                Sense::parse(sense).is_ok(),
                "help: line {n}: bad sense {sense:?}"
            );
            for part in sense.split(';').filter_map(|p| p.split_once(':')) {
                for w in part.1.split('|') {
                    let w = w.trim_end_matches('*');
                    assert_eq!(rasd_text::normalize_key(w), w, "help: line {n}: sense word");
                }
            }
        }
        for tsv in [TRIGGERS_TSV, AUX_TSV, AGENTS_TSV, CONTEXT_TSV] {
            for h in ["# version:", "# source:", "# licence:"] {
                assert!(tsv.lines().any(|l| l.starts_with(h)), "missing header {h}");
            }
        }
    }

    #[test]
    fn bundled_lexicons_parse() {
        let lex = TriggerLexicon::bundled();
        assert!(lex.len() > 200);
        assert!(parse_aux(AUX_TSV).unwrap().len() > 20);
        AgentLexicon::parse(AGENTS_TSV).unwrap();
    }

    #[test]
    fn forms_cover_inflections() {
        let lex = TriggerLexicon::bundled();
        let cat = |w: &str| -> Vec<&str> {
            lex.lookup(w)
                .iter()
                .map(|&i| lex.entry(i).category)
                .collect()
        };
        assert!(cat("تظاهروا").contains(&"PROTEST"));
        assert!(cat("يتظاهرون").contains(&"PROTEST"));
        assert!(cat("مظاهرات").contains(&"PROTEST"));
        assert!(cat("اعتقلت").contains(&"COERCE"));
        assert!(cat("يعتقل").contains(&"COERCE"));
        assert!(cat("غارات").contains(&"ASSAULT"));
        assert!(cat("زيارت").contains(&"CONSULT"));
        assert!(cat("محادثات").contains(&"CONSULT"));
        assert!(cat("مدرسة").is_empty());
        // defective verb: ألقى → ألقت (القي القبض)
        assert!(verb_forms("القي").contains(&"القت".to_string()));
    }

    #[test]
    fn sense_column_parses_and_rejects_garbage() {
        let s = Sense::parse("next:في|مع;!prev:فتح*").unwrap();
        assert_eq!(s.next.unwrap().len(), 2);
        assert_eq!(s.not_prev.unwrap()[0], ("فتح".to_string(), true));
        assert!(Sense::parse("-").unwrap().is_empty());
        assert!(Sense::parse("after:في").is_err());
        assert!(Sense::parse("next").is_err());
        let c = ContextLexicon::parse(CONTEXT_TSV).unwrap();
        assert_eq!(c.lookup("وقتلي"), Some(ContextKind::Effect));
        assert_eq!(c.lookup("الفيروس"), Some(ContextKind::NonHuman));
        assert_eq!(c.lookup("الحكومة"), None);
    }

    #[test]
    fn bad_lines_are_located_errors() {
        let e = TriggerLexicon::parse("# h\nقصف\tV\tBOMB\t-\t-\t1\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        assert!(parse_aux("لم\tnegation\n").is_err());
        assert!(AgentLexicon::parse("جيش\tsector\n").is_err());
    }

    #[test]
    fn agents_strip_clitics_and_endings() {
        let a = AgentLexicon::parse(AGENTS_TSV).unwrap();
        assert_eq!(a.lookup("المتظاهرون"), Some(&Agent::Sector("CVL".into())));
        assert_eq!(a.lookup("الاميركيين"), Some(&Agent::Country("USA".into())));
        assert_eq!(a.lookup("الاسرائيلية"), Some(&Agent::Country("ISR".into())));
        assert_eq!(a.lookup("كتاب"), None);
    }
}
