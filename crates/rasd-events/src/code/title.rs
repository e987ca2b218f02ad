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
use crate::lexicon::ContextKind;

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
                    return Some((
                        Role {
                            entities,
                            codes: Vec::new(),
                        },
                        after,
                    ));
                }
                // a place or an organisation of the title ("بمنطقة الجوف")
                j = next.max(j + 1);
                continue;
            }
            j += 1;
        }
        None
    }
}
