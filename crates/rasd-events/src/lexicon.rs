//! The bundled lexicons: event triggers, auxiliary-mode cues and nominal agents.
//!
//! All three are sorted TSV files under `data/lexicons/` (see `data/SOURCES.md`).
//! Trigger keys are lemmas; [`TriggerLexicon`] expands each into the surface
//! forms news writes (verb conjugations, noun plurals, tanwin accusatives,
//! construct forms before an enclitic) so that matching is one hash lookup per
//! clitic analysis of a token.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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
    /// A non-human agent or a danger (فيروس، الإعصار، الخطر): "attacks" and
    /// "threats" by it are not ASSAULT or THREATEN.
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
    /// A word after which the target of a protest follows (ضد، احتجاجا على،
    /// للتنديد بـ، مطالبين، معادية لـ).
    Against,
    /// A word of sport or entertainment (مباراة، المدرب، النادي، الفنان،
    /// الفيلم): a sentence holding one reports no political relation, so
    /// its promises, meetings, praise, requests, refusals, resignations and
    /// criticisms are a club's, a player's or an artist's, not PLOVER events.
    Leisure,
    /// A place a visit to which is an inspection or a courtesy, not a
    /// diplomatic visit (مستشفى، المعرض، المشروع، المدارس).
    Site,
    /// Applicants or customers an administration calls to apply, register
    /// or report (المتقدمين، الراغبين، المقبولين): a notice, not a REQUEST
    /// between political actors.
    Applicant,
    /// A word that may open a clause before its verb (كما، قد، ثم، بدوره،
    /// من جهته): a verb after it with no subject of its own has dropped it.
    Lead,
    /// An honorific that may stand between a title and the name it
    /// introduces ("نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير
    /// محمد"): صاحب، خادم، سمو، معالي، فخامة.
    Honorific,
    /// An organisation's own staff (منسوبي، موظفي، وكلاء، مديري، الطاقم): a
    /// meeting with them is internal, no CONSULT between political actors.
    Staff,
    /// The head noun of a person's title (مدير، وكيل، مستشار، المتحدث،
    /// الدكتور، اللواء): the name it introduces may come several words
    /// later ("مدير عام الشؤون الصحية بمنطقة الجوف حسين …").
    Title,
    /// People in an institution's care (المرضى، الأيتام، المسنين، النزلاء):
    /// visiting, meeting, greeting or supporting them is a courtesy or
    /// charity, no relation between political actors.
    Ward,
}

/// Context words by Match-normalised form.
#[derive(Debug, Clone, Default)]
pub struct ContextLexicon {
    words: HashMap<String, ContextKind>,
}

impl ContextLexicon {
    /// Parses the context TSV (`word kind`).
    pub fn parse(tsv: &str) -> Result<ContextLexicon> {
        let mut words = HashMap::default();
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
                "against" => ContextKind::Against,
                "leisure" => ContextKind::Leisure,
                "site" => ContextKind::Site,
                "applicant" => ContextKind::Applicant,
                "lead" => ContextKind::Lead,
                "honorific" => ContextKind::Honorific,
                "staff" => ContextKind::Staff,
                "ward" => ContextKind::Ward,
                "title" => ContextKind::Title,
                o => return Err(line_error("event_context", n, format!("unknown kind {o}"))),
            };
            words.insert(f[0].to_string(), k);
        }
        Ok(ContextLexicon { words })
    }

    /// Every context word with its kind (for [`crate::lexed::StemIndex`]).
    pub(crate) fn words(&self) -> impl Iterator<Item = (&str, ContextKind)> {
        self.words.iter().map(|(w, k)| (w.as_str(), *k))
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
/// lists of `|`-alternatives (`*` = prefix, `#` = any number): "تحقيق" is an investigation
/// with `next:في|مع|حول` or `prev:فتح*|لجنة`; "أيده" is not support in
/// `!next:الله`; "وزارته" (his ministry) is no visit in `!word:وزارته`.
/// When positive constraints exist one of them must hold; no negative one
/// may hold.
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
    /// The first word of the match itself, clitics included, must not be
    /// one of these (a homograph: "وزاري" is ministerial, not و + زار + ي).
    pub not_word: Option<Alts>,
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
                "!word" => &mut out.not_word,
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

pub(crate) fn line_error(name: &str, line: usize, message: impl Into<String>) -> Error {
    Error::Lexicon {
        name: name.to_string(),
        line,
        message: message.into(),
    }
}

/// Data lines of a TSV lexicon with their 1-based line numbers.
pub(crate) fn data_lines(tsv: &str) -> impl Iterator<Item = (usize, &str)> {
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
    // Hollow form IV (أدان، أشاد): the active imperfect has ي for the long vowel
    // (يدين، يشيد); the ا-spelling (يدان، سندان) is the passive or another word.
    let hollow: String;
    let stem = match stem.chars().collect::<Vec<_>>()[..] {
        [a, 'ا', c] if stem.len() < p.len() => {
            hollow = [a, 'ي', c].iter().collect();
            hollow.as_str()
        }
        _ => stem,
    };
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

    /// Every surface form with the entries it heads (for [`crate::lexed::StemIndex`]).
    pub(crate) fn forms(&self) -> impl Iterator<Item = (&str, &[u32])> {
        self.forms
            .iter()
            .map(|(f, ids)| (f.as_str(), ids.as_slice()))
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

/// Nominal agents by stem: single words, and multiword phrases
/// ("قوات الأمن" → COP, "رجل دين" → REL) keyed by their first word.
/// Lines of kind `none` block a word that an ending would otherwise turn
/// into an agent ("تجارة" is trade, not traders; "مفاوضات" talks, not
/// negotiators).
#[derive(Debug, Clone, Default)]
pub struct AgentLexicon {
    stems: HashMap<String, Agent>,
    blocked: HashSet<String>,
    /// first word → (the following words, agent), longest phrase first.
    phrases: HashMap<String, Vec<(Vec<String>, Agent)>>,
}

/// The maps of an [`AgentLexicon`]: single words, blocked words, phrases by first word.
pub(crate) type AgentParts<'a> = (
    &'a HashMap<String, Agent>,
    &'a HashSet<String>,
    &'a HashMap<String, Vec<(Vec<String>, Agent)>>,
);

/// Sound-plural, dual, feminine and accusative endings stripped at lookup
/// (longest first within each family; the first base found in the lexicon wins).
pub(crate) const AGENT_ENDINGS: &[&str] = &[
    "ون", "ين", "ان", "ة", "ات", "ا", "يون", "يين", "ه", "تين", "تان",
];

/// Construct-state endings of participles ("مسلحو حماس"، "مقاتلي الحركة"):
/// stripped only from a base that starts with م, so that nisba adjectives
/// ("الرئيسي"، "الأمني") are not read as their nouns.
pub(crate) const CONSTRUCT_ENDINGS: &[&str] = &["و", "ي"];

impl AgentLexicon {
    /// Parses the agent TSV (`key kind code`; kind `sector`, `country` or
    /// `none`; a key with spaces is a phrase).
    pub fn parse(tsv: &str) -> Result<AgentLexicon> {
        let mut stems = HashMap::default();
        let mut blocked = HashSet::default();
        let mut phrases: HashMap<String, Vec<(Vec<String>, Agent)>> = HashMap::default();
        for (n, line) in data_lines(tsv) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 3 {
                return Err(line_error("event_agents", n, "expected 3 fields"));
            }
            let a = match f[1] {
                "sector" => Agent::Sector(f[2].to_string()),
                "country" => Agent::Country(f[2].to_string()),
                "none" if !f[0].contains(' ') => {
                    blocked.insert(f[0].to_string());
                    continue;
                }
                o => return Err(line_error("event_agents", n, format!("unknown kind {o}"))),
            };
            let mut words = f[0].split(' ').filter(|w| !w.is_empty());
            let Some(first) = words.next() else {
                return Err(line_error("event_agents", n, "empty key"));
            };
            let rest: Vec<String> = words.map(str::to_string).collect();
            if rest.is_empty() {
                stems.insert(first.to_string(), a);
            } else {
                phrases
                    .entry(first.to_string())
                    .or_default()
                    .push((rest, a));
            }
        }
        for v in phrases.values_mut() {
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        Ok(AgentLexicon {
            stems,
            blocked,
            phrases,
        })
    }

    /// Single-word agents, blocked stems and phrases by first word (for
    /// [`crate::lexed::StemIndex`]).
    pub(crate) fn parts(&self) -> AgentParts<'_> {
        (&self.stems, &self.blocked, &self.phrases)
    }

    /// The lexicon forms a normalised word may stand for: each clitic
    /// analysis's stem, then that stem without a plural/feminine/case ending
    /// (bases of at least three letters), in order of preference.
    /// Analyses that strip a one-letter ي/ك enclitic ("رئيسي" is "main"
    /// far more often than "my president") or an enclitic from a definite
    /// word (an impossible form) are skipped. A blocked stem ends the list.
    fn forms<'w>(&self, word: &'w str) -> Vec<&'w str> {
        let mut out = Vec::new();
        let analyses = rasd_text::clitics::candidates(word)
            .into_iter()
            .filter(move |a| {
                let suffix = &word[word.len() - a.suffix_len..];
                let prefix = &word[..a.prefix_len];
                !matches!(suffix, "ي" | "ك")
                    && !(a.suffix_len > 0 && (prefix.ends_with("ال") || prefix.ends_with("لل")))
            })
            .flat_map(move |a| {
                let stem = a.stem(word);
                let endings = AGENT_ENDINGS.iter().filter_map(move |suf| {
                    stem.strip_suffix(suf).filter(|b| b.chars().count() >= 3)
                });
                let construct = CONSTRUCT_ENDINGS.iter().filter_map(move |suf| {
                    stem.strip_suffix(suf)
                        .filter(|b| b.starts_with('م') && b.chars().count() >= 4)
                });
                std::iter::once(stem).chain(endings).chain(construct)
            });
        for f in analyses {
            if self.blocked.contains(f) {
                break;
            }
            out.push(f);
        }
        out
    }

    /// The agent a normalised word denotes, stripping clitics and plural/feminine endings.
    pub fn lookup(&self, word: &str) -> Option<&Agent> {
        self.forms(word).into_iter().find_map(|f| self.stems.get(f))
    }

    /// The longest multiword agent starting at `words[0]` (normalised
    /// words; each may carry clitics, the article and plural endings), with
    /// the number of words it spans ("قوات الأمن العراقية" → COP, 2).
    /// `None` when no phrase starts there: single words are [`Self::lookup`]'s.
    pub fn lookup_phrase(&self, words: &[&str]) -> Option<(&Agent, usize)> {
        let first = words.first()?;
        let mut best: Option<(&Agent, usize)> = None;
        for f in self.forms(first) {
            let Some(cands) = self.phrases.get(f) else {
                continue;
            };
            for (rest, agent) in cands {
                let n = rest.len() + 1;
                if words.len() < n || best.is_some_and(|(_, m)| m >= n) {
                    continue;
                }
                let fits = rest
                    .iter()
                    .zip(&words[1..])
                    .all(|(k, w)| self.forms(w).iter().any(|f| f == k));
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
        // hollow form IV: أدان → يدين، ندين; not the passive/homograph ندان (سندان, anvil)
        let f = verb_forms("ادان");
        assert!(f.contains(&"يدين".to_string()) && f.contains(&"ادانت".to_string()));
        assert!(!f.iter().any(|w| w == "ندان" || w == "يدان"));
    }

    #[test]
    fn sense_column_parses_and_rejects_garbage() {
        let s = Sense::parse("next:في|مع;!prev:فتح*").unwrap();
        assert_eq!(s.next.unwrap().len(), 2);
        assert_eq!(s.not_prev.unwrap()[0], ("فتح".to_string(), true));
        assert!(Sense::parse("-").unwrap().is_empty());
        let w = Sense::parse("!word:وزاري").unwrap();
        assert_eq!(w.not_word.unwrap()[0], ("وزاري".to_string(), false));
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

    #[test]
    fn agents_cover_broken_plurals_and_construct_forms() {
        let a = AgentLexicon::parse(AGENTS_TSV).unwrap();
        let sector = |w: &str| match a.lookup(&rasd_text::normalize_key(w)) {
            Some(Agent::Sector(s)) => s.as_str(),
            _ => "",
        };
        let country = |w: &str| match a.lookup(&rasd_text::normalize_key(w)) {
            Some(Agent::Country(c)) => c.as_str(),
            _ => "",
        };
        assert_eq!(sector("أشخاص"), "CVL");
        assert_eq!(sector("شخصاً"), "CVL");
        assert_eq!(sector("والأطفال"), "CVL");
        assert_eq!(sector("جنود"), "MIL");
        assert_eq!(sector("الضباط"), "MIL");
        assert_eq!(sector("نشطاء"), "OPP");
        assert_eq!(sector("مسلحون"), "UAF");
        assert_eq!(sector("مسلحو"), "UAF");
        assert_eq!(sector("مقاتلي"), "UAF");
        assert_eq!(sector("سياسيين"), "GOV");
        assert_eq!(sector("إرهابياً"), "UAF");
        assert_eq!(sector("للشرطة"), "COP");
        // nisba adjectives are not their nouns; a verb is not a student
        assert_eq!(sector("الرئيسي"), "");
        assert_eq!(sector("الأمني"), "");
        assert_eq!(sector("طالب"), "");
        // an ending does not make an agent of trade, a trial, talks or "pointing out"
        assert_eq!(sector("والتجارة"), "");
        assert_eq!(sector("تجار"), "BUS");
        assert_eq!(sector("محاكمة"), "");
        assert_eq!(sector("المفاوضات"), "");
        assert_eq!(sector("المفاوضين"), "GOV");
        assert_eq!(sector("مشيرا"), "");
        assert_eq!(sector("العسكرية"), "");
        assert_eq!(sector("العسكريين"), "MIL");
        assert_eq!(sector("مقاتلات"), "MIL");
        assert_eq!(country("أفغانيا"), "AFG");
        assert_eq!(country("أفغان"), "AFG");
        assert_eq!(country("الأكراد"), "KUR");
        assert_eq!(country("الأمريكيتين"), "USA");
        assert_eq!(country("التركي"), "TUR");
        assert_eq!(country("المصريون"), "EGY");
    }

    #[test]
    fn agent_phrases_match_longest_first() {
        let a = AgentLexicon::parse(AGENTS_TSV).unwrap();
        let phrase = |s: &str| {
            let k = rasd_text::normalize_key(s);
            let words: Vec<&str> = k.split(' ').collect();
            a.lookup_phrase(&words).map(|(ag, n)| (ag.clone(), n))
        };
        assert_eq!(
            phrase("قوات الأمن العراقية"),
            Some((Agent::Sector("COP".into()), 2))
        );
        assert_eq!(
            phrase("رجال الشرطة"),
            Some((Agent::Sector("COP".into()), 2))
        );
        assert_eq!(phrase("ورجل دين"), Some((Agent::Sector("REL".into()), 2)));
        assert_eq!(phrase("مسلحون مجهولون"), None);
        assert_eq!(phrase("قوات التحالف"), None);
        assert_eq!(phrase("قوات"), None);
        assert_eq!(phrase(""), None);
        assert_eq!(a.lookup("قوات"), Some(&Agent::Sector("MIL".into())));
        let tiny = AgentLexicon::parse(
            "قوات\tsector\tMIL\nقوات امن\tsector\tCOP\nقوات امن خاصة\tsector\tSPY\n",
        )
        .unwrap();
        assert_eq!(
            tiny.lookup_phrase(&["القوات", "الامن", "الخاصة"]),
            Some((&Agent::Sector("SPY".into()), 3))
        );
        assert_eq!(tiny.lookup("امن"), None);
        assert!(AgentLexicon::parse(" \tsector\tMIL\n").is_err());
        assert!(AgentLexicon::parse("قوات امن\tnone\t-\n").is_err());
    }

    #[test]
    fn every_agent_key_finds_itself() {
        let a = AgentLexicon::parse(AGENTS_TSV).unwrap();
        for (n, line) in data_lines(AGENTS_TSV) {
            let f: Vec<&str> = line.split('\t').collect();
            if f[1] == "none" {
                assert_eq!(a.lookup(f[0]), None, "help: event_agents line {n}");
                continue;
            }
            let words: Vec<&str> = f[0].split(' ').collect();
            let got = if words.len() == 1 {
                a.lookup(f[0]).cloned()
            } else {
                a.lookup_phrase(&words)
                    .filter(|(_, k)| *k == words.len())
                    .map(|(x, _)| x.clone())
            };
            let code = match got {
                Some(Agent::Sector(c) | Agent::Country(c)) => c,
                None => String::new(),
            };
            assert_eq!(
                code, f[2],
                "help: event_agents line {n}: {:?} is shadowed",
                f[0]
            );
        }
    }
}
