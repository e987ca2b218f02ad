//! Subjects set off by a comma: "بعث خادم الحرمين الشريفين الملك سلمان بن
//! عبدالعزيز آل سعود، برقية تهنئة لفخامة الرئيس …".
//!
//! Agency and court style puts a comma after a long verb–subject group
//! (a title and a full name) before the object. The comma ends the clause
//! for the coder, so an event noun in the object ("برقية تهنئة"، "رسالة
//! شكر"، "اتصالا هاتفيا") would have no actor. The subject before the comma
//! is taken when the group before it opens with a verb whose object is an
//! event noun (بعث، عقد، أجرى، ترأس، أعلن …) followed by its subject, the
//! subject's name reaching the comma, and at most two words (the object's
//! head) stand between the comma and the noun.

use rasd_doc::TokenKind;

use super::{Class, Coder, Role};
use crate::detect::Match;

/// Words that may precede the verb of the group ("وكما بعث"، "ثم وجه").
const LEADERS: &[&str] = &["كما", "وكما", "ثم", "قد", "وقد", "فقد", "لقد", "ولقد"];

/// Verbs (normalised perfect stems) whose object is an event noun: one
/// sends a telegram of congratulation, holds talks, chairs a meeting,
/// makes a visit, voices a condemnation, announces a welcome.
const DOING_VERBS: &[&str] = &[
    "ابدي", "اتخذ", "اجري", "اصدر", "اعرب", "اعلن", "بدا", "بعث", "تراس", "تلقي", "جدد", "راس",
    "شن", "عقد", "قام", "قدم", "نفذ", "وجه",
];

/// Whether `w` is a perfect form (he, she, they two, they) of a verb of
/// [`DOING_VERBS`]: بعث، بعثت، بعثا، بعثوا؛ أجرى، أجرت، أجريا، أجروا.
fn is_doing_verb(w: &str) -> bool {
    DOING_VERBS.iter().any(|&stem| {
        let base = stem.strip_suffix('ي').unwrap_or(stem);
        let rest = if stem.ends_with('ي') {
            w.strip_prefix(stem)
                .filter(|r| matches!(*r, "" | "ا"))
                .or_else(|| {
                    w.strip_prefix(base)
                        .filter(|r| matches!(*r, "ت" | "تا" | "وا"))
                })
        } else {
            w.strip_prefix(stem)
                .filter(|r| matches!(*r, "" | "ت" | "ا" | "تا" | "وا"))
        };
        rest.is_some()
    })
}

/// The longest verb–subject group looked at (tokens).
const GROUP: usize = 16;

impl Coder<'_> {
    /// The subject of the verb–subject group that ends at the comma before
    /// clause start `c0`, for noun trigger `m` (see the module doc).
    pub(super) fn subject_before_comma(&self, m: &Match, c0: usize) -> Option<Role> {
        if c0 < 3 || m.start > c0 + 2 || !matches!(self.norm(c0 - 1), "،" | ",") {
            return None;
        }
        // between the comma and the noun: the object's head only
        if (c0..m.start).any(|i| {
            self.doc.tokens[i].kind != TokenKind::Word
                || self.mention_at(i).is_some()
                || self.table.class(i) & (Class::OTHER_PREP | Class::TARGET_PREP | Class::OPENER)
                    != 0
        }) {
            return None;
        }
        // the name reaches the comma
        let comma = c0 - 1;
        let (_, end, prep) = self.mention_at(comma - 1)?;
        if prep || end != comma {
            return None;
        }
        // the group: from the previous break (or the sentence start) to the comma
        let sentence = self.doc.sentence_at(self.doc.tokens[comma].span.start)?;
        let s0 = self
            .doc
            .tokens
            .partition_point(|t| t.span.start < self.doc.sentences[sentence].start);
        let mut g = comma;
        while g > s0 && !self.table.is_break(g - 1) {
            g -= 1;
        }
        if comma - g > GROUP {
            return None;
        }
        let mut v = g;
        while v < comma && LEADERS.contains(&self.norm(v)) {
            v += 1;
        }
        // the verb: one that takes an event noun as its object
        let w = self.norm(v).trim_start_matches(['و', 'ف']);
        if v + 1 >= comma || !is_doing_verb(w) {
            return None;
        }
        // its subject: the first noun phrase after it (a title leads to its
        // name: "خادم الحرمين الشريفين الملك سلمان")
        let r = self.subject_in(v + 1, comma);
        (!r.is_empty()).then_some(r)
    }
}

#[cfg(test)]
mod tests {
    use super::is_doing_verb;

    #[test]
    fn doing_verbs_in_their_perfect_forms() {
        for w in [
            "بعث",
            "بعثت",
            "بعثوا",
            "اجري",
            "اجرت",
            "اجريا",
            "اجروا",
            "عقدا",
            "تراس",
        ] {
            assert!(is_doing_verb(w), "{w}");
        }
        for w in ["بعثة", "اجرة", "عقدة", "وخاصة", "علي", "بمجرد"] {
            assert!(!is_doing_verb(w), "{w}");
        }
    }
}
