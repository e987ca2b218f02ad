//! The BIO tag set of ANERcorp and span extraction from tag sequences.
use rasd_doc::EntityType;

/// One BIO label over the four ANERcorp classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(EntityType),
    /// Continuation of an entity.
    I(EntityType),
}

/// Number of labels in the tag set.
pub const NUM_TAGS: usize = 9;

const TYPES: [EntityType; 4] = [
    EntityType::Per,
    EntityType::Loc,
    EntityType::Org,
    EntityType::Misc,
];

impl Tag {
    /// Dense index `0..NUM_TAGS`.
    pub fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(t) => 1 + 2 * type_index(t),
            Tag::I(t) => 2 + 2 * type_index(t),
        }
    }

    /// The tag of a dense index (out-of-range indices give `O`).
    pub fn from_index(i: usize) -> Tag {
        if i == 0 || i >= NUM_TAGS {
            Tag::O
        } else if i % 2 == 1 {
            Tag::B(TYPES[(i - 1) / 2])
        } else {
            Tag::I(TYPES[(i - 2) / 2])
        }
    }

    /// Parses an ANERcorp/CoNLL tag (`B-PERS`, `I-LOC`, `O`; `PER` is accepted for `PERS`).
    /// Unknown tags (and unknown types) read as `O`.
    pub fn parse(s: &str) -> Tag {
        let s = s.trim();
        let (bio, ty) = match s.split_once('-') {
            Some((b, t)) => (b, t),
            None => return Tag::O,
        };
        let ty = match ty {
            "PERS" | "PER" => EntityType::Per,
            "LOC" | "GPE" => EntityType::Loc,
            "ORG" => EntityType::Org,
            "MISC" => EntityType::Misc,
            _ => return Tag::O,
        };
        match bio {
            "B" => Tag::B(ty),
            "I" => Tag::I(ty),
            _ => Tag::O,
        }
    }

    /// The entity type, if any.
    pub fn kind(self) -> Option<EntityType> {
        match self {
            Tag::O => None,
            Tag::B(t) | Tag::I(t) => Some(t),
        }
    }

    /// Whether `self` may follow `prev` in a well-formed BIO sequence
    /// (`prev = None` at the start of a sentence).
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        match self {
            Tag::I(t) => matches!(prev, Some(Tag::B(p)) | Some(Tag::I(p)) if p == t),
            _ => true,
        }
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(t) => write!(f, "B-{}", t.conll()),
            Tag::I(t) => write!(f, "I-{}", t.conll()),
        }
    }
}

fn type_index(t: EntityType) -> usize {
    match t {
        EntityType::Per => 0,
        EntityType::Loc => 1,
        EntityType::Org => 2,
        EntityType::Misc => 3,
    }
}

/// An entity span over token indices `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TagSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Class.
    pub kind: EntityType,
}

/// Entity spans of a tag sequence, CoNLL style: an `I-X` that does not
/// continue an `X` entity starts a new one (as conlleval does).
pub fn spans(tags: &[Tag]) -> Vec<TagSpan> {
    let mut out = Vec::new();
    let mut cur: Option<TagSpan> = None;
    for (i, &t) in tags.iter().enumerate() {
        match t {
            Tag::O => {
                out.extend(cur.take());
            }
            Tag::B(k) => {
                out.extend(cur.take());
                cur = Some(TagSpan {
                    start: i,
                    end: i + 1,
                    kind: k,
                });
            }
            Tag::I(k) => match cur.as_mut() {
                Some(c) if c.kind == k => c.end = i + 1,
                _ => {
                    out.extend(cur.take());
                    cur = Some(TagSpan {
                        start: i,
                        end: i + 1,
                        kind: k,
                    });
                }
            },
        }
    }
    out.extend(cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_round_trips() {
        for i in 0..NUM_TAGS {
            assert_eq!(Tag::from_index(i).index(), i);
        }
        assert_eq!(Tag::parse("B-PERS"), Tag::B(EntityType::Per));
        assert_eq!(Tag::parse("I-ORG").to_string(), "I-ORG");
        assert_eq!(Tag::parse("garbage"), Tag::O);
    }

    #[test]
    fn spans_follow_conlleval() {
        let t: Vec<Tag> = ["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "B-ORG", "I-PERS"]
            .iter()
            .map(|s| Tag::parse(s))
            .collect();
        let s = spans(&t);
        assert_eq!(s.len(), 5);
        assert_eq!((s[0].start, s[0].end), (0, 2));
        assert_eq!(s[1].kind, EntityType::Loc);
        assert_eq!((s[3].start, s[3].end), (5, 6));
    }
}
