//! The quote lexicons (`data/lexicons/quote_*.tsv`), parsed once.
use std::sync::OnceLock;

const CUES: &str = include_str!("../../../data/lexicons/quote_cues.tsv");
const ATTRIBUTIONS: &str = include_str!("../../../data/lexicons/quote_attributions.tsv");
const CHANNELS: &str = include_str!("../../../data/lexicons/quote_channels.tsv");
const NOUNS: &str = include_str!("../../../data/lexicons/quote_nouns.tsv");

/// Grammatical form of a reporting verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Perfect (قال، قالت، قالوا).
    Perfect,
    /// Imperfect (يقول، تقول).
    Imperfect,
    /// Adverbial active participle (مؤكدا، مشيرا، قائلا).
    Participle,
}

/// Gender and number a reporting-verb form demands of its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Agr {
    /// Masculine singular (قال، مشيرا، يقول).
    Masc,
    /// Feminine singular (قالت، مشيرة، تقول): a woman, or an organisation or place.
    Fem,
    /// Dual or plural (قالوا، قالا، مشيرين، يقولون).
    Plural,
}

/// One reporting-verb form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue {
    /// Grammatical form.
    pub form: Form,
    /// Agreement with the subject, from the form's ending against its lemma.
    pub agr: Agr,
}

/// Agreement of `form` (of `lemma`, grammatical form `f`), read off its affixes.
pub(crate) fn agreement(form: &str, lemma: &str, f: Form) -> Agr {
    match f {
        Form::Perfect => {
            let rest = form.strip_prefix(lemma).unwrap_or_else(|| {
                // weak final radical: نفى → نفت، نفوا (compare without the last letter)
                let stem: String = lemma
                    .chars()
                    .take(lemma.chars().count().saturating_sub(1))
                    .collect();
                form.strip_prefix(stem.as_str()).unwrap_or("")
            });
            match rest {
                "ت" => Agr::Fem,
                "وا" | "ا" | "تا" | "ن" | "ي" if form != lemma => Agr::Plural,
                _ => Agr::Masc,
            }
        }
        Form::Participle => {
            if form.ends_with("ين") || form.ends_with("ون") || form.ends_with("ات") {
                Agr::Plural
            } else if form.ends_with('ة') {
                Agr::Fem
            } else {
                Agr::Masc
            }
        }
        Form::Imperfect => {
            if form.ends_with("ون") || form.ends_with("ان") {
                Agr::Plural
            } else if form.starts_with('ت') {
                Agr::Fem
            } else {
                Agr::Masc
            }
        }
    }
}

/// How an attribution phrase introduces its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttrKind {
    /// The source follows directly (بحسب X، نقلا عن X).
    Source,
    /// A verb of saying follows (حسبما ذكرت X).
    Via,
    /// The source follows with a proclitic ل (وفقا لـX).
    Lam,
}

/// Class of a noun that can head a speaker or addressee phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NounClass {
    /// An unnamed source (مصدر، مسؤول).
    Anon,
    /// A title naming a person (وزير، رئيس).
    Title,
    /// A spokesperson (المتحدث باسم X).
    Spokes,
    /// Introduces an addressee (لكبير مراسلي …، لصحيفة …).
    Addr,
    /// A generic addressee that is no entity (للصحفيين).
    Crowd,
}

/// A hash map keyed by short words (FxHash: SipHash's setup dominates a
/// lookup of a short key).
pub(crate) type FnvMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// A hash set of short words.
pub(crate) type FnvSet<K> = rustc_hash::FxHashSet<K>;

/// What a word may start, for the per-token pass of the reader (one lookup per word).
#[derive(Debug, Default)]
pub(crate) struct WordInfo {
    /// Its reporting-verb form.
    pub cue: Option<Cue>,
    /// Second words of the two-word cues it begins (مضى → قائلا).
    pub multi_next: Vec<String>,
    /// Whether an attribution phrase begins with it.
    pub attribution: bool,
}

/// A bitmap of the last six bytes of a set of keys: a word of six bytes or more whose
/// end is not in it is no key (shorter words are always looked up).
pub(crate) struct Tails(Vec<u64>);

impl Tails {
    fn bit(w: &str) -> usize {
        let b = w.as_bytes();
        let t = b[b.len() - 6..]
            .iter()
            .fold(0u64, |t, &x| t << 8 | x as u64);
        (t.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }

    fn new<'k>(keys: impl Iterator<Item = &'k String>) -> Tails {
        let mut bits = vec![0u64; 1 << 10];
        for k in keys.filter(|k| k.len() >= 6) {
            let i = Tails::bit(k);
            bits[i / 64] |= 1 << (i % 64);
        }
        Tails(bits)
    }

    /// False only when `w` is no key.
    #[inline]
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        w.len() < 6 || {
            let i = Tails::bit(w);
            self.0[i / 64] & (1 << (i % 64)) != 0
        }
    }
}

/// All quote lexicons.
pub(crate) struct Lexicons {
    /// Single cues, first words of two-word cues and of attribution phrases.
    pub words: FnvMap<String, WordInfo>,
    /// The ends of the keys of `words`.
    pub word_tails: Tails,
    /// Verb forms (single words).
    pub cues: FnvMap<String, Cue>,
    /// Attribution phrases as word lists, longest first.
    pub attributions: Vec<(Vec<String>, AttrKind)>,
    /// Channel phrases as word lists, longest first.
    pub channels: Vec<Vec<String>>,
    /// First words of the channel phrases (a prefilter).
    pub channel_first: FnvSet<String>,
    /// Speaker/addressee head nouns.
    pub nouns: FnvMap<String, NounClass>,
}

/// Data lines of a TSV lexicon (headers and comments skipped), split on tabs.
pub(crate) fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

fn words(s: &str) -> Vec<String> {
    s.split(' ').map(str::to_owned).collect()
}

fn by_length_desc<T>(v: &mut [(Vec<String>, T)]) {
    v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
}

impl Lexicons {
    fn load() -> Lexicons {
        let mut cues = FnvMap::default();
        let mut multi_cues = Vec::new();
        for r in rows(CUES) {
            let form = match r.get(2).copied() {
                Some("impf") => Form::Imperfect,
                Some("part") => Form::Participle,
                _ => Form::Perfect,
            };
            if r[0].contains(' ') {
                multi_cues.push(words(r[0]));
            } else {
                let agr = agreement(r[0], r.get(1).copied().unwrap_or(r[0]), form);
                cues.insert(r[0].to_owned(), Cue { form, agr });
            }
        }
        let mut attributions: Vec<(Vec<String>, AttrKind)> = rows(ATTRIBUTIONS)
            .map(|r| {
                let k = match r.get(1).copied() {
                    Some("via") => AttrKind::Via,
                    Some("quote") => AttrKind::Lam,
                    _ => AttrKind::Source,
                };
                (words(r[0]), k)
            })
            .collect();
        by_length_desc(&mut attributions);
        let mut ch: Vec<(Vec<String>, ())> = rows(CHANNELS).map(|r| (words(r[0]), ())).collect();
        by_length_desc(&mut ch);
        let nouns = rows(NOUNS)
            .map(|r| {
                let c = match r.get(1).copied() {
                    Some("anon") => NounClass::Anon,
                    Some("spokes") => NounClass::Spokes,
                    Some("addr") => NounClass::Addr,
                    Some("crowd") => NounClass::Crowd,
                    _ => NounClass::Title,
                };
                (r[0].to_owned(), c)
            })
            .collect();
        let attribution_first: FnvSet<String> =
            attributions.iter().map(|a| a.0[0].clone()).collect();
        let mut word_info: FnvMap<String, WordInfo> = FnvMap::default();
        for (w, c) in &cues {
            word_info.entry(w.clone()).or_default().cue = Some(*c);
        }
        for m in multi_cues.iter().filter(|m: &&Vec<String>| m.len() == 2) {
            let e = word_info.entry(m[0].clone()).or_default();
            e.multi_next.push(m[1].clone());
        }
        for w in &attribution_first {
            word_info.entry(w.clone()).or_default().attribution = true;
        }
        let channels: Vec<Vec<String>> = ch.into_iter().map(|c| c.0).collect();
        let channel_first = channels.iter().map(|c| c[0].clone()).collect();
        Lexicons {
            word_tails: Tails::new(word_info.keys()),
            words: word_info,
            cues,
            attributions,
            channels,
            channel_first,
            nouns,
        }
    }
}

/// The lexicons, parsed on first use.
pub(crate) fn get() -> &'static Lexicons {
    static LEX: OnceLock<Lexicons> = OnceLock::new();
    LEX.get_or_init(Lexicons::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, tsv: &str) {
        let lines: Vec<&str> = tsv.lines().collect();
        assert!(
            lines[0].starts_with("# version:"),
            "help: {name} lacks # version:"
        );
        assert!(
            lines[1].starts_with("# source:"),
            "help: {name} lacks # source:"
        );
        assert!(
            lines[2].starts_with("# licence:"),
            "help: {name} lacks # licence:"
        );
        let keys: Vec<&str> = rows(tsv).map(|r| r[0]).collect();
        for w in keys.windows(2) {
            assert!(
                w[0] < w[1],
                "help: {name} not sorted or duplicate at {:?}",
                w
            );
        }
        for k in keys {
            assert_eq!(
                rasd_text::normalize_key(k),
                k,
                "help: {name} key {k:?} is not normalize_key-normalised"
            );
        }
    }

    #[test]
    fn lexicons_sorted_unique_normalised() {
        check("quote_cues", CUES);
        check("quote_attributions", ATTRIBUTIONS);
        check("quote_channels", CHANNELS);
        check("quote_nouns", NOUNS);
    }

    #[test]
    fn lexicons_parse() {
        let l = get();
        assert_eq!(l.cues["قالت"].form, Form::Perfect);
        for (w, a) in [
            ("قال", Agr::Masc),
            ("قالت", Agr::Fem),
            ("قالوا", Agr::Plural),
            ("لفت", Agr::Masc),
            ("لفتت", Agr::Fem),
            ("مشيرة", Agr::Fem),
            ("مشيرا", Agr::Masc),
            ("تقول", Agr::Fem),
            ("يقولون", Agr::Plural),
        ] {
            assert_eq!(l.cues[w].agr, a, "help: {w}");
        }
        assert_eq!(l.cues["مشيرا"].form, Form::Participle);
        assert_eq!(l.cues["يقول"].form, Form::Imperfect);
        assert!(l.words["مضي"].multi_next.iter().any(|m| m == "قائلا"));
        assert!(l.words["بحسب"].attribution);
        // the tail filter passes every key and rejects some words
        assert!(l.words.keys().all(|k| l.word_tails.may_hold(k)));
        let other = ["المملكة", "السعودية", "الحكومة", "المشروع", "الرياض"];
        assert!(other.iter().any(|w| !l.word_tails.may_hold(w)));
        assert_eq!(l.nouns["مصدر"], NounClass::Anon);
        assert!(l.channels.iter().any(|c| c == &["منصة", "اكس"]));
    }
}
