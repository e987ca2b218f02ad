//! Subjects introduced by a long title: "التقى مدير عام الشؤون الصحية
//! بمنطقة الجوف حسين بن الراوي …", "استقبل وكيل وزارة الداخلية للشؤون
//! الأمنية الدكتور …".
//!
//! Agency style puts the whole title before the name, and a verb's subject
//! (VSO) then starts several words after the verb. A title head (`title` in
//! `event_context.tsv`: مدير، وكيل، مستشار، المتحدث، اللواء …) or an
//! honorific (صاحب، معالي …) right after the verb leads to the first person
//! named after it, across the places and organisations of the title.

use rasd_doc::{EntityType, TokenKind};

use super::{Class, Coder, Role, RELATIVE_PRONOUNS};
use crate::lexicon::{Agent, ContextKind};

/// How far after the title head the name may stand (tokens).
const TITLE_REACH: usize = 12;

impl Coder<'_> {
    /// The person a title starting at token `i` introduces (before token
    /// `end`), with the token after the name: the first person named after
    /// it with no punctuation, clause opener, relative pronoun, event verb or
    /// recipient preposition between.
    pub(super) fn titled_subject(&self, i: usize, end: usize) -> Option<(Role, usize)> {
        if i >= end
            || !matches!(
                self.ctx(i),
                Some(ContextKind::Title | ContextKind::Honorific)
            )
            || self.after_prep(i, Class::OTHER_PREP | Class::TARGET_PREP)
        {
            return None;
        }
        let mut j = i + 1;
        while j < end.min(i + TITLE_REACH) {
            let w = self.norm(j);
            if self.doc.tokens[j].kind != TokenKind::Word
                || self.table.class(j) & Class::OPENER != 0
                || (self.table.class(j) & Class::TARGET_PREP != 0 && w != "لدي")
                || RELATIVE_PRONOUNS.contains(&w)
                || self.is_event_verb(j)
            {
                return None;
            }
            if let Some((e, next, prep)) = self.mention_at(j) {
                if self.doc.entities[e].kind == EntityType::Per {
                    if prep {
                        return None;
                    }
                    let (entities, after) = self.coordinated(j, end);
                    // a person no lexicon codes takes the code of the
                    // title's own words ("أمين منطقة عسير" → SAU)
                    let uncoded = entities.iter().all(|&x| {
                        let ent = &self.doc.entities[x];
                        ent.country.is_none() && ent.sector.is_none()
                    });
                    let codes = if uncoded {
                        self.title_code(i, j).into_iter().collect()
                    } else {
                        Vec::new()
                    };
                    return Some((Role { entities, codes }, after));
                }
                // a place or an organisation of the title ("بمنطقة الجوف")
                j = next.max(j + 1);
                continue;
            }
            j += 1;
        }
        None
    }

    /// The code the words of a title `i..j` give: the country of a place or
    /// organisation in it, the sector of that organisation or of a nominal
    /// actor in it ("مدير شرطة منطقة جازان" → SAUCOP), and an official of a
    /// place is its government's ("أمين منطقة عسير" → SAUGOV).
    fn title_code(&self, i: usize, j: usize) -> Option<String> {
        let mut country = None;
        let mut sector = None;
        let mut place = false;
        for k in i..j {
            if let Some((e, _, _)) = self.mention_at(k) {
                let ent = &self.doc.entities[e];
                country = country.or_else(|| ent.country.clone());
                sector = sector.or_else(|| ent.sector.clone());
                place |= ent.kind == EntityType::Loc;
            }
            if sector.is_none() {
                if let Some(Agent::Sector(s)) = self.agent(k) {
                    sector = Some(s.clone());
                }
            }
        }
        if place && sector.is_none() {
            sector = Some("GOV".to_string());
        }
        (country.is_some() || sector.is_some()).then(|| {
            format!(
                "{}{}",
                country.unwrap_or_default(),
                sector.unwrap_or_default()
            )
        })
    }
}
