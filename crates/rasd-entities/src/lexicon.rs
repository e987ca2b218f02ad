//! The bundled lexicons: names of places, organisations and people, the
//! ANERGazet lists, nationality adjectives, titles and organisation heads, the
//! Gulf ruling families with their court titles, and the UniversalPetrarch
//! actor dictionary.
//!
//! Every file is a sorted TSV under `data/lexicons/` with `# version:`,
//! `# source:` and `# licence:` headers, embedded with `include_str!`. Keys are
//! `rasd_text::normalize_key`-normalised; multi-word keys are single-spaced.
//! Actor keys are *lemma keys* (see [`lemma_word`]).
use crate::fx::FxHashMap as HashMap;

use chrono::NaiveDate;
use rasd_doc::EntityType;

/// Embedded TSV sources, by file name (for tests and `--explain`).
pub const FILES: &[(&str, &str)] = &[
    (
        "entities_places.tsv",
        include_str!("../../../data/lexicons/entities_places.tsv"),
    ),
    (
        "entities_orgs.tsv",
        include_str!("../../../data/lexicons/entities_orgs.tsv"),
    ),
    (
        "entities_persons.tsv",
        include_str!("../../../data/lexicons/entities_persons.tsv"),
    ),
    (
        "entities_nationalities.tsv",
        include_str!("../../../data/lexicons/entities_nationalities.tsv"),
    ),
    (
        "entities_titles.tsv",
        include_str!("../../../data/lexicons/entities_titles.tsv"),
    ),
    (
        "entities_anergazet.tsv",
        include_str!("../../../data/lexicons/entities_anergazet.tsv"),
    ),
    (
        "entities_actors.tsv",
        include_str!("../../../data/lexicons/entities_actors.tsv"),
    ),
    (
        "entities_clusters.tsv",
        include_str!("../../../data/lexicons/entities_clusters.tsv"),
    ),
    (
        "entities_common.tsv",
        include_str!("../../../data/lexicons/entities_common.tsv"),
    ),
    (
        "entities_stopwords.tsv",
        include_str!("../../../data/lexicons/entities_stopwords.tsv"),
    ),
    (
        "entities_multinational.tsv",
        include_str!("../../../data/lexicons/entities_multinational.tsv"),
    ),
    (
        "entities_families.tsv",
        include_str!("../../../data/lexicons/entities_families.tsv"),
    ),
    (
        "entities_function_words.tsv",
        include_str!("../../../data/lexicons/entities_function_words.tsv"),
    ),
];

fn file(name: &str) -> &'static str {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or("")
}

/// Data rows of a TSV lexicon (comment lines skipped), split on tabs.
pub fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// A named entity known to the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEntry {
    /// Class.
    pub kind: EntityType,
    /// ISO 3166-1 alpha-3, if any.
    pub country: Option<&'static str>,
    /// CAMEO-style sector, if any.
    pub sector: Option<&'static str>,
    /// English name (also the referent's identity for coreference).
    pub name_en: &'static str,
    /// `country`, `capital`, `city`, `region`, `org`, `full`, `short`, …
    pub sub: &'static str,
    /// Ambiguous with a common word: used as a model feature and for
    /// coreference, never to create a mention on its own.
    pub ambiguous: bool,
}

/// What a title-lexicon word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// A person's title or role word (رئيس، وزير، مبعوث).
    Title,
    /// The head of an organisation name (وزارة، حركة، وكالة).
    OrgHead,
    /// The head of a place name (مدينة، محافظة).
    LocHead,
}

/// A title or head word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleEntry {
    /// Kind of word.
    pub kind: TitleKind,
    /// Sector it implies, if any.
    pub sector: Option<&'static str>,
}

/// What a ruling family's name needs besides itself to place a person in
/// the family's country (`entities_families.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FamilyNeeds {
    /// Nothing: the name alone ("آل نهيان").
    Nothing,
    /// Any court title or honorific ("الشيخ … الصباح"; "صادق الصباح" is
    /// no Kuwaiti sheikh).
    Title,
    /// A royal title ("الأمير … بن عبدالعزيز"; "محمد بن عبدالعزيز
    /// الفلاني" may be anyone).
    RoyalTitle,
}

/// A ruling family's name and its country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Family {
    /// Normalised words of the name ("ال سعود", "بن عبدالعزيز": عبد
    /// compounds written without their space).
    pub key: &'static str,
    /// ISO 3166-1 alpha-3.
    pub country: &'static str,
    /// What else the person must carry.
    pub needs: FamilyNeeds,
}

/// A title that marks a member of a ruling family, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CourtTitle {
    /// An honorific also given to others (الشيخ، سمو، صاحب السمو).
    Honorific,
    /// A royal title (الأمير، السمو الملكي).
    Royal,
    /// A royal title that governs (الملك، ولي العهد، خادم الحرمين
    /// الشريفين، أمير of a place).
    Ruler,
}

/// One CAMEO code of the actor dictionary with its validity range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorCode {
    /// The code (`RUSGOV`, `IGO`, `USAGOVMED`).
    pub code: &'static str,
    /// First day of validity.
    pub from: Option<NaiveDate>,
    /// Last day of validity.
    pub to: Option<NaiveDate>,
}

/// Gazetteer membership bits of a single word.
pub mod gaz {
    /// ANERGazet person list.
    pub const PER: u16 = 1;
    /// ANERGazet location list.
    pub const LOC: u16 = 2;
    /// ANERGazet organisation list.
    pub const ORG: u16 = 4;
    /// A word of a bundled person name.
    pub const LEX_PER: u16 = 8;
    /// A word of a bundled place name.
    pub const LEX_LOC: u16 = 16;
    /// A word of a bundled organisation name.
    pub const LEX_ORG: u16 = 32;
    /// A nationality adjective.
    pub const NAT: u16 = 64;
    /// A title word.
    pub const TITLE: u16 = 128;
    /// An organisation head.
    pub const ORG_HEAD: u16 = 256;
    /// A place head.
    pub const LOC_HEAD: u16 = 512;
}

/// Bytes of a key stored inline in [`ShortKeyMap`].
const INLINE_KEY: usize = 23;

/// A short key held in the table slot itself (length, then bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct InlineKey([u8; INLINE_KEY + 1]);

impl InlineKey {
    fn new(s: &str) -> Option<InlineKey> {
        let b = s.as_bytes();
        (b.len() <= INLINE_KEY).then(|| {
            let mut k = [0u8; INLINE_KEY + 1];
            k[0] = b.len() as u8;
            k[1..=b.len()].copy_from_slice(b);
            InlineKey(k)
        })
    }
}

/// A map from strings for a large word list: keys of up to 23 bytes (11
/// Arabic letters) live in the slots, so a lookup reads one slot rather
/// than a slot and the key text elsewhere; longer keys are kept apart.
#[derive(Debug, Default)]
struct ShortKeyMap<V> {
    short: HashMap<InlineKey, V>,
    long: HashMap<&'static str, V>,
}

impl<V: Copy + Default> ShortKeyMap<V> {
    /// The value of `k`, inserted as the default when absent.
    fn entry(&mut self, k: &'static str) -> &mut V {
        match InlineKey::new(k) {
            Some(ik) => self.short.entry(ik).or_default(),
            None => self.long.entry(k).or_default(),
        }
    }

    fn insert(&mut self, k: &'static str, v: V) {
        match InlineKey::new(k) {
            Some(ik) => self.short.insert(ik, v),
            None => self.long.insert(k, v),
        };
    }
    #[inline]
    fn get(&self, k: &str) -> Option<V> {
        match InlineKey::new(k) {
            Some(ik) => self.short.get(&ik).copied(),
            None => self.long.get(k).copied(),
        }
    }
}

/// All lexicons, indexed.
#[derive(Debug, Default)]
pub struct Lexicon {
    names: HashMap<&'static str, Vec<NameEntry>>,
    /// Longest name in words.
    max_name_words: usize,
    words: ShortKeyMap<u16>,
    nationalities: HashMap<&'static str, &'static str>,
    titles: HashMap<&'static str, TitleEntry>,
    max_title_words: usize,
    actors: HashMap<String, Vec<ActorCode>>,
    max_actor_words: usize,
    /// Word classes and the word's row in the class list.
    clusters: ShortKeyMap<((u16, u16, u16), u32)>,
    /// The words of the class list, by row.
    cluster_words: Vec<&'static str>,
    common: HashMap<&'static str, f32>,
    stopwords: HashMap<&'static str, &'static str>,
    multinational: HashMap<&'static str, ()>,
    families: Vec<Family>,
    court_titles: HashMap<&'static str, CourtTitle>,
    max_court_title_words: usize,
}

fn opt(s: &'static str) -> Option<&'static str> {
    (!s.is_empty() && s != "-").then_some(s)
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y%m%d").ok()
}

fn words_in(s: &str) -> usize {
    s.split(' ').count()
}

/// Folds a normalised word for actor-dictionary lookup: drops the article
/// (ال، لل) and a final ة, so "الروسية" and the dictionary's "روسي" meet.
pub fn lemma_word(w: &str) -> &str {
    let n = w.chars().count();
    let mut s = w;
    if n > 3 && (s.starts_with("ال") || s.starts_with("لل")) {
        s = &s["ال".len()..];
    }
    if s.ends_with('ة') && s.chars().count() > 2 {
        s = &s[..s.len() - 'ة'.len_utf8()];
    }
    s
}

impl Lexicon {
    /// Loads the bundled lexicons.
    pub fn bundled() -> Lexicon {
        let mut lx = Lexicon::default();
        for f in [
            "entities_places.tsv",
            "entities_orgs.tsv",
            "entities_persons.tsv",
        ] {
            for r in rows(file(f)) {
                if r.len() < 7 {
                    continue;
                }
                let kind = match r[1] {
                    "PER" => EntityType::Per,
                    "ORG" => EntityType::Org,
                    "MISC" => EntityType::Misc,
                    _ => EntityType::Loc,
                };
                let e = NameEntry {
                    kind,
                    country: opt(r[2]),
                    sector: opt(r[3]),
                    name_en: r[4],
                    sub: r[5],
                    ambiguous: r[6] == "amb",
                };
                let bit = match kind {
                    EntityType::Per => gaz::LEX_PER,
                    EntityType::Org => gaz::LEX_ORG,
                    _ => gaz::LEX_LOC,
                };
                for w in r[0].split(' ') {
                    *lx.words.entry(w) |= bit;
                }
                lx.max_name_words = lx.max_name_words.max(words_in(r[0]));
                lx.names.entry(r[0]).or_default().push(e);
            }
        }
        for r in rows(file("entities_anergazet.tsv")) {
            if r.len() < 2 {
                continue;
            }
            let bit = match r[1] {
                "PER" => gaz::PER,
                "ORG" => gaz::ORG,
                _ => gaz::LOC,
            };
            for w in r[0].split(' ') {
                *lx.words.entry(w) |= bit;
            }
        }
        for r in rows(file("entities_nationalities.tsv")) {
            if r.len() >= 2 {
                lx.nationalities.insert(r[0], r[1]);
                if !r[0].contains(' ') {
                    *lx.words.entry(r[0]) |= gaz::NAT;
                }
            }
        }
        for r in rows(file("entities_titles.tsv")) {
            if r.len() < 3 {
                continue;
            }
            let (kind, bit) = match r[1] {
                "orghead" => (TitleKind::OrgHead, gaz::ORG_HEAD),
                "lochead" => (TitleKind::LocHead, gaz::LOC_HEAD),
                _ => (TitleKind::Title, gaz::TITLE),
            };
            lx.titles.entry(r[0]).or_insert(TitleEntry {
                kind,
                sector: opt(r[2]),
            });
            lx.max_title_words = lx.max_title_words.max(words_in(r[0]));
            if !r[0].contains(' ') {
                *lx.words.entry(r[0]) |= bit;
            }
        }
        for r in rows(file("entities_actors.tsv")) {
            if r.len() < 4 {
                continue;
            }
            lx.max_actor_words = lx.max_actor_words.max(words_in(r[0]));
            lx.actors
                .entry(r[0].to_string())
                .or_default()
                .push(ActorCode {
                    code: r[1],
                    from: date(r[2]),
                    to: date(r[3]),
                });
        }
        for r in rows(file("entities_clusters.tsv")) {
            if r.len() >= 3 {
                let c64 = r[1].parse().unwrap_or(u16::MAX);
                let c256 = r[2].parse().unwrap_or(u16::MAX);
                let c1024 = r.get(3).and_then(|x| x.parse().ok()).unwrap_or(u16::MAX);
                let id = lx.cluster_words.len() as u32;
                lx.cluster_words.push(r[0]);
                lx.clusters.insert(r[0], ((c64, c256, c1024), id));
            }
        }
        for r in rows(file("entities_common.tsv")) {
            if r.len() >= 3 {
                let bare: f32 = r[1].parse().unwrap_or(0.0);
                let def: f32 = r[2].parse().unwrap_or(0.0);
                lx.common.insert(r[0], def / bare.max(1.0));
            }
        }
        for r in rows(file("entities_stopwords.tsv")) {
            if r.len() >= 2 {
                lx.stopwords.insert(r[0], r[1]);
            }
        }
        for r in rows(file("entities_multinational.tsv")) {
            lx.multinational.insert(r[0], ());
        }
        for r in rows(file("entities_families.tsv")) {
            if r.len() < 3 {
                continue;
            }
            let needs = match r[1] {
                "family" => Some(FamilyNeeds::Nothing),
                "family-titled" => Some(FamilyNeeds::Title),
                "family-royal" => Some(FamilyNeeds::RoyalTitle),
                _ => None,
            };
            let title = match r[1] {
                "honorific" => Some(CourtTitle::Honorific),
                "royal" => Some(CourtTitle::Royal),
                "ruler" => Some(CourtTitle::Ruler),
                _ => None,
            };
            match (needs, title, opt(r[2])) {
                (Some(needs), _, Some(country)) => lx.families.push(Family {
                    key: r[0],
                    country,
                    needs,
                }),
                (_, Some(t), _) => {
                    lx.court_titles.insert(r[0], t);
                    lx.max_court_title_words = lx.max_court_title_words.max(words_in(r[0]));
                }
                _ => {}
            }
        }
        lx
    }

    /// The ruling families (`entities_families.tsv`), in file order.
    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// The court title a normalised phrase is ("الامير", "ولي العهد").
    pub fn court_title(&self, key: &str) -> Option<CourtTitle> {
        self.court_titles.get(key).copied()
    }

    /// Longest court title, in words.
    pub fn max_court_title_words(&self) -> usize {
        self.max_court_title_words
    }

    /// Whether a normalised word makes a body multinational ("التحالف",
    /// "الدولية"): such a body is no one country's.
    pub fn is_multinational(&self, w: &str) -> bool {
        self.multinational.contains_key(w)
    }

    /// How often SaudiNewsNet writes a normalised bare word with the article,
    /// relative to without (listed from 0.25 up): common nouns take it
    /// (الشجار 1.0, السيلفي 0.5), names rarely do (ترامب: not listed).
    pub fn common_ratio(&self, w: &str) -> Option<f32> {
        self.common.get(w).copied()
    }

    /// The class (`currency`, `month`, `ordinal`) of a word that is never an
    /// entity alone.
    pub fn stopword(&self, w: &str) -> Option<&'static str> {
        self.stopwords.get(w).copied()
    }

    /// Distributional word classes (64, 256 and 1024 classes) of a normalised word.
    pub fn clusters(&self, w: &str) -> Option<(u16, u16, u16)> {
        self.clusters.get(w).map(|(c, _)| c)
    }

    /// The number of a word in the word-class list (the corpus's commonest
    /// words), below [`Lexicon::known_words`]: a key for memoising what is
    /// computed from a word alone.
    pub fn known_word(&self, w: &str) -> Option<usize> {
        self.clusters.get(w).map(|(_, id)| id as usize)
    }

    /// The word numbered `id` by [`Lexicon::known_word`].
    pub fn known_word_text(&self, id: usize) -> Option<&'static str> {
        self.cluster_words.get(id).copied()
    }

    /// How many words [`Lexicon::known_word`] numbers.
    pub fn known_words(&self) -> usize {
        self.cluster_words.len()
    }

    /// Entries of an exact normalised name.
    pub fn names(&self, key: &str) -> &[NameEntry] {
        self.names.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Longest name, in words.
    pub fn max_name_words(&self) -> usize {
        self.max_name_words
    }

    /// Gazetteer bits of a single normalised word (see [`gaz`]).
    pub fn word_bits(&self, w: &str) -> u16 {
        self.words.get(w).unwrap_or(0)
    }

    /// Country of a nationality adjective in any inflection ("الروسية",
    /// "الأميركيين", "روسي").
    pub fn nationality(&self, w: &str) -> Option<&'static str> {
        let mut s = w;
        if s.chars().count() > 4 && (s.starts_with("ال") || s.starts_with("لل")) {
            s = &s["ال".len()..];
        }
        for end in ["يتين", "يتان", "يين", "يون", "يات", "يان", "ية", "يه", "ي"]
        {
            if let Some(stem) = s.strip_suffix(end) {
                // stem + ي, built on the stack for ordinary words
                let mut buf = [0u8; 64];
                let n = stem.len() + 'ي'.len_utf8();
                let found = if n <= buf.len() {
                    buf[..stem.len()].copy_from_slice(stem.as_bytes());
                    buf[stem.len()..n].copy_from_slice("ي".as_bytes());
                    std::str::from_utf8(&buf[..n])
                        .ok()
                        .and_then(|k| self.nationalities.get(k))
                } else {
                    self.nationalities.get(format!("{stem}ي").as_str())
                };
                if let Some(c) = found {
                    return Some(c);
                }
            }
        }
        None
    }

    /// Title/head entry of a normalised word or phrase, article optional.
    pub fn title(&self, key: &str) -> Option<TitleEntry> {
        if let Some(t) = self.titles.get(key) {
            return Some(*t);
        }
        let bare = key
            .strip_prefix("ال")
            .filter(|r| r.chars().count() >= 2)
            .unwrap_or(key);
        let bare =
            if bare.ends_with('ي') && !self.titles.contains_key(bare) && bare.chars().count() > 3 {
                // construct plural/dual forms: مراسلي → مراسل
                let b = &bare[..bare.len() - 'ي'.len_utf8()];
                if self.titles.contains_key(b) {
                    b
                } else {
                    bare
                }
            } else {
                bare
            };
        self.titles.get(bare).copied()
    }

    /// Longest title phrase, in words.
    pub fn max_title_words(&self) -> usize {
        self.max_title_words
    }

    /// The actor code of a lemma key valid on `date` (all codes when no date).
    /// Among codes valid on the date, the one with the latest start wins; an
    /// undated code applies when no dated one does.
    pub fn actor_code(&self, lemma_key: &str, date: Option<NaiveDate>) -> Option<&'static str> {
        let codes = self.actors.get(lemma_key)?;
        let valid = |c: &&ActorCode| match date {
            None => true,
            Some(d) => c.from.is_none_or(|f| f <= d) && c.to.is_none_or(|t| d <= t),
        };
        // a key the dictionary also lists without a country is a generic
        // phrase ("وزارة الداخلية" is GOV, and AFGGOV only in the Afghan
        // list): its country-specific codes do not apply elsewhere
        let generic = codes
            .iter()
            .filter(valid)
            .any(|c| split_code(c.code).0.is_none());
        codes
            .iter()
            .filter(valid)
            .filter(|c| !generic || split_code(c.code).0.is_none())
            .max_by_key(|c| (c.from, c.to.is_some(), c.code.len(), c.code))
            .map(|c| c.code)
    }

    /// Longest actor key, in words.
    pub fn max_actor_words(&self) -> usize {
        self.max_actor_words
    }
}

/// The lemma key of a normalised name: [`lemma_word`] on each word, with
/// "عبدالله" split like "عبد الله" (both spellings are common).
pub fn lemma_key(key: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for w in key.split(' ') {
        match w.strip_prefix("عبد") {
            Some(rest) if rest.chars().count() > 1 => {
                out.push("عبد");
                out.push(lemma_word(rest));
            }
            _ => out.push(lemma_word(w)),
        }
    }
    out.join(" ")
}

/// Splits a CAMEO actor code into (country, sector): `USAGOV` → (USA, GOV),
/// `IGO` → (None, IGO), `RUS` → (RUS, None). `PTY` reads as `POL`.
pub fn split_code(code: &str) -> (Option<String>, Option<String>) {
    const SECTORS: &[&str] = &[
        "AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO", "IMG",
        "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MOD", "NGO", "NGM", "OPP", "PTY", "RAD", "REB",
        "REF", "REL", "SEP", "SPY", "UAF", "UIS", "MNC", "INT",
    ];
    if code.len() < 3 || !code.is_ascii() {
        return (None, None);
    }
    let first = &code[..3];
    let (country, rest) = if SECTORS.contains(&first) {
        (None, code)
    } else {
        (Some(first.to_string()), &code[3..])
    };
    let sector = (rest.len() >= 3).then(|| match &rest[..3] {
        "PTY" => "POL".to_string(),
        s => s.to_string(),
    });
    (country, sector)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_are_sorted_unique_and_normalised() {
        for (name, text) in FILES.iter().chain([&crate::orgs::FILE]) {
            let mut head = text.lines().take(3);
            assert!(head.next().unwrap().starts_with("# version:"), "{name}");
            assert!(head.next().unwrap().starts_with("# source:"), "{name}");
            assert!(head.next().unwrap().starts_with("# licence:"), "{name}");
            let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
            for w in lines.windows(2) {
                assert!(w[0] < w[1], "help: {name} not sorted/unique at {:?}", w);
            }
            for l in &lines {
                let key = l.split('\t').next().unwrap();
                assert_eq!(
                    rasd_text::normalize_key(key),
                    key,
                    "help: {name}: key not normalised"
                );
                assert!(!key.contains("  ") && key.trim() == key, "{name}: {key:?}");
            }
        }
    }

    #[test]
    fn families_file_is_well_formed() {
        // sorted, unique and normalised like every file (see the test
        // above, which reads FILES); here: every row is read as a family
        // or a title, countries are ISO codes, عبد compounds are joined
        let lx = Lexicon::bundled();
        let text = file("entities_families.tsv");
        assert!(!text.is_empty());
        let n = rows(text).count();
        assert_eq!(lx.families().len() + lx.court_titles.len(), n);
        for f in lx.families() {
            assert!(
                f.country.len() == 3 && f.country.bytes().all(|b| b.is_ascii_uppercase()),
                "{f:?}"
            );
            assert!(!f.key.contains("عبد "), "{f:?}");
        }
        let saud = lx.families().iter().find(|f| f.key == "ال سعود").unwrap();
        assert_eq!((saud.country, saud.needs), ("SAU", FamilyNeeds::Nothing));
        let abdulaziz = lx.families().iter().find(|f| f.key == "بن عبدالعزيز");
        assert_eq!(abdulaziz.unwrap().needs, FamilyNeeds::RoyalTitle);
        assert_eq!(lx.court_title("ولي العهد"), Some(CourtTitle::Ruler));
        assert_eq!(lx.court_title("الامير"), Some(CourtTitle::Royal));
        assert_eq!(lx.court_title("الشيخ"), Some(CourtTitle::Honorific));
        assert_eq!(lx.court_title("الرئيس"), None);
        assert!(lx.max_court_title_words() >= 3);
    }

    #[test]
    fn lookups() {
        let lx = Lexicon::bundled();
        assert_eq!(lx.names("موسكو")[0].country, Some("RUS"));
        assert_eq!(lx.names("الولايات المتحدة")[0].name_en, "United States");
        assert_eq!(
            lx.nationality("الأميركية".replace('أ', "ا").as_str()),
            Some("USA")
        );
        assert_eq!(lx.nationality("الروسي"), Some("RUS"));
        assert_eq!(lx.nationality("الاوكرانيين"), Some("UKR"));
        assert_eq!(lx.nationality("كرسي"), None);
        assert_eq!(lx.title("الرئيس").unwrap().sector, Some("GOV"));
        assert_eq!(lx.title("مراسلي").unwrap().sector, Some("MED"));
        assert_eq!(lx.title("وزارة").unwrap().kind, TitleKind::OrgHead);
        assert!(lx.word_bits("بوتين") & gaz::LEX_PER != 0);
        assert!(lx.common_ratio("شجار").is_some_and(|r| r >= 1.0));
        assert!(lx.common_ratio("ترامب").is_none());
        assert_eq!(lx.stopword("دولارا"), Some("currency"));
        assert_eq!(lx.stopword("الريال"), None);
    }

    #[test]
    fn actor_codes_honour_dates() {
        let lx = Lexicon::bundled();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(lx.actor_code("كرملين", d("2025-11-26")), Some("RUSGOV"));
        assert_eq!(
            lx.actor_code("فلاديمير بوتين", d("2025-11-26")),
            Some("RUSGOV")
        );
        assert_eq!(
            lx.actor_code("فلاديمير بوتين", d("1999-01-01")),
            Some("RUSCOP")
        );
        // listed both generic and under one country: generic
        assert_eq!(lx.actor_code("وزار داخلي", d("2015-07-24")), Some("GOV"));
        assert_eq!(
            lx.actor_code("جيش اسرائيلي", d("2015-07-24")),
            Some("ISRMIL")
        );
        assert_eq!(lemma_word("الروسية"), "روسي");
        assert_eq!(
            lemma_key("علي عبدالله صالح"),
            lemma_key("علي عبد الله صالح")
        );
        assert_eq!(
            split_code("USAGOVMED"),
            (Some("USA".into()), Some("GOV".into()))
        );
        assert_eq!(split_code("IGO"), (None, Some("IGO".into())));
        assert_eq!(split_code("PSEPTY").1.as_deref(), Some("POL"));
    }
}
