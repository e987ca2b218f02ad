use serde::{Deserialize, Serialize};

use crate::Span;

/// What kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A word in any script (letters and combining marks).
    Word,
    /// Digits, possibly with decimal/thousands separators.
    Number,
    /// Punctuation, one character.
    Punct,
    /// Any other non-space character.
    Symbol,
}

/// A token: a span of the original text plus its normalised form and clitic analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Original byte span (includes diacritics and tatweel).
    pub span: Span,
    /// Byte span of the token in `Doc::norm.text`.
    pub norm: Span,
    /// Token kind.
    pub kind: TokenKind,
    /// Length in normalised bytes of the proclitics (و ف ب ل ك س ال …), 0 if none.
    pub prefix_len: u16,
    /// Length in normalised bytes of an enclitic pronoun (ه ها هم …), 0 if none.
    pub suffix_len: u16,
}

impl Token {
    /// Normalised span of the stem (the token without its clitics).
    pub fn stem_norm(&self) -> Span {
        Span::new(
            self.norm.start + self.prefix_len as u32,
            self.norm.end - self.suffix_len as u32,
        )
    }

    /// Whether the token is a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// A span recognised as non-content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boilerplate {
    /// Where it is.
    pub span: Span,
    /// `ad`, `heading`, `byline`, `read_more`, …
    pub kind: &'static str,
}

/// Entity classes (the ANERcorp classes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// Person.
    #[serde(rename = "PER")]
    Per,
    /// Organisation.
    #[serde(rename = "ORG")]
    Org,
    /// Location.
    #[serde(rename = "LOC")]
    Loc,
    /// Miscellaneous.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    /// Contract name (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// ANERcorp tag suffix (`PERS`, `ORG`, `LOC`, `MISC`).
    pub fn conll(self) -> &'static str {
        match self {
            EntityType::Per => "PERS",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }
}

/// One real-world referent in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// `E1`, `E2`, … in order of first mention.
    pub id: String,
    /// Class.
    pub kind: EntityType,
    /// Canonical Arabic name (the longest proper-name mention, as written).
    pub name: String,
    /// English name when a lexicon knows it.
    pub name_en: Option<String>,
    /// ISO 3166-1 alpha-3 of affiliation.
    pub country: Option<String>,
    /// CAMEO-style sector (`GOV`, `MIL`, `MED`, …).
    pub sector: Option<String>,
    /// Titles and roles as written.
    pub roles: Vec<String>,
    /// Every mention (byte spans, clitics excluded), in text order.
    pub mentions: Vec<Span>,
}

impl Entity {
    /// CAMEO-style actor code: country + sector (`USAGOV`, `RUS`, `MED`).
    pub fn actor_code(&self) -> Option<String> {
        match (&self.country, &self.sector) {
            (None, None) => None,
            (c, s) => Some(format!(
                "{}{}",
                c.as_deref().unwrap_or(""),
                s.as_deref().unwrap_or("")
            )),
        }
    }
}

/// TimeML types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Time {
    /// `T1`, `T2`, … in text order.
    pub id: String,
    /// The expression as written.
    pub span: Span,
    /// TimeML type.
    pub kind: TimeType,
    /// TimeML value (`2025-11-26`, `2025-W49`, `P3D`, `PAST_REF`); `None` when it cannot be resolved.
    pub value: Option<String>,
    /// `day`, `week`, `month`, `quarter`, `year`, …
    pub granularity: String,
    /// `dateline`, `absolute`, or `time:T3`.
    pub anchor: String,
    /// `gregorian` or `hijri`.
    pub calendar: String,
}

/// Direct, indirect or mixed speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// All of the content is in quotation marks.
    Direct,
    /// Reported speech, no quotation marks.
    Indirect,
    /// Reported speech with a quoted fragment.
    Mixed,
}

/// Who said what.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// `Q1`, … in text order of the cue.
    pub id: String,
    /// Entity id of the speaker.
    pub speaker: Option<String>,
    /// The speaker as written in this clause (`None` when dropped).
    pub speaker_span: Option<Span>,
    /// The reporting verb or phrase.
    pub cue: Span,
    /// What was said, without quotation marks and complementiser.
    pub content: Span,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Entity id the statement was addressed to.
    pub addressee: Option<String>,
    /// Medium as written (`منصة إكس`).
    pub channel: Option<String>,
    /// Id of the quote inside which this one is reported.
    pub reported_by: Option<String>,
    /// Time id when the statement is dated.
    pub time: Option<String>,
}

/// A PLOVER event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// `V1`, … in text order of the trigger.
    pub id: String,
    /// PLOVER category (`AGREE`, `CONSULT`, …).
    pub kind: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Auxiliary mode: `future`, `historical`, `hypothetical`, `negation`.
    pub aux: Option<String>,
    /// Entity ids of the actors.
    pub actor: Vec<String>,
    /// Entity ids of the recipients.
    pub recipient: Vec<String>,
    /// Actor codes (`USAGOV`).
    pub actor_codes: Vec<String>,
    /// Recipient codes.
    pub recipient_codes: Vec<String>,
    /// Time id.
    pub time: Option<String>,
    /// Entity id of the place.
    pub location: Option<String>,
    /// Quote id when the event is reported by a statement.
    pub quote: Option<String>,
    /// The word(s) expressing the event.
    pub trigger: Span,
    /// The sentence.
    pub evidence: Span,
    /// 0–1.
    pub confidence: f32,
}
