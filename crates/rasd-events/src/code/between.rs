//! Reciprocal parties: who meets, agrees or cooperates "between X and Y".
//!
//! PLOVER codes a reciprocal event with both sides as actors ("actor and
//! recipient are lists"). Arabic names the sides of a talk, an agreement or
//! a cooperation after the event noun with بين: "اتفاق بين إيران والقوى
//! الكبرى", "محادثات في ماليزيا أمس، بين وزير الخارجية الأميركي جون كيري
//! ونظيره الروسي سيرجي لافروف", "توقيع اتفاق سلام بين الحكومة السودانية
//! والمتمردين". The bare "بين البلدين" or "بين الشباب" names no side, so
//! two sides at least are required; a side the coder cannot name still
//! counts after و ("بين إيران ومجموعة 5+1" makes Iran an actor).

use rasd_doc::{EntityType, TokenKind};

use super::{Class, Coder, Role, RELATIVE_PRONOUNS};
use crate::detect::Match;

/// Event categories whose sides are all actors when named with بين.
pub(super) const RECIPROCAL: &[&str] = &["AGREE", "CONSULT", "COOPERATE"];

/// How far after the trigger بين may stand (tokens).
const REACH: usize = 8;

impl Coder<'_> {
    /// The sides named by a بين within [`REACH`] tokens after trigger `m`
    /// (before token `end`, the sentence's end), when there are two or more.
    ///
    /// Between the trigger and بين may stand the trigger's own modifiers
    /// (adjectives, genitives, a time, "في" + a place) but no event verb,
    /// clause opener, relative pronoun, other preposition or other named
    /// party; a comma only right before بين ("… أمس، بين …").
    pub(super) fn between_parties(&self, m: &Match, end: usize) -> Option<Role> {
        let doc = self.doc;
        let stop = end.min(m.end + REACH);
        let mut j = m.end;
        let k = loop {
            if j >= stop {
                return None;
            }
            let w = self.norm(j);
            if w == "بين" {
                break j + 1;
            }
            if w == "ما" && j + 1 < stop && self.norm(j + 1) == "بين" {
                break j + 2;
            }
            if doc.tokens[j].kind == TokenKind::Punct {
                if matches!(w, "،" | ",") && j + 1 < stop && self.norm(j + 1) == "بين" {
                    j += 1;
                    continue;
                }
                return None;
            }
            // (a topic or circumstance governs its own بين: "محادثات بشأن
            // الاتفاق بين …"، "بعد الاتفاق بين …")
            if self.table.class(j) & Class::OPENER != 0
                || (self.table.class(j) & Class::OTHER_PREP != 0 && !matches!(w, "في" | "وفي"))
                || RELATIVE_PRONOUNS.contains(&w)
                || self.is_event_verb(j)
            {
                return None;
            }
            if let Some((e, next, _)) = self.mention_at(j) {
                // only a place may stand between ("في ماليزيا")
                if doc.entities[e].kind != EntityType::Loc {
                    return None;
                }
                j = next;
                continue;
            }
            j += 1;
        };
        let mut parties = Role::default();
        let mut count = 0;
        let mut i = k;
        while i < end {
            let Some(next) = self.party_at(i, end, &mut parties) else {
                // an unknown side after و still makes the named one a side
                // of a reciprocal event ("بين إيران ومجموعة 5+1")
                if count > 0 && i > k && doc.tokens[i].kind == TokenKind::Word {
                    count += 1;
                }
                break;
            };
            count += 1;
            // the next side: "و" + a party, or a party with و attached
            if next < end && self.norm(next) == "و" {
                i = next + 1;
            } else if next < end && self.norm(next).starts_with('و') {
                i = next;
            } else {
                break;
            }
        }
        (count >= 2).then_some(parties)
    }

    /// One side at token `i`: a named entity, a title with its name
    /// ("ونظيره الروسي سيرجي لافروف") or a nominal actor ("والمتمردين");
    /// adds it to `parties` and returns the token after it.
    fn party_at(&self, i: usize, end: usize, parties: &mut Role) -> Option<usize> {
        let named = self
            .mention_at(i)
            .map(|_| i)
            .or_else(|| self.apposed_name(i));
        if let Some(n) = named.filter(|&n| n < end) {
            let (e, next, _) = self.mention_at(n)?;
            if !parties.entities.contains(&e) {
                parties.entities.push(e);
            }
            return Some(next);
        }
        let code = self.nominal_at(i, end)?;
        if !parties.codes.contains(&code) {
            parties.codes.push(code);
        }
        // the nominal phrase runs over its definite modifiers and
        // nationality adjectives ("الحكومة السودانية")
        let mut next = i + 1;
        while next < end
            && !self.norm(next).starts_with('و')
            && (self.norm(next).starts_with("ال") || self.agent(next).is_some())
        {
            next += 1;
        }
        Some(next)
    }
}
