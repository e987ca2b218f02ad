//! Dropped subjects: the actor of a verb that names none.
//!
//! Arabic drops a subject the reader already knows: "أكدت منظمة الصحة
//! العالمية أن … . وطالبت في بيان لها الدول بـ…" (the WHO demanded), "وقدم
//! بلاتر استقالته …، ودعا إلى جمعية عمومية" (Blatter called).
//! A verb trigger with no subject of its own takes the subject of the
//! sentence before it when it opens its sentence (after و/ف and words such as
//! كما، قد، ثم، من جهته), or the subject of its own sentence when it opens a
//! coordinated clause (، و…), provided that subject agrees with the verb's
//! person and gender. Inside a quote, a first-person verb ("ندعو"، "نتفاوض"،
//! "أرحب") is the speaker's act. The verb of a relative clause has the
//! relative pronoun's antecedent as subject ("بافيلينكو الذي يزور مصر").
//!
//! Only a complement that cannot be a subject may follow the verb: a
//! preposition, a complementiser, punctuation or an accusative indefinite
//! ("واستقبل وفدا"). After the verb a definite noun is as often the subject
//! ("ودعا البيان"، "وشكك الكاتب") as the object ("ورفض الاتفاق"), so it
//! blocks the inheritance.

use rasd_doc::{EntityType, Quote, TokenKind};

use super::{Class, Coder, Role, RELATIVE_PRONOUNS};
use crate::detect::Match;
use crate::lexicon::{ContextKind, Pos};

/// Stems of trigger verbs whose unvocalised imperfect after a relative
/// pronoun reads as a passive ([`Coder::relative_antecedent`]).
const PASSIVE_AFTER_RELATIVE: &[&str] = &["حاكم", "حوكم", "فرج"];

/// Categories whose verbs take a counted object, never a counted subject:
/// one arrests or seizes, gives or sends a number of things or people.
const COUNTED_OBJECT: &[&str] = &["COERCE", "AID"];

/// Person, number and gender of a verb form, as far as its letters tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Person {
    /// أدعو، ندعو، دعونا: the speaker (or the speaker's side).
    First,
    /// دعا، يدعو: he (or a masculine organisation: الجيش، الاتحاد).
    Masculine,
    /// دعت، تدعو: she — in news an organisation, a country or a party.
    Feminine,
    /// دعوا، يدعون: no single antecedent.
    Plural,
}

/// The person of verb stem `w` (normalised, clitics stripped);
/// `imperfect` when the match read it as a present (يدعو، تدعو، ندعو).
pub(crate) fn person_of(w: &str, imperfect: bool) -> Person {
    if imperfect {
        if w.ends_with("ون") || w.ends_with("ان") {
            return Person::Plural;
        }
        // (a future proclitic may precede the prefix: سندعو، ستدعو)
        let w = w.strip_prefix('س').filter(|r| r.len() > 4).unwrap_or(w);
        return match w.chars().next() {
            Some('ن') | Some('ا') => Person::First,
            Some('ت') => Person::Feminine,
            _ => Person::Masculine,
        };
    }
    if w.ends_with("وا") || w.ends_with("تا") {
        Person::Plural
    } else if w.ends_with("نا") {
        Person::First
    } else if w.ends_with('ت') {
        Person::Feminine
    } else {
        Person::Masculine
    }
}

impl Coder<'_> {
    /// The actor of verb trigger `m` whose clause `[c0, …)` names no subject,
    /// or an empty role when the text does not tell it.
    pub(super) fn dropped_subject(&self, m: &Match, c0: usize, quote: Option<&Quote>) -> Role {
        let doc = self.doc;
        let Some((conj, stem, _)) = self.verb_reading(m) else {
            return Role::default();
        };
        // (an exact form is read as it is written: تدعو، يلتقي)
        let exact = self.lex.entry(m.entry).pos == Pos::Exact;
        let imperfect = m.imperfect || (exact && stem.starts_with(['ي', 'ت', 'ن']));
        let person = person_of(stem, imperfect);
        if let Some(q) = quote {
            // in a quote, "we call" and "I welcome" are the speaker's acts;
            // a third person there is somebody the speaker talks about
            let speaker = q
                .speaker
                .as_ref()
                .and_then(|s| doc.entities.iter().position(|e| &e.id == s));
            return match (person, speaker) {
                (Person::First, Some(sp)) => Role {
                    entities: vec![sp],
                    codes: Vec::new(),
                },
                _ => Role::default(),
            };
        }
        // (a verb with the purpose لـ is an aim, and لبحث a verbal noun; a
        // multiword trigger with words skipped inside may hold its subject
        // there: "وألقت الأجهزة الأمنية القبض")
        if m.purpose_prefix
            || !matches!(person, Person::Masculine | Person::Feminine)
            || m.end - m.start > m.specificity + 1
            || !self.opens_clause(c0, m.start)
            || !self.object_follows(
                m.end,
                COUNTED_OBJECT.contains(&self.lex.entry(m.entry).category),
            )
        {
            return Role::default();
        }
        let Some(s) = doc.sentence_at(doc.tokens[m.start].span.start) else {
            return Role::default();
        };
        let first = |k: usize| {
            doc.tokens
                .partition_point(|t| t.span.start < doc.sentences[k].start)
        };
        let s0 = first(s);
        let subject = if c0 > s0 {
            // a coordinated clause ("…، ودعا إلى"): the subject of its sentence
            if !conj {
                return Role::default();
            }
            self.sentence_subject(s0, c0)
        } else if s > 0 {
            // a sentence opening with its verb: the subject of the sentence before
            self.sentence_subject(first(s - 1), s0)
        } else {
            Role::default()
        };
        if self.agrees_with(&subject, person) {
            subject
        } else {
            Role::default()
        }
    }

    /// The reading of the head of `m` as a verb: whether a conjunction
    /// (و، ف) precedes it, and its stem without clitics ("وحثهم" → حث;
    /// "وقعا" is the verb وقّع, not و + قعا); `None` for an accusative
    /// noun among the exact forms (احتجاجا، اتصالا). The last field tells
    /// whether an object pronoun is attached (وقعته، حثهم).
    fn verb_reading(&self, m: &Match) -> Option<(bool, &str, bool)> {
        let w = self.norm(m.start);
        let l = self
            .table
            .analyses(m.start)
            .iter()
            .find(|l| l.info.is_some_and(|x| x.triggers.contains(&m.entry)))?;
        let stem = l.a.stem(w);
        if stem.chars().count() > 4 && stem.ends_with('ا') && !stem.ends_with("وا") {
            return None;
        }
        let pre = &w[..l.a.prefix_len];
        Some((pre.starts_with(['و', 'ف']), stem, l.a.suffix_len > 0))
    }

    /// The subject of a verb that opens a relative clause: the name the
    /// relative pronoun follows ("نظيره الأوكراني بافيلينكو الذي يزور مصر"،
    /// "المسلحون الذين هاجموا"). Not when the verb carries the pronoun that
    /// stands for that name as its object ("الاتفاق الذي وقعته إيران"), nor
    /// when a person, an organisation or a group follows the verb, which is
    /// then its subject ("الرهينة الذي هدد تنظيم داعش بإعدامه"), nor when
    /// the name qualifies an event ("التفجير الإرهابي الذي استهدف").
    pub(super) fn relative_antecedent(&self, m: &Match, c1: usize) -> Role {
        if m.start < 2 || !RELATIVE_PRONOUNS.contains(&self.norm(m.start - 1)) {
            return Role::default();
        }
        if !matches!(self.verb_reading(m), Some((_, _, false))) {
            return Role::default();
        }
        // (unvocalised, a trial or a release after a relative pronoun reads
        // as a passive: "رضايان الذي يُحاكَم"، "الأرصدة التي سيُفرَج عنها")
        let key = &self.lex.entry(m.entry).key;
        if PASSIVE_AFTER_RELATIVE.iter().any(|p| key.contains(p)) {
            return Role::default();
        }
        let after = self.subject_in(m.end, (m.end + 2).min(c1));
        let own_subject = !after.codes.is_empty()
            || after
                .entities
                .iter()
                .any(|&e| self.doc.entities[e].kind != EntityType::Loc);
        if own_subject {
            return Role::default();
        }
        let k = m.start - 2;
        if let Some((e, next, prep)) = self.mention_at(k) {
            // (the whole name ends right before the pronoun)
            return if next == m.start - 1 && !prep {
                Role {
                    entities: vec![e],
                    codes: Vec::new(),
                }
            } else {
                Role::default()
            };
        }
        // (a nisba adjective after a definite noun qualifies it: "العمل
        // الإرهابي الذي استهدف" names an act, not its agent)
        let w = self.norm(k);
        let adjective =
            k > 0 && w.starts_with("ال") && w.ends_with('ي') && self.norm(k - 1).starts_with("ال");
        let event =
            adjective || self.table.may_trigger(k) || (k > 0 && self.table.may_trigger(k - 1));
        match self.nominal_at(k, k + 1) {
            Some(code) if !event && !self.after_prep(k, Class::OTHER_PREP | Class::TARGET_PREP) => {
                Role {
                    entities: Vec::new(),
                    codes: vec![code],
                }
            }
            _ => Role::default(),
        }
    }

    /// The subject of the sentence whose tokens are `a..b`: a name or a
    /// nominal actor among its first words ("وعبر وزير الخارجية عادل
    /// الجبير …"، "وقدم بلاتر استقالته"), not one further on, which is more
    /// often an object or a genitive. A dateline ("واس- الرياض:") is skipped.
    fn sentence_subject(&self, a: usize, b: usize) -> Role {
        const FIRST_WORDS: usize = 3;
        let doc = self.doc;
        let is = |k: usize, p: &[&str]| {
            doc.tokens[k].kind == TokenKind::Punct && p.contains(&self.norm(k))
        };
        let mut i = (a..b.min(a + 6))
            .find(|&k| is(k, &["-", "–", "ـ"]))
            .and_then(|d| (d..b.min(d + 4)).find(|&k| is(k, &[":"])))
            .map_or(a, |k| k + 1);
        let mut words = 0;
        while i < b && words < FIRST_WORDS {
            if doc.tokens[i].kind != TokenKind::Word {
                i += 1;
                continue;
            }
            if self.ctx(i) == Some(ContextKind::Lead) {
                i += 1;
                continue;
            }
            match self.subject_at(i, b) {
                Ok(r) => return r,
                Err(next) => {
                    words += next - i;
                    i = next;
                }
            }
        }
        Role::default()
    }

    /// Whether tokens `c0..at` hold only punctuation and words that may open
    /// a clause before its verb (كما، قد، ثم، من جهته: kind `lead` in
    /// `event_context.tsv`).
    fn opens_clause(&self, c0: usize, at: usize) -> bool {
        (c0..at).all(|i| {
            self.doc.tokens[i].kind == TokenKind::Punct || self.ctx(i) == Some(ContextKind::Lead)
        })
    }

    /// Whether what follows the verb at token `i` cannot be its subject: a
    /// preposition or complementiser, punctuation or an accusative
    /// indefinite ("واستقبل وفدا"). A noun in the nominative may be a
    /// subject the recogniser missed ("ودعا اتحاد …"، "ودعا البيان"), and
    /// so may a count ("ونددت 19 منظمة"، "وقتل 29 شخصا" is a passive),
    /// unless `counted_object` (the verb's category is in [`COUNTED_OBJECT`]).
    fn object_follows(&self, i: usize, counted_object: bool) -> bool {
        let doc = self.doc;
        // a time word may stand between verb and complement ("ودعا أمس إلى")
        let mut i = i;
        while i < doc.tokens.len()
            && doc
                .times
                .iter()
                .any(|t| t.span.contains(doc.tokens[i].span))
        {
            i += 1;
        }
        let Some(t) = doc.tokens.get(i) else {
            return true;
        };
        if t.kind == TokenKind::Punct {
            return true;
        }
        // (a count after a verb of seizing or giving is its object: "وضبطت
        // 6178 كيلوغراما"، "وقدمت 500 سلة")
        if self.is_quantity(i) {
            return counted_object;
        }
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = self.norm(i);
        // a verb coordinated with it shares its object ("وضبطت وأتلفت 6178
        // كيلوغراما"): و + a word with the feminine perfect ending ت, after
        // a verb with the same ending, no article
        let verb_end = i > 0 && self.norm(i - 1).ends_with('ت');
        if verb_end
            && w.starts_with('و')
            && !w.starts_with("وال")
            && w.ends_with('ت')
            && w.chars().count() >= 5
        {
            return self.object_follows(i + 1, counted_object);
        }
        let prep = Class::OTHER_PREP | Class::TARGET_PREP | Class::OPENER;
        self.table.class(i) & prep != 0
            || (!w.starts_with("ال") && w.chars().count() > 3 && w.ends_with('ا'))
    }

    /// Whether the antecedent `r` can be the subject of a verb of `person`: a
    /// feminine verb takes an organisation, a place or a group named by a
    /// noun, not a man; a masculine one a person or an organisation, not a
    /// country; never a list of several.
    fn agrees_with(&self, r: &Role, person: Person) -> bool {
        !r.is_empty()
            && r.entities.len() <= 1
            && r.entities.iter().all(|&e| {
                let kind = self.doc.entities[e].kind;
                match person {
                    Person::Feminine => matches!(kind, EntityType::Org | EntityType::Loc),
                    _ => matches!(kind, EntityType::Per | EntityType::Org),
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_from_the_verb_form() {
        assert_eq!(person_of("دعا", false), Person::Masculine);
        assert_eq!(person_of("دعت", false), Person::Feminine);
        assert_eq!(person_of("دعوا", false), Person::Plural);
        assert_eq!(person_of("رفضنا", false), Person::First);
        assert_eq!(person_of("يدعو", true), Person::Masculine);
        assert_eq!(person_of("تدعو", true), Person::Feminine);
        assert_eq!(person_of("ندعو", true), Person::First);
        assert_eq!(person_of("ستدعو", true), Person::Feminine);
        assert_eq!(person_of("يدعون", true), Person::Plural);
    }
}
